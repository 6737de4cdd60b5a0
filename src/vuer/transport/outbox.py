"""One session's outgoing path: frames in order, merged only when the client is behind.

Every message is encoded when the program asks for it (so later mutation of an
element changes nothing already sent) and queued here; one writer task per
session sends the queue, woken by an ``asyncio.Event``. While the client keeps
up, each message goes out as its own frame: when nothing is queued and the
transport has room, ``write_now`` hands it to the transport at once from the
calling scene operation (no task switch); otherwise it is queued. While the writer is blocked on a
full transport (the client is not reading fast enough):

* ``UPDATE`` nodes queued behind the blocked frame merge by key into one open
  "run": non-strict props are dict-merged, strict ones replace. Any other
  message, and any update node that carries ``children`` or no key, seals the
  run, so nothing is ever reordered across a structural op.
* a ``SET`` discards the scene ops (SET/ADD/UPDATE/UPSERT/REMOVE) still queued
  before it: a SET replaces the whole tree, so the client's final state does not
  depend on them. Every other message (RPCs, …) is kept.

Memory bound: when the bytes waiting here exceed ``cap_bytes`` the socket is
aborted with a warning (the client reconnects and gets a fresh session). The
writer hands the transport one frame at a time and waits for it to drain below
its high-water mark before the next, so a client that stops reading costs at
most ``cap_bytes`` plus the frame in flight (counted in ``held_bytes`` until
the transport has taken it, as the transport may hold a copy). ``on_grow`` is
called after each growth so the server can check its memory budget.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Awaitable, Callable
from typing import Any

from vuer import protocol as wire
from vuer.events import now_ms
from vuer.serdes import encode

logger = logging.getLogger("vuer.session")

_ENTRY_OVERHEAD = 64  # bookkeeping bytes counted per queued item


class _UpdateRun:
    """Consecutive UPDATE nodes merged by key while the client is behind."""

    __slots__ = ("nodes", "sizes", "size")

    def __init__(self) -> None:
        self.nodes: dict[str, tuple[dict[str, Any], bool]] = {}
        self.sizes: dict[str, int] = {}
        self.size = 0

    def merge(self, key: str, node: dict[str, Any], strict: bool) -> int:
        """Merge one node in; return the change of the run's size in bytes."""
        old = self.nodes.get(key)
        if old is not None and not strict:
            old_props, old_strict = old
            node = {**old_props, **node}
            strict = old_strict
        new_size = len(encode(node))  # first: an unencodable node raises here, run unchanged
        self.nodes[key] = (node, strict)
        delta = new_size - self.sizes.get(key, 0)
        self.sizes[key] = new_size
        self.size += delta
        return delta

    def frames(self) -> list[bytes]:
        loose = [n for n, strict in self.nodes.values() if not strict]
        strict_nodes = [n for n, strict in self.nodes.values() if strict]
        out = []
        ts = now_ms()
        for nodes, strict in ((loose, False), (strict_nodes, True)):
            if nodes:
                out.append(encode(wire.update_message(nodes, strict, ts)))
        return out


# A queued item: (etype, frame) or an open run of updates.
_Item = tuple[str, bytes] | _UpdateRun


class Outbox:
    """The ordered, bounded queue of one session's outgoing frames and its writer."""

    def __init__(
        self,
        send: Callable[[bytes], Awaitable[None]],
        *,
        cap_bytes: int,
        on_overflow: Callable[[str], None],
        name: str = "",
        on_grow: Callable[[], None] | None = None,
        write_now: Callable[[bytes], bool] | None = None,
    ) -> None:
        self._send = send
        # Writes a frame synchronously when the transport has room; False: queue it.
        self._write_now = write_now
        self._on_overflow = on_overflow
        self._on_grow = on_grow
        self.cap_bytes = cap_bytes
        self.name = name
        self._items: deque[_Item] = deque()
        self._run: _UpdateRun | None = None  # the open run, always the last item
        self.pending_bytes = 0
        self.in_flight = 0  # bytes of the frame being handed to the transport
        self._wake = asyncio.Event()
        self._idle = asyncio.Event()
        self._idle.set()
        # Plain attributes (read on every scene operation, set only here):
        # ``behind``: the writer waits on a full transport, the client is not keeping up;
        # ``closed``: the socket is going away, nothing more is queued.
        self.behind = False
        self.closed = False
        self.frames_sent = 0
        self.bytes_sent = 0

    @property
    def held_bytes(self) -> int:
        """Bytes queued here plus the frame the writer is handing to the transport."""
        return self.pending_bytes + self.in_flight

    def push(self, etype: str, frame: bytes) -> None:
        """Queue one encoded message; it seals any open update run."""
        if self.closed:
            return
        if self.behind:
            if etype == wire.SET:
                self._drop_superseded()
        elif not self._items and self._write_now is not None and self._write_now(frame):
            # Sent at once: nothing waits before it and the writer is idle, so order is kept.
            self.frames_sent += 1
            self.bytes_sent += len(frame)
            return
        self._run = None
        self._items.append((etype, frame))
        self._grow(len(frame) + _ENTRY_OVERHEAD)

    def push_update(
        self, nodes: list[dict[str, Any]], strict: bool, frame: Callable[[], bytes]
    ) -> None:
        """Queue an UPDATE: merged by key while behind, else sent as its own frame.

        ``frame`` encodes the whole message; it is only called when needed.
        """
        if self.closed:
            return
        if not self.behind or not all(_mergeable(n) for n in nodes):
            self.push(wire.UPDATE, frame())
            return
        run = self._run
        if run is None:
            run = self._run = _UpdateRun()
            self._items.append(run)
            self._grow(_ENTRY_OVERHEAD)
        for node in nodes:
            # Kept as a map until sent: copy buffers so later edits to the user's array
            # do not change what goes out (the encoded path copies when it encodes).
            node = {
                k: bytes(v) if isinstance(v, (memoryview, bytearray)) else v
                for k, v in node.items()
            }
            self._grow(run.merge(node["key"], node, strict))

    def _grow(self, delta: int) -> None:
        self.pending_bytes += delta
        if self.pending_bytes > self.cap_bytes:
            self._overflow()
            return
        self._idle.clear()
        self._wake.set()
        if delta > 0 and self._on_grow is not None:
            self._on_grow()

    def _drop_superseded(self) -> None:
        kept: deque[_Item] = deque()
        size = 0
        for item in self._items:
            if isinstance(item, _UpdateRun) or item[0] in wire.SCENE_OPS:
                continue
            kept.append(item)
            size += len(item[1]) + _ENTRY_OVERHEAD
        self._items = kept
        self.pending_bytes = size

    def _overflow(self) -> None:
        msg = (
            f"session {self.name}: client is not reading; {self.pending_bytes} bytes queued "
            f"exceed the cap of {self.cap_bytes} (WEBSOCKET_MAX_SIZE + queue_len * 64 KiB). "
            "Closing the socket; the client will reconnect with a fresh session."
        )
        self.close()
        self._on_overflow(msg)

    def close(self) -> None:
        """Stop the writer and free the queue (the socket is going away)."""
        self.closed = True
        self._items.clear()
        self._run = None
        self.pending_bytes = 0
        self._wake.set()
        self._idle.set()

    async def drained(self) -> None:
        """Wait until everything queued so far has been handed to the transport."""
        await self._idle.wait()

    async def run(self) -> None:
        """The writer task: send queued frames in order until closed."""
        while True:
            while not self._items:
                if self.closed:
                    return
                self._idle.set()
                self._wake.clear()
                await self._wake.wait()
            items = self._items  # _drop_superseded may have swapped the deque
            item = items.popleft()
            if isinstance(item, _UpdateRun):
                if item is self._run:
                    self._run = None
                self.pending_bytes -= item.size + _ENTRY_OVERHEAD
                frames = item.frames()
            else:
                self.pending_bytes -= len(item[1]) + _ENTRY_OVERHEAD
                frames = [item[1]]
            del item  # sent frames are not kept alive by this loop's variables
            while frames:
                data = frames.pop(0)
                self.behind = True
                self.in_flight = len(data)
                try:
                    await self._send(data)
                finally:
                    self.behind = False
                    self.in_flight = 0
                self.frames_sent += 1
                self.bytes_sent += len(data)
                del data


def _mergeable(node: Any) -> bool:
    return isinstance(node, dict) and isinstance(node.get("key"), str) and "children" not in node
