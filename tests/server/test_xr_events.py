"""XR declarations in Python: HapticActuatorPulse checks its input, xr_events lists the shapes."""

from __future__ import annotations

import pytest

from vuer.events import HapticActuatorPulse
from vuer.xr_events import HAND_JOINTS, ControllerState, HandState


def test_haptic_pulse_serialises_both_sides() -> None:
    wire = HapticActuatorPulse(left={"strength": 0.5, "duration": 80})._serialize()
    assert wire["etype"] == "HAPTIC_ACTUATOR_PULSE"
    assert wire["data"] == {"left": {"strength": 0.5, "duration": 80}, "right": None}


def test_haptic_pulse_clips_strength_to_one() -> None:
    data = HapticActuatorPulse(right={"strength": 3, "duration": 10})._serialize()["data"]
    assert data["right"] == {"strength": 1, "duration": 10}


@pytest.mark.parametrize(
    ("pulse", "message"),
    [
        ({"strength": 0.5}, "takes"),
        (0.5, "takes"),
        ({"strength": "hard", "duration": 10}, "strength must be a number"),
        ({"strength": 0.5, "duration": -1}, "duration must be >= 0"),
        ({"strength": float("nan"), "duration": 10}, "strength must be a number"),
    ],
)
def test_haptic_pulse_rejects_bad_input(pulse: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        HapticActuatorPulse(left=pulse)  # type: ignore[arg-type]


def test_xr_shapes_are_declared() -> None:
    assert len(HAND_JOINTS) == 25 and HAND_JOINTS[0] == "wrist"
    assert HAND_JOINTS[24] == "pinky-finger-tip"
    assert len(ControllerState.__required_keys__) == 10
    assert {"pinchValue", "tapValue", "pinchStrength"} <= HandState.__required_keys__
