"""Stream the browser's camera to Python: orbit the view and watch the pose arrive.

    python examples/camera_stream.py   # open http://localhost:8012 and drag

``OrbitControls(stream=True)`` makes the page send ``CAMERA_MOVE`` (throttled)
with the camera's position and 4x4 world matrix (column-major). The pose is
logged at most once a second, with the number of poses received since.
"""

from __future__ import annotations

import logging
import time

from vuer import Vuer, VuerSession
from vuer.schemas import Box, DefaultScene, OrbitControls

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s")
logging.getLogger("aiohttp.access").setLevel(logging.WARNING)  # no line per request
logger = logging.getLogger("camera_stream")
app = Vuer()


SUMMARY_EVERY = 1.0  # seconds: the page sends up to ~24 poses a second while dragging
last_summary = {"at": -SUMMARY_EVERY, "poses": 0}


@app.add_handler("CAMERA_MOVE")
async def on_camera(event, session: VuerSession) -> None:
    camera = event.value["camera"]  # also camera["matrix"]: 16 floats, column-major
    last_summary["poses"] += 1
    now = time.monotonic()
    if now - last_summary["at"] < SUMMARY_EVERY:
        return
    x, y, z = camera["position"]
    logger.info("camera at (%.2f, %.2f, %.2f); %d poses", x, y, z, last_summary["poses"])
    last_summary.update(at=now, poses=0)


@app.spawn(start=True)
async def main(session: VuerSession) -> None:
    session.set @ DefaultScene(
        Box(key="box", args=[0.5, 0.5, 0.5], position=[0, 0.25, 0], material={"color": "orange"}),
        bgChildren=[OrbitControls(key="orbit", makeDefault=True, stream=True)],
    )
    await session.forever()
