// `OrbitControls` node: drei's OrbitControls on the active camera, with the
// public API's props (polar limits in degrees) and `stream` → CAMERA_MOVE.
import { OrbitControls } from "@react-three/drei";
import type { ReactNode } from "react";
import { useSceneUpKey } from "../core/sceneUp";
import { toVector3 } from "../core/transform";
import type { NodeProps } from "../registry";
import { useClaimControls } from "./controlsClaim";
import { useCameraStream } from "./useCameraStream";

const DEG = Math.PI / 180;

function num(value: unknown, fallback: number): number {
  return typeof value === "number" && Number.isFinite(value) ? value : fallback;
}

function flag(value: unknown, fallback: boolean): boolean {
  return typeof value === "boolean" ? value : fallback;
}

export function OrbitControlsNode({ node }: NodeProps): ReactNode {
  useClaimControls();
  const upKey = useSceneUpKey();
  const onChange = useCameraStream(node.stream === true);
  const target = toVector3(node.target);
  return (
    <OrbitControls
      key={upKey}
      makeDefault={flag(node.makeDefault, true)}
      enableDamping={flag(node.enableDamping, false)}
      enablePan={flag(node.enablePan, true)}
      screenSpacePanning={flag(node.screenSpacePanning, true)}
      enableRotate={flag(node.enableRotate, true)}
      enableZoom={flag(node.enableZoom, true)}
      maxPolarAngle={num(node.maxPolarAngle, 180) * DEG}
      minPolarAngle={num(node.minPolarAngle, 0) * DEG}
      maxDistance={num(node.maxDistance, Infinity)}
      minDistance={num(node.minDistance, 0)}
      zoomSpeed={num(node.zoomSpeed, 1)}
      rotateSpeed={num(node.rotateSpeed, 1)}
      panSpeed={num(node.panSpeed, 1)}
      target={target}
      onChange={onChange}
    />
  );
}
