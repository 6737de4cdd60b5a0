"""Fixtures for the client components' browser tests.

A real ``Vuer`` on a free loopback port serves the built client; chromium from
tests/_chromium.py (shared with tests/browser) opens it.
Pixels are read from screenshots at points the page itself projects, so the
tests do not depend on the default camera pose.
"""

from __future__ import annotations

import asyncio
import io
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio

from _chromium import LOCAL, VIEWPORT, async_chromium, missing
from vuer import Vuer, VuerSession, testing
from vuer.testing import running

pytest.importorskip("playwright.async_api")
# Outside CI a missing browser or bundle skips; under CI=true the fixtures fail instead.
if not testing.in_ci() and missing() is not None:
    pytest.skip(str(missing()), allow_module_level=True)


@dataclass
class Opened:
    """A page showing a scene, with what it logged and requested."""

    page: Any
    app: Vuer
    session: VuerSession
    console: list[tuple[str, str]] = field(default_factory=list)
    external: list[str] = field(default_factory=list)
    events: list[Any] = field(default_factory=list)
    # Set whenever a console line or a client event arrives.
    changed: asyncio.Event = field(default_factory=asyncio.Event)

    async def until(self, predicate: Callable[[], bool], timeout: float = 10.0) -> None:
        """Wait (bounded) until `predicate()` holds, re-checking on each event or log line."""

        async def watch() -> None:
            while not predicate():
                self.changed.clear()
                if predicate():
                    return
                await self.changed.wait()

        await asyncio.wait_for(watch(), timeout)

    def errors(self) -> list[str]:
        return [text for kind, text in self.console if kind == "error"]

    async def wait_for_object(self, key: str, kind: str = "", timeout: float = 15_000) -> None:
        """Wait until the scene holds an object of `key`'s node (of three.js type `kind`)."""
        await self.page.wait_for_function(
            """([key, kind]) => {
                const t = window.__vuer && window.__vuer.three && window.__vuer.three();
                if (!t) return false;
                const owner = (o) => { for (; o; o = o.parent) if (o.userData.vuerKey) return o.userData.vuerKey; };
                let found = false;
                t.scene.traverse((o) => {
                  if (owner(o) === key && (!kind || o.type === kind || o['is' + kind])) found = true;
                });
                return found;
            }""",
            arg=[key, kind],
            timeout=timeout,
        )

    async def frames(self, n: int = 3) -> None:
        """Let the page draw `n` more frames."""
        await self.page.evaluate(
            """(n) => new Promise((done) => {
                const step = (left) => left ? requestAnimationFrame(() => step(left - 1)) : done();
                step(n);
            })""",
            n,
        )

    async def screen_point(self, xyz: list[float]) -> tuple[int, int]:
        """Where a world point lands in the viewport, per the page's camera."""
        x, y = await self.page.evaluate(
            """(p) => {
                const { camera, size } = window.__vuer.three();
                const v = camera.position.clone().set(p[0], p[1], p[2]).project(camera);
                return [(v.x + 1) / 2 * size.width, (1 - v.y) / 2 * size.height];
            }""",
            xyz,
        )
        return round(x), round(y)

    async def pixels(self) -> Any:
        from PIL import Image

        png = await self.page.screenshot()
        return Image.open(io.BytesIO(png)).convert("RGB")

    async def color_at(self, xyz: list[float]) -> tuple[int, int, int]:
        await self.frames()
        image = await self.pixels()
        x, y = await self.screen_point(xyz)
        return image.getpixel((x, y))


Scene = Callable[[VuerSession], Awaitable[None] | None]


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def browser() -> AsyncIterator[Any]:
    """One chromium per test module (each test gets its own page)."""
    async with async_chromium() as launched:
        yield launched


@pytest_asyncio.fixture(loop_scope="module")
async def open_scene(
    browser: Any, tmp_path: Path
) -> AsyncIterator[Callable[..., Awaitable[Opened]]]:
    """``await open_scene(fn)``: serve a scene that ``fn(session)`` sets, open it in chromium."""
    contexts: list[Any] = []
    pages: list[Any] = []

    async def open_(setup: Scene, handlers: tuple[str, ...] = (), query: str = "") -> Opened:
        app = Vuer(host="127.0.0.1", port=0, static_root=tmp_path, queries={"collapseMenu": "true"})
        ready: asyncio.Future[VuerSession] = asyncio.get_running_loop().create_future()

        @app.spawn
        async def main(session: VuerSession) -> None:
            result = setup(session)
            if asyncio.iscoroutine(result):
                await result
            if not ready.done():
                ready.set_result(session)
            await session.forever()

        ctx = running(app)
        await ctx.__aenter__()
        contexts.append(ctx)
        page = await browser.new_page(viewport=VIEWPORT)
        pages.append(page)
        opened = Opened(page=page, app=app, session=None)  # type: ignore[arg-type]
        for etype in handlers:

            async def record(event: Any, _session: Any) -> None:
                opened.events.append(event)
                opened.changed.set()

            app.add_handler(etype, record)

        def on_console(message: Any) -> None:
            opened.console.append((message.type, message.text))
            opened.changed.set()

        page.on("console", on_console)
        page.on(
            "request", lambda r: None if r.url.startswith(LOCAL) else opened.external.append(r.url)
        )
        url = app.get_url("127.0.0.1")
        await page.goto(f"{url}{'&' if '?' in url else '?'}{query}" if query else url)
        opened.session = await asyncio.wait_for(ready, 15)
        return opened

    yield open_
    for page in pages:
        await page.close()
    for ctx in reversed(contexts):
        await ctx.__aexit__(None, None, None)


def near(color: tuple[int, int, int], target: tuple[int, int, int], tolerance: int = 60) -> bool:
    return all(abs(c - t) <= tolerance for c, t in zip(color, target, strict=True))


def dominant(color: tuple[int, int, int], channel: int, margin: int = 60) -> bool:
    """True when one channel (0 r, 1 g, 2 b) beats both others by `margin`."""
    others = [c for i, c in enumerate(color) if i != channel]
    return all(color[channel] - c >= margin for c in others)
