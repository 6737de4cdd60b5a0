"""Our browser client against the public vuer 0.1.6 client, side by side (JSON lines).

    python bench/bench_compare.py                       # all workloads
    python bench/bench_compare.py idle boxes            # some of: idle cloud boxes
    python bench/bench_compare.py --public-build DIR    # where the public client_build is

Both clients are served by this package's server (the public bundle through
``client_root``, opened with ``?ws=``), each in a fresh chromium with
SwiftShader WebGL, so every figure is a CPU-rendering figure. Nothing is
asserted; each workload prints one line with both figures and their ratio.
Frames and draw calls are counted the same way for both clients: a script
that runs before the page wraps WebGL's draw calls, and a requestAnimationFrame
tick counts the ticks in which something was drawn.

* ``idle``: 20 static boxes; chromium's CPU time (every chromium process, via
  psutil) over ``--idle-seconds`` (10) once the scene is drawn. Target: ours
  <= public.
* ``cloud``: a 1,000,000-point ``PointCloud``: from the socket message's
  arrival to the end of the first draw of the points (a 1-pixel read-back
  waits for the GPU process), then frames per second while the mouse orbits
  the camera for ``--orbit-seconds``. Target: ours >= public fps, arrival
  ahead.
* ``boxes``: 10,000 boxes: draw calls per frame and frames per second while
  orbiting. Target: ours <= 100 draw calls and >= 10 fps.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import queue
import sys
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from vuer import Vuer  # noqa: E402
from vuer.schemas import (  # noqa: E402
    AmbientLight,
    Box,
    DirectionalLight,
    OrbitControls,
    PointCloud,
    Scene,
)
from vuer.testing import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

PUBLIC_BUILD = Path("/opt/vuer016/lib/python3.11/site-packages/vuer/client_build")
N_POINTS = 1_000_000
N_BOXES = 10_000
VIEWPORT = {"width": 800, "height": 600}

# Runs before each client: stamps large socket messages, counts draw calls per
# animation frame, and times the first draw of `window.__benchPoints` points.
PROBE = """
(() => {
  const b = { arrivals: [], ticks: 0, frames: 0, draws: 0, lastDraws: 0, lastFrameAt: 0, pointsAt: null, want: 0 };
  window.__bench = b;
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (event) => {
        const data = event.data || {};
        const size = data.byteLength || data.size || 0; // ArrayBuffer or Blob
        if (size > 100000) b.arrivals.push(performance.now());
      });
    }
  };
  for (const Ctx of [window.WebGL2RenderingContext, window.WebGLRenderingContext]) {
    if (!Ctx) continue;
    for (const name of ["drawArrays", "drawElements", "drawArraysInstanced", "drawElementsInstanced"]) {
      const original = Ctx.prototype[name];
      if (!original) continue;
      Ctx.prototype[name] = function (...args) {
        b.draws++;
        const result = original.apply(this, args);
        // the first draw of the wanted number of points: wait for it to finish
        if (b.want && b.pointsAt === null && args[0] === this.POINTS && args[2] >= b.want) {
          this.readPixels(0, 0, 1, 1, this.RGBA, this.UNSIGNED_BYTE, new Uint8Array(4));
          b.pointsAt = performance.now();
        }
        return result;
      };
    }
  }
  let seen = 0;
  const tick = () => {
    b.ticks++;
    if (b.draws > seen) {
      b.frames++;
      b.lastDraws = b.draws - seen;
      b.lastFrameAt = performance.now();
      seen = b.draws;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();
"""

COUNTERS = "() => ({ frames: window.__bench.frames, draws: window.__bench.lastDraws, t: performance.now() })"


class Servers:
    """Two Vuer servers in one background loop: one serves our client, one the public one."""

    def __init__(self, public_build: Path) -> None:
        self.loop = asyncio.new_event_loop()
        threading.Thread(target=self.loop.run_forever, daemon=True).start()
        self.sessions: dict[str, queue.Queue[Any]] = {
            "ours": queue.Queue(),
            "public": queue.Queue(),
        }
        self.apps = {
            "ours": self._app("ours", {}),
            "public": self._app("public", {"client_root": str(public_build)}),
        }

    def _app(self, label: str, settings: dict[str, Any]) -> Vuer:
        app = Vuer(host="127.0.0.1", port=0, static_root=".", **settings)

        @app.spawn
        async def main(session: Any) -> None:
            self.sessions[label].put(session)
            await session.forever()

        self.call(app.astart())
        return app

    def call(self, coro: Any, timeout: float = 120.0) -> Any:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)

    def url(self, label: str) -> str:
        port = self.apps[label].port
        if label == "ours":
            return f"http://127.0.0.1:{port}/?collapseMenu=true"
        return f"http://127.0.0.1:{port}/?ws=ws://127.0.0.1:{port}&collapseMenu=true"

    def stop(self) -> None:
        for app in self.apps.values():
            self.call(app.astop())
        self.loop.call_soon_threadsafe(self.loop.stop)


def emit(record: dict[str, Any]) -> None:
    print(json.dumps(record), flush=True)


def ratio(a: float | None, b: float | None) -> float | None:
    return None if a is None or b is None or b == 0 else round(a / b, 2)


def lit_scene(*children: Any, cam: list[float]) -> Scene:
    lights = [
        AmbientLight(key="ambient", intensity=0.6),
        DirectionalLight(key="sun", position=[3, 5, 4]),
        # explicit: bgChildren replace the public client's default controls
        OrbitControls(key="orbit", makeDefault=True),
    ]
    return Scene(*children, bgChildren=lights, camPosition=cam, background="#202020")


def chromium_cpu() -> dict[int, float]:
    """CPU seconds of every chromium process under this one (playwright's driver starts it)."""
    import psutil

    out = {}
    for p in psutil.Process().children(recursive=True):
        try:
            if "chrom" in p.name().lower():
                t = p.cpu_times()
                out[p.pid] = t.user + t.system
        except psutil.Error:
            continue
    return out


class Client:
    """One chromium with one page of one client, connected to its server."""

    def __init__(self, pw: Any, servers: Servers, label: str) -> None:
        self.label = label
        self.browser = pw.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))
        self.page = self.browser.new_page(viewport=VIEWPORT)
        self.page.add_init_script(PROBE)
        self.page.goto(servers.url(label))
        self.session = servers.sessions[label].get(timeout=60)

    def counters(self) -> dict[str, float]:
        return dict(self.page.evaluate(COUNTERS))

    def wait_drawn(self, arrivals: int, timeout_ms: float) -> bool:
        """Wait until a frame was drawn after the `arrivals`-th large message; False on timeout."""
        try:
            self.page.wait_for_function(
                f"window.__bench.arrivals.length >= {arrivals} && "
                f"window.__bench.lastFrameAt > window.__bench.arrivals[{arrivals - 1}]",
                timeout=timeout_ms,
                polling=100,
            )
        except Exception:  # the public client can block for a minute on 10,000 boxes
            return False
        return True

    def orbit(self, seconds: float) -> float:
        """Drag across the canvas for `seconds`; frames drawn per second meanwhile."""
        w, h = VIEWPORT["width"], VIEWPORT["height"]
        # the right half: the public client's panel covers the left
        self.page.mouse.move(w * 0.45, h * 0.5)
        self.page.mouse.down()
        before = self.counters()
        start = time.monotonic()
        i = 0
        while time.monotonic() - start < seconds:
            i += 1
            x = w * (0.45 + 0.4 * ((i % 40) / 40))
            self.page.mouse.move(x, h * 0.5 + 20 * np.sin(i / 5), steps=2)
        after = self.counters()
        self.page.mouse.up()
        return round((after["frames"] - before["frames"]) * 1000 / (after["t"] - before["t"]), 2)

    def close(self) -> None:
        self.browser.close()


def run_idle(pw: Any, servers: Servers, seconds: float) -> None:
    boxes = [
        Box(
            key=f"b{i}", args=[0.4, 0.4, 0.4], position=[i % 5 - 2, i // 5 - 1.5, 0], color="orange"
        )
        for i in range(20)
    ]
    out: dict[str, Any] = {"bench": "idle_20_boxes", "seconds": seconds}
    for label in ("ours", "public"):
        client = Client(pw, servers, label)
        client.session.set @ lit_scene(*boxes, cam=[0, 0, 6])
        time.sleep(3.0)  # drawn and settled
        frames0 = client.counters()["frames"]
        cpu0 = chromium_cpu()
        time.sleep(seconds)
        cpu1 = chromium_cpu()
        frames1 = client.counters()["frames"]
        cpu = sum(t - cpu0[pid] for pid, t in cpu1.items() if pid in cpu0)
        out[f"{label}_chromium_cpu_s"] = round(cpu, 2)
        out[f"{label}_frames_drawn"] = frames1 - frames0
        client.close()
    out["ratio_cpu_ours_to_public"] = ratio(
        out["ours_chromium_cpu_s"], out["public_chromium_cpu_s"]
    )
    out["target"] = "ours <= public"
    emit(out)


def run_cloud(pw: Any, servers: Servers, orbit_seconds: float) -> None:
    rng = np.random.default_rng(0)
    vertices = rng.uniform(-1, 1, (N_POINTS, 3)).astype(np.float32)
    colors = rng.integers(0, 255, (N_POINTS, 3), dtype=np.uint8)
    out: dict[str, Any] = {"bench": "cloud_1m", "points": N_POINTS}
    for label in ("ours", "public"):
        client = Client(pw, servers, label)
        client.session.set @ lit_scene(cam=[0, 0, 4])
        time.sleep(2.0)
        client.page.evaluate(f"window.__bench.want = {N_POINTS}")
        client.session.upsert @ PointCloud(
            key="cloud", vertices=vertices, colors=colors, size=0.005
        )
        first = None
        try:
            client.page.wait_for_function(
                "window.__bench.pointsAt !== null && window.__bench.arrivals.length > 0",
                timeout=120_000,
                polling=100,
            )
            r = client.page.evaluate("[window.__bench.arrivals[0], window.__bench.pointsAt]")
            first = round(r[1] - r[0], 1)
        except Exception:
            pass
        out[f"{label}_arrival_to_first_frame_ms"] = first
        time.sleep(1.0)
        out[f"{label}_orbit_fps"] = client.orbit(orbit_seconds)
        client.close()
    out["ratio_fps_ours_to_public"] = ratio(out["ours_orbit_fps"], out["public_orbit_fps"])
    out["ratio_first_frame_ours_to_public"] = ratio(
        out["ours_arrival_to_first_frame_ms"], out["public_arrival_to_first_frame_ms"]
    )
    out["target"] = "ours fps >= public; first frame ahead"
    emit(out)


def run_boxes(pw: Any, servers: Servers, orbit_seconds: float, labels: list[str]) -> None:
    side = int(np.ceil(N_BOXES ** (1 / 3)))
    boxes = [
        Box(
            key=f"b{i}",
            args=[0.4, 0.4, 0.4],
            position=[
                i % side - side / 2,
                i // side % side - side / 2,
                i // side // side - side / 2,
            ],
            material={"color": f"hsl({i * 137 % 360}, 70%, 55%)"},
        )
        for i in range(N_BOXES)
    ]
    out: dict[str, Any] = {"bench": "boxes_10k", "boxes": N_BOXES}
    for label in labels:
        client = Client(pw, servers, label)
        t0 = time.monotonic()
        client.session.set @ lit_scene(*boxes, cam=[30, 22, 40])
        drawn = client.wait_drawn(1, 150_000)
        out[f"{label}_set_to_drawn_s"] = round(time.monotonic() - t0, 2) if drawn else None
        print(f"boxes: {label} drawn={drawn}", file=sys.stderr, flush=True)
        if drawn:
            time.sleep(2.0)
            fps = client.orbit(orbit_seconds)
            out[f"{label}_draw_calls"] = client.counters()["draws"]
            out[f"{label}_orbit_fps"] = fps
        client.close()
    out["ratio_fps_ours_to_public"] = ratio(out.get("ours_orbit_fps"), out.get("public_orbit_fps"))
    out["target"] = "ours <= 100 draw calls, >= 10 fps"
    emit(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("workloads", nargs="*", default=["idle", "cloud", "boxes"])
    parser.add_argument("--public-build", type=Path, default=PUBLIC_BUILD)
    parser.add_argument("--idle-seconds", type=float, default=10.0)
    parser.add_argument("--orbit-seconds", type=float, default=5.0)
    parser.add_argument(
        "--clients", nargs="+", default=["ours", "public"], help="boxes: which clients to run"
    )
    options = parser.parse_args()
    if not (options.public_build / "index.html").is_file():
        sys.exit(f"no public client build at {options.public_build} (--public-build DIR)")

    from playwright.sync_api import sync_playwright

    servers = Servers(options.public_build)
    try:
        with sync_playwright() as pw:
            if "idle" in options.workloads:
                run_idle(pw, servers, options.idle_seconds)
            if "cloud" in options.workloads:
                run_cloud(pw, servers, options.orbit_seconds)
            if "boxes" in options.workloads:
                run_boxes(pw, servers, options.orbit_seconds, options.clients)
    finally:
        servers.stop()


if __name__ == "__main__":
    main()
