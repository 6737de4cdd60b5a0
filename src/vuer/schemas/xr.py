"""Input: XR hands, controllers and body tracking, gamepads, keyboard, and drag handles.

Components with ``stream=True`` send their poses back as events (see the
table in docs/protocol.md): ``HAND_MOVE``, ``CONTROLLER_MOVE``, ``BODY_MOVE``,
``OBJECT_MOVE``… Matrices are 16 floats, column-major. The XR events' values,
with units, are declared in ``vuer.protocol`` and described in ``docs/xr.md``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from vuer.schemas.scene_element import SceneElement

__all__ = [
    "Body",
    "Clickable",
    "Gamepad",
    "Hands",
    "Head",
    "KeyboardMonitor",
    "MotionControllers",
    "Movable",
    "Pivot",
    "PointerControls",
    "WebXRMesh",
]


class Hands(SceneElement):
    """Tracked XR hands: drawn in the headset, sent as ``HAND_MOVE`` when streaming.

    ``HAND_MOVE``'s value (``vuer.protocol.HandMoveValue``): ``left`` / ``right``,
    25 joints × 16 floats (column-major poses, metres, WebXR joint order), and
    ``leftState`` / ``rightState`` (``HandState``): ``pinch``, ``squeeze``, ``tap``
    and their ``*Value`` distances in metres, plus ``pinchStrength`` /
    ``squeezeStrength`` in 0..1. Sent ``fps`` times a second while a hand is
    tracked. A numeric ``scale`` moves each joint that many times as far from the
    wrist (in the events and the drawing), as the public client does.

    Props:
        stream: bool = false -- send ``HAND_MOVE`` events.
        fps: float = 30 -- event rate, per second.
        disableLeft: bool = false -- neither track nor draw the left hand.
        disableRight: bool = false -- neither track nor draw the right hand.
        hideLeft: bool = false -- track the left hand without drawing it.
        hideRight: bool = false -- track the right hand without drawing it.
        showFrame: bool = false -- draw a frame at each joint.
        frameScale: float = 0.02 -- size of the joint frames, metres.
    """

    tag = "Hands"
    key = "hands"


class MotionControllers(SceneElement):
    """Tracked XR controllers: drawn in the headset, sent as ``CONTROLLER_MOVE`` when streaming.

    ``CONTROLLER_MOVE``'s value (``vuer.protocol.ControllerMoveValue``): ``left``
    / ``right``, the target-ray pose (16 floats, column-major, metres), and
    ``leftState`` / ``rightState`` (``ControllerState``: ``trigger``, ``squeeze``,
    ``touchpad`` (``False`` / ``"touched"`` / ``"pressed"``), ``thumbstick``,
    ``aButton``, ``bButton``, ``triggerValue`` and ``squeezeValue`` in 0..1,
    ``touchpadValue`` and ``thumbstickValue`` ``[x, y]`` in -1..1). Only the sides
    with ``left=True`` / ``right=True`` are sent, as in the public client.

    Haptics: each new value of ``pulseLeftHash`` / ``pulseRightHash`` (any string,
    e.g. a counter) vibrates that controller once with the side's strength and
    duration; ``session.send(HapticActuatorPulse(...))`` does it without a node.

    Props:
        eventTypes: list[str] = ["trigger", "squeeze"] -- button events to report.
        stream: bool = true -- send ``CONTROLLER_MOVE`` events.
        fps: float = 30 -- event rate, per second.
        left: bool -- send the left controller.
        right: bool -- send the right controller.
        hideLeft: bool = false -- do not draw the left controller.
        hideRight: bool = false -- do not draw the right controller.
        pulseLeftStrength: float = 0.5 -- vibration strength for ``pulseLeftHash``, 0..1.
        pulseLeftDuration: float = 100 -- vibration length for ``pulseLeftHash``, ms.
        pulseLeftHash: str -- a new value vibrates the left controller once.
        pulseRightStrength: float = 0.5 -- vibration strength for ``pulseRightHash``, 0..1.
        pulseRightDuration: float = 100 -- vibration length for ``pulseRightHash``, ms.
        pulseRightHash: str -- a new value vibrates the right controller once.
    """

    tag = "MotionControllers"

    def __init__(
        self,
        *children: Any,
        key: str = "motionControllers",
        eventTypes: Sequence[str] = ("trigger", "squeeze"),  # noqa: N803 - wire name
        stream: bool = True,
        left: bool | None = None,
        right: bool | None = None,
        **props: Any,
    ) -> None:
        super().__init__(
            *children,
            key=key,
            eventTypes=list(eventTypes),
            stream=stream,
            left=left,
            right=right,
            **props,
        )


class Body(SceneElement):
    """WebXR body tracking, sent as ``BODY_MOVE`` when streaming.

    Only where the browser tracks the body (Quest Browser's WebXR body
    tracking); elsewhere nothing is sent or drawn. ``BODY_MOVE``'s value
    (``vuer.protocol.BodyMoveValue``): ``body``, 16 floats per body joint
    (column-major, metres, the browser's joint order, hands left out), and
    ``leftHand`` / ``rightHand`` (25 × 16 floats) when asked for.

    Props:
        stream: bool = true -- send ``BODY_MOVE`` events.
        fps: float = 30 -- event rate, per second.
        leftHand: bool = false -- include the 25 left-hand joints.
        rightHand: bool = false -- include the 25 right-hand joints.
        showBody: bool = true -- draw the tracked joints.
        showFrame: bool = true -- draw a frame at each joint.
        frameScale: float = 0.02 -- size of the joint frames, metres.
    """

    tag = "Body"
    key = "body_tracking"


class Head(SceneElement):
    """The headset's pose, sent as ``HEAD_MOVE`` when streaming.

    ``HEAD_MOVE``'s value: ``{"matrix": 16 floats}``, the viewer pose (column-major,
    metres), ``fps`` times a second during an XR session.

    Props:
        stream: bool = true -- send head pose events.
        fps: float = 30 -- event rate, per second.
        show: bool = false -- draw the head's frame.
        frameScale: float = 0.05 -- size of the frame, metres.
    """

    tag = "Head"
    key = "head_tracking"


class WebXRMesh(SceneElement):
    """The room meshes an AR headset detects, drawn as translucent surfaces.

    ``session.get_webxr_mesh(key)`` fetches them into Python: the value is
    ``{"meshes": [{"vertices", "indices", "matrix", "semanticLabel"?}]}``, an empty
    list outside an AR session with mesh detection. With ``autoUpdate`` each
    change is also sent as ``WEBXR_MESH_UPDATE`` with the same value.

    Props:
        color: color -- surface colour.
        opacity: float = 0.15 -- surface opacity, 0..1.
        autoUpdate: bool = true -- follow changes of the detected meshes.
    """

    tag = "WebXRMesh"

    def __init__(
        self,
        *children: Any,
        key: str = "webxr-mesh",
        color: Any = None,
        opacity: float = 0.15,
        autoUpdate: bool = True,  # noqa: N803 - wire name
        **props: Any,
    ) -> None:
        super().__init__(
            *children, key=key, color=color, opacity=opacity, autoUpdate=autoUpdate, **props
        )


class Gamepad(SceneElement):
    """A connected gamepad: button and axis changes are sent as events.

    Each change sends ``GAMEPAD`` with this key and the value
    ``{"id": str, "index": int, "axes": [float], "buttons": [float]}``
    (button values in 0..1); nothing is sent while the pad is unchanged.

    Props:
        index: int = 0 -- which connected gamepad to read.
    """

    tag = "Gamepad"


class KeyboardMonitor(SceneElement):
    """Sends keyboard events (``KeyDown``, ``KeyUp``, ``KeyPress``) with this key.

    Props:
        enableKeyDown: bool = false -- send ``KeyDown``.
        enableKeyUp: bool = false -- send ``KeyUp``.
        enableKeyPress: bool = false -- send ``KeyPress``.
    """

    tag = "KeyboardMonitor"


class Movable(SceneElement):
    """A drag handle: its children move with it; drags send ``OBJECT_MOVE`` events.

    Props:
        offset: vec3 = [0, 0, 0] -- offset of the handle from the position, metres.
        handle: float | vec3 -- size of the handle, metres.
        showFrame: bool = true -- draw the handle's frame.
        wireframe: bool = false -- draw the handle as an orange wireframe (else it is grabbable but unseen).
        localRotation: bool = false -- rotate about the local axes.
    """

    tag = "Movable"


class Pivot(SceneElement):
    """A rotate/translate gizmo around its children; drags send ``OBJECT_MOVE`` events.

    Props:
        anchor: vec3 -- the pivot point, relative to the children's bounds.
        offset: vec3 -- offset of the gizmo, metres.
        scale: float = 0.4 -- gizmo size (the length of its arrows, metres).
        disableRotations: bool = false -- allow translation only.
        disableAxes: bool = false -- hide the translation arrows.
    """

    tag = "Pivot"


class Clickable(SceneElement):
    """Makes its children clickable: a click sends ``ON_CLICK`` with this key.

    Props:
        onClick: str -- event type sent on click.
    """

    tag = "Clickable"


class PointerControls(SceneElement):
    """Pointer-lock first-person controls for the main camera.

    Props:
        selector: str -- CSS selector of the element that locks the pointer.
    """

    tag = "PointerControls"
