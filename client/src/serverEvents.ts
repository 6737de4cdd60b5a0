// Listeners for plain (non-RPC) server events such as HAPTIC_ACTUATOR_PULSE.
// Each etype has one listener set; the connection hands every event it does
// not otherwise handle to `dispatchServerEvent`.
import type { ServerMessage } from "./types";

type Listener = (message: ServerMessage) => void;

const listeners = new Map<string, Set<Listener>>();

/** Call `listener` for each server event of `etype`; returns the unsubscribe. */
export function onServerEvent(etype: string, listener: Listener): () => void {
  let set = listeners.get(etype);
  if (!set) listeners.set(etype, (set = new Set()));
  set.add(listener);
  return () => {
    set.delete(listener);
  };
}

/** Runs the listeners of this event; false when it has none. */
export function dispatchServerEvent(message: ServerMessage): boolean {
  const set = listeners.get(message.etype);
  if (!set || set.size === 0) return false;
  for (const listener of set) {
    try {
      listener(message);
    } catch (error) {
      console.error(`vuer: handling ${message.etype} failed`, error);
    }
  }
  return true;
}
