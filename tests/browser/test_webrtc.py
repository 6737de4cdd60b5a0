"""WebRTC in the page: numpy frames pushed in Python show on a WebRTCVideoPlane.

Chromium hides its host candidates behind mDNS names unless told not to; the
browser fixture here adds that flag (aiortc would otherwise rely on learning
peer-reflexive candidates).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import numpy as np
import pytest

from _chromium import sync_chromium
from vuer.schemas import Scene, WebRTCVideoMaterial, WebRTCVideoPlane

from .conftest import FAILED_SHOTS

pytest.importorskip("aiortc", reason="aiortc is not installed (pip install 'vuer[webrtc]')")

CENTRE = (220, 160, 420, 320)
BGR = {"red": (0, 0, 255), "blue": (255, 0, 0), "green": (0, 255, 0)}


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_chromium(["--disable-features=WebRtcHideLocalIpsWithMdns"]) as chromium:
        yield chromium


class Pusher:
    """A producer thread pushing solid frames at 30 fps, as a camera loop would."""

    def __init__(self, stream: Any, colour: str) -> None:
        self.stream = stream
        self.colour = colour
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def run(self) -> None:
        for _ in range(30 * 120):  # at most two minutes
            if self.stop.is_set():
                return
            frame = np.empty((480, 640, 3), np.uint8)
            frame[:] = BGR[self.colour]
            self.stream.push_frame(frame)
            self.stop.wait(1 / 30)

    def close(self) -> None:
        self.stop.set()
        self.thread.join(timeout=5)


def test_pushed_colour_shows_and_changes(live, page, look) -> None:
    server = live(start=False)
    stream = server.app.create_webrtc_stream("cam", codec="VP8", max_framerate=30)
    server.start()
    pusher = Pusher(stream, "red")
    try:
        server.app.spawn_handlers.clear()

        @server.app.spawn
        async def main(session: Any) -> None:
            session.set @ Scene(
                WebRTCVideoPlane(key="rtc", src=stream.endpoint, distanceToCamera=1)
            )
            server._sessions.put(session)
            await session.forever()

        page.goto(server.url())
        look.connected()
        look.until(lambda im: look.share(im, CENTRE, "red") > 0.9, "the red stream")
        assert stream.wait_ready_sync(timeout=5)
        assert page.evaluate("document.body.dataset.vuerWebrtc") == "playing"
        pusher.colour = "blue"
        shot = look.until(
            lambda im: look.share(im, CENTRE, "blue") > 0.9, "the stream turning blue"
        )
        shot.save(FAILED_SHOTS / "webrtc_blue.png")  # for a person to look at

        # The Python side restarts the stream (all peers dropped): the page reconnects.
        server.call(server.app._webrtc.close_all())
        pusher.colour = "green"
        look.until(
            lambda im: look.share(im, CENTRE, "green") > 0.9,
            "the stream back (green) after a restart",
            timeout=45,
            tries=400,
        )
    finally:
        pusher.close()


@pytest.mark.allow_console_errors  # the refused offer logs a failed fetch (404)
def test_unknown_stream_shows_a_failure_card(live, page, look) -> None:
    server = live(Scene(WebRTCVideoPlane(key="rtc", src="/webrtc/offer/nope", distanceToCamera=1)))
    page.goto(server.url())
    look.connected()
    page.wait_for_function("document.body.dataset.vuerWebrtc === 'failed'", timeout=20_000)

    def reddish(im: Any, box: tuple[int, int, int, int]) -> float:  # the card's dark red
        pixels = np.asarray(im.crop(box), dtype=np.int32).reshape(-1, 3)
        return float(
            ((pixels[:, 0] > pixels[:, 1] + 15) & (pixels[:, 0] > pixels[:, 2] + 15)).mean()
        )

    shot = look.until(lambda im: reddish(im, (200, 200, 440, 280)) > 0.5, "the failure card")
    shot.save(FAILED_SHOTS / "webrtc_failed.png")
    assert reddish(shot, (0, 60, 640, 150)) < 0.1  # a band across the middle, not the whole view


def test_webrtc_material_on_a_mesh(live, page, look) -> None:
    from vuer.schemas import Box

    server = live(start=False)
    stream = server.app.create_webrtc_stream("mat", codec="VP8")
    server.app.spawn_handlers.clear()

    @server.app.spawn
    async def main(session: Any) -> None:
        session.set @ Scene(
            Box(WebRTCVideoMaterial(key="m", src=stream.url), key="box", args=[3, 3, 3]),
        )
        await session.forever()

    server.start()
    pusher = Pusher(stream, "blue")
    try:
        page.goto(server.url())
        look.connected()
        look.until(lambda im: look.share(im, (300, 220, 340, 260), "blue") > 0.9, "a blue box")
    finally:
        pusher.close()


def test_stereo_plane_shows_the_left_eye_outside_xr(live, page, look) -> None:
    from vuer.schemas import WebRTCStereoVideoPlane

    server = live(start=False)
    stream = server.app.create_webrtc_stream("stereo", codec="VP8")
    server.app.spawn_handlers.clear()

    @server.app.spawn
    async def main(session: Any) -> None:
        session.set @ Scene(WebRTCStereoVideoPlane(key="s", src=stream.url, distanceToCamera=1))
        await session.forever()

    server.start()
    stop = threading.Event()

    def push() -> None:  # side by side: left eye red, right eye blue
        frame = np.zeros((240, 640, 3), np.uint8)
        frame[:, :320] = BGR["red"]
        frame[:, 320:] = BGR["blue"]
        for _ in range(30 * 60):
            if stop.is_set():
                return
            stream.push_frame(frame)
            stop.wait(1 / 30)

    thread = threading.Thread(target=push, daemon=True)
    thread.start()
    try:
        page.goto(server.url())
        look.connected()
        shot = look.until(lambda im: look.share(im, CENTRE, "red") > 0.9, "the left eye (red)")
        assert look.share(shot, (0, 0, 640, 480), "blue") < 0.01  # the right eye is not drawn
    finally:
        stop.set()
        thread.join(timeout=5)
