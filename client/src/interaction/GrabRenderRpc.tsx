// Answers GRAB_RENDER: from the CameraView whose key matches, otherwise from
// the main view: the active camera at the canvas' pixel size, or the fisheye
// lens while a FisheyeCamera is the default view.
import { useThree } from "@react-three/fiber";
import { useEffect } from "react";
import { registerRpc } from "../rpc";
import { sceneStore } from "../store";
import { cameraPayload } from "./cameraPayload";
import { capture, captureOptions } from "./capture";
import { activeLens, lensPayload } from "./fisheyeLens";
import { findView, nextFrame, requestedKey, type ViewGrab } from "./views";
import { SERVER_ETYPES } from "../generated/protocol";

/** Frames to wait for a CameraView that is in the scene but not mounted yet. */
const VIEW_MOUNT_FRAMES = 60;

/**
 * The view a request names. A CameraView sent in the same batch as the request
 * is in the store before React mounts it: wait a bounded number of frames for
 * it rather than answer from the main view at the wrong size.
 */
async function viewFor(key: string | undefined): Promise<ViewGrab | undefined> {
  if (key === undefined) return undefined;
  for (let i = 0; i < VIEW_MOUNT_FRAMES; i++) {
    const view = findView(key);
    if (view) return view;
    if (sceneStore.getState().graph.nodes.get(key)?.node.tag !== "CameraView") return undefined;
    await nextFrame();
  }
  return findView(key);
}

export function GrabRenderRpc(): null {
  const get = useThree((s) => s.get);
  useEffect(
    () =>
      registerRpc(SERVER_ETYPES.GRAB_RENDER, async (message) => {
        const data = (message.data ?? {}) as Record<string, unknown>;
        // Let React commit the scene messages that came before this request.
        await nextFrame();
        const view = await viewFor(requestedKey(message));
        if (view) return view(data);
        const { gl, scene, camera, size, viewport } = get();
        const dpr = viewport.dpr;
        const width = Math.round(size.width * dpr);
        const height = Math.round(size.height * dpr);
        const lens = activeLens();
        if (lens) {
          // the picture the canvas shows: the fisheye, not the plain camera (no depth image)
          const view = lens.prepare(gl, width, height);
          const options = { ...captureOptions(data, { width, height, renderDepth: false }), renderDepth: false };
          const shot = await capture(gl, view.scene, view.camera, options);
          return { ...shot, dpr, camera: lensPayload(lens, size.width, size.height) };
        }
        const shot = await capture(gl, scene, camera, captureOptions(data, { width, height, renderDepth: false }));
        return { ...shot, dpr, camera: cameraPayload(camera, size.width, size.height) };
      }),
    [get],
  );
  return null;
}
