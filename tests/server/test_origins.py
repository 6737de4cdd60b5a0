"""Cross-origin pages and hidden files (issue 7, fault 3)."""

from __future__ import annotations

import os

import aiohttp
import pytest


def base(app) -> str:
    return f"http://127.0.0.1:{app.port}"


@pytest.fixture
def site(tmp_path):
    root = tmp_path / "site"
    (root / ".git").mkdir(parents=True)
    (root / "meshes").mkdir()
    (root / "meshes" / "arm.urdf").write_text("<robot/>")
    (root / ".secret_token").write_text("TOKEN")
    (root / ".git" / "config").write_text("TOKEN")
    (root / "meshes" / ".env").write_text("TOKEN")
    os.symlink(root / ".secret_token", root / "innocent.txt")
    return root


async def test_hidden_files_are_never_served(make_app, serve, site):
    app = make_app(static_root=site)
    await serve(app)
    async with aiohttp.ClientSession() as http:
        for prefix in ("/static", "/workspace"):
            async with http.get(base(app) + prefix + "/meshes/arm.urdf") as r:
                assert r.status == 200
            for name in (
                ".secret_token",
                ".git/config",
                "meshes/.env",
                "innocent.txt",
                "meshes/../.secret_token",
                "%2esecret_token",
                "./.git/config",
            ):
                url = aiohttp.client.URL(base(app) + f"{prefix}/{name}", encoded=True)
                async with http.get(url) as r:
                    assert r.status in (403, 404), (prefix, name)
                    assert "TOKEN" not in await r.text()


def test_is_hidden():
    from vuer.static_paths import is_hidden

    assert is_hidden(".env") and is_hidden("a/.git/config") and is_hidden(".hidden/x.obj")
    assert not is_hidden("meshes/arm.urdf") and not is_hidden("./meshes/arm.urdf")


async def test_other_origins_cannot_read_files_or_open_the_socket(make_app, serve, site):
    app = make_app(static_root=site)
    await serve(app)
    evil = {"Origin": "https://evil.example"}
    async with aiohttp.ClientSession() as http:
        async with http.get(base(app) + "/static/meshes/arm.urdf", headers=evil) as r:
            assert r.status == 403
            assert "Access-Control-Allow-Origin" not in r.headers
            assert "<robot/>" not in await r.text()
        preflight = {**evil, "Access-Control-Request-Method": "POST"}
        async with http.options(base(app) + "/relay", headers=preflight) as r:
            assert r.status == 403 and "Access-Control-Allow-Origin" not in r.headers
        for origin in ("https://evil.example", "null", "http://127.0.0.1.evil.example:8012"):
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await http.ws_connect(base(app) + "/", headers={"Origin": origin})
            assert refused.value.status == 403
        assert not app.sessions


async def test_default_origins_are_allowed(make_app, serve, site):
    app = make_app(static_root=site)
    await serve(app)
    own = base(app)
    allowed = [own, "http://localhost:5173", "http://127.0.0.1:1", "http://[::1]:8080"]
    allowed.append("https://vuer.ai")  # the default `cors`, as in the public package
    async with aiohttp.ClientSession() as http:
        for origin in allowed:
            async with http.get(own + "/static/meshes/arm.urdf", headers={"Origin": origin}) as r:
                assert r.status == 200, origin
                assert r.headers["Access-Control-Allow-Origin"] == origin
                assert r.headers["Access-Control-Allow-Credentials"] == "true"
            ws = await http.ws_connect(own + "/", headers={"Origin": origin})
            await ws.close()


async def test_star_is_opt_in_and_never_with_credentials(make_app, serve, site):
    app = make_app(static_root=site, cors="*")
    await serve(app)
    async with aiohttp.ClientSession() as http:
        headers = {"Origin": "https://anywhere.example"}
        async with http.get(base(app) + "/static/meshes/arm.urdf", headers=headers) as r:
            assert r.status == 200
            assert r.headers["Access-Control-Allow-Origin"] == "*"
            assert "Access-Control-Allow-Credentials" not in r.headers
        ws = await http.ws_connect(base(app) + "/", headers=headers)
        await ws.close()


def test_cors_default_is_not_star():
    from vuer import Vuer

    assert Vuer().cors_origins == ["https://vuer.ai"]


async def test_cross_site_embeds_need_an_allowed_referrer(make_app, serve, site):
    app = make_app(static_root=site)
    await serve(app)
    url = base(app) + "/static/meshes/arm.urdf"
    embed = {"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "no-cors"}
    async with aiohttp.ClientSession() as http:
        for referer in (None, "https://evil.example/page.html", "null"):
            headers = embed if referer is None else {**embed, "Referer": referer}
            async with http.get(url, headers=headers) as r:
                assert r.status == 403, referer
        async with http.get(url, headers={**embed, "Referer": "https://vuer.ai/"}) as r:
            assert r.status == 200
        navigate = {"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "navigate"}
        async with http.get(url, headers=navigate) as r:  # following a link is fine
            assert r.status == 200
