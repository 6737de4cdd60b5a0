"""The server side of WebRTC: ``POST /webrtc/offer/{id}`` and ``GET /webrtc/debug``.

The browser sends an SDP offer with a receive-only video transceiver; we
answer with the stream's track (through a ``MediaRelay``, so any number of
pages can watch), preferring the stream's codec and writing its bitrate and
framerate limits into the answer.
"""

from __future__ import annotations

import asyncio
import logging
import re
from pathlib import Path
from typing import Any

from aiohttp import web

from vuer.webrtc.stream import WebRTCStream

__all__ = ["WebRTCStreamManager", "limit_sdp", "serve_debug_page"]

logger = logging.getLogger("vuer.webrtc")

_DEBUG_PAGE = Path(__file__).with_name("debug.html")
INSTALL_HINT = "WebRTC needs aiortc and av: pip install 'vuer[webrtc]'"


def aiortc_available() -> bool:
    try:
        import aiortc  # noqa: F401
        import av  # noqa: F401
    except ImportError:
        return False
    return True


def limit_sdp(sdp: str, max_bitrate: int | None, max_framerate: float | None) -> str:
    """Write ``b=AS:<kbps>`` and ``a=framerate:<fps>`` after every ``m=video`` line."""
    if not max_bitrate and not max_framerate:
        return sdp
    extra = []
    if max_bitrate:
        extra.append(f"b=AS:{max(1, int(max_bitrate) // 1000)}")
    if max_framerate:
        extra.append(f"a=framerate:{max_framerate:g}")
    lines = re.split(r"\r?\n", sdp.rstrip("\r\n"))
    out: list[str] = []
    for line in lines:
        out.append(line)
        if line.startswith("m=video"):
            out.extend(extra)
    return "\r\n".join(out) + "\r\n"


def _json_error(status: int, message: str) -> web.Response:
    return web.json_response({"error": message}, status=status)


async def serve_debug_page(request: web.Request) -> web.StreamResponse:
    """A page that plays a stream in a <video>: ``/webrtc/debug?url=<offer endpoint>``."""
    return web.FileResponse(_DEBUG_PAGE, headers={"Cache-Control": "no-cache"})


class WebRTCStreamManager:
    """The app's streams and the peer connections playing them."""

    def __init__(self) -> None:
        self.streams: dict[str, WebRTCStream] = {}
        self.peers: set[Any] = set()

    def add(self, stream: WebRTCStream) -> WebRTCStream:
        if stream.id in self.streams:
            raise ValueError(f"a WebRTC stream {stream.id!r} exists already")
        self.streams[stream.id] = stream
        return stream

    def routes(self, app: web.Application) -> None:
        app.router.add_post("/webrtc/offer/{stream_id}", self.offer)
        app.router.add_get("/webrtc/debug", serve_debug_page)
        app.on_shutdown.append(self.close_all)

    async def offer(self, request: web.Request) -> web.StreamResponse:
        stream = self.streams.get(request.match_info["stream_id"])
        if stream is None:
            known = ", ".join(sorted(self.streams)) or "none"
            return _json_error(
                404, f"no WebRTC stream {request.match_info['stream_id']!r} ({known})"
            )
        if not aiortc_available():
            return _json_error(501, INSTALL_HINT)
        try:
            params = await request.json()
            sdp, kind = params["sdp"], params["type"]
            if not isinstance(sdp, str) or kind != "offer":
                raise ValueError("type must be 'offer'")
        except (ValueError, KeyError, TypeError) as e:
            return _json_error(400, f'expected JSON {{"sdp": str, "type": "offer"}}: {e}')
        try:
            answer = await self._answer(stream, sdp)
        except Exception as e:  # a malformed offer, or one with no video
            logger.warning("WebRTC stream %s: offer failed: %r", stream.id, e)
            return _json_error(400, f"cannot answer this offer: {e}")
        return web.json_response(answer)

    async def _answer(self, stream: WebRTCStream, sdp: str) -> dict[str, str]:
        from aiortc import RTCPeerConnection, RTCRtpSender, RTCSessionDescription

        pc = RTCPeerConnection()
        self.peers.add(pc)
        counted = False

        @pc.on("connectionstatechange")
        async def on_state() -> None:
            nonlocal counted
            state = pc.connectionState
            logger.info("WebRTC stream %s: peer %s", stream.id, state)
            if state == "connected" and not counted:
                counted = True
                stream._peer_changed(+1)
            elif state in ("failed", "closed"):
                if counted:
                    counted = False
                    stream._peer_changed(-1)
                self.peers.discard(pc)
                await pc.close()

        try:
            await pc.setRemoteDescription(RTCSessionDescription(sdp=sdp, type="offer"))
            video = [t for t in pc.getTransceivers() if t.kind == "video"]
            if not video:
                raise ValueError("the offer has no video transceiver")
            transceiver = video[0]
            transceiver.direction = "sendonly"
            transceiver.sender.replaceTrack(stream._source_track())
            codecs = RTCRtpSender.getCapabilities("video").codecs
            wanted = f"video/{stream.codec}".lower()
            first = [c for c in codecs if c.mimeType.lower() == wanted]
            transceiver.setCodecPreferences(first + [c for c in codecs if c not in first])
            answer = await pc.createAnswer()
            await pc.setLocalDescription(answer)
        except Exception:
            self.peers.discard(pc)
            await pc.close()
            raise
        local = pc.localDescription
        return {
            "sdp": limit_sdp(local.sdp, stream.max_bitrate, stream.max_framerate),
            "type": local.type,
        }

    async def close_all(self, _app: Any = None) -> None:
        peers, self.peers = list(self.peers), set()
        await asyncio.gather(*(pc.close() for pc in peers), return_exceptions=True)
        for stream in self.streams.values():
            stream.peers = 0
            stream._ready.clear()
