"""Memory held for clients: freed when they leave, dropped when they vanish, one budget (faults 5, 7, 8)."""

from __future__ import annotations

import asyncio
import base64
import gc
import logging
import os
import re
import tracemalloc
import weakref

from vuer.schemas.base import BlockElement, Element


class Box(Element):
    tag = "Box"


class Scene(BlockElement):
    tag = "Scene"


async def until(condition, timeout: float = 5.0) -> None:
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while not condition():
        assert loop.time() < end, "condition not met in time"
        await asyncio.sleep(0.02)


async def test_a_big_event_is_freed_when_its_client_closes(make_app, serve, connect):
    app = make_app()
    sessions, refs = [], []
    app.spawn(lambda session: sessions.append(session) or session.forever())
    app.add_handler("BIG", lambda event, session: refs.append(weakref.ref(event)))
    await serve(app)
    gc.collect()
    gc.disable()  # only reference counting may free it: no waiting for a collection
    try:
        client = await connect(app)
        await until(lambda: bool(sessions))
        await client.send("BIG", bytearray(8 << 20))
        await until(lambda: bool(refs))
        assert refs[0]() is not None  # the program could read it while the client was there
        await client.close()
        session = sessions[0]  # the program keeps its session object; not the client's data
        await until(lambda: session.closed)
        await until(lambda: refs[0]() is None)
        assert len(session.downlink_queue) == 0 and session.inbound_bytes == 0
    finally:
        gc.enable()


async def test_a_vanished_client_is_dropped_by_the_heartbeat(make_app, serve):
    app = make_app(heartbeat=0.2)
    await serve(app)
    # A raw websocket handshake, then silence: a client whose machine went away.
    reader, writer = await asyncio.open_connection("127.0.0.1", app.port)
    key = base64.b64encode(os.urandom(16))
    writer.write(
        b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        b"Sec-WebSocket-Key: " + key + b"\r\nSec-WebSocket-Version: 13\r\n\r\n"
    )
    await writer.drain()
    assert b" 101 " in await asyncio.wait_for(reader.readline(), 5)
    try:
        await until(lambda: len(app.sessions) == 1)
        await until(lambda: len(app.sessions) == 0, timeout=5)
    finally:
        writer.close()


def test_heartbeat_is_on_by_default():
    from vuer import Vuer

    assert 5 <= Vuer().heartbeat <= 60


async def test_stalled_readers_share_one_memory_budget(make_app, serve, connect, caplog):
    frame = 1 << 20
    budget = 6 << 20
    # each session alone may queue 1 MiB + 64 * 64 KiB = 5 MiB: three of them exceed 6 MiB
    app = make_app(WEBSOCKET_MAX_SIZE=frame, queue_len=64, memory_budget=budget)
    peak = [0]
    cut = asyncio.Event()

    @app.spawn
    async def main(session):
        session.set @ Scene(key="root")
        if session.client_info["name"] != "calm":
            for i in range(400):  # 40 MB of distinct adds: they cannot merge
                session.add @ Box(key=f"k{i}", pad=b"x" * 100_000)
                peak[0] = max(peak[0], app._budget.total())
                if session.cut_off:
                    cut.set()
                    break
                await asyncio.sleep(0.001)
        await session.forever()

    await serve(app)
    calm = await connect(app, client_info={"name": "calm"})
    await calm.wait_for(lambda cl: cl.scene.root is not None)
    with caplog.at_level(logging.WARNING, logger="vuer"):
        for i in range(3):
            slow = await connect(app, client_info={"name": f"slow{i}"}, send_init=False)
            slow.pause_reading()
            await slow.send("INIT", slow.client_info)
        await asyncio.wait_for(cut.wait(), 30)
    lines = [r.getMessage() for r in caplog.records if "memory_budget" in r.getMessage()]
    assert lines, [r.getMessage() for r in caplog.records]
    assert re.match(r"session [0-9a-f-]{36}: ", lines[0]), lines[0]
    assert peak[0] <= budget + 200_000, f"held {peak[0]} bytes, budget {budget}"
    calm_session = next(s for s in app.sessions.values() if s.client_info["name"] == "calm")
    calm_session.add @ Box(key="after")
    await calm.wait_for(lambda cl: cl.scene.find("after") is not None)


async def test_a_refused_relay_body_is_freed_with_its_request(make_app, serve):
    import aiohttp

    app = make_app(relay_token="t")
    await serve(app)
    body = b"\xc1" * (4 << 20)  # not msgpack: read, then refused with 400
    url = f"http://127.0.0.1:{app.port}/relay?sid=*"
    auth = {"Authorization": "Bearer t"}
    async with aiohttp.ClientSession() as http:
        async with http.post(url, data=body, headers=auth) as r:  # warm up aiohttp's caches
            assert r.status == 400
        gc.collect()
        gc.disable()
        tracemalloc.start()
        try:
            for _ in range(3):
                async with http.post(url, data=body, headers=auth) as r:
                    assert r.status == 400
            await asyncio.sleep(0.1)
            held, _ = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
            gc.enable()
    assert held < 2 << 20, f"{held} bytes still held after three refused 4 MiB bodies"
