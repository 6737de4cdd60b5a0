// The ground grid: drei's shader grid (one draw call, fades with distance),
// laid on the plane perpendicular to the scene's up vector. Its defaults are
// the public client's look: grey cells every 0.2 m, cyan sections every 1 m.
// A scene with `grid: false` or `showGrid: false` hides its furniture grids.
import { Grid } from "@react-three/drei";
import { type ReactNode, useMemo } from "react";
import * as THREE from "three";
import { parseUpKey, useSceneUpKey } from "../core/sceneUp";
import { useTransform } from "../core/transform";
import type { TypedNodeProps } from "../registry";
import { useScene } from "../store";
import { bool, color, defaultOf, num } from "../core/props";

const Y_UP = new THREE.Vector3(0, 1, 0);

/** Whether the scene turns off this grid: a grid of its bgChildren, with `grid`/`showGrid` false. */
function useGridOff(key: string): boolean {
  return useScene((s) => {
    const entry = s.graph.nodes.get(key);
    const root = s.rootKey === null ? undefined : s.graph.nodes.get(s.rootKey);
    if (!entry || !root || entry.parent !== root.node.key || entry.slot !== "bgChildren") return false;
    const props = root.node as { grid?: unknown; showGrid?: unknown };
    return props.grid === false || props.showGrid === false;
  });
}

export function GridNode({ node, children }: TypedNodeProps<"Grid">): ReactNode {
  const off = useGridOff(node.key);
  const upKey = useSceneUpKey();
  const toUp = useMemo(() => new THREE.Quaternion().setFromUnitVectors(Y_UP, parseUpKey(upKey)), [upKey]);
  const transform = useTransform(node);
  const placed = transform.rotation || transform.quaternion;
  if (off) return null;
  return (
    <group {...transform} quaternion={placed ? transform.quaternion : toUp}>
      <Grid
        args={[num(node.width, defaultOf(node, "width")), num(node.height, defaultOf(node, "height"))]}
        cellSize={num(node.cellSize, defaultOf(node, "cellSize"))}
        sectionSize={num(node.sectionSize, defaultOf(node, "sectionSize"))}
        cellColor={color(node.cellColor, defaultOf(node, "cellColor"))}
        sectionColor={color(node.sectionColor, defaultOf(node, "sectionColor"))}
        cellThickness={num(node.cellThickness, defaultOf(node, "cellThickness"))}
        sectionThickness={num(node.sectionThickness, defaultOf(node, "sectionThickness"))}
        fadeDistance={num(node.fadeDistance, defaultOf(node, "fadeDistance"))}
        fadeStrength={num(node.fadeStrength, defaultOf(node, "fadeStrength"))}
        infiniteGrid={bool(node.infiniteGrid, defaultOf(node, "infiniteGrid"))}
        followCamera={bool(node.followCamera, defaultOf(node, "followCamera"))}
        side={THREE.DoubleSide}
        raycast={() => null}
      />
      {children}
    </group>
  );
}
