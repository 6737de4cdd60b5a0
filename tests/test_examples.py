"""Each example runs: it serves on a free port, a headless client gets its scene,
and what it does with client events (logs, saved renders, moved nodes) happens."""

from __future__ import annotations

import asyncio
import io
import os
import socket
import sys
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from vuer.testing import HeadlessClient

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SRC = Path(__file__).resolve().parents[1] / "src"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Example:
    def __init__(self, proc: asyncio.subprocess.Process, client: HeadlessClient) -> None:
        self.proc = proc
        self.client = client
        self.seen: list[str] = []  # every line the example printed, read so far

    async def wait_for(self, check: Callable[[HeadlessClient], Any], timeout: float = 15) -> None:
        await self.client.wait_for(check, timeout=timeout)

    async def logged(self, text: str, timeout: float = 15) -> None:
        """Wait until the example prints a line containing ``text``."""
        assert self.proc.stdout is not None
        seen = self.seen

        async def scan() -> None:
            assert self.proc.stdout is not None
            while line := await self.proc.stdout.readline():
                seen.append(line.decode(errors="replace"))
                if text in seen[-1]:
                    return
            raise AssertionError(f"the example ended without logging {text!r}: {seen}")

        try:
            await asyncio.wait_for(scan(), timeout)
        except asyncio.TimeoutError:
            raise AssertionError(f"no {text!r} within {timeout} s in: {seen}") from None


@asynccontextmanager
async def run_example(
    name: str, *args: str, cwd: Path, env: dict[str, str] | None = None
) -> AsyncIterator[Example]:
    port = free_port()
    env = {**os.environ, **(env or {}), "VUER_PORT": str(port), "VUER_HOST": "127.0.0.1"}
    env["PYTHONPATH"] = os.pathsep.join([str(SRC), env.get("PYTHONPATH", "")])
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        str(EXAMPLES / name),
        *args,
        cwd=cwd,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    client = None
    try:
        for _ in range(150):  # up to ~15 s for the interpreter to start and bind
            if proc.returncode is not None:
                break
            try:
                client = await HeadlessClient(f"ws://127.0.0.1:{port}").connect()
                break
            except OSError:
                await asyncio.sleep(0.1)
        if client is None:
            proc.kill()
            out = (await proc.stdout.read()).decode(errors="replace") if proc.stdout else ""
            pytest.fail(f"{name} never served on port {port}:\n{out}")
        yield Example(proc, client)
    finally:
        if client is not None:
            await client.close()
        if proc.returncode is None:
            proc.terminate()
        await asyncio.wait_for(proc.wait(), 10)


async def test_demo_sets_the_scene_animates_and_logs_clicks(tmp_path: Path) -> None:
    async with run_example("demo.py", cwd=tmp_path) as ex:
        wanted = {"box", "ball", "galaxy", "frustum", "title", "knot"}
        await ex.wait_for(lambda c: wanted <= c.scene.keys())
        await ex.wait_for(lambda c: "rotation" in c.scene.find("knot"))
        first = ex.client.scene.find("knot")["rotation"]
        await ex.wait_for(lambda c: c.scene.find("knot")["rotation"] != first)
        galaxy = ex.client.scene.find("galaxy")
        assert isinstance(galaxy["vertices"], bytes) and len(galaxy["vertices"]) == 30_000 * 6
        await ex.client.send("ON_CLICK", {"key": "ball"})
        await ex.logged("clicked 'ball'")


async def test_point_cloud_replaces_the_cloud(tmp_path: Path) -> None:
    async with run_example("point_cloud.py", cwd=tmp_path) as ex:
        await ex.wait_for(lambda c: c.scene.find("ripple") is not None)
        first = ex.client.scene.find("ripple")["vertices"]
        assert len(first) == 316 * 316 * 6
        await ex.wait_for(lambda c: c.scene.find("ripple")["vertices"] != first)


async def test_camera_stream_logs_the_pose(tmp_path: Path) -> None:
    async with run_example("camera_stream.py", cwd=tmp_path) as ex:
        await ex.wait_for(lambda c: c.scene.find("orbit") is not None)
        assert ex.client.scene.find("orbit")["stream"] is True
        matrix = [1.0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0.5, 1.5, 4.0, 1]
        camera = {"position": [0.5, 1.5, 4.0], "matrix": matrix}
        await ex.client.send("CAMERA_MOVE", {"camera": camera}, key="defaultCamera")
        await ex.logged("camera at (0.50, 1.50, 4.00)")
        # A drag: 48 poses in a burst give at most one more short line, not 48 long ones.
        for i in range(48):
            camera = {"position": [0.5, 1.5, 4.0 + i / 100], "matrix": matrix}
            await ex.client.send("CAMERA_MOVE", {"camera": camera}, key="defaultCamera")
        await asyncio.sleep(1.5)
        camera = {"position": [1.0, 1.0, 1.0], "matrix": matrix}
        await ex.client.send("CAMERA_MOVE", {"camera": camera}, key="defaultCamera")
        await ex.logged("camera at (1.00, 1.00, 1.00)")
        lines = [line for line in ex.seen if "camera at" in line]
        assert len(lines) <= 3, lines
        assert all(len(line) < 120 for line in lines), lines
        assert "poses" in lines[-1]


def png(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), "red").save(out, format="PNG")
    return out.getvalue()


async def test_grab_render_saves_both_views(tmp_path: Path) -> None:
    def answer(msg: dict[str, Any]) -> dict[str, Any]:
        w, h = (320, 240) if msg.get("key") == "ego" else (640, 480)
        return {"frame": png(w, h), "depthFrame": png(w, h), "width": w, "height": h, "dpr": 1}

    async with run_example("grab_render.py", "--out", "shots", cwd=tmp_path) as ex:
        ex.client.on_rpc("GRAB_RENDER", answer)
        await ex.wait_for(lambda c: c.scene.find("ego") is not None)
        for _ in range(100):
            if (tmp_path / "shots" / "ego_depth.png").exists():
                break
            await asyncio.sleep(0.1)
    assert Image.open(tmp_path / "shots" / "main.jpg").size == (640, 480)
    assert Image.open(tmp_path / "shots" / "ego.png").size == (320, 240)


async def test_robot_arm_moves_its_joints(tmp_path: Path) -> None:
    async with run_example("robot_arm.py", cwd=tmp_path) as ex:
        keys = {"arm", "joint0", "joint1", "joint2", "link0", "gripper"}
        await ex.wait_for(lambda c: keys <= c.scene.keys())
        before = ex.client.scene.find("joint1").get("rotation")
        await ex.wait_for(lambda c: c.scene.find("joint1").get("rotation") != before)


async def test_keyboard_arrows_move_the_box(tmp_path: Path) -> None:
    async with run_example("keyboard.py", cwd=tmp_path) as ex:
        await ex.wait_for(lambda c: c.scene.find("keyboard") is not None)
        value = {"key": "ArrowRight", "code": "ArrowRight", "shiftKey": False}
        await ex.client.send("KeyDown", value, key="keyboard")
        await ex.wait_for(lambda c: c.scene.find("box")["position"][0] == pytest.approx(0.1))


async def test_images_streams_jpeg_frames(tmp_path: Path) -> None:
    async with run_example("images.py", cwd=tmp_path) as ex:
        await ex.wait_for(lambda c: c.scene.find("video") is not None)
        first = ex.client.scene.find("video")["src"]
        await ex.wait_for(lambda c: c.scene.find("video")["src"] != first)
        src = ex.client.scene.find("video")["src"]
        assert isinstance(src, bytes)  # JPEG bytes, not a data URL
        image = Image.open(io.BytesIO(src))
        assert (image.format, image.size) == ("JPEG", (320, 240))


async def test_grab_render_writes_to_a_temp_folder_by_default(tmp_path: Path) -> None:
    def answer(msg: dict[str, Any]) -> dict[str, Any]:
        return {"frame": png(32, 24), "width": 32, "height": 24, "dpr": 1}

    temp = tmp_path / "tmp"
    temp.mkdir()
    work = tmp_path / "clone"
    work.mkdir()
    async with run_example("grab_render.py", cwd=work, env={"TMPDIR": str(temp)}) as ex:
        ex.client.on_rpc("GRAB_RENDER", answer)
        await ex.logged("saved main.jpg")
    assert (temp / "vuer-renders" / "main.jpg").is_file()
    assert list(work.iterdir()) == []  # nothing written where it was run
    assert "renders/" in (EXAMPLES.parent / ".gitignore").read_text().splitlines()


async def test_demo_title_faces_the_camera_and_keyboard_says_what_to_press(
    tmp_path: Path,
) -> None:
    async with run_example("demo.py", cwd=tmp_path) as ex:
        await ex.wait_for(lambda c: c.scene.find("title") is not None)
        billboard = ex.client.scene.find("title-billboard")
        assert billboard["tag"] == "Billboard"
        assert [child["key"] for child in billboard["children"]] == ["title"]
    async with run_example("keyboard.py", cwd=tmp_path) as ex:
        await ex.wait_for(lambda c: c.scene.find("hint") is not None)
        assert "arrow keys" in ex.client.scene.find("hint")["text"]


def test_every_example_logs_the_same_way() -> None:
    setup = 'logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s")'
    for example in sorted(EXAMPLES.glob("*.py")):
        text = example.read_text()
        assert setup in text, example.name
        assert "print(" not in text, example.name
        assert "await session.forever()" in text or "while True:" in text, example.name
