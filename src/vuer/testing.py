"""A headless vuer client, for tests and for scripts that drive a server without a browser.

It connects, sends ``INIT``, decodes every message, keeps the scene a browser
would render (``client.scene``, per docs/protocol.md), sends events and answers
RPCs::

    from vuer.protocol import GRAB_RENDER

    async with running(Vuer(host="127.0.0.1", port=0)) as app:
        async with HeadlessClient(app.get_url()) as client:
            client.on_rpc(GRAB_RENDER, lambda msg: {"frame": b"..."})
            await client.wait_for(lambda c: c.scene.find("box") is not None)
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import ssl as ssl_module
from collections import Counter, deque
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import aiohttp

from vuer import protocol as wire
from vuer._scene_store import SceneStore
from vuer.transport.client_socket import ClientSocket

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "HeadlessClient", "SceneStore", "in_ci", "running"]

#: Debian's chromium, which the browser tests and benches drive through playwright.
CHROMIUM = "/usr/bin/chromium"
#: Headless chromium with WebGL through SwiftShader and no background traffic
#: (the machines these run on have no network beyond loopback).
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--use-gl=angle",
    "--use-angle=swiftshader",
    "--enable-unsafe-swiftshader",
    "--disable-background-networking",
)


def in_ci() -> bool:
    """True under CI (``CI=true``), where a missing browser fails tests instead of skipping them."""
    import os

    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


logger = logging.getLogger("vuer.testing")

RpcAnswer = Callable[[dict[str, Any]], Any]


def _ws_url(url: str) -> str:
    """Accept the page URL (``http://host:port/?ws=...``) or the socket URL itself."""
    from urllib.parse import parse_qs, urlsplit

    parts = urlsplit(url)
    ws = parse_qs(parts.query).get("ws")
    if ws:
        return ws[0]
    scheme = {"http": "ws", "https": "wss"}.get(parts.scheme, parts.scheme)
    return f"{scheme}://{parts.netloc}/"


class HeadlessClient:
    """A client that speaks the vuer protocol from Python.

    ``messages`` keeps the last ``history`` decoded server messages and
    ``counts`` how many of each etype arrived. ``on_rpc(etype, fn)`` answers
    every request of that etype with ``fn(message)`` (sync or async).
    """

    def __init__(
        self,
        url: str = "ws://localhost:8012",
        *,
        client_info: dict[str, Any] | None = None,
        ssl: ssl_module.SSLContext | bool | None = None,
        history: int = 10_000,
        send_init: bool = True,
        compress: int = 0,
    ) -> None:
        self.url = _ws_url(url)
        self.client_info = {"client": "python", "pkg": "vuer.testing", **(client_info or {})}
        self.scene = SceneStore()
        self.messages: deque[dict[str, Any]] = deque(maxlen=history)
        self.counts: Counter[str] = Counter()
        # compress=15 offers permessage-deflate, as browsers do
        self._socket = ClientSocket(
            self.url, compress=compress, ssl=True if ssl is None else ssl, logger=logger
        )
        self._send_init = send_init
        self._rpc: dict[str, RpcAnswer] = {}
        # (predicate, future): checked in the reader after each message, so a waiter
        # wakes once when its condition holds, not once per message.
        self._waiters: list[tuple[Callable[[HeadlessClient], Any], asyncio.Future[None]]] = []
        self._listeners: list[tuple[str | None, asyncio.Future[dict[str, Any]]]] = []
        self._reader: asyncio.Task[None] | None = None
        self._reading = asyncio.Event()
        self._reading.set()
        self._tasks: set[asyncio.Task[Any]] = set()
        self._ended = False  # the reader stopped: no more messages will come

    # ---- connection -----------------------------------------------------------

    @property
    def bytes_received(self) -> int:
        """Bytes of every binary frame received so far."""
        return self._socket.bytes_received

    @property
    def close_code(self) -> int | None:
        """The socket's close code, once the reader has seen it close."""
        return self._socket.close_code

    @property
    def close_reason(self) -> str:
        """The reason text of the server's close frame."""
        return self._socket.close_reason

    async def connect(self) -> HeadlessClient:
        await self._socket.connect()
        self._reader = asyncio.ensure_future(self._read())
        if self._send_init:
            await self.send(wire.INIT, self.client_info)
        return self

    async def close(self) -> None:
        if self._socket.opened:
            await self._socket.ws.close()
        if self._reader is not None:
            self._reader.cancel()
            await asyncio.gather(self._reader, return_exceptions=True)
        for task in list(self._tasks):
            task.cancel()
        await self._socket.close()

    async def __aenter__(self) -> HeadlessClient:
        return await self.connect()

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    @property
    def closed(self) -> bool:
        return self._socket.closed

    @property
    def socket(self) -> aiohttp.ClientWebSocketResponse:
        assert self._socket.opened, "not connected"
        return self._socket.ws

    def pause_reading(self) -> None:
        """Stop taking messages off the socket (to play a client that fell behind)."""
        self._reading.clear()

    def resume_reading(self) -> None:
        self._reading.set()

    # ---- sending --------------------------------------------------------------

    async def send(self, etype: str, value: Any = None, key: str | None = None, **extra: Any):
        """Send one client event ``{"etype", "ts", "value", "key"?, **extra}``."""
        await self._socket.send_event(etype, value, key, **extra)

    async def send_raw(self, data: bytes | str) -> None:
        """Send a frame as is (binary for bytes, text for str): for protocol tests."""
        await self._socket.send_raw(data)

    async def answer(
        self, request: dict[str, Any], value: Any = None, *, done: bool | None = None
    ) -> None:
        """Answer an RPC message (``done=True`` ends an ``rpc_stream``)."""
        rtype = wire.response_etype(request["etype"], request["uuid"])
        extra = {} if done is None else {"done": done}
        await self._socket.send_event(rtype, value, **extra)

    def on_rpc(self, etype: str, fn: RpcAnswer | None) -> None:
        """Answer every RPC of ``etype`` with ``fn(message)``; None stops answering."""
        if fn is None:
            self._rpc.pop(etype, None)
        else:
            self._rpc[etype] = fn

    # ---- receiving ------------------------------------------------------------

    async def _read(self) -> None:
        try:
            while True:
                if not self._reading.is_set():
                    await self._reading.wait()
                msg = await self._socket.next_message()
                if msg is None:
                    break
                self._on_message(msg)
        finally:
            if self._socket.close_code is None and self._socket.opened:
                self._socket.close_code = self._socket.ws.close_code
            self._ended = True
            for _, future in self._listeners:
                if not future.done():
                    future.set_exception(ConnectionError("the socket closed"))
                    future.exception()
            self._notify()

    def _on_message(self, msg: dict[str, Any]) -> None:
        etype = msg.get("etype")
        self.counts[str(etype)] += 1
        self.messages.append(msg)
        self.scene.apply(msg)
        for want, future in list(self._listeners):
            if (want is None or want == etype) and not future.done():
                future.set_result(msg)
                self._listeners.remove((want, future))
        answer = self._rpc.get(str(etype))
        if answer is not None and "uuid" in msg:
            task = asyncio.ensure_future(self._answer_with(answer, msg))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
        self._notify()

    async def _answer_with(self, fn: RpcAnswer, msg: dict[str, Any]) -> None:
        try:
            value = fn(msg)
            if inspect.isawaitable(value):
                value = await value
            await self.answer(msg, value)
        except Exception:
            logger.exception("answering %s failed", msg.get("etype"))

    def _notify(self) -> None:
        if not self._waiters:
            return
        closed = self._ended
        pending = []
        for predicate, future in self._waiters:
            if future.done():
                continue
            try:
                held = predicate(self)
            except Exception as e:  # a broken predicate fails its own waiter only
                future.set_exception(e)
                continue
            if held:
                future.set_result(None)
            elif closed:
                future.set_exception(ConnectionError("the socket closed before the condition held"))
            else:
                pending.append((predicate, future))
        self._waiters = pending

    async def wait_for(
        self, predicate: Callable[[HeadlessClient], Any], timeout: float = 5.0
    ) -> None:
        """Wait until ``predicate(client)`` is true, re-checked after every message.

        Raises ``asyncio.TimeoutError`` after ``timeout`` s, ``ConnectionError``
        if the socket closes first.
        """
        if predicate(self):
            return
        if self._reader is None or self._ended:
            raise ConnectionError("the socket closed before the condition held")
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        entry = (predicate, future)
        self._waiters.append(entry)
        try:
            await asyncio.wait_for(future, timeout)
        finally:
            if entry in self._waiters:
                self._waiters.remove(entry)

    async def next_message(self, etype: str | None = None, timeout: float = 5.0) -> dict[str, Any]:
        """The next message (of ``etype``, when given) that arrives from now on."""
        future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        entry = (etype, future)
        self._listeners.append(entry)
        try:
            return await asyncio.wait_for(future, timeout)
        finally:
            if entry in self._listeners:
                self._listeners.remove(entry)

    async def wait_closed(self, timeout: float = 5.0) -> int | None:
        """Wait until the server closes the socket; return its close code."""
        if self._reader is not None:
            await asyncio.wait_for(asyncio.shield(self._reader), timeout)
        return self.close_code


@asynccontextmanager
async def running(app: Any) -> AsyncIterator[Any]:
    """Serve ``app`` (a ``Vuer``) in the running loop for the duration of the block."""
    await app.astart()
    try:
        yield app
    finally:
        await app.astop()
