"""Round trips between the page and Python: renders, camera stream, keys, reconnects."""

from __future__ import annotations

import io
import queue
import socket
from typing import Any

import pytest
from PIL import Image

from vuer.schemas import Box, CameraView, KeyboardMonitor, OrbitControls, Scene, Sphere

LEFT = (136, 210, 196, 270)
RIGHT = (444, 210, 504, 270)


def red_box() -> Box:
    return Box(
        key="box",
        args=[1, 1, 1],
        position=[-1.5, 0, 0],
        material={"color": "red"},
        materialType="basic",
    )


def blue_sphere() -> Sphere:
    return Sphere(
        key="ball",
        args=[0.6, 32, 16],
        position=[1.5, 0, 0],
        material={"color": "blue"},
        materialType="basic",
    )


def scene(*children: Any, **props: Any) -> Scene:
    return Scene(*children, camPosition=[0, 0, 5], background="black", **props)


def next_event(events: queue.Queue[Any], timeout: float = 15.0) -> Any:
    try:
        return events.get(timeout=timeout)
    except queue.Empty:
        raise AssertionError(f"no event reached the Python handler within {timeout} s") from None


def decode(frame: Any) -> Image.Image:
    assert isinstance(frame, bytes | bytearray), type(frame)
    image = Image.open(io.BytesIO(frame))
    image.load()
    return image


def test_grab_render_from_a_camera_view(live, page, look) -> None:
    ego = CameraView(
        key="ego",
        width=320,
        height=240,
        fov=50,
        position=[0, 0, 5],
        showFrustum=False,
        renderDepth=True,
    )
    server = live(scene(red_box(), blue_sphere(), ego))
    page.goto(server.url())
    look.connected()
    look.until(lambda im: look.share(im, LEFT, "red") > 0.9, "the scene")
    session = server.session()

    answer = server.call(session.grab_render(key="ego", quality=0.9, ttl=10.0))
    frame = decode(answer.value["frame"])
    assert frame.format == "JPEG"
    assert frame.size == (320, 240)
    assert (answer.value["width"], answer.value["height"]) == (320, 240)
    # the view looks from where the main camera does: the box on its left half
    left = look.share(frame.convert("RGB"), (50, 100, 110, 140), "red")
    assert left > 0.8, left
    depth = decode(answer.value["depthFrame"])
    assert depth.size == (320, 240)


def test_grab_render_of_the_main_view(live, page, look) -> None:
    server = live(scene(red_box(), blue_sphere()))
    page.goto(server.url())
    look.connected()
    look.until(lambda im: look.share(im, LEFT, "red") > 0.9, "the scene")
    session = server.session()

    answer = server.call(session.grab_render(ttl=10.0))
    frame = decode(answer.value["frame"]).convert("RGB")
    assert frame.size == (640, 480)
    assert look.share(frame, LEFT, "red") > 0.9
    assert look.share(frame, RIGHT, "blue") > 0.9

    half = server.call(session.grab_render(format="png", subsample=2, ttl=10.0))
    png = decode(half.value["frame"])
    assert png.format == "PNG"
    assert png.size == (320, 240)


def test_orbiting_streams_camera_moves(live, page, look) -> None:
    orbit = OrbitControls(key="orbit", makeDefault=True, stream=True)
    server = live(scene(red_box(), bgChildren=[orbit]))
    moves = server.record("CAMERA_MOVE")
    page.goto(server.url())
    look.connected()
    before = look.until(lambda im: look.share(im, LEFT, "red") > 0.9, "the scene")
    whole = (0, 0, 640, 480)
    red_before = look.share(before, whole, "red")
    while not moves.empty():  # only moves caused by the drag below count
        moves.get_nowait()

    page.mouse.move(320, 300)
    page.mouse.down()
    page.mouse.move(420, 300, steps=10)
    page.mouse.up()

    # Every event carries the full camera; a late one from before the drag may
    # still show the start pose, so look at what arrives for the drag (bounded).
    events = [next_event(moves)]
    while abs(events[-1].value["camera"]["matrix"][12]) <= 0.1 and len(events) < 30:
        events.append(next_event(moves))
    for event in events:
        assert event.etype == "CAMERA_MOVE"
        assert event.key == "defaultCamera"
        matrix = event.value["camera"]["matrix"]
        assert len(matrix) == 16 and all(isinstance(v, float | int) for v in matrix)
    camera = events[-1].value["camera"]
    matrix = camera["matrix"]
    # the camera orbited away from [0, 0, 5]: translation is the matrix's last column
    assert abs(matrix[12]) > 0.1, matrix
    assert matrix[12:15] == pytest.approx(camera["position"], abs=1e-4)
    assert (matrix[12] ** 2 + matrix[13] ** 2 + matrix[14] ** 2) ** 0.5 == pytest.approx(
        5, abs=0.05
    )
    # the page's own view orbited too: the box now shows another side, nearer
    look.until(lambda im: abs(look.share(im, whole, "red") - red_before) > 0.01, "the view orbit")


def test_key_press_reaches_a_keydown_handler(live, page, look) -> None:
    monitor = KeyboardMonitor(key="keys", enableKeyDown=True, enableKeyUp=True)
    server = live(scene(red_box(), bgChildren=[monitor]))
    keys = server.record("KeyDown")
    ups = server.record("KeyUp")
    page.goto(server.url())
    look.connected()
    look.until(lambda im: look.share(im, LEFT, "red") > 0.9, "the scene")

    page.keyboard.press("KeyQ")
    event = next_event(keys)
    assert event.etype == "KeyDown"
    assert event.key == "keys"
    assert event.value["key"] == "q"
    assert event.value["code"] == "KeyQ"
    assert event.value["shiftKey"] is False
    up = next_event(ups)
    assert (up.key, up.value["code"]) == ("keys", "KeyQ")


def unused_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.allow_console_errors  # the refused socket attempts are logged by chromium
def test_page_opened_before_the_server_connects_once_it_starts(live, page, look) -> None:
    page_server = live(scene(blue_sphere()))  # only serves the page
    port = unused_port()
    page.goto(page_server.url(ws=f"ws://127.0.0.1:{port}"))
    page.wait_for_timeout(1500)  # let it fail at least once
    state = page.evaluate("document.body.dataset.vuerConnection")
    assert state in ("connecting", "reconnecting"), state

    live(scene(red_box()), port=port)
    look.connected(timeout=30)
    image = look.until(lambda im: look.share(im, LEFT, "red") > 0.9, "the scene of the late server")
    assert look.share(image, RIGHT, "blue") == 0  # the page's own server never sent a scene


@pytest.mark.allow_console_errors  # refused reconnect attempts while the server is down
def test_page_reconnects_when_the_server_restarts(live, page, look) -> None:
    first = live(scene(red_box()))
    page.goto(first.url())
    look.connected()
    look.until(lambda im: look.share(im, LEFT, "red") > 0.9, "the first server's scene")
    badge = page.locator("#vuer-connection")
    assert badge.get_attribute("data-state") == "connected"

    first.stop()
    page.wait_for_function("document.body.dataset.vuerConnection !== 'connected'")
    assert badge.get_attribute("data-state") != "connected"

    live(scene(blue_sphere()), port=first.port)
    look.connected(timeout=30)
    image = look.until(
        lambda im: look.share(im, RIGHT, "blue") > 0.9, "the restarted server's scene"
    )
    assert look.share(image, LEFT, "red") == 0  # the new session's SET replaced the old scene
    assert badge.get_attribute("data-state") == "connected"


def test_panel_hides_a_node_and_folds(live, page, look) -> None:
    server = live(scene(red_box(), blue_sphere()))
    page.goto(server.url(collapseMenu="false"))
    look.connected()
    look.until(lambda im: look.share(im, LEFT, "red") > 0.9, "the box")
    panel = page.locator("#vuer-panel")
    assert panel.get_attribute("data-collapsed") == "false"

    page.locator('li[data-key="box"] input.vuer-tree-visible').first.uncheck()
    look.until(lambda im: look.share(im, LEFT, "red") == 0, "the box hidden from the panel")
    page.locator('li[data-key="box"] input.vuer-tree-visible').first.check()
    look.until(lambda im: look.share(im, LEFT, "red") > 0.9, "the box shown again")

    page.locator("#vuer-panel-toggle").click()
    assert panel.get_attribute("data-collapsed") == "true"
    assert (
        page.locator("#vuer-scene-tree").count() == 0
        or not page.locator("#vuer-scene-tree").is_visible()
    )
