"""The README's first command: examples/demo.py serves a scene that draws and moves."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def demo_port(tmp_path: Path) -> Iterator[int]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    env = {**os.environ, "VUER_PORT": str(port), "VUER_HOST": "127.0.0.1"}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")])
    log = (tmp_path / "demo.log").open("wb")
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "examples" / "demo.py")],
        cwd=tmp_path,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail(f"demo.py did not serve: {(tmp_path / 'demo.log').read_text()}")
        yield port
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        log.close()


def test_demo_draws_its_meshes_and_animates(demo_port: int, page, look) -> None:
    page.goto(f"http://127.0.0.1:{demo_port}/?collapseMenu=true")
    look.connected()
    whole = (0, 0, 640, 480)
    # the tomato box and the blue ball, lit, over the light grid
    first = look.until(
        lambda im: look.share(im, whole, "red") > 0.002 and look.share(im, whole, "blue") > 0.002,
        "the demo's box and ball",
    )
    # the knot turns at 60 Hz: a later frame differs from this one
    look.until(lambda im: np.any(np.asarray(im) != np.asarray(first)), "the demo moving")
