"""Keys pressed in the page reach Python: KeyboardMonitor sends KeyDown / KeyUp.

python examples/keyboard.py   # open http://localhost:8012, click it, press the arrows
"""

from __future__ import annotations

import logging

from vuer import Vuer, VuerSession
from vuer.schemas import Box, DefaultScene, KeyboardMonitor, div

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
# Said on the page too, where the person pressing the keys looks.
HINT = div(
    key="hint",
    text="Click the page, then press the arrow keys to move the box "
    "(every key is logged in the terminal).",
    style={
        "position": "absolute",
        "left": "12px",
        "bottom": "12px",
        "padding": "6px 10px",
        "borderRadius": "6px",
        "background": "rgba(0, 0, 0, 0.6)",
        "color": "white",
    },
)


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
        htmlChildren=[HINT],
    )
    await session.forever()
