"""The one chromium harness of the browser tests (tests/browser and tests/client_components).

Debian's chromium through playwright with SwiftShader WebGL, at one viewport.
Outside CI a missing chromium or client bundle skips with a reason; with
``CI=true`` it is an error. ``sync_chromium`` serves playwright's sync API
(tests/browser), ``async_chromium`` its async one (tests/client_components).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator, Sequence
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import Any

import pytest

import vuer
from vuer import testing

CHROMIUM = Path(testing.CHROMIUM)
CHROMIUM_ARGS = tuple(testing.CHROMIUM_ARGS)
VIEWPORT = {"width": 640, "height": 480}
BUNDLE = Path(vuer.__file__).parent / "client_build" / "index.html"
#: URLs a page may load: the loopback server and in-page data (the client works offline).
LOCAL = ("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:")


def missing() -> str | None:
    """Why the browser tests cannot run here (chromium or the client bundle absent), or None."""
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is not installed (run scripts/test.sh)"
    if not BUNDLE.is_file():
        return f"the client bundle {BUNDLE} is missing (pip install -e . or npm run build)"
    return None


def require() -> None:
    """Fail under CI, skip elsewhere, when the browser tests cannot run."""
    reason = missing()
    if reason is None:
        return
    if testing.in_ci():
        pytest.fail(f"{reason} (CI=true)")
    pytest.skip(reason)


def _args(extra: Sequence[str]) -> list[str]:
    return [*CHROMIUM_ARGS, *extra]


@contextmanager
def sync_chromium(extra_args: Sequence[str] = ()) -> Iterator[Any]:
    """A launched chromium for playwright's sync API."""
    require()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=_args(extra_args))
        try:
            yield browser
        finally:
            browser.close()


@asynccontextmanager
async def async_chromium(extra_args: Sequence[str] = ()) -> AsyncIterator[Any]:
    """A launched chromium for playwright's async API."""
    require()
    from playwright.async_api import async_playwright

    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=str(CHROMIUM), args=_args(extra_args))
        try:
            yield browser
        finally:
            await browser.close()
