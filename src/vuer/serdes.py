"""Wire encoding: one msgpack map per websocket frame.

numpy arrays that reach the encoder become lists through ``tolist`` (one C
call); components whose payload is large (point clouds, meshes, images)
convert it to bytes first, so those travel as msgpack ``bin`` and are never
expanded into Python lists.
"""

from __future__ import annotations

import base64
import threading
from io import BytesIO
from pathlib import PurePath
from typing import Any

import msgpack
import numpy as np

__all__ = [
    "IMAGE_FORMATS",
    "b64jpeg",
    "b64png",
    "decode",
    "encode",
    "jpeg",
    "png",
    "serializer",
]


def _default(obj: Any) -> Any:
    serialize = getattr(obj, "_serialize", None)
    if serialize is not None:
        return serialize()
    if isinstance(obj, np.ndarray):
        return obj.tolist()
    if isinstance(obj, np.generic):
        return obj.item()
    if isinstance(obj, PurePath):
        return obj.as_posix()
    if isinstance(obj, (set, frozenset)):
        return list(obj)
    if isinstance(obj, memoryview):
        return obj.tobytes()
    raise TypeError(f"vuer cannot encode a {type(obj).__name__} for the wire: {obj!r:.80}")


_local = threading.local()


def _packer() -> msgpack.Packer:
    # One Packer per thread, reused: building one per message costs as much as packing
    # a small update. autoreset (the default) makes each pack() independent.
    packer = getattr(_local, "packer", None)
    if packer is None:
        packer = _local.packer = msgpack.Packer(default=_default, use_bin_type=True)
    return packer


def encode(obj: Any) -> bytes:
    """Encode a message (a map, an event or an element) as msgpack bytes.

    numpy scalars and arrays that reach here go through ``_default``; large
    arrays are expected to arrive already as bytes/memoryviews (msgpack ``bin``,
    packed without a copy into Python lists).
    """
    if getattr(_local, "busy", False):  # re-entered from a _serialize: use a fresh packer
        return msgpack.packb(obj, default=_default, use_bin_type=True)
    packer = _packer()
    _local.busy = True
    try:
        return packer.pack(obj)
    except BaseException:
        packer.reset()  # a failed pack may leave partial output in the buffer
        raise
    finally:
        _local.busy = False


_MALFORMED = (msgpack.ExtraData, msgpack.FormatError, msgpack.StackError, ValueError, TypeError)


def decode(data: bytes, max_len: int | None = None) -> Any:
    """Decode one msgpack message. Raises ``ValueError`` on malformed input."""
    try:
        if max_len is None:
            return msgpack.unpackb(data, raw=False, strict_map_key=False)
        return msgpack.unpackb(data, raw=False, strict_map_key=False, max_buffer_size=max_len)
    except _MALFORMED as e:
        raise ValueError(f"malformed msgpack message: {e}") from e


def serializer(data: Any) -> Any:
    """Turn elements (and lists of them) into plain maps, as the public API does."""
    if hasattr(data, "_serialize"):
        return data._serialize()
    if isinstance(data, (list, tuple)):
        return [serializer(d) for d in data]
    return data


def _to_pil(image: Any) -> Any:
    from PIL import Image as PILImage

    if isinstance(image, PILImage.Image):
        return image
    array = np.asarray(image)
    if array.dtype != np.uint8:
        if np.issubdtype(array.dtype, np.floating):
            array = (np.clip(array, 0.0, 1.0) * 255.0 + 0.5).astype(np.uint8)
        else:
            array = array.astype(np.uint8)
    if array.ndim == 3 and array.shape[2] == 1:
        array = array[:, :, 0]
    return PILImage.fromarray(array)


def _encode_image(image: Any, fmt: str, **save: Any) -> bytes:
    pil = _to_pil(image)
    if fmt == "JPEG" and pil.mode not in ("RGB", "L"):
        pil = pil.convert("RGB")
    with BytesIO() as buffer:
        pil.save(buffer, format=fmt, **save)
        return buffer.getvalue()


def jpeg(image: Any, quality: int = 90) -> bytes:
    """JPEG bytes of an HxW, HxWx1 or HxWx3 array (uint8, or float in 0..1) or a PIL image."""
    return _encode_image(image, "JPEG", quality=int(quality))


def png(image: Any) -> bytes:
    """PNG bytes of an array (grey, RGB or RGBA) or a PIL image; keeps transparency."""
    return _encode_image(image, "PNG", compress_level=1)


def b64jpeg(image: Any, quality: int = 90) -> str:
    """A ``data:image/jpeg;base64,…`` URL of the image."""
    return "data:image/jpeg;base64," + base64.b64encode(jpeg(image, quality)).decode("ascii")


def b64png(image: Any) -> str:
    """A ``data:image/png;base64,…`` URL of the image."""
    return "data:image/png;base64," + base64.b64encode(png(image)).decode("ascii")


IMAGE_FORMATS = {"jpeg": jpeg, "png": png, "b64jpeg": b64jpeg, "b64png": b64png}
