"""Content types for the files robotics scenes load, which ``mimetypes`` mostly lacks."""

from __future__ import annotations

import mimetypes
import os
from pathlib import PurePath

__all__ = ["MIME_TYPES", "MimeTypes", "guess_content_type"]

DEFAULT_CONTENT_TYPE = "application/octet-stream"


class MimeTypes(dict[str, str]):
    """Suffix (``".urdf"``, lower case) to content type, with ``guess(filename)``."""

    def guess(self, filename: str | os.PathLike[str]) -> str:
        """The type for ``filename``: ours first, then ``mimetypes``, else octet-stream."""
        name = os.fspath(filename)
        suffix = PurePath(name).suffix.lower()
        if suffix in self:
            return self[suffix]
        guessed, _ = mimetypes.guess_type(name, strict=False)
        return guessed or DEFAULT_CONTENT_TYPE


MIME_TYPES = MimeTypes(
    {
        # robot descriptions are XML dialects
        ".urdf": "application/xml",
        ".xacro": "application/xml",
        ".srdf": "application/xml",
        ".sdf": "application/xml",
        ".mjcf": "application/xml",
        ".xml": "application/xml",
        # meshes and point clouds
        ".dae": "model/vnd.collada+xml",
        ".stl": "model/stl",
        ".obj": "model/obj",
        ".mtl": "model/mtl",
        ".glb": "model/gltf-binary",
        ".gltf": "model/gltf+json",
        ".ply": "application/x-ply",
        ".pcd": "application/x-pcd",
        ".splat": DEFAULT_CONTENT_TYPE,
        ".hdr": "image/vnd.radiance",
        # configuration and code the client loads
        ".json": "application/json",
        ".yaml": "application/x-yaml",
        ".yml": "application/x-yaml",
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".mjs": "text/javascript",
    }
)


def guess_content_type(filename: str | os.PathLike[str]) -> str:
    """``MIME_TYPES.guess(filename)``."""
    return MIME_TYPES.guess(filename)
