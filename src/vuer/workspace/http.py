"""Serving a ``Workspace`` over HTTP: ``/workspace/…``, mounts, and the ``?hot`` query."""

from __future__ import annotations

import inspect
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

from aiohttp import web

from vuer.workspace.blob import Blob
from vuer.workspace.core import Link, Workspace
from vuer.workspace.mime import guess_content_type
from vuer.workspace.paths import inside, unsafe_reason

__all__ = ["hot_middleware", "is_hot", "mounts_middleware", "to_response", "workspace_handler"]

logger = logging.getLogger("vuer.server")

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def is_hot(request: web.Request) -> bool:
    """``?hot``, ``?HOT=1``…: a query key ``hot`` in any case whose value is not ``false``."""
    return any(k.lower() == "hot" and v.lower() != "false" for k, v in request.query.items())


@web.middleware
async def hot_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Add ``Cache-Control: no-cache`` to answers of hot requests (assets being edited)."""
    response = await handler(request)
    if is_hot(request) and not response.prepared:
        response.headers["Cache-Control"] = "no-cache"
    return response


def _not_found(name: str) -> web.HTTPNotFound:
    return web.HTTPNotFound(text=f"no such file: {name}")


def _file(path: Path, content_type: str | None = None) -> web.FileResponse:
    response = web.FileResponse(path)
    response.content_type = content_type or guess_content_type(path.name)
    return response


async def _stream(request: web.Request, chunks: AsyncIterator[Any], content_type: str) -> Any:
    response = web.StreamResponse(headers={"Content-Type": content_type})
    if is_hot(request):
        response.headers["Cache-Control"] = "no-cache"
    await response.prepare(request)
    async for chunk in chunks:
        await response.write(chunk.encode() if isinstance(chunk, str) else bytes(chunk))
    await response.write_eof()
    return response


async def to_response(
    request: web.Request, result: Any, name: str, content_type: str | None = None
) -> web.StreamResponse:
    """The HTTP answer for what a link or ``Workspace.resolve`` produced."""
    if isinstance(result, web.StreamResponse):
        return result
    if isinstance(result, Path):
        if not result.is_file():
            raise _not_found(name)
        return _file(result, content_type)
    if isinstance(result, Blob):
        return web.Response(
            body=result.as_bytes(), headers={"Content-Type": content_type or result.content_type}
        )
    if isinstance(result, (bytes, bytearray, memoryview)):
        ctype = content_type or guess_content_type(name)
        return web.Response(body=bytes(result), headers={"Content-Type": ctype})
    if isinstance(result, (dict, list)):
        return web.json_response(result)
    if hasattr(result, "__aiter__"):
        return await _stream(request, result, content_type or guess_content_type(name))
    return web.Response(
        text="" if result is None else str(result), content_type=content_type or "text/plain"
    )


async def _call_link(request: web.Request, link: Link) -> web.StreamResponse:
    if link.type == "file":
        return await to_response(request, link.target, link.path, link.content_type)
    if link.type == "bytes":
        return await to_response(request, link.target, link.path, link.content_type)
    try:
        out = link.target(request) if link.takes_request else link.target()
        if inspect.isawaitable(out):
            out = await out
    except web.HTTPException:
        raise
    except Exception as e:
        logger.exception("workspace link %s raised", link.path)
        return web.Response(status=500, text=f"{type(e).__name__}: {e}")
    return await to_response(request, out, link.path, link.content_type)


def workspace_handler(get_workspace: Callable[[], Workspace]) -> Handler:
    """``GET /workspace/{filename}``: links first, then the overlay folders.

    Absolute, escaping and hidden paths get the same 404 as a missing file.
    """

    async def handler(request: web.Request) -> web.StreamResponse:
        workspace = get_workspace()
        name = request.match_info.get("filename", "")
        link = workspace.links.get("/" + name.strip("/")) if name.strip("/") else None
        if link is not None:
            allowed = {link.method, "HEAD"} if link.method == "GET" else {link.method}
            if request.method not in allowed:
                raise web.HTTPMethodNotAllowed(request.method, sorted(allowed))
            return await _call_link(request, link)
        if request.method not in ("GET", "HEAD"):
            raise web.HTTPMethodNotAllowed(request.method, ["GET", "HEAD"])
        reason = unsafe_reason(name)
        if reason is not None:
            logger.warning("workspace: refused %r (%s) from %s", name, reason, request.remote)
            raise _not_found(name)
        result = await workspace.resolve(name)
        if result is None:
            logger.info("workspace: not found: %s", name)
            raise _not_found(name)
        return await to_response(request, result, name)

    return handler


def mounts_middleware(get_workspace: Callable[[], Workspace]) -> Any:
    """Serve ``Workspace.mount`` folders for paths no route matched (so mounts work any time)."""

    @web.middleware
    async def middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        unmatched = getattr(request.match_info, "http_exception", None) is not None
        found = get_workspace().find_mount(request.path) if unmatched else None
        if found is None or request.method not in ("GET", "HEAD"):
            return await handler(request)
        mount, rest = found
        reason = unsafe_reason(rest) if rest else "a folder"
        if reason is not None:
            logger.warning("mount %s: refused %r (%s)", mount.path, rest, reason)
            raise _not_found(rest)
        root = mount.directory.resolve()
        candidate = (root / rest).resolve()
        if not inside(root, candidate) or not candidate.is_file():
            raise _not_found(rest)
        return _file(candidate)

    return middleware
