"""The WebXR emulator ``iwer`` (an npm dev dependency of the client) in a test page.

The ``xr`` fixture: ``xr.emulate(page)`` injects iwer's browser build before the page's scripts run and
installs an emulated Meta Quest 3 as ``window.__xrDevice`` (``forceInstall``:
chromium has its own ``navigator.xr``). ``enter(page, mode)`` presses the
client's own "Enter VR"/"Enter AR" button and waits for the session.
"""

from __future__ import annotations

import queue
import time
from pathlib import Path
from typing import Any

import pytest

IWER = (
    Path(__file__).resolve().parents[3]
    / "client"
    / "node_modules"
    / "iwer"
    / "build"
    / "iwer.min.js"
)

INSTALL = """
window.__xrDevice = new IWER.XRDevice(IWER.metaQuest3);
window.__xrDevice.installRuntime({ forceInstall: true });
"""


def emulate(page: Any) -> None:
    if not IWER.is_file():
        pytest.fail(f"{IWER} is missing: run npm ci in client/")
    page.add_init_script(path=str(IWER))
    page.add_init_script(script=INSTALL)


def enter(page: Any, mode: str = "immersive-vr") -> None:
    page.wait_for_function("window.__vuer && window.__vuer.three() != null")
    page.locator(f".vuer-xr-button[data-mode={mode}]").click()
    page.wait_for_function("window.__vuer.three()?.gl.xr.getSession() != null")


def device(page: Any, script: str) -> Any:
    """Run ``script`` with ``d`` bound to the emulated device; returns its value."""
    return page.evaluate(f"() => {{ const d = window.__xrDevice; {script} }}")


def next_event(
    events: queue.Queue[Any], check: Any = None, timeout: float = 15.0, limit: int = 2000
) -> Any:
    """The next event (at most ``limit`` looked at, within ``timeout`` s) for which ``check`` holds."""
    deadline = time.monotonic() + timeout
    last = None
    for _ in range(limit):
        left = deadline - time.monotonic()
        if left <= 0:
            break
        try:
            last = events.get(timeout=left)
        except queue.Empty:
            break
        if check is None or check(last):
            return last
    raise AssertionError(f"no matching event within {timeout} s (last: {last!r:.400})")


def drain(events: queue.Queue[Any]) -> list[Any]:
    out = []
    while True:
        try:
            out.append(events.get_nowait())
        except queue.Empty:
            return out


class XR:
    """The helpers above, as one fixture."""

    emulate = staticmethod(emulate)
    enter = staticmethod(enter)
    device = staticmethod(device)
    next_event = staticmethod(next_event)
    drain = staticmethod(drain)


@pytest.fixture
def xr() -> XR:
    return XR()
