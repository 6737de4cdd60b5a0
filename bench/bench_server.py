"""Server speed, printed as JSON lines (targets in comments; nothing is asserted).

    python bench/bench_server.py            # all workloads
    python bench/bench_server.py updates    # some of: updates yielding pointcloud roundtrip idle
    python bench/bench_server.py --public /tmp/pubvenv/bin/python   # public vuer, same code

The server runs in a child process (the way users run it), the headless
client (``vuer.testing``) in this one. Workloads:

* ``updates``: 5,000 ``session.update`` calls in a tight loop, timed from the
  first call until the client holds the final state (target >= 60k updates/s;
  public vuer 0.1.6 ~20k/s and delivers 101 of them).
* ``yielding``: 5,000 ``session.update`` calls with ``await asyncio.sleep(0)``
  between them, against a bare aiohttp websocket (a second child process, no
  vuer) writing the same 5,000 frames pre-encoded, with the same yield between,
  read by the same client in the same run (best of 9 interleaved rounds). Prints
  the ratio (target <= 1.5x; ~4x before the outbox's fast path, public vuer ~7x)
  twice: read by ``ws_reader`` (``ratio``), which costs less per frame than
  either server, and by ``vuer.testing.HeadlessClient`` (``headless_ratio``),
  which costs more than the bare server: it then lags behind the bare server
  (``client_lag_ms_*``: the client's delay after the server's last send), whose
  sends get cheaper while the client is busy (the kernel need not wake it). The
  bare figure without the yields is printed too, as the wire's limit.
* ``pointcloud``: one 1,000,000-point ``PointCloud``, timed from the call until
  the client decoded it (target <= 0.06 s; public vuer 0.36 s). The client
  offers permessage-deflate as browsers do; the server decides.
* ``roundtrip``: 1,000 client event -> handler -> reply round trips (p50/p99).
* ``idle``: the server's CPU use with 10 idle clients connected (target < 2%
  of a core; public vuer 100%).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

SRC = Path(__file__).resolve().parents[1] / "src"
N_UPDATES = 5000
ROUNDS = 9  # of the yielding comparison
N_POINTS = 1_000_000
N_ROUNDTRIPS = 1000
N_IDLE = 10
IDLE_SECONDS = 5.0


# ---- the server (child process) ------------------------------------------------


def serve(port: int) -> None:
    """Serve the workloads with whichever ``vuer`` this interpreter imports.

    Only API shared by this package and the public one is used, so the same
    code measures both (``--public PYTHON`` runs it under another interpreter).
    """
    from vuer import Vuer
    from vuer.schemas import Box, PointCloud, Scene

    app = Vuer(host="127.0.0.1", port=port, static_root=".")
    rng = np.random.default_rng(0)
    vertices = rng.standard_normal((N_POINTS, 3)).astype(np.float32)
    colors = rng.integers(0, 255, (N_POINTS, 3), dtype=np.uint8)

    async def settle(session: Any) -> None:
        if hasattr(session, "flush"):
            await session.flush()
        else:  # the public package has no flush: give its sender time
            await asyncio.sleep(0.5)

    @app.add_handler("RUN")
    async def run(event: Any, session: Any) -> None:
        if event.value == "updates":
            session.set @ Scene(*(Box(key=f"b{i}", position=[0, 0, 0]) for i in range(10)))
            await settle(session)
            t0 = time.time_ns() // 1000  # int µs: the public package packs floats as float32
            for i in range(N_UPDATES):
                session.update @ Box(key=f"b{i % 10}", position=[i, 0.5, -i])
            session.add @ Box(key="done", t0=t0)
        elif event.value == "yielding":
            session.set @ Scene(*(Box(key=f"b{i}", position=[0, 0, 0]) for i in range(10)))
            await settle(session)
            t0 = time.time_ns() // 1000
            for i in range(N_UPDATES):
                session.update @ Box(key=f"b{i % 10}", position=[i, 0.5, -i])
                await asyncio.sleep(0)
            session.add @ Box(key="done", t0=t0, t1=time.time_ns() // 1000)
        elif event.value == "pointcloud":
            t0 = time.time_ns() // 1000  # int µs: the public package packs floats as float32
            session.upsert @ PointCloud(key="pc", vertices=vertices, colors=colors)
            session.add @ Box(key="pc-done", t0=t0)

    @app.add_handler("PING")
    async def ping(event: Any, session: Any) -> None:
        session.upsert @ Box(key="pong", i=event.value)

    print("bench server starting", file=sys.stderr, flush=True)
    app.run()


def serve_bare(port: int) -> None:
    """A bare aiohttp websocket writing pre-encoded frames: the limit for ``yielding``."""
    from aiohttp import WSMsgType, web

    from vuer.serdes import decode, encode

    def frame(etype: str, data: Any, **extra: Any) -> bytes:
        return encode({"etype": etype, "ts": 0, "data": data, **extra})

    scene = frame("SET", {"tag": "Scene", "key": "root", "children": [
        {"tag": "Box", "key": f"b{i}", "position": [0, 0, 0]} for i in range(10)
    ]})  # fmt: skip
    updates = [
        frame(
            "UPDATE",
            {"nodes": [{"tag": "Box", "key": f"b{i % 10}", "position": [i, 0.5, -i]}]},
            strict=False,
        )
        for i in range(N_UPDATES)
    ]

    async def socket(request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(compress=False, heartbeat=None)
        await ws.prepare(request)
        async for msg in ws:
            if msg.type != WSMsgType.BINARY or decode(msg.data).get("etype") != "RUN":
                continue
            yielding = decode(msg.data).get("value") == "yielding"
            await ws.send_bytes(scene)
            t0 = time.time_ns() // 1000
            for data in updates:
                await ws.send_bytes(data)
                if yielding:
                    await asyncio.sleep(0)
            done = {"tag": "Box", "key": "done", "t0": t0, "t1": time.time_ns() // 1000}
            await ws.send_bytes(frame("ADD", {"nodes": [done], "to": None}))
        return ws

    app = web.Application()
    app.router.add_get("/", socket)
    web.run_app(app, host="127.0.0.1", port=port, print=None)


# ---- the client side (this process) ---------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def emit(**record: Any) -> None:
    print(json.dumps(record), flush=True)


async def bench_updates(url: str, label: str) -> None:
    from vuer.serdes import encode
    from vuer.testing import HeadlessClient

    async with HeadlessClient(url) as client:
        await client.send("RUN", "updates")
        await client.wait_for(lambda c: c.scene.find("done") is not None, timeout=60)
        elapsed = time.time() - client.scene.find("done")["t0"] / 1e6
        final = [client.scene.find(f"b{k}")["position"][0] for k in range(10)]
        frames = client.counts["UPDATE"]
        update_bytes = sum(len(encode(m)) for m in client.messages if m["etype"] == "UPDATE")
        emit(
            server=label,
            workload="updates",
            updates=N_UPDATES,
            seconds=round(elapsed, 4),
            updates_per_s=round(N_UPDATES / elapsed),
            update_frames_received=frames,
            bytes_per_message=round(update_bytes / max(frames, 1), 1),
            final_state_exact=final == [N_UPDATES - 10 + k for k in range(10)],
        )


async def _time_updates(url: str, run: str) -> tuple[float, float]:
    """Seconds from the server's first update until the client holds the final state,
    and how long of it came after the server's loop ended (the client's lag)."""
    from vuer.testing import HeadlessClient

    async with HeadlessClient(url) as client:
        await client.send("RUN", run)
        await client.wait_for(lambda c: c.scene.find("done") is not None, timeout=60)
        now = time.time()
        done = client.scene.find("done")
        final = [client.scene.find(f"b{k}")["position"][0] for k in range(10)]
    return _check_run(url, run, done, final, now)


async def _time_updates_raw(url: str, run: str) -> tuple[float, float]:
    """``_time_updates`` read by ``ws_reader`` (cheaper per frame than either server)."""
    from ws_reader import read_run

    port = int(url.rsplit(":", 1)[1])
    done, positions = await asyncio.to_thread(read_run, port, run)
    now = time.time()
    final = [positions.get(f"b{k}", [None])[0] for k in range(10)]
    return _check_run(url, run, done, final, now)


def _check_run(
    url: str, run: str, done: dict[str, Any], final: list[Any], now: float
) -> tuple[float, float]:
    if final != [N_UPDATES - 10 + k for k in range(10)]:
        raise AssertionError(f"{url} {run}: wrong final state {final}")
    lag = now - done["t1"] / 1e6 if "t1" in done else float("nan")
    return now - done["t0"] / 1e6, lag


async def bench_yielding(url: str, label: str) -> None:
    port = _free_port()
    proc = await _spawn("--serve-bare", port, sys.executable)
    bare_url = f"ws://127.0.0.1:{port}"
    runs: dict[str, list[tuple[float, float]]] = {}
    try:
        await _wait_listening(port, proc)
        for _ in range(ROUNDS):  # interleaved, so drift hits both alike; the best of each
            for reader, time_updates in (("raw", _time_updates_raw), ("headless", _time_updates)):
                for server, at in (("ours", url), ("bare", bare_url)):
                    timing = await time_updates(at, "yielding")
                    runs.setdefault(f"{server}_{reader}", []).append(timing)
            runs.setdefault("bare_tight", []).append(await _time_updates_raw(bare_url, "tight"))
    finally:
        proc.terminate()
        await proc.wait()
    best = {name: min(t for t, _ in times) for name, times in runs.items()}
    lag_ms = {
        f"client_lag_ms_{name}": round(1000 * statistics.median(lag for _, lag in times), 1)
        for name, times in runs.items()
        if name != "bare_tight"
    }
    emit(
        server=label,
        workload="yielding",
        updates=N_UPDATES,
        seconds=round(best["ours_raw"], 4),
        bare_seconds=round(best["bare_raw"], 4),
        bare_no_yield_seconds=round(best["bare_tight"], 4),
        ratio=round(best["ours_raw"] / best["bare_raw"], 2),
        ratio_to_no_yield=round(best["ours_raw"] / best["bare_tight"], 2),
        target_ratio=1.5,
        headless_seconds=round(best["ours_headless"], 4),
        headless_bare_seconds=round(best["bare_headless"], 4),
        headless_ratio=round(best["ours_headless"] / best["bare_headless"], 2),
        **lag_ms,
    )


async def bench_pointcloud(url: str, label: str) -> None:
    from vuer.testing import HeadlessClient

    # Offer permessage-deflate as browsers do: the server decides whether to use it.
    async with HeadlessClient(url, compress=15) as client:
        runs = []
        for _ in range(3):
            client.scene.apply({"etype": "SET", "data": {"tag": "Scene", "key": "root"}})
            before = client.bytes_received
            await client.send("RUN", "pointcloud")
            await client.wait_for(lambda c: c.scene.find("pc-done") is not None, timeout=60)
            runs.append(time.time() - client.scene.find("pc-done")["t0"] / 1e6)
            node = client.scene.find("pc")
        emit(
            server=label,
            workload="pointcloud",
            points=N_POINTS,
            seconds=round(min(runs), 4),
            first_run_seconds=round(runs[0], 4),
            message_bytes=client.bytes_received - before,
            deflate=client.socket.compress != 0,
            vertices_bytes=len(node["vertices"]),
            colors_bytes=len(node["colors"]),
        )


async def bench_roundtrip(url: str, label: str) -> None:
    from vuer.testing import HeadlessClient

    async with HeadlessClient(url) as client:
        client.scene.apply({"etype": "SET", "data": {"tag": "Scene", "key": "root"}})
        times = []
        for i in range(N_ROUNDTRIPS):
            t = time.perf_counter()
            reply = asyncio.ensure_future(client.next_message("UPSERT", timeout=10))
            await client.send("PING", i)
            msg = await reply
            times.append(time.perf_counter() - t)
            assert msg["data"]["nodes"][0]["i"] == i
        times.sort()
        emit(
            server=label,
            workload="roundtrip",
            roundtrips=N_ROUNDTRIPS,
            p50_ms=round(statistics.median(times) * 1000, 3),
            p99_ms=round(times[int(len(times) * 0.99) - 1] * 1000, 3),
        )


async def bench_idle(url: str, pid: int, label: str) -> None:
    from vuer.testing import HeadlessClient

    clients = [HeadlessClient(url) for _ in range(N_IDLE)]
    for c in clients:
        await c.connect()
    await asyncio.sleep(1.0)  # let connection set-up settle
    cpu0, t0 = _cpu_seconds(pid), time.monotonic()
    await asyncio.sleep(IDLE_SECONDS)
    cpu1, t1 = _cpu_seconds(pid), time.monotonic()
    for c in clients:
        await c.close()
    emit(
        server=label,
        workload="idle",
        clients=N_IDLE,
        seconds=round(t1 - t0, 2),
        server_cpu_percent=round(100 * (cpu1 - cpu0) / (t1 - t0), 2),
    )


async def _wait_listening(port: int, proc: asyncio.subprocess.Process) -> None:
    for _ in range(300):  # bounded: about 60 s
        if proc.returncode is not None:
            raise RuntimeError(f"the bench server exited with {proc.returncode}")
        try:
            _, writer = await asyncio.open_connection("127.0.0.1", port)
        except OSError:
            await asyncio.sleep(0.2)
            continue
        writer.close()
        await writer.wait_closed()
        return
    raise TimeoutError("the bench server did not start")


async def _spawn(flag: str, port: int, python: str) -> asyncio.subprocess.Process:
    env = dict(os.environ)
    if python == sys.executable:
        env["PYTHONPATH"] = str(SRC)
    else:  # another interpreter measures the vuer it has installed
        env.pop("PYTHONPATH", None)
    return await asyncio.create_subprocess_exec(
        python,
        __file__,
        flag,
        str(port),
        env=env,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL,
    )


async def main(workloads: list[str], python: str, label: str) -> None:
    port = _free_port()
    proc = await _spawn("--serve", port, python)
    try:
        await _wait_listening(port, proc)
        url = f"ws://127.0.0.1:{port}"
        for name in workloads:
            if name == "idle":
                await bench_idle(url, proc.pid, label)
            else:
                await BENCHES[name](url, label)
    finally:
        proc.terminate()
        await proc.wait()


BENCHES = {
    "updates": bench_updates,
    "yielding": bench_yielding,
    "pointcloud": bench_pointcloud,
    "roundtrip": bench_roundtrip,
}

if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--serve":
        serve(int(sys.argv[2]))
    elif len(sys.argv) > 2 and sys.argv[1] == "--serve-bare":
        serve_bare(int(sys.argv[2]))
    else:
        parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
        parser.add_argument("workloads", nargs="*", default=[*BENCHES, "idle"])
        parser.add_argument(
            "--public",
            metavar="PYTHON",
            help="measure the vuer installed for this interpreter instead "
            "(e.g. /tmp/pubvenv/bin/python with vuer==0.1.6)",
        )
        args = parser.parse_args()
        sys.path.insert(0, str(SRC))
        python = args.public or sys.executable
        asyncio.run(main(args.workloads, python, "public" if args.public else "ours"))
