"""Keys pressed in the page reach Python: KeyboardMonitor sends KeyDown / KeyUp.

python examples/keyboard.py   # open http://localhost:8012 and type; arrows move the box
"""

from __future__ import annotations

import logging

from vuer import Vuer, VuerSession
from vuer.schemas import Box, DefaultScene, KeyboardMonitor

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s")
logging.getLogger("aiohttp.access").setLevel(logging.WARNING)  # no line per request
logger = logging.getLogger("keyboard")
app = Vuer()
STEPS = {
    "ArrowLeft": (-0.1, 0),
    "ArrowRight": (0.1, 0),
    "ArrowUp": (0, -0.1),
    "ArrowDown": (0, 0.1),
}
position = [0.0, 0.25, 0.0]


@app.add_handler("KeyDown")
async def on_key(event, session: VuerSession) -> None:
    logger.info(
        "KeyDown %r (code %s, shift %s)",
        event.value["key"],
        event.value["code"],
        event.value["shiftKey"],
    )
    step = STEPS.get(event.value["key"])
    if step is not None:
        position[0] += step[0]
        position[2] += step[1]
        session.update @ Box(key="box", position=list(position))


@app.add_handler("KeyUp")
async def on_key_up(event, session: VuerSession) -> None:
    logger.info("KeyUp %r", event.value["key"])


@app.spawn(start=True)
async def main(session: VuerSession) -> None:
    session.set @ DefaultScene(
        Box(key="box", args=[0.5, 0.5, 0.5], position=list(position), material={"color": "teal"}),
        bgChildren=[KeyboardMonitor(key="keyboard", enableKeyDown=True, enableKeyUp=True)],
    )
    await session.forever()
