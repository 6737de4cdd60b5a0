"""``WebRTCStream``: numpy frames pushed from any thread, played in the page over WebRTC.

aiortc and av are imported only when a browser connects (``pip install
'vuer[webrtc]'``), so creating a stream and pushing frames needs neither.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from fractions import Fraction
from typing import Any

import numpy as np

__all__ = ["CODECS", "WebRTCStream"]

CODECS = ("H264", "VP8")
VIDEO_CLOCK = 90_000  # RTP video clock rate (Hz)


class _LatestFrame:
    """One slot holding the newest frame; writers never block, the reader awaits news."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._frame: np.ndarray | None = None
        self._serial = 0
        self._waiters: list[tuple[asyncio.AbstractEventLoop, asyncio.Event]] = []

    def put(self, frame: np.ndarray) -> None:
        with self._lock:
            self._frame = frame
            self._serial += 1
            waiters, self._waiters = self._waiters, []
        for loop, event in waiters:
            try:
                loop.call_soon_threadsafe(event.set)
            except RuntimeError:  # that loop is closed: nobody is waiting any more
                pass

    def latest(self) -> tuple[int, np.ndarray | None]:
        with self._lock:
            return self._serial, self._frame

    async def newer_than(self, serial: int, timeout: float) -> tuple[int, np.ndarray | None]:
        """The newest frame once its serial passes ``serial``, or the current one after timeout."""
        event = asyncio.Event()
        with self._lock:
            if self._serial != serial:
                return self._serial, self._frame
            self._waiters.append((asyncio.get_running_loop(), event))
        try:
            await asyncio.wait_for(event.wait(), timeout)
        except asyncio.TimeoutError:
            pass
        return self.latest()


class WebRTCStream:
    """A video stream served at ``POST /webrtc/offer/<id>`` (made by ``app.create_webrtc_stream``).

    Put ``WebRTCVideoPlane(src=stream.endpoint)`` in the scene and call
    ``push_frame(bgr)`` from any thread; only the newest frame is kept. With
    ``track=`` (an aiortc ``MediaStreamTrack``) that track is sent instead.
    """

    def __init__(
        self,
        stream_id: str,
        *,
        track: Any = None,
        codec: str = "H264",
        max_bitrate: int | None = None,
        max_framerate: float | None = None,
        resolution: tuple[int, int] | None = None,
        base_url: Callable[[], str] | None = None,
    ) -> None:
        if not isinstance(stream_id, str) or not stream_id or "/" in stream_id:
            raise ValueError(
                f"a stream id must be a non-empty string without '/', got {stream_id!r}"
            )
        codec = codec.upper() if isinstance(codec, str) else codec
        if codec not in CODECS:
            raise ValueError(f"codec must be one of {CODECS}, got {codec!r}")
        for name, value in (("max_bitrate", max_bitrate), ("max_framerate", max_framerate)):
            if value is not None and (isinstance(value, bool) or not value > 0):
                raise ValueError(f"{name} must be a positive number, got {value!r}")
        if resolution is not None:
            w, h = resolution
            if int(w) <= 0 or int(h) <= 0:
                raise ValueError(f"resolution must be (width, height) > 0, got {resolution!r}")
            resolution = (int(w), int(h))
        self.id = stream_id
        self.codec = codec
        self.max_bitrate = max_bitrate
        self.max_framerate = max_framerate
        self.resolution = resolution or (640, 480)
        self.custom_track = track
        self._base_url = base_url or (lambda: "")
        self._frames = _LatestFrame()
        self._ready = threading.Event()
        self._relay: Any = None  # shares a custom track between peers
        self.peers = 0

    # ---- where the browser connects -------------------------------------------

    @property
    def url(self) -> str:
        """The offer path on this server, ``/webrtc/offer/<id>``."""
        return f"/webrtc/offer/{self.id}"

    @property
    def endpoint(self) -> str:
        """The full offer URL, ``http[s]://host:port/webrtc/offer/<id>``."""
        return self._base_url() + self.url

    # ---- frames -------------------------------------------------------------------

    def push_frame(self, frame: np.ndarray) -> None:
        """Send ``frame`` (H x W x 3 uint8, BGR as OpenCV gives it); safe from any thread."""
        if self.custom_track is not None:
            raise RuntimeError(f"stream {self.id!r} sends its own track; push_frame is unavailable")
        array = np.asarray(frame)
        if array.ndim != 3 or array.shape[2] != 3 or array.dtype != np.uint8:
            raise ValueError(
                f"push_frame takes an H x W x 3 uint8 BGR image, got shape {array.shape} "
                f"dtype {array.dtype}"
            )
        if array.shape[0] % 2 or array.shape[1] % 2:  # yuv420p needs even sizes
            array = array[: array.shape[0] // 2 * 2, : array.shape[1] // 2 * 2]
        self._frames.put(np.array(array, copy=True, order="C"))  # callers reuse their buffers

    # ---- readiness ----------------------------------------------------------------

    @property
    def ready(self) -> bool:
        """True once a browser is connected and receiving."""
        return self._ready.is_set()

    def wait_ready_sync(self, timeout: float | None = 10.0) -> bool:
        """Block until a browser is connected (True) or ``timeout`` passes (False)."""
        return self._ready.wait(timeout)

    async def wait_ready(self, timeout: float | None = 10.0) -> bool:
        """``wait_ready_sync`` for async code."""
        return await asyncio.to_thread(self._ready.wait, timeout)

    def _peer_changed(self, delta: int) -> None:
        self.peers = max(0, self.peers + delta)
        if self.peers:
            self._ready.set()
        else:
            self._ready.clear()

    # ---- aiortc side ------------------------------------------------------------

    def _source_track(self) -> Any:
        """A track for one more peer.

        Pushed frames: each peer gets its own track and builds its own frames
        from the newest array, because aiortc encodes in worker threads and a
        frame object shared between peers is converted by several at once
        (which crashes libswscale). A custom track is shared through one MediaRelay.
        """
        if self.custom_track is None:
            return _frame_track(self)
        if self._relay is None:
            from aiortc.contrib.media import MediaRelay

            self._relay = MediaRelay()
        return self._relay.subscribe(self.custom_track, buffered=False)

    async def _next_video_frame(self, state: dict[str, Any]) -> Any:
        """The next av.VideoFrame: a new push, or the last one again after 1 s (black if none)."""
        from av import VideoFrame

        fps = self.max_framerate or 60.0
        wait = state.get("next", 0.0) - time.monotonic()
        if wait > 0:  # pace to max_framerate
            await asyncio.sleep(wait)
        serial, frame = await self._frames.newer_than(state.get("serial", 0), timeout=1.0)
        state["serial"] = serial
        state["next"] = time.monotonic() + 1.0 / fps
        if frame is None:
            w, h = self.resolution
            frame = np.zeros((h - h % 2, w - w % 2, 3), np.uint8)
        video = VideoFrame.from_ndarray(frame, format="bgr24")
        start = state.setdefault("start", time.monotonic())
        video.pts = int((time.monotonic() - start) * VIDEO_CLOCK)
        video.time_base = Fraction(1, VIDEO_CLOCK)
        return video

    def __repr__(self) -> str:
        return f"WebRTCStream({self.id!r}, codec={self.codec!r}, peers={self.peers})"


def _frame_track(stream: WebRTCStream) -> Any:
    from aiortc import MediaStreamTrack

    class PushedFrames(MediaStreamTrack):
        """The frames given to ``push_frame``, newest first."""

        kind = "video"

        def __init__(self) -> None:
            super().__init__()
            self._state: dict[str, Any] = {}

        async def recv(self) -> Any:
            return await stream._next_video_frame(self._state)

    return PushedFrames()
