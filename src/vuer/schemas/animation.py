"""Keyframe animation: clips of tracks, played by ``ThreeAnimate``/``PlaybackAnimate``."""

from __future__ import annotations

from vuer.schemas.scene_element import SceneElement

__all__ = ["AnimationClip", "PlaybackAnimate", "QuaternionTrack", "ThreeAnimate", "VectorTrack"]


class AnimationClip(SceneElement):
    """A named set of tracks (its children) played together.

    Props:
        name: str -- clip name.
        duration: float = -1 -- length in seconds; -1 derives it from the tracks.
    """

    tag = "AnimationClip"


class VectorTrack(SceneElement):
    """Keyframes of a vector property (e.g. ``"target.position"``).

    Props:
        name: str -- the animated property path.
        times: list[float] -- keyframe times, seconds.
        values: list[float] -- flat values, len(times) x vector size.
    """

    tag = "VectorTrack"


class QuaternionTrack(SceneElement):
    """Keyframes of an orientation, slerped between keyframes.

    Props:
        name: str -- the animated property path, e.g. ``"target.quaternion"``.
        times: list[float] -- keyframe times, seconds.
        values: list[float] -- flat [x, y, z, w] quaternions, one per time.
    """

    tag = "QuaternionTrack"


class ThreeAnimate(SceneElement):
    """Plays ``AnimationClip`` children on its target with the three.js mixer.

    Props:
        clipIndex: int = 0 -- which clip to play.
        play: bool = true -- playing or paused.
        speed: float = 1 -- playback speed factor.
    """

    tag = "ThreeAnimate"


class PlaybackAnimate(SceneElement):
    """Plays ``AnimationClip`` children following the timeline's time.

    Props:
        clipIndex: int = 0 -- which clip to play.
        play: bool = true -- playing or paused.
        speed: float = 1 -- playback speed factor.
    """

    tag = "PlaybackAnimate"
