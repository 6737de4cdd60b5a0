"""Assets loaded by the browser from a URL: meshes, robots, point files and splats.

``src`` is a URL string (http(s), data:, blob:, absolute or relative path),
or a local ``pathlib`` path under the server's ``static_root``, which becomes
the ``/static/…`` URL the server serves it at. ``text`` / ``buff`` carry the
file's content inline instead.
"""

from __future__ import annotations

from typing import ClassVar

from vuer.schemas.scene_element import SceneElement

__all__ = [
    "Bvh",
    "Dae",
    "Fbx",
    "Glb",
    "LumaSplats",
    "ModelNode",
    "Obj",
    "Pcd",
    "Ply",
    "SparkSplats",
    "Splat",
    "Stl",
    "Urdf",
    "VuerSplat",
]


class ModelNode(SceneElement):
    """Base of the file loaders.

    Props:
        src: str -- URL of the file.
        text: str -- the file's content as text, instead of src.
        buff: bytes -- the file's content as bytes, instead of src.
        assets: dict -- file name -> URL for files the model refers to.
        color: color -- colour applied to every mesh of the model.
        opacity: float = 1 -- 0 transparent .. 1 opaque.
        wireframe: bool = false -- draw the edges only.
        materialType: "basic" | "standard" | "phong" | "lambert" | "physical" | "normal" -- material override.
        castShadow: bool = false -- cast shadows.
        receiveShadow: bool = false -- receive shadows.
        onLoad: str -- event name sent when loading finishes.
        encoding: str = "ascii" -- text encoding of a text file.
        playAnimation: bool = false -- play the embedded animations.
        animationIndex: int = 0 -- which clip to play.
        animationSpeed: float = 1 -- playback speed factor.
        materialColor: color -- material colour when color is absent (the public API's name).
        side: int | "front" | "back" | "double" -- faces drawn: 0 front, 1 back, 2 both.
        transparent: bool -- blend the material; set by itself when opacity < 1.
        vertexColors: bool -- colour by the geometry's per-vertex colours.
    """

    _url_props: ClassVar[tuple[str, ...]] = ("src",)


class Obj(ModelNode):
    """A Wavefront OBJ mesh, with its MTL materials.

    Props:
        mtl: str -- URL of the MTL material file.
        materials: list[str] -- URLs of further material files.
    """

    tag = "Obj"
    _url_props: ClassVar[tuple[str, ...]] = ("src", "mtl")


class Fbx(ModelNode):
    """An Autodesk FBX model, with its animations."""

    tag = "Fbx"


class Stl(ModelNode):
    """An STL mesh (binary or ASCII)."""

    tag = "Stl"


class Dae(ModelNode):
    """A COLLADA (DAE) scene."""

    tag = "Dae"


class Ply(ModelNode):
    """A PLY mesh or point set.

    Props:
        size: float = 0.01 -- point size when the file has no faces, world units.
    """

    tag = "Ply"


class Glb(ModelNode):
    """A glTF / GLB scene."""

    tag = "Glb"


class Bvh(ModelNode):
    """A BVH motion-capture skeleton and its motion.

    Props:
        playAnimation: bool = true -- play the motion.
        animationSpeed: float = 1 -- playback speed factor.
        boneRadius: float = 0.01 -- radius of the bones drawn, metres.
        jointColor: color -- colour of the joint spheres.
        label: bool = false -- show joint names.
    """

    tag = "Bvh"


class Urdf(ModelNode):
    """A robot from a URDF file; its meshes are fetched relative to the file.

    Props:
        jointValues: dict -- joint name -> angle (radians) or offset (metres).
        workingPath: str -- base URL for the meshes the URDF names.
        packages: str | dict -- ROS ``package://`` name -> base URL.
        parseVisual: bool = true -- load the visual geometry.
        parseCollision: bool = false -- load the collision geometry.
        material: dict -- material props for every mesh.
    """

    tag = "Urdf"
    _url_props: ClassVar[tuple[str, ...]] = ("src", "workingPath")


class Pcd(SceneElement):
    """A point cloud from a PCD file.

    Props:
        src: str -- URL of the PCD file.
        text: str -- the file's content as text, instead of src.
        buff: bytes -- the file's content as bytes, instead of src.
        encoding: str = "ascii" -- text encoding of the file.
        size: float = 0.01 -- point size, world units.
        hide: bool = false -- hide the points.
        assets: dict -- file name -> URL for files the file refers to.
        onLoad: str -- event name sent when loading finishes.
        color: color -- material colour.
        materialColor: color -- material colour when color is absent (the public API's name).
        opacity: float = 1 -- 0 transparent .. 1 opaque.
        wireframe: bool = false -- draw the edges only.
        side: int | "front" | "back" | "double" -- faces drawn: 0 front, 1 back, 2 both.
        transparent: bool -- blend the material; set by itself when opacity < 1.
        vertexColors: bool -- colour by the geometry's per-vertex colours.
    """

    tag = "Pcd"
    _url_props: ClassVar[tuple[str, ...]] = ("src",)


class Splat(SceneElement):
    """A Gaussian-splat scene (``.splat``, ``.ply``, ``.ksplat``) from a URL.

    Props:
        src: str -- URL of the splat file.
        alphaTest: float = 0 -- splats below this opacity are discarded.
        alphaHash: bool = false -- hashed (noisy) transparency, no sorting.
        toneMapped: bool = false -- apply the renderer's tone mapping.
    """

    tag = "Splat"
    _url_props: ClassVar[tuple[str, ...]] = ("src",)


class LumaSplats(SceneElement):
    """A Luma AI capture (splats), from its ``lumalabs.ai`` URL.

    Props:
        source: str -- the capture's URL.
        enableThreeShaderIntegration: bool = true -- let three.js lights and fog affect it.
    """

    tag = "Splats"


class SparkSplats(SceneElement):
    """A Gaussian-splat scene drawn by the Spark renderer.

    Props:
        src: str -- URL of the splat file.
    """

    tag = "SparkSplats"
    _url_props: ClassVar[tuple[str, ...]] = ("src",)


class VuerSplat(SceneElement):
    """A streamed Gaussian-splat scene.

    Props:
        src: str -- URL of the splat file.
        flipCoords: bool = false -- flip the file's coordinate convention.
        toneMapped: bool = false -- apply the renderer's tone mapping.
        alphaTest: float = 0 -- splats below this opacity are discarded.
        alphaHash: bool = false -- hashed transparency, no sorting.
        chunkSize: int -- splats per streamed chunk.
    """

    tag = "VuerSplat"
    _url_props: ClassVar[tuple[str, ...]] = ("src",)
