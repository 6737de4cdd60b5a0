"""A default FisheyeCamera: clicks and main-view grabs see what the canvas shows."""

from __future__ import annotations

import io
import queue
from typing import Any

from PIL import Image

from vuer.schemas import Box, FisheyeCamera, Scene

# The box sits 2.5 m to the right of the lens' axis, 3 m ahead: about 40 degrees
# off the axis, so ~105 px right of the centre in the equidistant fisheye
# (90 degrees = 240 px, half the canvas height); far outside a 50 degree camera.
ON_BOX = (425, 240)
CORNER = (6, 6)


def fisheye_scene() -> Scene:
    box = Box(
        key="box",
        args=[1, 1, 1],
        position=[2.5, 0, 0],
        material={"color": "red"},
        materialType="basic",
    )
    lens = FisheyeCamera(key="fish", makeDefault=True, position=[0, 0, 3])
    return Scene(box, lens, camPosition=[0, 0, 3], background="white")


def is_red(pixel: Any) -> bool:
    return bool(pixel[0] > 150 and pixel[1] < 90 and pixel[2] < 90)


def is_black(pixel: Any) -> bool:
    return bool(max(pixel[:3]) < 30)


def test_fisheye_clicks_and_grabs_match_the_picture(live, page, look) -> None:
    server = live(fisheye_scene())
    clicks = server.record("ON_CLICK")
    page.goto(server.url())
    look.connected()
    shown = look.until(
        lambda im: is_red(im.getpixel(ON_BOX)) and is_black(im.getpixel(CORNER)), "the fisheye"
    )
    assert is_black(shown.getpixel(CORNER))  # outside the image circle
    session = server.session()

    answer = server.call(session.grab_render(format="png", ttl=10.0))
    frame = Image.open(io.BytesIO(answer.value["frame"])).convert("RGB")
    assert frame.size == (640, 480)
    assert is_red(frame.getpixel(ON_BOX)), frame.getpixel(ON_BOX)
    assert is_black(frame.getpixel(CORNER)), frame.getpixel(CORNER)
    camera = answer.value["camera"]
    assert camera["ctype"] == "FisheyeCamera"
    assert camera["model"] == "equidistant"
    assert camera["position"] == [0, 0, 3]

    page.mouse.click(*ON_BOX)
    try:
        click = clicks.get(timeout=15.0)
    except queue.Empty:
        raise AssertionError("a click on the box (as the fisheye shows it) sent nothing") from None
    assert click.value == {"key": "box"}
