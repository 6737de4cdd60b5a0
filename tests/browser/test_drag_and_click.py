"""Pointer interaction: Movable and Pivot send OBJECT_MOVE while dragged (OBJECT_MOVE_END on
release); a Clickable reports clicks on its children as its own."""

from __future__ import annotations

import queue
from typing import Any

import pytest

from vuer.schemas import Box, Clickable, Movable, Pivot, Scene

# camera 5 m away, 50 degree vertical fov, 480 px tall: ~0.0097 m per pixel at the origin
METRES_PER_PX = 2 * 5 * 0.46631 / 480


def red_box() -> Box:
    return Box(key="box", args=[0.3, 0.3, 0.3], material={"color": "red"}, materialType="basic")


def drag(page: Any, start: tuple[int, int], end: tuple[int, int]) -> None:
    page.mouse.move(*start)
    page.mouse.down()
    page.mouse.move(*end, steps=8)
    page.mouse.up()


def events_until_end(events: queue.Queue[Any], limit: int = 100) -> list[Any]:
    """Events up to and including OBJECT_MOVE_END (bounded in count and time)."""
    seen: list[Any] = []
    for _ in range(limit):
        try:
            event = events.get(timeout=15.0)
        except queue.Empty:
            raise AssertionError(f"no OBJECT_MOVE_END; got {[e.etype for e in seen]}") from None
        seen.append(event)
        if event.etype == "OBJECT_MOVE_END":
            return seen
    raise AssertionError(f"more than {limit} events without OBJECT_MOVE_END")


def record_moves(server: Any) -> queue.Queue[Any]:
    events: queue.Queue[Any] = queue.Queue()

    async def handler(event: Any, session: Any) -> None:
        events.put(event)

    server.app.add_handler("OBJECT_MOVE", handler)
    server.app.add_handler("OBJECT_MOVE_END", handler)
    return events


def test_dragging_a_movable_moves_it_and_its_children(live, page, look) -> None:
    handle = Movable(red_box(), key="mover", handle=0.5, showFrame=False)
    server = live(Scene(handle, camPosition=[0, 0, 5], background="black"))
    events = record_moves(server)
    page.goto(server.url())
    look.connected()
    look.until(lambda im: look.share(im, (310, 230, 330, 250), "red") > 0.5, "the box")

    drag(page, (320, 240), (420, 240))
    seen = events_until_end(events)
    moves = [e for e in seen if e.etype == "OBJECT_MOVE"]
    assert moves and all(e.key == "mover" for e in seen)
    x, y, z = moves[-1].value["position"]
    assert x == pytest.approx(100 * METRES_PER_PX, rel=0.2), moves[-1].value
    assert abs(y) < 0.05 and abs(z) < 0.05
    assert len(moves[-1].value["matrixWorld"]) == 16
    assert seen[-1].value["position"] == moves[-1].value["position"]
    # the child box went along
    look.until(lambda im: look.share(im, (410, 230, 430, 250), "red") > 0.5, "the moved box")


def test_dragging_a_pivot_arrow_translates_along_its_axis(live, page, look) -> None:
    gizmo = Pivot(red_box(), key="pivot", scale=1.0, disableRotations=True)
    server = live(Scene(gizmo, camPosition=[0, 0, 5], background="black"))
    events = record_moves(server)
    page.goto(server.url())
    look.connected()
    look.until(lambda im: look.share(im, (310, 230, 330, 250), "red") > 0.5, "the box")

    # the x arrow runs from the centre to ~103 px right; grab it near its tip
    drag(page, (405, 240), (455, 240))
    seen = events_until_end(events)
    moves = [e for e in seen if e.etype == "OBJECT_MOVE"]
    assert moves and all(e.key == "pivot" for e in seen)
    x, y, z = moves[-1].value["position"]
    assert x > 0.2 and abs(y) < 0.05 and abs(z) < 0.05, moves[-1].value


def test_a_clickable_reports_clicks_on_its_children_with_its_key(live, page, look) -> None:
    wrapper = Clickable(red_box(), key="button", onClick="PRESSED")
    server = live(Scene(wrapper, camPosition=[0, 0, 5], background="black"))
    pressed = server.record("PRESSED")
    clicks = server.record("ON_CLICK")
    page.goto(server.url())
    look.connected()
    look.until(lambda im: look.share(im, (310, 230, 330, 250), "red") > 0.5, "the box")
    page.mouse.click(320, 240)
    try:
        event = pressed.get(timeout=15.0)
    except queue.Empty:
        raise AssertionError("the click on the child sent no PRESSED") from None
    assert event.key == "button"
    assert event.value == {"key": "button"}
    assert clicks.empty()  # the child's own ON_CLICK is not sent as well
