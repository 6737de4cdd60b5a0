// XR helpers with stand-in frames: body joints, detected room meshes, hand and
// controller states, haptic pulses.
import assert from "node:assert/strict";
import { test } from "node:test";
import { bodyPoses } from "../src/interaction/xrBody";
import { readPulse } from "../src/interaction/xrHaptics";
import { scanMeshes, type KnownMesh, type XRMeshLike } from "../src/interaction/xrMesh";
import {
  controllerSides,
  controllerState,
  handSides,
  handState,
  scaleAboutWrist,
} from "../src/interaction/xrPoses";

const identity = (x: number) => [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, x, 0, 0, 1];

test("bodyPoses lists the body joints in order and leaves the hand joints out", () => {
  const names = ["hips", "chest", "left-hand-wrist", "head", "right-hand-thumb-tip"];
  const joints: [string, XRSpace][] = names.map((name) => [name, { name } as unknown as XRSpace]);
  const order = ["hips", "chest", "head"];
  const frame = {
    body: { entries: () => joints[Symbol.iterator]() },
    getPose: (space: { name: string }) => {
      const matrix = Float32Array.from(identity(order.indexOf(space.name)));
      return { transform: { matrix } };
    },
  } as unknown as XRFrame;
  const poses = bodyPoses(frame, {} as XRReferenceSpace);
  assert.ok(poses);
  assert.equal(poses.length, 3 * 16);
  assert.deepEqual([poses[12], poses[28], poses[44]], [0, 1, 2]);
  assert.equal(bodyPoses({} as XRFrame, {} as XRReferenceSpace), null); // no body tracking
});

function mesh(time: number, label?: string): XRMeshLike {
  return {
    meshSpace: {} as XRSpace,
    vertices: Float32Array.from([0, 0, 0, 1, 0, 0, 0, 1, 0]),
    indices: Uint32Array.from([0, 1, 2]),
    lastChangedTime: time,
    semanticLabel: label,
  };
}

function setOf(...meshes: XRMeshLike[]) {
  return { size: meshes.length, forEach: (fn: (m: XRMeshLike) => void) => meshes.forEach(fn) };
}

test("scanMeshes copies new or changed meshes and reuses the rest", () => {
  const known = new Map<XRMeshLike, KnownMesh>();
  const wall = mesh(1, "wall");
  let pose = identity(0);
  const poseOf = () => pose;
  const first = scanMeshes(setOf(wall), poseOf, known);
  assert.equal(first.dirty, true);
  assert.deepEqual(first.meshes, [
    { vertices: [0, 0, 0, 1, 0, 0, 0, 1, 0], indices: [0, 1, 2], matrix: identity(0), semanticLabel: "wall" },
  ]);

  const still = scanMeshes(setOf(wall), poseOf, known);
  assert.equal(still.dirty, false);
  assert.equal(still.meshes[0], first.meshes[0]);

  pose = identity(2); // the mesh moved in the reference space
  const moved = scanMeshes(setOf(wall), poseOf, known);
  assert.equal(moved.dirty, true);
  assert.equal(moved.meshes[0].matrix[12], 2);

  const floor = mesh(5);
  const added = scanMeshes(setOf(wall, floor), poseOf, known);
  assert.equal(added.dirty, true);
  assert.equal(added.meshes.length, 2);
  assert.equal("semanticLabel" in added.meshes[1], false);

  // the first mesh goes: the one left is still the floor, not the wall's copy
  const removed = scanMeshes(setOf(floor), poseOf, known);
  assert.equal(removed.dirty, true);
  assert.deepEqual(removed.meshes, [added.meshes[1]]);
  assert.equal(known.has(wall), false);
  assert.equal(scanMeshes(setOf(floor), poseOf, known).dirty, false);
});

/** A hand's 25 joint poses with only the translations that matter set. */
function hand(at: Record<number, [number, number, number]>): Float32Array {
  const poses = new Float32Array(25 * 16);
  for (let j = 0; j < 25; j++) poses.set([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, ...(at[j] ?? [0, 0, 0]), 1], j * 16);
  return poses;
}

test("handState sends distances in metres as the public client, plus 0..1 strengths", () => {
  const open = handState(hand({ 4: [0, 0, 0], 9: [0.09, 0, 0], 11: [0, 1, 0], 14: [0, 1.1, 0] }));
  assert.deepEqual(Object.keys(open), [
    "pinch",
    "pinchValue",
    "squeeze",
    "squeezeValue",
    "tap",
    "tapValue",
    "pinchStrength",
    "squeezeStrength",
  ]);
  assert.ok(Math.abs(open.pinchValue - 0.09) < 1e-6 && open.tapValue === open.pinchValue);
  assert.equal(open.pinch, false);
  assert.equal(open.tap, false);
  assert.equal(open.pinchStrength, 0);
  assert.ok(Math.abs(open.squeezeValue - 0.1) < 1e-6 && open.squeeze === false && open.squeezeStrength === 0);

  const closed = handState(hand({ 4: [0, 0, 0], 9: [0.005, 0, 0], 11: [0, 0, 0], 14: [0, 0.02, 0] }));
  assert.equal(closed.pinch, true);
  assert.equal(closed.tap, true);
  assert.equal(closed.pinchStrength, 1);
  assert.equal(closed.squeeze, true);
  assert.equal(closed.squeezeStrength, 1);
});

test("scaleAboutWrist moves joints away from the wrist and keeps the wrist", () => {
  const poses = scaleAboutWrist(hand({ 0: [1, 1, 1], 9: [1.1, 1, 1] }), 2);
  assert.deepEqual([poses[12], poses[9 * 16 + 12]].map((x) => Math.round(x * 1e6) / 1e6), [1, 1.2]);
});

function pad(buttons: [boolean, boolean, number][], axes: number[]): Gamepad {
  return {
    buttons: buttons.map(([pressed, touched, value]) => ({ pressed, touched, value })),
    axes,
  } as unknown as Gamepad;
}

test("controllerState has the public client's 10 keys and a three-way touchpad", () => {
  const idle: [boolean, boolean, number] = [false, false, 0];
  const state = controllerState(pad([[true, true, 1], idle, [false, true, 0], idle, idle, [true, true, 1]], [0, 0, 0.5, -1]));
  assert.deepEqual(state, {
    trigger: true,
    squeeze: false,
    touchpad: "touched",
    thumbstick: false,
    aButton: false,
    bButton: true,
    triggerValue: 1,
    squeezeValue: 0,
    touchpadValue: [0, 0],
    thumbstickValue: [0.5, -1],
  });
  assert.equal(controllerState(pad([idle, idle, [true, true, 1]], [])).touchpad, "pressed");
  assert.equal(controllerState(undefined).touchpad, false);
});

test("sides: controllers only where asked, hands unless disabled", () => {
  const node = (props: Record<string, unknown>) => ({ tag: "X", key: "x", ...props });
  assert.deepEqual(controllerSides(node({})), []);
  assert.deepEqual(controllerSides(node({ left: true, right: null })), ["left"]);
  assert.deepEqual(handSides(node({})), ["left", "right"]);
  assert.deepEqual(handSides(node({ disableLeft: true })), ["right"]);
});

test("readPulse accepts {strength, duration} and clips strength", () => {
  assert.deepEqual(readPulse({ strength: 2, duration: 50 }, "t"), { strength: 1, duration: 50 });
  assert.equal(readPulse(null, "t"), null);
  const warn = console.warn;
  let warned = 0;
  console.warn = () => void warned++;
  try {
    assert.equal(readPulse({ strength: "x", duration: 1 }, "t"), null);
  } finally {
    console.warn = warn;
  }
  assert.equal(warned, 1);
});
