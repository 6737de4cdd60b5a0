"""Markers, grids, text, grouping and layout helpers: the older module these live under.

Each class now lives in the module of its family (``markers``, ``groups``,
``text``, ``depth``, ``canvas``); this one re-exports them so imports keep working.
"""

from __future__ import annotations

from vuer.schemas.canvas import (
    BackgroundColor,
    TimelineControls,
)
from vuer.schemas.depth import (
    DepthPointCloud,
    DepthPointCloudProvider,
    InPlaceDepthPointCloud,
)
from vuer.schemas.groups import (
    Billboard,
    BoundingBoxProvider,
    Center,
    Group,
    Trail,
    VuerGroup,
)
from vuer.schemas.markers import (
    Arrow,
    BBox,
    BoundingBox,
    CoordsMarker,
    Grid,
    Gripper,
    SkeletalGripper,
)
from vuer.schemas.text import (
    Html,
    Text,
    Text3D,
)

__all__ = [
    "Arrow",
    "BackgroundColor",
    "BBox",
    "Billboard",
    "BoundingBox",
    "BoundingBoxProvider",
    "Center",
    "CoordsMarker",
    "DepthPointCloud",
    "DepthPointCloudProvider",
    "Grid",
    "Gripper",
    "Group",
    "Html",
    "InPlaceDepthPointCloud",
    "SkeletalGripper",
    "Text",
    "Text3D",
    "TimelineControls",
    "Trail",
    "VuerGroup",
]
