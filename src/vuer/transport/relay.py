"""``POST /relay?sid=<id>|*``: forward a server event from another process to sessions.

Off until a token is configured (``Vuer(relay_token=...)`` or
``VUER_RELAY_TOKEN``): any local process, or a web page in the user's browser,
could otherwise replace a client's scene. Callers send
``Authorization: Bearer <token>``. The body must be one msgpack map with a
string ``etype`` (a server event, not a client RPC answer); scene operations
must carry their ``data`` map. A declared ``Content-Length`` over the limit is
refused before anything is read. The reply is JSON: ``{"sent": n}``, or
``{"sent": 0, "error": ...}`` with a 4xx status.
"""

from __future__ import annotations

import hmac
from collections.abc import Mapping
from typing import Any, Protocol

from aiohttp import web

from vuer import protocol as wire
from vuer.events import now_ms
from vuer.serdes import encode
from vuer.transport.inbound import BadFrame, decode_limited, preview


class FrameSink(Protocol):
    def push_frame(self, etype: str, frame: bytes) -> None: ...


class RelayHost(Protocol):
    """What the relay needs of the server: its token, frame limit and sessions."""

    relay_token: str | None
    WEBSOCKET_MAX_SIZE: int

    @property
    def sessions(self) -> Mapping[str, FrameSink]: ...


NO_TOKEN = (
    "POST /relay is off: no relay token is configured. Start the server with "
    "Vuer(relay_token=...) or the environment variable VUER_RELAY_TOKEN, and send "
    "'Authorization: Bearer <token>'."
)


def _reply(status: int, **body: Any) -> web.Response:
    return web.json_response(body, status=status)


def _refusal(app: RelayHost, request: web.Request) -> web.Response | None:
    if not app.relay_token:
        return _reply(403, sent=0, error=NO_TOKEN)
    given = request.headers.get("Authorization", "").encode()
    if not hmac.compare_digest(given, f"Bearer {app.relay_token}".encode()):
        return _reply(401, sent=0, error="missing or wrong relay token")
    return None


async def _read_body(request: web.Request, limit: int) -> bytes | None:
    """The body, or None past ``limit`` (read in chunks: nothing over it is kept)."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.content.iter_chunked(1 << 16):
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def _invalid(msg: Any) -> str | None:
    """Why ``msg`` may not be forwarded, or None."""
    if not isinstance(msg, dict):
        return f"body must be a msgpack map, got {type(msg).__name__}"
    etype = msg.get("etype")
    if not isinstance(etype, str) or not etype or len(etype) > 256:
        return f"'etype' must be a string of 1 to 256 characters, got {preview(etype, 80)}"
    if wire.is_response(etype):
        return "RPC answers come from clients; the relay forwards server events"
    if etype in wire.SCENE_OPS and not isinstance(msg.get("data"), dict):
        return f"{etype} needs a 'data' map"
    return None


async def relay(app: RelayHost, request: web.Request) -> web.Response:
    refusal = _refusal(app, request)
    if refusal is not None:
        return refusal
    sid = request.query.get("sid")
    if not sid:
        return _reply(400, sent=0, error="missing ?sid=<session id>|*")
    if sid != "*" and sid not in app.sessions:
        return _reply(404, sent=0, error=f"no session {preview(sid, 80)}")
    limit = app.WEBSOCKET_MAX_SIZE
    declared = request.content_length
    if declared is not None and declared > limit:
        return _reply(413, sent=0, error=f"body of {declared} bytes is over {limit}")
    body = await _read_body(request, limit)
    if body is None:
        return _reply(413, sent=0, error=f"body is over {limit} bytes")
    try:
        msg = decode_limited(body)
    except BadFrame as e:
        return _reply(400, sent=0, error=str(e))
    problem = _invalid(msg)
    if problem is not None:
        return _reply(400, sent=0, error=problem)
    if not isinstance(msg.get("ts"), int):
        msg["ts"] = now_ms()
        body = encode(msg)
    if len(body) > limit:
        return _reply(413, sent=0, error="event larger than WEBSOCKET_MAX_SIZE")
    targets = list(app.sessions.values()) if sid == "*" else [app.sessions[sid]]
    for session in targets:
        session.push_frame(msg["etype"], body)
    return _reply(200, sent=len(targets))
