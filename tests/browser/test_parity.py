"""The same script, the same picture: what the public client draws, ours draws too.

Judged from pixels. Under ``DefaultScene`` the camera sits at [0, 5, 10]
looking at the origin with a 60 degree vertical fov (640x480): the origin
lands on pixel (320, 240) and a point at x = 2 on column 394; with a plain
``Scene`` the built-in camera is at [0, 0, 5] (fov 75), so x = 2 lands on
column 445.
"""

from __future__ import annotations

import struct
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PIL import Image

from vuer.schemas import (
    Box,
    CameraView,
    DefaultScene,
    Frustum,
    Gripper,
    Movable,
    Pivot,
    Plane,
    Scene,
    Sphere,
    Splat,
    Text3D,
)


def pixels(image: Any, box: tuple[int, int, int, int]) -> np.ndarray:
    return np.asarray(image.convert("RGB").crop(box), dtype=np.int32).reshape(-1, 3)


def cyan(px: np.ndarray) -> np.ndarray:
    """The grid's section lines: blue well above red."""
    return (px[:, 2] - px[:, 0]) > 60


def centre_of(image: Any, accepts: Any) -> tuple[float, float] | None:
    a = np.asarray(image.convert("RGB"), dtype=np.int32)
    ys, xs = np.nonzero(accepts(a.reshape(-1, 3)).reshape(a.shape[:2]))
    return (float(xs.mean()), float(ys.mean())) if len(xs) else None


def is_red(px: np.ndarray) -> np.ndarray:
    return (px[:, 0] > 150) & (px[:, 1] < 90) & (px[:, 2] < 90)


def is_blue(px: np.ndarray) -> np.ndarray:
    return (px[:, 2] > 150) & (px[:, 0] < 110) & (px[:, 1] < 130)


def red_ball(key: str, position: list[float]) -> Sphere:
    return Sphere(
        key=key,
        args=[0.08, 16, 8],
        position=position,
        materialType="basic",
        material={"color": "red"},
    )


# ---- 1: operations before any set go into the default scene ----------------------------


def test_upsert_before_any_set_draws_on_the_default_grid(live, page, look) -> None:
    server = live()  # the program never sets a scene
    page.goto(server.url(fov=None))
    look.connected()
    session = server.session()
    session.upsert @ Box(
        key="b",
        args=[1, 1, 1],
        position=[0, 0.5, 0],
        materialType="basic",
        material={"color": "red"},
    )
    box = (300, 190, 340, 240)  # the unit box on the ground, seen from [0, 5, 10]
    image = look.until(lambda im: look.share(im, box, "red") > 0.8, "an upserted box with no set")
    # ... on the default scene's grid (cyan section lines below it) under its camera.
    assert cyan(pixels(image, (0, 300, 640, 480))).mean() > 0.05
    tree = page.evaluate(
        "Object.keys(Object.fromEntries(window.__vuer.store.getState().graph.nodes))"
    )
    assert {"grid", "light-stage", "SceneCamera", "b"} <= set(tree)


# ---- 6: default camera, grid and colour management -------------------------------------


def test_default_scene_camera_grid_and_shading_match_the_public_client(live, page, look) -> None:
    grey = {"color": "#808080"}
    server = live(
        DefaultScene(
            red_ball("x2", [2, 0, 0]),
            Box(key="grey", args=[1, 1, 1], position=[0, 0.5, 0], material=grey),
        )
    )
    page.goto(server.url(fov=None))
    look.connected()
    image = look.until(
        lambda im: centre_of(im.crop((360, 220, 430, 260)), is_red) is not None, "the ball"
    )
    x, y = centre_of(image.crop((360, 220, 430, 260)), is_red) or (0, 0)
    assert abs(x + 360 - 394) <= 3 and abs(y + 220 - 239) <= 3  # fov 60 from [0, 5, 10]
    # White background, cyan section lines; the grey box is shaded, not flat:
    # top face ~107, front face ~42 on the public client.
    assert image.getpixel((5, 5)) == (255, 255, 255)
    assert cyan(pixels(image, (0, 300, 640, 480))).mean() > 0.05
    top = pixels(image, (316, 202, 324, 206)).mean(axis=0)
    front = pixels(image, (316, 228, 324, 236)).mean(axis=0)
    assert abs(top[0] - 107) < 20 and abs(front[0] - 42) < 20, (top, front)


def test_plain_scene_uses_the_public_clients_camera(live, page, look) -> None:
    server = live(Scene(red_ball("x2", [2, 0, 0])))
    page.goto(server.url(fov=None))
    look.connected()
    image = look.until(lambda im: centre_of(im, is_red) is not None, "the ball")
    x, y = centre_of(image, is_red) or (0, 0)
    assert abs(x - 445) <= 3 and abs(y - 240) <= 3  # fov 75 from [0, 0, 5]


# ---- 8: a scene without a grid ------------------------------------------------------------


def test_z_up_scene_looks_straight_down_at_its_ground(live, page, look) -> None:
    ground = Plane(key="ground", args=[40, 40], materialType="basic", material={"color": "#2040a0"})
    server = live(Scene(ground, up=[0, 0, 1]))
    page.goto(server.url(fov=None))
    look.connected()

    def all_ground(im: Any) -> bool:
        px = pixels(im, (0, 0, 640, 480))
        return bool(((px[:, 2] > 120) & (px[:, 0] < 80)).mean() > 0.95)

    look.until(all_ground, "the ground filling the view, no sky")


@pytest.mark.parametrize("prop", ["grid", "showGrid"])
def test_grid_false_hides_the_default_grid(live, page, look, prop: str) -> None:
    server = live(DefaultScene(red_ball("o", [0, 0, 0]), **{prop: False}))
    page.goto(server.url(fov=None))
    look.connected()
    image = look.until(lambda im: centre_of(im, is_red) is not None, "the ball")
    page.wait_for_timeout(300)
    assert cyan(pixels(look.shot(), (0, 0, 640, 480))).mean() == 0
    assert image.getpixel((5, 470)) == (255, 255, 255)


# ---- 2: texture maps by URL, bytes or numpy -----------------------------------------------


def test_texture_maps_by_url_and_numpy_load_once(live, page, look, tmp_path: Path) -> None:
    Image.new("RGB", (8, 8), (0, 200, 0)).save(tmp_path / "green.png")
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url) if r.url.endswith("green.png") else None)
    blue = np.zeros((4, 4, 3), np.uint8)
    blue[..., 2] = 220
    spheres = [
        Sphere(
            key=f"s{i}",
            args=[0.6, 32, 16],
            position=[x, 0, 0],
            materialType="basic",
            material={"map": "/static/green.png"},
        )
        for i, x in enumerate((-2, 0))
    ]
    box = Box(
        key="b", args=[1, 1, 1], position=[2, 0, 0], materialType="basic", material={"map": blue}
    )
    server = live(Scene(*spheres, box))
    page.goto(server.url(fov=None))
    look.connected()
    left, middle, right = (170, 220, 200, 260), (305, 225, 335, 255), (430, 225, 460, 255)

    def textured(im: Any) -> bool:
        return (
            look.share(im, left, "green") > 0.9
            and look.share(im, middle, "green") > 0.9
            and look.share(im, right, "blue") > 0.9
        )

    look.until(textured, "green URL texture on both spheres, blue numpy texture on the box")
    assert len(requests) == 1, requests  # one fetch, one texture, two spheres


# ---- 3: frustum parts ------------------------------------------------------------------


def test_frustum_image_plane_without_frustum_is_red(live, page, look) -> None:
    frustum = Frustum(key="f", showImagePlane=True, showFrustum=False, showUp=False, far=1, fov=50)
    server = live(Scene(frustum, camPosition=[0, 0, 3]))  # looking down the frustum's -Z
    page.goto(server.url(fov=None))
    look.connected()
    # The far plane (1 m away, 0.93 x 0.7 m) fills the middle of the view.
    look.until(lambda im: look.share(im, (280, 210, 360, 270), "red") > 0.95, "a red image plane")


def test_frustum_apex_marker_is_a_red_triangle(live, page, look) -> None:
    frustum = Frustum(key="f", showFrustum=False, showUp=False, near=1, far=2, fov=50)
    server = live(Scene(frustum, camPosition=[0, 0, 2]))
    page.goto(server.url(fov=None))
    look.connected()
    image = look.until(lambda im: centre_of(im, is_red) is not None, "the apex marker")
    a = np.asarray(image.convert("RGB"), dtype=np.int32)
    red = is_red(a.reshape(-1, 3)).reshape(a.shape[:2])
    rows = np.nonzero(red.any(axis=1))[0]
    widths = red[rows].sum(axis=1)
    assert widths[0] < widths[-1] / 3  # narrow at the top, wide at the bottom: pointing up


def test_orthographic_camera_view_draws_a_box_frustum(live, page, look) -> None:
    view = CameraView(
        key="ego",
        ctype="orthographic",
        fov=50,
        width=320,
        height=240,
        near=0.5,
        far=2,
        distanceToCamera=2,
        showFrustum=True,
    )
    server = live(Scene(view, camPosition=[0, 0, 4]))
    page.goto(server.url(fov=None))
    look.connected()
    page.add_style_tag(content="#vuer-panel { display: none !important; }")

    def extent(im: Any) -> tuple[int, int]:
        a = np.asarray(im.convert("RGB"), dtype=np.int32)
        ys, xs = np.nonzero(a.sum(axis=2) < 600)  # the helper's coloured lines on white
        return (int(xs.max() - xs.min()), int(ys.max() - ys.min())) if len(xs) > 50 else (0, 0)

    # An orthographic box, 2.5 x 1.9 m at every depth, seen end-on from 4 m: its near
    # rectangle (4.5 m away) is ~172 px wide. A perspective one's would be ~40 px, and
    # its far one ~130 px.
    look.until(lambda im: extent(im)[0] > 150 and extent(im)[1] > 110, "an orthographic frustum")


# ---- 4: outlines -----------------------------------------------------------------------


def test_outlines_draw_a_halo_around_the_box(live, page, look) -> None:
    box = Box(
        key="b",
        args=[1, 1, 1],
        materialType="basic",
        material={"color": "black"},
        outlines={"angle": 0, "thickness": 0.005, "color": "white"},
    )
    server = live(Scene(box, background="black", camPosition=[0, 0, 5]))
    page.goto(server.url(fov=None))
    look.connected()

    # The box's front face spans columns ~285..355 at y = 240; the halo sits just outside.
    def black(im: Any, box: tuple[int, int, int, int]) -> bool:
        return bool((pixels(im, box).max(axis=1) < 40).all())

    def scene_shown(im: Any) -> bool:  # not the white page before the SET
        return black(im, (300, 220, 340, 260)) and black(im, (20, 400, 100, 460))

    image = look.until(scene_shown, "the black box on black")
    page.wait_for_timeout(300)
    image = look.shot()
    ring = pixels(image, (279, 236, 285, 244))
    assert (ring.min(axis=1) > 150).mean() > 0.3  # a light halo just left of the box
    assert black(image, (300, 220, 340, 260))  # the box stays black
    assert black(image, (150, 220, 260, 260))  # nothing far out


# ---- 9: one error per unreadable font ------------------------------------------------------


@pytest.mark.allow_console_errors
def test_text3d_missing_font_logs_once_and_draws_with_the_bundled_font(
    live, page, look, probe
) -> None:
    texts = [
        Text3D(
            "Hi",
            key=f"t{i}",
            font="/static/missing-font.json",
            size=0.5,
            height=0.05,
            position=[-0.6, -0.2 + i * 0.01, 0],
            materialType="basic",
            material={"color": "red"},
        )
        for i in range(3)
    ]
    server = live(Scene(*texts, camPosition=[0, 0, 3]))
    page.goto(server.url(fov=None))
    look.connected()
    look.until(
        lambda im: look.share(im, (200, 150, 440, 330), "red") > 0.01, "the text, bundled font"
    )
    session = server.session()
    for i in range(5):  # re-renders must not log again
        session.update @ Text3D(
            "Hi", key="t0", font="/static/missing-font.json", position=[-0.6, i * 0.001, 0]
        )
    page.wait_for_timeout(1000)
    about_font = [e for e in probe.console_errors if "missing-font.json" in e]
    assert len(about_font) == 1, about_font


# ---- 7: gizmos and handles ---------------------------------------------------------------


def test_pivot_gizmo_is_small_and_movable_handle_unseen(live, page, look) -> None:
    green = Box(key="pb", args=[0.3, 0.3, 0.3], materialType="basic", material={"color": "#00c000"})
    blue = Box(key="mb", args=[0.3, 0.3, 0.3], materialType="basic", material={"color": "#0000ff"})
    server = live(
        DefaultScene(
            Pivot(green, key="p", position=[-1.5, 0.5, 0]),
            Movable(blue, key="m", position=[1.5, 0.5, 0]),
            grid=False,
        )
    )
    page.goto(server.url(fov=None))
    look.connected()
    box = (100, 100, 540, 380)
    image = look.until(lambda im: look.share(im, box, "blue") > 0.002, "the movable's box")
    px = pixels(image, box)
    orange = (px[:, 0] > 200) & (px[:, 1] > 120) & (px[:, 1] < 200) & (px[:, 2] < 80)
    assert orange.sum() == 0  # no handle cube over the child
    # The pivot's gizmo (coloured arrows, rings, planes) stays small beside its box.
    a = np.asarray(image.convert("RGB"), dtype=np.int32)
    coloured = (a.max(axis=2) - a.min(axis=2)) > 60
    coloured[:, 320:] = False  # the movable's half
    ys, xs = np.nonzero(coloured)
    # ~25 x 20 px at the default scale of 0.4 (a scale of 1 gave ~60 px).
    assert xs.max() - xs.min() < 40 and ys.max() - ys.min() < 40, (
        xs.min(),
        xs.max(),
        ys.min(),
        ys.max(),
    )


def test_gripper_has_blue_and_red_fingertips(live, page, look) -> None:
    # The fingers reach along -Z, opening along X; seen from their tips (from -Z), so
    # world -X is on the right of the picture.
    server = live(Scene(Gripper(key="g"), camPosition=[0, 0.05, -0.35]))
    page.goto(server.url(fov=None))
    look.connected()

    def tips(im: Any) -> bool:
        return centre_of(im, is_red) is not None and centre_of(im, is_blue) is not None

    image = look.until(tips, "red and blue fingertips")
    (rx, _), (bx, _) = centre_of(image, is_red) or (0, 0), centre_of(image, is_blue) or (0, 0)
    assert bx > rx  # blue on the -X finger


# ---- 5: splat orientation --------------------------------------------------------------


def write_splat(path: Path) -> None:
    """A .splat file: a red cluster at y = +1, a blue one at y = -1 (32 bytes a splat)."""
    rng = np.random.default_rng(0)
    rows = []
    for y0, rgb in ((1.0, (255, 0, 0)), (-1.0, (0, 0, 255))):
        for _ in range(300):
            x, y, z = rng.normal(0, 0.15), y0 + rng.normal(0, 0.15), rng.normal(0, 0.15)
            rows.append(
                struct.pack("<3f3f4B4B", x, y, z, 0.05, 0.05, 0.05, *rgb, 255, 255, 128, 128, 128)
            )
    path.write_bytes(b"".join(rows))


def test_splat_sits_in_its_files_coordinates(live, page, look, tmp_path: Path) -> None:
    write_splat(tmp_path / "two.splat")
    server = live(
        DefaultScene(Splat(key="sp", src="/static/two.splat"), up=[0, 0, -1], showGrid=False)
    )
    page.goto(server.url(fov=None))
    look.connected()

    def both(im: Any) -> bool:
        return centre_of(im, is_red) is not None and centre_of(im, is_blue) is not None

    image = look.until(both, "the two splat clusters", timeout=30)
    (_, red_y), (_, blue_y) = (
        centre_of(image, is_red) or (0, 0),
        centre_of(image, is_blue) or (0, 0),
    )
    assert red_y < blue_y - 30  # y = +1 is drawn above y = -1, as on the public client


def test_sky_ball_shows_its_texture_from_inside(live, page, look, tmp_path: Path) -> None:
    """The docs' 360° sky: a standard material with a map by URL, drawn on its back side."""
    Image.new("RGB", (16, 8), (0, 200, 0)).save(tmp_path / "sky.png")
    sky = Sphere(
        key="sky",
        args=[50, 32, 16],
        materialType="standard",
        material={"map": "/static/sky.png", "side": 1},
    )
    server = live(DefaultScene(sky, grid=False))
    page.goto(server.url(fov=None))
    look.connected()

    def green_sky(im: Any) -> bool:  # lit from above, so darker overhead: any clear green
        px = pixels(im, (0, 0, 640, 480))
        return bool(
            ((px[:, 1] > 60) & (px[:, 1] > px[:, 0] + 40) & (px[:, 1] > px[:, 2] + 40)).mean()
            > 0.95
        )

    look.until(green_sky, "the green sky")
