"""``Workspace``: the folders, mounts and links served under ``/workspace``."""

from __future__ import annotations

import inspect
import os
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from vuer.workspace.blob import Blob
from vuer.workspace.mime import guess_content_type
from vuer.workspace.paths import inside, is_hidden, sanitize_path

__all__ = ["Link", "Mount", "ResolveResult", "Workspace", "workspace_from_config"]

# What resolve() may return: a file, a body, or a stream of chunks.
ResolveResult = Path | bytes | Blob | AsyncIterator[bytes] | None


@dataclass(frozen=True)
class Link:
    """One ``Workspace.link``: a file, static bytes, or a (sync or async) callable."""

    path: str
    target: Any
    type: str  # "file" | "bytes" | "callable"
    method: str = "GET"
    content_type: str | None = None
    takes_request: bool = False

    def __getitem__(self, name: str) -> Any:  # the public package kept links as dicts
        return getattr(self, name)


@dataclass(frozen=True)
class Mount:
    """One ``Workspace.mount``: a folder served at a URL prefix."""

    path: str  # URL prefix, "/name"
    directory: Path

    def __getitem__(self, name: str) -> Any:
        return getattr(self, name)


def _url_path(to: str) -> str:
    if not isinstance(to, str) or not to.strip("/"):
        raise ValueError(f"expected a non-empty URL path, got {to!r}")
    return "/" + to.strip("/")


def _takes_request(fn: Callable[..., Any]) -> bool:
    try:
        params = inspect.signature(fn).parameters.values()
    except (TypeError, ValueError):
        return False
    return any(p.kind is not p.KEYWORD_ONLY and p.kind is not p.VAR_KEYWORD for p in params)


class Workspace:
    """Folders searched in order (an overlay), plus mounts and runtime links.

    ``Workspace("assets", "~/robots")`` serves ``/workspace/arm.urdf`` from the
    first folder that has it. Iterating a workspace yields its folders.
    """

    def __init__(self, *overlay: str | os.PathLike[str]) -> None:
        for p in overlay:
            if not isinstance(p, (str, os.PathLike)):
                raise TypeError(f"Workspace folders must be paths, got {type(p).__name__}")
        self._paths = tuple(Path(os.fspath(p)).expanduser() for p in (overlay or (".",)))
        self._links: dict[str, Link] = {}
        self._mounts: dict[str, Mount] = {}

    # ---- folders ---------------------------------------------------------------

    @property
    def paths(self) -> tuple[Path, ...]:
        return self._paths

    @property
    def absolute_paths(self) -> list[str]:
        return [str(p.resolve()) for p in self._paths]

    def __iter__(self) -> Iterator[Path]:
        return iter(self._paths)

    def __len__(self) -> int:
        return len(self._paths)

    def __repr__(self) -> str:
        return f"Workspace({', '.join(repr(str(p)) for p in self._paths)})"

    def find(self, name: str) -> Path | None:
        """The first overlay file named ``name`` (sanitised), or None.

        Dotfiles, dot-folders and links that lead out of their folder are never found.
        """
        relative = sanitize_path(name)
        if not relative or is_hidden(relative):
            return None
        for folder in self._paths:
            root = folder.resolve()
            try:
                candidate = (root / relative).resolve()
            except (OSError, RuntimeError):
                continue
            if inside(root, candidate) and not is_hidden(candidate.relative_to(root).as_posix()):
                if candidate.is_file():
                    return candidate
        return None

    async def exists(self, path: str) -> bool:
        """Whether ``path`` names a file in the overlay (override for remote stores)."""
        return self.find(path) is not None

    async def resolve(self, name: str) -> ResolveResult:
        """What ``/workspace/<name>`` serves: a Path, bytes, a Blob, an async iterator or None.

        Override it to serve from elsewhere (a database, a bucket).
        """
        return self.find(name)

    # ---- mounts ------------------------------------------------------------------

    def mount(self, path: str | os.PathLike[str], *, to: str) -> None:
        """Serve the folder ``path`` at the URL prefix ``to`` (works before or after start)."""
        if not isinstance(path, (str, os.PathLike)):
            raise TypeError(f"mount takes a folder path, got {type(path).__name__}")
        prefix = _url_path(to)
        self._mounts[prefix] = Mount(prefix, Path(os.fspath(path)).expanduser())

    @property
    def mounts(self) -> Mapping[str, Mount]:
        return MappingProxyType(self._mounts)

    def find_mount(self, url_path: str) -> tuple[Mount, str] | None:
        """The mount serving ``url_path`` (longest prefix) and the rest of the path."""
        for prefix in sorted(self._mounts, key=len, reverse=True):
            if url_path == prefix or url_path.startswith(prefix + "/"):
                return self._mounts[prefix], url_path[len(prefix) + 1 :]
        return None

    # ---- links -------------------------------------------------------------------

    def link(
        self,
        target: Any,
        to: str,
        *,
        method: str = "GET",
        content_type: str | None = None,
    ) -> None:
        """Serve ``target`` at ``/workspace/<to>``, at once, even while running.

        ``target`` is a ``Path`` (a file, read at each request), ``bytes``, or a
        callable (sync or async; given the request if it takes an argument)
        whose result decides the response: dict/list JSON, Path a file, Blob
        its type, bytes the type guessed from ``to``, anything else text.
        """
        path = _url_path(to)
        method = method.upper()
        if isinstance(target, Path):
            link = Link(path, target.expanduser().resolve(), "file", method, content_type)
        elif isinstance(target, (bytes, bytearray, memoryview)):
            link = Link(path, bytes(target), "bytes", method, content_type)
        elif callable(target):
            link = Link(path, target, "callable", method, content_type, _takes_request(target))
        else:
            raise TypeError(
                f"link target must be a pathlib.Path, bytes or a callable, got "
                f"{type(target).__name__} (wrap a file name in Path(...))"
            )
        self._links[path] = link

    def unlink(self, path: str) -> bool:
        """Remove the link at ``path``; False if there was none."""
        try:
            key = _url_path(path)
        except ValueError:
            return False
        return self._links.pop(key, None) is not None

    @property
    def links(self) -> Mapping[str, Link]:
        return MappingProxyType(self._links)

    def content_type_for(self, name: str) -> str:
        return guess_content_type(name)


def workspace_from_config(config: Any) -> Workspace:
    """A ``Workspace`` from None (``"."``), a path, a list of paths, or a Workspace."""
    if config is None:
        return Workspace()
    if isinstance(config, Workspace):
        return config
    if isinstance(config, (str, os.PathLike)):
        return Workspace(config)
    if isinstance(config, (list, tuple)):
        return Workspace(*config)
    raise TypeError(
        f"workspace must be a path, a list of paths or a Workspace, got {type(config).__name__}"
    )
