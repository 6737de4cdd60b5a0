"""Handlers, spawn filters, the inbound queue, till and bind, through a real socket."""

from __future__ import annotations

import asyncio
import logging

from vuer.events import End, Frame, Set, Update
from vuer.schemas.base import BlockElement, Element


class Box(Element):
    tag = "Box"


class Scene(BlockElement):
    tag = "Scene"


async def test_add_handler_forms_once_and_remover(make_app, serve, connect):
    app = make_app()
    seen: list[tuple[str, object, str]] = []

    @app.add_handler("CAMERA_MOVE")
    async def on_camera(event, session):
        seen.append(("async", event.value, event.key))

    def on_camera_sync(event, session):
        seen.append(("sync", event.value, event.key))

    remove_sync = app.add_handler("CAMERA_MOVE", on_camera_sync)
    app.add_handler("CAMERA_MOVE", lambda e, s: seen.append(("once", e.value, e.key)), once=True)

    got = asyncio.Event()

    @app.add_handler("DONE")
    def done(event, session):
        got.set()

    await serve(app)
    client = await connect(app)
    await client.send("CAMERA_MOVE", {"camera": {"fov": 50}}, key="defaultCamera")
    await client.send("CAMERA_MOVE", 2, key="defaultCamera")
    await client.send("DONE")
    await asyncio.wait_for(got.wait(), 5)
    remove_sync()
    remove_sync()  # removing twice is harmless
    got.clear()
    await client.send("CAMERA_MOVE", 3, key="k")
    await client.send("DONE")
    await asyncio.wait_for(got.wait(), 5)
    assert sorted(s for s in seen if s[0] == "once") == [
        ("once", {"camera": {"fov": 50}}, "defaultCamera")
    ]
    assert [v for kind, v, _ in seen if kind == "sync"] == [{"camera": {"fov": 50}}, 2]
    assert [v for kind, v, _ in seen if kind == "async"] == [{"camera": {"fov": 50}}, 2, 3]


async def test_raising_handler_is_logged_and_session_goes_on(make_app, serve, connect, caplog):
    app = make_app()
    replies = []

    @app.add_handler("BOOM")
    async def boom(event, session):
        raise RuntimeError("handler exploded")

    @app.add_handler("PING")
    async def ping(event, session):
        replies.append(event.value)
        session.add @ Box(key=f"pong{event.value}")

    @app.spawn
    async def main(session):
        session.set @ Scene(key="root")
        await session.forever()

    await serve(app)
    client = await connect(app)
    await client.wait_for(lambda c: c.scene.root is not None)
    with caplog.at_level(logging.ERROR, logger="vuer"):
        await client.send("BOOM")
        await client.send("PING", 1)
        await client.wait_for(lambda c: c.scene.find("pong1") is not None)
    assert any("handler exploded" in (r.exc_text or "") or r.exc_info for r in caplog.records)
    assert any(r.exc_info and "handler exploded" in str(r.exc_info[1]) for r in caplog.records)
    other = await connect(app)
    await other.wait_for(lambda c: c.scene.root is not None)


async def test_raising_spawn_is_logged_and_other_sessions_live(make_app, serve, connect, caplog):
    app = make_app()

    @app.spawn
    async def main(session):
        session.set @ Scene(key="root")
        if session.client_info.get("crash"):
            raise ValueError("main exploded")
        await session.forever()

    await serve(app)
    calm = await connect(app)
    await calm.wait_for(lambda c: c.scene.root is not None)
    with caplog.at_level(logging.ERROR, logger="vuer"):
        crashing = await connect(app, client_info={"crash": True})
        await crashing.wait_closed()
    assert crashing.scene.root is not None  # what it queued was sent before closing
    assert any(r.exc_info and "main exploded" in str(r.exc_info[1]) for r in caplog.records)
    assert not calm.closed
    late = await connect(app)
    await late.wait_for(lambda c: c.scene.root is not None)


async def test_spawn_filters_pick_the_first_match(make_app, serve, connect):
    app = make_app()

    @app.spawn(client="python", platform="Lin*")
    async def linux(session):
        session.set @ Scene(key="linux")
        await session.forever()

    @app.spawn(client="brow*")
    async def browser(session):
        session.set @ Scene(key="browser")
        await session.forever()

    @app.spawn(client="*")
    async def anything(session):
        init = await session.till("INIT", timeout=1)
        session.set @ Scene(key=f"any-{init.value['client']}")
        await session.forever()

    await serve(app)
    a = await connect(app, client_info={"platform": "Linux"})
    b = await connect(app, client_info={"client": "browser"})
    c = await connect(app, client_info={"platform": "Darwin"})
    for client, key in ((a, "linux"), (b, "browser"), (c, "any-python")):
        await client.wait_for(lambda cl: cl.scene.root is not None)
        assert client.scene.root["key"] == key


async def test_inbound_queue_is_bounded_and_warns(make_app, serve, connect, caplog):
    app = make_app(queue_len=5)
    sessions = []
    got = asyncio.Event()

    @app.spawn
    async def main(session):
        sessions.append(session)
        await session.forever()

    @app.add_handler("LAST")
    def last(event, session):
        got.set()

    await serve(app)
    client = await connect(app)
    with caplog.at_level(logging.WARNING, logger="vuer"):
        for i in range(10):
            await client.send("KEY", i)
        await client.send("LAST")
        await asyncio.wait_for(got.wait(), 5)
    session = sessions[0]
    assert [e.value for e in session.stream()] == [6, 7, 8, 9, None]
    assert any("queue_len=5" in r.getMessage() for r in caplog.records)
    assert session.popleft().value == 6
    assert session.pop().etype == "LAST"
    assert session.popleft() == "KEY"
    session.clear()
    assert session.popleft() is None and session.pop() is None


async def test_events_a_handler_took_leave_the_full_queue_quietly(make_app, serve, connect, caplog):
    # A teleop script handles HAND_MOVE at 60 Hz and never reads the queue: the
    # queued copies of handled events go without a "dropped" warning.
    app = make_app(queue_len=5)
    seen: list[int] = []
    got = asyncio.Event()

    @app.spawn
    async def main(session):
        await session.forever()

    @app.add_handler("HAND_MOVE")
    def hands(event, session):
        seen.append(event.value)
        if len(seen) == 20:
            got.set()

    await serve(app)
    client = await connect(app)
    with caplog.at_level(logging.WARNING, logger="vuer"):
        for i in range(20):
            await client.send("HAND_MOVE", i)
        await asyncio.wait_for(got.wait(), 5)
        await client.send("UNHANDLED")  # pushes out a handled event: still quiet
        for _ in range(50):
            if any(r.levelno >= logging.WARNING for r in caplog.records):
                break
            await asyncio.sleep(0.01)
    assert seen == list(range(20))
    assert not [r.getMessage() for r in caplog.records if "is full" in r.getMessage()]


async def test_till_waits_for_the_next_event(make_app, serve, connect):
    app = make_app()
    results = []

    @app.spawn
    async def main(session):
        session.set @ Scene(key="waiting")
        event = await session.till("CLICK", timeout=5)
        results.append(event.value)
        try:
            await session.till("NEVER", timeout=0.05)
        except asyncio.TimeoutError:
            results.append("timeout")
        session.set @ Scene(key="done")
        await session.forever()

    await serve(app)
    client = await connect(app)
    await client.wait_for(lambda c: c.scene.root is not None)
    await client.send("CLICK", {"key": "b"})
    await client.wait_for(lambda c: c.scene.root["key"] == "done")
    assert results == [{"key": "b"}, "timeout"]


async def test_bind_generator(make_app, serve, connect):
    app = make_app()

    @app.bind
    async def gen(session):
        event = yield Set(Scene(key="root"))
        assert event == "INIT"
        for i in range(3):
            event = yield Frame(Update(Box(key="root", frame=i)), frame_rate=1000)
        while event != "STOP":
            event = yield Update(Box(key="root", last=getattr(event, "etype", None)))
        yield End()

    await serve(app)
    client = await connect(app)
    await client.wait_for(lambda c: (c.scene.root or {}).get("frame") == 2)
    await client.send("HELLO")
    await client.wait_for(lambda c: c.scene.root.get("last") == "HELLO")
    await client.send("STOP")
    await client.wait_closed()
    assert client.counts["TERMINATE"] == 1
