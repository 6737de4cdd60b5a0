// `Hands` (HAND_MOVE) and `MotionControllers` (CONTROLLER_MOVE): while an XR
// session runs and the node has `stream=True`, send the tracked poses at up to
// `fps` (default 30). Matrices are 16 floats, column-major, in the session's
// reference space (XRRigidTransform.matrix). Nothing is drawn: no device
// models are fetched, so this works offline.
import { useFrame } from "@react-three/fiber";
import { useRef } from "react";
import { sendEvent } from "../events";
import type { NodeProps } from "../registry";
import type { SceneNode } from "../types";
import { num } from "./props";

const SIDES = ["left", "right"] as const;
type Side = (typeof SIDES)[number];

/** Which sides to report: both unless `left`/`right` pick some. */
function sidesOf(node: SceneNode): Side[] {
  const picked = SIDES.filter((side) => node[side] === true);
  return picked.length > 0 ? picked : SIDES.filter((side) => node[side] !== false);
}

/** Calls `send(frame, space)` at most `fps` times a second during an XR session. */
export function useXRStream(node: SceneNode, send: (frame: XRFrame, space: XRReferenceSpace) => void): void {
  const last = useRef(0);
  useFrame((state, _delta, frame?: XRFrame) => {
    if (node.stream !== true || !frame) return;
    const space = state.gl.xr.getReferenceSpace();
    const now = performance.now();
    if (!space || now - last.current < 1000 / Math.max(0.1, num(node.fps, 30))) return;
    last.current = now;
    send(frame, space);
  });
}

function distance(poses: Float32Array, a: number, b: number): number {
  const dx = poses[a * 16 + 12] - poses[b * 16 + 12];
  const dy = poses[a * 16 + 13] - poses[b * 16 + 13];
  const dz = poses[a * 16 + 14] - poses[b * 16 + 14];
  return Math.hypot(dx, dy, dz);
}

/** Closeness in 0..1: 1 at `touching` metres or nearer, 0 at `open` or farther. */
function closeness(d: number, touching: number, open: number): number {
  return Math.min(1, Math.max(0, (open - d) / (open - touching)));
}

// Joint indices in the WebXR hand order.
const WRIST = 0;
const THUMB_TIP = 4;
const INDEX_TIP = 9;
const FINGER_TIPS = [14, 19, 24]; // middle, ring, pinky

function handState(poses: Float32Array): Record<string, unknown> {
  const pinchValue = closeness(distance(poses, THUMB_TIP, INDEX_TIP), 0.015, 0.05);
  const curl = FINGER_TIPS.map((tip) => distance(poses, tip, WRIST));
  const squeezeValue = closeness(curl.reduce((a, b) => a + b, 0) / curl.length, 0.07, 0.15);
  return { pinch: pinchValue > 0.9, pinchValue, squeeze: squeezeValue > 0.9, squeezeValue };
}

/** XRFrame.fillPoses, where the browser has it (the WebXR hand-input module). */
interface PoseFiller {
  fillPoses?: (spaces: Iterable<XRSpace>, base: XRSpace, out: Float32Array) => boolean;
}

export function handPoses(frame: XRFrame, hand: XRHand, space: XRReferenceSpace): Float32Array | null {
  const poses = new Float32Array(25 * 16);
  const { fillPoses } = frame as XRFrame & PoseFiller;
  if (fillPoses) return fillPoses.call(frame, hand.values(), space, poses) ? poses : null;
  let i = 0;
  for (const joint of hand.values()) {
    const pose = frame.getJointPose?.(joint, space);
    if (!pose) return null;
    poses.set(pose.transform.matrix, i++ * 16);
  }
  return poses;
}

export function HandsNode({ node }: NodeProps): null {
  useXRStream(node, (frame, space) => {
    const value: Record<string, unknown> = {};
    const sides = sidesOf(node);
    for (const source of frame.session.inputSources) {
      const side = source.handedness as Side;
      if (!source.hand || !sides.includes(side)) continue;
      const poses = handPoses(frame, source.hand, space);
      if (!poses) continue;
      value[side] = Array.from(poses);
      value[`${side}State`] = handState(poses);
    }
    if (Object.keys(value).length > 0) sendEvent("HAND_MOVE", value, node.key);
  });
  return null;
}

// Buttons of the xr-standard gamepad mapping, by index.
const BUTTONS = ["trigger", "squeeze", "touchpad", "thumbstick", "aButton", "bButton"];

function controllerState(gamepad: Gamepad | undefined): Record<string, unknown> {
  const state: Record<string, unknown> = {};
  gamepad?.buttons.forEach((button, i) => {
    const name = BUTTONS[i] ?? `button${i}`;
    state[name] = button.pressed;
    state[`${name}Value`] = button.value;
  });
  const axis = (i: number) => (Number.isFinite(gamepad?.axes[i]) ? gamepad!.axes[i] : 0);
  if (gamepad && gamepad.axes.length >= 2) state.touchpadValue = [axis(0), axis(1)];
  if (gamepad && gamepad.axes.length >= 4) state.thumbstickValue = [axis(2), axis(3)];
  return state;
}

export function MotionControllersNode({ node }: NodeProps): null {
  useXRStream(node, (frame, space) => {
    const value: Record<string, unknown> = {};
    const sides = sidesOf(node);
    for (const source of frame.session.inputSources) {
      const side = source.handedness as Side;
      if (source.hand || !sides.includes(side)) continue;
      const pose = frame.getPose(source.gripSpace ?? source.targetRaySpace, space);
      if (!pose) continue;
      value[side] = Array.from(pose.transform.matrix);
      value[`${side}State`] = controllerState(source.gamepad);
    }
    if (Object.keys(value).length > 0) sendEvent("CONTROLLER_MOVE", value, node.key);
  });
  return null;
}
