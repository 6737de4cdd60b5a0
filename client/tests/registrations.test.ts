// The client and the Python schemas agree on the tags: every tag Python can
// send is rendered (registered by components/ or interaction/) or named in
// UNRENDERED with a reason, and every registered tag is one Python sends.
// Bundled with tests/rolldown.config.mjs (the app's modules need its stubs).
import assert from "node:assert/strict";
import { test } from "node:test";
import { COMPONENT_TAGS, type ComponentTag } from "../src/generated/schema";
import { registeredTags } from "../src/registry";
import "../src/components/index";
import "../src/interaction/index";

/** Tags the Python API sends that this client deliberately draws nothing for. */
const UNRENDERED: { [T in ComponentTag]?: string } = {
  Scene: "the root: core/SceneRoot renders it and its slots, never the registry",
  AnimationClip: "keyframe animation (tracks, clips, players) is not implemented in this client",
  VectorTrack: "keyframe animation is not implemented in this client",
  QuaternionTrack: "keyframe animation is not implemented in this client",
  ThreeAnimate: "keyframe animation is not implemented in this client",
  PlaybackAnimate: "keyframe animation is not implemented in this client",
  TimelineControls: "needs the keyframe player, which is not implemented",
  ContribLoader: "would run a remote UMD bundle; the client loads no code at run time",
  DepthPointCloud: "GPU unprojection of depth images is not implemented; send a PointCloud",
  DepthPointCloudProvider: "only feeds DepthPointCloud",
  InPlaceDepthPointCloud: "GPU unprojection of depth images is not implemented; send a PointCloud",
  Facemesh: "needs MediaPipe, which is not bundled",
  MuJoCo: "needs the MuJoCo WASM runtime, which is not bundled",
  MuJoCoProvider: "needs the MuJoCo WASM runtime, which is not bundled",
  MjCameraView: "renders a MuJoCo scene, which is not bundled",
  HandActuator: "drives a MuJoCo actuator, which is not bundled",
  MotionControllerActuator: "drives a MuJoCo actuator, which is not bundled",
  SparkSplats: "needs the Spark renderer, which is not bundled; Splat draws .splat files",
  Splats: "Luma captures load from lumalabs.ai; the client fetches nothing from outside",
};

const registered = new Set(registeredTags());
const pythonTags = new Set<string>(COMPONENT_TAGS);

test("every Python tag is rendered or listed as unrendered with a reason", () => {
  const missing = COMPONENT_TAGS.filter((tag) => !registered.has(tag) && !UNRENDERED[tag]);
  assert.deepEqual(missing, [], "tags neither registered nor in UNRENDERED");
});

test("no tag is both rendered and listed as unrendered", () => {
  const stale = Object.keys(UNRENDERED).filter((tag) => registered.has(tag));
  assert.deepEqual(stale, [], "registered tags still listed in UNRENDERED");
});

test("every registered tag is one the Python schemas send", () => {
  const unknown = [...registered].filter((tag) => !pythonTags.has(tag));
  assert.deepEqual(unknown, [], "registered tags with no Python class");
});

test("the unrendered reasons are real sentences", () => {
  for (const [tag, reason] of Object.entries(UNRENDERED)) {
    assert.ok(pythonTags.has(tag), `${tag} is not a Python tag`);
    assert.ok(typeof reason === "string" && reason.length > 10, `${tag} needs a reason`);
  }
});
