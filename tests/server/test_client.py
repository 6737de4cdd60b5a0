"""``VuerClient``, the public package's Python client, against our server."""

from __future__ import annotations

import asyncio

import pytest

from vuer import VuerClient
from vuer.events import ClientEvent
from vuer.schemas.base import BlockElement


class Scene(BlockElement):
    tag = "Scene"


class Hello(ClientEvent):
    etype = "HELLO"


async def test_vuer_client_sends_and_receives(make_app, serve):
    app = make_app()
    seen: list[object] = []
    both = asyncio.Event()
    infos = []

    @app.spawn(client="python")
    async def main(session):
        infos.append(session.client_info)
        session.set @ Scene(key="root")
        await session.forever()

    @app.add_handler("HELLO")
    def hello(event, session):
        seen.append(event.value)
        if len(seen) == 2:
            both.set()

    await serve(app)
    async with VuerClient(uri=f"ws://127.0.0.1:{app.port}") as client:
        assert client.connected
        client.send @ Hello(value=1)
        await client.send(Hello(value=2))
        await asyncio.wait_for(both.wait(), 5)
        event = await client.recv(timeout=5)
        assert event == "SET" and event.data["key"] == "root"
        assert await client.recv(timeout=0.05) is None
        with pytest.raises(TypeError):
            await client.send({"etype": "HELLO"})
    assert sorted(seen) == [1, 2]
    assert infos[0]["client"] == "python" and infos[0]["pkg"] == "vuer"
    assert not client.connected


async def test_vuer_client_iteration_ends_when_the_server_closes(make_app, serve):
    app = make_app()

    @app.spawn
    async def main(session):
        session.set @ Scene(key="bye")  # returning closes the session, as upstream

    await serve(app)
    async with VuerClient(URI=f"ws://127.0.0.1:{app.port}") as client:

        async def drain():
            return [e async for e in client]

        events = await asyncio.wait_for(drain(), 5)
    assert [e.etype for e in events] == ["SET"]
