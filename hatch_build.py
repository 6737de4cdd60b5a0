"""Hatchling build hook: builds the browser client into ``src/vuer/client_build``.

Runs ``npm ci`` (when ``client/node_modules`` is missing or older than
``package-lock.json``) and ``npm run build`` in ``client/`` whenever the bundle
is missing or older than any client source. Applies to wheels (including the
one pip builds for ``pip install -e .`` and a wheel built from an sdist); the
sdist itself carries the client sources, not the bundle.

Set ``VUER_SKIP_CLIENT_BUILD=1`` to skip the client build entirely.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

BUNDLE_INDEX = Path("src/vuer/client_build/index.html")
SOURCE_FILES = (
    "index.html",
    "package.json",
    "package-lock.json",
    "vite.config.ts",
    "tsconfig.json",
)
SOURCE_DIRS = ("src", "public")


def _source_paths(client: Path) -> Iterator[Path]:
    for name in SOURCE_FILES:
        path = client / name
        if path.is_file():
            yield path
    for name in SOURCE_DIRS:
        folder = client / name
        if folder.is_dir():
            yield from (p for p in folder.rglob("*") if p.is_file())


def newest_source_mtime(client: Path) -> float:
    """The latest modification time among the client's sources (0 when none)."""
    return max((p.stat().st_mtime for p in _source_paths(client)), default=0.0)


def bundle_is_stale(root: Path) -> bool:
    index = root / BUNDLE_INDEX
    if not index.is_file():
        return True
    return newest_source_mtime(root / "client") > index.stat().st_mtime


def dependencies_are_stale(client: Path) -> bool:
    # npm writes node_modules/.package-lock.json on every install.
    marker = client / "node_modules" / ".package-lock.json"
    if not marker.is_file():
        return True
    lock = client / "package-lock.json"
    return lock.is_file() and lock.stat().st_mtime > marker.stat().st_mtime


class ClientBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel":
            return
        if os.environ.get("VUER_SKIP_CLIENT_BUILD", "") not in ("", "0"):
            self.app.display_info("vuer: VUER_SKIP_CLIENT_BUILD is set; not building the client")
            return
        root = Path(self.root)
        client = root / "client"
        has_bundle = (root / BUNDLE_INDEX).is_file()
        if not (client / "package.json").is_file():
            if has_bundle:
                return
            raise RuntimeError(
                "vuer: neither the client bundle (src/vuer/client_build) nor the client "
                "sources (client/) are here; build from a git checkout or an sdist."
            )
        if not bundle_is_stale(root):
            self.app.display_info("vuer: client bundle is up to date")
            return
        npm = shutil.which("npm")
        if npm is None:
            if has_bundle:
                self.app.display_warning(
                    "vuer: npm not found; packaging the existing (older) client bundle"
                )
                return
            raise RuntimeError(
                "vuer: building the browser client needs Node.js and npm (Node 20+), and "
                "npm is not on PATH. Install Node.js, or set VUER_SKIP_CLIENT_BUILD=1 to "
                "build a package without the client."
            )
        if dependencies_are_stale(client):
            self._run([npm, "ci", "--no-audit", "--no-fund"], client)
        self._run([npm, "run", "build"], client)
        if not (root / BUNDLE_INDEX).is_file():
            raise RuntimeError(f"vuer: `npm run build` did not produce {BUNDLE_INDEX}")

    def _run(self, command: list[str], cwd: Path) -> None:
        self.app.display_info(f"vuer: running {' '.join(command[1:])} in {cwd}")
        result = subprocess.run(command, cwd=cwd, check=False)
        if result.returncode != 0:
            raise RuntimeError(
                f"vuer: `{' '.join(command[1:])}` failed in {cwd} (exit {result.returncode})"
            )
