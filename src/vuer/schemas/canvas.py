"""What applies to the whole canvas: its background colour and a timeline bar."""

from __future__ import annotations

from typing import Any

from vuer.schemas.scene_element import SceneElement

__all__ = [
    "BackgroundColor",
    "TimelineControls",
]


class BackgroundColor(SceneElement):
    """Sets the canvas's background colour.

    Props:
        color: color = "#131416" -- the colour.
    """

    tag = "BackgroundColor"

    def __init__(self, color: Any = "#131416", *children: Any, **props: Any) -> None:
        super().__init__(*children, color=color, **props)


class TimelineControls(SceneElement):
    """A playback timeline bar; scrubbing sends ``TIMELINE_STEP`` events.

    Props:
        start: float = 0 -- first time step.
        end: float = 100 -- last time step.
        step: float = 1 -- increment.
        speed: float = 1 -- playback speed factor.
    """

    tag = "TimelineControls"
