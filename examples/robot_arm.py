"""A kinematic chain: nested groups make a three-joint arm, driven at 60 Hz.

    python examples/robot_arm.py   # then open http://localhost:8012

Each joint is a group rotated about its own axis; its children (the link and
the next joint) ride along. Each tick sends one ``update`` with the three
joint rotations only.
"""

from __future__ import annotations

import asyncio
import logging
import math

from vuer import Vuer, VuerSession
from vuer.schemas import Box, Cylinder, DefaultScene, Sphere, group

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s")
logging.getLogger("aiohttp.access").setLevel(logging.WARNING)  # no line per request
app = Vuer()
LINKS = [0.6, 0.5, 0.35]  # link lengths, metres


def link(length: float, colour: str, key: str) -> Box:
    return Box(
        key=key, args=[0.08, length, 0.08], position=[0, length / 2, 0], material={"color": colour}
    )


def arm() -> group:
    """base → joint0 → link0 → joint1 → link1 → joint2 → link2 → gripper."""
    tip = Sphere(
        key="gripper", args=[0.06, 16, 12], position=[0, LINKS[2], 0], material={"color": "red"}
    )
    chain: group = group(link(LINKS[2], "#60a5fa", "link2"), tip, key="joint2")
    for i in (1, 0):
        chain = group(
            link(LINKS[i], "#94a3b8", f"link{i}"),
            group(chain, key=f"mount{i + 1}", position=[0, LINKS[i], 0]),
            key=f"joint{i}",
        )
    base = Cylinder(
        key="base", args=[0.15, 0.2, 0.1, 32], position=[0, 0.05, 0], material={"color": "#334155"}
    )
    return group(base, group(chain, key="mount0", position=[0, 0.1, 0]), key="arm")


def joints(t: float) -> list[group]:
    return [
        group(key="joint0", rotation=[0, 0, 0.6 * math.sin(t)]),
        group(key="joint1", rotation=[0, 0, 0.8 * math.sin(1.3 * t + 1)]),
        group(key="joint2", rotation=[0, 0, 0.9 * math.sin(1.7 * t + 2)]),
    ]


@app.spawn(start=True)
async def main(session: VuerSession) -> None:
    session.set @ DefaultScene(arm())
    loop = asyncio.get_running_loop()
    start = loop.time()
    while True:
        session.update @ joints(loop.time() - start)
        await asyncio.sleep(1 / 60)
