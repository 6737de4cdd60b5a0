"""RPCs: answers, timeouts, streams, and what a disconnect does to them."""

from __future__ import annotations

import asyncio

import pytest

from vuer.events import ServerRPC
from vuer.session import SessionClosed


async def spawn_collecting(app):
    sessions = []
    ready = asyncio.Event()

    @app.spawn
    async def main(session):
        sessions.append(session)
        ready.set()
        await session.forever()

    return sessions, ready


async def test_grab_render_round_trip(make_app, serve, connect):
    app = make_app()
    sessions, ready = await spawn_collecting(app)
    await serve(app)
    client = await connect(app)
    requests = []

    def render(msg):
        requests.append(msg)
        return {"frame": b"\xff\xd8jpeg", "width": 2, "height": 1}

    client.on_rpc("GRAB_RENDER", render)
    await asyncio.wait_for(ready.wait(), 5)
    session = sessions[0]
    event = await session.grab_render(ttl=5, quality=0.5, subsample=2, key="ego")
    assert event.value["frame"] == b"\xff\xd8jpeg"
    (msg,) = requests
    assert msg["key"] == "ego" and msg["data"] == {"quality": 0.5, "subsample": 2}
    assert event.etype == f"GRAB_RENDER_RESPONSE@{msg['uuid']}"
    assert session._rpcs == {}

    client.on_rpc("GET_WEBXR_MESH", lambda m: {"meshes": [m["key"]]})
    mesh = await session.get_webxr_mesh(ttl=5)
    assert mesh.value == {"meshes": ["webxr-mesh"]}


async def test_app_rpc_and_timeout_cleanup(make_app, serve, connect):
    app = make_app()
    sessions, ready = await spawn_collecting(app)
    await serve(app)
    client = await connect(app)
    client.on_rpc("RPC", lambda m: m["data"]["q"] * 2)
    await asyncio.wait_for(ready.wait(), 5)
    ws_id = sessions[0].ws_id
    answer = await app.rpc(ws_id, ServerRPC({"q": 21}), ttl=5)
    assert answer.value == 42

    client.on_rpc("RPC", None)  # stop answering
    with pytest.raises(asyncio.TimeoutError):
        await app.rpc(ws_id, ServerRPC({"q": 1}), ttl=0.05)
    assert sessions[0]._rpcs == {}
    # a late answer to the timed-out RPC is logged and ignored, the session goes on
    late = client.messages[-1]
    await client.answer(late, "too late")
    client.on_rpc("RPC", lambda m: "again")
    assert (await app.rpc(ws_id, ServerRPC(None), ttl=5)).value == "again"


async def test_disconnect_fails_pending_rpcs_and_cancels_tasks(make_app, serve, connect):
    app = make_app()
    outcome: dict[str, object] = {}
    started, settled = asyncio.Event(), asyncio.Event()

    def record(name, value):
        outcome[name] = value
        if len(outcome) == 2:
            settled.set()

    @app.spawn
    async def main(session):
        async def background():
            try:
                await asyncio.Event().wait()
            except asyncio.CancelledError:
                record("background", "cancelled")
                raise

        session.spawn_task(background())

        async def waiter():  # not a session task: must get SessionClosed, not hang
            try:
                await session.rpc(ServerRPC("x"), ttl=None)
            except SessionClosed as e:
                record("rpc", e)

        app.spawn_task(waiter())
        started.set()
        await session.forever()

    await serve(app)
    client = await connect(app)
    await asyncio.wait_for(started.wait(), 5)
    await client.next_message("RPC")
    await client.close()

    await asyncio.wait_for(settled.wait(), 5)
    assert isinstance(outcome["rpc"], ConnectionError)
    assert outcome["background"] == "cancelled"
    assert app.sessions == {} and app.ws == {}


async def test_rpc_on_a_closed_session_raises(make_app, serve, connect):
    app = make_app()
    sessions, ready = await spawn_collecting(app)
    await serve(app)
    client = await connect(app)
    await asyncio.wait_for(ready.wait(), 5)
    await client.close()
    await asyncio.wait_for(sessions[0]._closed.wait(), 5)
    with pytest.raises(SessionClosed):
        await sessions[0].grab_render(ttl=1)
    with pytest.raises(SessionClosed):
        await app.rpc(sessions[0].ws_id, ServerRPC(None))


async def test_rpc_stream_until_done(make_app, serve, connect):
    app = make_app()
    sessions, ready = await spawn_collecting(app)
    await serve(app)
    client = await connect(app)

    async def answer_stream():
        msg = await client.next_message("RPC")
        for i in range(3):
            await client.answer(msg, i)
        await client.answer(msg, "last", done=True)

    answering = asyncio.ensure_future(answer_stream())
    await asyncio.wait_for(ready.wait(), 5)
    values = [e.value async for e in app.rpc_stream(sessions[0].ws_id, ServerRPC(None), ttl=5)]
    assert values == [0, 1, 2, "last"]
    await answering
    assert sessions[0]._streams == {}


async def test_rpc_stream_ends_at_ttl_and_on_disconnect(make_app, serve, connect):
    app = make_app()
    sessions, ready = await spawn_collecting(app)
    await serve(app)
    client = await connect(app)
    await asyncio.wait_for(ready.wait(), 5)
    session = sessions[0]
    values = [e.value async for e in session.rpc_stream(ServerRPC(None), ttl=0.1)]
    assert values == []  # nobody answered: the stream ends at ttl, it does not hang
    assert session._streams == {}

    async def consume():
        return [e async for e in session.rpc_stream(ServerRPC(None), ttl=None)]

    task = asyncio.ensure_future(consume())
    await client.next_message("RPC")
    await client.close()
    with pytest.raises(SessionClosed):
        await asyncio.wait_for(task, 5)
