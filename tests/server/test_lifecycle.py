"""Starting and stopping, send/close_ws, spawn(start=True), free_port, static-root registration."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
from pathlib import Path

import pytest

from vuer import Vuer
from vuer._free_port import free_port
from vuer.events import Add, Update
from vuer.schemas.base import BlockElement, Element
from vuer.serdes import encode
from vuer.testing import HeadlessClient


class Box(Element):
    tag = "Box"


class Scene(BlockElement):
    tag = "Scene"


async def test_app_send_and_close_ws(make_app, serve, connect):
    app = make_app()
    ready = asyncio.Event()

    @app.spawn
    async def main(session):
        session.set @ Scene(key="root")
        ready.set()
        await session.forever()

    await serve(app)
    client = await connect(app)
    await asyncio.wait_for(ready.wait(), 5)
    (ws_id,) = app.sessions
    await app.send(ws_id, Add(Box(key="a")))
    await app.send(ws_id, Update(Box(key="a", color="red")))
    await app.send(ws_id, event_bytes=encode({"etype": "REMOVE", "ts": 1, "data": {"keys": ["a"]}}))
    with pytest.raises(ValueError):
        await app.send(ws_id, event_bytes=b"\x01")
    with pytest.raises(TypeError):
        app.sessions[ws_id].send({"etype": "SET"})
    await client.wait_for(lambda c: c.counts["REMOVE"] == 1)
    assert [m["etype"] for m in client.messages] == ["SET", "ADD", "UPDATE", "REMOVE"]
    await app.close_ws(ws_id)
    assert await client.wait_closed() == 1000
    with pytest.raises(ConnectionError):
        await app.send(ws_id, Add(Box()))


async def test_spawn_start_true_and_bound_fn_start(make_app, monkeypatch):
    app = make_app()
    started = []
    monkeypatch.setattr(app, "start", lambda **kw: started.append(kw))

    @app.spawn(start=True)
    async def main(session):
        await session.forever()

    assert started == [{}]
    assert app.spawn_handlers[0]["fn"] is main.fn
    main.start(free_port=False)
    assert started[-1] == {"free_port": False}
    bound = app.bind(start=False)
    assert bound(lambda session: iter(())) is bound and app.bound_fn is bound.fn


async def test_start_inside_a_running_loop_schedules_the_server(make_app):
    app = make_app()

    @app.spawn
    async def main(session):
        session.set @ Scene(key="jupyter")
        await session.forever()

    app.start()  # returns at once: there is a running loop (as in Jupyter)
    (task,) = app._tasks
    await asyncio.wait_for(task, 5)
    try:
        async with HeadlessClient(app.get_url("127.0.0.1")) as client:
            await client.wait_for(lambda c: c.scene.root is not None)
            assert client.scene.root["key"] == "jupyter"
    finally:
        await app.astop()


def test_vuer_registers_its_static_root(tmp_path):
    from vuer import static_paths

    Vuer(static_root=tmp_path)
    assert static_paths.to_url(Path(tmp_path) / "meshes" / "a.obj") == "/static/meshes/a.obj"


@pytest.mark.skipif(not os.path.exists("/proc/net/tcp"), reason="reads /proc")
async def test_free_port_stops_the_listener(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    code = (
        "import socket, sys, time\n"
        f"s = socket.socket(); s.bind(('127.0.0.1', {port})); s.listen()\n"
        "print('listening', flush=True)\n"
        "time.sleep(60)\n"
    )
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-c", code, stdout=asyncio.subprocess.PIPE
    )
    try:
        assert proc.stdout is not None
        assert b"listening" in await asyncio.wait_for(proc.stdout.readline(), 10)
        assert free_port(port) == [proc.pid]
        assert await asyncio.wait_for(proc.wait(), 10) == -signal.SIGTERM
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()


async def test_stopping_the_server_closes_clients_cleanly(make_app):
    app = make_app()

    @app.spawn
    async def main(session):
        session.set @ Scene(key="root")
        await session.forever()

    await app.astart()
    client = HeadlessClient(app.get_url("127.0.0.1"))
    await client.connect()
    try:
        await client.wait_for(lambda c: c.scene.root is not None)
        await app.astop()
        assert await client.wait_closed() in (1000, 1001)  # a clean close, not an abort
        assert app.sessions == {}
    finally:
        await client.close()
        await app.astop()


async def test_session_socket_closes_the_client(make_app, serve, connect):
    app = make_app()

    @app.spawn
    async def main(session):
        session.set @ Scene(key="root")
        session.remove(["root-child", "other"])  # call form
        await session.flush()
        await session.socket.close()

    await serve(app)
    client = await connect(app)
    assert await client.wait_closed() == 1000
    assert [m["etype"] for m in client.messages] == ["SET", "REMOVE"]
    assert client.messages[-1]["data"] == {"keys": ["root-child", "other"]}
