"""MuJoCo physics simulated in the browser (WASM), driven by XR hands and controllers."""

from __future__ import annotations

from vuer.schemas.scene_element import SceneElement

__all__ = [
    "HandActuator",
    "MjCameraView",
    "MotionControllerActuator",
    "MuJoCo",
    "MuJoCoProvider",
]


class MuJoCoProvider(SceneElement):
    """Loads the MuJoCo runtime once for the ``MuJoCo`` nodes inside it."""

    tag = "MuJoCoProvider"


class MuJoCo(SceneElement):
    """A MuJoCo model (MJCF XML) simulated in the browser; bodies can be dragged.

    Props:
        src: str -- URL of the MJCF file.
        workDir: str -- folder the model's files are loaded into.
        assets: list[str] -- URLs of the meshes and textures the model uses.
        speed: float = 1 -- simulation speed factor.
        pause: bool = false -- pause the simulation.
        fps: float = 60 -- rate of ``ON_MUJOCO_FRAME`` events.
        timeout: float = 0 -- stop after this many seconds; 0 never stops.
        threshold: float = 0.001 -- smallest change reported.
        keyFrames: list[any] -- key frames to reset to.
        visible: list[int] -- geom groups drawn.
        useLights: bool = true -- use the model's lights.
        useMocap: bool = true -- drive mocap bodies from the user's hands.
        gizmoScale: float = 0.3 -- size of the drag gizmo.
        unpauseOnDrag: bool = false -- resume when a body is dragged.
        dragForceScale: float = 1 -- strength of the drag force.
        showDragArrow: bool = true -- draw the drag force arrow.
        showDragForceText: bool = true -- print the drag force.
    """

    tag = "MuJoCo"
    _url_props = ("src",)


class HandActuator(SceneElement):
    """Drives a MuJoCo actuator from the distance between two hand joints.

    Props:
        ctrlId: int = -1 -- index of the actuator.
        offset: float = 0.01 -- distance that maps to low, metres.
        low: float = 0.01 -- smallest control value.
        high: float = 1 -- largest control value.
        cond: str = "right-squeeze" -- gesture that enables the actuator.
        value: str = "right:thumb-tip,right:index-finger-tip" -- the two joints measured.
        scale: float = 1 -- factor from distance to control value.
    """

    tag = "HandActuator"


class MotionControllerActuator(SceneElement):
    """Drives a MuJoCo actuator from a controller button.

    Props:
        ctrlId: int = -1 -- index of the actuator.
        low: float = 0 -- smallest control value.
        high: float = 1 -- largest control value.
        cond: str = "right-trigger" -- the button read.
        scale: float = 1 -- factor from button value to control value.
    """

    tag = "MotionControllerActuator"


class MjCameraView(SceneElement):
    """A camera rendering the MuJoCo scene from its pose (key "ego" by default).

    Props:
        fov: float = 50 -- vertical field of view, degrees.
        width: int = 320 -- frame width, pixels.
        height: int = 240 -- frame height, pixels.
        fps: float = 30 -- frame rate.
        near: float = 0.1 -- near plane, metres.
        far: float = 20 -- far plane, metres.
        downsample: int = 1 -- downsampling factor.
        distanceToCamera: float = 2 -- distance of the preview plane, metres.
        movable: bool = true -- let the user drag the camera.
        showCameraFrustum: bool = true -- draw the camera's frustum.
    """

    tag = "MjCameraView"
