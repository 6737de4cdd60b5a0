"""Where one yielding ``session.update`` spends its time, next to a bare write.

    python bench/bench_update_path.py [rounds]

``bench_server.py yielding`` compares whole processes and varies by ±25% between
runs on a small machine; this runs everything in one process, against a real
TCP socket drained by a child process, so the pieces can be told apart. Each
step below is 5,000 iterations of ``step(i); await asyncio.sleep(0)``; the median
over the rounds is printed in µs per iteration:

* ``yield``: the sleep alone (the event loop's round trip);
* ``bare``: write a pre-encoded frame (with its websocket header) to the transport;
* ``element``: build ``Box(key=..., position=[i, 0.5, -i])`` (props validated);
* ``encode``: bare, but the UPDATE map is built and encoded each time;
* ``floor``: the least Python can do for the same update: the node map built by
  hand (no element, no checks), packed once, framed and written;
* ``update_built``: ``session.update @ box`` with the boxes built beforehand;
* ``update``: ``session.update @ Box(...)``, what a streaming program does.

``update / bare`` is what ``bench_server.py yielding`` reports (target <= 1.5);
``floor / bare`` is how close any Python update path could come.
The session is a real ``VuerSession`` whose websocket and request are stand-ins
holding the real transport: the path measured is the one a connected client gets.
"""

from __future__ import annotations

import asyncio
import json
import socket
import statistics
import subprocess
import sys
import time
import types
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import msgpack  # noqa: E402

from vuer.schemas import Box  # noqa: E402
from vuer.serdes import encode  # noqa: E402
from vuer.session import VuerSession, ws_frame_header  # noqa: E402

N = 5000
READER = "import socket,sys\ns=socket.create_connection(('127.0.0.1',int(sys.argv[1])))\n"
READER += "b=bytearray(1<<20)\nwhile s.recv_into(b): pass\n"  # recv(n) maps n bytes a call


async def measure(sock: socket.socket, rounds: int) -> dict[str, float]:
    transport, _ = await asyncio.get_running_loop().connect_accepted_socket(asyncio.Protocol, sock)
    ws = types.SimpleNamespace(closed=False, compress=0)
    session = VuerSession(None, "bench", ws=ws, request=types.SimpleNamespace(transport=transport))

    boxes = [Box(key=f"b{i % 10}", position=[i, 0.5, -i]) for i in range(N)]
    nodes = [box._serialize() for box in boxes]
    frames = [
        encode({"etype": "UPDATE", "ts": 0, "data": {"nodes": [n]}, "strict": False}) for n in nodes
    ]

    def bare(i: int) -> None:
        frame = frames[i]
        transport.write(ws_frame_header(len(frame)) + frame)

    packer = msgpack.Packer()
    head, tail = frames[0].split(packer.pack(nodes[0]))  # the map around the one node

    def floor(i: int) -> None:
        node = {"tag": "Box", "key": f"b{i % 10}", "position": [i, 0.5, -i]}
        frame = head + packer.pack(node) + tail  # ts 0, as the pre-encoded frames
        transport.write(ws_frame_header(len(frame)) + frame)

    def encoded(i: int) -> None:
        msg = {"etype": "UPDATE", "ts": time.time_ns() // 1_000_000, "data": {"nodes": [nodes[i]]}}
        msg["strict"] = False
        frame = encode(msg)
        transport.write(ws_frame_header(len(frame)) + frame)

    steps: dict[str, Callable[[int], object]] = {
        "yield": lambda i: None,
        "bare": bare,
        "element": lambda i: Box(key=f"b{i % 10}", position=[i, 0.5, -i]),
        "encode": encoded,
        "floor": floor,
        "update_built": lambda i: session.update @ boxes[i],
        "update": lambda i: session.update @ Box(key=f"b{i % 10}", position=[i, 0.5, -i]),
    }
    times: dict[str, list[float]] = {name: [] for name in steps}
    try:
        for _ in range(rounds):  # interleaved, so drift hits every step alike
            for name, step in steps.items():
                t0 = time.perf_counter()
                for i in range(N):
                    step(i)
                    await asyncio.sleep(0)
                times[name].append(time.perf_counter() - t0)
                await asyncio.sleep(0.005)  # let the reader catch up
    finally:
        transport.close()
    return {name: statistics.median(t) * 1e6 / N for name, t in times.items()}


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    reader = subprocess.Popen([sys.executable, "-c", READER, str(listener.getsockname()[1])])
    sock, _ = listener.accept()
    listener.close()
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # as aiohttp does
    try:
        us = asyncio.run(measure(sock, rounds))
    finally:
        reader.kill()
        reader.wait()
    record = {f"{name}_us": round(v, 2) for name, v in us.items()}
    record.update(
        iterations=N,
        rounds=rounds,
        ratio=round(us["update"] / us["bare"], 2),
        floor_ratio=round(us["floor"] / us["bare"], 2),
        target_ratio=1.5,
        element_share_us=round(us["element"] - us["yield"], 2),
        encode_share_us=round(us["encode"] - us["bare"], 2),
        session_share_us=round(us["update_built"] - us["encode"], 2),
    )
    print(json.dumps(record), flush=True)


if __name__ == "__main__":
    main()
