"""Headsets under the WebXR emulator iwer: the XR events as the public client sends them."""

from __future__ import annotations

from typing import Any

from vuer.schemas import Hands, MotionControllers, Scene


def test_explore(live, page, xr) -> None:
    xr.emulate(page)
    server = live(Scene(bgChildren=[MotionControllers(left=True, right=True, stream=True), Hands(stream=True)]))
    ctrl = server.record("CONTROLLER_MOVE")
    hands = server.record("HAND_MOVE")
    page.goto(server.url())
    server.session()
    xr.enter(page)
    ev = xr.next_event(ctrl)
    print(ev.value)
    print(xr.device(page, "return [d.position.x, d.position.y, d.position.z, d.controllers.left.position.x, d.controllers.left.position.y, d.controllers.left.position.z]"))
    xr.device(page, "d.primaryInputMode = 'hand';")
    ev = xr.next_event(hands)
    print({k: (v if 'State' in k else len(v)) for k, v in ev.value.items()})
