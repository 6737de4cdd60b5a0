"""Point clouds unprojected from depth images (no renderer in this client yet)."""

from __future__ import annotations

from vuer.schemas.scene_element import SceneElement

__all__ = [
    "DepthPointCloud",
    "DepthPointCloudProvider",
    "InPlaceDepthPointCloud",
]


class DepthPointCloud(SceneElement):
    """A point cloud unprojected from a depth image on the GPU.

    Props:
        depth: str | bytes -- the depth image: URL or PNG bytes.
        rgb: str | bytes -- the colour image: URL or JPEG/PNG bytes.
        cmap: str -- colour map for depth when there is no rgb.
        fov: float -- vertical field of view of the depth camera, degrees.
    """

    tag = "DepthPointCloud"


class DepthPointCloudProvider(SceneElement):
    """Shares camera intrinsics with the ``DepthPointCloud`` nodes inside it.

    Props:
        fov: float -- vertical field of view, degrees.
    """

    tag = "DepthPointCloudProvider"


class InPlaceDepthPointCloud(SceneElement):
    """A depth point cloud updated in place, for streaming depth frames.

    Props:
        depth: str | bytes -- the depth image.
        rgb: str | bytes -- the colour image.
        fov: float -- vertical field of view, degrees.
    """

    tag = "InPlaceDepthPointCloud"
