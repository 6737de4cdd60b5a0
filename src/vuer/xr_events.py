"""The values of the XR events, with their units: one declaration for Python users.

A headset sends these as client events (``event.value``) while an XR session
runs and the component has ``stream=True``; each stream goes out ``fps`` times
a second (the latest tracked pose, sampled every XR frame). The shapes are
those of the public vuer client, so teleoperation scripts written for it keep
working; fields it lacks are marked *extra*.

Conventions:

- A pose ("matrix") is 16 floats, a 4×4 rigid transform in **column-major**
  order (WebXR and three.js), in the XR session's ``local-floor`` reference
  space: metres, +Y up, the origin on the floor where the session started.
  The translation is ``matrix[12:15]``.
- Hands have 25 joints in the WebXR ``XRHand`` order (see ``HAND_JOINTS``);
  ``value["left"]`` is 25 × 16 = 400 floats, joint ``j`` at ``[16*j : 16*j+16]``.
- A side that is not tracked (or not asked for) is absent from the value.

Example::

    @app.add_handler("HAND_MOVE")
    async def on_hand(event, session):
        state: HandState = event.value["rightState"]
        if state["pinch"]:
            print("pinched,", state["pinchValue"] * 100, "cm between thumb and index tips")
"""

from __future__ import annotations

from typing import Literal, TypedDict

__all__ = [
    "BODY_MOVE",
    "CONTROLLER_MOVE",
    "HAND_JOINTS",
    "HAND_MOVE",
    "HEAD_MOVE",
    "BodyMoveValue",
    "ControllerMoveValue",
    "ControllerState",
    "HandMoveValue",
    "HandState",
    "HapticPulse",
    "HeadMoveValue",
]

HAND_MOVE = "HAND_MOVE"
CONTROLLER_MOVE = "CONTROLLER_MOVE"
HEAD_MOVE = "HEAD_MOVE"
BODY_MOVE = "BODY_MOVE"

HAND_JOINTS: tuple[str, ...] = (
    "wrist",
    "thumb-metacarpal",
    "thumb-phalanx-proximal",
    "thumb-phalanx-distal",
    "thumb-tip",
    "index-finger-metacarpal",
    "index-finger-phalanx-proximal",
    "index-finger-phalanx-intermediate",
    "index-finger-phalanx-distal",
    "index-finger-tip",
    "middle-finger-metacarpal",
    "middle-finger-phalanx-proximal",
    "middle-finger-phalanx-intermediate",
    "middle-finger-phalanx-distal",
    "middle-finger-tip",
    "ring-finger-metacarpal",
    "ring-finger-phalanx-proximal",
    "ring-finger-phalanx-intermediate",
    "ring-finger-phalanx-distal",
    "ring-finger-tip",
    "pinky-finger-metacarpal",
    "pinky-finger-phalanx-proximal",
    "pinky-finger-phalanx-intermediate",
    "pinky-finger-phalanx-distal",
    "pinky-finger-tip",
)
"""Joint order of a hand's 400 floats (WebXR ``XRHand``): wrist = 0 … pinky tip = 24."""


class HandState(TypedDict):
    """``leftState`` / ``rightState`` of ``HAND_MOVE``.

    The ``*Value`` fields are **distances in metres**, as the public client sends
    them (an open hand reads about 0.09); the booleans compare them with fixed
    thresholds. Use the *extra* ``*Strength`` fields for a 0..1 amount.

    - ``pinchValue``: thumb tip to index-finger tip, metres.
    - ``pinch``: ``pinchValue < 0.01``.
    - ``squeezeValue``: middle-finger tip to middle-finger proximal phalanx, metres.
    - ``squeeze``: ``squeezeValue < 0.07``.
    - ``tapValue``: thumb tip to index-finger tip, metres (the same as ``pinchValue``,
      as in the public client).
    - ``tap``: ``tapValue < 0.01``.
    - ``pinchStrength`` (*extra*): 0 with the tips 5 cm or more apart … 1 at 1.5 cm or less.
    - ``squeezeStrength`` (*extra*): 0 at ``squeezeValue`` ≥ 9 cm … 1 at ≤ 3 cm (a fist).
    """

    pinch: bool
    pinchValue: float
    squeeze: bool
    squeezeValue: float
    tap: bool
    tapValue: float
    pinchStrength: float
    squeezeStrength: float


class HandMoveValue(TypedDict, total=False):
    """``HAND_MOVE`` from ``Hands(stream=True)``; key: the ``Hands`` key (``"hands"``).

    - ``left`` / ``right``: 25 joints × 16 floats (400), column-major poses in the
      reference space, metres, joint order ``HAND_JOINTS``. With ``Hands(scale=s)``
      each joint's position is moved ``s`` times as far from the wrist.
    - ``leftState`` / ``rightState``: ``HandState``.

    A side with ``disableLeft`` / ``disableRight``, or not tracked, is absent; no
    event is sent while neither hand is tracked.
    """

    left: list[float]
    leftState: HandState
    right: list[float]
    rightState: HandState


class ControllerState(TypedDict):
    """``leftState`` / ``rightState`` of ``CONTROLLER_MOVE``: the xr-standard gamepad.

    - ``trigger``, ``squeeze``, ``thumbstick``, ``aButton``, ``bButton``: pressed
      (buttons 0, 1, 3, 4, 5; on a Quest's left controller ``aButton``/``bButton``
      are X and Y).
    - ``touchpad``: ``False``, ``"touched"`` or ``"pressed"`` (button 2).
    - ``triggerValue``, ``squeezeValue``: 0..1 (how far pulled).
    - ``touchpadValue``, ``thumbstickValue``: ``[x, y]`` in -1..1 (axes 0-1 and 2-3;
      +x right, +y towards the user).
    """

    trigger: bool
    squeeze: bool
    touchpad: Literal[False, "touched", "pressed"]
    thumbstick: bool
    aButton: bool
    bButton: bool
    triggerValue: float
    squeezeValue: float
    touchpadValue: list[float]
    thumbstickValue: list[float]


class ControllerMoveValue(TypedDict, total=False):
    """``CONTROLLER_MOVE`` from ``MotionControllers(stream=True)``; key: its key.

    - ``left`` / ``right``: 16 floats, the controller's **target-ray** pose
      (where it points from; -Z is the pointing direction), column-major, metres.
    - ``leftState`` / ``rightState``: ``ControllerState``.

    Only the sides set with ``left=True`` / ``right=True`` are sent (as the public
    client: with both unset nothing is sent at all).
    """

    left: list[float]
    leftState: ControllerState
    right: list[float]
    rightState: ControllerState


class HeadMoveValue(TypedDict):
    """``HEAD_MOVE`` from ``Head(stream=True)``: ``matrix``, the viewer pose (between
    the eyes), 16 floats column-major, metres."""

    matrix: list[float]


class BodyMoveValue(TypedDict, total=False):
    """``BODY_MOVE`` from ``Body(stream=True)``, only where the browser tracks the body
    (Quest Browser's WebXR body tracking).

    - ``body``: the body joints in the browser's order (hips first; hand joints left
      out), 16 floats each, column-major, metres.
    - ``leftHand`` / ``rightHand``: 25 × 16 floats, with ``Body(leftHand=True)`` /
      ``rightHand=True`` and the hand tracked.
    """

    body: list[float]
    leftHand: list[float]
    rightHand: list[float]


class HapticPulse(TypedDict):
    """One side of ``HapticActuatorPulse``: ``strength`` 0..1, ``duration`` in ms."""

    strength: float
    duration: float
