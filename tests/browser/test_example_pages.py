"""Every example's page in chromium: it connects, draws, and its console shows no
warning and no error (each would be the first thing a newcomer reads)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted(p.name for p in (ROOT / "examples").glob("*.py") if not p.name.startswith("_"))
SETTLE_MS = 4000  # long enough for every example's first frames, grabs and uploads


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def example(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[int]:
    port = free_port()
    env = {**os.environ, "VUER_PORT": str(port), "VUER_HOST": "127.0.0.1", "TMPDIR": str(tmp_path)}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")])
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "examples" / request.param)],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(150):  # up to ~15 s to start and bind
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                assert proc.poll() is None, f"{request.param} exited with {proc.returncode}"
                time.sleep(0.1)
        else:
            pytest.fail(f"{request.param} never served on port {port}")
        yield port
    finally:
        proc.terminate()
        proc.wait(10)


@pytest.mark.parametrize("example", EXAMPLES, indirect=True)
def test_the_example_page_logs_no_warning_or_error(example: int, page: Any, look: Any) -> None:
    said: list[str] = []
    page.on(
        "console",
        lambda msg: (
            said.append(f"{msg.type}: {msg.text}") if msg.type in ("warning", "error") else None
        ),
    )
    page.goto(f"http://127.0.0.1:{example}/")
    look.connected()
    page.wait_for_function("window.__vuer.stats.frames > 0", timeout=20_000)
    page.wait_for_timeout(SETTLE_MS)
    assert said == []
