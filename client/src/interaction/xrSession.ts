// Entering and leaving WebXR (VR / AR) with plain WebXR and three's
// WebXRManager: no controller or hand models are fetched, so it works offline.
// R3F switches its render loop to the XR session by itself.
import type { WebGLRenderer } from "three";
import { createStore, useStore } from "zustand";

export type XRMode = "immersive-vr" | "immersive-ar";

interface XRState {
  supported: Partial<Record<XRMode, boolean>>;
  session: XRSession | null;
}

export const xrStore = createStore<XRState>(() => ({ supported: {}, session: null }));

// mesh-detection feeds WebXRMesh, body-tracking feeds Body; browsers without
// them start the session anyway (optional features).
const OPTIONAL_FEATURES = [
  "local-floor",
  "bounded-floor",
  "hand-tracking",
  "layers",
  "mesh-detection",
  "body-tracking",
];

/** Ask the browser once which immersive modes it offers. */
export async function probeXR(): Promise<void> {
  const xr = navigator.xr;
  if (!xr) return;
  const supported: XRState["supported"] = {};
  for (const mode of ["immersive-vr", "immersive-ar"] as const) {
    try {
      supported[mode] = await xr.isSessionSupported(mode);
    } catch {
      supported[mode] = false;
    }
  }
  xrStore.setState({ supported });
}

export async function enterXR(gl: WebGLRenderer, mode: XRMode): Promise<void> {
  const xr = navigator.xr;
  if (!xr) throw new Error("this browser has no WebXR");
  const session = await xr.requestSession(mode, { optionalFeatures: OPTIONAL_FEATURES });
  gl.xr.enabled = true;
  gl.xr.setReferenceSpaceType("local-floor");
  session.addEventListener("end", () => xrStore.setState({ session: null }));
  await gl.xr.setSession(session);
  xrStore.setState({ session });
}

export async function exitXR(): Promise<void> {
  await xrStore.getState().session?.end();
}

export function useXRState<T>(selector: (state: XRState) => T): T {
  return useStore(xrStore, selector);
}
