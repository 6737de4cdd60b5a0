// Orbit-style camera controls: the `OrbitControls` node (public API props,
// polar limits in degrees) and `SceneCameraControl` (DefaultScene's control,
// with its speed names). Both claim the view (the latest one drives the
// camera) and stream CAMERA_MOVE when `stream` is set.
import { OrbitControls } from "@react-three/drei";
import type { ReactNode } from "react";
import { useCameraUp } from "../core/sceneUp";
import { toVector3 } from "../core/transform";
import type { NodeProps } from "../registry";
import type { SceneNode } from "../types";
import { useClaimControls } from "./controlsClaim";
import { bool, num } from "../core/props";
import { useCameraStream } from "./useCameraStream";

const DEG = Math.PI / 180;

function OrbitView({ node, speeds }: { node: SceneNode; speeds: { rotate: number; zoom: number; pan: number } }) {
  const active = useClaimControls();
  const upKey = useCameraUp();
  const onChange = useCameraStream(node.stream === true);
  if (!active) return null;
  return (
    <OrbitControls
      key={upKey}
      makeDefault={bool(node.makeDefault, true)}
      enableDamping={bool(node.enableDamping, false)}
      enablePan={bool(node.enablePan, true)}
      screenSpacePanning={bool(node.screenSpacePanning, true)}
      enableRotate={bool(node.enableRotate, true)}
      enableZoom={bool(node.enableZoom, true)}
      maxPolarAngle={num(node.maxPolarAngle, 180) * DEG}
      minPolarAngle={num(node.minPolarAngle, 0) * DEG}
      maxDistance={num(node.maxDistance, Infinity)}
      minDistance={num(node.minDistance, 0)}
      rotateSpeed={speeds.rotate}
      zoomSpeed={speeds.zoom}
      panSpeed={speeds.pan}
      target={toVector3(node.target)}
      onChange={onChange}
    />
  );
}

export function OrbitControlsNode({ node }: NodeProps): ReactNode {
  const speeds = { rotate: num(node.rotateSpeed, 1), zoom: num(node.zoomSpeed, 1), pan: num(node.panSpeed, 1) };
  return <OrbitView node={node} speeds={speeds} />;
}

export function SceneCameraControlNode({ node }: NodeProps): ReactNode {
  const speeds = {
    rotate: num(node.mouseRotateSpeed, 1),
    zoom: num(node.dollySpeed, 1),
    pan: num(node.truckSpeed, 1),
  };
  return <OrbitView node={node} speeds={speeds} />;
}
