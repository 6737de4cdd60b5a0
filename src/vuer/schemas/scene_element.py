"""The base of every node drawn inside the 3D canvas."""

from __future__ import annotations

import os
from typing import Any, ClassVar

from vuer.schemas.base import BlockElement
from vuer.static_paths import to_url

__all__ = ["SceneElement"]


class SceneElement(BlockElement):
    """A node of the 3D scene; children are placed in its coordinate frame.

    Props (shared by every scene node):
        position: vec3 = [0, 0, 0] -- translation in the parent frame, metres.
        rotation: vec3 = [0, 0, 0] -- Euler angles (XYZ order), radians.
        quaternion: vec4 -- orientation as [x, y, z, w]; wins over rotation.
        scale: float | vec3 = 1 -- uniform or per-axis scale.
        matrix: mat4 -- 16 floats, column-major; replaces position/rotation/scale.
        hide: bool = false -- hide the node without removing it.
        material: dict -- three.js material props, e.g. {"color": "red"}.
    """

    # Props holding asset locations: a ``pathlib`` path under a static root, or an
    # existing absolute file path, becomes the URL the server serves it at.
    _url_props: ClassVar[tuple[str, ...]] = ()

    def _urls(self, props: dict[str, Any]) -> None:
        for name in self._url_props:
            value = props.get(name)
            if isinstance(value, (str, os.PathLike)):
                props[name] = to_url(value)
