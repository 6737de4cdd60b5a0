"""``POST /relay?sid=<id>|*``: forward a server event from another process to sessions.

The body must be a msgpack map with a string ``etype``. With a relay token
(``Vuer(relay_token=...)`` or ``VUER_RELAY_TOKEN``) callers send
``Authorization: Bearer <token>``; without one only loopback callers that send
no ``Origin`` header (so not a web page in the user's browser) are accepted.
The reply is JSON: ``{"sent": n}``, or ``{"sent": 0, "error": ...}`` with a
4xx status.
"""

from __future__ import annotations

import hmac
import ipaddress
from typing import TYPE_CHECKING, Any

from aiohttp import web

from vuer.events import now_ms
from vuer.serdes import decode, encode

if TYPE_CHECKING:
    from vuer.server import Vuer


def is_loopback(address: str | None) -> bool:
    if not address:
        return False
    try:
        return ipaddress.ip_address(address.split("%")[0]).is_loopback
    except ValueError:
        return False


def _reply(status: int, **body: Any) -> web.Response:
    return web.json_response(body, status=status)


def _refusal(app: Vuer, request: web.Request) -> web.Response | None:
    if app.relay_token:
        given = request.headers.get("Authorization", "").encode()
        if not hmac.compare_digest(given, f"Bearer {app.relay_token}".encode()):
            return _reply(401, sent=0, error="missing or wrong relay token")
    elif not is_loopback(request.remote) or "Origin" in request.headers:
        return _reply(403, sent=0, error="relay needs a token for non-local or browser callers")
    return None


async def relay(app: Vuer, request: web.Request) -> web.Response:
    refusal = _refusal(app, request)
    if refusal is not None:
        return refusal
    sid = request.query.get("sid")
    if not sid:
        return _reply(400, sent=0, error="missing ?sid=<session id>|*")
    body = await request.read()
    try:
        msg = decode(body)
    except ValueError as e:
        return _reply(400, sent=0, error=str(e))
    if not isinstance(msg, dict) or not isinstance(msg.get("etype"), str):
        return _reply(400, sent=0, error="body must be a msgpack map with a string etype")
    if not isinstance(msg.get("ts"), int):
        msg["ts"] = now_ms()
        body = encode(msg)
    if len(body) > app.WEBSOCKET_MAX_SIZE:
        return _reply(413, sent=0, error="event larger than WEBSOCKET_MAX_SIZE")
    if sid == "*":
        targets = list(app.sessions.values())
    elif sid in app.sessions:
        targets = [app.sessions[sid]]
    else:
        return _reply(404, sent=0, error=f"no session {sid}")
    for session in targets:
        session._push_bytes(msg["etype"], body)
    return _reply(200, sent=len(targets))
