"""Texture slots of a ``material`` dict: images given as arrays travel as PNG bytes.

``material={"map": ...}`` (and ``normalMap``, ``roughnessMap``, ...) accepts a
URL, encoded bytes, a numpy image (HxW, HxWx1/3/4) or a PIL image; the client
loads each source once and shares its texture.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from vuer.schemas._images import image_src

#: The three.js material props that hold a texture.
TEXTURE_SLOTS = frozenset(
    {
        "map",
        "normalMap",
        "roughnessMap",
        "metalnessMap",
        "aoMap",
        "emissiveMap",
        "alphaMap",
        "envMap",
        "displacementMap",
        "bumpMap",
        "lightMap",
        "specularMap",
        "clearcoatMap",
        "clearcoatNormalMap",
        "clearcoatRoughnessMap",
        "transmissionMap",
        "thicknessMap",
        "specularColorMap",
        "sheenColorMap",
    }
)


def _is_pixels(value: Any) -> bool:
    if isinstance(value, np.ndarray):
        return True
    try:
        from PIL import Image
    except ImportError:  # pragma: no cover - Pillow is a dependency
        return False
    return isinstance(value, Image.Image)


def material_textures(owner: str, material: dict[str, Any]) -> dict[str, Any]:
    """``material`` with its pixel-array texture slots encoded as PNG bytes (others unchanged)."""
    if not any(name in TEXTURE_SLOTS and _is_pixels(v) for name, v in material.items()):
        return material
    return {
        name: image_src(f"{owner} material.{name}", v, "png", None).src
        if name in TEXTURE_SLOTS and _is_pixels(v)
        else v
        for name, v in material.items()
    }
