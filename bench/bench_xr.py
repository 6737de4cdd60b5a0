"""XR streams under the WebXR emulator, printed as JSON lines (nothing is asserted).

    python bench/bench_xr.py                  # 5 s per rate window, 30 latency probes
    python bench/bench_xr.py --seconds 10 --probes 60
    python bench/bench_xr.py --hide-models    # the same without drawing hands/controllers

Drives Debian's chromium through playwright (SwiftShader WebGL) with the npm
package ``iwer`` (client/node_modules) emulating a Meta Quest 3; the page
enters VR from the client's own button. The server runs in this process.

* ``rate``: ``MotionControllers`` at ``fps=30`` and ``fps=60`` (two nodes in
  one scene), then ``Hands`` at 30 and 60: events per second reaching the
  Python handler over ``--seconds``, next to the asked rate (``ratio`` = got /
  asked, 1.0 is the limit) and the XR frame rate the emulator reached.
* ``latency``: the page moves the emulated left controller to a new place and
  notes ``Date.now()``; the Python handler notes when the first event carrying
  that pose arrives (same machine, same clock). Per stream: median and p90 in
  ms. A pose waits at most one XR frame (it is read in the frame loop) plus
  one send period (the schedule); ``bound_ms`` prints that sum.
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

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from vuer import Vuer  # noqa: E402
from vuer.schemas import Hands, MotionControllers, Scene  # noqa: E402
from vuer.testing import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

IWER = Path(__file__).resolve().parents[1] / "client" / "node_modules" / "iwer" / "build"
INSTALL = """
window.__xrDevice = new IWER.XRDevice(IWER.metaQuest3);
window.__xrDevice.installRuntime({ forceInstall: true });
"""
# Counts XR frames while a session runs.
XR_FRAMES = """() => new Promise((resolve) => {
  const session = window.__vuer.three().gl.xr.getSession();
  let frames = 0;
  const start = performance.now();
  const tick = () => {
    frames++;
    if (performance.now() - start < 2000) session.requestAnimationFrame(tick);
    else resolve(frames / ((performance.now() - start) / 1000));
  };
  session.requestAnimationFrame(tick);
})"""
RATES = (30, 60)
MODELS = True  # whether the hands and controllers are drawn (--hide-models)


class Server:
    """A Vuer in a background loop; handlers note each XR event's arrival time."""

    def __init__(self, scene: Scene) -> None:
        self.loop = asyncio.new_event_loop()
        threading.Thread(target=self.loop.run_forever, daemon=True).start()
        self.app = Vuer(host="127.0.0.1", port=0, static_root=".")
        self.sessions: queue.Queue[Any] = queue.Queue()
        self.arrivals: list[tuple[float, str, str, float]] = []  # ms, etype, key, left x

        @self.app.spawn
        async def main(session: Any) -> None:
            session.set @ scene
            self.sessions.put(session)
            await session.forever()

        async def note(event: Any, session: Any) -> None:
            left = event.value.get("left") if isinstance(event.value, dict) else None
            x = float(left[12]) if left else float("nan")
            self.arrivals.append((time.time() * 1000, event.etype, str(event.key), x))

        self.app.add_handler("CONTROLLER_MOVE", note)
        self.app.add_handler("HAND_MOVE", note)
        self.call(self.app.astart())

    def call(self, coro: Any, timeout: float = 60.0) -> Any:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)

    def url(self) -> str:
        return f"http://127.0.0.1:{self.app.port}/?collapseMenu=true"

    def stop(self) -> None:
        self.call(self.app.astop())
        self.loop.call_soon_threadsafe(self.loop.stop)


def emit(record: dict[str, Any]) -> None:
    print(json.dumps({**record, "models": MODELS}), flush=True)


def rates(server: Server, etype: str, seconds: float, xr_fps: float) -> None:
    start = time.time() * 1000
    time.sleep(seconds)
    end = time.time() * 1000
    for fps in RATES:
        key = f"{etype.split('_')[0].lower()}{fps}"
        got = sum(
            1 for t, e, k, _ in server.arrivals if e == etype and k == key and start <= t < end
        )
        rate = got / seconds
        emit(
            {
                "bench": "rate",
                "etype": etype,
                "fps": fps,
                "events_per_s": round(rate, 2),
                "ratio": round(rate / fps, 3),
                "xr_frames_per_s": round(xr_fps, 1),
                "seconds": seconds,
            }
        )


def last_x(server: Server, etype: str, key: str) -> float:
    for _, e, k, x in reversed(server.arrivals):
        if e == etype and k == key:
            return x
    return float("nan")


def latency(server: Server, page: Any, etype: str, probes: int, xr_fps: float) -> None:
    move = "hands" if etype == "HAND_MOVE" else "controllers"
    found: dict[int, list[float]] = {fps: [] for fps in RATES}
    keys = {f"{etype.split('_')[0].lower()}{fps}": fps for fps in RATES}
    for i in range(probes):
        x = round(-0.3 - 0.002 * (i + 1), 4)  # each probe moves 2 mm
        before = {k: last_x(server, etype, k) for k in keys}
        # the same clock as time.time() (epoch ms), read right after the move
        sent = page.evaluate(
            f"() => {{ window.__xrDevice.{move}.left.position.x = {x}; return Date.now(); }}"
        )
        deadline = time.monotonic() + 3
        waiting = dict(keys)
        while waiting and time.monotonic() < deadline:
            for t, e, k, seen_x in list(server.arrivals):
                # the first event of this stream showing the move (hands: the wrist)
                if e == etype and k in waiting and t >= sent and abs(seen_x - before[k]) > 1e-3:
                    found[waiting.pop(k)].append(t - sent)
            time.sleep(0.002)
        time.sleep(0.05)
    for fps in RATES:
        samples = sorted(found[fps])
        if not samples:
            emit({"bench": "latency", "etype": etype, "fps": fps, "error": "no event matched"})
            continue
        emit(
            {
                "bench": "latency",
                "etype": etype,
                "fps": fps,
                "median_ms": round(statistics.median(samples), 1),
                "p90_ms": round(samples[int(0.9 * (len(samples) - 1))], 1),
                "bound_ms": round(1000 / xr_fps + 1000 / fps, 1),
                "probes": len(samples),
            }
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="rate window")
    parser.add_argument("--probes", type=int, default=30, help="latency probes per stream")
    parser.add_argument(
        "--hide-models", action="store_true", help="hideLeft/hideRight: stream without drawing"
    )
    options = parser.parse_args()
    global MODELS
    MODELS = not options.hide_models
    hide = {"hideLeft": True, "hideRight": True} if options.hide_models else {}

    from playwright.sync_api import sync_playwright

    scene = Scene(
        bgChildren=[
            *(
                MotionControllers(
                    key=f"controller{f}", left=True, right=True, stream=True, fps=f, **hide
                )
                for f in RATES
            ),
            *(Hands(key=f"hand{f}", stream=True, fps=f, **hide) for f in RATES),
        ]
    )
    server = Server(scene)
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))
            page = browser.new_page(viewport={"width": 640, "height": 480})
            page.add_init_script(path=str(IWER / "iwer.min.js"))
            page.add_init_script(script=INSTALL)
            page.goto(server.url())
            server.sessions.get(timeout=30)
            page.locator(".vuer-xr-button[data-mode=immersive-vr]").click()
            page.wait_for_function("window.__vuer.three()?.gl.xr.getSession() != null")
            xr_fps = page.evaluate(XR_FRAMES)
            rates(server, "CONTROLLER_MOVE", options.seconds, xr_fps)
            latency(server, page, "CONTROLLER_MOVE", options.probes, xr_fps)
            page.evaluate("() => { window.__xrDevice.primaryInputMode = 'hand'; }")
            time.sleep(0.5)
            xr_fps = page.evaluate(XR_FRAMES)
            rates(server, "HAND_MOVE", options.seconds, xr_fps)
            latency(server, page, "HAND_MOVE", options.probes, xr_fps)
            browser.close()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
