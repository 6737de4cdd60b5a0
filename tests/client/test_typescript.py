"""The client's TypeScript: strict-clean as a whole and per generated file, and no
generated export that nothing imports (a generator emitting dead code goes unnoticed)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

CLIENT = Path(__file__).resolve().parents[2] / "client"
TSC = CLIENT / "node_modules" / "typescript" / "bin" / "tsc"
GENERATED = CLIENT / "src" / "generated"
STRICT = ["--noEmit", "--strict", "--target", "ES2022", "--module", "esnext"]
STRICT += ["--moduleResolution", "bundler", "--skipLibCheck"]


def _tsc(*args: str) -> subprocess.CompletedProcess[str]:
    node = shutil.which("node")
    if not TSC.exists() or node is None:
        pytest.skip("the client's TypeScript compiler is not installed")
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run(
        [node, str(TSC), *args], cwd=CLIENT, env=env, capture_output=True, text=True, timeout=300
    )


def test_the_client_compiles_under_its_strict_tsconfig() -> None:
    result = _tsc("--noEmit", "-p", ".")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("generated", sorted(p.name for p in GENERATED.glob("*.ts")))
def test_generated_file_compiles_on_its_own(generated: str) -> None:
    result = _tsc(*STRICT, f"src/generated/{generated}")
    assert result.returncode == 0, result.stdout + result.stderr


EXPORT = re.compile(r"^export (?:const|function|type|interface|class|enum) (\w+)", re.M)
IMPORT = re.compile(r"import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+['\"][^'\"]*generated/(\w+)['\"]")


def _imported_names() -> set[tuple[str, str]]:
    """(module, name) for every name imported from src/generated outside it."""
    names = set()
    for path in [*CLIENT.joinpath("src").rglob("*.ts*"), *CLIENT.joinpath("tests").rglob("*.ts")]:
        if GENERATED in path.parents:
            continue
        for names_text, module in IMPORT.findall(path.read_text(encoding="utf-8")):
            for part in names_text.split(","):
                name = part.strip().removeprefix("type ").split(" as ")[0].strip()
                if name:
                    names.add((module, name))
    return names


def _used_inside(path: Path, name: str) -> bool:
    """Whether the generated file itself refers to `name` beyond declaring it."""
    return len(re.findall(rf"\b{name}\b", path.read_text(encoding="utf-8"))) > 1


def test_every_generated_export_is_used() -> None:
    imported = _imported_names()
    unused = []
    for path in sorted(GENERATED.glob("*.ts")):
        for name in EXPORT.findall(path.read_text(encoding="utf-8")):
            if (path.stem, name) not in imported and not _used_inside(path, name):
                unused.append(f"{path.name}: {name}")
    assert unused == []


def test_the_unused_export_check_sees_imports() -> None:
    imported = _imported_names()
    assert ("schema", "PROP_DEFAULTS") in imported
    assert ("protocol", "PKG_VERSION") in imported
