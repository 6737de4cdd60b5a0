"""Fixtures for the browser tests: vuer servers in a background loop, Debian's chromium.

- ``live``: a factory that starts a ``Vuer`` on 127.0.0.1 (a free port unless one
  is given) in a background event loop; the spawned session sets the given
  scene and is handed to the test (``server.session()``).
- ``browser``: one chromium per test module, driven by playwright's sync API,
  with SwiftShader WebGL (closed before other folders' async tests run).
- ``page``: a fresh 640x480 page per test. It aborts and records every request
  that leaves 127.0.0.1 (the client must work offline) and collects console
  errors and uncaught page errors; the test fails on either unless it is marked
  ``allow_console_errors``.

Chromium itself comes from tests/_chromium.py, shared with tests/client_components:
skipped with a reason outside CI when chromium or the bundle is absent, an error
with CI=true.
"""

from __future__ import annotations

import asyncio
import io
import queue
import tempfile
import threading
import time
from collections.abc import Callable, Coroutine, Iterator
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlencode, urlsplit

import numpy as np
import pytest

from _chromium import VIEWPORT, missing, sync_chromium
from vuer import testing

T = TypeVar("T")
FAILED_SHOTS = Path(tempfile.gettempdir()) / "vuer-browser-tests"
FAILED_SHOTS.mkdir(exist_ok=True)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "allow_console_errors: the page may log console errors in this test"
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    here = Path(__file__).resolve().parent
    browser_items = [i for i in items if here in Path(str(i.path)).resolve().parents]
    for item in browser_items:
        item.add_marker(pytest.mark.browser)
    reason = missing()
    if reason is None or testing.in_ci():
        return
    skip = pytest.mark.skip(reason=reason)
    for item in browser_items:
        item.add_marker(skip)


class LoopThread:
    """An asyncio loop in a daemon thread; servers and their sessions live there."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(
            target=self.loop.run_forever, name="vuer-tests", daemon=True
        )
        self._thread.start()

    def run(self, coro: Coroutine[Any, Any, T], timeout: float = 15.0) -> T:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(timeout=5)
        if not self._thread.is_alive():
            self.loop.close()


class LiveServer:
    """A running ``Vuer`` plus what the tests need from it."""

    def __init__(self, loops: LoopThread, app: Any) -> None:
        self.loops = loops
        self.app = app
        self._sessions: queue.Queue[Any] = queue.Queue()
        self._events: dict[str, queue.Queue[Any]] = {}
        self.running = False

    @property
    def port(self) -> int:
        return int(self.app.port)

    def url(self, **query: str | None) -> str:
        """The page's URL; a query value of None leaves that parameter out."""
        query.setdefault("collapseMenu", "true")  # keep the panel off the pixels we check
        # The pixel geometry of the tests assumes a 50 degree built-in camera; the
        # client's default is the public client's 75 (fov=None keeps it).
        query.setdefault("fov", "50")
        given = {k: v for k, v in query.items() if v is not None}
        return f"http://127.0.0.1:{self.port}/?{urlencode(given, safe=':/')}"

    def session(self, timeout: float = 20.0) -> Any:
        """The next session that connected (blocks up to ``timeout``)."""
        try:
            return self._sessions.get(timeout=timeout)
        except queue.Empty:
            raise AssertionError(f"no client connected within {timeout} s") from None

    def record(self, etype: str) -> queue.Queue[Any]:
        """Collect client events of ``etype`` through a Python handler (``app.add_handler``)."""
        events: queue.Queue[Any] = queue.Queue()

        async def handler(event: Any, session: Any) -> None:
            events.put(event)

        self._events[etype] = events
        self.app.add_handler(etype, handler)
        return events

    def call(self, coro: Coroutine[Any, Any, T], timeout: float = 15.0) -> T:
        """Run ``coro`` in the server's loop and return its result."""
        return self.loops.run(coro, timeout)

    def start(self) -> LiveServer:
        self.loops.run(self.app.astart())
        self.running = True
        return self

    def stop(self) -> None:
        if self.running:
            self.running = False
            self.loops.run(self.app.astop())


@pytest.fixture(scope="session")
def loops() -> Iterator[LoopThread]:
    loop_thread = LoopThread()
    yield loop_thread
    loop_thread.close()


@pytest.fixture
def live(loops: LoopThread, tmp_path: Path) -> Iterator[Callable[..., LiveServer]]:
    """``live(scene, port=0, start=True, **settings)`` → a served ``LiveServer``."""
    from vuer import Vuer

    started: list[LiveServer] = []

    def make(scene: Any = None, port: int = 0, start: bool = True, **settings: Any) -> LiveServer:
        settings.setdefault("static_root", tmp_path)
        app = Vuer(host="127.0.0.1", port=port, **settings)
        server = LiveServer(loops, app)

        @app.spawn
        async def main(session: Any) -> None:
            if scene is not None:
                session.set @ scene
            server._sessions.put(session)
            await session.forever()

        if start:
            server.start()
        started.append(server)
        return server

    yield make
    for server in reversed(started):
        server.stop()


# Module scope, not session: while playwright's sync API is open its loop counts as
# running in this thread, so async tests elsewhere (pytest-asyncio) cannot run.
@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_chromium() as chromium:
        yield chromium


class PageProbe:
    """What the page did that a test may fail on."""

    def __init__(self) -> None:
        self.foreign_requests: list[str] = []
        self.console_errors: list[str] = []
        self.page_errors: list[str] = []


@pytest.fixture
def probe() -> PageProbe:
    return PageProbe()


@pytest.fixture
def page(browser: Any, probe: PageProbe, request: pytest.FixtureRequest) -> Iterator[Any]:
    context = browser.new_context(viewport=VIEWPORT, device_scale_factor=1)

    def guard(route: Any) -> None:
        url = route.request.url
        host = urlsplit(url).hostname
        if url.startswith(("data:", "blob:")) or host == "127.0.0.1":
            route.continue_()
        else:
            probe.foreign_requests.append(url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    page.set_default_timeout(15_000)

    def on_socket(ws: Any) -> None:
        if urlsplit(ws.url).hostname != "127.0.0.1":
            probe.foreign_requests.append(ws.url)

    page.on("websocket", on_socket)
    page.on(
        "console",
        lambda msg: probe.console_errors.append(msg.text) if msg.type == "error" else None,
    )
    page.on("pageerror", lambda err: probe.page_errors.append(str(err)))
    yield page
    context.close()
    assert probe.foreign_requests == [], "the page reached beyond 127.0.0.1"
    assert probe.page_errors == [], "uncaught errors in the page"
    if request.node.get_closest_marker("allow_console_errors") is None:
        assert probe.console_errors == [], "console errors in the page"


# ---- looking at the page -----------------------------------------------------------------

Box = tuple[int, int, int, int]  # left, top, right, bottom


class Look:
    """Screenshots of the page and bounded waits on them."""

    def __init__(self, page: Any) -> None:
        self.page = page

    def shot(self) -> Any:
        """The page as an RGB PIL image."""
        from PIL import Image

        return Image.open(io.BytesIO(self.page.screenshot())).convert("RGB")

    def share(self, image: Any, box: Box, colour: str) -> float:
        return share(image, box, colour)

    def connected(self, timeout: float = 20.0) -> None:
        self.page.wait_for_function(
            "document.body.dataset.vuerConnection === 'connected'", timeout=timeout * 1000
        )

    def until(
        self, check: Callable[[Any], bool], what: str, timeout: float = 20.0, tries: int = 200
    ) -> Any:
        """Screenshot until ``check(image)`` holds; at most ``tries`` shots within ``timeout``."""
        deadline = time.monotonic() + timeout
        image = None
        for _ in range(tries):
            image = self.shot()
            if check(image):
                return image
            if time.monotonic() > deadline:
                break
            self.page.wait_for_timeout(100)
        if image is not None:
            image.save(FAILED_SHOTS / f"{what.replace(' ', '_')}.png")
        raise AssertionError(f"never saw {what} (last screenshot in {FAILED_SHOTS})")


def dominant(channel: int) -> Callable[[np.ndarray], np.ndarray]:
    """Pixels whose ``channel`` is bright and clearly above the other two (tone mapping
    and lighting shift pure colours, e.g. lit green points show as (147, 228, 89))."""

    def accepts(pixels: np.ndarray) -> np.ndarray:
        main = pixels[:, channel]
        others = np.delete(pixels, channel, axis=1)
        return (main > 110) & np.all(main[:, None] > others + 60, axis=1)

    return accepts


COLOURS: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "red": dominant(0),
    "green": dominant(1),
    "blue": dominant(2),
}


def share(image: Any, box: Box, colour: str) -> float:
    """The fraction of pixels in ``box`` of ``colour`` ("red", "blue", "green")."""
    pixels = np.asarray(image.convert("RGB").crop(box), dtype=np.int32).reshape(-1, 3)
    if len(pixels) == 0:
        return 0.0
    return float(COLOURS[colour](pixels).mean())


@pytest.fixture
def look(page: Any) -> Look:
    return Look(page)
