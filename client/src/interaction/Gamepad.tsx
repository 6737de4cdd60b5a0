// `Gamepad`: reads one standard gamepad (Gamepad API) and sends `GAMEPAD`
// events with this node's key and the value `{id, index, axes, buttons}` —
// `buttons` are the button values (0..1), as the public client sends them.
// An event goes out only when an axis or button changed. The page polls only
// while a gamepad is connected (gamepadconnected / gamepaddisconnected tell it
// when); with none there is no per-frame work at all.
import { useEffect } from "react";
import { sendEvent } from "../events";
import type { TypedNodeProps } from "../registry";
import { defaultOf, num } from "../core/props";
import { type GamepadState, CLIENT_ETYPES } from "../generated/protocol";

/** The part of a Gamepad this component reads (tests pass plain objects). */
export interface PadLike {
  id: string;
  index: number;
  connected?: boolean;
  axes: readonly number[];
  buttons: readonly { value: number }[];
}

/** The state of a pad, or null when it is absent. */
export function padState(pad: PadLike | null | undefined): GamepadState | null {
  if (!pad || pad.connected === false) return null;
  return {
    id: pad.id,
    index: pad.index,
    axes: Array.from(pad.axes, (a) => (Number.isFinite(a) ? a : 0)),
    buttons: Array.from(pad.buttons, (b) => (Number.isFinite(b.value) ? b.value : 0)),
  };
}

/** Whether two states differ in any axis or button. */
export function changed(a: GamepadState | null, b: GamepadState | null): boolean {
  if (a === null || b === null) return a !== b;
  if (a.id !== b.id || a.axes.length !== b.axes.length || a.buttons.length !== b.buttons.length) return true;
  return a.axes.some((v, i) => v !== b.axes[i]) || a.buttons.some((v, i) => v !== b.buttons[i]);
}

function readPad(index: number): PadLike | null {
  if (typeof navigator.getGamepads !== "function") return null;
  const pads = navigator.getGamepads();
  return pads[index] ?? null;
}

export function GamepadNode({ node }: TypedNodeProps<"Gamepad">): null {
  const index = Math.max(0, Math.floor(num(node.index, defaultOf(node, "index"))));
  const key = node.key;
  useEffect(() => {
    let frame: number | null = null;
    let last: GamepadState | null = null;
    const poll = () => {
      frame = null;
      const state = padState(readPad(index));
      if (state === null) return; // gone: stop until the next gamepadconnected
      if (changed(last, state)) sendEvent(CLIENT_ETYPES.GAMEPAD, state, key);
      last = state;
      frame = requestAnimationFrame(poll);
    };
    const start = () => {
      if (frame === null) poll();
    };
    const stop = () => {
      if (frame !== null) cancelAnimationFrame(frame);
      frame = null;
      last = null;
      start(); // another pad may still hold this index
    };
    window.addEventListener("gamepadconnected", start);
    window.addEventListener("gamepaddisconnected", stop);
    start(); // a pad connected before this node mounted
    return () => {
      window.removeEventListener("gamepadconnected", start);
      window.removeEventListener("gamepaddisconnected", stop);
      if (frame !== null) cancelAnimationFrame(frame);
    };
  }, [index, key]);
  return null;
}
