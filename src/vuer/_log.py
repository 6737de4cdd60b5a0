"""A log call that speaks at most once per interval, counting what it held back.

Bad input from a client (malformed frames, a full inbound queue) must be
visible in the log without letting one client flood it.
"""

from __future__ import annotations

import logging
import time


class RateLimitedLog:
    """Log through ``logger`` at most once per ``interval`` seconds per instance."""

    def __init__(self, logger: logging.Logger, interval: float = 1.0) -> None:
        self._logger = logger
        self._interval = interval
        self._last = -float("inf")
        self._held = 0

    def __call__(self, level: int, msg: str, *args: object) -> None:
        now = time.monotonic()
        if now - self._last < self._interval:
            self._held += 1
            return
        if self._held:
            msg += f" ({self._held} similar messages suppressed)"
            self._held = 0
        self._last = now
        self._logger.log(level, msg, *args)
