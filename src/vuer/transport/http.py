"""Plain HTTP pieces of the server: files under a root, the client page."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path, PurePosixPath

from aiohttp import web

from vuer._log import RateLimitedLog
from vuer.static_paths import is_hidden

logger = logging.getLogger("vuer.server")

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

# Types mimetypes does not know, for the assets robotics scenes load.
_CONTENT_TYPES = {
    ".urdf": "application/xml",
    ".xacro": "application/xml",
    ".mjcf": "application/xml",
    ".dae": "model/vnd.collada+xml",
    ".glb": "model/gltf-binary",
    ".gltf": "model/gltf+json",
    ".obj": "text/plain",
    ".mtl": "text/plain",
    ".stl": "model/stl",
    ".ply": "application/octet-stream",
    ".pcd": "application/octet-stream",
    ".splat": "application/octet-stream",
    ".hdr": "image/vnd.radiance",
    ".wasm": "application/wasm",
    ".js": "text/javascript",
    ".mjs": "text/javascript",
}


class UnsafePath(ValueError):
    """A requested path that tries to leave its root."""


def resolve_under(root: Path, relative: str) -> Path | None:
    """The file ``relative`` names inside ``root``, None if absent or hidden.

    Raises ``UnsafePath`` for absolute paths, ``..`` segments, NUL bytes,
    backslashes or anything that resolves (through links) outside ``root``.
    Dotfiles and anything under a dot-folder (``.env``, ``.git/``, a token
    file), named directly or reached through a link, count as absent.
    """
    if not relative or "\x00" in relative or "\\" in relative:
        raise UnsafePath(relative)
    rel = PurePosixPath(relative)
    if rel.is_absolute() or ".." in rel.parts or (rel.parts and ":" in rel.parts[0]):
        raise UnsafePath(relative)
    base = root.resolve()
    try:
        candidate = (base / rel).resolve()
    except (OSError, RuntimeError):
        return None
    if candidate != base and base not in candidate.parents:
        raise UnsafePath(relative)
    if is_hidden(rel) or is_hidden(candidate.relative_to(base)):
        return None
    return candidate if candidate.is_file() else None


def file_response(path: Path) -> web.FileResponse:
    response = web.FileResponse(path)
    content_type = _CONTENT_TYPES.get(path.suffix.lower())
    if content_type is not None:
        response.content_type = content_type
    return response


def files_handler(roots: Callable[[], Sequence[Path]], what: str) -> Handler:
    """Serve ``{filename}`` from the first of ``roots()`` that has it; 403 on traversal."""
    refused = RateLimitedLog(logger, 1.0)  # a scanner must not flood the log

    async def handler(request: web.Request) -> web.StreamResponse:
        name = request.match_info.get("filename", "")
        for root in roots():
            try:
                path = resolve_under(root, name)
            except UnsafePath:
                refused(
                    logging.WARNING, "refused %s path %.200r from %s", what, name, request.remote
                )
                raise web.HTTPForbidden(text="path outside the served folder") from None
            if path is not None:
                return file_response(path)
        raise web.HTTPNotFound(text=f"no such file: {name[:200]}")

    return handler


_MISSING_CLIENT = """<!doctype html><html><head><meta charset="utf-8"><title>vuer</title></head>
<body style="font-family: sans-serif; max-width: 40em; margin: 4em auto">
<h1>The vuer client is not built</h1>
<p>The server is running, but there is no client bundle at <code>{path}</code>.</p>
<p>Build it from a source checkout with <code>cd client &amp;&amp; npm ci &amp;&amp; npm run build</code>,
or install a vuer wheel, which ships it.</p></body></html>"""


def index_response(client_root: Path) -> web.StreamResponse:
    index = client_root / "index.html"
    if index.is_file():
        response = web.FileResponse(index)
        response.headers["Cache-Control"] = "no-cache"
        return response
    logger.error(
        "no client bundle at %s: build it with `cd client && npm ci && npm run build`", index
    )
    return web.Response(
        status=503, text=_MISSING_CLIENT.format(path=index), content_type="text/html"
    )
