// Plays a vuer WebRTC stream (Python's app.create_webrtc_stream): offers a
// receive-only video transceiver to the stream's endpoint, feeds the track
// into a <video>, and reconnects with capped backoff when the connection
// fails or the Python side restarts. No React here; webrtc.tsx wraps it.

export type StreamState = "connecting" | "playing" | "failed";

export interface StreamHandle {
  video: HTMLVideoElement;
  close(): void;
}

const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 5000;
/** How long a "disconnected" peer may recover by itself before we reconnect. */
const DISCONNECT_GRACE_MS = 2000;
/** aiortc takes no trickled candidates: wait for gathering, but not forever. */
const GATHER_TIMEOUT_MS = 2000;

/**
 * The offer URL for a `src`: a full URL as is; a path against the vuer
 * server (the page's `?ws=` origin, else the page); a bare id as
 * `/webrtc/offer/<id>`.
 */
export function offerUrl(src: string, location: { href: string; search: string } = window.location): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(src)) return src;
  const path = src.includes("/") ? src : `/webrtc/offer/${encodeURIComponent(src)}`;
  const ws = new URLSearchParams(location.search).get("ws");
  const base = ws ? ws.replace(/^ws(s?):/i, "http$1:") : location.href;
  return new URL(path, base).href;
}

/** The delay before reconnect attempt `n` (1, 2, …): doubling, capped. */
export function retryDelay(attempt: number): number {
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempt - 1));
}

function gathered(pc: RTCPeerConnection): Promise<void> {
  return new Promise((done) => {
    if (pc.iceGatheringState === "complete") return done();
    const timer = setTimeout(done, GATHER_TIMEOUT_MS);
    pc.addEventListener("icegatheringstatechange", () => {
      if (pc.iceGatheringState === "complete") {
        clearTimeout(timer);
        done();
      }
    });
  });
}

export function playStream(url: string, onState: (state: StreamState, detail: string) => void): StreamHandle {
  const video = document.createElement("video");
  Object.assign(video, { muted: true, playsInline: true, autoplay: true });
  let pc: RTCPeerConnection | null = null;
  let closed = false;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const retry = (reason: string, peer: RTCPeerConnection) => {
    if (closed || peer !== pc) return; // an old peer's late news
    pc = null;
    peer.close();
    video.srcObject = null;
    attempt += 1;
    const delay = retryDelay(attempt);
    console.warn(`vuer: WebRTC stream ${url}: ${reason}; retrying in ${delay} ms`);
    onState("failed", reason);
    timer = setTimeout(connect, delay);
  };

  async function connect(): Promise<void> {
    if (closed) return;
    onState("connecting", url);
    const peer = new RTCPeerConnection();
    pc = peer;
    peer.addTransceiver("video", { direction: "recvonly" });
    peer.ontrack = (event) => {
      video.srcObject = new MediaStream([event.track]);
      video.play().catch(() => undefined); // muted autoplay is allowed; a refusal retries on the next track
      // The remote ending its track (Python stopped the stream) also means reconnect.
      event.track.addEventListener("ended", () => retry("the stream ended", peer));
    };
    peer.onconnectionstatechange = () => {
      const state = peer.connectionState;
      if (state === "connected") {
        attempt = 0;
        onState("playing", url);
      } else if (state === "failed" || state === "closed") {
        retry(`connection ${state}`, peer);
      } else if (state === "disconnected") {
        setTimeout(() => {
          if (peer.connectionState === "disconnected") retry("connection lost", peer);
        }, DISCONNECT_GRACE_MS);
      }
    };
    try {
      await peer.setLocalDescription(await peer.createOffer());
      await gathered(peer);
      const local = peer.localDescription;
      if (!local) throw new Error("no local description");
      const response = await fetch(url, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ sdp: local.sdp, type: local.type }),
      });
      if (!response.ok) throw new Error(`offer refused (${response.status}): ${await response.text()}`);
      const answer = (await response.json()) as RTCSessionDescriptionInit;
      if (closed || peer !== pc) return;
      await peer.setRemoteDescription(answer);
    } catch (error) {
      retry(error instanceof Error ? error.message : String(error), peer);
    }
  }

  void connect();
  return {
    video,
    close() {
      closed = true;
      clearTimeout(timer);
      pc?.close();
      pc = null;
      video.srcObject = null;
    },
  };
}
