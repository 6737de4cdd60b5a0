"""Components after @react-three/drei: lines, cameras, orbit controls, face mesh.

``Html`` and ``Splat`` are the same classes as in ``scene_components``.
"""

from __future__ import annotations

from vuer.schemas.loaders import Splat
from vuer.schemas.scene_element import SceneElement
from vuer.schemas.text import Html

__all__ = [
    "CatmullRomLine",
    "CubicBezierLine",
    "Facemesh",
    "FisheyeCamera",
    "Html",
    "Line",
    "OrbitControls",
    "OrthographicCamera",
    "PerspectiveCamera",
    "QuadraticBezierLine",
    "SimpleOrthographicCamera",
    "SimplePerspectiveCamera",
    "Splat",
]


class _LineBase(SceneElement):
    """Props shared by the fat lines.

    Props:
        color: color = "black" -- line colour.
        lineWidth: float = 1 -- width, pixels (world units with worldUnits).
        worldUnits: bool = false -- lineWidth in world units.
        dashed: bool = false -- dashed line.
        vertexColors: list[vec3] -- one [r, g, b] colour (0..1) per point.
        segments: bool = false -- draw separate segments between point pairs.
    """


class Line(_LineBase):
    """A polyline through ``points``.

    Props:
        points: list[vec3] -- the points, metres.
    """

    tag = "Line"


class QuadraticBezierLine(_LineBase):
    """A quadratic Bézier curve.

    Props:
        start: vec3 -- first point.
        end: vec3 -- last point.
        mid: vec3 -- control point.
        segments: int = 20 -- samples along the curve.
    """

    tag = "QuadraticBezierLine"


class CubicBezierLine(_LineBase):
    """A cubic Bézier curve.

    Props:
        start: vec3 -- first point.
        end: vec3 -- last point.
        midA: vec3 -- first control point.
        midB: vec3 -- second control point.
        segments: int = 20 -- samples along the curve.
    """

    tag = "CubicBezierLine"


class CatmullRomLine(_LineBase):
    """A smooth Catmull-Rom curve through ``points``.

    Props:
        points: list[vec3] -- the points, metres.
        closed: bool = false -- join the last point to the first.
        curveType: "centripetal" | "chordal" | "catmullrom" = "centripetal" -- parametrisation.
        tension: float = 0.5 -- curve tension (catmullrom only).
        segments: int = 20 -- samples per point.
    """

    tag = "CatmullRomLine"


class Facemesh(SceneElement):
    """A face mesh from MediaPipe face landmarks.

    Props:
        points: list[any] -- the 468+ landmarks.
        face: dict -- a face detection result, instead of points.
        width: float -- width of the mesh; its natural size by default.
        height: float -- height of the mesh.
        depth: float = 1 -- depth of the mesh.
        origin: int | vec3 -- a landmark index or point used as origin.
        eyes: bool = true -- draw the eyes.
        debug: bool = false -- draw helpers.
    """

    tag = "Facemesh"


class OrbitControls(SceneElement):
    """Orbit, pan and zoom the camera with the mouse (key "orbit-controls").

    Props:
        makeDefault: bool = true -- become the active control.
        enableDamping: bool = false -- smooth (inertial) motion.
        enablePan: bool = true -- allow panning.
        enableRotate: bool = true -- allow orbiting.
        enableZoom: bool = true -- allow zooming.
        screenSpacePanning: bool = true -- pan in screen space.
        minPolarAngle: float = 0 -- lowest polar angle, degrees.
        maxPolarAngle: float = 180 -- highest polar angle, degrees.
        minDistance: float = 0 -- closest zoom, metres.
        maxDistance: float = 1000 -- farthest zoom, metres.
        zoomSpeed: float = 1 -- zoom speed factor.
        rotateSpeed: float = 1 -- rotation speed factor.
        panSpeed: float = 1 -- pan speed factor.
        target: vec3 = [0, 0, 0] -- the point orbited.
        stream: bool = false -- send ``CAMERA_MOVE`` events.
    """

    tag = "OrbitControls"
    key = "orbit-controls"


class _CameraBase(SceneElement):
    """Props shared by cameras.

    Props:
        makeDefault: bool = false -- render the view through this camera.
        near: float = 0.1 -- near plane, metres.
        far: float = 1000 -- far plane, metres.
        zoom: float = 1 -- zoom factor.
        lookAt: vec3 -- the point the camera looks at.
    """


class PerspectiveCamera(_CameraBase):
    """A perspective camera (key "perspective-camera").

    Props:
        fov: float = 50 -- vertical field of view, degrees.
        active: bool -- whether this camera is used.
        cx: float = 0 -- principal point x offset, -1..1 of the half width.
        cy: float = 0 -- principal point y offset, -1..1 of the half height.
    """

    tag = "PerspectiveCamera"
    key = "perspective-camera"


class OrthographicCamera(_CameraBase):
    """An orthographic camera (key "orthographic-camera").

    Props:
        left: float = -1 -- left edge of the view.
        right: float = 1 -- right edge of the view.
        top: float = 1 -- top edge of the view.
        bottom: float = -1 -- bottom edge of the view.
        active: bool -- whether this camera is used.
    """

    tag = "OrthographicCamera"
    key = "orthographic-camera"


class SimplePerspectiveCamera(_CameraBase):
    """A plain three.js perspective camera, without drei's extras.

    Props:
        fov: float = 50 -- vertical field of view, degrees.
        aspect: float = 1.7777777778 -- width / height.
        manual: bool = false -- do not update the projection from the canvas size.
    """

    tag = "SimplePerspectiveCamera"


class SimpleOrthographicCamera(_CameraBase):
    """A plain three.js orthographic camera, without drei's extras.

    Props:
        left: float = -5 -- left edge of the view.
        right: float = 5 -- right edge of the view.
        top: float = 5 -- top edge of the view.
        bottom: float = -5 -- bottom edge of the view.
        manual: bool = false -- do not update the projection from the canvas size.
    """

    tag = "SimpleOrthographicCamera"


class FisheyeCamera(_CameraBase):
    """A fisheye camera: renders a cube map and shows it through a fisheye lens (key "fisheye-camera").

    Props:
        segments: int = 64 -- tesselation of the lens.
        resolution: int = 512 -- pixel size of each cube-map face.
        active: bool -- whether this camera is used.
    """

    tag = "FisheyeCamera"
    key = "fisheye-camera"
