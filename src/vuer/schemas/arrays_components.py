"""Point clouds and triangle meshes sent as packed binary arrays.

Wire layout (docs/protocol.md): ``vertices`` float16 xyz, ``colors`` uint8 rgb,
``faces`` uint32, ``uv`` float16, all little-endian. ``precision="float32"``
keeps vertices and uv in float32 (float16 has 11 significant bits: from 1024
units up the step is a whole unit, from 2048 two) and is sent as the prop
``precision``.
Arrays are packed when the element is built; arrays assigned later are packed
when it is serialized.
"""

from __future__ import annotations

from typing import Any, ClassVar

from vuer.schemas._arrays import (
    check_precision,
    pack_colors,
    pack_faces,
    pack_float,
)
from vuer.schemas.scene_element import SceneElement

__all__ = ["PointCloud", "TriMesh", "p"]


def _packed_props(element: SceneElement, layout: dict[str, tuple[str, int]]) -> None:
    """Pack each prop of ``layout`` (name -> (kind, width)) that is not bytes yet."""
    owner = type(element).__name__
    d = element.__dict__
    dtype = check_precision(owner, d.get("precision"))
    for name, (kind, width) in layout.items():
        value = d.get(name)
        if value is None:
            d.pop(name, None)
        elif isinstance(value, (bytes, memoryview)):
            continue
        elif kind == "float":
            d[name] = pack_float(owner, name, value, width, dtype)
        elif kind == "color":
            d[name] = pack_colors(owner, name, value)
        else:
            vertices = d.get("vertices")
            count = None
            if isinstance(vertices, (bytes, memoryview)):
                count = memoryview(vertices).nbytes // (int(dtype[-1]) * 3)
            d[name] = pack_faces(owner, name, value, count)
    _check_counts(owner, d, dtype)


def _check_counts(owner: str, d: dict[str, Any], dtype: str) -> None:
    """Per-vertex arrays must have one row per vertex (else the page drops them)."""
    vertices = d.get("vertices")
    if not isinstance(vertices, (bytes, memoryview)):
        return
    width = int(dtype[-1])  # bytes per float: "float16" -> 2 ("f2"), "float32" -> 4
    count = memoryview(vertices).nbytes // (width * 3)
    for name, row_bytes in (("colors", 3), ("uv", width * 2)):
        value = d.get(name)
        if isinstance(value, (bytes, memoryview)):
            rows = memoryview(value).nbytes // row_bytes
            if rows != count:
                raise ValueError(
                    f"{owner}: {name} has {rows} rows for {count} vertices (one per vertex)"
                )


class PointCloud(SceneElement):
    """Points drawn as screen-facing squares: ``PointCloud(vertices=xyz, colors=rgb, size=0.01)``.

    ``vertices``: (N, 3) floats. ``colors``: (N, 3) or (N, 4) uint8, or floats in
    0..1 (scaled to 0..255; alpha dropped). Both may also be given already packed.

    Props:
        vertices: bytes -- packed xyz, float16 (float32 with precision "float32").
        colors: bytes -- packed uint8 rgb, one per vertex.
        color: color -- one colour for every point, used when colors is absent.
        size: float = 0.01 -- point size, world units.
        precision: "float16" | "float32" = "float16" -- float width of vertices.
        castShadow: bool = false -- cast shadows.
        receiveShadow: bool = false -- receive shadows.
        renderOrder: int = 0 -- draw order among transparent objects; higher draws later.
        frustumCulled: bool = true -- skip drawing while outside the view.
    """

    tag = "PointCloud"
    _layout: ClassVar[dict[str, tuple[str, int]]] = {
        "vertices": ("float", 3),
        "colors": ("color", 3),
    }

    def __init__(self, *children: Any, precision: str | None = None, **props: Any) -> None:
        check_precision("PointCloud", precision)
        if precision is not None:
            props["precision"] = precision
        super().__init__(*children, **props)
        _packed_props(self, self._layout)

    def _serialize(self) -> dict[str, Any]:
        _packed_props(self, self._layout)  # arrays assigned after construction
        return super()._serialize()


p = PointCloud


class TriMesh(SceneElement):
    """A triangle mesh from arrays: ``TriMesh(vertices=xyz, faces=ijk, colors=rgb, uv=uv)``.

    ``faces`` index ``vertices`` (checked to lie in range); ``colors`` are per
    vertex, uint8 or floats in 0..1; ``uv`` are (N, 2) texture coordinates.

    Props:
        vertices: bytes -- packed xyz, float16 (float32 with precision "float32").
        faces: bytes -- packed uint32 vertex indices, three per triangle.
        colors: bytes -- packed uint8 rgb, one per vertex.
        uv: bytes -- packed uv, float16 (float32 with precision "float32").
        color: color -- one colour for the whole mesh, used when colors is absent.
        wireframe: bool = false -- draw the edges only.
        opacity: float = 1 -- 0 transparent .. 1 opaque.
        precision: "float16" | "float32" = "float16" -- float width of vertices and uv.
        materialType: "basic" | "standard" | "phong" | "lambert" | "physical" | "normal" | "depth" -- three.js material kind.
        materialColor: color -- material colour when color is absent (the public API's name).
        side: int | "front" | "back" | "double" -- faces drawn: 0 front, 1 back, 2 both.
        transparent: bool -- blend the material; set by itself when opacity < 1.
        vertexColors: bool -- colour by the geometry's per-vertex colours.
        castShadow: bool = false -- cast shadows.
        receiveShadow: bool = false -- receive shadows.
        renderOrder: int = 0 -- draw order among transparent objects; higher draws later.
        frustumCulled: bool = true -- skip drawing while outside the view.
    """

    tag = "TriMesh"
    # Order matters: faces are range-checked against the packed vertices.
    _layout: ClassVar[dict[str, tuple[str, int]]] = {
        "vertices": ("float", 3),
        "faces": ("index", 3),
        "colors": ("color", 3),
        "uv": ("float", 2),
    }

    def __init__(self, *children: Any, precision: str | None = None, **props: Any) -> None:
        check_precision("TriMesh", precision)
        if precision is not None:
            props["precision"] = precision
        super().__init__(*children, **props)
        _packed_props(self, self._layout)

    def _serialize(self) -> dict[str, Any]:
        _packed_props(self, self._layout)
        return super()._serialize()
