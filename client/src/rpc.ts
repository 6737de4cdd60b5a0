// Server-to-client RPCs: a table from etype to an async handler. Each answer
// goes back as `<ETYPE>_RESPONSE@<uuid>`; a failing handler answers with
// `{error}` so the Python side gets a reason instead of a timeout.
import { sendEvent } from "./events";
import type { ServerMessage } from "./types";

export type RpcHandler = (message: ServerMessage) => Promise<unknown>;

const handlers = new Map<string, RpcHandler>();
const warned = new Set<string>();

/** Install the handler for an etype; returns a function that removes it. */
export function registerRpc(etype: string, handler: RpcHandler): () => void {
  handlers.set(etype, handler);
  return () => {
    if (handlers.get(etype) === handler) handlers.delete(etype);
  };
}

/** Run the handler of a server message; returns false when none is registered. */
export function dispatchRpc(message: ServerMessage): boolean {
  const handler = handlers.get(message.etype);
  if (!handler) {
    if (typeof message.uuid === "string" && !warned.has(message.etype)) {
      warned.add(message.etype);
      console.warn(`vuer: no handler for the RPC ${message.etype}; it is not answered`);
    }
    return false;
  }
  const reply = `${message.etype}_RESPONSE@${String(message.uuid ?? "")}`;
  handler(message).then(
    (value) => sendEvent(reply, value),
    (error: unknown) => {
      console.error(`vuer: ${message.etype} failed`, error);
      sendEvent(reply, { error: error instanceof Error ? error.message : String(error) });
    },
  );
  return true;
}
