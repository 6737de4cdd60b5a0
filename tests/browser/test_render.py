"""The page draws what Python sets: checked on the rendered pixels.

The camera sits at [0, 0, 5] looking at the origin (fov 50, 640x480), so
x = -1.5 lands near pixel column 166 and x = +1.5 near column 474.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from vuer.schemas import Box, PointCloud, Scene, Sphere

LEFT = (136, 210, 196, 270)  # around the box at x = -1.5
RIGHT = (444, 210, 504, 270)  # around the sphere at x = +1.5
CENTRE = (290, 210, 350, 270)


def basic(colour: str) -> dict[str, Any]:
    return {"color": colour}


def red_box(**props: Any) -> Box:
    props.setdefault("position", [-1.5, 0, 0])
    return Box(key="box", args=[1, 1, 1], material=basic("red"), materialType="basic", **props)


def blue_sphere() -> Sphere:
    return Sphere(
        key="ball",
        args=[0.6, 32, 16],
        position=[1.5, 0, 0],
        material=basic("blue"),
        materialType="basic",
    )


def scene(*children: Any) -> Scene:
    return Scene(*children, camPosition=[0, 0, 5], background="black")


def test_red_box_left_blue_sphere_right(live, page, look) -> None:
    server = live(scene(red_box(), blue_sphere()))
    page.goto(server.url())
    look.connected()

    def drawn(image: Any) -> bool:
        return look.share(image, LEFT, "red") > 0.9 and look.share(image, RIGHT, "blue") > 0.9

    image = look.until(drawn, "red box left and blue sphere right")
    assert look.share(image, LEFT, "blue") == 0
    assert look.share(image, RIGHT, "red") == 0
    assert look.share(image, CENTRE, "red") == 0 and look.share(image, CENTRE, "blue") == 0


def test_point_cloud_fills_its_square(live, page, look) -> None:
    rng = np.random.default_rng(0)
    xy = rng.uniform(-1.0, 1.0, size=(40_000, 2))
    vertices = np.column_stack([xy, np.zeros(len(xy))]).astype(np.float32)
    colors = np.tile(np.array([[0, 255, 0]], dtype=np.uint8), (len(xy), 1))
    cloud = PointCloud(key="cloud", vertices=vertices, colors=colors, size=0.05)
    server = live(scene(cloud))
    page.goto(server.url())
    look.connected()

    # the square spans x, y in [-1, 1]: about pixels 217..423 by 137..343
    inside = (250, 170, 390, 310)
    outside = (20, 20, 120, 120)
    image = look.until(lambda im: look.share(im, inside, "green") > 0.8, "a green point cloud")
    assert look.share(image, outside, "green") == 0


def test_update_moves_the_box(live, page, look) -> None:
    server = live(scene(red_box()))
    page.goto(server.url())
    look.connected()
    look.until(lambda im: look.share(im, LEFT, "red") > 0.9, "the box on the left")

    session = server.session()
    session.update @ Box(key="box", position=[1.5, 0, 0])
    image = look.until(lambda im: look.share(im, RIGHT, "red") > 0.9, "the box on the right")
    assert look.share(image, LEFT, "red") == 0


def test_remove_makes_the_box_disappear(live, page, look) -> None:
    server = live(scene(red_box(), blue_sphere()))
    page.goto(server.url())
    look.connected()
    look.until(lambda im: look.share(im, LEFT, "red") > 0.9, "the box")

    server.session().remove @ "box"
    image = look.until(lambda im: look.share(im, LEFT, "red") == 0, "the box gone")
    assert look.share(image, RIGHT, "blue") > 0.9  # the rest stays


def test_unknown_tag_renders_nothing_and_the_rest_renders(live, page, look) -> None:
    from vuer.schemas import SceneElement

    class Mystery(SceneElement):
        tag = "NoSuchComponentTag"

    inner = Box(key="inner", args=[1, 1, 1], material=basic("blue"), materialType="basic")
    server = live(scene(Mystery(inner, key="mystery"), red_box()))
    warnings: list[str] = []
    page.on("console", lambda m: warnings.append(m.text) if m.type == "warning" else None)
    page.goto(server.url())
    look.connected()
    image = look.until(lambda im: look.share(im, LEFT, "red") > 0.9, "the box beside the unknown")
    assert look.share(image, CENTRE, "blue") == 0  # nothing of the unknown subtree is drawn
    assert any("NoSuchComponentTag" in w for w in warnings), warnings
