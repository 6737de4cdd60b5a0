"""The client build hook: when it rebuilds, and how it fails without npm."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

pytest.importorskip("hatchling")

ROOT = Path(__file__).resolve().parents[2]


def _load_hook() -> ModuleType:
    spec = importlib.util.spec_from_file_location("vuer_hatch_build", ROOT / "hatch_build.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


hook_module = _load_hook()


def _touch(path: Path, mtime: float) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("x")
    os.utime(path, (mtime, mtime))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project with client sources (t=100) and a bundle built after them (t=200)."""
    client = tmp_path / "client"
    _touch(client / "package.json", 100)
    _touch(client / "package-lock.json", 100)
    _touch(client / "src" / "main.tsx", 100)
    _touch(client / "src" / "core" / "deep.ts", 100)
    _touch(tmp_path / "src" / "vuer" / "client_build" / "index.html", 200)
    _touch(client / "node_modules" / ".package-lock.json", 150)
    return tmp_path


def test_fresh_bundle_is_kept(project: Path) -> None:
    assert not hook_module.bundle_is_stale(project)


def test_missing_bundle_is_stale(project: Path) -> None:
    (project / "src" / "vuer" / "client_build" / "index.html").unlink()
    assert hook_module.bundle_is_stale(project)


@pytest.mark.parametrize(
    "changed",
    ["src/core/deep.ts", "package.json", "index.html", "vite.config.ts", "public/font.woff"],
)
def test_any_newer_source_makes_it_stale(project: Path, changed: str) -> None:
    _touch(project / "client" / changed, 300)
    assert hook_module.bundle_is_stale(project)


def test_node_modules_follow_the_lock_file(project: Path) -> None:
    client = project / "client"
    assert not hook_module.dependencies_are_stale(client)
    _touch(client / "package-lock.json", 300)
    assert hook_module.dependencies_are_stale(client)
    (client / "node_modules" / ".package-lock.json").unlink()
    assert hook_module.dependencies_are_stale(client)


class _App:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def display_info(self, message: str) -> None:
        self.lines.append(message)

    display_warning = display_info


def _run_hook(root: Path, target: str = "wheel") -> _App:
    app = _App()
    # root, config, build_config, metadata, directory, target_name, app
    hook = hook_module.ClientBuildHook(str(root), {}, None, None, str(root), target, app)
    build_data: dict[str, Any] = {"artifacts": []}
    hook.initialize("standard", build_data)
    return app


def test_missing_npm_without_bundle_is_a_clear_error(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (project / "src" / "vuer" / "client_build" / "index.html").unlink()
    monkeypatch.setattr(hook_module.shutil, "which", lambda name: None)
    monkeypatch.delenv("VUER_SKIP_CLIENT_BUILD", raising=False)
    with pytest.raises(RuntimeError, match="npm is not on PATH"):
        _run_hook(project)


def test_missing_npm_with_an_old_bundle_warns(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _touch(project / "client" / "src" / "main.tsx", 300)
    monkeypatch.setattr(hook_module.shutil, "which", lambda name: None)
    monkeypatch.delenv("VUER_SKIP_CLIENT_BUILD", raising=False)
    app = _run_hook(project)
    assert any("npm not found" in line for line in app.lines)


def test_skip_variable_skips(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (project / "src" / "vuer" / "client_build" / "index.html").unlink()
    monkeypatch.setenv("VUER_SKIP_CLIENT_BUILD", "1")
    monkeypatch.setattr(hook_module.shutil, "which", lambda name: pytest.fail("npm looked up"))
    app = _run_hook(project)
    assert any("VUER_SKIP_CLIENT_BUILD" in line for line in app.lines)


def test_sdist_never_builds(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (project / "src" / "vuer" / "client_build" / "index.html").unlink()
    monkeypatch.setattr(hook_module.shutil, "which", lambda name: pytest.fail("npm looked up"))
    _run_hook(project, target="sdist")
