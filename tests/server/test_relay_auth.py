"""``POST /relay`` needs a token, checks sizes before reading, validates what it forwards (fault 4)."""

from __future__ import annotations

import asyncio

import aiohttp

from vuer.schemas.base import BlockElement
from vuer.serdes import encode


class Scene(BlockElement):
    tag = "Scene"


def base(app) -> str:
    return f"http://127.0.0.1:{app.port}"


async def scene_client(app, serve, connect):
    @app.spawn
    async def main(session):
        session.set @ Scene(key="root")
        await session.forever()

    await serve(app)
    client = await connect(app)
    await client.wait_for(lambda cl: cl.scene.root is not None)
    return client


SET_EMPTY = encode({"etype": "SET", "data": {"tag": "Scene", "key": "pwned"}})


async def test_relay_is_off_without_a_token(make_app, serve, connect, monkeypatch):
    monkeypatch.delenv("VUER_RELAY_TOKEN", raising=False)
    app = make_app()
    client = await scene_client(app, serve, connect)
    async with aiohttp.ClientSession() as http:
        async with http.post(base(app) + "/relay", params={"sid": "*"}, data=SET_EMPTY) as r:
            assert r.status == 403
            error = (await r.json())["error"]
            assert "relay_token" in error and "VUER_RELAY_TOKEN" in error
    await client.send("PING")
    await asyncio.sleep(0.2)
    assert client.scene.root["key"] == "root" and client.counts["SET"] == 1


async def test_relay_token_from_the_environment(make_app, serve, connect, monkeypatch):
    monkeypatch.setenv("VUER_RELAY_TOKEN", "from-env")
    app = make_app()
    client = await scene_client(app, serve, connect)
    auth = {"Authorization": "Bearer from-env"}
    async with aiohttp.ClientSession() as http:
        url = base(app) + "/relay"
        async with http.post(url, params={"sid": "*"}, data=SET_EMPTY, headers=auth) as r:
            assert r.status == 200 and (await r.json()) == {"sent": 1}
    await client.wait_for(lambda cl: cl.scene.root["key"] == "pwned")


async def test_declared_oversize_body_is_refused_before_reading(make_app, serve, connect):
    app = make_app(relay_token="t", WEBSOCKET_MAX_SIZE=1 << 20)
    await scene_client(app, serve, connect)
    reader, writer = await asyncio.open_connection("127.0.0.1", app.port)
    try:
        writer.write(
            b"POST /relay?sid=* HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer t\r\n"
            b"Content-Type: application/msgpack\r\nContent-Length: 100000000\r\n\r\n"
        )  # ... and no body: the answer must not wait for it
        await writer.drain()
        status = await asyncio.wait_for(reader.readline(), 5)
        assert status.split()[1] == b"413", status
    finally:
        writer.close()


async def test_relay_validates_what_it_forwards(make_app, serve, connect):
    app = make_app(relay_token="t")
    client = await scene_client(app, serve, connect)
    auth = {"Authorization": "Bearer t"}
    bad = [
        encode({"etype": "SET"}),  # a scene op without data
        encode({"etype": "ADD", "data": [1]}),
        encode({"etype": "GRAB_RENDER_RESPONSE@1", "value": 1}),  # an RPC answer
        encode({"etype": "x" * 1000}),
        encode({"etype": "X", "value": [[[[[[[[[[[[[[[[[[[[0]]]]]]]]]]]]]]]]]]]] * 10}) + b"!",
        b"\x91" * 1000 + b"\xc0",
    ]
    async with aiohttp.ClientSession() as http:
        for body in bad:
            url = base(app) + "/relay"
            async with http.post(url, params={"sid": "*"}, data=body, headers=auth) as r:
                assert r.status == 400, body[:40]
                assert len((await r.json())["error"]) < 400
    await client.send("PING")
    await asyncio.sleep(0.2)
    assert client.counts["SET"] == 1 and client.scene.root["key"] == "root"
