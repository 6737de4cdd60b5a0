"""A set of tasks that logs what they raise and can be cancelled together."""

from __future__ import annotations

import asyncio
import inspect
import logging
from collections.abc import Iterator
from typing import Any


class TaskSet:
    """Tasks owned by the server or by one session; ``owner`` names them in logs."""

    def __init__(self, logger: logging.Logger, owner: str) -> None:
        self._logger = logger
        self._owner = owner
        self._tasks: set[asyncio.Task[Any]] = set()

    def spawn(self, task: Any, name: str | None = None) -> asyncio.Task[Any]:
        """Run a coroutine (or a coroutine function) as a task; an exception is logged."""
        if inspect.iscoroutinefunction(task):
            task = task()
        if not inspect.isawaitable(task):
            raise TypeError(f"spawn_task takes a coroutine, got {type(task).__name__}")
        t = asyncio.ensure_future(task)
        if name is not None:
            t.set_name(name)
        self._tasks.add(t)
        t.add_done_callback(self._done)
        return t

    def cancel_all(self, *, keep: asyncio.Task[Any] | None = None) -> None:
        for task in list(self._tasks):
            if task is not keep:
                task.cancel()

    def __len__(self) -> int:
        return len(self._tasks)

    def __iter__(self) -> Iterator[asyncio.Task[Any]]:
        return iter(list(self._tasks))

    def _done(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        exc = None if task.cancelled() else task.exception()
        if exc is not None:
            self._logger.error("task %s of %s raised", task.get_name(), self._owner, exc_info=exc)
