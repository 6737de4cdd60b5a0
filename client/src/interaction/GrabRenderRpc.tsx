// Answers GRAB_RENDER: from the CameraView whose key matches, otherwise from
// the main view (the active camera at the canvas' pixel size).
import { useThree } from "@react-three/fiber";
import { useEffect } from "react";
import { registerRpc } from "../rpc";
import { cameraPayload } from "./cameraPayload";
import { capture, captureOptions } from "./capture";
import { findView, nextFrame, requestedKey } from "./views";

export function GrabRenderRpc(): null {
  const get = useThree((s) => s.get);
  useEffect(
    () =>
      registerRpc("GRAB_RENDER", async (message) => {
        const data = (message.data ?? {}) as Record<string, unknown>;
        // Let React commit the scene messages that came before this request.
        await nextFrame();
        const key = requestedKey(message);
        const view = key === undefined ? undefined : findView(key);
        if (view) return view(data);
        const { gl, scene, camera, size, viewport } = get();
        const dpr = viewport.dpr;
        const width = Math.round(size.width * dpr);
        const height = Math.round(size.height * dpr);
        const shot = await capture(gl, scene, camera, captureOptions(data, { width, height, renderDepth: false }));
        return { ...shot, dpr, camera: cameraPayload(camera, size.width, size.height) };
      }),
    [get],
  );
  return null;
}
