"""Image encoders for float images in [0, 1] (numpy or torch, H x W x C).

Unlike ``vuer.serdes.jpeg``/``png``, which take uint8 pixels, these take the
floats a renderer or a network produces. uint8 input is accepted as it is
(the public package multiplied it by 255 and overflowed).
"""

from __future__ import annotations

import base64
import binascii
from io import BytesIO
from typing import Any

import numpy as np
from PIL import Image

__all__ = ["b64jpg", "b64png", "decode_b64png", "jpg", "png"]


def _to_uint8(image: Any, drop_alpha: bool) -> np.ndarray:
    if hasattr(image, "detach"):  # a torch tensor
        image = image.detach().cpu().numpy()
    array = np.asarray(image)
    if array.ndim == 3 and array.shape[-1] == 1:
        array = array[..., 0]
    if array.ndim not in (2, 3) or (array.ndim == 3 and array.shape[-1] not in (3, 4)):
        raise ValueError(
            f"expected an H x W, H x W x 3 or H x W x 4 image, got shape {array.shape}"
        )
    if drop_alpha and array.ndim == 3 and array.shape[-1] == 4:
        array = array[..., :3]
    if array.dtype == np.uint8:
        return np.ascontiguousarray(array)
    if array.dtype == np.bool_ or not np.issubdtype(array.dtype, np.number):
        raise TypeError(f"expected a numeric image, got dtype {array.dtype}")
    return (np.clip(array.astype(np.float32), 0.0, 1.0) * 255.0 + 0.5).astype(np.uint8)


def jpg(image: Any, quality: int = 90) -> bytes:
    """JPEG bytes of a float [0, 1] image (alpha dropped)."""
    buffer = BytesIO()
    Image.fromarray(_to_uint8(image, drop_alpha=True)).save(buffer, format="JPEG", quality=quality)
    return buffer.getvalue()


def png(image: Any) -> bytes:
    """PNG bytes of a float [0, 1] image."""
    buffer = BytesIO()
    Image.fromarray(_to_uint8(image, drop_alpha=False)).save(buffer, format="PNG")
    return buffer.getvalue()


def b64jpg(image: Any, quality: int = 90) -> str:
    """``data:image/jpeg;base64,…`` of a float [0, 1] image."""
    return "data:image/jpeg;base64," + base64.b64encode(jpg(image, quality)).decode("ascii")


def b64png(image: Any) -> str:
    """``data:image/png;base64,…`` of a float [0, 1] image."""
    return "data:image/png;base64," + base64.b64encode(png(image)).decode("ascii")


def decode_b64png(b64: str | bytes) -> Image.Image:
    """A PIL image from a data URI or bare base64 text (PNG, or any format PIL reads)."""
    text = b64.decode("ascii") if isinstance(b64, (bytes, bytearray)) else b64
    if not isinstance(text, str):
        raise TypeError(f"expected base64 text, got {type(b64).__name__}")
    if text.startswith("data:"):
        text = text.partition(",")[2]
    try:
        raw = base64.b64decode(text, validate=False)
    except (binascii.Error, ValueError) as e:
        raise ValueError(f"not valid base64: {e}") from None
    try:
        image = Image.open(BytesIO(raw))
        image.load()
    except OSError as e:  # PIL's UnidentifiedImageError is an OSError
        raise ValueError(f"the base64 data is not an image: {e}") from None
    return image
