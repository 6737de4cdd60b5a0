"""Render the page's view from Python and save it: the main view and a virtual camera.

    python examples/grab_render.py [--out DIR]   # then open http://localhost:8012

``grab_render()`` answers with the main view (our client does; the public one
only answers for ``CameraView`` keys); ``grab_render(key="ego")`` with the
``CameraView`` of that key. Frames come back as JPEG, or PNG with format="png".
"""

from __future__ import annotations

import argparse
import logging
import tempfile
from pathlib import Path

from vuer import Vuer, VuerSession
from vuer.schemas import Box, CameraView, DefaultScene, Sphere

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s")
logging.getLogger("aiohttp.access").setLevel(logging.WARNING)  # no line per request
logger = logging.getLogger("grab_render")
parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument(
    "--out",
    type=Path,
    default=Path(tempfile.gettempdir()) / "vuer-renders",
    help="folder for the images (default: vuer-renders in the temp folder)",
)
args = parser.parse_args()
app = Vuer()


@app.spawn(start=True)
async def main(session: VuerSession) -> None:
    session.set @ DefaultScene(
        Box(key="box", args=[0.5, 0.5, 0.5], position=[-0.6, 0.25, 0], material={"color": "red"}),
        Sphere(key="ball", args=[0.3, 32, 16], position=[0.6, 0.3, 0], material={"color": "blue"}),
        CameraView(
            key="ego", width=320, height=240, fov=60, position=[0, 1, 2.5], renderDepth=True
        ),
    )
    args.out.mkdir(parents=True, exist_ok=True)
    main_view = await session.grab_render(ttl=10.0, quality=0.9)
    (args.out / "main.jpg").write_bytes(main_view.value["frame"])
    ego = await session.grab_render(key="ego", format="png", ttl=10.0)
    (args.out / "ego.png").write_bytes(ego.value["frame"])
    if ego.value.get("depthFrame"):
        (args.out / "ego_depth.png").write_bytes(ego.value["depthFrame"])
    logger.info(
        "saved %s (%sx%s) and ego.png (%sx%s) in %s",
        "main.jpg",
        main_view.value["width"],
        main_view.value["height"],
        ego.value["width"],
        ego.value["height"],
        args.out,
    )
    await session.forever()
