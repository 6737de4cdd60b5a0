"""The scene root: ``Scene`` and ``DefaultScene`` (a scene with the usual furniture)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from vuer.schemas.base import BlockElement, to_wire
from vuer.schemas.cameras import (
    CameraPreviewOverlay,
    CameraPreviewThumbs,
    SceneCamera,
    SceneCameraControl,
)
from vuer.schemas.lights import HemisphereLightStage
from vuer.schemas.markers import Grid
from vuer.schemas.xr import Gamepad, Hands, MotionControllers

__all__ = ["DefaultScene", "Scene"]

_LISTS = ("bgChildren", "rawChildren", "htmlChildren")


def _as_list(name: str, value: Any) -> list[Any]:
    """A children list from None, one element, or an iterable of elements."""
    if value is None:
        return []
    if isinstance(value, (str, dict)) or hasattr(value, "_serialize"):
        return [value]
    if isinstance(value, Iterable):
        return list(value)
    raise TypeError(f"Scene: {name} must be an element or a list of elements, got {value!r:.60}")


def _vector3(name: str, value: Any) -> list[Any]:
    try:
        vector = list(value)
    except TypeError:
        vector = []
    if len(vector) != 3:
        raise ValueError(f"Scene: {name} must be 3 numbers [x, y, z], got {value!r:.60}")
    return vector


class Scene(BlockElement):
    """The root of the scene tree, sent with ``session.set @ Scene(...)``.

    ``children`` are drawn in the scene; ``bgChildren`` too, but they are the
    scene's furniture (grid, lights, controls) and stay out of the scene tree
    panel; ``rawChildren`` are three.js intrinsics placed as is; ``htmlChildren``
    are HTML elements drawn over the canvas.

    Props:
        up: vec3 = [0, 1, 0] -- the world's up direction (``[0, 0, 1]`` for z-up robotics).
        bgChildren: list[Node] = [] -- background nodes: grid, lights, controls, XR inputs.
        rawChildren: list[Node] = [] -- three.js nodes added as is.
        htmlChildren: list[Node] = [] -- HTML drawn over the canvas.
        background: color -- canvas colour.
        toneMapping: "NoToneMapping" | "LinearToneMapping" | "ReinhardToneMapping" | "CineonToneMapping" | "ACESFilmicToneMapping" | "AgXToneMapping" | "NeutralToneMapping" -- renderer tone mapping.
        toneMappingExposure: float = 1 -- exposure for tone mapping.
        frameloop: "always" | "demand" = "demand" -- render every frame, or when something changes.
        camPosition: vec3 -- initial camera position, metres.
        camRotation: vec3 -- initial camera rotation, radians.
        grid: bool = true -- false hides the grids among ``bgChildren``.
        showGrid: bool = true -- the public client's name for ``grid``.
    """

    tag = "Scene"
    _nested = frozenset(("children", *_LISTS))

    def __init__(
        self,
        *children: Any,
        rawChildren: Any = None,  # noqa: N803 - wire names of the public API
        htmlChildren: Any = None,  # noqa: N803
        bgChildren: Any = None,  # noqa: N803
        up: Any = (0, 1, 0),
        background: Any = None,
        toneMapping: str | None = None,  # noqa: N803
        toneMappingExposure: float | None = None,  # noqa: N803
        frameloop: str | None = None,
        camPosition: Any = None,  # noqa: N803
        camRotation: Any = None,  # noqa: N803
        **props: Any,
    ) -> None:
        optional = {
            "background": background,
            "toneMapping": toneMapping,
            "toneMappingExposure": toneMappingExposure,
            "frameloop": frameloop,
            "camPosition": camPosition,
            "camRotation": camRotation,
        }
        props.update({k: v for k, v in optional.items() if v is not None})
        super().__init__(*children, up=_vector3("up", up), **props)
        self.bgChildren = _as_list("bgChildren", bgChildren)
        self.rawChildren = _as_list("rawChildren", rawChildren)
        self.htmlChildren = _as_list("htmlChildren", htmlChildren)

    def _serialize(self) -> dict[str, Any]:
        out = super()._serialize()
        out.setdefault("children", [])
        for name in _LISTS:
            # None entries (e.g. ``Grid() if grid else None``) are dropped.
            out[name] = [to_wire(c) for c in self.__dict__.get(name) or () if c is not None]
        return out


class DefaultScene(Scene):
    """A ``Scene`` with a grid, lights, gamepad, XR hands and controllers, and the camera.

    Its ``bgChildren`` are, by key: "grid" (unless ``grid=False``),
    "light-stage", "gamepad-0", "hands", "motion-controllers", "SceneCamera"
    (at [0, 5, 10]), "SceneCameraControl", "CameraPreviewThumbs",
    "CameraPreviewOverlay", then the ``bgChildren`` passed in.

    Its key is "DefaultScene" unless given, so the page's root is the same
    node in every session.

    Props:
        up: vec3 = [0, 1, 0] -- the world's up direction.
        showGrid: bool = true -- false hides the grid (as ``grid=False`` leaves it out).
    """

    key = "DefaultScene"

    def __init__(
        self,
        *children: Any,
        rawChildren: Any = None,  # noqa: N803
        htmlChildren: Any = None,  # noqa: N803
        bgChildren: Any = None,  # noqa: N803
        up: Any = (0, 1, 0),
        grid: bool = True,
        **props: Any,
    ) -> None:
        furniture = [
            Grid(key="grid") if grid else None,
            HemisphereLightStage(key="light-stage"),
            Gamepad(key="gamepad-0", index=0),
            Hands(key="hands", fps=30, stream=True),
            MotionControllers(key="motion-controllers", fps=30, stream=True),
            SceneCamera(key="SceneCamera", position=[0, 5, 10]),
            SceneCameraControl(key="SceneCameraControl", makeDefault=True),
            CameraPreviewThumbs(key="CameraPreviewThumbs"),
            CameraPreviewOverlay(key="CameraPreviewOverlay"),
        ]
        super().__init__(
            *children,
            rawChildren=rawChildren,
            htmlChildren=htmlChildren,
            bgChildren=[c for c in furniture if c is not None] + _as_list("bgChildren", bgChildren),
            up=up,
            **props,
        )
