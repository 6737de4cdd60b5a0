"""RPCs sent before the page can answer them: held by the client, then answered."""

from __future__ import annotations

import io
import queue
from pathlib import Path
from typing import Any

from PIL import Image

from vuer import Vuer
from vuer.schemas import Box, CameraView, Scene


def scene(*children: Any) -> Scene:
    red = Box(key="box", args=[1, 1, 1], material={"color": "red"}, materialType="basic")
    return Scene(red, *children, camPosition=[0, 0, 3], background="black")


def serve(loops: Any, tmp_path: Path, main: Any) -> Vuer:
    app = Vuer(host="127.0.0.1", port=0, static_root=tmp_path)
    app.spawn(main)
    loops.run(app.astart())
    return app


def first(results: queue.Queue[Any], timeout: float = 30.0) -> Any:
    try:
        outcome = results.get(timeout=timeout)
    except queue.Empty:
        raise AssertionError(f"the session reported nothing within {timeout} s") from None
    if isinstance(outcome, BaseException):
        raise AssertionError(f"the RPC failed: {outcome!r}") from outcome
    return outcome


def image(frame: Any) -> Image.Image:
    assert isinstance(frame, bytes | bytearray), type(frame)
    picture = Image.open(io.BytesIO(frame))
    picture.load()
    return picture


def test_grab_render_right_after_set(loops, tmp_path, page) -> None:
    results: queue.Queue[Any] = queue.Queue()

    async def main(session: Any) -> None:
        # no wait between the two: the canvas is not mounted when the request lands
        session.set @ scene()
        try:
            results.put(await session.grab_render(quality=0.9, ttl=15.0))
        except Exception as error:  # handed to the test thread
            results.put(error)
        await session.forever()

    app = serve(loops, tmp_path, main)
    try:
        page.goto(f"http://127.0.0.1:{app.port}/?collapseMenu=true")
        answer = first(results)
        assert "error" not in answer.value, answer.value
        frame = image(answer.value["frame"])
        assert frame.size == (640, 480)
        # the SET that came first is in the picture: the box fills the middle
        middle = frame.convert("RGB").getpixel((320, 240))
        assert isinstance(middle, tuple) and middle[0] > 150 and middle[1] < 90, middle
    finally:
        loops.run(app.astop())


def test_grab_render_of_a_camera_view_sent_with_it(loops, tmp_path, page) -> None:
    results: queue.Queue[Any] = queue.Queue()
    ego = CameraView(key="ego", width=200, height=100, position=[0, 0, 3], showFrustum=False)

    async def main(session: Any) -> None:
        session.set @ scene(ego)
        try:
            results.put(await session.grab_render(key="ego", ttl=15.0))
        except Exception as error:
            results.put(error)
        await session.forever()

    app = serve(loops, tmp_path, main)
    try:
        page.goto(f"http://127.0.0.1:{app.port}/?collapseMenu=true")
        answer = first(results)
        # the named view, not the main view at the canvas size
        assert image(answer.value["frame"]).size == (200, 100)
    finally:
        loops.run(app.astop())


def test_an_rpc_nobody_handles_gets_an_error_answer(live, page, look) -> None:
    from vuer.events import ServerRPC

    server = live(scene())
    page.goto(server.url())
    look.connected()
    session = server.session()
    # session.rpc sends its ttl along: the page answers before Python stops waiting
    answer = server.call(session.rpc(ServerRPC(etype="NO_SUCH_RPC", data={}), ttl=3.0))
    assert "no handler for NO_SUCH_RPC" in answer.value["error"]
