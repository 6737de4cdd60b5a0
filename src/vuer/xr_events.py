"""The XR events' etypes and value shapes, kept importable here for older scripts.

They are declared, with their units, in ``vuer.protocol`` (with every other
message); see ``docs/xr.md`` for what each field means in the headset.
"""

from __future__ import annotations

from vuer.protocol import (
    BODY_MOVE,
    CONTROLLER_MOVE,
    HAND_JOINTS,
    HAND_MOVE,
    HEAD_MOVE,
    BodyMoveValue,
    ControllerMoveValue,
    ControllerState,
    HandMoveValue,
    HandState,
    HapticPulse,
    HeadMoveValue,
)

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
