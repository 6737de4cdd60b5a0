// The live R3F state (gl, scene, camera, controls, size) for code outside the
// Canvas tree: the panel's XR buttons and the window.__vuer test hook.
import type { RootState } from "@react-three/fiber";

let getter: (() => RootState) | null = null;

export function setThreeGetter(get: () => RootState): void {
  getter = get;
}

/** The current R3F state, or null before the canvas exists. */
export function getThree(): RootState | null {
  return getter ? getter() : null;
}
