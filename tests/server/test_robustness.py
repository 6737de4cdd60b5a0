"""Bad input, bursts and slow clients: logged, bounded, and nothing lost."""

from __future__ import annotations

import asyncio
import logging

import msgpack

from vuer.schemas.base import BlockElement, Element
from vuer.serdes import encode


class Box(Element):
    tag = "Box"


class Scene(BlockElement):
    tag = "Scene"


async def test_malformed_frames_are_logged_and_skipped(make_app, serve, connect, caplog):
    app = make_app()
    got = []
    ok = asyncio.Event()

    @app.add_handler("OK")
    def on_ok(event, session):
        got.append(event.value)
        ok.set()

    await serve(app)
    client = await connect(app)
    bad = [
        b"\xc1\xc1\xc1",  # not msgpack
        msgpack.packb([1, 2, 3]),  # not a map
        encode({"value": 1}),  # no etype
        encode({"etype": 7, "value": 1}),  # etype not a string
        encode({"etype": "X", "ts": "yesterday"}),  # ts not a number
        encode({"etype": "X", "key": ["k"]}),  # key not a string
        encode({"etype": "X", "_serialize": 1}),  # private field name
        msgpack.packb({1: "x", "etype": "X"}),  # non-string field name
        encode({"etype": "OK"}) + b"trailing",  # extra data
    ]
    with caplog.at_level(logging.WARNING, logger="vuer"):
        for i, frame in enumerate(bad):
            await client.send_raw(frame)
            await client.send_raw("a text frame")
            await client.send("OK", i)
            await asyncio.wait_for(ok.wait(), 5)
            ok.clear()
    assert got == list(range(len(bad)))
    assert any("skipped a bad frame" in r.getMessage() for r in caplog.records)
    assert not client.closed


async def test_oversize_frame_is_logged_and_skipped(make_app, serve, connect, caplog):
    app = make_app(WEBSOCKET_MAX_SIZE=64 * 1024)
    got = []
    ok = asyncio.Event()

    @app.add_handler("OK")
    def on_ok(event, session):
        got.append(event.value)
        ok.set()

    @app.add_handler("HUGE")
    def on_huge(event, session):
        got.append("huge")

    await serve(app)
    client = await connect(app)
    with caplog.at_level(logging.WARNING, logger="vuer"):
        await client.send("HUGE", b"x" * (96 * 1024))
        await client.send("OK", 1)
        await asyncio.wait_for(ok.wait(), 5)
    assert got == [1]
    assert not client.closed
    assert any(
        "skipped an oversize frame" in r.getMessage()
        and "WEBSOCKET_MAX_SIZE=65536" in r.getMessage()
        for r in caplog.records
    )


async def test_frame_past_twice_the_limit_closes_only_that_socket(make_app, serve, connect, caplog):
    app = make_app(WEBSOCKET_MAX_SIZE=64 * 1024)

    @app.spawn
    async def main(session):
        session.set @ Scene(key="root")
        await session.forever()

    await serve(app)
    big, calm = await connect(app), await connect(app)
    for c in (big, calm):
        await c.wait_for(lambda cl: cl.scene.root is not None)
    with caplog.at_level(logging.INFO, logger="vuer"):
        await big.send("HUGE", b"x" * (160 * 1024))
        assert await big.wait_closed() == 1009
    assert any("WEBSOCKET_MAX_SIZE=65536" in r.getMessage() for r in caplog.records)
    await calm.send("STILL_HERE")
    assert not calm.closed
    late = await connect(app)
    await late.wait_for(lambda cl: cl.scene.root is not None)


async def test_oversize_outgoing_message_is_refused_clearly(make_app, serve, connect):
    app = make_app(WEBSOCKET_MAX_SIZE=4096)
    errors = []

    @app.spawn
    async def main(session):
        session.set @ Scene(key="root")
        try:
            session.add @ Box(key="big", blob=b"x" * 8192)
        except ValueError as e:
            errors.append(str(e))
        session.add @ Box(key="small")
        await session.forever()

    await serve(app)
    client = await connect(app)
    await client.wait_for(lambda cl: cl.scene.find("small") is not None)
    assert len(errors) == 1 and "WEBSOCKET_MAX_SIZE" in errors[0]


async def test_burst_of_5000_updates_ends_in_the_final_state(make_app, serve, connect):
    app = make_app()

    @app.spawn
    async def main(session):
        session.set @ Scene(*(Box(key=f"b{i}", x=0) for i in range(10)), key="root")
        for i in range(5000):  # no await: all queued before the writer runs
            session.update @ Box(key=f"b{i % 10}", x=i, y=-i)
        session.add @ Box(key="marker")
        await session.forever()

    await serve(app)
    client = await connect(app)
    await client.wait_for(lambda cl: cl.scene.find("marker") is not None, timeout=30)
    for k in range(10):
        assert client.scene.find(f"b{k}") == {
            "tag": "Box",
            "key": f"b{k}",
            "x": 4990 + k,
            "y": -(4990 + k),
        }
    assert client.counts["SET"] == 1 and client.counts["ADD"] == 1
    assert 1 <= client.counts["UPDATE"] <= 5000


async def test_structural_ops_in_a_burst_are_never_dropped(make_app, serve, connect):
    app = make_app()

    @app.spawn
    async def main(session):
        session.set @ Scene(key="root")
        for i in range(2000):
            session.add @ Box(key=f"n{i}", i=i)
            session.update @ Box(key=f"n{i}", seen=True)
            if i % 2:
                session.remove @ f"n{i}"
        session.upsert @ Box(key="end")
        await session.forever()

    await serve(app)
    client = await connect(app)
    await client.wait_for(lambda cl: cl.scene.find("end") is not None, timeout=30)
    children = client.scene.root["children"]
    assert [c["key"] for c in children] == [f"n{i}" for i in range(0, 2000, 2)] + ["end"]
    assert all(c.get("seen") for c in children[:-1])
    assert (client.counts["ADD"], client.counts["REMOVE"]) == (2000, 1000)


async def test_a_client_that_stops_reading_is_cut_off(make_app, serve, connect, caplog):
    app = make_app(WEBSOCKET_MAX_SIZE=256 * 1024, queue_len=4)  # cap: 256 KiB + 4 * 64 KiB
    sessions = {}
    stalled = asyncio.Event()

    @app.spawn
    async def main(session):
        sessions[session.client_info["name"]] = session
        session.set @ Scene(key="root")
        if session.client_info["name"] == "slow":
            for i in range(2000):  # 200 MB of distinct adds: cannot merge
                session.add @ Box(key=f"k{i}", pad=b"x" * 100_000)
                if session.closed or session._outbox.closed:
                    stalled.set()
                    break
                await asyncio.sleep(0)
        await session.forever()

    await serve(app)
    fast = await connect(app, client_info={"name": "fast"})
    await fast.wait_for(lambda cl: cl.scene.root is not None)
    with caplog.at_level(logging.WARNING, logger="vuer"):
        slow = await connect(app, client_info={"name": "slow"}, send_init=False)
        slow.pause_reading()
        await slow.send("INIT", slow.client_info)
        await asyncio.wait_for(stalled.wait(), 30)
    assert any("not reading" in r.getMessage() for r in caplog.records)
    assert sessions["slow"]._outbox.pending_bytes == 0
    await asyncio.wait_for(sessions["slow"]._closed.wait(), 5)
    assert not fast.closed
    await fast.send("PING")
    fast_session = sessions["fast"]
    fast_session.add @ Box(key="after")
    await fast.wait_for(lambda cl: cl.scene.find("after") is not None)


async def test_scene_ops_from_another_thread(make_app, serve, connect):
    app = make_app()
    sessions = []
    ready = asyncio.Event()

    @app.spawn
    async def main(session):
        session.set @ Scene(Box(key="a", x=0), key="root")
        sessions.append(session)
        ready.set()
        await session.forever()

    await serve(app)
    client = await connect(app)
    await asyncio.wait_for(ready.wait(), 5)
    session = sessions[0]

    def worker():
        for i in range(1000):
            session.update @ Box(key="a", x=i)
        session.add @ Box(key="from-thread")

    await asyncio.wait_for(asyncio.to_thread(worker), 10)
    await client.wait_for(lambda c: c.scene.find("from-thread") is not None)
    assert client.scene.find("a")["x"] == 999


async def test_updates_merge_while_the_client_is_behind(make_app, serve, connect):
    app = make_app()
    state: dict[str, object] = {}
    done = asyncio.Event()

    @app.spawn
    async def main(session):
        session.set @ Scene(Box(key="a", x=-1), key="root")
        for i in range(1000):  # bounded: fill the socket until the writer waits
            session.add @ Box(key=f"fill{i}", pad=b"x" * 100_000)
            await asyncio.sleep(0)
            if session._outbox.behind:
                break
        state["behind"] = session._outbox.behind
        for i in range(10_000):
            session.update @ Box(key="a", x=i)
        session.remove @ "a"
        session.add @ Box(key="a", x="re-added")
        session.update @ Box(key="a", y=1)
        done.set()
        await session.forever()

    await serve(app)
    client = await connect(app, send_init=False)
    client.pause_reading()
    await client.send("INIT", client.client_info)
    await asyncio.wait_for(done.wait(), 30)
    client.resume_reading()
    await client.wait_for(lambda c: c.counts["REMOVE"] == 1 and c.counts["UPDATE"] >= 2, 30)
    assert state["behind"] is True
    assert client.scene.find("a") == {"tag": "Box", "key": "a", "x": "re-added", "y": 1}
    assert client.counts["UPDATE"] < 100  # 10,000 updates of one key merged while behind
    updates = [m for m in client.messages if m["etype"] == "UPDATE"]
    assert updates[-2]["data"]["nodes"] == [{"tag": "Box", "key": "a", "x": 9999}]
