// The event socket: connects to `?ws=` (default: this page's origin), sends
// INIT, batches incoming messages per macrotask into the store, hands RPCs to
// rpc.ts, and reconnects with capped, jittered backoff. Every reconnect gets a
// fresh SET from the server, which resets the store.
import { decode, encode } from "@msgpack/msgpack";
import { setEventSink } from "./events";
import { dispatchRpc, dropHeldRpcs } from "./rpc";
import { sessionEnded, sessionHealthy } from "./sessionError";
import { dispatchServerEvent } from "./serverEvents";
import { type ClientInfo, PKG_VERSION, CLIENT_ETYPES, SERVER_ETYPES } from "./generated/protocol";
import { applyBatch, setConnection, stats } from "./store";
import type { ClientMessage, WireMessage } from "./types";

const FIRST_DELAY_MS = 250;
const MAX_DELAY_MS = 5000;
/** Longest a received message waits for a frame before it is applied anyway. */
const FLUSH_FALLBACK_MS = 100;
/** A session open this long without an error clears the error shown in the panel. */
const HEALTHY_AFTER_MS = 5000;
/** Server events that need no action here. */
const IGNORED = new Set([SERVER_ETYPES.NOOP, "NULL"]);

/** The socket URL: the `ws` query parameter, else the page origin as ws:/wss:. */
export function socketUrl(location: Location = window.location): string {
  const given = new URLSearchParams(location.search).get("ws");
  if (given) return given;
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  return `${scheme}//${location.host}/`;
}

function initValue(): ClientInfo {
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return {
    client: "browser",
    pkg: "vuer-client",
    pkgVersion: PKG_VERSION,
    userAgent: navigator.userAgent,
    screenWidth: window.screen.width,
    screenHeight: window.screen.height,
    devicePixelRatio: window.devicePixelRatio,
    timezone: tz,
    timezoneOffset: new Date().getTimezoneOffset(),
  };
}

function isMessage(value: unknown): value is WireMessage {
  return typeof value === "object" && value !== null && typeof (value as WireMessage).etype === "string";
}

export class Connection {
  private socket: WebSocket | null = null;
  private attempt = 0;
  private pending: WireMessage[] = [];
  private flushScheduled = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  private healthyTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly url: string) {}

  start(): void {
    this.stopped = false;
    this.open();
  }

  stop(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.socket?.close();
  }

  private open(): void {
    setConnection(this.attempt === 0 ? "connecting" : "reconnecting");
    let socket: WebSocket;
    try {
      socket = new WebSocket(this.url);
    } catch (error) {
      console.error(`vuer: bad socket URL ${this.url}`, error);
      this.retry();
      return;
    }
    socket.binaryType = "arraybuffer";
    this.socket = socket;
    socket.onopen = () => {
      this.attempt = 0;
      setEventSink((message) => this.send(socket, message));
      this.send(socket, { etype: CLIENT_ETYPES.INIT, ts: Date.now(), value: initValue() });
      setConnection("connected");
      console.info(`vuer: connected to ${this.url}`);
      if (this.healthyTimer) clearTimeout(this.healthyTimer);
      this.healthyTimer = setTimeout(sessionHealthy, HEALTHY_AFTER_MS);
    };
    socket.onmessage = (event: MessageEvent) => this.receive(event.data);
    socket.onclose = (event: CloseEvent) => {
      if (this.socket !== socket) return;
      this.socket = null;
      setEventSink(null);
      dropHeldRpcs();
      // A session whose spawn function raised: show why and wait longer each time,
      // instead of replaying the failing session in a hot loop.
      const errorDelay = sessionEnded(event.code, event.reason);
      if (errorDelay > 0 && this.healthyTimer) clearTimeout(this.healthyTimer);
      this.retry(errorDelay);
    };
    // onerror is always followed by onclose, which schedules the retry.
  }

  private retry(errorDelay = 0): void {
    if (this.stopped) return;
    setConnection("reconnecting");
    const base = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** this.attempt);
    this.attempt++;
    const delay = errorDelay > 0 ? errorDelay : base * (0.75 + Math.random() * 0.5);
    this.retryTimer = setTimeout(() => this.open(), delay);
  }

  private send(socket: WebSocket, message: ClientMessage): boolean {
    if (socket.readyState !== WebSocket.OPEN) return false;
    try {
      socket.send(encode(message));
      return true;
    } catch (error) {
      console.error(`vuer: could not send ${message.etype}`, error);
      return false;
    }
  }

  private receive(data: unknown): void {
    stats.messages++;
    let message: unknown;
    try {
      if (!(data instanceof ArrayBuffer)) throw new Error("a text frame (the protocol is binary msgpack)");
      const start = performance.now();
      message = decode(new Uint8Array(data));
      stats.lastDecodeMs = performance.now() - start;
    } catch (error) {
      stats.errors++;
      console.warn("vuer: dropping a malformed message:", error);
      return;
    }
    if (!isMessage(message)) {
      stats.errors++;
      console.warn("vuer: dropping a message without an etype");
      return;
    }
    // plain server events with listeners (haptics) act at once: during an XR
    // session the page gets no animation frames to flush on
    if (message.uuid === undefined && dispatchServerEvent(message)) return;
    this.pending.push(message);
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      // Everything that arrives before the next frame lands in the store as one
      // batch: one store notification and one React render per frame, however
      // fast the server sends. The timer covers hidden tabs, which get no frames.
      const frame = requestAnimationFrame(() => this.flush(timer));
      const timer = setTimeout(() => this.flush(undefined, frame), FLUSH_FALLBACK_MS);
    }
  }

  private flush(timer?: ReturnType<typeof setTimeout>, frame?: number): void {
    if (timer !== undefined) clearTimeout(timer);
    if (frame !== undefined) cancelAnimationFrame(frame);
    if (!this.flushScheduled) return;
    this.flushScheduled = false;
    const batch = this.pending;
    this.pending = [];
    const start = performance.now();
    const rest = applyBatch(batch);
    stats.lastApplyMs = performance.now() - start;
    for (const message of rest) {
      if (message.etype === SERVER_ETYPES.TERMINATE) {
        console.info("vuer: the server ended this session");
        continue;
      }
      if (IGNORED.has(message.etype)) continue;
      if (!dispatchRpc(message) && message.uuid === undefined)
        console.debug(`vuer: ignoring server event ${message.etype}`);
    }
  }
}
