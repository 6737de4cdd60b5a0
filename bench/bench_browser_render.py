"""Browser rendering speed, printed as JSON lines (nothing is asserted).

    python bench/bench_browser_render.py              # both workloads
    python bench/bench_browser_render.py pointcloud   # or: boxes

A ``Vuer`` serves the built client (``cd client && npm run build``) on a free
loopback port; Debian's chromium opens it through the PyPI ``playwright``
package. WebGL is SwiftShader (software rendering on the CPU), so frame rates
are far below a GPU's; they compare builds of this client with each other.

* ``pointcloud``: a 1,000,000-point ``PointCloud`` (float16 xyz + uint8 rgb,
  9 MB), timed in the page from the frame's arrival on the socket until the
  cloud is in the scene and until the next frame after that is drawn; first
  into an empty scene, then replacing a shown cloud (``upsert``).
* ``boxes``: 1,000 boxes, first still, then all moved by ``session.update``
  at 60 Hz: frames per second drawn in each case, and updates per second
  the page applied.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import shutil
import statistics
import sys
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from vuer import Vuer, VuerSession  # noqa: E402
from vuer.schemas import Box, PointCloud, Scene  # noqa: E402
from vuer.testing import running  # noqa: E402

N_POINTS = 1_000_000
N_BOXES = 1000
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--use-gl=angle",
    "--use-angle=swiftshader",
    "--enable-unsafe-swiftshader",
    "--disable-background-networking",
]

# Notes when a large frame arrives and when the cloud object changes.
PAGE_PROBE = """
(() => {
  const Socket = window.WebSocket;
  window.__bench = { arrived: [], shown: [] };
  window.WebSocket = class extends Socket {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (e) => {
        const size = e.data.byteLength || e.data.size || 0;
        if (size > 1e6) window.__bench.arrived.push(performance.now());
      });
    }
  };
  let last = null;
  const poll = () => {
    const three = window.__vuer && window.__vuer.three && window.__vuer.three();
    if (three) {
      let geometry = null;
      three.scene.traverse((o) => { if (o.isPoints && o.userData.vuerKey === "pc") geometry = o.geometry; });
      if (geometry && geometry !== last) {
        last = geometry;
        const seen = performance.now();
        requestAnimationFrame(() => requestAnimationFrame(() =>
          window.__bench.shown.push({ seen, drawn: performance.now() })));
      }
    }
    requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
})();
"""


def emit(**fields: Any) -> None:
    print(json.dumps(fields), flush=True)


async def open_page(playwright: Any, chromium: str, app: Vuer) -> Any:
    browser = await playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
    page = await browser.new_page(viewport={"width": 800, "height": 600})
    await page.add_init_script(PAGE_PROBE)
    await page.goto(app.get_url("127.0.0.1"))
    return browser, page


async def serve(setup: Any) -> tuple[Vuer, Any, asyncio.Future[VuerSession]]:
    app = Vuer(host="127.0.0.1", port=0, queries={"collapseMenu": "true"})
    ready: asyncio.Future[VuerSession] = asyncio.get_running_loop().create_future()

    @app.spawn
    async def main(session: VuerSession) -> None:
        session.set @ setup()
        if not ready.done():
            ready.set_result(session)
        await session.forever()

    ctx = running(app)
    await ctx.__aenter__()
    return app, ctx, ready


async def bench_pointcloud(playwright: Any, chromium: str, runs: int = 3) -> None:
    rng = np.random.default_rng(0)
    xyz = (rng.standard_normal((N_POINTS, 3)) * 0.5).astype(np.float32)
    rgb = rng.integers(0, 255, (N_POINTS, 3), dtype=np.uint8)
    app, ctx, ready = await serve(lambda: Scene(bgChildren=[]))
    browser, page = await open_page(playwright, chromium, app)
    try:
        session = await asyncio.wait_for(ready, 30)
        for i in range(runs):
            session.upsert @ PointCloud(key="pc", vertices=xyz + i * 0.01, colors=rgb, size=0.005)
            await page.wait_for_function(f"window.__bench.shown.length > {i}", timeout=60_000)
        arrived = await page.evaluate("window.__bench.arrived")
        shown = await page.evaluate("window.__bench.shown")
        in_scene = [s["seen"] - a for a, s in zip(arrived, shown, strict=False)]
        drawn = [s["drawn"] - a for a, s in zip(arrived, shown, strict=False)]
        emit(
            workload="pointcloud",
            points=N_POINTS,
            renderer="SwiftShader (software WebGL)",
            # The first cloud into an empty scene: decode, build, upload, draw.
            first_in_scene_ms=round(in_scene[0], 1),
            first_drawn_ms=round(drawn[0], 1),
            # Replacing a shown cloud: the page is also busy drawing the old one
            # in software, frame after frame, so this is mostly SwiftShader time.
            replace_drawn_ms_median=round(statistics.median(drawn[1:]), 1),
        )
    finally:
        await browser.close()
        await ctx.__aexit__(None, None, None)


def boxes(t: float | None = None) -> list[Box]:
    out = []
    for i in range(N_BOXES):
        y = 0.0 if t is None else 0.3 * math.sin(t + i * 0.1)
        position = [(i % 32) * 0.2 - 3, y, (i // 32) * 0.2 - 3]
        if t is None:
            out.append(Box(key=f"b{i}", args=[0.1, 0.1, 0.1], position=position, color="orange"))
        else:
            out.append(Box(key=f"b{i}", position=position))
    return out


async def frame_rate(page: Any, seconds: float) -> dict[str, float]:
    return await page.evaluate(
        """(ms) => new Promise((done) => {
            const s = window.__vuer.stats, f0 = s.frames, b0 = s.batches, t0 = performance.now();
            setTimeout(() => {
              const dt = (performance.now() - t0) / 1000;
              done({ fps: (s.frames - f0) / dt, batches_per_s: (s.batches - b0) / dt });
            }, ms);
        })""",
        seconds * 1000,
    )


async def bench_boxes(playwright: Any, chromium: str, seconds: float = 5) -> None:
    app, ctx, ready = await serve(lambda: Scene(*boxes(), bgChildren=[]))
    browser, page = await open_page(playwright, chromium, app)
    try:
        session = await asyncio.wait_for(ready, 30)
        await page.wait_for_function("window.__vuer.stats.frames > 10", timeout=60_000)
        still = await frame_rate(page, seconds)

        async def stream() -> None:
            t = 0.0
            while True:
                session.update @ boxes(t)
                t += 1 / 60
                await asyncio.sleep(1 / 60)

        streaming = asyncio.create_task(stream())
        try:
            moving = await frame_rate(page, seconds)
        finally:
            streaming.cancel()
        emit(
            workload="boxes",
            boxes=N_BOXES,
            renderer="SwiftShader (software WebGL)",
            still_fps=round(still["fps"], 1),
            moving_fps=round(moving["fps"], 1),
            applied_update_batches_per_s=round(moving["batches_per_s"], 1),
        )
    finally:
        await browser.close()
        await ctx.__aexit__(None, None, None)


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("workloads", nargs="*", default=["pointcloud", "boxes"])
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    args = parser.parse_args()
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        if "pointcloud" in args.workloads:
            await bench_pointcloud(playwright, args.chromium)
        if "boxes" in args.workloads:
            await bench_boxes(playwright, args.chromium)


if __name__ == "__main__":
    asyncio.run(main())
