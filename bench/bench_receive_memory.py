"""Where receiving one big frame costs memory, measured with tracemalloc (JSON lines).

    python bench/bench_receive_memory.py [--frame-mib 8]

The server runs in this process under tracemalloc; a client in a child
process sends one frame of the size limit. Printed, as multiples of the frame
size (traced Python allocations, not RSS):

* ``peak``: the most held at once while the frame was received and handled;
* ``at_dispatch``: what was held when the frame reached the server's decoder
  (aiohttp's receive buffers are gone by then: the frame itself);
* ``after``: what is still held once it was handled.

For a legit frame (one bin field) the bare floor is 1x while receiving and 2x
while the event's copy of the bin and the frame coexist; aiohttp assembles a
masked frame from its TCP chunks (fragments, then ``b"".join``, then a
``bytearray`` to unmask, then ``bytes``), which is where ``peak`` comes from.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tracemalloc
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

CLIENT = """
import asyncio, sys
sys.path[:0] = [{src!r}, {bench!r}]
from bench_hostile import empty_maps_frame, legit_frame
from vuer.testing import HeadlessClient

async def main():
    frame = {kind}_frame({size})
    async with HeadlessClient("ws://127.0.0.1:{port}/") as client:
        await asyncio.sleep(0.5)
        await client.send_raw(frame)
        await client.send("DONE")
        await asyncio.sleep(1.0)

asyncio.run(main())
"""


async def measure(kind: str, size: int) -> dict[str, Any]:
    from vuer import Vuer

    app = Vuer(host="127.0.0.1", port=0, static_root=".", WEBSOCKET_MAX_SIZE=size, heartbeat=None)
    done = asyncio.Event()
    app.add_handler("DONE", lambda event, session: done.set())
    app.add_handler("BLOB", lambda event, session: session.clear())
    seen: dict[str, int] = {}
    from vuer.transport import socket as socket_loop

    on_frame = socket_loop.on_frame

    def spy(session: Any, data: bytes, bad: Any, max_size: int) -> None:
        if len(data) >= size // 2:
            seen["at_dispatch"] = tracemalloc.get_traced_memory()[0]
        on_frame(session, data, bad, max_size)

    socket_loop.on_frame = spy  # type: ignore[assignment]
    await app.astart()
    code = CLIENT.format(
        src=str(ROOT / "src"), bench=str(ROOT / "bench"), kind=kind, size=size, port=app.port
    )
    child = await asyncio.create_subprocess_exec(sys.executable, "-c", code)
    await asyncio.sleep(0.3)
    tracemalloc.start()
    tracemalloc.reset_peak()
    before = tracemalloc.get_traced_memory()[0]
    await asyncio.wait_for(done.wait(), 120)
    await asyncio.sleep(0.2)
    after, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    await child.wait()
    await app.astop()
    return {
        "bench": f"receive_{kind}",
        "frame_bytes": size,
        "peak": round((peak - before) / size, 2),
        "at_dispatch": round((seen.get("at_dispatch", before) - before) / size, 2),
        "after": round((after - before) / size, 2),
    }


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--frame-mib", type=int, default=8)
    size = parser.parse_args().frame_mib << 20
    for kind in ("legit", "empty_maps"):
        print(json.dumps(await measure(kind, size)), flush=True)


if __name__ == "__main__":
    asyncio.run(main())
