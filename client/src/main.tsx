// Entry point of the vuer browser client.
//
// Hooks for tests and tools (stable; tests/browser relies on them):
// - `document.body.dataset.vuerConnection`: "connecting" | "connected" | "reconnecting".
// - `#vuer-canvas`: the WebGL canvas; `#vuer-html`: the htmlChildren overlay;
//   `#vuer-panel` (`data-collapsed`), `#vuer-panel-toggle`, `#vuer-connection`
//   (`data-state`), `#vuer-scene-tree` with one `li[data-key]` per node,
//   `.vuer-xr-button[data-mode]` ("Enter VR/AR", only where WebXR offers the
//   mode) and `#vuer-xr-exit` during a session.
// - Camera previews (CameraPreviewThumbs/Overlay, only while CameraViews exist):
//   `#vuer-camera-thumbs` with one `.vuer-camera-thumb[data-key]` (a button with
//   a `canvas`; `data-selected`) per view, and `#vuer-camera-overlay[data-key]`
//   (brackets `.vuer-bracket`, centre `.vuer-focus`) while looking through one.
// - `window.__vuer`: `{ store, stats: {frames, drawCalls, triangles, messages,
//   batches, errors, lastDecodeMs, lastApplyMs}, connection, three() }` — `store.getState().graph.nodes` is the scene by
//   key; `three()` returns the R3F state (gl, scene, camera, size);
//   `batches()` counts the instancing groups ({groups, batched, instances}).
// Query parameters: `ws` (socket URL, default this page's origin),
// `collapseMenu=true` (start with the panel folded), `stats=true` (an overlay,
// `#vuer-stats`, with fps and draw calls; frames are drawn only on change),
// `fov` (the built-in camera's vertical field of view, degrees; 75 by default,
// as the public client), `antialias=true` (multisampled canvas; off by default,
// see core/glOptions.ts).
import "./core/threeConsole";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { batchStats } from "./core/instancing";
import { getThree } from "./core/threeState";
import { Connection, socketUrl } from "./connection";
import { sceneStore, stats } from "./store";
// Each part registers its tags with the registry when imported.
import "./components";
import "./interaction";
import "./style.css";

const connection = new Connection(socketUrl());

declare global {
  interface Window {
    __vuer?: unknown;
  }
}
window.__vuer = { store: sceneStore, stats, connection, three: getThree, batches: batchStats };

const container = document.getElementById("root");
if (!container) throw new Error("vuer: index.html has no #root element");
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
connection.start();
