"""three.js materials as children of a mesh: ``Box(MeshPhongMaterial(color="red"))``.

Props are the three.js material's own (camelCase), passed through as is.
"""

from __future__ import annotations

from vuer.schemas.base import Element

__all__ = [
    "LineBasicMaterial",
    "LineDashedMaterial",
    "Material",
    "MeshBasicMaterial",
    "MeshDepthMaterial",
    "MeshDistanceMaterial",
    "MeshLambertMaterial",
    "MeshMatcapMaterial",
    "MeshNormalMaterial",
    "MeshPhongMaterial",
    "MeshPhysicalMaterial",
    "MeshStandardMaterial",
    "MeshToonMaterial",
    "PointsMaterial",
    "RawShaderMaterial",
    "ShaderMaterial",
    "ShadowMaterial",
    "SpriteMaterial",
]


class _MaterialBase(Element):
    """Props shared by materials.

    Props:
        color: color = "#ffffff" -- base colour.
        opacity: float = 1 -- 0 transparent .. 1 opaque (with transparent).
        transparent: bool = false -- enable blending.
        side: int = 0 -- faces drawn: 0 front, 1 back, 2 both.
        wireframe: bool = false -- draw the edges only.
        map: str -- URL of the colour texture.
        attach: str = "material" -- the parent property it attaches to.
    """


class LineBasicMaterial(_MaterialBase):
    """Lines of one colour.

    Props:
        linewidth: float = 1 -- line width, pixels (most platforms draw 1).
    """

    tag = "lineBasicMaterial"


class LineDashedMaterial(_MaterialBase):
    """Dashed lines.

    Props:
        dashSize: float = 3 -- dash length.
        gapSize: float = 1 -- gap length.
    """

    tag = "lineDashedMaterial"


class Material(_MaterialBase):
    """A generic material, attached to its parent mesh.

    Props:
        type: str = "standard" -- the kind: "basic", "standard", "phong", "physical"…
    """

    tag = "material"


class MeshBasicMaterial(_MaterialBase):
    """Flat colour, unaffected by lights."""

    tag = "meshBasicMaterial"


class MeshDepthMaterial(_MaterialBase):
    """Shades by depth from the camera."""

    tag = "meshDepthMaterial"


class MeshDistanceMaterial(_MaterialBase):
    """Shades by distance from a point (point-light shadows)."""

    tag = "meshDistanceMaterial"


class MeshLambertMaterial(_MaterialBase):
    """Matte (Lambertian) shading."""

    tag = "meshLambertMaterial"


class MeshMatcapMaterial(_MaterialBase):
    """Shading baked in a matcap texture.

    Props:
        matcap: str -- URL of the matcap texture.
    """

    tag = "meshMatcapMaterial"


class MeshNormalMaterial(_MaterialBase):
    """Colours by surface normal."""

    tag = "meshNormalMaterial"


class MeshPhongMaterial(_MaterialBase):
    """Shiny (Blinn-Phong) shading.

    Props:
        shininess: float = 30 -- specular exponent.
        specular: color = "#111111" -- specular colour.
    """

    tag = "meshPhongMaterial"


class MeshPhysicalMaterial(_MaterialBase):
    """Physically based shading with clearcoat, transmission and sheen.

    Props:
        metalness: float = 0 -- 0 dielectric .. 1 metal.
        roughness: float = 1 -- 0 mirror .. 1 matte.
        clearcoat: float = 0 -- clear coat layer strength, 0..1.
        transmission: float = 0 -- transparency through refraction, 0..1.
    """

    tag = "meshPhysicalMaterial"


class MeshStandardMaterial(_MaterialBase):
    """Physically based (metalness/roughness) shading.

    Props:
        metalness: float = 0 -- 0 dielectric .. 1 metal.
        roughness: float = 1 -- 0 mirror .. 1 matte.
    """

    tag = "meshStandardMaterial"


class MeshToonMaterial(_MaterialBase):
    """Cel (toon) shading."""

    tag = "meshToonMaterial"


class PointsMaterial(_MaterialBase):
    """Material of points.

    Props:
        size: float = 1 -- point size.
        sizeAttenuation: bool = true -- shrink points with distance.
    """

    tag = "pointsMaterial"


class RawShaderMaterial(_MaterialBase):
    """A material from raw GLSL shaders.

    Props:
        vertexShader: str -- GLSL vertex shader source.
        fragmentShader: str -- GLSL fragment shader source.
        uniforms: dict -- uniform name -> {"value": ...}.
    """

    tag = "rawShaderMaterial"


class ShaderMaterial(_MaterialBase):
    """A material from GLSL shaders with three.js built-ins.

    Props:
        vertexShader: str -- GLSL vertex shader source.
        fragmentShader: str -- GLSL fragment shader source.
        uniforms: dict -- uniform name -> {"value": ...}.
    """

    tag = "shaderMaterial"


class ShadowMaterial(_MaterialBase):
    """Transparent except where shadows fall."""

    tag = "shadowMaterial"


class SpriteMaterial(_MaterialBase):
    """Material of sprites (screen-facing quads).

    Props:
        map: str -- URL of the sprite texture.
    """

    tag = "spriteMaterial"
