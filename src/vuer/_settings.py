"""The server's settings: class attributes, overridden by environment, then by keywords."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any, ClassVar

logger = logging.getLogger("vuer.server")

_CLIENT_BUILD = Path(__file__).parent / "client_build"


def _to_bool(text: str) -> bool:
    return text.strip().lower() in ("1", "true", "yes", "on")


class Settings:
    """Every setting of ``Vuer``; see SPEC §1 for what each one does."""

    host: str = "localhost"
    port: int = 8012
    free_port: bool = False
    domain: str | None = "https://vuer.ai"  # the public default; ours serves its own client
    client_url: str | None = None
    cors: str = "*"
    cert: str | None = None
    key: str | None = None
    ca_cert: str | None = None
    static_root: Any = "."  # folder(s) served at /static and /workspace
    workspace: Any = "."  # used when static_root is not given
    queue_len: int = 100
    queries: dict[str, Any] | None = {}  # copied per instance by Vuer
    client_root: Any = _CLIENT_BUILD
    WEBSOCKET_MAX_SIZE: int = 2**28
    REQUEST_MAX_SIZE: int = 2**28
    relay_token: str | None = None
    name: str = "vuer"
    device: str | None = None
    verbose: bool = False
    # Accepted so that public-package scripts run; this server uses one port.
    web_port: int | None = None
    workspace_path: str = ""

    # setting -> (environment variable, conversion)
    ENV: ClassVar[dict[str, tuple[str, Any]]] = {
        "host": ("VUER_HOST", str),
        "port": ("VUER_PORT", int),
        "domain": ("VUER_DOMAIN", str),
        "cors": ("VUER_CORS", str),
        "cert": ("VUER_SSL_CERT", str),
        "key": ("VUER_SSL_KEY", str),
        "ca_cert": ("VUER_SSL_CA_CERT", str),
        "workspace": ("VUER_WORKSPACE", str),
        "WEBSOCKET_MAX_SIZE": ("WEBSOCKET_MAX_SIZE", int),
        "REQUEST_MAX_SIZE": ("REQUEST_MAX_SIZE", int),
        "relay_token": ("VUER_RELAY_TOKEN", str),
        "free_port": ("VUER_FREE_PORT", _to_bool),
    }

    def __init__(self, **kwargs: Any) -> None:
        names = _setting_names(type(self))
        for name, (var, convert) in self.ENV.items():
            if name in kwargs or var not in os.environ:
                continue
            try:
                setattr(self, name, convert(os.environ[var]))
            except ValueError:
                msg = f"environment variable {var}={os.environ[var]!r} is invalid"
                raise ValueError(msg) from None
        for name, value in kwargs.items():
            if name not in names:
                logger.warning("Vuer: unknown setting %s=%r (kept as an attribute)", name, value)
            setattr(self, name, value)
        self._check()
        if self.verbose:
            for name in sorted(names):
                logger.info("%20s : %r", name, getattr(self, name))

    def _check(self) -> None:
        for name in ("port", "queue_len", "WEBSOCKET_MAX_SIZE", "REQUEST_MAX_SIZE"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise TypeError(f"Vuer({name}=...) must be a non-negative int, got {value!r}")
        if self.queries is not None and not isinstance(self.queries, dict):
            raise TypeError(f"Vuer(queries=...) must be a dict, got {type(self.queries).__name__}")

    @property
    def static_roots(self) -> list[Path]:
        """The folders served at ``/static`` and ``/workspace``, searched in order."""
        roots = self.static_root if self.static_root is not None else self.workspace
        if roots is None:
            return []
        if isinstance(roots, (str, os.PathLike)):
            roots = [roots]
        return [Path(os.fspath(r)).expanduser() for r in roots]

    @property
    def cors_origins(self) -> list[str]:
        return [o.strip() for o in str(self.cors or "").split(",") if o.strip()]


def _setting_names(cls: type) -> set[str]:
    names: set[str] = set()
    for klass in cls.__mro__:
        names.update(getattr(klass, "__annotations__", {}))
    return {n for n in names if not n.startswith("_") and n != "ENV"}
