"""Runs the browser client's own unit tests (client/tests, node's test runner) under pytest."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

CLIENT = Path(__file__).resolve().parents[2] / "client"


@pytest.mark.skipif(shutil.which("npm") is None, reason="needs Node.js and npm")
@pytest.mark.skipif(
    not (CLIENT / "node_modules" / ".bin").is_dir(), reason="client dependencies not installed"
)
def test_client_unit_tests_pass() -> None:
    result = subprocess.run(
        ["npm", "test", "--silent"],
        cwd=CLIENT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout
