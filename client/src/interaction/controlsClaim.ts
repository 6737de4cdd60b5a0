// Camera controls present in the scene claim the view; the core's fallback
// OrbitControls exist only while nobody has claimed it.
import { useEffect } from "react";
import { createStore, useStore } from "zustand";

const claims = createStore<{ count: number }>(() => ({ count: 0 }));

/** Call from every controls component the scene renders. */
export function useClaimControls(): void {
  useEffect(() => {
    claims.setState((s) => ({ count: s.count + 1 }));
    return () => claims.setState((s) => ({ count: s.count - 1 }));
  }, []);
}

export function useControlsClaimed(): boolean {
  return useStore(claims, (s) => s.count > 0);
}
