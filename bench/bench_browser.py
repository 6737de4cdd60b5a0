"""Browser speed, printed as JSON lines (nothing is asserted).

    python bench/bench_browser.py                 # both workloads
    python bench/bench_browser.py pointcloud      # some of: pointcloud boxes
    python bench/bench_browser.py boxes --seconds 10

Drives Debian's chromium (/usr/bin/chromium) through playwright with
SwiftShader WebGL, so every figure is a CPU-rendering figure: a GPU browser
draws far faster. The server runs in this process, in a background loop.

* ``pointcloud``: ``session.upsert`` of a 1,000,000-point ``PointCloud``
  (float16 xyz + uint8 rgb, ~9 MB), repeated. In the page: when the socket
  message arrived, how long decoding and the store update took (the client's
  own ``lastDecodeMs``/``lastApplyMs``), when the renderer was first called
  with the cloud, and when that frame was finished (a 1-pixel read-back waits
  for the GPU process); from Python: wall clock from the call until that
  frame (same machine, so epoch clocks agree).
* ``boxes``: 1,000 boxes; Python sends one ``update`` of all 1,000 positions
  per tick at 60 Hz for ``--seconds``; the page counts its frames with
  requestAnimationFrame and the client's frame counter.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import queue
import statistics
import sys
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from vuer import Vuer  # noqa: E402
from vuer.schemas import AmbientLight, Box, DirectionalLight, PointCloud, Scene  # noqa: E402
from vuer.testing import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

N_POINTS = 1_000_000
N_BOXES = 1_000

# Runs before the client: timestamps every socket message (the listener added in
# the constructor fires before the client's own) and counts animation frames.
PROBE = """
(() => {
  const probe = { arrivals: [], rafs: 0, result: null };
  window.__bench = probe;
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (event) => {
        const size = event.data && event.data.byteLength ? event.data.byteLength : 0;
        if (size > 1000000) probe.arrivals.push(performance.now());
      });
    }
  };
  const tick = () => { probe.rafs++; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
})();
"""

# Wraps the renderer until it first renders a Points object of `count` points
# that came with a new socket message, then reads one pixel back: that waits
# for the GPU process to finish the frame (WebGL calls only queue work), so
# `drawn` is when the cloud is on screen. Timings land in window.__bench.result.
WATCH_POINTS = """
(count) => {
  const b = window.__bench;
  const vuer = window.__vuer;
  const gl = vuer.three().gl;
  const ctx = gl.getContext();
  const pixel = new Uint8Array(4);
  b.result = null;
  const seen = b.arrivals.length;
  const present = (scene) => {
    let hit = false;
    scene.traverse((o) => {
      const position = o.isPoints && o.geometry && o.geometry.attributes.position;
      if (position && position.count === count) hit = true;
    });
    return hit;
  };
  const original = gl.render;
  gl.render = function (scene, camera) {
    const mine = b.arrivals.length > seen && present(scene);
    const start = performance.now();
    original.call(this, scene, camera);
    if (!mine) return;
    ctx.readPixels(0, 0, 1, 1, ctx.RGBA, ctx.UNSIGNED_BYTE, pixel);
    gl.render = original;
    b.result = {
      arrival: b.arrivals[seen],
      firstRender: start,
      drawn: performance.now(),
      decodeMs: vuer.stats.lastDecodeMs,
      applyMs: vuer.stats.lastApplyMs,
      timeOrigin: performance.timeOrigin,
    };
  };
}
"""

RENDERER = """
() => {
  const gl = window.__vuer.three().gl.getContext();
  const info = gl.getExtension("WEBGL_debug_renderer_info");
  return info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);
}
"""


class Server:
    """A Vuer in a background event loop; ``session()`` hands over the connected client."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        threading.Thread(target=self.loop.run_forever, daemon=True).start()
        self.app = Vuer(host="127.0.0.1", port=0, static_root=".")
        self.sessions: queue.Queue[Any] = queue.Queue()

        @self.app.spawn
        async def main(session: Any) -> None:
            self.sessions.put(session)
            await session.forever()

        self.call(self.app.astart())

    def call(self, coro: Any, timeout: float = 120.0) -> Any:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)

    def url(self) -> str:
        return f"http://127.0.0.1:{self.app.port}/?collapseMenu=true"

    def stop(self) -> None:
        self.call(self.app.astop())
        self.loop.call_soon_threadsafe(self.loop.stop)


def emit(record: dict[str, Any]) -> None:
    print(json.dumps(record), flush=True)


def lit_scene(*children: Any, cam: list[float]) -> Scene:
    lights = [
        AmbientLight(key="ambient", intensity=0.6),
        DirectionalLight(key="sun", position=[3, 5, 4]),
    ]
    return Scene(*children, bgChildren=lights, camPosition=cam, background="#202020")


def bench_pointcloud(server: Server, page: Any, session: Any, repeats: int, renderer: str) -> None:
    rng = np.random.default_rng(0)
    vertices = rng.uniform(-1, 1, (N_POINTS, 3)).astype(np.float32)
    colors = rng.integers(0, 255, (N_POINTS, 3), dtype=np.uint8)
    session.set @ lit_scene(cam=[0, 0, 4])
    rows = []
    for i in range(repeats):
        page.evaluate(WATCH_POINTS, N_POINTS)
        t0 = time.time() * 1000
        session.upsert @ PointCloud(key=f"cloud{i}", vertices=vertices, colors=colors, size=0.005)
        page.wait_for_function("window.__bench.result !== null", timeout=120_000, polling=50)
        r = page.evaluate("window.__bench.result")
        rows.append(
            {
                "decode_ms": r["decodeMs"],
                "store_apply_ms": r["applyMs"],
                "arrival_to_first_render_ms": r["firstRender"] - r["arrival"],
                "first_render_ms": r["drawn"] - r["firstRender"],
                "arrival_to_drawn_ms": r["drawn"] - r["arrival"],
                "python_call_to_drawn_ms": r["timeOrigin"] + r["drawn"] - t0,
            }
        )
        # Start the next run from a settled page: frames with the cloud are slow
        # (seconds on SwiftShader) and would count against the next arrival.
        session.remove @ f"cloud{i}"
        page.wait_for_function(f"!window.__vuer.store.getState().graph.nodes.has('cloud{i}')")
        # (animation-frame ticks: the client draws only on change, not every tick)
        ticks = page.evaluate("window.__bench.rafs")
        page.wait_for_function(f"window.__bench.rafs >= {ticks + 3}", timeout=60_000)
    emit(
        {
            "bench": "browser_pointcloud_1m",
            "points": N_POINTS,
            "repeats": repeats,
            **{k: round(statistics.median(row[k] for row in rows), 1) for k in rows[0]},
            "runs": rows,
            "renderer": renderer,
            "note": "median over runs; SwiftShader (CPU) WebGL, not a GPU figure",
        }
    )


async def drive_boxes(session: Any, seconds: float) -> dict[str, float]:
    """Send one update of all boxes per tick at 60 Hz; report the rate achieved."""
    loop = asyncio.get_running_loop()
    start = loop.time()
    ticks = 0
    phases = np.arange(N_BOXES) * 0.37
    while (now := loop.time()) - start < seconds:
        t = now - start
        y = 0.5 * np.sin(2 * t + phases)
        session.update @ [
            Box(
                key=f"b{i}",
                position=[(i % 10) - 4.5, float(y[i]) + (i // 100) - 4.5, (i // 10 % 10) - 4.5],
            )
            for i in range(N_BOXES)
        ]
        ticks += 1
        await asyncio.sleep(max(0.0, start + ticks / 60 - loop.time()))
    return {"ticks": ticks, "seconds": loop.time() - start}


COUNTERS = """() => ({
  rafs: window.__bench.rafs,
  frames: window.__vuer.stats.frames,
  batches: window.__vuer.stats.batches,
  t: performance.now(),
})"""


def counters(page: Any) -> dict[str, float]:
    return dict(page.evaluate(COUNTERS))


def bench_boxes(server: Server, page: Any, session: Any, seconds: float, renderer: str) -> None:
    boxes = [
        Box(
            key=f"b{i}",
            args=[0.4, 0.4, 0.4],
            position=[(i % 10) - 4.5, (i // 100) - 4.5, (i // 10 % 10) - 4.5],
            material={"color": f"hsl({i * 137 % 360}, 70%, 55%)"},
        )
        for i in range(N_BOXES)
    ]
    session.set @ lit_scene(*boxes, cam=[12, 9, 16])
    page.wait_for_function(
        f"window.__vuer.store.getState().graph.nodes.has('b{N_BOXES - 1}')",
        timeout=60_000,
    )
    page.wait_for_timeout(1000)  # let the first upload settle
    # Baseline: the same scene with nothing moving, to tell drawing cost from update cost.
    still = counters(page)
    page.wait_for_timeout(2000)
    moved = counters(page)
    still_fps = (moved["rafs"] - still["rafs"]) * 1000 / (moved["t"] - still["t"])
    before = counters(page)
    sent = server.call(drive_boxes(session, seconds), timeout=seconds + 60)
    after = counters(page)
    elapsed = (after["t"] - before["t"]) / 1000
    emit(
        {
            "bench": "browser_1000_boxes_60hz",
            "boxes": N_BOXES,
            "seconds": round(elapsed, 2),
            "fps": round((after["rafs"] - before["rafs"]) / elapsed, 1),
            "fps_nothing_moving": round(still_fps, 1),
            "rendered_fps": round((after["frames"] - before["frames"]) / elapsed, 1),
            "store_batches_per_s": round((after["batches"] - before["batches"]) / elapsed, 1),
            "python_ticks_per_s": round(sent["ticks"] / sent["seconds"], 1),
            "renderer": renderer,
            "note": "SwiftShader (CPU) WebGL on a shared machine, not a GPU figure",
        }
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("workloads", nargs="*", default=["pointcloud", "boxes"])
    parser.add_argument("--repeats", type=int, default=3, help="point cloud runs")
    parser.add_argument("--seconds", type=float, default=5.0, help="box animation length")
    parser.add_argument("--size", default="800x600", help="viewport, WIDTHxHEIGHT")
    options = parser.parse_args()
    width, height = (int(v) for v in options.size.split("x"))

    from playwright.sync_api import sync_playwright

    server = Server()
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))
            page = browser.new_page(viewport={"width": width, "height": height})
            page.add_init_script(PROBE)
            page.goto(server.url())
            page.wait_for_function("document.body.dataset.vuerConnection === 'connected'")
            page.wait_for_function("window.__vuer.three() !== null")
            session = server.sessions.get(timeout=30)
            renderer = page.evaluate(RENDERER)
            if "pointcloud" in options.workloads:
                bench_pointcloud(server, page, session, options.repeats, renderer)
            if "boxes" in options.workloads:
                bench_boxes(server, page, session, options.seconds, renderer)
            browser.close()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
