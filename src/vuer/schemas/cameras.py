"""Camera frusta, extra camera views, the scene camera and its preview overlays."""

from __future__ import annotations

from vuer.schemas.scene_element import SceneElement

__all__ = [
    "CameraHelper",
    "CameraPreviewOverlay",
    "CameraPreviewThumbs",
    "CameraView",
    "FisheyeFrustum",
    "Frustum",
    "GrabRender",
    "OrthographicFrustum",
    "PerspectiveFrustum",
    "SceneCamera",
    "SceneCameraControl",
    "ViewportHud",
]


class _FrustumBase(SceneElement):
    """Props shared by the frustum markers (drawn as wireframes, not cameras).

    Props:
        near: float = 0.1 -- near plane distance, metres.
        far: float = 1 -- far plane distance, metres.
        showFrustum: bool = true -- draw the frustum's edges.
        showUp: bool = true -- draw the up-direction triangle.
        colorFrustum: color = "#ffaa00" -- colour of the frustum's edges.
        colorUp: color = "#00aaff" -- colour of the up marker.
        layer: int -- render layer of the marker.
    """


class Frustum(_FrustumBase):
    """A camera frustum marker defined by intrinsics: where a camera was and what it saw.

    Props:
        fov: float = 50 -- vertical field of view, degrees.
        aspect: float = 1.3333333333 -- width / height.
        focus: float -- focus distance, metres.
        focalLength: float -- focal length, in units of the image height.
        scale: float = 1 -- size of the marker.
        upScale: float = 1 -- size of the up marker.
        showImagePlane: bool = false -- draw the image plane on the far plane: the src image, or red without one.
        showFocalPlane: bool = true -- draw the focal plane.
        colorOrigin: color = "#ff0000" -- colour of the up-pointing triangle that marks the optical centre.
        colorCone: color -- colour of the cone.
        colorFocalPlane: color -- colour of the focal plane.
        zoom: float = 1 -- zoom factor.
        src: str | bytes -- the camera's image, drawn on the far plane with showImagePlane.
    """

    tag = "Frustum"


class PerspectiveFrustum(_FrustumBase):
    """A perspective camera's frustum.

    Props:
        fov: float = 50 -- vertical field of view, degrees.
        aspect: float = 1.3333333333 -- width / height.
        zoom: float = 1 -- zoom factor.
        colorCone: color = "#ff0000" -- colour of the cone.
        focus: float -- focus distance, metres.
        focalLength: float -- focal length, in units of the image height.
        upScale: float = 1 -- size of the up marker.
        showImagePlane: bool = false -- draw the image plane on the far plane: the src image, or red without one.
        showFocalPlane: bool = true -- draw the focal plane.
        colorOrigin: color = "#ff0000" -- colour of the up-pointing triangle that marks the optical centre.
        colorFocalPlane: color -- colour of the focal plane.
        src: str | bytes -- the camera's image: bytes, data URL or URL.
    """

    tag = "PerspectiveFrustum"


class FisheyeFrustum(_FrustumBase):
    """A fisheye camera's viewing volume.

    Props:
        fov: float = 180 -- field of view, degrees.
        aspect: float = 1 -- width / height.
        colorCone: color = "#ff0000" -- colour of the cone.
    """

    tag = "FisheyeFrustum"


class OrthographicFrustum(_FrustumBase):
    """An orthographic camera's viewing box.

    Props:
        width: float = 1 -- width of the view, metres.
        height: float = 1 -- height of the view, metres.
        zoom: float = 1 -- zoom factor.
    """

    tag = "OrthographicFrustum"


class CameraHelper(SceneElement):
    """Draws the frustum of the camera it is attached to (three.js CameraHelper).

    Props:
        color: color -- line colour.
        fov: float = 50 -- vertical field of view, degrees.
        aspect: float = 1.3333333333 -- width / height.
        near: float = 0.1 -- near plane distance, metres.
        far: float = 1 -- far plane distance, metres.
    """

    tag = "CameraHelper"


class CameraView(SceneElement):
    """A second camera rendered off-screen: streamed as ``CAMERA_VIEW`` events or grabbed by key.

    ``session.grab_render(key=view_key)`` is answered by the view with that key.

    Props:
        fov: float = 50 -- vertical field of view, degrees.
        width: int = 320 -- frame width, pixels.
        height: int = 240 -- frame height, pixels.
        near: float = 0.1 -- near plane, metres.
        far: float = 20 -- far plane, metres.
        stream: "ondemand" | "frame" | "time" = "ondemand" -- when frames are sent.
        fps: float = 30 -- frame rate for stream "time".
        renderDepth: bool = false -- also send a depth frame.
        showFrustum: bool = true -- draw the view's frustum.
        downsample: int = 1 -- downsampling factor of the frame.
        distanceToCamera: float = 2 -- distance of the preview plane, metres.
        ctype: "perspective" | "orthographic" = "perspective" -- projection; an orthographic view sees at every depth what the perspective one sees at distanceToCamera.
        movable: bool = true -- let the user drag the view.
        monitor: bool = false -- show the view as an overlay.
    """

    tag = "CameraView"


class SceneCamera(SceneElement):
    """The main camera of the view (``DefaultScene`` places it at [0, 5, 10]).

    Props:
        lookAt: vec3 = [0, 0, 0] -- the point the camera looks at.
        fov: float = 60 -- vertical field of view, degrees.
        near: float = 0.1 -- near plane, metres.
        far: float = 2000 -- far plane, metres.
        cx: float = 0 -- principal point x offset, -1..1 of the half width.
        cy: float = 0 -- principal point y offset, -1..1 of the half height.
    """

    tag = "SceneCamera"


class SceneCameraControl(SceneElement):
    """Mouse, touch and keyboard control of the main camera.

    Props:
        makeDefault: bool = true -- become the active control.
        moveSpeed: float = 1 -- keyboard translation speed.
        keyboardRotateSpeed: float = 1 -- keyboard rotation speed.
        mouseRotateSpeed: float = 1 -- mouse rotation speed.
        dollySpeed: float = 1 -- wheel dolly speed.
        truckSpeed: float = 1 -- pan speed.
        stream: bool = false -- send ``CAMERA_MOVE`` events.
    """

    tag = "SceneCameraControl"


class CameraPreviewThumbs(SceneElement):
    """Thumbnails of the scene's ``CameraView`` frames along the bottom edge.

    Props:
        previewHeight: int = 120 -- thumbnail height, pixels.
        gap: int = 8 -- space between thumbnails, pixels.
        margin: int = 12 -- space from the edges, pixels.
        showLabels: bool = true -- show the view keys.
    """

    tag = "CameraPreviewThumbs"


class CameraPreviewOverlay(SceneElement):
    """A viewfinder overlay shown while looking through a ``CameraView``.

    Props:
        margin: int = 12 -- space from the edges, pixels.
        showLabel: bool = true -- show the view key.
        showCornerBrackets: bool = true -- draw corner brackets.
        showCenterFocus: bool = true -- draw a centre mark.
        cornerBracketColor: color -- colour of the brackets.
        centerFocusColor: color -- colour of the centre mark.
    """

    tag = "CameraPreviewOverlay"


class GrabRender(SceneElement):
    """Answers ``grab_render`` requests for its key (default "DEFAULT") with the main view."""

    tag = "GrabRender"
    key = "DEFAULT"


class ViewportHud(SceneElement):
    """A picture-in-picture viewport that renders its children over the main view.

    Props:
        top: float | str -- distance from the top edge, pixels or a CSS percentage.
        right: float | str -- distance from the right edge.
        bottom: float | str -- distance from the bottom edge.
        left: float | str -- distance from the left edge.
        width: float | str -- width, pixels or a CSS percentage.
        height: float | str -- height, pixels or a CSS percentage.
        renderPriority: int = 1 -- drawing order, 1..10.
    """

    tag = "ViewportHud"
