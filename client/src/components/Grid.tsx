// The ground grid: drei's shader grid (one draw call, fades with distance),
// laid on the plane perpendicular to the scene's up vector.
import { Grid } from "@react-three/drei";
import { type ReactNode, useMemo } from "react";
import * as THREE from "three";
import { parseUpKey, useSceneUpKey } from "../core/sceneUp";
import { useTransform } from "../core/transform";
import type { TypedNodeProps } from "../registry";
import { bool, color, num } from "./props";

const Y_UP = new THREE.Vector3(0, 1, 0);

export function GridNode({ node, children }: TypedNodeProps<"Grid">): ReactNode {
  const upKey = useSceneUpKey();
  const toUp = useMemo(() => new THREE.Quaternion().setFromUnitVectors(Y_UP, parseUpKey(upKey)), [upKey]);
  const transform = useTransform(node);
  const placed = transform.rotation || transform.quaternion;
  return (
    <group {...transform} quaternion={placed ? transform.quaternion : toUp}>
      <Grid
        args={[num(node.width, 10), num(node.height, 10)]}
        cellSize={num(node.cellSize, 0.1)}
        sectionSize={num(node.sectionSize, 1)}
        cellColor={color(node.cellColor, "#b4b4b4")}
        sectionColor={color(node.sectionColor, "#8c8c8c")}
        cellThickness={num(node.cellThickness, 0.6)}
        sectionThickness={num(node.sectionThickness, 1)}
        fadeDistance={num(node.fadeDistance, 50)}
        fadeStrength={num(node.fadeStrength, 1.5)}
        infiniteGrid={bool(node.infiniteGrid, true)}
        followCamera={bool(node.followCamera, false)}
        side={THREE.DoubleSide}
        raycast={() => null}
      />
      {children}
    </group>
  );
}
