"""Video-rate images from numpy: an ImageBackground filling the view, redrawn at 20 Hz.

    python examples/images.py   # then open http://localhost:8012

Each frame is a numpy array, JPEG-encoded on the way out.
"""

from __future__ import annotations

import asyncio
import logging

import numpy as np

from vuer import Vuer, VuerSession
from vuer.schemas import DefaultScene, ImageBackground

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s")
logging.getLogger("aiohttp.access").setLevel(logging.WARNING)  # no line per request
app = Vuer()
H, W = 240, 320
yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)


def frame(t: float) -> np.ndarray:
    """A moving colour plasma, (H, W, 3) uint8."""
    r = np.sin(xx / 23 + t) + np.sin(yy / 17 - t)
    g = np.sin((xx + yy) / 31 + 1.3 * t)
    b = np.sin(np.hypot(xx - W / 2, yy - H / 2) / 19 - 2 * t)
    rgb = np.stack([r / 2, g, b], axis=-1) * 0.5 + 0.5
    return (np.clip(rgb, 0, 1) * 255).astype(np.uint8)


@app.spawn(start=True)
async def main(session: VuerSession) -> None:
    session.set @ DefaultScene(grid=False)  # nothing in front of the picture
    t = 0.0
    while True:
        session.upsert @ ImageBackground(
            frame(t), key="video", format="jpeg", quality=80, distanceToCamera=5
        )
        t += 0.05
        await asyncio.sleep(1 / 20)
