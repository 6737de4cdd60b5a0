"""Markers, grids, text, grouping and layout helpers for the 3D scene."""

from __future__ import annotations

from typing import Any

from vuer.schemas.scene_element import SceneElement

__all__ = [
    "Arrow",
    "BBox",
    "BackgroundColor",
    "Billboard",
    "BoundingBox",
    "BoundingBoxProvider",
    "Center",
    "CoordsMarker",
    "DepthPointCloud",
    "DepthPointCloudProvider",
    "Gripper",
    "Grid",
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


class TimelineControls(SceneElement):
    """A playback timeline bar; scrubbing sends ``TIMELINE_STEP`` events.

    Props:
        start: float = 0 -- first time step.
        end: float = 100 -- last time step.
        step: float = 1 -- increment.
        speed: float = 1 -- playback speed factor.
    """

    tag = "TimelineControls"


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


class Text(SceneElement):
    """Flat text in the 3D scene (SDF glyphs, bundled font); the children are the text.

    Props:
        color: color -- text colour.
        fontSize: float = 1 -- glyph height, world units.
        maxWidth: float -- wrap width, world units.
        lineHeight: float -- line height, multiple of fontSize.
        letterSpacing: float = 0 -- extra spacing, world units.
        textAlign: "left" | "right" | "center" | "justify" = "left" -- alignment.
        anchorX: float | str = "center" -- horizontal anchor: left, center, right.
        anchorY: float | str = "middle" -- vertical anchor: top, middle, bottom…
        font: str -- URL of a font file; glyphs it lacks are drawn as "?".
        text: str -- the text, when there are no text children.
        value: str -- the text, when neither children nor text give it.
        outlineWidth: float -- glyph outline width, world units.
        outlineColor: color = "white" -- glyph outline colour (drawn with outlineWidth).
    """

    tag = "Text"


class Text3D(SceneElement):
    """Extruded 3D text; the children are the text.

    Props:
        font: str | dict -- URL of a typeface JSON font, or the font itself.
        text: str -- the text, when there are no text children.
        value: str -- the text, when neither children nor text give it.
        size: float = 1 -- glyph height, world units.
        height: float = 0.2 -- extrusion depth, world units.
        smooth: float -- merge vertices closer than this and smooth normals.
        lineHeight: float = 0 -- line height, world units.
        letterSpacing: float = 1 -- letter spacing factor.
        curveSegments: int = 8 -- segments per glyph curve.
        bevelEnabled: bool = false -- bevel the glyph edges.
        materialType: "basic" | "standard" | "phong" | "lambert" | "physical" | "normal" | "depth" -- three.js material kind.
        color: color -- material colour.
        materialColor: color -- material colour when color is absent (the public API's name).
        opacity: float = 1 -- 0 transparent .. 1 opaque.
        wireframe: bool = false -- draw the edges only.
        side: int | "front" | "back" | "double" -- faces drawn: 0 front, 1 back, 2 both.
        transparent: bool -- blend the material; set by itself when opacity < 1.
        vertexColors: bool -- colour by the geometry's per-vertex colours.
    """

    tag = "Text3D"

    def __init__(
        self,
        *text: Any,
        font: Any = None,
        smooth: float | None = None,
        lineHeight: float = 0,  # noqa: N803 - wire names
        letterSpacing: float = 1,  # noqa: N803
        **props: Any,
    ) -> None:
        super().__init__(
            *text,
            font=font,
            smooth=smooth,
            lineHeight=lineHeight,
            letterSpacing=letterSpacing,
            **props,
        )


class BackgroundColor(SceneElement):
    """Sets the canvas's background colour.

    Props:
        color: color = "#131416" -- the colour.
    """

    tag = "BackgroundColor"

    def __init__(self, color: Any = "#131416", *children: Any, **props: Any) -> None:
        super().__init__(*children, color=color, **props)


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


class BoundingBoxProvider(SceneElement):
    """Measures its children's bounding box for the ``BoundingBox`` nodes inside it."""

    tag = "BoundingBoxProvider"


class DepthPointCloud(SceneElement):
    """A point cloud unprojected from a depth image on the GPU.

    Props:
        depth: str | bytes -- the depth image: URL or PNG bytes.
        rgb: str | bytes -- the colour image: URL or JPEG/PNG bytes.
        cmap: str -- colour map for depth when there is no rgb.
        fov: float -- vertical field of view of the depth camera, degrees.
    """

    tag = "DepthPointCloud"


class DepthPointCloudProvider(SceneElement):
    """Shares camera intrinsics with the ``DepthPointCloud`` nodes inside it.

    Props:
        fov: float -- vertical field of view, degrees.
    """

    tag = "DepthPointCloudProvider"


class InPlaceDepthPointCloud(SceneElement):
    """A depth point cloud updated in place, for streaming depth frames.

    Props:
        depth: str | bytes -- the depth image.
        rgb: str | bytes -- the colour image.
        fov: float -- vertical field of view, degrees.
    """

    tag = "InPlaceDepthPointCloud"


class Group(SceneElement):
    """A transform that groups its children (tag ``VuerGroup``)."""

    tag = "VuerGroup"


class VuerGroup(SceneElement):
    """A transform that groups its children."""

    tag = "VuerGroup"


class Html(SceneElement):
    """HTML placed in the 3D scene at the node's position; the children are HTML elements.

    Props:
        transform: bool = false -- scale and rotate with the scene instead of facing the screen.
        occlude: bool = false -- hide when behind scene objects.
        center: bool = false -- centre the HTML on its position.
        distanceFactor: float -- scale with distance by this factor.
        style: dict -- CSS style of the wrapper.
    """

    tag = "Html"
