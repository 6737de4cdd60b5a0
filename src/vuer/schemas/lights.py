"""Lights and lighting rigs. Intensities follow three.js (physically based units)."""

from __future__ import annotations

from vuer.schemas.scene_element import SceneElement

__all__ = [
    "AccumulativeShadows",
    "AmbientLight",
    "AmbientLightStage",
    "DirectionalLight",
    "HemisphereLight",
    "HemisphereLightStage",
    "PointLight",
    "RandomizedLight",
    "RectAreaLight",
    "SpotLight",
    "Stage",
]


class _Light(SceneElement):
    """Props shared by lights.

    Props:
        color: color = "#ffffff" -- light colour.
        intensity: float = 1 -- brightness.
        helper: bool = false -- draw a helper showing the light's shape.
        castShadow: bool = false -- cast shadows.
    """


class AmbientLight(_Light):
    """Uniform light from every direction; it has no position."""

    tag = "AmbientLight"


class DirectionalLight(_Light):
    """Parallel light, like the sun, shining from ``position`` towards the origin (or ``target``).

    Props:
        target: vec3 -- the point the light shines at.
        mapSize: int = 1024 -- shadow map size, pixels.
        bias: float = -0.0005 -- shadow depth bias.
        normalBias: float = 0.02 -- shadow bias along the surface normal.
        shadowSize: float = 10 -- width of the shadow camera's box, metres (directional light).
        near: float = 0.1 -- shadow camera near plane, metres.
        far: float = 100 -- shadow camera far plane, metres.
    """

    tag = "DirectionalLight"


class PointLight(_Light):
    """Light radiating from a point.

    Props:
        distance: float = 0 -- range of the light, metres; 0 is unlimited.
        decay: float = 2 -- falloff exponent with distance.
        radius: float = 0.1 -- radius of the marker sphere, metres.
        showSphere: bool = false -- draw a sphere where the light is.
        mapSize: int = 1024 -- shadow map size, pixels.
        bias: float = -0.0005 -- shadow depth bias.
        normalBias: float = 0.02 -- shadow bias along the surface normal.
        near: float = 0.1 -- shadow camera near plane, metres.
        far: float = 100 -- shadow camera far plane, metres.
    """

    tag = "PointLight"


class SpotLight(_Light):
    """A cone of light from ``position`` towards ``target``.

    Props:
        distance: float = 0 -- range of the light, metres; 0 is unlimited.
        angle: float = 1.0471975512 -- half-angle of the cone, radians (at most pi/2).
        penumbra: float = 0 -- softness of the cone's edge, 0..1.
        decay: float = 2 -- falloff exponent with distance.
        target: vec3 -- the point the light shines at.
        mapSize: int = 1024 -- shadow map size, pixels.
        bias: float = -0.0005 -- shadow depth bias.
        normalBias: float = 0.02 -- shadow bias along the surface normal.
        near: float = 0.1 -- shadow camera near plane, metres.
        far: float = 100 -- shadow camera far plane, metres.
    """

    tag = "SpotLight"


class HemisphereLight(_Light):
    """Sky-to-ground gradient light, for outdoor-looking ambient light.

    Props:
        skyColor: color = "#ffffff" -- colour from above.
        groundColor: color = "#444444" -- colour from below.
    """

    tag = "HemisphereLight"


class HemisphereLightStage(SceneElement):
    """The default light rig of ``DefaultScene``: a hemisphere light plus a soft key light.

    Props:
        intensity: float = 1 -- overall brightness.
        castShadow: bool = false -- the key light casts shadows.
    """

    tag = "HemisphereLightStage"


class AmbientLightStage(SceneElement):
    """A light rig of ambient light only.

    Props:
        intensity: float = 1 -- brightness.
    """

    tag = "AmbientLightStage"


class RectAreaLight(_Light):
    """Light emitted from a rectangle, like a window or a soft box.

    Props:
        width: float = 1 -- width of the rectangle, metres.
        height: float = 1 -- height of the rectangle, metres.
        lookAt: vec3 -- the point the rectangle faces.
    """

    tag = "RectAreaLight"


class Stage(SceneElement):
    """Centres its children on a floor with studio lighting and contact shadows.

    Props:
        preset: "rembrandt" | "portrait" | "upfront" | "soft" = "rembrandt" -- lighting preset.
        intensity: float = 0.5 -- light intensity.
        shadows: bool | "contact" | "accumulative" = "contact" -- kind of ground shadow.
        adjustCamera: bool | float = true -- zoom the camera to fit the children.
    """

    tag = "Stage"


class RandomizedLight(SceneElement):
    """A cluster of jittered shadow-casting lights, for use inside ``AccumulativeShadows``.

    Props:
        frames: int = 1 -- frames to jiggle the lights over.
        radius: float = 5 -- jitter radius; larger gives softer shadows.
        amount: int = 8 -- number of lights.
        intensity: float = 1 -- light intensity.
        ambient: float = 0.5 -- ambient occlusion factor, 0..1.
        castShadow: bool = true -- cast shadows.
        bias: float = 0.001 -- shadow bias.
        mapSize: int = 512 -- shadow map size, pixels.
        size: float = 10 -- shadow camera size, metres.
        near: float = 0.5 -- shadow camera near plane, metres.
        far: float = 500 -- shadow camera far plane, metres.
        normalBias: float = 0.02 -- shadow bias along the surface normal.
        target: vec3 -- the point the light shines at.
    """

    tag = "RandomizedLight"


class AccumulativeShadows(SceneElement):
    """A ground plane that accumulates soft shadows over frames (children: RandomizedLight).

    Props:
        frames: int = 40 -- frames to accumulate.
        blend: float = 20 -- refresh ratio when frames is Infinity.
        limit: int -- cap on frames rendered when frames is Infinity.
        scale: float = 10 -- size of the shadow plane, metres.
        temporal: bool = false -- accumulate over time instead of at once.
        opacity: float = 1 -- shadow opacity.
        alphaTest: float = 0.75 -- alpha below this is discarded.
        color: color = "#000000" -- shadow colour.
        colorBlend: float = 2 -- how far colours turn to black.
        resolution: int = 1024 -- buffer size, pixels.
    """

    tag = "AccumulativeShadows"
