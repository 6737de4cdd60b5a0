// Controller vibration. `HAPTIC_ACTUATOR_PULSE` from Python
// (`{left: {strength, duration} | null, right: …}`) pulses the controllers of
// the running XR session once per event, however many MotionControllers nodes
// exist; the nodes' `pulse<Side>Hash` props pulse one side each time the hash
// changes (see MotionControllersNode). Strength is 0..1, duration in ms.
import { onServerEvent } from "../serverEvents";
import { xrStore } from "./xrSession";

import type { Side } from "./xrPoses";
import { SERVER_ETYPES } from "../generated/protocol";

export interface Pulse {
  strength: number;
  duration: number;
}

/** Chromium's GamepadHapticActuator.pulse (WebXR Gamepads Module), where present. */
interface PulseActuator {
  pulse?: (value: number, duration: number) => Promise<boolean>;
}

interface VibrationActuator {
  playEffect?: (type: string, params: Record<string, number>) => Promise<unknown>;
}

type HapticGamepad = Gamepad & { hapticActuators?: readonly PulseActuator[] };

/** Reads `{strength, duration}`; a clear message and null for anything else. */
export function readPulse(value: unknown, where: string): Pulse | null {
  if (value === null || value === undefined) return null;
  const pulse = value as Partial<Pulse>;
  if (
    typeof value !== "object" ||
    typeof pulse.strength !== "number" ||
    typeof pulse.duration !== "number" ||
    !Number.isFinite(pulse.strength) ||
    !Number.isFinite(pulse.duration)
  ) {
    console.warn(`vuer: ${where} needs {strength: 0..1, duration: ms}, got`, value);
    return null;
  }
  return { strength: Math.min(1, Math.max(0, pulse.strength)), duration: Math.max(0, pulse.duration) };
}

/** Vibrates one gamepad: hapticActuators[0].pulse, else vibrationActuator. */
export function pulseGamepad(gamepad: Gamepad | null | undefined, { strength, duration }: Pulse): boolean {
  if (!gamepad) return false;
  const actuator = (gamepad as HapticGamepad).hapticActuators?.[0];
  if (actuator?.pulse) {
    actuator.pulse(strength, duration).catch((error: unknown) => console.warn("vuer: haptic pulse failed", error));
    return true;
  }
  const vibration = (gamepad as Gamepad & { vibrationActuator?: VibrationActuator }).vibrationActuator;
  if (vibration?.playEffect) {
    const params = { duration, strongMagnitude: strength, weakMagnitude: strength };
    vibration.playEffect("dual-rumble", params).catch((error: unknown) => console.warn("vuer: haptic pulse failed", error));
    return true;
  }
  return false;
}

/** Pulses the running session's controller on `side`; false without one. */
export function pulseSide(side: Side, pulse: Pulse): boolean {
  const session = xrStore.getState().session;
  if (!session) return false;
  let done = false;
  for (const source of session.inputSources) {
    if (source.handedness === side && !source.hand) done = pulseGamepad(source.gamepad, pulse) || done;
  }
  return done;
}

onServerEvent(SERVER_ETYPES.HAPTIC_ACTUATOR_PULSE, (message) => {
  const data: Partial<Record<Side, unknown>> | null | undefined = message.data;
  if (typeof data !== "object" || data === null) {
    console.warn("vuer: HAPTIC_ACTUATOR_PULSE needs data {left?, right?}, got", data);
    return;
  }
  for (const side of ["left", "right"] as const) {
    const pulse = readPulse(data[side], `HAPTIC_ACTUATOR_PULSE.${side}`);
    if (pulse) pulseSide(side, pulse);
  }
});
