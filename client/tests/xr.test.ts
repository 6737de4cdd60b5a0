// XR helpers with stand-in frames: body joints and detected room meshes.
import assert from "node:assert/strict";
import { test } from "node:test";
import { bodyPoses } from "../src/interaction/xrBody";
import { scanMeshes, type KnownMesh, type XRMeshLike } from "../src/interaction/xrMesh";

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
