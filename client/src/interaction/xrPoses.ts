// The XR stream values, as the public client sends them: poses are 16 floats,
// column-major, in the session's reference space (metres); hand states carry
// fingertip distances in metres, controller states the xr-standard buttons.
// Plain functions of an XRFrame (no React, no three), so unit tests run them.
import type { NodeOf } from "../registry";
import type { ControllerState, HandState } from "../generated/protocol";

export type Side = "left" | "right";

export const SIDES = ["left", "right"] as const;

// Joint indices in the WebXR hand order (wrist = 0 … pinky-finger-tip = 24).
export const WRIST = 0;
export const THUMB_TIP = 4;
export const INDEX_TIP = 9;
export const MIDDLE_PROXIMAL = 11;
export const MIDDLE_TIP = 14;

/** Below these distances (metres) pinch/tap and squeeze count as on (public client). */
const PINCH_ON = 0.01;
const SQUEEZE_ON = 0.07;

function distance(poses: ArrayLike<number>, a: number, b: number): number {
  const dx = poses[a * 16 + 12] - poses[b * 16 + 12];
  const dy = poses[a * 16 + 13] - poses[b * 16 + 13];
  const dz = poses[a * 16 + 14] - poses[b * 16 + 14];
  return Math.hypot(dx, dy, dz);
}

/** Closeness in 0..1: 1 at `touching` metres or nearer, 0 at `open` or farther. */
function closeness(d: number, touching: number, open: number): number {
  return Math.min(1, Math.max(0, (open - d) / (open - touching)));
}

/** The public client's hand state, plus 0..1 strengths. */
export function handState(poses: ArrayLike<number>): HandState {
  const pinchValue = distance(poses, THUMB_TIP, INDEX_TIP);
  const squeezeValue = distance(poses, MIDDLE_TIP, MIDDLE_PROXIMAL);
  return {
    pinch: pinchValue < PINCH_ON,
    pinchValue,
    squeeze: squeezeValue < SQUEEZE_ON,
    squeezeValue,
    tap: pinchValue < PINCH_ON,
    tapValue: pinchValue,
    pinchStrength: closeness(pinchValue, 0.015, 0.05),
    squeezeStrength: closeness(squeezeValue, 0.03, 0.09),
  };
}

/** XRFrame.fillPoses, where the browser has it (the WebXR hand-input module). */
interface PoseFiller {
  fillPoses?: (spaces: Iterable<XRSpace>, base: XRSpace, out: Float32Array) => boolean;
}

/** The 25 joint poses of a hand (25 × 16 floats), or null while untracked. */
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

/** Moves every joint away from (scale > 1) or towards the wrist, as the public `scale`. */
export function scaleAboutWrist(poses: Float32Array, scale: number): Float32Array {
  if (scale === 1) return poses;
  for (let j = 1; j < 25; j++) {
    for (let c = 12; c < 15; c++) poses[j * 16 + c] = poses[c] + (poses[j * 16 + c] - poses[c]) * scale;
  }
  return poses;
}

/** Hand sides to report: all but those `disableLeft` / `disableRight` turn off. */
export function handSides(node: NodeOf<"Hands">): Side[] {
  return SIDES.filter((side) => node[side === "left" ? "disableLeft" : "disableRight"] !== true);
}

export function sampleHands(frame: XRFrame, space: XRReferenceSpace, sides: Side[], scale = 1) {
  const value: Record<string, unknown> = {};
  for (const source of frame.session.inputSources) {
    const side = source.handedness as Side;
    if (!source.hand || !sides.includes(side)) continue;
    const poses = handPoses(frame, source.hand, space);
    if (!poses) continue;
    scaleAboutWrist(poses, scale);
    value[side] = Array.from(poses);
    value[`${side}State`] = handState(poses);
  }
  return Object.keys(value).length > 0 ? value : null;
}

/** The public client's 10 keys, from the xr-standard gamepad mapping. */
export function controllerState(gamepad: Gamepad | null | undefined): ControllerState {
  const buttons = gamepad?.buttons ?? [];
  const pressed = (i: number) => buttons[i]?.pressed ?? false;
  const value = (i: number) => (Number.isFinite(buttons[i]?.value) ? buttons[i].value : 0);
  const axis = (i: number) => {
    const v = gamepad?.axes[i];
    return typeof v === "number" && Number.isFinite(v) ? v : 0;
  };
  return {
    trigger: pressed(0),
    squeeze: pressed(1),
    touchpad: pressed(2) ? "pressed" : buttons[2]?.touched ? "touched" : false,
    thumbstick: pressed(3),
    aButton: pressed(4),
    bButton: pressed(5),
    triggerValue: value(0),
    squeezeValue: value(1),
    touchpadValue: [axis(0), axis(1)],
    thumbstickValue: [axis(2), axis(3)],
  };
}

/** Controller sides to report: only those with `left=True` / `right=True` (public client). */
export function controllerSides(node: NodeOf<"MotionControllers">): Side[] {
  return SIDES.filter((side) => node[side] === true);
}

export function sampleControllers(frame: XRFrame, space: XRReferenceSpace, sides: Side[]) {
  const value: Record<string, unknown> = {};
  for (const source of frame.session.inputSources) {
    const side = source.handedness as Side;
    if (source.hand || !source.gamepad || !sides.includes(side)) continue;
    if (source.targetRayMode !== "tracked-pointer") continue;
    const pose = frame.getPose(source.targetRaySpace, space);
    if (!pose) continue;
    value[side] = Array.from(pose.transform.matrix);
    value[`${side}State`] = controllerState(source.gamepad);
  }
  return Object.keys(value).length > 0 ? value : null;
}

