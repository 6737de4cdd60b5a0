"""A numpy point cloud that changes over time: a rippling sheet of 100,000 points.

    python examples/point_cloud.py   # then open http://localhost:8012

The arrays travel as bytes (float16 xyz, uint8 rgb); ``upsert`` replaces the
cloud each tick.
"""

from __future__ import annotations

import asyncio
import logging

import numpy as np

from vuer import Vuer, VuerSession
from vuer.schemas import DefaultScene, PointCloud

SIDE = 316  # ~100k points
logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s")
logging.getLogger("aiohttp.access").setLevel(logging.WARNING)  # no line per request
app = Vuer()

grid_u, grid_v = np.meshgrid(np.linspace(-1.5, 1.5, SIDE), np.linspace(-1.5, 1.5, SIDE))
u, v = grid_u.ravel(), grid_v.ravel()
radius = np.hypot(u, v)


def ripple(t: float) -> tuple[np.ndarray, np.ndarray]:
    height = 0.15 * np.sin(6 * radius - 3 * t) / (1 + 2 * radius)
    xyz = np.column_stack([u, height + 0.3, v]).astype(np.float32)
    shade = (height - height.min()) / max(1e-6, float(np.ptp(height)))
    rgb = np.column_stack([shade, 0.3 + 0.5 * shade, 1 - shade]) * 255
    return xyz, rgb.astype(np.uint8)


@app.spawn(start=True)
async def main(session: VuerSession) -> None:
    session.set @ DefaultScene()
    t = 0.0
    while True:
        xyz, rgb = ripple(t)
        session.upsert @ PointCloud(key="ripple", vertices=xyz, colors=rgb, size=0.012)
        t += 0.1
        await asyncio.sleep(0.1)  # 10 Hz: each cloud is ~1 MB on the wire
