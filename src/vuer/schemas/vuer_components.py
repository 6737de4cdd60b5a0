"""Extension point: components from third-party client libraries."""

from __future__ import annotations

from vuer.schemas.scene_element import SceneElement

__all__ = ["ContribLoader"]


class ContribLoader(SceneElement):
    """Loads a UMD bundle of extra client components (it sees ``window.VUER``, ``THREE``, ``React``).

    Without internet access only a ``url`` the server itself serves can load.

    Props:
        url: str -- URL of the bundle; overrides library/version/main.
        library: str -- package name of the bundle.
        version: str = "latest" -- package version.
        main: str = "dist/index.js" -- entry file inside the package (UMD).
        dev: bool = false -- reload from ``third_party/`` on every load.
    """

    tag = "ContribLoader"
    _url_props = ("url",)
