"""WebRTC speed in chromium, printed as JSON (nothing is asserted).

    python bench/bench_webrtc.py                   # VP8, 640x480 at 30 fps, 10 s
    python bench/bench_webrtc.py --codec H264 --seconds 20

A thread pushes 640x480 BGR frames at 30 fps into ``create_webrtc_stream``.
Each frame's red or blue level alternates (255/200) so the page can count
distinct frames, and the hue flips from red to blue and back every 0.5 s so
it can time the flips. In the page a requestAnimationFrame loop reads the
centre pixel of what was drawn:

* ``ours``: the vuer client, a ``WebRTCVideoPlane`` filling the view; the
  pixel is read back from the WebGL canvas right after three.js drew it.
* ``bare``: the limit without the scene: the same stream in a plain
  ``<video>`` (``/webrtc/debug``), each frame drawn into a 2D canvas and read
  back when the video presents it (requestVideoFrameCallback).

Figures: ``fps`` (distinct frames seen per second), ``latency_ms`` (from the
``push_frame`` call of a flip's first frame to the first drawn pixel of the new
hue; same machine, so epoch clocks agree; median and p90). Chromium renders
with SwiftShader on the CPU here and shares the cores with the encoder.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from vuer import Vuer  # noqa: E402
from vuer.schemas import Scene, WebRTCVideoPlane  # noqa: E402
from vuer.testing import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

WIDTH, HEIGHT, FPS = 640, 480, 30
FLIP_S = 0.5

# Reads the drawn centre pixel every animation frame: hue flips (with the epoch
# time) and level changes (distinct frames). `read` returns [r, g, b] or null.
PROBE = """
(mode) => {
  const probe = { flips: [], frames: 0, hue: null, level: null, stop: false };
  window.__bench = probe;
  let read;
  if (mode === "ours") {
    const canvas = document.querySelector("canvas");
    const gl = canvas.getContext("webgl2") || canvas.getContext("webgl");
    const px = new Uint8Array(4);
    read = () => {
      gl.readPixels(gl.drawingBufferWidth >> 1, gl.drawingBufferHeight >> 1, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px);
      return [px[0], px[1], px[2]];
    };
  } else {
    const video = document.querySelector("video");
    const c = document.createElement("canvas");
    c.width = 8; c.height = 8;
    const g = c.getContext("2d", { willReadFrequently: true });
    read = () => {
      if (!video.videoWidth) return null;
      g.drawImage(video, video.videoWidth / 2 - 4, video.videoHeight / 2 - 4, 8, 8, 0, 0, 8, 8);
      const d = g.getImageData(4, 4, 1, 1).data;
      return [d[0], d[1], d[2]];
    };
  }
  const tick = () => {
    if (probe.stop) return;
    let p = null;
    try {
      p = read();
    } catch (error) {
      probe.error = String(error);
    }
    probe.last = p;
    if (p) {
      const hue = p[0] > p[2] + 60 ? "red" : p[2] > p[0] + 60 ? "blue" : null;
      if (hue) {
        const main = hue === "red" ? p[0] : p[2];
        const level = main > 228 ? "hi" : "lo";
        if (hue !== probe.hue) probe.flips.push([hue, performance.timeOrigin + performance.now()]);
        if (level !== probe.level || hue !== probe.hue) probe.frames += 1;
        probe.hue = hue;
        probe.level = level;
      }
    }
    if (mode !== "ours") schedule(tick);
  };
  // The bare page reads each frame as the video presents it. Ours reads what
  // three.js drew, right after each render: the page draws only on change (a new
  // video frame), and between renders the drawing buffer is already cleared.
  const video = document.querySelector("video");
  if (mode === "ours") {
    const renderer = window.__vuer.three().gl;
    const render = renderer.render.bind(renderer);
    probe.renders = 0;
    probe.renderMs = 0;
    renderer.render = (scene, camera) => {
      const t = performance.now();
      render(scene, camera);
      probe.renderMs += performance.now() - t;
      probe.renders += 1;
      tick();
    };
    return;
  }
  const schedule = (fn) => video.requestVideoFrameCallback(fn);
  schedule(tick);
}
"""


class LoopThread:
    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()

    def run(self, coro: Any, timeout: float = 30) -> Any:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)


class Pusher:
    """30 fps frames; hue flips every FLIP_S seconds; records each flip's push time."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream
        self.flips: list[tuple[str, float]] = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)

    def run(self) -> None:
        frame = np.empty((HEIGHT, WIDTH, 3), np.uint8)
        start = time.monotonic()
        hue = None
        for i in range(FPS * 600):
            if self.stop.is_set():
                return
            now = time.monotonic() - start
            current = "red" if int(now / FLIP_S) % 2 == 0 else "blue"
            level = 255 if i % 2 else 200
            frame[:] = (0, 0, level) if current == "red" else (level, 0, 0)  # BGR
            if current != hue:
                self.flips.append((current, time.time() * 1000))
                hue = current
            self.stream.push_frame(frame)
            delay = start + (i + 1) / FPS - time.monotonic()
            if delay > 0:
                self.stop.wait(delay)


def latencies(pushed: list[tuple[str, float]], seen: list[list[Any]]) -> list[float]:
    """For each flip seen in the page, its time minus the matching push."""
    out = []
    for hue, t_seen in seen:
        earlier = [t for h, t in pushed if h == hue and t <= t_seen]
        if earlier:
            out.append(t_seen - earlier[-1])
    return out


def measure(page: Any, url: str, mode: str, stream: Any, seconds: float) -> dict[str, Any]:
    pusher = Pusher(stream)
    pusher.thread.start()
    try:
        page.goto(url)
        if mode == "ours":
            page.wait_for_function("document.body.dataset.vuerWebrtc === 'playing'", timeout=30_000)
        else:
            page.wait_for_function("document.querySelector('video').videoWidth > 0", timeout=30_000)
        page.wait_for_timeout(1500)  # let the bitrate settle
        page.evaluate(PROBE, mode)
        t0 = time.time() * 1000
        page.wait_for_timeout(seconds * 1000)
        probe = page.evaluate("(() => { window.__bench.stop = true; return window.__bench; })()")
        if probe.get("error") or "--debug" in sys.argv:
            print(mode, "probe:", probe.get("error"), probe.get("last"), file=sys.stderr)
    finally:
        pusher.stop.set()
        pusher.thread.join(timeout=5)
    seen = [f for f in probe["flips"][1:] if f[1] >= t0]  # the first is the probe starting
    lat = latencies([p for p in pusher.flips if p[1] >= t0 - 1000], seen)
    return {
        "fps": round(probe["frames"] / seconds, 1),
        "latency_ms": {
            "median": round(statistics.median(lat), 1) if lat else None,
            "p90": round(sorted(lat)[int(0.9 * (len(lat) - 1))], 1) if lat else None,
            "flips": len(lat),
        },
        **(
            {
                "renders_per_s": round(probe["renders"] / seconds, 1),
                "render_ms_mean": round(probe["renderMs"] / max(probe["renders"], 1), 1),
            }
            if "renders" in probe
            else {}
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--codec", default="VP8", choices=["VP8", "H264"])
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--debug", action="store_true", help="print the last pixel read")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    loops = LoopThread()
    app = Vuer(host="127.0.0.1", port=0)
    stream = app.create_webrtc_stream(
        "bench", codec=args.codec, max_framerate=FPS, resolution=(WIDTH, HEIGHT)
    )

    @app.spawn
    async def scene(session: Any) -> None:
        session.set @ Scene(WebRTCVideoPlane(key="rtc", src=stream.url, distanceToCamera=1))
        await session.forever()

    loops.run(app.astart())
    base = f"http://127.0.0.1:{app.port}"
    result: dict[str, Any] = {
        "bench": "webrtc",
        "codec": args.codec,
        "resolution": [WIDTH, HEIGHT],
        "push_fps": FPS,
        "seconds": args.seconds,
    }
    flags = [*CHROMIUM_ARGS, "--disable-features=WebRtcHideLocalIpsWithMdns"]
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=flags)
            for mode, url in (
                ("ours", f"{base}/?collapseMenu=true"),
                ("bare", f"{base}/webrtc/debug?url={base}/webrtc/offer/bench"),
            ):
                page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
                result[mode] = measure(page, url, mode, stream, args.seconds)
                page.close()
            browser.close()
    finally:
        loops.run(app.astop())
    ours, bare = result["ours"], result["bare"]
    if ours["latency_ms"]["median"] and bare["latency_ms"]["median"]:
        result["latency_ratio_ours_to_bare"] = round(
            ours["latency_ms"]["median"] / bare["latency_ms"]["median"], 2
        )
    if bare["fps"]:
        result["fps_ratio_ours_to_bare"] = round(ours["fps"] / bare["fps"], 2)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
