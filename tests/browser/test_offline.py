"""The client works with no internet: every request stays on 127.0.0.1.

The ``page`` fixture aborts and records anything else; here a scene that uses
fonts, text, images and the default furniture is drawn, and the page's whole
request log is checked too.
"""

from __future__ import annotations

import queue
from typing import Any
from urllib.parse import urlsplit

import numpy as np

from vuer.schemas import Box, DefaultScene, ImageBackground, Text


def test_a_full_scene_loads_nothing_from_outside(live, page, look, probe) -> None:
    hosts: list[str] = []
    page.on("request", lambda r: hosts.append(urlsplit(r.url).hostname or urlsplit(r.url).scheme))
    gradient = np.linspace(0, 255, 64 * 64 * 3).astype(np.uint8).reshape(64, 64, 3)
    scene = DefaultScene(
        Box(key="box", args=[1, 1, 1], material={"color": "red"}),
        Text("hello offline", key="label", position=[0, 1.5, 0], fontSize=0.3, color="red"),
        bgChildren=[ImageBackground(gradient, key="bg", position=[0, 0, -3])],
    )
    server = live(scene)
    page.goto(server.url())
    look.connected()
    look.until(lambda im: look.share(im, (0, 0, 640, 480), "red") > 0.005, "the red box and text")
    page.wait_for_function("document.fonts.status === 'loaded'", timeout=15_000)
    assert probe.foreign_requests == []
    assert hosts and set(hosts) <= {"127.0.0.1", "data", "blob"}, hosts


def test_click_on_a_mesh_sends_its_key(live, page, look) -> None:
    from vuer.schemas import Scene

    box = Box(
        key="box",
        args=[1, 1, 1],
        position=[-1.5, 0, 0],
        material={"color": "red"},
        materialType="basic",
    )
    server = live(Scene(box, camPosition=[0, 0, 5], background="black"))
    clicks: queue.Queue[Any] = server.record("ON_CLICK")
    page.goto(server.url())
    look.connected()
    look.until(lambda im: look.share(im, (136, 210, 196, 270), "red") > 0.9, "the box")

    page.mouse.click(166, 240)
    try:
        event = clicks.get(timeout=15)
    except queue.Empty:
        raise AssertionError("no ON_CLICK reached Python") from None
    assert event.value["key"] == "box"
