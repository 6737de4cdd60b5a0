// Outgoing client events. Components call sendEvent; the connection installs
// the sink. While disconnected there is no sink and sendEvent returns false:
// these events describe a moment that has passed, so they are not replayed.
import type { KeyValue, SendEvent } from "./generated/protocol";
import type { ClientMessage } from "./types";

type Sink = (message: ClientMessage) => boolean;

let sink: Sink | null = null;

export function setEventSink(next: Sink | null): void {
  sink = next;
}

function post(etype: string, value: unknown, key: string | undefined): boolean {
  const message: ClientMessage = { etype, ts: Date.now(), value };
  if (key !== undefined) message.key = key;
  return sink ? sink(message) : false;
}

/** Send one declared event (generated/protocol.ts) with its value's shape. False when it could not be sent. */
export const sendEvent: SendEvent = (etype, value, key) => post(etype, value, key);

/** An event whose etype the program chose (a Clickable's `onClick`, a model's `onLoad`): value `{key}`. */
export function sendNamedEvent(etype: string, value: KeyValue, key?: string): boolean {
  return post(etype, value, key);
}

/** An RPC's answer: its etype is `<ETYPE>` + RESPONSE_MARK + `<uuid>`. */
export function sendAnswer(etype: string, value: unknown): boolean {
  return post(etype, value, undefined);
}
