// Pure helpers of the core: placement props, capture options, socket URL,
// camera payloads, gamepad state, camera preview settings.
import assert from "node:assert/strict";
import { test } from "node:test";
import { Object3D, PerspectiveCamera, Quaternion, Vector3 } from "three";
import { socketUrl } from "../src/connection";
import { transformProps } from "../src/core/transform";
import { cameraPayload } from "../src/interaction/cameraPayload";
import { overlaySettings, thumbSettings } from "../src/interaction/cameraPreviews";
import { captureOptions } from "../src/interaction/capture";
import { lensRay, type Lens } from "../src/interaction/fisheyeLens";
import { changed, padState } from "../src/interaction/Gamepad";
import { cssLength, hudRect } from "../src/interaction/ViewportHud";

test("transformProps passes lists through and decomposes a column-major matrix", () => {
  const plain = transformProps({ tag: "Box", key: "b", position: [1, 2, 3], rotation: [0, 1, 0, "YXZ"], scale: 2 });
  assert.deepEqual(plain.position, [1, 2, 3]);
  assert.deepEqual(plain.rotation, [0, 1, 0, "YXZ"]);
  assert.equal(plain.scale, 2);
  assert.equal(plain.visible, true);
  assert.equal(plain.userData.vuerKey, "b");

  const matrix = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 4, 5, 6, 1]; // translation in the last column
  const placed = transformProps({ tag: "Box", key: "m", matrix, position: [9, 9, 9], visible: false });
  assert.ok(placed.position instanceof Vector3);
  assert.deepEqual((placed.position as Vector3).toArray(), [4, 5, 6]);
  assert.ok((placed.quaternion as Quaternion).equals(new Quaternion()));
  assert.equal(placed.visible, false);
});

test("transformProps ignores malformed placement", () => {
  const out = transformProps({ tag: "Box", key: "x", position: [1, "a", 3], rotation: "up", scale: [1] });
  assert.equal(out.position, undefined);
  assert.equal(out.rotation, undefined);
  assert.equal(out.scale, undefined);
});

test("captureOptions reads quality, subsample, format and depth", () => {
  const base = { width: 640, height: 480, renderDepth: false };
  assert.deepEqual(captureOptions({}, base), { width: 640, height: 480, format: "jpeg", quality: 0.9, renderDepth: false });
  const opts = captureOptions({ quality: 80, subsample: 2, format: "PNG", renderDepth: true }, base);
  assert.deepEqual(opts, { width: 320, height: 240, format: "png", quality: 0.8, renderDepth: true });
  assert.equal(captureOptions({ subsample: 0 }, base).width, 640);
});

test("socketUrl: the ws parameter, else the page origin", () => {
  const page = (href: string) => new URL(href) as unknown as Location;
  assert.equal(socketUrl(page("http://example.org:8012/?ws=ws://other:1/")), "ws://other:1/");
  assert.equal(socketUrl(page("http://example.org:8012/index.html?x=1")), "ws://example.org:8012/");
  assert.equal(socketUrl(page("https://example.org/")), "wss://example.org/");
});

test("cameraPayload carries the world pose and a column-major matrix", () => {
  const camera = new PerspectiveCamera(60, 2, 0.1, 50);
  camera.position.set(1, 2, 3);
  camera.lookAt(0, 0, 0);
  const payload = cameraPayload(camera, 800, 400);
  assert.deepEqual(payload.position.map((v) => Math.round(v * 1e6) / 1e6), [1, 2, 3]);
  assert.equal(payload.matrix.length, 16);
  assert.deepEqual(payload.matrix.slice(12, 15).map((v) => Math.round(v * 1e6) / 1e6), [1, 2, 3]);
  assert.equal(payload.fov, 60);
  assert.equal(payload.ctype, "PerspectiveCamera");
  assert.equal(payload.width, 800);
});

test("gamepad state: button values and axes, a change only when one differs", () => {
  const pad = { id: "p", index: 0, axes: [0, Number.NaN], buttons: [{ value: 0 }, { value: 1 }] };
  const state = padState(pad);
  assert.deepEqual(state, { id: "p", index: 0, axes: [0, 0], buttons: [0, 1] });
  assert.equal(padState({ ...pad, connected: false }), null);
  assert.equal(padState(null), null);
  assert.equal(changed(state, padState(pad)), false);
  assert.equal(changed(state, padState({ ...pad, axes: [0.25, 0] })), true);
  assert.equal(changed(state, padState({ ...pad, buttons: [{ value: 0 }] })), true);
  assert.equal(changed(null, state), true);
  assert.equal(changed(null, null), false);
});

test("camera preview settings: defaults, and bad values replaced", () => {
  assert.deepEqual(thumbSettings({ tag: "CameraPreviewThumbs", key: "t" }), {
    previewHeight: 120,
    gap: 8,
    margin: 12,
    showLabels: true,
  });
  const odd = thumbSettings({ tag: "CameraPreviewThumbs", key: "t", previewHeight: 2, gap: "x", showLabels: 1 });
  assert.equal(odd.previewHeight, 16);
  assert.equal(odd.gap, 8);
  assert.equal(odd.showLabels, true);
  const node = { tag: "CameraPreviewOverlay", key: "o", cornerBracketColor: "lime", showCenterFocus: false };
  const overlay = overlaySettings(node);
  assert.equal(overlay.cornerBracketColor, "lime");
  assert.equal(overlay.showCenterFocus, false);
  assert.equal(overlay.centerFocusColor, "#ff4040");
});

test("lensRay inverts the equidistant fisheye: angle off the axis grows with the radius", () => {
  const pose = new Object3D();
  pose.position.set(0, 0, 3);
  const unused = () => {
    throw new Error("unused");
  };
  const lens: Lens = { pose, halfFov: Math.PI / 2, near: 0.01, far: 100, prepare: unused };
  const centre = lensRay(lens, 0, 0, 640, 480);
  assert.ok(centre);
  assert.deepEqual(centre.origin.toArray(), [0, 0, 3]);
  assert.ok(centre.direction.distanceTo(new Vector3(0, 0, -1)) < 1e-9);
  // the top edge (short side) is 90 degrees up; halfway to it, 45 degrees
  const top = lensRay(lens, 0, 1, 640, 480)!;
  assert.ok(top.direction.distanceTo(new Vector3(0, 1, 0)) < 1e-9);
  const half = lensRay(lens, 0.5 * (480 / 640), 0, 640, 480)!;
  assert.ok(Math.abs(half.direction.angleTo(new Vector3(0, 0, -1)) - Math.PI / 4) < 1e-9);
  assert.ok(half.direction.x > 0);
  // the canvas corners lie outside the image circle
  assert.equal(lensRay(lens, 1, 1, 640, 480), null);
  // the pose turns the rays: yawed 90 degrees left, the axis looks down -x
  pose.rotation.set(0, Math.PI / 2, 0);
  pose.updateMatrixWorld();
  assert.ok(lensRay(lens, 0, 0, 640, 480)!.direction.distanceTo(new Vector3(-1, 0, 0)) < 1e-9);
});

test("ViewportHud rectangles: pixels or percentages, placed from any edge", () => {
  assert.equal(cssLength(40, 640), 40);
  assert.equal(cssLength("25%", 640), 160);
  assert.equal(cssLength("12px", 640), 12);
  assert.equal(cssLength("wide", 640), undefined);
  // WebGL counts y from the bottom
  assert.deepEqual(hudRect({ top: 0, right: 0, width: "50%", height: "50%" }, 640, 480), {
    x: 320,
    y: 240,
    width: 320,
    height: 240,
  });
  assert.deepEqual(hudRect({ left: 10, bottom: 20, width: 100, height: 50 }, 640, 480), {
    x: 10,
    y: 20,
    width: 100,
    height: 50,
  });
  assert.deepEqual(hudRect({}, 640, 480), { x: 468, y: 348, width: 160, height: 120 });
});

test("WebRTC offer URLs: full URLs as given, paths and ids against the vuer server", async () => {
  const { offerUrl, retryDelay } = await import("../src/components/webrtcStream");
  const page = { href: "http://127.0.0.1:8012/?collapseMenu=true", search: "?collapseMenu=true" };
  assert.equal(offerUrl("http://10.0.0.2:8012/webrtc/offer/cam", page), "http://10.0.0.2:8012/webrtc/offer/cam");
  assert.equal(offerUrl("/webrtc/offer/cam", page), "http://127.0.0.1:8012/webrtc/offer/cam");
  assert.equal(offerUrl("cam", page), "http://127.0.0.1:8012/webrtc/offer/cam");
  const remote = { href: "https://vuer.example/?ws=wss://robot:8012", search: "?ws=wss://robot:8012" };
  assert.equal(offerUrl("cam", remote), "https://robot:8012/webrtc/offer/cam");
  assert.deepEqual([1, 2, 3, 4, 5, 9].map(retryDelay), [500, 1000, 2000, 4000, 5000, 5000]);
});
