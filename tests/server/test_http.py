"""The HTTP side: client page, static files, CORS, add_route, relay, TLS."""

from __future__ import annotations

import ssl

import aiohttp
import pytest
import trustme

from vuer.schemas.base import BlockElement
from vuer.serdes import encode
from vuer.testing import HeadlessClient


class Scene(BlockElement):
    tag = "Scene"


def base(app) -> str:
    return f"http://127.0.0.1:{app.port}"


async def test_index_and_assets(make_app, serve, tmp_path):
    missing = make_app()
    await serve(missing)
    async with aiohttp.ClientSession() as http:
        async with http.get(base(missing) + "/") as r:
            assert r.status == 503
            assert "npm run build" in await r.text()

    build = tmp_path / "build"
    (build / "assets").mkdir(parents=True)
    (build / "index.html").write_text("<html>vuer client</html>")
    (build / "assets" / "main.js").write_text("console.log(1)")
    app = make_app(client_root=build)
    await serve(app)
    async with aiohttp.ClientSession() as http:
        async with http.get(base(app) + "/?ws=ws://127.0.0.1:1") as r:
            assert r.status == 200 and "vuer client" in await r.text()
        async with http.get(base(app) + "/assets/main.js") as r:
            assert r.status == 200 and await r.text() == "console.log(1)"
        escape = aiohttp.client.URL(base(app) + "/assets/%2e%2e/index.html", encoded=True)
        async with http.get(escape) as r:
            assert r.status == 403


async def test_static_files_and_traversal(make_app, serve, tmp_path):
    root = tmp_path / "site"
    (root / "meshes").mkdir(parents=True)
    (root / "meshes" / "robot.urdf").write_text("<robot/>")
    (tmp_path / "secret.txt").write_text("do not serve")
    app = make_app(static_root=root)
    await serve(app)
    async with aiohttp.ClientSession() as http:
        for prefix in ("/static", "/workspace"):
            async with http.get(base(app) + prefix + "/meshes/robot.urdf") as r:
                assert r.status == 200 and await r.text() == "<robot/>"
                assert r.content_type == "application/xml"
        async with http.get(base(app) + "/static/nope.txt") as r:
            assert r.status == 404
        attacks = [
            "/static/%2e%2e/secret.txt",
            "/static/meshes/%2e%2e/%2e%2e/secret.txt",
            "/static/%2Fetc%2Fpasswd",
            "/static/..%5Csecret.txt",
            "/workspace/%2e%2e/secret.txt",
        ]
        for path in attacks:
            async with http.get(aiohttp.client.URL(base(app) + path, encoded=True)) as r:
                assert r.status in (403, 404), path
                assert "do not serve" not in await r.text()


async def test_static_root_list_searched_in_order(make_app, serve, tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    (first / "x.txt").write_text("first")
    (second / "x.txt").write_text("second")
    (second / "y.txt").write_text("only second")
    app = make_app(static_root=[first, second])
    await serve(app)
    async with aiohttp.ClientSession() as http:
        async with http.get(base(app) + "/static/x.txt") as r:
            assert await r.text() == "first"
        async with http.get(base(app) + "/static/y.txt") as r:
            assert await r.text() == "only second"


async def test_cors_and_add_route(make_app, serve):
    app = make_app(cors="https://vuer.ai,http://localhost:8000")
    app.add_route("/hello", lambda: "<b>hi</b>")
    app.add_route("/data", lambda request: {"path": request.path}, content_type="text/plain")

    def broken():
        raise RuntimeError("route broke")

    app.add_route("/broken", broken)
    await serve(app)
    with pytest.raises(RuntimeError):
        app.add_route("/late", lambda: "")
    async with aiohttp.ClientSession() as http:
        async with http.get(base(app) + "/hello", headers={"Origin": "https://vuer.ai"}) as r:
            assert await r.text() == "<b>hi</b>" and r.content_type == "text/html"
            assert r.headers["Access-Control-Allow-Origin"] == "https://vuer.ai"
        async with http.get(base(app) + "/hello", headers={"Origin": "https://evil.example"}) as r:
            assert "Access-Control-Allow-Origin" not in r.headers
        preflight = {"Origin": "http://localhost:8000", "Access-Control-Request-Method": "POST"}
        async with http.options(base(app) + "/relay", headers=preflight) as r:
            assert r.status == 204
            assert r.headers["Access-Control-Allow-Origin"] == "http://localhost:8000"
            assert "POST" in r.headers["Access-Control-Allow-Methods"]
        async with http.get(base(app) + "/data") as r:
            assert await r.text() == "{'path': '/data'}"
        async with http.get(base(app) + "/broken") as r:
            assert r.status == 500 and "route broke" in await r.text()


async def spawn_root(app):
    @app.spawn
    async def main(session):
        session.set @ Scene(key="root")
        await session.forever()


def app_scene_of(app, sid, a, b):
    """Which headless client is session ``sid``: the one whose INIT carried its marker."""
    return a.scene if app.sessions[sid].client_info.get("name") == "a" else b.scene


async def test_relay(make_app, serve, connect):
    app = make_app(relay_token="t")
    await spawn_root(app)
    await serve(app)
    a = await connect(app, client_info={"name": "a"})
    b = await connect(app, client_info={"name": "b"})
    for c in (a, b):
        await c.wait_for(lambda cl: cl.scene.root is not None)
    sid_a = next(iter(app.sessions))
    url = base(app) + "/relay"
    add = {"etype": "ADD", "data": {"nodes": [{"tag": "Box", "key": "r1"}], "to": None}}
    async with aiohttp.ClientSession(headers={"Authorization": "Bearer t"}) as http:
        async with http.post(url, params={"sid": "*"}, data=encode(add)) as r:
            assert r.status == 200 and (await r.json())["sent"] == 2
        for c in (a, b):
            await c.wait_for(lambda cl: cl.scene.find("r1") is not None)
        add["data"]["nodes"][0]["key"] = "r2"
        async with http.post(url, params={"sid": sid_a}, data=encode(add)) as r:
            assert (await r.json())["sent"] == 1
        bad_bodies = [b"\xc1not msgpack", encode([1, 2]), encode({"etype": 5}), encode({})]
        for body in bad_bodies:
            async with http.post(url, params={"sid": "*"}, data=body) as r:
                assert r.status == 400, body
        async with http.post(url, data=encode(add)) as r:
            assert r.status == 400
        async with http.post(url, params={"sid": "nobody"}, data=encode(add)) as r:
            assert r.status == 404
        browser = {"Origin": "https://evil.example"}
        async with http.post(url, params={"sid": "*"}, data=encode(add), headers=browser) as r:
            assert r.status == 403
    target, other = (a, b) if a.scene is app_scene_of(app, sid_a, a, b) else (b, a)
    await target.wait_for(lambda cl: cl.scene.find("r2") is not None)
    # the relay to one sid went to that session only; the flush below proves b got nothing
    add["data"]["nodes"][0]["key"] = "r3"
    async with aiohttp.ClientSession(headers={"Authorization": "Bearer t"}) as http:
        async with http.post(url, params={"sid": "*"}, data=encode(add)) as r:
            assert (await r.json())["sent"] == 2
    await other.wait_for(lambda cl: cl.scene.find("r3") is not None)
    assert other.scene.find("r2") is None


async def test_relay_token(make_app, serve, connect):
    app = make_app(relay_token="s3cret")
    await spawn_root(app)
    await serve(app)
    client = await connect(app)
    await client.wait_for(lambda cl: cl.scene.root is not None)
    body = encode({"etype": "REMOVE", "data": {"keys": ["root"]}})
    url = base(app) + "/relay"
    async with aiohttp.ClientSession() as http:
        async with http.post(url, params={"sid": "*"}, data=body) as r:
            assert r.status == 401
        wrong = {"Authorization": "Bearer nope"}
        async with http.post(url, params={"sid": "*"}, data=body, headers=wrong) as r:
            assert r.status == 401
        foreign = {"Authorization": "Bearer s3cret", "Origin": "https://anywhere.example"}
        async with http.post(url, params={"sid": "*"}, data=body, headers=foreign) as r:
            assert r.status == 403  # a page on an origin not allowed, even with the token
        right = {"Authorization": "Bearer s3cret", "Origin": "https://vuer.ai"}
        async with http.post(url, params={"sid": "*"}, data=body, headers=right) as r:
            assert r.status == 200 and (await r.json()) == {"sent": 1}
    await client.wait_for(lambda cl: cl.counts["REMOVE"] == 1)


async def test_tls_and_client_certificates(make_app, serve, tmp_path):
    ca = trustme.CA()
    server_cert = ca.issue_cert("127.0.0.1", "localhost")
    cert, key, ca_file = tmp_path / "cert.pem", tmp_path / "key.pem", tmp_path / "ca.pem"
    server_cert.cert_chain_pems[0].write_to_path(cert)
    server_cert.private_key_pem.write_to_path(key)
    ca.cert_pem.write_to_path(ca_file)

    app = make_app(cert=str(cert), key=str(key))
    await spawn_root(app)
    await serve(app)
    assert app.get_url("127.0.0.1").startswith("https://127.0.0.1:")
    trusting = ssl.create_default_context()
    ca.configure_trust(trusting)
    async with HeadlessClient(app.get_url("127.0.0.1"), ssl=trusting) as client:
        assert client.url.startswith("wss://")
        await client.wait_for(lambda cl: cl.scene.root is not None)
    with pytest.raises(aiohttp.ClientConnectorError):
        await HeadlessClient(app.get_url("127.0.0.1")).connect()  # untrusted certificate

    mutual = make_app(cert=str(cert), key=str(key), ca_cert=str(ca_file))
    await spawn_root(mutual)
    await serve(mutual)
    with pytest.raises(aiohttp.ClientError):
        await HeadlessClient(mutual.get_url("127.0.0.1"), ssl=trusting).connect()
    client_cert = ca.issue_cert("client@example")
    with_cert = ssl.create_default_context()
    ca.configure_trust(with_cert)
    client_cert.configure_cert(with_cert)
    async with HeadlessClient(mutual.get_url("127.0.0.1"), ssl=with_cert) as client:
        await client.wait_for(lambda cl: cl.scene.root is not None)
