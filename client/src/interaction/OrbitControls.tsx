// Orbit-style camera controls: the `OrbitControls` node (public API props,
// polar limits in degrees) and `SceneCameraControl` (DefaultScene's control,
// with its speed names). Both claim the view (the latest one drives the
// camera) and stream CAMERA_MOVE when `stream` is set.
import { OrbitControls } from "@react-three/drei";
import type { ReactNode } from "react";
import type { Vector3 } from "three";
import { bool, defaultOf, num } from "../core/props";
import { useCameraUp } from "../core/sceneUp";
import { toVector3 } from "../core/transform";
import type { TypedNodeProps } from "../registry";
import { useClaimControls } from "./controlsClaim";
import { useCameraStream } from "./useCameraStream";

const DEG = Math.PI / 180;

interface OrbitOptions {
  makeDefault: boolean;
  enableDamping: boolean;
  enablePan: boolean;
  screenSpacePanning: boolean;
  enableRotate: boolean;
  enableZoom: boolean;
  maxPolarAngle: number;
  minPolarAngle: number;
  maxDistance: number;
  minDistance: number;
  rotateSpeed: number;
  zoomSpeed: number;
  panSpeed: number;
  target: Vector3 | undefined;
}

function OrbitView({ options, stream }: { options: OrbitOptions; stream: boolean }) {
  const active = useClaimControls();
  const upKey = useCameraUp();
  const onChange = useCameraStream(stream);
  if (!active) return null;
  return <OrbitControls key={upKey} {...options} onChange={onChange} />;
}

export function OrbitControlsNode({ node }: TypedNodeProps<"OrbitControls">): ReactNode {
  const maxDistance = num(node.maxDistance, defaultOf(node, "maxDistance"));
  const options: OrbitOptions = {
    makeDefault: bool(node.makeDefault, defaultOf(node, "makeDefault")),
    enableDamping: bool(node.enableDamping, defaultOf(node, "enableDamping")),
    enablePan: bool(node.enablePan, defaultOf(node, "enablePan")),
    screenSpacePanning: bool(node.screenSpacePanning, defaultOf(node, "screenSpacePanning")),
    enableRotate: bool(node.enableRotate, defaultOf(node, "enableRotate")),
    enableZoom: bool(node.enableZoom, defaultOf(node, "enableZoom")),
    maxPolarAngle: num(node.maxPolarAngle, defaultOf(node, "maxPolarAngle")) * DEG,
    minPolarAngle: num(node.minPolarAngle, defaultOf(node, "minPolarAngle")) * DEG,
    // 0 means no limit, as in the public client.
    maxDistance: maxDistance === 0 ? Infinity : maxDistance,
    minDistance: num(node.minDistance, defaultOf(node, "minDistance")),
    rotateSpeed: num(node.rotateSpeed, defaultOf(node, "rotateSpeed")),
    zoomSpeed: num(node.zoomSpeed, defaultOf(node, "zoomSpeed")),
    panSpeed: num(node.panSpeed, defaultOf(node, "panSpeed")),
    target: toVector3(node.target),
  };
  return <OrbitView options={options} stream={bool(node.stream, defaultOf(node, "stream"))} />;
}

export function SceneCameraControlNode({ node }: TypedNodeProps<"SceneCameraControl">): ReactNode {
  // Only the speeds and makeDefault are SceneCameraControl props; the rest is fixed.
  const options: OrbitOptions = {
    makeDefault: bool(node.makeDefault, defaultOf(node, "makeDefault")),
    enableDamping: false,
    enablePan: true,
    screenSpacePanning: true,
    enableRotate: true,
    enableZoom: true,
    maxPolarAngle: Math.PI,
    minPolarAngle: 0,
    maxDistance: Infinity,
    minDistance: 0,
    rotateSpeed: num(node.mouseRotateSpeed, defaultOf(node, "mouseRotateSpeed")),
    zoomSpeed: num(node.dollySpeed, defaultOf(node, "dollySpeed")),
    panSpeed: num(node.truckSpeed, defaultOf(node, "truckSpeed")),
    target: undefined,
  };
  return <OrbitView options={options} stream={bool(node.stream, defaultOf(node, "stream"))} />;
}
