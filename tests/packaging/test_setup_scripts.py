"""The README's two commands: scripts/setup.sh makes a .venv that command 1 runs the
demo from, and scripts/test.sh (what .ci/run calls) uses that same venv, never
overriding the system Python's protection (PEP 668)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def readme_commands() -> list[str]:
    lines = (ROOT / "README.md").read_text().splitlines()
    start = lines.index("```bash") + 1
    return [line.split("#")[0].strip() for line in lines[start : start + 2]]


def test_the_readme_starts_with_the_two_commands():
    assert readme_commands() == [
        "bash scripts/setup.sh && .venv/bin/python examples/demo.py",
        "bash scripts/test.sh",
    ]
    assert "Node ≥ 20" in (ROOT / "README.md").read_text()


def test_test_sh_uses_the_setup_venv_and_ci_calls_it():
    test_sh = (ROOT / "scripts" / "test.sh").read_text()
    assert "PIP_BREAK_SYSTEM_PACKAGES" not in test_sh
    assert "PIP_BREAK_SYSTEM_PACKAGES" not in (ROOT / "scripts" / "setup.sh").read_text()
    assert "bash scripts/setup.sh test" in test_sh
    assert '.venv}/bin/python" -m pytest' in test_sh
    assert "scripts/test.sh" in (ROOT / ".ci" / "run").read_text()


def fresh_copy(dest: Path) -> None:
    """The files a fresh clone has: tracked and not ignored ones."""
    names = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    for name in names:
        src = ROOT / name
        if src.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)


def test_command_one_on_a_fresh_copy_serves_the_demo(tmp_path):
    repo = tmp_path / "vuer"
    fresh_copy(repo)
    # The client build is covered by tests/packaging/test_hatch_build.py; here the
    # point is the venv and the commands, so the (minutes-long) npm build is skipped.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "PYTHON"))}
    env.update(VUER_SKIP_CLIENT_BUILD="1", VUER_PORT="0", VUER_HOST="127.0.0.1")
    env["PATH"] = os.pathsep.join(p for p in env["PATH"].split(os.pathsep) if ".venv" not in p)
    env.pop("PIP_BREAK_SYSTEM_PACKAGES", None)
    setup = subprocess.run(
        ["bash", "scripts/setup.sh"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert setup.returncode == 0, setup.stdout + setup.stderr
    python = repo / ".venv" / "bin" / "python"
    assert python.is_file()
    probe = subprocess.run(
        [str(python), "-c", "import sys, vuer; print(sys.prefix, vuer.__file__)"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    prefix, location = probe.stdout.split()
    assert Path(prefix) == repo / ".venv" and Path(location).is_relative_to(repo / "src")
    assert sys.prefix != prefix  # not this interpreter's environment
    demo = subprocess.Popen(
        [str(python), "examples/demo.py"],
        cwd=repo,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        seen = []
        deadline = time.monotonic() + 60
        assert demo.stdout is not None
        while time.monotonic() < deadline and len(seen) < 50:
            line = demo.stdout.readline()
            if not line:
                break
            seen.append(line)
            if "Vuer is serving at" in line:
                break
        assert any("Vuer is serving at" in line for line in seen), seen
    finally:
        demo.terminate()
        demo.wait(10)
