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
    Billboard,
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
logging.getLogger("aiohttp.access").setLevel(logging.WARNING)  # no line per request
logger = logging.getLogger("demo")
app = Vuer()
GOLD = {"color": "gold", "metalness": 0.6, "roughness": 0.3}


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
        Box(key="box", args=[0.8, 0.8, 0.8], position=[-2.2, 0.4, 0], material={"color": "tomato"}),
        Sphere(
            key="ball", args=[0.5, 32, 16], position=[2.2, 0.5, 0], material={"color": "#3b82f6"}
        ),
        Cylinder(
            key="can", args=[0.3, 0.3, 1.0, 32], position=[0, 0.5, 2], material={"color": "#22c55e"}
        ),
        TorusKnot(key="knot", args=[0.4, 0.12, 128, 16], position=[0, 1.6, 0], material=GOLD),
        PointCloud(
            key="galaxy", vertices=vertices * 4, colors=colors, size=0.03, position=[0, 0.05, -2]
        ),
        Frustum(
            key="frustum", position=[2.5, 1.5, 2.5], rotation=[0, 0.8, 0], fov=50, near=0.2, far=1
        ),
        Billboard(  # the title turns to face the camera, so it reads from any side
            Text("vuer demo", key="title", fontSize=0.5, color="#333333"),
            key="title-billboard",
            position=[0, 3, 0],
        ),
    )
    # Animate at 60 Hz: only the knot's pose travels, the rest of the scene stays put.
    start = asyncio.get_running_loop().time()
    while True:
        t = asyncio.get_running_loop().time() - start
        session.update @ TorusKnot(
            key="knot", rotation=[0, t, 0.5 * t], position=[0, 1.6 + 0.2 * math.sin(2 * t), 0]
        )
        await asyncio.sleep(1 / 60)
