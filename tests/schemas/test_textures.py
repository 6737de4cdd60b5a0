"""Texture slots of a material dict: pixel arrays travel as PNG bytes, the rest as given."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from vuer.schemas import Box, Sphere


def test_numpy_and_pil_textures_become_png_bytes() -> None:
    pixels = np.zeros((4, 6, 3), np.uint8)
    pixels[..., 1] = 200
    wire = Sphere(
        key="s",
        material={
            "map": pixels,
            "normalMap": Image.new("RGB", (2, 2), (128, 128, 255)),
            "roughnessMap": "/static/rough.png",
            "side": 1,
        },
    )._serialize()["material"]
    decoded = Image.open(io.BytesIO(wire["map"]))
    assert decoded.size == (6, 4)
    assert decoded.convert("RGB").getpixel((0, 0)) == (0, 200, 0)
    assert wire["normalMap"][:8] == b"\x89PNG\r\n\x1a\n"
    assert wire["roughnessMap"] == "/static/rough.png"  # URLs are loaded by the client
    assert wire["side"] == 1


def test_material_without_pixel_textures_is_sent_as_is() -> None:
    material = {"color": "red", "map": "https://example.com/sky.jpg"}
    assert Box(key="b", material=material)._serialize()["material"] == material


def test_a_bad_texture_array_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="material.map"):
        Box(key="b", material={"map": np.zeros((2, 2, 7), np.uint8)})._serialize()
