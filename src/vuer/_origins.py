"""Which web origins may talk to this server: CORS for HTTP and the websocket handshake.

A page in the user's browser on some other site can send requests to a server
on localhost; only the Origin header tells them apart. Allowed by default: the
server's own origin, pages on localhost / 127.0.0.1 / [::1] (any port), and the
origins listed in the ``cors`` setting (``https://vuer.ai`` by default, whose
hosted client users point at a local server). ``cors="*"`` allows every
origin, and is then answered without credentials.

Loads that embed a resource without CORS (``<script src>``, ``<img>``,
``<link>``) carry no Origin; browsers mark them ``Sec-Fetch-Site: cross-site``
and ``Sec-Fetch-Mode: no-cors``, and those need a ``Referer`` from an allowed
origin too (a cross-site script tag would otherwise run the served folder's
JavaScript in the attacker's page). Navigations are never refused.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from urllib.parse import urlsplit

from aiohttp import web

from vuer._log import RateLimitedLog
from vuer.transport.inbound import preview

logger = logging.getLogger("vuer.server")

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})


class OriginPolicy:
    """The allow-list of origins, from the ``cors`` setting."""

    def __init__(self, cors: Sequence[str]) -> None:
        listed = {o.strip().rstrip("/").lower() for o in cors if o.strip()}
        self.allow_all = "*" in listed
        self.listed = listed - {"*"}

    def allows(self, origin: str, request: web.Request) -> bool:
        """True when a page from ``origin`` may read this server's answers."""
        origin = origin.strip().rstrip("/").lower()
        if not origin:
            return self.allow_all
        if self.allow_all or origin in self.listed:
            return True
        try:
            parts = urlsplit(origin)
            host = parts.hostname
            parts.port  # noqa: B018 (raises on a malformed port)
        except ValueError:
            return False
        if parts.scheme not in ("http", "https") or not host:
            return False  # "null" (sandboxed frames, file: pages) and odd schemes
        if host in LOOPBACK_HOSTS:
            return True
        own = f"{request.scheme}://{request.host}".lower()
        return origin == own

    def credentials(self, origin: str) -> bool:
        """Whether credentials may go with the answer: never under a bare ``*``."""
        return not self.allow_all or origin.strip().rstrip("/").lower() in self.listed


def _cross_site_embed(request: web.Request) -> bool:
    site = request.headers.get("Sec-Fetch-Site")
    return site == "cross-site" and request.headers.get("Sec-Fetch-Mode") == "no-cors"


def _referrer(request: web.Request) -> str:
    """The origin of the page that made the request, from ``Referer`` ("" if none)."""
    try:
        parts = urlsplit(request.headers.get("Referer", ""))
    except ValueError:
        return ""
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def origin_middleware(cors: Sequence[str]) -> Callable[..., Awaitable[web.StreamResponse]]:
    """Refuse (403) requests and socket handshakes from origins the policy does not allow;
    answer allowed cross-origin requests, preflights included, with CORS headers."""
    policy = OriginPolicy(cors)
    refusals = RateLimitedLog(logger, 5.0)

    def decorate(request: web.Request, response: web.StreamResponse, origin: str) -> None:
        if response.prepared:  # a websocket: headers are gone already
            return
        headers = response.headers
        if policy.credentials(origin):
            headers["Access-Control-Allow-Origin"] = origin
            headers["Access-Control-Allow-Credentials"] = "true"
            headers.add("Vary", "Origin")
        else:
            headers["Access-Control-Allow-Origin"] = "*"
        if request.method == "OPTIONS":
            headers["Access-Control-Allow-Methods"] = "GET, POST, PUT, DELETE, OPTIONS"
            asked = request.headers.get("Access-Control-Request-Headers")
            headers["Access-Control-Allow-Headers"] = asked or "*"
            headers["Access-Control-Max-Age"] = "600"

    @web.middleware
    async def middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        origin = request.headers.get("Origin")
        if origin is None:
            # Not a CORS request. A cross-site <script>/<img>/<link> load sends no Origin,
            # but browsers mark it (Sec-Fetch-*): it needs an allowed page behind it.
            if not _cross_site_embed(request) or policy.allows(_referrer(request), request):
                return await handler(request)
            origin = _referrer(request) or "(no referrer)"
        if not policy.allows(origin, request):
            refusals(
                logging.WARNING,
                "refused %s %s from origin %s (allow it with Vuer(cors=...) or VUER_CORS)",
                request.method,
                preview(request.path, 120),
                preview(origin, 120),
            )
            return web.Response(
                status=403,
                text=f"origin {origin[:200]} is not allowed; add it to Vuer(cors=...)",
            )
        if request.method == "OPTIONS" and "Access-Control-Request-Method" in request.headers:
            response: web.StreamResponse = web.Response(status=204)
            decorate(request, response, origin)
            return response
        try:
            response = await handler(request)
        except web.HTTPException as exc:
            decorate(request, exc, origin)
            raise
        decorate(request, response, origin)
        return response

    return middleware
