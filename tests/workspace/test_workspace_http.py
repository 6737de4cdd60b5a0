"""/workspace over HTTP: links, overlays, mounts, ?hot, and 404 for unsafe paths."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from vuer import Blob, Vuer, Workspace
from vuer.testing import running


def base(app: Vuer) -> str:
    return f"http://127.0.0.1:{app.port}"


@pytest.fixture
def site(tmp_path: Path) -> tuple[Path, Path]:
    first, second = tmp_path / "first", tmp_path / "second"
    (first / "meshes").mkdir(parents=True)
    second.mkdir()
    (first / "meshes" / "arm.urdf").write_text("<robot name='first'/>")
    (second / "meshes").mkdir()
    (second / "meshes" / "arm.urdf").write_text("<robot name='second'/>")
    (second / "only.ply").write_bytes(b"ply\n")
    (first / ".env").write_text("SECRET=1")
    (first / ".git").mkdir()
    (first / ".git" / "config").write_text("secret")
    (tmp_path / "secret.txt").write_text("do not serve")
    return first, second


def make(site: tuple[Path, Path], tmp_path: Path, **kw: Any) -> Vuer:
    kw.setdefault("workspace", list(site))
    kw.setdefault("client_root", tmp_path / "no_client")
    return Vuer(host="127.0.0.1", port=0, **kw)


async def get(http: aiohttp.ClientSession, url: str) -> tuple[int, bytes, Any]:
    async with http.get(aiohttp.client.URL(url, encoded=True)) as r:
        return r.status, await r.read(), r.headers


async def test_overlay_and_mime(site, tmp_path) -> None:
    app = make(site, tmp_path)
    assert isinstance(app.workspace, Workspace)
    async with running(app), aiohttp.ClientSession() as http:
        status, body, headers = await get(http, base(app) + "/workspace/meshes/arm.urdf")
        assert (status, body) == (200, b"<robot name='first'/>")
        assert headers["Content-Type"].startswith("application/xml")
        status, body, headers = await get(http, base(app) + "/workspace/only.ply")
        assert (status, body) == (200, b"ply\n")
        assert headers["Content-Type"].startswith("application/x-ply")
        assert "Cache-Control" not in headers
        status, _, _ = await get(http, base(app) + "/workspace/none.txt")
        assert status == 404


async def test_links_file_bytes_sync_async_and_errors(site, tmp_path) -> None:
    app = make(site, tmp_path)
    calls: list[str] = []

    def status() -> dict[str, Any]:
        return {"ok": True, "n": len(calls)}

    async def echo(request: aiohttp.web.Request) -> Blob:
        calls.append(request.query.get("q", ""))
        await asyncio.sleep(0)
        return Blob(text="echo " + calls[-1])

    def broken() -> str:
        raise RuntimeError("kaput")

    async with running(app), aiohttp.ClientSession() as http:
        # links take effect while the server runs
        app.workspace.link(site[1] / "only.ply", "/cloud")
        app.workspace.link(b"\x89raw", "data/raw.png")
        app.workspace.link(status, "/api/status")
        app.workspace.link(echo, "api/echo")
        app.workspace.link(broken, "api/broken")
        app.workspace.link(lambda: [1, 2], "api/list")
        app.workspace.link(lambda: site[0] / "meshes" / "arm.urdf", "api/file")
        app.workspace.link(lambda: 42, "api/text")
        s, body, h = await get(http, base(app) + "/workspace/cloud")
        assert (s, body) == (200, b"ply\n")
        s, body, h = await get(http, base(app) + "/workspace/data/raw.png")
        assert (s, body) == (200, b"\x89raw") and h["Content-Type"] == "image/png"
        async with http.get(base(app) + "/workspace/api/status") as r:
            assert r.status == 200 and await r.json() == {"ok": True, "n": 0}
        s, body, h = await get(http, base(app) + "/workspace/api/echo?q=hi")
        assert (s, body) == (200, b"echo hi") and h["Content-Type"].startswith("text/plain")
        async with http.get(base(app) + "/workspace/api/status") as r:
            assert await r.json() == {"ok": True, "n": 1}
        async with http.get(base(app) + "/workspace/api/list") as r:
            assert await r.json() == [1, 2]
        s, body, h = await get(http, base(app) + "/workspace/api/file")
        assert body == b"<robot name='first'/>" and h["Content-Type"].startswith("application/xml")
        s, body, _ = await get(http, base(app) + "/workspace/api/text")
        assert (s, body) == (200, b"42")
        s, body, _ = await get(http, base(app) + "/workspace/api/broken")
        assert s == 500 and b"kaput" in body
        app.workspace.link(lambda request: {"got": request.method}, "api/post", method="POST")
        async with http.post(base(app) + "/workspace/api/post") as r:
            assert r.status == 200 and await r.json() == {"got": "POST"}
        async with http.get(base(app) + "/workspace/api/post") as r:
            assert r.status == 405
        async with http.post(base(app) + "/workspace/api/status") as r:
            assert r.status == 405
        async with http.post(base(app) + "/workspace/only.ply") as r:
            assert r.status == 405
        assert app.workspace.unlink("api/status")
        s, _, _ = await get(http, base(app) + "/workspace/api/status")
        assert s == 404


async def test_custom_resolve_streams_and_blobs(site, tmp_path) -> None:
    class Store(Workspace):
        async def resolve(self, name: str) -> Any:
            if name == "stream.txt":

                async def chunks():
                    for part in (b"a", b"b", "c"):
                        yield part

                return chunks()
            if name == "blob.json":
                return Blob(json={"k": 1})
            if name == "raw.stl":
                return b"solid"
            return await super().resolve(name)

    app = make(site, tmp_path, workspace=Store(site[0]))
    async with running(app), aiohttp.ClientSession() as http:
        s, body, _ = await get(http, base(app) + "/workspace/stream.txt")
        assert (s, body) == (200, b"abc")
        s, body, h = await get(http, base(app) + "/workspace/blob.json")
        assert (s, body, h["Content-Type"]) == (200, b'{"k": 1}', "application/json")
        s, body, h = await get(http, base(app) + "/workspace/raw.stl")
        assert (s, body, h["Content-Type"]) == (200, b"solid", "model/stl")
        s, body, _ = await get(http, base(app) + "/workspace/meshes/arm.urdf")
        assert s == 200


async def test_mounts_before_and_after_start(site, tmp_path) -> None:
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "m.obj").write_text("v 0 0 0")
    (extra / ".hidden").write_text("no")
    later = tmp_path / "later"
    later.mkdir()
    (later / "x.stl").write_text("solid x")
    app = make(site, tmp_path)
    app.workspace.mount(extra, to="/extra")
    async with running(app), aiohttp.ClientSession() as http:
        s, body, h = await get(http, base(app) + "/extra/m.obj?hot")
        assert (s, body) == (200, b"v 0 0 0") and h["Cache-Control"] == "no-cache"
        assert h["Content-Type"].startswith("model/obj")
        app.workspace.mount(later, to="later")  # after start
        s, body, _ = await get(http, base(app) + "/later/x.stl")
        assert (s, body) == (200, b"solid x")
        for path in ("/extra/.hidden", "/extra/%2e%2e/secret.txt", "/extra/%2Fetc%2Fpasswd"):
            s, body, _ = await get(http, base(app) + path)
            assert s == 404, path


@pytest.mark.parametrize("query", ["?hot", "?HOT=1", "?Hot=yes", "?x=1&hot="])
async def test_hot_query_disables_caching(site, tmp_path, query) -> None:
    build = tmp_path / "build"
    (build / "assets").mkdir(parents=True)
    (build / "index.html").write_text("<html/>")
    (build / "assets" / "a.js").write_text("1")
    app = make(site, tmp_path, client_root=build)
    async with running(app), aiohttp.ClientSession() as http:
        for path in ("/workspace/only.ply", "/assets/a.js", "/"):
            s, _, h = await get(http, base(app) + path + query)
            assert s == 200 and h.get("Cache-Control") == "no-cache", path
        s, _, h = await get(http, base(app) + "/workspace/only.ply?hot=FALSE")
        assert s == 200 and "Cache-Control" not in h


async def test_unsafe_paths_are_404_not_403(site, tmp_path) -> None:
    app = make(site, tmp_path)
    attacks = [
        "/workspace/%2e%2e/secret.txt",
        "/workspace/meshes/%2e%2e/%2e%2e/secret.txt",
        "/workspace/%2Fetc%2Fpasswd",
        "/workspace//etc/passwd",
        f"/workspace/{tmp_path}/secret.txt",
        "/workspace/..%5Csecret.txt",
        "/workspace/.env",
        "/workspace/.git/config",
        "/static/.env",
        "/static/%2e%2e/secret.txt",
    ]
    async with running(app), aiohttp.ClientSession() as http:
        for path in attacks:
            s, body, _ = await get(http, base(app) + path)
            assert s == 404, path
            assert b"do not serve" not in body and b"SECRET" not in body and b"secret" != body


def test_static_root_and_workspace_settings(tmp_path: Path) -> None:
    assert Vuer().static_root == "."
    assert Vuer().workspace.paths == (Path("."),)
    assert Vuer(workspace=tmp_path).workspace.paths == (tmp_path,)
    assert Vuer(static_root=tmp_path).workspace.paths == (tmp_path,)
    assert Vuer(static_root=[tmp_path, "b"]).static_roots == [tmp_path, Path("b")]
    ws = Workspace(tmp_path)
    assert Vuer(workspace=ws).workspace is ws
