"""Side-by-side gallery: a handful of scenes rendered by our client against reference pictures.

The references in ``tests/browser/gallery/`` were rendered by this client with
the look matched to the public client (its default camera, white background
with a cyan-lined grid, ACES tone mapping with sRGB output, its light rig).
A change of camera, grid, lights or colour management moves many pixels and
fails here; SwiftShader's small rasterisation noise stays within the tolerance.

Regenerate after a deliberate change of look, then look at every picture:

    VUER_UPDATE_GALLERY=1 CI=true .venv/bin/python -m pytest -q tests/browser/test_gallery.py
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PIL import Image

from vuer.schemas import (
    AmbientLight,
    Box,
    Cylinder,
    DefaultScene,
    DirectionalLight,
    Frustum,
    Gripper,
    HemisphereLightStage,
    Plane,
    Scene,
    Sphere,
)

GALLERY = Path(__file__).parent / "gallery"
UPDATE = os.environ.get("VUER_UPDATE_GALLERY") == "1"
FAILED_SHOTS = Path(tempfile.gettempdir()) / "vuer-browser-tests"
#: Mean absolute difference per channel (0..255) allowed over the whole picture.
MEAN_TOLERANCE = 3.0
#: Share of pixels allowed to differ by more than 48 in some channel.
OUTLIER_SHARE = 0.01


def default_scene() -> Any:
    return DefaultScene(
        Box(key="grey", args=[1, 1, 1], position=[-1.5, 0.5, 0], material={"color": "#808080"}),
        Sphere(
            key="maroon", args=[0.6, 48, 24], position=[1.5, 0.6, 0], material={"color": "maroon"}
        ),
    )


def plain_scene() -> Any:
    return Scene(
        Box(
            key="red",
            args=[1, 1, 1],
            position=[-1.8, 0, 0],
            rotation=[0.4, 0.6, 0],
            material={"color": "red"},
        ),
        Cylinder(key="teal", args=[0.4, 0.4, 1.2, 32], material={"color": "teal"}),
        Sphere(key="white", args=[0.6, 48, 24], position=[1.8, 0, 0], materialType="basic"),
        bgChildren=[HemisphereLightStage(key="lights")],
    )


def z_up_scene() -> Any:
    return Scene(
        Plane(key="ground", args=[20, 20], material={"color": "#b0b0b0"}),
        Box(key="block", args=[1, 1, 1], position=[1, 1, 0.5], material={"color": "#3060c0"}),
        bgChildren=[
            AmbientLight(key="ambient", intensity=0.5),
            DirectionalLight(key="sun", position=[2, 1, 5]),
        ],
        up=[0, 0, 1],
    )


def marker_scene() -> Any:
    return DefaultScene(
        Frustum(key="frustum", position=[-1.5, 1, 0], showImagePlane=True, far=1),
        Gripper(key="gripper", position=[0, 1, 0], scale=4),
        Box(
            key="outlined",
            args=[0.6, 0.6, 0.6],
            position=[1.5, 0.5, 0],
            material={"color": "#404040"},
            outlines={"color": "white"},
        ),
    )


SCENES: dict[str, Callable[[], Any]] = {
    "default_scene": default_scene,
    "plain_scene": plain_scene,
    "z_up_scene": z_up_scene,
    "markers": marker_scene,
}


def difference(a: Image.Image, b: Image.Image) -> tuple[float, float]:
    """Mean absolute difference and the share of pixels off by more than 48."""
    x = np.asarray(a.convert("RGB"), dtype=np.int32)
    y = np.asarray(b.convert("RGB"), dtype=np.int32)
    diff = np.abs(x - y)
    return float(diff.mean()), float((diff.max(axis=2) > 48).mean())


def settled(look: Any, page: Any) -> Image.Image:
    """A screenshot once two in a row (250 ms apart) are the same picture."""
    previous = look.shot()
    for _ in range(40):
        page.wait_for_timeout(250)
        current = look.shot()
        if difference(previous, current)[0] < 0.05:
            return current
        previous = current
    return previous


@pytest.mark.parametrize("name", sorted(SCENES))
def test_gallery_matches_its_reference(live, page, look, name: str) -> None:
    server = live(SCENES[name]())
    page.goto(server.url(fov=None))
    look.connected()
    page.add_style_tag(
        content="#vuer-panel { display: none !important; }"
    )  # pixels of the scene only
    page.wait_for_function(
        # the program's scene, not the page's starting DefaultScene
        "window.__vuer.store.getState().rootKey !== 'default-scene' && window.__vuer.stats.frames > 0"
    )
    page.wait_for_timeout(1500)  # meshes, materials and the grid shader compile
    image = settled(look, page)
    reference = GALLERY / f"{name}.png"
    if UPDATE:
        GALLERY.mkdir(exist_ok=True)
        image.save(reference)
        pytest.skip(f"wrote {reference}")
    assert reference.is_file(), f"{reference} is missing: run with VUER_UPDATE_GALLERY=1"
    mean, outliers = difference(image, Image.open(reference))
    if mean > MEAN_TOLERANCE or outliers > OUTLIER_SHARE:
        FAILED_SHOTS.mkdir(exist_ok=True)
        image.save(FAILED_SHOTS / f"gallery-{name}.png")
    assert mean <= MEAN_TOLERANCE and outliers <= OUTLIER_SHARE, (
        f"{name}: mean difference {mean:.2f}, {outliers:.2%} of pixels off by > 48"
    )


def test_the_comparison_catches_a_change_of_look() -> None:
    """The tolerance is not so loose that a grey background or another camera pass."""
    reference = Image.open(GALLERY / "default_scene.png").convert("RGB")
    greyer = Image.eval(reference, lambda v: int(v * 0.93))  # the old #f2f2f2 look
    mean, outliers = difference(reference, greyer)
    assert mean > MEAN_TOLERANCE or outliers > OUTLIER_SHARE
    w, h = reference.size
    closer = reference.crop((w // 10, h // 10, w - w // 10, h - h // 10)).resize(
        (w, h)
    )  # 1.25x zoom
    mean, outliers = difference(reference, closer)
    assert mean > MEAN_TOLERANCE or outliers > OUTLIER_SHARE
