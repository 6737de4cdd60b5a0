// What the page knows about the last session that ended in an error: the server
// closes the socket with code 1011 and "Type: message" as the reason when its
// spawn function raised. The panel shows it; the connection backs off on it.
import { createStore, useStore } from "zustand";

/** Close code the server uses for a session whose spawn function raised. */
export const ERROR_CLOSE_CODE = 1011;
/** First wait after an errored session, doubled per further error, capped. */
const FIRST_ERROR_DELAY_MS = 1000;
const MAX_ERROR_DELAY_MS = 30_000;

export interface SessionError {
  /** "Type: message", as the server sent it. */
  text: string;
  /** Sessions in a row that ended in an error. */
  count: number;
  /** How long the page waits before it reconnects. */
  retryMs: number;
}

const errorStore = createStore<{ error: SessionError | null }>(() => ({ error: null }));

export function useSessionError(): SessionError | null {
  return useStore(errorStore, (s) => s.error);
}

/** Record a session that ended with `code`/`reason`; returns the extra wait before
 * reconnecting (0 for a clean end, which also clears the shown error). */
export function sessionEnded(code: number, reason: string): number {
  if (code !== ERROR_CLOSE_CODE) {
    return 0;
  }
  const count = (errorStore.getState().error?.count ?? 0) + 1;
  const retryMs = Math.min(MAX_ERROR_DELAY_MS, FIRST_ERROR_DELAY_MS * 2 ** (count - 1));
  const text = reason || "the server's session function raised an error";
  errorStore.setState({ error: { text, count, retryMs } });
  console.info(`vuer: the session ended with ${text}; reconnecting in ${retryMs / 1000} s`);
  return retryMs;
}

/** A session ran without error for a while: forget the streak. */
export function sessionHealthy(): void {
  if (errorStore.getState().error !== null) errorStore.setState({ error: null });
}
