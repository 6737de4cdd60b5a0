"""One memory budget for the whole server: what every session holds, together.

Each session already has its own cap on what it queues; several stalled
clients could still add up to more than the machine can spare. A session holds
the frames queued for it, the frame its writer is handing to the socket, what
the socket's transport has not sent yet, and the client events waiting in its
inbound queues. When the sum over all sessions passes ``memory_budget``, the
session holding the most is cut off (its queues freed, its socket aborted),
with a warning that names it, until the sum fits again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vuer.session import VuerSession

logger = logging.getLogger("vuer.server")


class MemoryBudget:
    """Checks the server-wide total and cuts off the biggest holder when it is over."""

    def __init__(self, limit: int, sessions: Callable[[], Iterable[VuerSession]]) -> None:
        self.limit = limit
        self._sessions = sessions
        self._checking = False
        self.cut_offs = 0

    def total(self) -> int:
        return sum(s.held_bytes() for s in self._sessions())

    def check(self) -> None:
        if self._checking or self.limit <= 0:  # re-entered from a cut-off: already on it
            return
        self._checking = True
        try:
            while True:
                held = [(s.held_bytes(), s) for s in self._sessions() if not s.cut_off]
                total = sum(h for h, _ in held)
                if total <= self.limit or not held:
                    return
                size, biggest = max(held, key=lambda pair: pair[0])
                if size <= 0:
                    return
                self.cut_offs += 1
                biggest.drop_for_memory(
                    f"session {biggest.ws_id}: the server holds {total} bytes for its clients, "
                    f"over memory_budget={self.limit}; cutting off this session, which holds "
                    f"{size} (the client will reconnect with a fresh session)"
                )
        finally:
            self._checking = False
