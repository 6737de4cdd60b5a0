// `KeyboardMonitor`: forwards the page's key events as KeyDown / KeyUp /
// KeyPress (each only when its enableKey* prop is true), keyed by the monitor.
import { useEffect } from "react";
import { sendEvent } from "../events";
import { type KeyboardValue, CLIENT_ETYPES } from "../generated/protocol";
import type { TypedNodeProps } from "../registry";

const KINDS = [
  ["keydown", CLIENT_ETYPES.KeyDown, "enableKeyDown"],
  ["keyup", CLIENT_ETYPES.KeyUp, "enableKeyUp"],
  ["keypress", CLIENT_ETYPES.KeyPress, "enableKeyPress"],
] as const;

function keyValue(event: KeyboardEvent): KeyboardValue {
  return {
    key: event.key,
    code: event.code,
    shiftKey: event.shiftKey,
    ctrlKey: event.ctrlKey,
    altKey: event.altKey,
    metaKey: event.metaKey,
    repeat: event.repeat,
    isComposing: event.isComposing,
  };
}

export function KeyboardMonitorNode({ node }: TypedNodeProps<"KeyboardMonitor">): null {
  const { key } = node;
  const enabled = KINDS.map(([, , prop]) => node[prop] === true).join();
  useEffect(() => {
    const flags = enabled.split(",").map((f) => f === "true");
    const removers = KINDS.flatMap(([domType, etype], i) => {
      if (!flags[i]) return [];
      const listener = (event: KeyboardEvent) => sendEvent(etype, keyValue(event), key);
      window.addEventListener(domType, listener);
      return [() => window.removeEventListener(domType, listener)];
    });
    return () => removers.forEach((remove) => remove());
  }, [key, enabled]);
  return null;
}
