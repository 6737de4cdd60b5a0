"""One websocket to a vuer server from Python, as a client speaks it.

``VuerClient`` (the public package's small client) and
``vuer.testing.HeadlessClient`` both talk through this: it connects, sends
client events as msgpack maps and hands back each server message as a map.
Frames that are not a msgpack map are logged and skipped.
"""

from __future__ import annotations

import logging
import ssl as ssl_module
from typing import Any

import aiohttp

from vuer import protocol as wire
from vuer.events import now_ms
from vuer.serdes import decode, encode

_CLOSING = (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSING)


class ClientSocket:
    """A client's websocket: ``connect``, ``send_event`` / ``send_map``, ``next_message``.

    ``max_size`` caps an incoming frame (0: no cap); ``compress=15`` offers
    permessage-deflate, as browsers do; ``ssl`` is aiohttp's (a context, or
    False to accept self-signed certificates).
    """

    def __init__(
        self,
        url: str,
        *,
        max_size: int = 0,
        compress: int = 0,
        ssl: ssl_module.SSLContext | bool = True,
        logger: logging.Logger | None = None,
    ) -> None:
        self.url = url
        self.max_size = max_size
        self.compress = compress
        self.ssl = ssl
        self.log = logger or logging.getLogger("vuer.client")
        self.bytes_received = 0
        self.close_code: int | None = None
        self.close_reason = ""  # the reason text of the server's close frame
        self._http: aiohttp.ClientSession | None = None
        self._ws: aiohttp.ClientWebSocketResponse | None = None

    async def connect(self) -> None:
        self._http = aiohttp.ClientSession()
        try:
            self._ws = await self._http.ws_connect(
                self.url, max_msg_size=self.max_size, compress=self.compress, ssl=self.ssl
            )
        except BaseException:
            await self._http.close()
            self._http = None
            raise

    async def close(self) -> None:
        if self._ws is not None:
            await self._ws.close()
        if self._http is not None:
            await self._http.close()
            self._http = None

    @property
    def opened(self) -> bool:
        """True once connected (the socket may have closed since)."""
        return self._ws is not None

    @property
    def closed(self) -> bool:
        return self._ws is None or self._ws.closed

    @property
    def ws(self) -> aiohttp.ClientWebSocketResponse:
        if self._ws is None:
            raise ConnectionError("not connected: call connect() or use `async with`")
        return self._ws

    async def send_event(self, etype: str, value: Any = None, key: str | None = None, **extra: Any):
        """Send one client event ``{"etype", "ts", "value", "key"?, **extra}``."""
        await self.send_raw(encode(wire.client_message(etype, value, now_ms(), key, **extra)))

    async def send_map(self, msg: dict[str, Any]) -> None:
        """Send a client event already made into a map (``ts`` filled in when missing)."""
        if msg.get("ts") is None:
            msg["ts"] = now_ms()
        await self.send_raw(encode(msg))

    async def send_raw(self, data: bytes | str) -> None:
        """Send a frame as is (binary for bytes, text for str)."""
        if isinstance(data, str):
            await self.ws.send_str(data)
        else:
            await self.ws.send_bytes(data)

    async def next_message(self) -> dict[str, Any] | None:
        """The next server message as a map; None once the socket is closed."""
        ws = self.ws
        while True:
            msg = await ws.receive()
            kind = msg.type
            if kind == aiohttp.WSMsgType.BINARY:
                decoded = self._decode(msg.data)
                if decoded is not None:
                    return decoded
            elif kind == aiohttp.WSMsgType.TEXT:
                self.log.warning("server sent a text frame: %.80r", msg.data)
            elif kind in _CLOSING:
                if kind == aiohttp.WSMsgType.CLOSE:
                    self.close_reason = msg.extra or ""
            elif kind in (aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR):
                self.close_code = ws.close_code
                return None
            # PING/PONG: aiohttp answers them itself

    def _decode(self, data: bytes) -> dict[str, Any] | None:
        self.bytes_received += len(data)
        try:
            msg = decode(data)
        except ValueError as e:
            self.log.warning("undecodable frame from the server: %s", e)
            return None
        if not isinstance(msg, dict) or not all(isinstance(k, str) for k in msg):
            self.log.warning("server frame is not a map: %.80r", msg)
            return None
        return msg
