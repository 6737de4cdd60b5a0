// CAMERA_MOVE streaming for camera controls with `stream=True`: at most ~30
// events a second while the camera moves, and always one after it stops, so
// the server ends with the final pose.
import { useThree } from "@react-three/fiber";
import { useCallback, useEffect, useRef } from "react";
import { sendEvent } from "../events";
import { cameraPayload } from "./cameraPayload";
import { CLIENT_ETYPES } from "../generated/protocol";

const INTERVAL_MS = 1000 / 30;

/** Returns the callback to give the controls' change event. */
export function useCameraStream(enabled: boolean, key = "defaultCamera"): () => void {
  const get = useThree((s) => s.get);
  const last = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const send = useCallback(() => {
    timer.current = null;
    last.current = performance.now();
    const { camera, size } = get();
    sendEvent(CLIENT_ETYPES.CAMERA_MOVE, { camera: cameraPayload(camera, size.width, size.height) }, key);
  }, [get, key]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  return useCallback(() => {
    if (!enabled || timer.current) return; // a trailing send is already due
    const wait = last.current + INTERVAL_MS - performance.now();
    if (wait <= 0) send();
    else timer.current = setTimeout(send, wait);
  }, [enabled, send]);
}
