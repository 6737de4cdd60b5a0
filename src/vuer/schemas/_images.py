"""Turning the image inputs components accept into the ``src`` value on the wire.

Accepted: a numpy array (HxW, HxWx1/3/4; uint8, or float in 0..1), a PIL
image, a local file path (``str`` or ``pathlib``), encoded bytes, or a URL.
``format`` picks the wire form as in the public package: ``"png"``/``"jpeg"``
give bytes, ``"b64png"``/``"b64jpeg"`` a ``data:`` URL string.
"""

from __future__ import annotations

import base64
import os
from pathlib import PurePath
from typing import Any, NamedTuple

import numpy as np

from vuer import serdes
from vuer.static_paths import is_url

FORMATS = ("png", "jpeg", "b64png", "b64jpeg")
_ALIASES = {"jpg": "jpeg", "b64jpg": "b64jpeg"}


class ImageArgumentError(AssertionError, ValueError):
    """Image arguments that do not fit together.

    An ``AssertionError`` like the public package's asserts (so ``except
    AssertionError`` keeps working), and a ``ValueError`` because that is what it is.
    """


class ImageSrc(NamedTuple):
    """The wire value and, when known, the pixel size of the image."""

    src: Any
    width: int | None
    height: int | None


def check_format(owner: str, fmt: Any) -> str:
    """The canonical format name; ``ValueError`` for anything unknown."""
    name = _ALIASES.get(fmt, fmt) if isinstance(fmt, str) else fmt
    if name not in FORMATS:
        raise ValueError(f"{owner}: format must be one of {FORMATS}, got {fmt!r:.40}")
    return str(name)


def check_quality(owner: str, quality: Any) -> int | None:
    if quality is None:
        return None
    if isinstance(quality, bool) or not isinstance(quality, (int, np.integer)):
        raise TypeError(f"{owner}: quality must be an int in 1..100, got {quality!r:.40}")
    if not 1 <= int(quality) <= 100:
        raise ValueError(f"{owner}: quality must be in 1..100, got {quality}")
    return int(quality)


def _mime(data: bytes) -> str:
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return "image/png"
    if data[:3] == b"\xff\xd8\xff":
        return "image/jpeg"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    return "application/octet-stream"


def _check_array(owner: str, array: np.ndarray) -> np.ndarray:
    if array.ndim == 3 and array.shape[2] in (1, 3, 4) or array.ndim == 2:
        if array.shape[0] and array.shape[1]:
            if array.dtype.kind in "biuf":
                return array
    raise ValueError(
        f"{owner}: an image array must be HxW or HxWx(1|3|4) numbers, "
        f"got shape {array.shape} dtype {array.dtype}"
    )


def _encode(pixels: Any, fmt: str, quality: int | None) -> Any:
    if fmt.endswith("jpeg"):
        data = serdes.jpeg(pixels, quality if quality is not None else 90)
    else:
        data = serdes.png(pixels)
    if fmt.startswith("b64"):
        mime = "image/jpeg" if fmt.endswith("jpeg") else "image/png"
        return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
    return data


def _open_file(owner: str, path: str | os.PathLike[str]) -> Any:
    from PIL import Image as PILImage

    try:
        with PILImage.open(path) as image:
            image.load()
            return image.copy()
    except FileNotFoundError:
        raise FileNotFoundError(f"{owner}: image file not found: {path}") from None
    except OSError as e:
        raise ValueError(f"{owner}: cannot read image {path}: {e}") from e


def image_src(owner: str, data: Any, fmt: str, quality: int | None) -> ImageSrc:
    """Encode ``data`` for the wire according to ``fmt`` (see the module doc)."""
    from PIL import Image as PILImage

    if isinstance(data, str) and is_url(data):
        return ImageSrc(data, None, None)
    if isinstance(data, (str, PurePath)):
        if fmt.startswith("b64"):
            raise ImageArgumentError(
                f"{owner}: format={fmt!r} is for pixel arrays; a file path is re-encoded "
                "as png or jpeg (or pass its bytes)"
            )
        data = _open_file(owner, data)
    if isinstance(data, (bytes, bytearray, memoryview)):
        raw = bytes(data)
        if fmt.startswith("b64"):
            return ImageSrc(
                f"data:{_mime(raw)};base64,{base64.b64encode(raw).decode()}", None, None
            )
        return ImageSrc(raw, None, None)
    if isinstance(data, PILImage.Image):
        if fmt.startswith("b64"):
            raise ImageArgumentError(
                f"{owner}: format={fmt!r} is for pixel arrays; a PIL image is re-encoded "
                "as png or jpeg (or pass np.asarray(image))"
            )
        width, height = data.size
        if data.mode not in ("RGB", "RGBA", "L", "LA"):
            data = data.convert("RGBA" if "A" in data.getbands() else "RGB")
        return ImageSrc(_encode(data, fmt, quality), width, height)
    if isinstance(data, (np.ndarray, list, tuple)):
        array = _check_array(owner, np.asarray(data))
        return ImageSrc(_encode(array, fmt, quality), int(array.shape[1]), int(array.shape[0]))
    raise TypeError(
        f"{owner}: expected an image (numpy array, PIL image, file path, bytes or URL), "
        f"got {type(data).__name__}"
    )
