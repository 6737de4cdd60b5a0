"""``VuerClient``: the public package's small Python client, on aiohttp.

It connects, sends ``INIT`` (``client="python"``), sends ``ClientEvent``s and
yields the server's messages as event objects::

    async with VuerClient("ws://localhost:8012") as client:
        client.send @ ClientEvent(etype="HELLO", value=1)   # fire and forget
        await client.send(ClientEvent(etype="HELLO", value=2))
        async for event in client:
            print(event.etype, event.data)

For tests and for keeping the scene a browser would show, see
``vuer.testing.HeadlessClient``.
"""

from __future__ import annotations

import asyncio
import logging
import os
import platform
import ssl as ssl_module
from collections.abc import Awaitable, Callable
from typing import Any

from vuer import protocol as wire
from vuer.__about__ import __version__
from vuer.events import ClientEvent
from vuer.transport.client_socket import ClientSocket

__all__ = ["AsyncAt", "VuerClient", "client_info", "get_client_info"]

logger = logging.getLogger("vuer.client")


def client_info() -> dict[str, Any]:
    """What a Python client reports in its INIT event."""
    import time

    offset = time.localtime().tm_gmtoff
    return {
        "client": "python",
        "pkg": "vuer",
        "pkgVersion": __version__,
        "pythonVersion": platform.python_version(),
        "platform": platform.system(),
        "machine": platform.machine(),
        "timezone": time.tzname[0] if time.tzname else None,
        "timezoneOffset": -offset // 60,  # minutes west of UTC, as browsers report it
    }


get_client_info = client_info  # the public package's name


class AsyncAt:
    """An async operation written two ways: ``op @ x`` or ``await op(x)``.

    ``op @ x`` schedules ``fn(x)`` as a task and returns at once (a failure is
    logged, since nobody awaits it); ``op(x)`` returns the awaitable.
    """

    __slots__ = ("fn", "spawn")

    def __init__(
        self,
        fn: Callable[..., Awaitable[Any]],
        spawn: Callable[[Awaitable[Any]], None] | None = None,
    ) -> None:
        self.fn = fn
        self.spawn = spawn or _fire_and_forget

    def __matmul__(self, arg: Any) -> None:
        self.spawn(self.fn(arg))

    def __call__(self, *args: Any, **kwargs: Any) -> Awaitable[Any]:
        return self.fn(*args, **kwargs)


_pending: set[asyncio.Future[Any]] = set()  # keeps fire-and-forget tasks alive


def _fire_and_forget(coro: Awaitable[Any]) -> None:
    async def run() -> None:
        try:
            await coro
        except Exception as e:
            logger.warning("vuer: a fire-and-forget call failed: %r", e)

    task = asyncio.ensure_future(run())
    _pending.add(task)
    task.add_done_callback(_pending.discard)


class VuerClient:
    """Connect to a vuer server as a Python client.

    ``uri`` defaults to ``VUER_CLIENT_URI`` or ``ws://localhost:8012``;
    ``max_size`` to ``WEBSOCKET_MAX_SIZE`` or 256 MiB. ``ssl_verify=False``
    (or ``VUER_SSL_VERIFY=0``) accepts self-signed certificates; ``ssl=`` takes
    an ``ssl.SSLContext``.
    """

    def __init__(
        self,
        uri: str | None = None,
        max_size: int | None = None,
        ssl_verify: bool | None = None,
        *,
        ssl: ssl_module.SSLContext | None = None,
        URI: str | None = None,  # noqa: N803 (the public package's spelling)
    ) -> None:
        self.uri = uri or URI or os.environ.get("VUER_CLIENT_URI", "ws://localhost:8012")
        self.websocket_max_size = max_size or int(os.environ.get("WEBSOCKET_MAX_SIZE", 2**28))
        if ssl_verify is None:
            ssl_verify = os.environ.get("VUER_SSL_VERIFY", "1").lower() not in ("0", "false")
        self._ssl: ssl_module.SSLContext | bool = ssl if ssl is not None else ssl_verify
        self._socket: ClientSocket | None = None
        self._tasks: set[asyncio.Task[None]] = set()

    @property
    def connected(self) -> bool:
        return self._socket is not None and not self._socket.closed

    async def connect(self) -> VuerClient:
        """Open the socket and send INIT."""
        socket = ClientSocket(
            self.uri, max_size=self.websocket_max_size, ssl=self._ssl, logger=logger
        )
        await socket.connect()
        self._socket = socket
        await self._send(ClientEvent(etype=wire.INIT, value=client_info()))
        return self

    async def close(self) -> None:
        if self._socket is not None:
            await self._socket.close()
            self._socket = None

    async def __aenter__(self) -> VuerClient:
        return await self.connect()

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    @property
    def send(self) -> AsyncAt:
        """``client.send @ event`` (fire and forget) or ``await client.send(event)``."""
        return AsyncAt(self._send, self._spawn)

    async def _send(self, event: ClientEvent) -> None:
        if not isinstance(event, ClientEvent):
            raise TypeError(f"VuerClient sends ClientEvents, got {type(event).__name__}")
        if not self.connected:
            raise ConnectionError("not connected: call connect() or use `async with`")
        assert self._socket is not None
        await self._socket.send_map(event._serialize())

    def _spawn(self, coro: Awaitable[None]) -> None:
        async def run() -> None:
            try:
                await coro
            except Exception as e:  # nobody awaits a fire-and-forget send: log it
                logger.warning("VuerClient: send failed: %r", e)

        task = asyncio.ensure_future(run())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def recv(self, timeout: float | None = None) -> ClientEvent | None:
        """The next message from the server as an event (None on timeout or close)."""
        if self._socket is None:
            raise ConnectionError("not connected: call connect() or use `async with`")
        try:
            payload = await asyncio.wait_for(self._socket.next_message(), timeout)
        except asyncio.TimeoutError:
            return None
        return None if payload is None else ClientEvent(**payload)

    def __aiter__(self) -> VuerClient:
        return self

    async def __anext__(self) -> ClientEvent:
        event = await self.recv()
        if event is None:
            raise StopAsyncIteration
        return event
