"""The generated schema types are what the client's components compile against.

A component gets ``NodeOf<tag>`` (client/src/registry.ts): reading a prop the
Python class documents compiles, reading one it does not is a compile error,
and the typed node still passes where a plain ``SceneNode`` is taken.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CLIENT = ROOT / "client"
TSC = CLIENT / "node_modules" / "typescript" / "bin" / "tsc"

GOOD = """\
import type { NodeOf } from "../../../src/registry";
import type { SceneNode } from "../../../src/types";
declare const box: NodeOf<"Box">;
declare const slider: NodeOf<"Slider">;
declare function place(node: SceneNode): void;
export const opacity: number | undefined = box.opacity;
export const step: number | undefined = slider.step;
place(box);
"""

BAD = GOOD + "export const missing = box.notADocumentedProp;\n"


def _tsc(tmp: Path, source: str) -> subprocess.CompletedProcess[str]:
    node = shutil.which("node")
    if not TSC.exists() or node is None:
        pytest.skip("the client's TypeScript compiler is not installed")
    path = tmp / "probe.ts"
    path.write_text(source, encoding="utf-8")
    args = [node, str(TSC), "--noEmit", "--strict", "--skipLibCheck", "--target", "ES2022"]
    args += ["--module", "esnext", "--moduleResolution", "bundler", "--jsx", "react-jsx", str(path)]
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run(args, cwd=CLIENT, env=env, capture_output=True, text=True, timeout=120)


@pytest.fixture
def probe_dir() -> Iterator[Path]:
    # Inside client/ so that the imports resolve against its node_modules.
    path = CLIENT / "node_modules" / ".cache" / f"vuer-type-probe-{os.getpid()}"
    path.mkdir(parents=True, exist_ok=True)
    yield path
    shutil.rmtree(path, ignore_errors=True)


def test_documented_props_compile(probe_dir: Path) -> None:
    result = _tsc(probe_dir, GOOD)
    assert result.returncode == 0, result.stdout + result.stderr


def test_undocumented_prop_is_a_compile_error(probe_dir: Path) -> None:
    result = _tsc(probe_dir, BAD)
    assert result.returncode != 0
    assert "notADocumentedProp" in result.stdout + result.stderr
