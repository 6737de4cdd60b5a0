"""Images and video in the 3D scene: backgrounds, camera-facing planes, textures.

The image classes take the same inputs as ``Img``: a numpy array, PIL image,
file path or bytes as the first argument, or ``src=`` a URL. ``format``
("png", "jpeg", "b64png", "b64jpeg") and ``quality`` choose the encoding.
"""

from __future__ import annotations

from typing import Any

from vuer.schemas.html_components import Img
from vuer.schemas.scene_element import SceneElement

__all__ = [
    "HUDPlane",
    "Image",
    "ImageBackground",
    "SceneBackground",
    "StereoVideoPlane",
    "VideoMaterial",
    "VideoPlane",
    "WebRTCStereoVideoPlane",
    "WebRTCVideoMaterial",
    "WebRTCVideoPlane",
]


class PlaneProps:
    """The props of a plane kept in front of the camera; a base of the classes here.

    Props:
        distanceToCamera: float = 10 -- distance of the plane, metres.
        height: float -- height of the plane, metres.
        aspect: float -- width / height of the plane.
        fixed: bool = false -- keep the plane fixed in the world instead of following the camera.
        layers: int -- render layer (1 left eye, 2 right eye in XR).
    """


class VideoProps:
    """The playback props of the video classes; a base of the classes here.

    Props:
        loop: bool = true -- loop the video.
        autoplay: bool = true -- start playing at once.
        muted: bool = true -- play without sound (browsers require it for autoplay).
    """


class SceneBackground(Img, SceneElement):
    """An image (or equirectangular panorama) as the scene's ``background``.

    Props:
        backgroundIntensity: float = 1 -- brightness factor.
        backgroundBlurriness: float = 0 -- blur, 0..1.
        rgb: str | bytes -- the image as ``Image`` sends it; src wins.
    """

    tag = "SceneBackground"


class ImageBackground(Img, SceneElement):
    """An image plane fixed in front of the camera, filling the view: for video-rate frames.

    Props:
        rgb: str | bytes -- the image as ``Image`` sends it; src wins.
        distanceToCamera: float = 10 -- distance of the plane, metres.
        aspect: float -- width / height of the plane; the image's by default.
        height: float -- height of the plane, metres; fills the view by default.
        opacity: float = 1 -- 0 transparent .. 1 opaque.
        interpolate: bool = false -- smooth (linear) texture filtering instead of nearest.
        fixed: bool = false -- keep the plane fixed in the world instead of following the camera.
        layers: int -- render layer (1 left eye, 2 right eye in XR).
    """

    tag = "ImageBackground"


class HUDPlane(PlaneProps, SceneElement):
    """A plane that always faces the camera at a fixed distance; children give its material."""

    tag = "HUDPlane"


class VideoMaterial(VideoProps, Img, SceneElement):
    """A video texture for its parent mesh."""

    tag = "VideoMaterial"


class WebRTCVideoMaterial(Img, SceneElement):
    """A WebRTC stream as a texture for its parent mesh.

    Props:
        stream: str -- URL of the WebRTC offer endpoint, or a stream id.
    """

    tag = "WebRTCVideoMaterial"


class VideoPlane(VideoProps, PlaneProps, Img, SceneElement):
    """A video on a camera-facing plane."""

    tag = "VideoPlane"


class WebRTCVideoPlane(SceneElement):
    """A WebRTC stream on a camera-facing plane.

    Props:
        src: str -- URL of the WebRTC offer endpoint.
        stream: str -- stream id or configuration.
        distanceToCamera: float = 10 -- distance of the plane, metres.
        height: float -- height of the plane, metres.
        aspect: float -- width / height of the plane.
    """

    tag = "WebRTCVideoPlane"


class StereoVideoPlane(VideoProps, PlaneProps, Img, SceneElement):
    """A stereo video: each eye sees its half in XR.

    Props:
        layout: "side-by-side" | "top-bottom" = "side-by-side" -- how the halves are packed.
        aspect: float -- width / height of one eye's image.
    """

    tag = "StereoVideoPlane"


class WebRTCStereoVideoPlane(SceneElement):
    """A stereo WebRTC stream: each eye sees its half in XR.

    Props:
        src: str -- URL of the WebRTC offer endpoint.
        stream: str -- stream id or configuration.
        layout: "side-by-side" | "top-bottom" = "side-by-side" -- how the halves are packed.
        distanceToCamera: float = 10 -- distance of the plane, metres.
        height: float -- height of the plane, metres.
    """

    tag = "WebRTCStereoVideoPlane"


class Image(Img, SceneElement):
    """An image on a plane placed in the world.

    As in the public package the encoded image travels in ``rgb`` (not
    ``src``), and an image given as pixels sets ``aspect`` (width / height) and
    ``height`` (1 mm per pixel) unless they are passed.

    Props:
        rgb: str | bytes -- the image: URL, data URL, or PNG/JPEG bytes.
        aspect: float -- width / height of the plane.
        height: float -- height of the plane, metres.
        opacity: float = 1 -- 0 transparent .. 1 opaque.
        side: int = 2 -- faces drawn: 0 front, 1 back, 2 both.
        interpolate: bool = true -- smooth (linear) texture filtering instead of nearest.
    """

    tag = "Image"
    _src_prop = "rgb"

    def __init__(self, data: Any = None, *children: Any, **props: Any) -> None:
        super().__init__(data, *children, **props)
        if self._width and self._height:
            if self.__dict__.get("aspect") is None:
                self.aspect = self._width / self._height
            if self.__dict__.get("height") is None:
                self.height = self._height * 0.001
