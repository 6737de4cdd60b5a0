"""Files, folders and dynamic content served under ``/workspace``.

``Vuer(workspace=...)`` takes a folder, a list of folders (searched in
order) or a ``Workspace``; ``app.workspace.link(fn, "api/status")`` serves a
function's result at ``/workspace/api/status`` while the server runs.
"""

from vuer.workspace.blob import Blob
from vuer.workspace.core import Link, Mount, ResolveResult, Workspace, workspace_from_config
from vuer.workspace.encoders import b64jpg, b64png, decode_b64png, jpg, png
from vuer.workspace.mime import MIME_TYPES, MimeTypes, guess_content_type
from vuer.workspace.paths import is_hidden, sanitize_path

__all__ = [
    "MIME_TYPES",
    "Blob",
    "Link",
    "MimeTypes",
    "Mount",
    "ResolveResult",
    "Workspace",
    "b64jpg",
    "b64png",
    "decode_b64png",
    "guess_content_type",
    "is_hidden",
    "jpg",
    "png",
    "sanitize_path",
    "workspace_from_config",
]
