"""Running a numpy kernel over row ranges of a large array on a few threads.

numpy releases the GIL inside casts and ufuncs, so independent row ranges
convert in parallel. Small arrays run inline: handing off costs more than it saves.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from itertools import pairwise

# Rows below which one thread is faster than several (about 0.3 ms of float16 casting).
PARALLEL_MIN_ROWS = 1 << 17
# Rows per kernel call: keeps float32 scratch blocks inside the L2 cache.
BLOCK_ROWS = 1 << 14

_lock = threading.Lock()
_pool: ThreadPoolExecutor | None = None
_pool_pid = 0


def _workers() -> int:
    return max(1, min(4, os.cpu_count() or 1))


def _executor() -> ThreadPoolExecutor:
    global _pool, _pool_pid
    with _lock:
        # A forked child inherits the pool object but not its threads: make a new one.
        if _pool is None or _pool_pid != os.getpid():
            _pool = ThreadPoolExecutor(_workers(), thread_name_prefix="vuer-pack")
            _pool_pid = os.getpid()
        return _pool


def _blocks(kernel: Callable[[int, int], None], start: int, stop: int) -> None:
    for a in range(start, stop, BLOCK_ROWS):
        kernel(a, min(a + BLOCK_ROWS, stop))


def in_chunks(kernel: Callable[[int, int], None], rows: int) -> None:
    """Call ``kernel(start, stop)`` over blocks covering ``range(rows)``; exceptions propagate."""
    workers = _workers()
    if rows < PARALLEL_MIN_ROWS or workers == 1:
        _blocks(kernel, 0, rows)
        return
    bounds = [rows * i // workers for i in range(workers + 1)]
    pool = _executor()
    futures = [pool.submit(_blocks, kernel, a, b) for a, b in pairwise(bounds)]
    for future in futures:
        future.result()
