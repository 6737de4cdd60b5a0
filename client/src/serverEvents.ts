// Listeners for plain (non-RPC) server events such as HAPTIC_ACTUATOR_PULSE.
// The connection hands each decoded message to `dispatchServerEvent` as it
// arrives, before scene changes wait for a frame: listeners act on devices,
// not on the scene, and must not wait (a headset pauses the page's frames).
import type { ServerEtype, ServerMessageOf } from "./generated/protocol";
import type { WireMessage } from "./types";

type Listener = (message: WireMessage) => void;

const listeners = new Map<string, Set<Listener>>();

/**
 * Call `listener` for each server event of `etype` (as decoded: the listener
 * checks the contents it reads); returns the unsubscribe.
 */
export function onServerEvent<E extends ServerEtype>(
  etype: E,
  listener: (message: ServerMessageOf<E>) => void,
): () => void {
  let set = listeners.get(etype);
  if (!set) listeners.set(etype, (set = new Set()));
  // Only messages of this etype reach it (dispatchServerEvent looks up by etype).
  const wrapped = listener as unknown as Listener;
  set.add(wrapped);
  return () => {
    set.delete(wrapped);
  };
}

/** Runs the listeners of this event; false when it has none. */
export function dispatchServerEvent(message: WireMessage): boolean {
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
