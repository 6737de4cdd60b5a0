"""Memory and latency under hostile clients, printed as JSON lines (nothing is asserted).

    python bench/bench_hostile.py                 # frame limit 8 MiB, budget 32 MiB
    python bench/bench_hostile.py --frame-mib 16 --budget-mib 128
    python bench/bench_hostile.py --src /tmp/old/src --repeat 1   # an older tree, same attacks

The server runs in a child process; its peak RSS during each attack is read
from the kernel's high-water mark (``VmHWM``, reset through
``/proc/<pid>/clear_refs`` just before), minus the RSS it had then. A well-behaved client keeps sending PING events during each attack;
the server answers each with an UPSERT, and the worst round trip is reported.

* ``legit_frame``: one client sends ordinary frames of the size limit (a
  single bin field): what aiohttp and the decoder cost for a frame that is
  accepted. The bare floor for holding it once is 1x the frame size.
* ``amplify``: one client sends frames of the size limit whose value is an
  array of empty maps (one wire byte per Python dict), the decode-amplifying
  attack. Target: peak <= 4x the frame size above baseline.
* ``stalled``: three clients stop reading while the server pushes them 100 KB
  ADDs as fast as it can; target: peak under ``memory_budget``. Each session
  alone may queue 8 MiB + 100 * 64 KiB, so three exceed the 32 MiB budget.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import sys
import threading
import time
from pathlib import Path
from typing import Any

SRC = Path(__file__).resolve().parents[1] / "src"
MIB = 1 << 20


# ---- the server (child process) ------------------------------------------------


def serve(port: int, frame: int, budget: int) -> None:
    from vuer import Vuer
    from vuer.schemas import Box, Scene

    app = Vuer(
        host="127.0.0.1",
        port=port,
        static_root=".",
        WEBSOCKET_MAX_SIZE=frame,
        memory_budget=budget,
        queue_len=100,
    )

    @app.add_handler("BLOB")
    def blob(event: Any, session: Any) -> None:
        session.clear()  # the program took it: measure the transient, not the queue

    @app.add_handler("PING")
    def ping(event: Any, session: Any) -> None:
        session.upsert @ Box(key="pong", t=event.value)

    @app.spawn
    async def main(session: Any) -> None:
        session.set @ Scene(key="root")
        if session.client_info.get("name") == "stalled":
            pad = b"x" * 100_000
            for i in range(100_000):  # distinct keys: nothing merges
                if getattr(session, "cut_off", False) or session.closed:
                    break
                session.add @ Box(key=f"k{i}", pad=pad)
                await asyncio.sleep(0)
        await session.forever()

    app.start()


# ---- measuring (this process) --------------------------------------------------


def _status(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024
    return 0


class PeakRss:
    """A process's peak RSS from now on: the kernel's high-water mark (VmHWM), reset
    through /proc/<pid>/clear_refs; where that is not allowed, sampled in a thread."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.base = _status(pid, "VmRSS")
        self.peak = self.base
        try:
            Path(f"/proc/{pid}/clear_refs").write_text("5")
            self.exact = True
        except OSError:
            self.exact = False
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, _status(self.pid, "VmRSS"))
            time.sleep(0.001)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, _status(self.pid, "VmRSS"))
        if self.exact:
            self.peak = max(self.peak, _status(self.pid, "VmHWM"))
        return self.peak - self.base


def empty_maps_frame(size: int, chunk: int = 65_000) -> bytes:
    """A valid msgpack frame of exactly ``size`` bytes: arrays of empty maps."""
    import msgpack

    head = msgpack.packb({"etype": "X", "value": None})[:-1]
    count, rest = divmod(size - len(head) - 5, chunk + 3)
    if 0 < rest < 3:
        count, rest = count - 1, rest + chunk + 3
    inners = [chunk] * count + ([rest - 3] if rest else [])
    body = b"".join(b"\xdc" + n.to_bytes(2, "big") + b"\x80" * n for n in inners)
    return head + b"\xdd" + len(inners).to_bytes(4, "big") + body


def legit_frame(size: int) -> bytes:
    from vuer.serdes import encode

    frame = encode({"etype": "BLOB", "ts": 1, "value": b""})
    return encode({"etype": "BLOB", "ts": 1, "value": b"\x01" * (size - len(frame) - 4)})


async def calm_latency(url: str, stop: asyncio.Event) -> float:
    """Worst PING -> UPSERT round trip (ms) of a well-behaved client until ``stop``."""
    from vuer.testing import HeadlessClient

    worst = 0.0
    async with HeadlessClient(url, client_info={"name": "calm"}) as client:
        await client.wait_for(lambda c: c.scene.root is not None, timeout=10)
        i = 0
        while not stop.is_set():
            i += 1
            t0 = time.perf_counter()
            await client.send("PING", i)
            await client.wait_for(
                lambda c, i=i: (c.scene.find("pong") or {}).get("t") == i, timeout=30
            )
            worst = max(worst, (time.perf_counter() - t0) * 1000)
            await asyncio.sleep(0.01)
    return worst


async def attack_frames(url: str, pid: int, frames: list[bytes], repeat: int) -> dict[str, Any]:
    from vuer.testing import HeadlessClient

    stop = asyncio.Event()
    calm = asyncio.ensure_future(calm_latency(url, stop))
    await asyncio.sleep(0.5)
    async with HeadlessClient(url, client_info={"name": "attacker"}) as attacker:
        await asyncio.sleep(0.3)
        rss = PeakRss(pid)
        for k in range(1, repeat + 1):
            for frame in frames:
                await attacker.send_raw(frame)
            # the server has handled the frames once it answers a PING sent after them
            await attacker.send("PING", -k)
            await attacker.wait_for(
                lambda c, k=k: (c.scene.find("pong") or {}).get("t") == -k, timeout=300
            )
        peak = await asyncio.to_thread(rss.stop)
        alive = not attacker.closed
    stop.set()
    worst = await calm
    return {"peak_rss_above_base": peak, "attacker_still_connected": alive, "calm_worst_ms": worst}


async def attack_stalled(url: str, pid: int, seconds: float) -> dict[str, Any]:
    from vuer.testing import HeadlessClient

    stop = asyncio.Event()
    calm = asyncio.ensure_future(calm_latency(url, stop))
    await asyncio.sleep(0.5)
    rss = PeakRss(pid)
    slow = []
    for _ in range(3):
        client = HeadlessClient(url, client_info={"name": "stalled"}, send_init=False)
        await client.connect()
        client.pause_reading()
        await client.send("INIT", client.client_info)
        slow.append(client)
    await asyncio.sleep(seconds)
    peak = await asyncio.to_thread(rss.stop)
    for c in slow:
        c.resume_reading()  # a cut-off socket reads as closed once its client reads again
    await asyncio.sleep(1.0)
    cut = sum(1 for c in slow if c.closed)
    for c in slow:
        await c.close()
    stop.set()
    worst = await calm
    return {"peak_rss_above_base": peak, "stalled_cut_off": cut, "calm_worst_ms": worst}


async def _wait_listening(port: int, proc: asyncio.subprocess.Process) -> None:
    for _ in range(300):
        if proc.returncode is not None:
            raise RuntimeError("the server exited")
        try:
            _, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.close()
            return
        except OSError:
            await asyncio.sleep(0.05)
    raise RuntimeError("the server did not start")


def emit(**record: Any) -> None:
    print(json.dumps(record), flush=True)


async def main(args: argparse.Namespace) -> None:
    frame, budget = args.frame_mib * MIB, args.budget_mib * MIB
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    src = args.src or SRC
    env = {**os.environ, "PYTHONPATH": f"{src}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        __file__,
        "--serve",
        str(port),
        str(frame),
        str(budget),
        env=env,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        await _wait_listening(port, proc)
        common = {"src": str(src), "frame_bytes": frame, "memory_budget": budget}
        for name, frames in (
            ("legit_frame", [legit_frame(frame)]),
            ("amplify", [empty_maps_frame(frame)]),
        ):
            out = await attack_frames(url, proc.pid, frames, args.repeat)
            ratio = out["peak_rss_above_base"] / frame
            emit(bench=name, **common, **out, peak_over_frame=round(ratio, 2), target=4.0)
        out = await attack_stalled(url, proc.pid, args.stall_seconds)
        ratio = out["peak_rss_above_base"] / budget
        emit(bench="stalled", **common, **out, peak_over_budget=round(ratio, 2), target=1.0)
    finally:
        if proc.returncode is None:
            proc.terminate()
        await proc.wait()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--frame-mib", type=int, default=8)
    parser.add_argument("--budget-mib", type=int, default=32)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--stall-seconds", type=float, default=6.0)
    parser.add_argument("--src", help="serve from another source tree (e.g. an older commit)")
    parser.add_argument("--serve", nargs=3, type=int, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.serve:
        serve(*arguments.serve)
    else:
        asyncio.run(main(arguments))
