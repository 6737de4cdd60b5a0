"""A page from another origin cannot read the server's files or open its socket (issue 7).

Two origins in one chromium: the vuer server on http://127.0.0.1:<port>, and an
attacker page on http://evil.test:<other port>, with evil.test mapped to
127.0.0.1 by chromium's host resolver (so nothing leaves the machine).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from aiohttp import web

from _chromium import VIEWPORT, sync_chromium

ATTACK = """async (base) => {
  const out = {};
  for (const name of ["public.txt", ".secret_token"]) {
    try {
      const r = await fetch(base + "/static/" + name);
      out[name] = "read:" + (await r.text());
    } catch (e) {
      out[name] = "blocked";
    }
  }
  out.script = await new Promise((resolve) => {
    const script = document.createElement("script");
    script.src = base + "/static/data.js";
    script.onload = () => resolve("ran:" + window.stolen);
    script.onerror = () => resolve("blocked");
    document.body.appendChild(script);
  });
  out.image = await new Promise((resolve) => {
    const image = new Image();
    image.onload = () => resolve("loaded:" + image.width);
    image.onerror = () => resolve("blocked");
    image.src = base + "/static/pixel.png";
  });
  out.socket = await new Promise((resolve) => {
    const ws = new WebSocket(base.replace("http", "ws") + "/");
    ws.binaryType = "arraybuffer";
    ws.onopen = () => { resolve("open"); ws.close(); };
    ws.onerror = () => resolve("refused");
    ws.onclose = () => resolve("refused");
    setTimeout(() => resolve("timeout"), 5000);
  });
  return out;
}"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_chromium(["--host-resolver-rules=MAP evil.test 127.0.0.1"]) as chromium:
        yield chromium


@pytest.fixture
def evil(loops: Any) -> Iterator[int]:
    """An attacker's site on another port; its page is blank, the test runs its script."""

    async def home(request: web.Request) -> web.Response:
        return web.Response(text="<p>cat pictures</p>")

    app = web.Application()
    app.router.add_get("/", home)
    runner = web.AppRunner(app)

    async def start() -> int:
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        return site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    port = loops.run(start())
    yield port
    loops.run(runner.cleanup())


@pytest.fixture
def site(tmp_path: Any) -> Any:
    (tmp_path / "public.txt").write_text("public data")
    (tmp_path / ".secret_token").write_text("s3cret")
    (tmp_path / "data.js").write_text("window.stolen = 'scene data';")
    from PIL import Image

    Image.new("RGB", (3, 2), "red").save(tmp_path / "pixel.png")
    return tmp_path


def attack(browser: Any, evil_port: int, vuer_port: int) -> dict[str, str]:
    context = browser.new_context(viewport=VIEWPORT)
    try:
        page = context.new_page()
        page.goto(f"http://evil.test:{evil_port}/")
        assert page.evaluate("location.origin") == f"http://evil.test:{evil_port}"
        return page.evaluate(ATTACK, f"http://127.0.0.1:{vuer_port}")
    finally:
        context.close()


def test_another_origin_cannot_read_files_or_open_the_socket(browser, live, evil, site):
    server = live(static_root=site)
    out = attack(browser, evil, server.port)
    assert out == {
        "public.txt": "blocked",
        ".secret_token": "blocked",
        "script": "blocked",
        "image": "blocked",
        "socket": "refused",
    }
    assert not server.app.sessions

    # The server's own page still reads its files and connects.
    context = browser.new_context(viewport=VIEWPORT)
    try:
        page = context.new_page()
        page.goto(server.url())
        page.wait_for_function(
            "document.body.dataset.vuerConnection === 'connected'", timeout=20_000
        )
        read = page.evaluate("fetch('/static/public.txt').then((r) => r.text())")
        assert read == "public data"
        hidden = page.evaluate("fetch('/static/.secret_token').then((r) => r.status)")
        assert hidden == 404
    finally:
        context.close()


def test_an_origin_listed_in_cors_can(browser, live, evil, site):
    # The control: the same script, with the attacker's origin allowed, reads and connects,
    # so the refusals above are the server's doing, not the browser's.
    server = live(static_root=site, cors=f"http://evil.test:{evil}")
    out = attack(browser, evil, server.port)
    assert out == {
        "public.txt": "read:public data",
        ".secret_token": "read:no such file: .secret_token",
        "script": "ran:scene data",
        "image": "loaded:3",
        "socket": "open",
    }
