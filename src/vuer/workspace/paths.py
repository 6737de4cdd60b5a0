"""Request paths: what may be served, and what must never be.

``unsafe_reason`` is the single check for workspace requests: absolute paths,
``..`` segments, NUL bytes, backslashes, drive letters and dotfiles or
dot-folders (``.env``, ``.git/config``) are refused. The caller answers 404
for all of them, so a refusal does not tell anyone the file exists.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from vuer.static_paths import is_hidden

__all__ = ["inside", "is_hidden", "sanitize_path", "unsafe_reason"]


def sanitize_path(name: str) -> str:
    """``name`` made relative: leading ``/`` stripped, ``.``/``..``/empty parts dropped."""
    parts = str(name).replace("\\", "/").split("/")
    return "/".join(p for p in parts if p not in ("", ".", ".."))


def unsafe_reason(name: str) -> str | None:
    """Why ``name`` (a path below a served prefix) must not be served, or None if it may be."""
    if "\x00" in name:
        return "NUL byte"
    if "\\" in name:
        return "backslash"
    if name.startswith("/"):
        return "absolute path"
    parts = PurePosixPath(name).parts
    if ".." in parts:
        return "'..' segment"
    if parts and ":" in parts[0]:
        return "drive or scheme prefix"
    if is_hidden(name):
        return "dotfile or dot-folder"
    return None


def inside(root: Path, candidate: Path) -> bool:
    """True when the resolved ``candidate`` lies within the resolved ``root`` (links followed)."""
    return candidate == root or root in candidate.parents
