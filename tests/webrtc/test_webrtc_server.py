"""WebRTC from Python's side: the offer endpoint, an aiortc peer receiving pushed frames."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import aiohttp
import numpy as np
import pytest

from vuer import Vuer, WebRTCStream
from vuer.testing import running
from vuer.webrtc import limit_sdp

aiortc = pytest.importorskip(
    "aiortc", reason="aiortc is not installed (pip install 'vuer[webrtc]')"
)


def make_app(tmp_path: Any) -> Vuer:
    return Vuer(host="127.0.0.1", port=0, workspace=tmp_path, client_root=tmp_path / "no_client")


def test_stream_arguments_and_push_frame_checks(tmp_path) -> None:
    app = make_app(tmp_path)
    stream = app.create_webrtc_stream("cam", codec="vp8", max_bitrate=2_000_000, max_framerate=30)
    assert isinstance(stream, WebRTCStream) and stream.codec == "VP8"
    assert stream.url == "/webrtc/offer/cam"
    assert stream.endpoint == f"http://127.0.0.1:{app.port}/webrtc/offer/cam"
    assert stream.ready is False and stream.wait_ready_sync(timeout=0.01) is False
    with pytest.raises(ValueError, match="exists"):
        app.create_webrtc_stream("cam")
    with pytest.raises(ValueError, match="codec"):
        app.create_webrtc_stream("x", codec="AV1")
    with pytest.raises(ValueError, match="max_bitrate"):
        app.create_webrtc_stream("y", max_bitrate=0)
    with pytest.raises(ValueError, match="uint8"):
        stream.push_frame(np.zeros((4, 4, 3), np.float32))
    with pytest.raises(ValueError, match="H x W x 3"):
        stream.push_frame(np.zeros((4, 4), np.uint8))
    custom = app.create_webrtc_stream("custom", track=object())
    with pytest.raises(RuntimeError, match="own track"):
        custom.push_frame(np.zeros((4, 4, 3), np.uint8))
    # pushes from many threads keep only the newest frame
    threads = [
        threading.Thread(target=stream.push_frame, args=(np.full((4, 4, 3), i, np.uint8),))
        for i in range(8)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    serial, frame = stream._frames.latest()
    assert serial == 8 and frame is not None and frame.shape == (4, 4, 3)


def test_limit_sdp() -> None:
    sdp = "v=0\r\nm=audio 9 x\r\nm=video 9 UDP/TLS/RTP/SAVPF 97\r\na=mid:0\r\n"
    out = limit_sdp(sdp, 1_500_000, 24)
    assert "m=video 9 UDP/TLS/RTP/SAVPF 97\r\nb=AS:1500\r\na=framerate:24\r\na=mid:0" in out
    assert out.count("b=AS") == 1
    assert limit_sdp(sdp, None, None) == sdp


async def _receive_colour(stream: WebRTCStream, rounds: int) -> tuple[list[Any], bool]:
    """Connect an aiortc peer to the stream: mean RGB of received frames, and readiness."""
    endpoint = stream.endpoint
    from aiortc import RTCPeerConnection, RTCSessionDescription

    pc = RTCPeerConnection()
    pc.addTransceiver("video", direction="recvonly")
    got: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
    pc.on("track", lambda track: got.done() or got.set_result(track))
    await pc.setLocalDescription(await pc.createOffer())
    async with aiohttp.ClientSession() as http:
        body = {"sdp": pc.localDescription.sdp, "type": "offer"}
        async with http.post(endpoint, json=body) as r:
            assert r.status == 200, await r.text()
            answer = await r.json()
    assert "b=AS:800" in answer["sdp"] and "a=framerate:30" in answer["sdp"]
    await pc.setRemoteDescription(RTCSessionDescription(**answer))
    track = await asyncio.wait_for(got, 10)
    means = []
    try:
        for _ in range(rounds):
            frame = await asyncio.wait_for(track.recv(), 10)
            means.append(frame.to_ndarray(format="rgb24").reshape(-1, 3).mean(axis=0))
        ready = stream.ready and await stream.wait_ready(timeout=1)
    finally:
        await pc.close()
    return means, ready


async def test_offer_endpoint_errors(tmp_path) -> None:
    app = make_app(tmp_path)
    app.create_webrtc_stream("cam")
    async with running(app), aiohttp.ClientSession() as http:
        base = f"http://127.0.0.1:{app.port}"
        async with http.post(base + "/webrtc/offer/nope", json={"sdp": "", "type": "offer"}) as r:
            assert r.status == 404 and "cam" in (await r.json())["error"]
        async with http.post(base + "/webrtc/offer/cam", data=b"not json") as r:
            assert r.status == 400 and "error" in await r.json()
        async with http.post(base + "/webrtc/offer/cam", json={"sdp": "v=0", "type": "offer"}) as r:
            assert r.status == 400
        async with http.get(base + "/webrtc/debug") as r:
            assert r.status == 200 and "RTCPeerConnection" in await r.text()


async def test_pushed_frames_reach_an_aiortc_peer(tmp_path) -> None:
    app = make_app(tmp_path)
    stream = app.create_webrtc_stream(
        "cam", codec="VP8", max_bitrate=800_000, max_framerate=30, resolution=(160, 120)
    )
    stop = threading.Event()
    colour = {"bgr": (0, 0, 255)}  # red in BGR

    def pusher() -> None:  # a producer thread, as robot code would have
        for _ in range(3000):
            if stop.is_set():
                return
            stream.push_frame(np.full((120, 160, 3), colour["bgr"], np.uint8))
            stop.wait(1 / 30)

    thread = threading.Thread(target=pusher, daemon=True)
    async with running(app):
        thread.start()
        try:
            means, ready = await _receive_colour(stream, rounds=15)
            assert ready
            r, g, b = means[-1]
            assert r > 180 and g < 60 and b < 60, means[-1]
        finally:
            stop.set()
            thread.join(timeout=5)
    for _ in range(50):  # the peer's close reaches the server soon after
        if not stream.ready:
            break
        await asyncio.sleep(0.05)
    assert not stream.ready


async def test_two_peers_at_once_each_get_frames(tmp_path) -> None:
    """Several pages watch one stream; each peer encodes its own frames (no shared frame)."""
    app = make_app(tmp_path)
    stream = app.create_webrtc_stream("cam", codec="VP8", max_bitrate=800_000, max_framerate=30)
    stop = threading.Event()
    frame = np.empty((120, 160, 3), np.uint8)

    def pusher() -> None:  # reuses one buffer, as camera loops do
        for i in range(3000):
            if stop.is_set():
                return
            frame[:] = (255, 0, 0) if i % 2 else (200, 0, 0)  # blue, two levels
            stream.push_frame(frame)
            stop.wait(1 / 30)

    thread = threading.Thread(target=pusher, daemon=True)
    async with running(app):
        thread.start()
        try:
            results = await asyncio.gather(
                _receive_colour(stream, rounds=20), _receive_colour(stream, rounds=20)
            )
        finally:
            stop.set()
            thread.join(timeout=5)
    for means, ready in results:
        assert ready
        r, g, b = means[-1]
        assert b > 150 and r < 60 and g < 60, means[-1]


async def test_a_custom_track_is_sent_as_is(tmp_path) -> None:
    from aiortc import VideoStreamTrack
    from av import VideoFrame

    class Green(VideoStreamTrack):
        async def recv(self) -> VideoFrame:
            pts, time_base = await self.next_timestamp()
            frame = VideoFrame.from_ndarray(np.full((96, 128, 3), (0, 255, 0), np.uint8), "bgr24")
            frame.pts, frame.time_base = pts, time_base
            return frame

    app = make_app(tmp_path)
    stream = app.create_webrtc_stream(
        "custom", track=Green(), codec="VP8", max_bitrate=800_000, max_framerate=30
    )
    async with running(app):
        means, ready = await _receive_colour(stream, rounds=10)
    r, g, b = means[-1]
    assert ready and g > 180 and r < 60 and b < 60, means[-1]
