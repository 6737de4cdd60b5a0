"""Packing numpy arrays into the little-endian byte layouts the client reads.

Each helper makes at most one conversion pass plus the final ``tobytes`` copy:
no Python-level loop ever touches the elements. Values that are already bytes
(a payload packed earlier, or bytes the caller packed itself) pass through.
"""

from __future__ import annotations

from typing import Any, Literal

import numpy as np

from vuer.schemas._chunks import in_chunks

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


def _rows(owner: str, name: str, array: np.ndarray, width: int) -> np.ndarray:
    """The array as (N, width) rows; flat arrays of N*width values are reshaped."""
    if array.ndim == 2 and array.shape[1] == width:
        return array
    if array.ndim == 1 and array.size % width == 0:
        return array.reshape(-1, width)
    raise ValueError(
        f"{owner}.{name}: expected shape (N, {width}) or a flat array of N*{width} values, "
        f"got shape {array.shape}"
    )


def _wire_bytes(array: np.ndarray) -> memoryview:
    """A flat byte view of an array this module allocated (so nobody else mutates it).

    msgpack packs it as ``bin`` straight from the array's memory: no ``tobytes`` copy.
    """
    return array.reshape(-1).view(np.uint8).data


def _convert(src: np.ndarray, dtype: str) -> np.ndarray:
    out = np.empty(src.shape, dtype)
    in_chunks(lambda a, b: np.copyto(out[a:b], src[a:b], casting="unsafe"), len(src))
    return out


def pack_float(owner: str, name: str, value: Any, width: int, dtype: str) -> bytes | memoryview:
    """(N, width) numbers as packed little-endian float16/float32 bytes."""
    if isinstance(value, _BYTES):
        return value if isinstance(value, (bytes, memoryview)) else bytes(value)
    array = _rows(owner, name, _as_array(owner, name, value), width)
    if array.dtype == np.dtype(dtype) and array.flags.c_contiguous:
        return array.tobytes()  # a snapshot: the caller may reuse its array
    # float16 casts are scalar in numpy (~2 ns a value): large arrays convert in chunks
    # on a few threads, which halves the time of a 1M-point cloud on two cores.
    return _wire_bytes(_convert(array, dtype))


def pack_colors(owner: str, name: str, value: Any) -> bytes | memoryview:
    """(N, 3) or (N, 4) colours as packed uint8 rgb bytes.

    uint8 passes as is; floats are taken as 0..1 and scaled to 0..255 (rounded,
    clipped); other integers are taken as 0..255 and clipped. Alpha is dropped.
    """
    if isinstance(value, _BYTES):
        return value if isinstance(value, (bytes, memoryview)) else bytes(value)
    array = _as_array(owner, name, value)
    if array.ndim == 2 and array.shape[1] == 4:
        array = array[:, :3]
    array = _rows(owner, name, array, 3)
    if array.dtype == np.uint8:
        return np.ascontiguousarray(array).tobytes()
    out = np.empty(array.shape, np.uint8)
    if array.dtype.kind == "f":

        def scale(a: int, b: int) -> None:
            # A float32 scratch block per chunk, updated in place: scale, round, clip, cast.
            scratch = np.multiply(array[a:b], np.float32(255.0), dtype=np.float32)
            np.add(scratch, np.float32(0.5), out=scratch)
            np.clip(scratch, 0.0, 255.0, out=scratch)
            np.copyto(out[a:b], scratch, casting="unsafe")

        in_chunks(scale, len(array))
    else:
        np.copyto(out, np.clip(array, 0, 255), casting="unsafe")
    return _wire_bytes(out)


def pack_faces(owner: str, name: str, value: Any, n_vertices: int | None) -> bytes | memoryview:
    """(M, 3) vertex indices as packed little-endian uint32 bytes, range-checked."""
    if isinstance(value, _BYTES):
        return value if isinstance(value, (bytes, memoryview)) else bytes(value)
    array = _rows(owner, name, _as_array(owner, name, value), 3)
    if array.dtype.kind == "f":
        raise TypeError(f"{owner}.{name}: face indices must be integers, got {array.dtype}")
    if array.size:
        low, high = int(array.min()), int(array.max())
        if low < 0 or (n_vertices is not None and high >= n_vertices):
            raise ValueError(
                f"{owner}.{name}: indices must lie in [0, {n_vertices}), got [{low}, {high}]"
            )
    if array.dtype == np.dtype("<u4") and array.flags.c_contiguous:
        return array.tobytes()
    return _wire_bytes(array.astype("<u4", order="C"))
