"""Live video from Python to the page over WebRTC (``pip install 'vuer[webrtc]'``).

``stream = app.create_webrtc_stream("cam")`` before or after start; put
``WebRTCVideoPlane(src=stream.endpoint)`` in the scene and call
``stream.push_frame(bgr)`` from any thread. aiortc is imported when the
first browser connects, so importing this module needs no extra package.
"""

from vuer.webrtc.manager import WebRTCStreamManager, aiortc_available, limit_sdp, serve_debug_page
from vuer.webrtc.stream import CODECS, WebRTCStream

__all__ = [
    "CODECS",
    "WebRTCStream",
    "WebRTCStreamManager",
    "aiortc_available",
    "limit_sdp",
    "serve_debug_page",
]
