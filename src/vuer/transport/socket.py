"""The websocket loop of one client: accept, read and dispatch frames, write, close.

The server supplies a ``SocketHost``: it opens a session for a new socket and
forgets it when the socket is gone. Everything between (the reader below, the
session's writer task) talks to the session through its public methods.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Protocol

from aiohttp import WSMsgType, web

from vuer._log import RateLimitedLog
from vuer._trim import BIG_FRAME, release_freed_memory
from vuer.transport.inbound import BadFrame, parse_client_frame, preview

if TYPE_CHECKING:
    from vuer.session import VuerSession

logger = logging.getLogger("vuer.server")


class SocketHost(Protocol):
    """What the socket loop needs of the server."""

    WEBSOCKET_MAX_SIZE: int
    heartbeat: float | None

    def open_session(self, ws: web.WebSocketResponse, request: web.Request) -> VuerSession:
        """Make and register the session of a socket that just opened."""
        ...

    def close_session(self, session: VuerSession) -> None:
        """Forget a session whose socket is gone."""
        ...


async def serve_socket(host: SocketHost, request: web.Request) -> web.WebSocketResponse:
    """Run one client's socket until it closes."""
    # Frames up to twice the limit are read and skipped (the session goes
    # on); past that even reading one to discard it costs too much memory,
    # so aiohttp closes the socket with 1009.
    # The origin check for the handshake is the origin middleware's (403).
    # The heartbeat pings the client and drops it when no pong comes back.
    max_size = host.WEBSOCKET_MAX_SIZE
    ws = web.WebSocketResponse(
        compress=False, max_msg_size=2 * max_size, heartbeat=host.heartbeat or None
    )
    await ws.prepare(request)
    session = host.open_session(ws, request)
    ws_id = session.ws_id
    writer = asyncio.ensure_future(session.write_loop())
    bad = RateLimitedLog(logger, 1.0)  # per session: one client cannot flood the log
    try:
        while True:
            msg = await ws.receive()
            kind = msg.type
            if kind in (WSMsgType.CLOSE, WSMsgType.CLOSING, WSMsgType.CLOSED):
                break
            if kind == WSMsgType.BINARY:
                data, msg = msg.data, None  # only `data` keeps the frame alive
                on_frame(session, data, bad, max_size)
                del data  # dispatched: the frame is the event's now, or garbage
            elif kind == WSMsgType.TEXT:
                text = preview(msg.data)
                bad(logging.WARNING, "session %s: skipped a text frame %s", ws_id, text)
            elif kind == WSMsgType.ERROR:
                logger.warning(
                    "session %s: closing after a socket error: %s (WEBSOCKET_MAX_SIZE=%d)",
                    ws_id,
                    ws.exception(),
                    max_size,
                )
    except ConnectionError as e:
        logger.info("session %s: connection ended: %r", ws_id, e)
    finally:
        msg = None
        session.shutdown()
        writer.cancel()
        host.close_session(session)
    return ws


def on_frame(session: VuerSession, data: bytes, bad: RateLimitedLog, max_size: int) -> None:
    """Decode one binary frame and dispatch it; a bad one is logged and skipped."""
    ws_id, size = session.ws_id, len(data)
    if size > max_size:
        bad(
            logging.WARNING,
            "session %s: skipped an oversize frame of %d bytes (WEBSOCKET_MAX_SIZE=%d)",
            ws_id,
            size,
            max_size,
        )
        return
    if size >= BIG_FRAME:  # aiohttp's buffers for assembling it are free: return them
        release_freed_memory()
    try:
        event = parse_client_frame(data)
    except BadFrame as e:
        head = preview(bytes(data[:200]))
        bad(logging.WARNING, "session %s: skipped a bad frame: %s; frame %s", ws_id, e, head)
        return
    finally:
        if size >= BIG_FRAME:  # what decoding it freed goes back to the OS
            release_freed_memory()
    del data
    try:
        session.receive(event, size)
    except Exception:
        logger.exception("session %s: failed to dispatch %s", ws_id, preview(event.etype, 120))
