// One drawing per tracked thing: DefaultScene already holds Hands and
// MotionControllers, and scripts often add their own for streaming. Each
// drawing claims its slot ("hand:left", "controller:right"…); only the oldest
// claim draws, and the next takes over when it goes.
import { useEffect, useMemo, useSyncExternalStore } from "react";

const claims = new Map<string, symbol[]>();
const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** True while this component holds the oldest claim on `slot`. */
export function useDrawClaim(slot: string): boolean {
  const id = useMemo(() => Symbol(slot), [slot]);
  useEffect(() => {
    claims.set(slot, [...(claims.get(slot) ?? []), id]);
    notify();
    return () => {
      const rest = (claims.get(slot) ?? []).filter((claim) => claim !== id);
      if (rest.length > 0) claims.set(slot, rest);
      else claims.delete(slot);
      notify();
    };
  }, [slot, id]);
  return useSyncExternalStore(subscribe, () => claims.get(slot)?.[0] === id);
}
