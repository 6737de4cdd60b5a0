"""vuer: a live 3D scene in the browser or a VR/AR headset, driven from Python."""

from vuer.__about__ import __version__

__all__ = ["SessionClosed", "Vuer", "VuerClient", "VuerSession", "__version__"]


def __getattr__(name: str):  # lazy, so `import vuer.schemas` stays light
    if name == "Vuer":
        from vuer.server import Vuer

        return Vuer
    if name == "VuerSession":
        from vuer.session import VuerSession

        return VuerSession
    if name == "VuerClient":
        from vuer.client import VuerClient

        return VuerClient
    if name == "SessionClosed":
        from vuer.session import SessionClosed

        return SessionClosed
    raise AttributeError(f"module 'vuer' has no attribute {name!r}")
