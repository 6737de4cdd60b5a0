"""The generated files are up to date, and the docstring props they come from parse.

That the generated TypeScript compiles is checked in tests/client/test_typescript.py.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import vuer.schemas
from vuer.schemas._props import MISSING, PropsError, documented_props, own_props, ts_type

ROOT = Path(__file__).resolve().parents[2]


def _run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize(
    "script",
    ["gen_component_docs.py", "gen_client_schema.py", "gen_default_scene.py", "gen_protocol.py"],
)
def test_generated_file_is_up_to_date(script: str) -> None:
    result = _run(sys.executable, f"scripts/{script}", "--check")
    assert result.returncode == 0, result.stderr


def test_docstring_props_parse_with_types_and_defaults() -> None:
    props = documented_props(vuer.schemas.PointCloud)
    assert props["size"].default == 0.01
    assert props["precision"].type == '"float16" | "float32"'
    assert props["position"].owner == "SceneElement"
    assert props["vertices"].default is MISSING
    assert ts_type("list[vec3] | str") == "Vec3[] | string"
    assert ts_type("list[float | str]") == "(number | string)[]"


def test_documented_props_cover_the_main_ones() -> None:
    expectations = {
        "Scene": {"up", "bgChildren", "rawChildren", "htmlChildren"},
        "CameraView": {"fov", "width", "height", "stream", "renderDepth"},
        "Urdf": {"src", "jointValues"},
        "TriMesh": {"vertices", "faces", "colors", "uv", "precision"},
        "ImageBackground": {"src", "distanceToCamera"},
    }
    for name, expected in expectations.items():
        assert expected <= set(documented_props(getattr(vuer.schemas, name))), name


def test_bad_prop_lines_are_reported() -> None:
    class Broken(vuer.schemas.SceneElement):
        """Broken.

        Props:
            size: floaty = 1 -- not a type word.
        """

    class NotJson(vuer.schemas.SceneElement):
        """Not JSON.

        Props:
            size: float = one -- default is not JSON.
        """

    class NoDash(vuer.schemas.SceneElement):
        """No dash.

        Props:
            size: float = 1 missing the separator.
        """

    for cls in (Broken, NotJson, NoDash):
        with pytest.raises(PropsError):
            own_props(cls)
