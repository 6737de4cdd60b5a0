"""Give freed heap memory back to the OS after a big frame (glibc only; else a no-op).

glibc raises its mmap threshold after a large block is freed, so the next
frame-sized buffers come from the heap, and freed heap pages stay in the
process: each big frame would leave RSS higher than it found it. ``malloc_trim``
returns those pages; it costs a heap walk, so it runs only after big frames.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from collections.abc import Callable

BIG_FRAME = 1 << 20  # trim after frames at least this large


def _load() -> Callable[[int], int] | None:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim = libc.malloc_trim
    except (OSError, AttributeError):  # not glibc (macOS, musl, Windows)
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim


_malloc_trim = _load()


def release_freed_memory() -> None:
    """Return freed heap pages to the OS, where the C library can."""
    if _malloc_trim is not None:
        _malloc_trim(0)
