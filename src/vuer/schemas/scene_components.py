"""Every 3D scene component, under the public package's module name.

The classes live in modules by family (primitives, lights, loaders, cameras,
xr, images, markers, groups, text, depth, canvas, animation, scene); this
module gathers them so that ``from vuer.schemas.scene_components import X``
works as it does upstream.
"""

from __future__ import annotations

from vuer.schemas.animation import (
    AnimationClip,
    PlaybackAnimate,
    QuaternionTrack,
    ThreeAnimate,
    VectorTrack,
)
from vuer.schemas.arrays_components import PointCloud, TriMesh, p
from vuer.schemas.base import BlockElement, Element
from vuer.schemas.cameras import (
    CameraHelper,
    CameraPreviewOverlay,
    CameraPreviewThumbs,
    CameraView,
    FisheyeFrustum,
    Frustum,
    GrabRender,
    OrthographicFrustum,
    PerspectiveFrustum,
    SceneCamera,
    SceneCameraControl,
    ViewportHud,
)
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
from vuer.schemas.html_components import Img
from vuer.schemas.images import (
    HUDPlane,
    Image,
    ImageBackground,
    SceneBackground,
    StereoVideoPlane,
    VideoMaterial,
    VideoPlane,
    WebRTCStereoVideoPlane,
    WebRTCVideoMaterial,
    WebRTCVideoPlane,
)
from vuer.schemas.lights import (
    AccumulativeShadows,
    AmbientLight,
    AmbientLightStage,
    DirectionalLight,
    HemisphereLight,
    HemisphereLightStage,
    PointLight,
    RandomizedLight,
    RectAreaLight,
    SpotLight,
    Stage,
)
from vuer.schemas.loaders import (
    Bvh,
    Dae,
    Fbx,
    Glb,
    LumaSplats,
    ModelNode,
    Obj,
    Pcd,
    Ply,
    SparkSplats,
    Splat,
    Stl,
    Urdf,
    VuerSplat,
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
from vuer.schemas.primitives import (
    Box,
    Capsule,
    Circle,
    Cone,
    Cylinder,
    Dodecahedron,
    Edges,
    Extrude,
    Fog,
    Icosahedron,
    Lathe,
    Octahedron,
    Plane,
    Polyhedron,
    Ring,
    Shape,
    Sphere,
    Tetrahedron,
    Torus,
    TorusKnot,
    Tube,
    Wireframe,
    group,
    mesh,
)
from vuer.schemas.scene import DefaultScene, Scene
from vuer.schemas.scene_element import SceneElement
from vuer.schemas.text import (
    Html,
    Text,
    Text3D,
)
from vuer.schemas.xr import (
    Body,
    Clickable,
    Gamepad,
    Hands,
    Head,
    KeyboardMonitor,
    MotionControllers,
    Movable,
    Pivot,
    PointerControls,
    WebXRMesh,
)

__all__ = [
    "AccumulativeShadows", "AmbientLight", "AmbientLightStage", "AnimationClip", "Arrow",
    "BBox", "BackgroundColor", "Billboard", "BlockElement", "Body", "BoundingBox",
    "BoundingBoxProvider", "Box", "Bvh", "CameraHelper", "CameraPreviewOverlay",
    "CameraPreviewThumbs", "CameraView", "Capsule", "Center", "Circle", "Clickable", "Cone",
    "CoordsMarker", "Cylinder", "Dae", "DefaultScene", "DepthPointCloud",
    "DepthPointCloudProvider", "DirectionalLight", "Dodecahedron", "Edges", "Element",
    "Extrude", "Fbx", "FisheyeFrustum", "Fog", "Frustum", "Gamepad", "Glb", "GrabRender",
    "Gripper", "Grid", "Group", "HUDPlane", "Hands", "Head", "HemisphereLight",
    "HemisphereLightStage", "Html", "Icosahedron", "Image", "ImageBackground", "Img",
    "InPlaceDepthPointCloud", "KeyboardMonitor", "Lathe", "LumaSplats", "ModelNode",
    "MotionControllers", "Movable", "Obj", "Octahedron", "OrthographicFrustum", "Pcd",
    "PerspectiveFrustum", "Pivot", "Plane", "PlaybackAnimate", "Ply", "PointCloud",
    "PointLight", "PointerControls", "Polyhedron", "QuaternionTrack", "RandomizedLight",
    "RectAreaLight", "Ring", "Scene", "SceneBackground", "SceneCamera", "SceneCameraControl",
    "SceneElement", "Shape", "SkeletalGripper", "SparkSplats", "Sphere", "Splat", "SpotLight",
    "Stage", "StereoVideoPlane", "Stl", "Tetrahedron", "Text", "Text3D", "ThreeAnimate",
    "TimelineControls", "Torus", "TorusKnot", "Trail", "TriMesh", "Tube", "Urdf",
    "VectorTrack", "VideoMaterial", "VideoPlane", "ViewportHud", "VuerGroup", "VuerSplat",
    "WebRTCStereoVideoPlane", "WebRTCVideoMaterial", "WebRTCVideoPlane", "WebXRMesh",
    "Wireframe", "group", "mesh", "p",
]  # fmt: skip
