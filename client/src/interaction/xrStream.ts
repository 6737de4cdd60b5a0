// One sampling scheme for every XR stream (HAND_MOVE, CONTROLLER_MOVE,
// HEAD_MOVE, BODY_MOVE): poses exist only inside XR frames, so each XR frame
// keeps the latest sample; a timer at the node's `fps` sends it. The send rate
// is then `fps` whatever the headset's frame rate (the public client does the
// same with an interval). Sends follow a schedule (one per period, missed ones
// dropped, never a burst); an XR frame past the due time sends too, so a busy
// page whose timers run late still sends as often as it draws, up to `fps`.
import { useFrame } from "@react-three/fiber";
import { useEffect, useRef } from "react";
import { sendEvent } from "../events";
import { type ClientEventValues, CLIENT_ETYPES } from "../generated/protocol";
import { bool, defaultOf, num } from "../core/props";
import type { NodeOf } from "../registry";
import { useXRState } from "./xrSession";

/** The tags whose node streams poses. */
export type StreamTag = "Body" | "Head" | "Hands" | "MotionControllers";

export type Sampler<T> = (frame: XRFrame, space: XRReferenceSpace) => T | null;

/** The send period in ms for a node's `fps` (at most 1000 per second). */
export function periodOf(node: NodeOf<StreamTag>): number {
  const fps = num(node.fps, defaultOf(node, "fps"));
  if (fps <= 0) return Infinity;
  return 1000 / Math.min(1000, fps);
}

/**
 * While an XR session runs and `stream` is on (the tag's documented default),
 * `sample` runs every XR frame and `etype` goes out with the latest sample
 * `fps` times a second. A null sample (nothing tracked) sends nothing.
 */
/** The etype each pose stream sends. */
type StreamEtype = typeof CLIENT_ETYPES.HAND_MOVE | typeof CLIENT_ETYPES.CONTROLLER_MOVE | typeof CLIENT_ETYPES.HEAD_MOVE | typeof CLIENT_ETYPES.BODY_MOVE;

export function useXRStream<E extends StreamEtype>(
  node: NodeOf<StreamTag>,
  etype: E,
  sample: Sampler<ClientEventValues[E]>,
): void {
  const stream = bool(node.stream, defaultOf(node, "stream"));
  const latest = useRef<ClientEventValues[E] | null>(null);
  const due = useRef(0);
  const sampler = useRef(sample);
  sampler.current = sample;
  const inSession = useXRState((s) => s.session !== null);
  const period = periodOf(node);

  useFrame((state, _delta, frame?: XRFrame) => {
    if (!stream || !frame) return;
    const space = state.gl.xr.getReferenceSpace();
    latest.current = space ? sampler.current(frame, space) : null;
    if (inSession) sendDue();
  });

  /** Sends the latest sample when the schedule says one is due. */
  function sendDue(): void {
    const now = performance.now();
    // a timer may fire a little before its time: a fifth of a period's slack
    if (latest.current === null || now < due.current - period / 5) return;
    // the next one period on, anchored (the rate stays `fps`); after a stall,
    // start afresh rather than catch up with a burst
    due.current += period;
    if (due.current < now) due.current = now + period;
    sendEvent(etype, latest.current, node.key);
  }
  const sendLatest = useRef(sendDue);
  sendLatest.current = sendDue;

  useEffect(() => {
    latest.current = null;
    due.current = 0;
    if (!stream || !inSession || !Number.isFinite(period)) return;
    const timer = setInterval(() => sendLatest.current(), period);
    return () => clearInterval(timer);
  }, [stream, inSession, period, etype, node.key]);
}
