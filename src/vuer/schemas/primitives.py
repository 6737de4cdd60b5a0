"""three.js geometry primitives, plus raw ``mesh``/``group`` and ``fog``.

Each primitive is a mesh whose geometry is built from ``args``, the positional
arguments of the matching three.js geometry (``Box(args=[w, h, d])`` is
``new BoxGeometry(w, h, d)``). Lengths are in metres, angles in radians.
"""

from __future__ import annotations

from typing import Any

from vuer.schemas.scene_element import SceneElement

__all__ = [
    "Box",
    "Capsule",
    "Circle",
    "Cone",
    "Cylinder",
    "Dodecahedron",
    "Edges",
    "Extrude",
    "Fog",
    "Icosahedron",
    "Lathe",
    "Octahedron",
    "Plane",
    "Polyhedron",
    "Ring",
    "Shape",
    "Sphere",
    "Tetrahedron",
    "Torus",
    "TorusKnot",
    "Tube",
    "Wireframe",
    "group",
    "mesh",
]


class group(SceneElement):  # noqa: N801 - three.js intrinsic name
    """A three.js ``<group>``: an empty transform that holds children."""

    tag = "group"


class mesh(SceneElement):  # noqa: N801 - three.js intrinsic name
    """A raw three.js ``<mesh>``; children give its geometry and material elements.

    Props:
        castShadow: bool = false -- cast shadows.
        receiveShadow: bool = false -- receive shadows.
        renderOrder: int = 0 -- draw order among transparent objects; higher draws later.
        frustumCulled: bool = true -- skip drawing while outside the view.
    """

    tag = "mesh"


class _Primitive(SceneElement):
    """Props shared by the primitive meshes.

    Props:
        args: list[any] -- the three.js geometry constructor arguments.
        materialType: "basic" | "standard" | "phong" | "lambert" | "physical" | "normal" | "depth" = "standard" -- three.js material kind.
        color: color -- material colour (CSS string or 0xRRGGBB number).
        opacity: float = 1 -- 0 transparent .. 1 opaque.
        wireframe: bool = false -- draw the edges only.
        castShadow: bool = false -- cast shadows.
        receiveShadow: bool = false -- receive shadows.
        outlines: dict -- a halo around the mesh: color (white), thickness in pixels when 1 or more (a smaller one, as in the public docs, gives 6 px), opacity; angle is ignored (the hull is smooth).
        materialColor: color -- material colour when color is absent (the public API's name).
        side: int | "front" | "back" | "double" -- faces drawn: 0 front, 1 back, 2 both.
        transparent: bool -- blend the material; set by itself when opacity < 1.
        vertexColors: bool -- colour by the geometry's per-vertex colours.
        renderOrder: int = 0 -- draw order among transparent objects; higher draws later.
        frustumCulled: bool = true -- skip drawing while outside the view.
    """


class Box(_Primitive):
    """A box. ``args=[width, height, depth, widthSegments, heightSegments, depthSegments]``, default [1, 1, 1]."""

    tag = "Box"


class Capsule(_Primitive):
    """A capsule. ``args=[radius, length, capSegments, radialSegments]``, default [1, 1, 4, 8]."""

    tag = "Capsule"


class Cone(_Primitive):
    """A cone. ``args=[radius, height, radialSegments, heightSegments, openEnded, thetaStart, thetaLength]``."""

    tag = "Cone"


class Circle(_Primitive):
    """A flat disc in the XY plane. ``args=[radius, segments, thetaStart, thetaLength]``."""

    tag = "Circle"


class Cylinder(_Primitive):
    """A cylinder. ``args=[radiusTop, radiusBottom, height, radialSegments, heightSegments, openEnded]``."""

    tag = "Cylinder"


class Dodecahedron(_Primitive):
    """A dodecahedron. ``args=[radius, detail]``."""

    tag = "Dodecahedron"


class Edges(_Primitive):
    """The edges of its parent mesh's geometry, as lines. ``args=[geometry, thresholdAngle]``.

    Props:
        threshold: float = 15 -- only edges whose faces meet at more than this angle, degrees.
        color: color -- line colour.
    """

    tag = "Edges"


class Extrude(_Primitive):
    """A 2D shape extruded into 3D. ``args=[shapes, options]`` as three.js ExtrudeGeometry."""

    tag = "Extrude"


class Icosahedron(_Primitive):
    """An icosahedron. ``args=[radius, detail]``."""

    tag = "Icosahedron"


class Lathe(_Primitive):
    """A surface of revolution. ``args=[points, segments, phiStart, phiLength]``; points are [x, y] pairs."""

    tag = "Lathe"


class Octahedron(_Primitive):
    """An octahedron. ``args=[radius, detail]``."""

    tag = "Octahedron"


class Plane(_Primitive):
    """A flat rectangle in the XY plane. ``args=[width, height, widthSegments, heightSegments]``."""

    tag = "Plane"


class Polyhedron(_Primitive):
    """A polyhedron from vertices and faces. ``args=[vertices, indices, radius, detail]`` (flat lists)."""

    tag = "Polyhedron"


class Ring(_Primitive):
    """A flat ring. ``args=[innerRadius, outerRadius, thetaSegments, phiSegments, thetaStart, thetaLength]``."""

    tag = "Ring"


class Shape(_Primitive):
    """A flat polygon. ``args=[shapes, curveSegments]``; a shape is a list of [x, y] points."""

    tag = "Shape"


class Sphere(_Primitive):
    """A sphere. ``args=[radius, widthSegments, heightSegments, phiStart, phiLength, thetaStart, thetaLength]``."""

    tag = "Sphere"


class Tetrahedron(_Primitive):
    """A tetrahedron. ``args=[radius, detail]``."""

    tag = "Tetrahedron"


class Torus(_Primitive):
    """A torus. ``args=[radius, tube, radialSegments, tubularSegments, arc]``."""

    tag = "Torus"


class TorusKnot(_Primitive):
    """A torus knot. ``args=[radius, tube, tubularSegments, radialSegments, p, q]``."""

    tag = "TorusKnot"


class Tube(_Primitive):
    """A tube along a path. ``args=[path, tubularSegments, radius, radialSegments, closed]``; path is a list of [x, y, z] points."""

    tag = "Tube"


class Wireframe(_Primitive):
    """A wireframe overlay of its parent mesh's geometry.

    Props:
        stroke: color -- line colour.
        thickness: float = 0.05 -- line width, relative units.
    """

    tag = "Wireframe"


class Fog(SceneElement):
    """Linear fog attached to the scene: objects fade into ``color`` between near and far.

    Fog takes no children; its key defaults to "fog".

    Props:
        color: color = "#000000" -- fog colour.
        near: float = 1 -- distance where fog starts, metres.
        far: float = 1000 -- distance where fog is full, metres.
        attach: str = "fog" -- the scene property it attaches to.
        args: list[any] -- [color, near, far] as three.js takes them; the props win.
    """

    tag = "fog"
    key = "fog"

    def __init__(self, *children: Any, **props: Any) -> None:
        if children:
            raise TypeError("Fog does not take children")
        props.setdefault("attach", "fog")
        super().__init__(**props)
