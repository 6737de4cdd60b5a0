// Camera controls present in the scene claim the view. One controls at a time
// drive the camera (two would each apply the same drag): the latest mounted
// claim wins, so `OrbitControls(stream=True)` placed after DefaultScene's
// SceneCameraControl takes over. The core's fallback OrbitControls exist only
// while nobody has claimed the view.
import { useEffect, useId } from "react";
import { createStore, useStore } from "zustand";

const claims = createStore<{ ids: readonly string[] }>(() => ({ ids: [] }));

/** Claim the view for a controls component; returns whether it drives the camera. */
export function useClaimControls(): boolean {
  const id = useId();
  useEffect(() => {
    claims.setState((s) => ({ ids: [...s.ids, id] }));
    return () => claims.setState((s) => ({ ids: s.ids.filter((other) => other !== id) }));
  }, [id]);
  return useStore(claims, (s) => s.ids[s.ids.length - 1] === id);
}

export function useControlsClaimed(): boolean {
  return useStore(claims, (s) => s.ids.length > 0);
}
