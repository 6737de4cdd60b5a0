// Outgoing client events. Components call sendEvent; the connection installs
// the sink. While disconnected there is no sink and sendEvent returns false:
// these events describe a moment that has passed, so they are not replayed.
import type { ClientMessage } from "./types";

type Sink = (message: ClientMessage) => boolean;

let sink: Sink | null = null;

export function setEventSink(next: Sink | null): void {
  sink = next;
}

/** Send one event to the server. Returns false when it could not be sent. */
export function sendEvent(etype: string, value?: unknown, key?: string): boolean {
  const message: ClientMessage = { etype, ts: Date.now(), value };
  if (key !== undefined) message.key = key;
  return sink ? sink(message) : false;
}
