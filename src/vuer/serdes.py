"""Wire encoding: one msgpack map per websocket frame.

numpy arrays that reach the encoder become lists through ``tolist`` (one C
call); components whose payload is large (point clouds, meshes, images)
convert it to bytes first, so those travel as msgpack ``bin`` and are never
expanded into Python lists.
"""

from __future__ import annotations

import base64
from io import BytesIO
from pathlib import PurePath
from typing import Any

import msgpack
import numpy as np

from vuer.protocol import update_message

__all__ = [
    "IMAGE_FORMATS",
    "b64jpeg",
    "b64png",
    "decode",
    "encode",
    "jpeg",
    "png",
    "serializer",
    "to_wire",
    "wire_value",
]


# Types msgpack packs as they are (subclasses too: str enums, numpy's float64).
_PLAIN = (str, int, float, bool, type(None), bytes)
_PLAIN_TYPES = frozenset(_PLAIN)
# URL-like objects (yarl.URL, pydantic urls, ...) travel as their string.
_URL_TYPES = frozenset(("URL", "Url", "AnyUrl", "HttpUrl"))


def wire_value(obj: Any) -> Any:
    """The one converter of a value msgpack cannot pack itself, one level deep.

    The packer calls it for every such value it meets (so prop values may reach
    the encoder as they are); ``to_wire`` uses it for the deep, plain copy.
    Raises ``TypeError`` for a value that has no wire form.
    """
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
    if isinstance(obj, memoryview):  # only a non-contiguous view gets here
        return obj.tobytes()
    if type(obj).__name__ in _URL_TYPES:
        return str(obj)
    raise TypeError(f"vuer cannot encode a {type(obj).__name__} for the wire: {obj!r:.80}")


def to_wire(value: Any) -> Any:
    """A deep copy of ``value`` made of plain maps, lists and scalars (what the
    client receives); a value with no wire form is returned as it is.

    numpy arrays become lists through ``tolist`` (one C call, no Python loop);
    payloads that must travel as bytes are converted by their component.
    """
    if type(value) in _PLAIN_TYPES or isinstance(value, _PLAIN):
        return value
    if isinstance(value, (list, tuple)):
        return [to_wire(v) for v in value]
    if isinstance(value, dict):
        return {k: to_wire(v) for k, v in value.items()}
    if isinstance(value, memoryview):
        # Packed arrays travel as views of their buffer; msgpack copies them once.
        return value if value.c_contiguous else value.tobytes()
    if isinstance(value, bytearray):
        return bytes(value)
    if isinstance(value, (set, frozenset)):
        return [to_wire(v) for v in value]
    try:
        return wire_value(value)  # every result is plain already (``_serialize`` is deep)
    except TypeError:
        return value


# Packers ready for use. Building one per message costs as much as packing a small
# update, so they are reused: each call takes one out (list pop/append are atomic),
# so threads, and a call re-entered from a ``_serialize``, never share one.
_free_packers: list[msgpack.Packer] = []


def encode(obj: Any) -> bytes:
    """Encode a message (a map, an event or an element) as msgpack bytes.

    numpy scalars and arrays that reach here go through ``wire_value``; large
    arrays are expected to arrive already as bytes/memoryviews (msgpack ``bin``,
    packed without a copy into Python lists).
    """
    try:
        return _pack(obj)
    except BufferError:
        # A non-contiguous memoryview inside a list or map: msgpack cannot read it
        # and does not ask ``wire_value``; the deep copy turns it into bytes.
        return _pack(to_wire(obj))


def _pack(obj: Any) -> bytes:
    """Pack ``obj`` with a packer taken from the pool for the call."""
    try:
        packer = _free_packers.pop()
    except IndexError:
        packer = msgpack.Packer(default=wire_value, use_bin_type=True)
    try:
        return packer.pack(obj)
    except BaseException:
        packer.reset()  # a failed pack may leave partial output in the buffer
        raise
    finally:
        _free_packers.append(packer)


def encode_update(nodes: list[Any], strict: bool, ts: int) -> bytes:
    """``encode(protocol.update_message(nodes, strict, ts))``, byte for byte, packing
    only the nodes: an update stream spends a good part of its time here."""
    if not 0xFFFFFFFF < ts <= 0xFFFFFFFFFFFFFFFF:  # a clock in ms is always a uint64
        return encode(update_message(nodes, strict, ts))
    try:
        body = _pack(nodes)
    except Exception:  # encode converts what the packer could not read, or says what is wrong
        return encode(update_message(nodes, strict, ts))
    return b"".join((_UPDATE_HEAD, ts.to_bytes(8, "big"), _UPDATE_NODES, body, _STRICT[strict]))


# The fixed bytes of an update map {etype, ts, data: {nodes}, strict}, cut from one
# packed by msgpack around its values, so ``encode_update`` agrees with ``encode``.
_SAMPLE = msgpack.packb(update_message([], False, 0xFFFFFFFFFFFFFFFF))
_UPDATE_HEAD, _REST = _SAMPLE.split(b"\xff" * 8)  # the head ends with uint64's 0xcf
_UPDATE_NODES = _REST[: _REST.index(b"\x90")]  # up to the empty node list
_STRICT = (_REST[_REST.index(b"\x90") + 1 :], msgpack.packb(update_message([], True, 0))[-8:])
del _SAMPLE, _REST


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
    """Turn elements (and lists of them) into plain maps, as the public API does;
    any other value is returned as it is (the public contract)."""
    if isinstance(data, (list, tuple)):
        return [serializer(d) for d in data]
    return data._serialize() if hasattr(data, "_serialize") else data


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
