"""Turning local asset files into the URLs the server serves them at.

The ``Vuer`` server registers its ``static_root`` here when it is built; a
component given ``src=Path("robots/arm.urdf")`` then sends
``"/static/robots/arm.urdf"``. Strings that already look like URLs pass
through untouched, so ``src="https://…"`` and ``src="assets/x.obj"`` keep
working exactly as in the public package.
"""

from __future__ import annotations

import logging
import os
import re
import threading
from pathlib import Path, PurePath
from urllib.parse import quote

__all__ = [
    "clear_static_roots",
    "is_hidden",
    "is_url",
    "register_static_root",
    "static_roots",
    "to_url",
]

logger = logging.getLogger(__name__)

# scheme:… (http, https, data, blob, ws, file, …); a single letter is a Windows drive.
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]+:")
_lock = threading.Lock()
_roots: list[tuple[Path, str]] = []


def register_static_root(path: str | os.PathLike[str], url_prefix: str = "/static") -> None:
    """Serve files under ``path`` at ``url_prefix``; later registrations of a root win."""
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"static root must be a path, got {type(path).__name__}")
    if not isinstance(url_prefix, str) or not url_prefix.startswith("/"):
        raise ValueError(f"url_prefix must be a string starting with '/', got {url_prefix!r}")
    root = Path(path).expanduser().resolve()
    prefix = url_prefix.rstrip("/") or ""
    with _lock:
        _roots[:] = [(r, p) for r, p in _roots if r != root]
        _roots.append((root, prefix))
        # Deepest root first, so nested roots map to their own prefix.
        _roots.sort(key=lambda item: len(item[0].parts), reverse=True)


def clear_static_roots() -> None:
    """Forget every registered root (tests, or a server that shuts down)."""
    with _lock:
        _roots.clear()


def static_roots() -> list[tuple[Path, str]]:
    """The registered (root, url prefix) pairs, deepest root first."""
    with _lock:
        return list(_roots)


def is_hidden(relative: str | PurePath) -> bool:
    """True for a dotfile or anything under a dot-folder (``.env``, ``.git/config``).

    Every route that serves files from a folder (``/static``, ``/workspace``)
    refuses these: they hold credentials and history, never scene assets.
    Pass the path relative to the served root, both as asked and as resolved.
    """
    parts = PurePath(relative).parts if isinstance(relative, PurePath) else None
    if parts is None:
        parts = tuple(relative.replace("\\", "/").split("/"))
    return any(part.startswith(".") and part not in (".", "") for part in parts)


def is_url(text: str) -> bool:
    """True for ``scheme:…`` URLs (http, https, data, blob, ws, …) and ``//host/…``."""
    return bool(_SCHEME.match(text)) or text.startswith("//")


def _map(path: Path) -> str | None:
    resolved = path.expanduser().resolve()
    for root, prefix in static_roots():
        try:
            relative = resolved.relative_to(root)
        except ValueError:
            continue
        return f"{prefix}/{quote(relative.as_posix())}"
    return None


def to_url(path: str | os.PathLike[str]) -> str:
    """The URL for an asset given as a URL string or a local path.

    * URL strings, absolute URL paths and relative strings pass through unchanged.
    * A ``pathlib`` path (or an absolute string naming an existing file) under a
      registered root becomes ``<prefix>/<relative posix path>``, URL-quoted.
    * A ``pathlib`` path outside every root raises ``ValueError``.
    """
    if isinstance(path, str):
        if is_url(path) or not os.path.isabs(path) or not os.path.isfile(path):
            return path
        mapped = _map(Path(path))
        if mapped is None:
            logger.warning("%s is a local file outside every static root; sent as is", path)
            return path
        return mapped
    if isinstance(path, PurePath) or isinstance(path, os.PathLike):
        local = Path(os.fspath(path))
        mapped = _map(local)
        if mapped is None:
            roots = ", ".join(str(r) for r, _ in static_roots()) or "none registered"
            raise ValueError(
                f"{local} is not under a static root ({roots}); put it under the server's "
                "static_root or pass a URL string"
            )
        return mapped
    raise TypeError(f"expected a URL string or a path, got {type(path).__name__}")
