// Server-to-client RPCs: a table from etype to an async handler. Each answer
// goes back as `<ETYPE>_RESPONSE@<uuid>`; a failing handler answers with
// `{error}` so the Python side gets a reason instead of a timeout.
//
// Handlers live in components (GRAB_RENDER needs the canvas), so an RPC sent
// right after a SET can arrive before its handler is mounted. Such requests are
// held — at most MAX_HELD, each for most of its `ttl` (the seconds Python
// waits) or HOLD_MS — and run when the handler registers; one that expires or
// is pushed out is answered with `{error}`.
import { sendAnswer } from "./events";
import { RESPONSE_MARK, type RpcAnswers, type ServerMessageOf } from "./generated/protocol";
import type { WireMessage } from "./types";

export type RpcHandler = (message: WireMessage) => Promise<unknown>;
type Reply = (etype: string, value: unknown) => void;

/** Most requests held at once while their handlers are not registered yet. */
export const MAX_HELD = 64;
/** How long a request without a `ttl` is held. */
export const HOLD_MS = 10_000;

interface Held {
  message: WireMessage;
  deadline: number;
}

export interface RpcTableOptions {
  maxHeld?: number;
  holdMs?: number;
  now?: () => number;
  reply?: Reply;
}

function replyType(message: WireMessage): string {
  return `${message.etype}${RESPONSE_MARK}${String(message.uuid ?? "")}`;
}

/** Share of a request's `ttl` it is held: the error must reach Python before it stops waiting. */
const TTL_SHARE = 0.8;

/** The hold time of a message: most of its `ttl` (seconds, as Python waits), else `fallback` ms. */
export function holdTime(message: WireMessage, fallback: number): number {
  const ttl = message.ttl;
  return typeof ttl === "number" && Number.isFinite(ttl) && ttl > 0 ? ttl * 1000 * TTL_SHARE : fallback;
}

export class RpcTable {
  private readonly handlers = new Map<string, RpcHandler>();
  private held: Held[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly maxHeld: number;
  private readonly holdMs: number;
  private readonly now: () => number;
  private readonly reply: Reply;

  constructor(options: RpcTableOptions = {}) {
    this.maxHeld = options.maxHeld ?? MAX_HELD;
    this.holdMs = options.holdMs ?? HOLD_MS;
    this.now = options.now ?? (() => performance.now());
    this.reply = options.reply ?? ((etype, value) => void sendAnswer(etype, value));
  }

  /** Install the handler for an etype (running the requests held for it); returns its remover. */
  register(etype: string, handler: RpcHandler): () => void {
    this.handlers.set(etype, handler);
    this.expire();
    const ready = this.held.filter((h) => h.message.etype === etype);
    if (ready.length > 0) {
      this.held = this.held.filter((h) => h.message.etype !== etype);
      this.schedule();
      for (const { message } of ready) this.run(handler, message);
    }
    return () => {
      if (this.handlers.get(etype) === handler) this.handlers.delete(etype);
    };
  }

  /**
   * Run the handler of a server message. Returns false for a message that is
   * no RPC (no string `uuid`) and has no handler; an RPC without a handler is held.
   */
  dispatch(message: WireMessage): boolean {
    const handler = this.handlers.get(message.etype);
    if (handler) {
      this.run(handler, message);
      return true;
    }
    if (typeof message.uuid !== "string") return false;
    this.hold(message);
    return true;
  }

  /** Forget the held requests: their connection is gone, so no answer could reach the asker. */
  dropHeld(): void {
    this.held = [];
    this.schedule();
  }

  /** How many requests wait for a handler (for tests and the panel). */
  heldCount(): number {
    return this.held.length;
  }

  /** Answer every held request whose time is up; called by the timer. */
  expire(): void {
    // Timers may fire a little before the clock says the deadline passed: a
    // millisecond of slack, and always a new timer for what is left.
    const now = this.now() + 1;
    const late = this.held.filter((h) => h.deadline <= now);
    this.held = this.held.filter((h) => h.deadline > now);
    for (const { message } of late) this.refuse(message, "no handler was registered in time");
    this.schedule();
  }

  private hold(message: WireMessage): void {
    const wait = holdTime(message, this.holdMs);
    this.held.push({ message, deadline: this.now() + wait });
    if (this.held.length > this.maxHeld) {
      const oldest = this.held.shift();
      if (oldest) this.refuse(oldest.message, `more than ${this.maxHeld} requests were waiting`);
    }
    console.debug(`vuer: holding ${message.etype} until its handler registers`);
    this.schedule();
  }

  private refuse(message: WireMessage, why: string): void {
    console.warn(`vuer: no handler for the RPC ${message.etype}: ${why}`);
    this.reply(replyType(message), { error: `no handler for ${message.etype} in this client: ${why}` });
  }

  /** One timer, for the earliest deadline among the held requests. */
  private schedule(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.held.length === 0) return;
    const first = Math.min(...this.held.map((h) => h.deadline));
    this.timer = setTimeout(() => this.expire(), Math.max(0, first - this.now()));
  }

  private run(handler: RpcHandler, message: WireMessage): void {
    const reply = replyType(message);
    let pending: Promise<unknown>;
    try {
      pending = handler(message);
    } catch (error) {
      pending = Promise.reject(error);
    }
    pending.then(
      (value) => this.reply(reply, value),
      (error: unknown) => {
        console.error(`vuer: ${message.etype} failed`, error);
        this.reply(reply, { error: error instanceof Error ? error.message : String(error) });
      },
    );
  }
}

const table = new RpcTable();

/**
 * Install the handler for a declared request; it takes that request's message and
 * answers its declared value (a thrown error answers `{error}`). Returns the remover.
 */
export function registerRpc<E extends keyof RpcAnswers>(
  etype: E,
  handler: (message: ServerMessageOf<E>) => Promise<RpcAnswers[E]>,
): () => void {
  // The table hands the handler only messages of its etype, as decoded.
  return table.register(etype, handler as unknown as RpcHandler);
}

/** Run (or hold until its handler registers) a server message; false when it is no RPC. */
export function dispatchRpc(message: WireMessage): boolean {
  return table.dispatch(message);
}

/** Forget requests held for a connection that closed. */
export function dropHeldRpcs(): void {
  table.dropHeld();
}
