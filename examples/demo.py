"""The demo scene: meshes, a point cloud, a camera frustum, text, and a knot that moves.

    python examples/demo.py          # then open http://localhost:8012

Click a mesh: the click is logged here. VUER_PORT / VUER_HOST choose where it serves.
"""

from __future__ import annotations

import asyncio
import logging
import math

import numpy as np

from vuer import Vuer, VuerSession
from vuer.schemas import (
    Box,
    Cylinder,
    DefaultScene,
    Frustum,
    PointCloud,
    Sphere,
    Text,
    TorusKnot,
)

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s")
logger = logging.getLogger("demo")
app = Vuer()


@app.add_handler("ON_CLICK")
async def on_click(event, session: VuerSession) -> None:
    logger.info("clicked %r", event.value.get("key"))


def spiral(n: int = 30_000) -> tuple[np.ndarray, np.ndarray]:
    """A coloured spiral galaxy of ``n`` points, about 1 m across."""
    rng = np.random.default_rng(0)
    t = rng.uniform(0, 4 * math.pi, n)
    r = 0.1 + 0.12 * t + rng.normal(0, 0.04, n)
    xyz = np.column_stack([r * np.cos(t), rng.normal(0, 0.03, n), r * np.sin(t)]) * 0.5
    hue = t / t.max()
    rgb = np.column_stack([hue, 0.4 + 0.6 * (1 - hue), 1 - hue]) * 255
    return xyz.astype(np.float32), rgb.astype(np.uint8)


@app.spawn(start=True)
async def main(session: VuerSession) -> None:
    vertices, colors = spiral()
    session.set @ DefaultScene(
        Box(key="box", args=[0.4, 0.4, 0.4], position=[-1.2, 0.2, 0], material={"color": "tomato"}),
        Sphere(
            key="ball", args=[0.25, 32, 16], position=[1.2, 0.25, 0], material={"color": "#3b82f6"}
        ),
        Cylinder(
            key="can",
            args=[0.15, 0.15, 0.5, 32],
            position=[0, 0.25, 1],
            material={"color": "#22c55e"},
        ),
        TorusKnot(
            key="knot", args=[0.2, 0.06, 128, 16], position=[0, 0.8, 0], material={"color": "gold"}
        ),
        PointCloud(
            key="galaxy", vertices=vertices, colors=colors, size=0.01, position=[0, 0.02, -1.2]
        ),
        Frustum(
            key="frustum", position=[1.2, 0.8, 1.2], rotation=[0, 0.8, 0], fov=50, near=0.1, far=0.5
        ),
        Text("vuer demo", key="title", position=[0, 1.5, 0], fontSize=0.2, color="#333333"),
    )
    # Animate at 60 Hz: only the knot's pose travels, the rest of the scene stays put.
    start = asyncio.get_running_loop().time()
    while True:
        t = asyncio.get_running_loop().time() - start
        session.update @ TorusKnot(
            key="knot", rotation=[0, t, 0.5 * t], position=[0, 0.8 + 0.1 * math.sin(2 * t), 0]
        )
        await asyncio.sleep(1 / 60)
