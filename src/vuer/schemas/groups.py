"""Grouping and layout: groups, centring, camera-facing billboards, trails, box providers."""

from __future__ import annotations

from typing import Any

from vuer.schemas.scene_element import SceneElement

__all__ = [
    "Billboard",
    "BoundingBoxProvider",
    "Center",
    "Group",
    "Trail",
    "VuerGroup",
]


class Group(SceneElement):
    """A transform that groups its children (tag ``VuerGroup``)."""

    tag = "VuerGroup"


class VuerGroup(SceneElement):
    """A transform that groups its children."""

    tag = "VuerGroup"


class Center(SceneElement):
    """Centres its children on the origin by their bounding box.

    Props:
        top: bool = false -- align the top edge instead of the centre (y).
        right: bool = false -- align the right edge (x).
        bottom: bool = false -- align the bottom edge (y).
        left: bool = false -- align the left edge (x).
        front: bool = false -- align the front edge (z).
        back: bool = false -- align the back edge (z).
        disable: bool = false -- do not centre at all.
        disableX: bool = false -- do not centre on x.
        disableY: bool = false -- do not centre on y.
        disableZ: bool = false -- do not centre on z.
        precise: bool = true -- use the exact bounding box.
    """

    tag = "Center"


class Billboard(SceneElement):
    """Turns its children to face the camera.

    Props:
        follow: bool = true -- keep facing the camera as it moves.
        lockX: bool = false -- do not rotate about x.
        lockY: bool = false -- do not rotate about y.
        lockZ: bool = false -- do not rotate about z.
    """

    tag = "Billboard"

    def __init__(
        self,
        *children: Any,
        follow: bool = True,
        lockX: bool = False,  # noqa: N803 - wire names
        lockY: bool = False,  # noqa: N803
        lockZ: bool = False,  # noqa: N803
        **props: Any,
    ) -> None:
        super().__init__(*children, follow=follow, lockX=lockX, lockY=lockY, lockZ=lockZ, **props)


class Trail(SceneElement):
    """A fading line that follows its child as it moves.

    Props:
        width: float = 0.2 -- line width.
        color: color = "hotpink" -- line colour.
        length: float = 1 -- trail length.
        decay: float = 1 -- how fast the trail fades.
        local: bool = false -- follow the local instead of the world position.
        stride: float = 0 -- minimum move between samples.
        interval: int = 1 -- frames between samples.
    """

    tag = "Trail"


class BoundingBoxProvider(SceneElement):
    """Measures its children's bounding box for the ``BoundingBox`` nodes inside it."""

    tag = "BoundingBoxProvider"
