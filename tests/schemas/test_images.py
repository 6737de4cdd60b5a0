"""Image inputs (array, PIL, file, bytes, URL) and the ``format``/``quality`` props."""

from __future__ import annotations

import base64
import io
from pathlib import Path

import numpy as np
import pytest
from PIL import Image as PILImage

from vuer import serdes
from vuer.schemas import HUDPlane, Image, ImageBackground, Img, SceneBackground, VideoPlane

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
JPEG_MAGIC = b"\xff\xd8\xff"


def _wire(element: object) -> dict:
    return serdes.decode(serdes.encode(element))


def _decode(data: bytes) -> np.ndarray:
    return np.asarray(PILImage.open(io.BytesIO(data)))


@pytest.fixture
def pixels() -> np.ndarray:
    image = np.zeros((4, 6, 3), dtype=np.uint8)
    image[:, :3] = [255, 0, 0]
    image[:, 3:] = [0, 0, 255]
    return image


def test_array_to_png_bytes_by_default(pixels: np.ndarray) -> None:
    wire = _wire(ImageBackground(pixels, key="bg", distanceToCamera=2))
    assert wire["tag"] == "ImageBackground"
    assert wire["src"][:8] == PNG_MAGIC
    np.testing.assert_array_equal(_decode(wire["src"]), pixels)
    assert wire["distanceToCamera"] == 2
    assert "format" not in wire and "quality" not in wire


def test_jpeg_with_quality(pixels: np.ndarray) -> None:
    small = _wire(ImageBackground(pixels, format="jpeg", quality=10))["src"]
    large = _wire(ImageBackground(pixels, format="jpeg", quality=100))["src"]
    assert small[:3] == JPEG_MAGIC and large[:3] == JPEG_MAGIC
    assert len(small) < len(large)
    assert _decode(large).shape == (4, 6, 3)


@pytest.mark.parametrize(("fmt", "mime"), [("b64png", "image/png"), ("b64jpeg", "image/jpeg")])
def test_b64_formats_send_a_data_url(pixels: np.ndarray, fmt: str, mime: str) -> None:
    src = _wire(Img(pixels, format=fmt))["src"]
    prefix = f"data:{mime};base64,"
    assert src.startswith(prefix)
    assert _decode(base64.b64decode(src[len(prefix) :])).shape == (4, 6, 3)


def test_float_images_in_0_1_are_scaled(pixels: np.ndarray) -> None:
    src = _wire(Img(pixels.astype(np.float32) / 255.0))["src"]
    np.testing.assert_array_equal(_decode(src), pixels)


def test_grey_and_rgba_arrays(pixels: np.ndarray) -> None:
    grey = np.arange(24, dtype=np.uint8).reshape(4, 6)
    np.testing.assert_array_equal(_decode(_wire(Img(grey))["src"]), grey)
    rgba = np.dstack([pixels, np.full((4, 6), 7, np.uint8)])
    np.testing.assert_array_equal(_decode(_wire(Img(rgba))["src"]), rgba)


def test_pil_image_and_file_path(tmp_path: Path, pixels: np.ndarray) -> None:
    pil = PILImage.fromarray(pixels)
    np.testing.assert_array_equal(_decode(_wire(SceneBackground(pil))["src"]), pixels)
    path = tmp_path / "frame.png"
    pil.save(path)
    for given in (path, str(path)):
        np.testing.assert_array_equal(_decode(_wire(Img(given))["src"]), pixels)
    assert _wire(Img(path, format="jpeg"))["src"][:3] == JPEG_MAGIC


def test_encoded_bytes_pass_through_or_become_a_data_url(pixels: np.ndarray) -> None:
    png = serdes.png(pixels)
    assert _wire(Img(png))["src"] == png
    assert _wire(Img(src=png))["src"] == png
    assert _wire(Img(png, format="b64png"))["src"] == (
        "data:image/png;base64," + base64.b64encode(png).decode()
    )


def test_urls_pass_through() -> None:
    for url in ("https://example.com/a.jpg", "/static/a.png", "assets/a.png", "data:image/png;x"):
        assert _wire(ImageBackground(src=url))["src"] == url
    assert _wire(Img("https://example.com/a.jpg"))["src"] == "https://example.com/a.jpg"


def test_image_sends_rgb_and_derives_aspect_and_height(pixels: np.ndarray) -> None:
    wire = _wire(Image(pixels, key="img", position=[0, 1, 0]))
    assert "src" not in wire
    assert wire["rgb"][:8] == PNG_MAGIC
    assert wire["aspect"] == pytest.approx(6 / 4)
    assert wire["height"] == pytest.approx(0.004)
    given = _wire(Image(pixels, aspect=2.0, height=1.0))
    assert (given["aspect"], given["height"]) == (2.0, 1.0)
    assert _wire(Image(src="https://example.com/a.png"))["rgb"] == "https://example.com/a.png"


def test_video_plane_takes_a_url_and_hud_plane_children() -> None:
    assert _wire(VideoPlane(src="/static/v.mp4", loop=True))["src"] == "/static/v.mp4"
    hud = _wire(HUDPlane(Img(src="a.png", key="i"), key="h", distanceToCamera=3))
    assert hud["children"][0]["src"] == "a.png"


def test_bad_image_inputs_are_clear_errors(tmp_path: Path, pixels: np.ndarray) -> None:
    with pytest.raises(ValueError, match="format"):
        Img(pixels, format="gif")
    with pytest.raises(ValueError, match="quality"):
        Img(pixels, format="jpeg", quality=0)
    with pytest.raises(ValueError, match="shape"):
        Img(np.zeros((2, 2, 2), np.uint8))
    with pytest.raises(FileNotFoundError, match="not found"):
        Img(tmp_path / "missing.png")
    bad = tmp_path / "bad.png"
    bad.write_bytes(b"not an image")
    with pytest.raises(ValueError, match="cannot read"):
        Img(bad)
    with pytest.raises(ValueError, match="not both"):
        Img(pixels, src="a.png")
    with pytest.raises(TypeError, match="expected an image"):
        Img(object())
