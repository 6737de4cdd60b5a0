"""Markers drawn in the scene: axes, arrows, grippers, the grid and box outlines."""

from __future__ import annotations

from typing import Any

from vuer.schemas.scene_element import SceneElement

__all__ = [
    "Arrow",
    "BBox",
    "BoundingBox",
    "CoordsMarker",
    "Grid",
    "Gripper",
    "SkeletalGripper",
]


class CoordsMarker(SceneElement):
    """An RGB (x, y, z) axes marker showing a pose.

    Props:
        headScale: float = 1 -- size of the arrow heads.
        lod: int = 8 -- segments of the cones and cylinders.
    """

    tag = "CoordsMarker"


class Arrow(SceneElement):
    """An arrow along the local +z axis (orient it with rotation, quaternion or matrix).

    Props:
        headScale: float = 1 -- size of the arrow head.
        lod: int = 8 -- segments of the cone and cylinder.
        color: color = "red" -- arrow colour.
    """

    tag = "Arrow"


class Gripper(SceneElement):
    """A parallel-jaw gripper marker, for grasp poses.

    A dark stem, a palm and two fingers with coloured tips: blue on the -X
    finger, red on the +X one.

    Props:
        color: color -- body colour.
        pinchWidth: float = 0.04 -- half the distance between the jaws, metres.
        skeleton: bool = false -- draw the simplified skeletal gripper.
        axes: bool = false -- draw the frame at the gripper origin.
        showOrigin: bool = false -- draw a sphere at the origin.
    """

    tag = "Gripper"


class SkeletalGripper(SceneElement):
    """A line-drawn gripper marker, lighter than ``Gripper``.

    Props:
        color: color -- line colour.
        pinchWidth: float = 0.04 -- half the distance between the jaws, metres.
    """

    tag = "SkeletalGripper"


class Grid(SceneElement):
    """An infinite ground grid (``DefaultScene`` adds one with key "grid").

    The scene props ``grid=False`` or ``showGrid=False`` hide the grids of
    the scene's ``bgChildren``.

    Props:
        cellSize: float = 0.2 -- size of the small cells, metres.
        sectionSize: float = 1 -- size of the large sections, metres.
        cellColor: color = "#6f6f6f" -- colour of the cell lines.
        sectionColor: color = "#23aaff" -- colour of the section lines.
        fadeDistance: float = 40 -- distance where the grid fades out, metres.
        infiniteGrid: bool = true -- extend to the horizon.
        width: float = 10 -- width of the grid plane, metres.
        height: float = 10 -- depth of the grid plane, metres.
        cellThickness: float = 0.7 -- width of the cell lines, pixels.
        sectionThickness: float = 1.6 -- width of the section lines, pixels.
        fadeStrength: float = 1.5 -- how sharply the grid fades (exponent).
        followCamera: bool = false -- keep the grid centred under the camera.
    """

    tag = "Grid"


class BBox(SceneElement):
    """An axis-aligned box drawn as edges, from ``min`` to ``max`` corners.

    Props:
        min: dict = {"x": -1, "y": -1, "z": -1} -- lower corner, metres.
        max: dict = {"x": 1, "y": 1, "z": 1} -- upper corner, metres.
        color: color = "0xffffff" -- edge colour.
        scale: float = 1.01 -- scale of the edges around the box.
    """

    tag = "BBox"

    def __init__(
        self,
        min: Any = None,  # noqa: A002 - the public API's names
        max: Any = None,  # noqa: A002
        color: Any = "0xffffff",
        scale: float = 1.01,
        *children: Any,
        **props: Any,
    ) -> None:
        super().__init__(
            *children,
            min={"x": -1, "y": -1, "z": -1} if min is None else min,
            max={"x": 1, "y": 1, "z": 1} if max is None else max,
            color=color,
            scale=scale,
            **props,
        )


class BoundingBox(SceneElement):
    """The bounding box of a ``BoundingBoxProvider``'s children, drawn as edges.

    Props:
        color: color = "#00ff00" -- edge and wall colour.
        min: vec3 | dict -- lower corner, metres; the children's box by default.
        max: vec3 | dict -- upper corner, metres.
        size: vec3 -- box size around the origin when min/max are absent, metres.
        edgeOpacity: float = 0.9 -- opacity of the edges.
        wallOpacity: float = 0.08 -- opacity of the walls.
    """

    tag = "BoundingBox"
