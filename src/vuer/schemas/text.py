"""Text in the scene: flat and extruded text, and HTML placed at a 3D position."""

from __future__ import annotations

from typing import Any

from vuer.schemas.scene_element import SceneElement

__all__ = [
    "Html",
    "Text",
    "Text3D",
]


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
