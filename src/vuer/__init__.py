"""vuer: a live 3D scene in the browser or a VR/AR headset, driven from Python."""

from typing import Any

from vuer.__about__ import __version__ as __version__

# The public package's six names (plus ours); each is imported on first use, so
# `import vuer.schemas` stays light and aiortc loads only when a stream is made.
__all__ = ["Blob", "Vuer", "VuerClient", "VuerSession", "WebRTCStream", "Workspace"]

_LAZY = {
    "Vuer": "vuer.server",
    "VuerSession": "vuer.session",
    "VuerClient": "vuer.client",
    "SessionClosed": "vuer.session",
    "Workspace": "vuer.workspace",
    "Blob": "vuer.workspace",
    "WebRTCStream": "vuer.webrtc",
    # the public docs' `from vuer import jpg, png`, which upstream never provided
    "jpg": "vuer.workspace",
    "png": "vuer.workspace",
    "b64jpg": "vuer.workspace",
    "b64png": "vuer.workspace",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'vuer' has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(module), name)


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY])
