"""Drive a generator bound with ``app.bind`` (the older API) for one session.

The generator yields server events and is sent the session's client events
one by one. ``Frame(event, frame_rate)`` sends ``event`` and resumes the
generator ``1/frame_rate`` s later with a ``NullEvent``; ``End()`` (or the
generator returning) closes the session. It runs as the session's own task,
so a slow generator never blocks the socket reader; its client events wait in
a deque bounded by ``queue_len``.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Callable
from typing import Any, Protocol

from vuer.events import ClientEvent, End, Frame, Noop, NullEvent, ServerEvent

logger = logging.getLogger("vuer.session")

_FINISHED = object()


class BoundSession(Protocol):
    """What the generator's driver needs of its session."""

    queue_len: int

    def send(self, event: ServerEvent) -> None: ...

    async def close(self) -> None: ...


class BoundGenerator:
    """One session's bound generator and the client events waiting for it."""

    def __init__(self, session: BoundSession, fn: Callable[[Any], Any]) -> None:
        self.session = session
        self.fn = fn
        self.inbox: deque[ClientEvent] = deque(maxlen=max(1, session.queue_len))
        self.wake = asyncio.Event()

    async def _next_event(self) -> ClientEvent:
        while not self.inbox:
            self.wake.clear()
            await self.wake.wait()
        return self.inbox.popleft()

    async def run(self) -> None:
        session = self.session
        gen = self.fn(session)
        is_async = hasattr(gen, "asend")

        async def step(value: Any) -> Any:
            try:
                return await gen.asend(value) if is_async else gen.send(value)
            except (StopIteration, StopAsyncIteration):
                return _FINISHED

        try:
            event = await step(None)
            while event is not _FINISHED:
                while isinstance(event, Frame):
                    if not isinstance(event.data, Noop):
                        session.send(event.data)
                    await asyncio.sleep(1 / event.frame_rate if event.frame_rate else 0)
                    event = await step(NullEvent())
                if event is _FINISHED:
                    break
                if isinstance(event, End):
                    session.send(event)
                    break
                if isinstance(event, ServerEvent) and not isinstance(event, Noop):
                    session.send(event)
                elif event is not None and not isinstance(event, ServerEvent):
                    logger.warning("bound generator yielded %r, not a ServerEvent", event)
                event = await step(await self._next_event())
            await session.close()
        except asyncio.CancelledError:
            raise
        except Exception:
            logger.exception("bound generator %r raised", self.fn)
            await session.close()
