"""Packing numpy arrays into the little-endian byte layouts the client reads.

Each helper makes at most one conversion pass plus the final ``tobytes`` copy:
no Python-level loop ever touches the elements. Values that are already bytes
(a payload packed earlier, or bytes the caller packed itself) pass through.
"""

from __future__ import annotations

from typing import Any, Literal

import numpy as np

Precision = Literal["float16", "float32"]
PRECISIONS: dict[str, str] = {"float16": "<f2", "float32": "<f4"}
_BYTES = (bytes, bytearray, memoryview)


def check_precision(owner: str, precision: Any) -> str:
    """The little-endian dtype for ``precision``; ``ValueError`` for anything else."""
    if precision is None:
        return PRECISIONS["float16"]
    try:
        return PRECISIONS[precision]
    except (KeyError, TypeError):
        raise ValueError(
            f"{owner}: precision must be 'float16' or 'float32', got {precision!r:.40}"
        ) from None


def _as_array(owner: str, name: str, value: Any) -> np.ndarray:
    try:
        array = np.asarray(value)
    except (TypeError, ValueError) as e:
        raise TypeError(f"{owner}.{name}: expected an array, got {type(value).__name__}") from e
    if array.dtype.kind not in "biuf":
        raise TypeError(f"{owner}.{name}: expected numbers, got dtype {array.dtype}")
    return array


def _check_width(owner: str, name: str, array: np.ndarray, width: int) -> None:
    if array.ndim == 2 and array.shape[1] == width:
        return
    if array.ndim == 1 and array.size % width == 0:
        return
    raise ValueError(
        f"{owner}.{name}: expected shape (N, {width}) or a flat array of N*{width} values, "
        f"got shape {array.shape}"
    )


def pack_float(owner: str, name: str, value: Any, width: int, dtype: str) -> bytes:
    """(N, width) numbers as packed little-endian float16/float32 bytes."""
    if isinstance(value, _BYTES):
        return bytes(value)
    array = _as_array(owner, name, value)
    _check_width(owner, name, array, width)
    # astype to the exact dtype (one pass; C order) unless it is already there.
    if array.dtype != np.dtype(dtype) or not array.flags.c_contiguous:
        array = array.astype(dtype, order="C")
    return array.tobytes()


def pack_colors(owner: str, name: str, value: Any) -> bytes:
    """(N, 3) or (N, 4) colours as packed uint8 rgb bytes.

    uint8 passes as is; floats are taken as 0..1 and scaled to 0..255 (rounded,
    clipped); other integers are taken as 0..255 and clipped. Alpha is dropped.
    """
    if isinstance(value, _BYTES):
        return bytes(value)
    array = _as_array(owner, name, value)
    if array.ndim == 2 and array.shape[1] == 4:
        array = array[:, :3]
    _check_width(owner, name, array, 3)
    if array.dtype == np.uint8:
        return np.ascontiguousarray(array).tobytes()
    if array.dtype.kind == "f":
        # float32 scratch buffer, updated in place: scale, round, clip, cast.
        scratch = np.multiply(array, np.float32(255.0), dtype=np.float32)
        np.add(scratch, np.float32(0.5), out=scratch)
        np.clip(scratch, 0.0, 255.0, out=scratch)
        return scratch.astype(np.uint8).tobytes()
    return np.clip(array, 0, 255).astype(np.uint8).tobytes()


def pack_faces(owner: str, name: str, value: Any, n_vertices: int | None) -> bytes:
    """(M, 3) vertex indices as packed little-endian uint32 bytes, range-checked."""
    if isinstance(value, _BYTES):
        return bytes(value)
    array = _as_array(owner, name, value)
    _check_width(owner, name, array, 3)
    if array.dtype.kind == "f":
        raise TypeError(f"{owner}.{name}: face indices must be integers, got {array.dtype}")
    if array.size:
        low, high = int(array.min()), int(array.max())
        if low < 0 or (n_vertices is not None and high >= n_vertices):
            raise ValueError(
                f"{owner}.{name}: indices must lie in [0, {n_vertices}), got [{low}, {high}]"
            )
    if array.dtype != np.dtype("<u4") or not array.flags.c_contiguous:
        array = array.astype("<u4", order="C")
    return array.tobytes()


def vertex_count(value: Any, width: int = 3) -> int | None:
    """How many (x, y, z) vertices ``value`` holds, when it is an array."""
    if isinstance(value, np.ndarray):
        return int(value.size // width)
    return None
