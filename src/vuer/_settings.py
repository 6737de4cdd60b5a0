"""The server's settings: class attributes, overridden by environment, then by keywords."""

from __future__ import annotations

import functools
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar, ParamSpec

logger = logging.getLogger("vuer.server")

_CLIENT_BUILD = Path(__file__).parent / "client_build"
P = ParamSpec("P")


def _given_only(init: Callable[P, None]) -> Callable[P, None]:
    """Apply only the keywords a caller gives.

    The signature of ``init`` documents every setting and its default, but the
    defaults that apply are the class attributes (a subclass may override them)
    under the ``VUER_*`` variables, so the body of ``init`` never runs.
    """

    @functools.wraps(init)
    def configure(self: Settings, *args: Any, **given: Any) -> None:
        if args:
            raise TypeError(
                f"{type(self).__name__}() takes settings as keywords, got {len(args)} positional"
            )
        self._configure(given)

    return configure  # type: ignore[return-value]


def _to_bool(text: str) -> bool:
    return text.strip().lower() in ("1", "true", "yes", "on")


class Settings:
    """Every setting of ``Vuer``; ``help(Vuer.__init__)`` says what each one does."""

    host: str = "localhost"
    port: int = 8012
    free_port: bool = False
    domain: str | None = "https://vuer.ai"  # the public default; ours serves its own client
    client_url: str | None = None
    # Origins (besides this server's own and localhost/127.0.0.1/[::1] on any
    # port) whose pages may read from this server and open its socket; "*": any.
    cors: str = "https://vuer.ai"
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
    relay_token: str | None = None  # POST /relay is refused (403) until one is set
    heartbeat: float | None = 20.0  # seconds between pings; a client silent past it is dropped
    memory_budget: int = 2**30  # bytes queued for and from all clients together
    queue_max_bytes: int = 2**26  # bytes of client events one session's inbound queue keeps
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
        "heartbeat": ("VUER_HEARTBEAT", float),
        "memory_budget": ("VUER_MEMORY_BUDGET", int),
        "queue_max_bytes": ("VUER_QUEUE_MAX_BYTES", int),
    }

    @_given_only
    def __init__(
        self,
        *,
        host: str = "localhost",
        port: int = 8012,
        free_port: bool = False,
        domain: str | None = "https://vuer.ai",
        client_url: str | None = None,
        cors: str = "https://vuer.ai",
        cert: str | None = None,
        key: str | None = None,
        ca_cert: str | None = None,
        static_root: Any = ".",
        workspace: Any = ".",
        queue_len: int = 100,
        queries: dict[str, Any] | None = {},  # noqa: B006 - documentation only; never run
        client_root: Any = _CLIENT_BUILD,
        WEBSOCKET_MAX_SIZE: int = 2**28,  # noqa: N803 - the public API's names
        REQUEST_MAX_SIZE: int = 2**28,  # noqa: N803
        relay_token: str | None = None,
        heartbeat: float | None = 20.0,
        memory_budget: int = 2**30,
        queue_max_bytes: int = 2**26,
        name: str = "vuer",
        device: str | None = None,
        verbose: bool = False,
        web_port: int | None = None,
        workspace_path: str = "",
        **extra: Any,
    ) -> None:
        """Every setting, with its default; a keyword left out keeps the class's value
        (a subclass may change it), which its environment variable overrides.

        host: interface to bind (``VUER_HOST``); "0.0.0.0" for every interface.
        port: port to listen on (``VUER_PORT``); 0 picks a free one.
        free_port: stop the process holding ``port`` before binding (``VUER_FREE_PORT``).
        domain: the hosted client's address (``VUER_DOMAIN``); this server serves its own
            client, and ``get_url()`` uses ``domain`` only when it is given.
        client_url: overrides ``domain`` in ``get_url()``.
        cors: comma-separated origins whose pages may read from this server and open
            its socket, besides its own and localhost/127.0.0.1/[::1] on any port;
            "*" for any, never with credentials (``VUER_CORS``).
        cert, key: TLS certificate and key (PEM) to serve https/wss (``VUER_SSL_CERT``,
            ``VUER_SSL_KEY``); ca_cert: require client certificates from this CA.
        static_root: folder(s) served at /static and /workspace; workspace is used when
            it is None (``VUER_WORKSPACE``).
        queue_len: bound of each session's inbound queue (and part of its outbox bound).
        queries: extra query parameters for the page URL (``get_url()``).
        client_root: the folder the client is served from (the bundled build).
        WEBSOCKET_MAX_SIZE, REQUEST_MAX_SIZE: largest frame / HTTP body in bytes.
        relay_token: ``POST /relay`` needs it; refused (403) while unset (``VUER_RELAY_TOKEN``).
        heartbeat: seconds between websocket pings; a client silent past it is dropped
            (``VUER_HEARTBEAT``); None: off.
        memory_budget: bytes queued for and from all clients together; the session
            holding the most is cut off past it (``VUER_MEMORY_BUDGET``).
        queue_max_bytes: bytes of client events one session's inbound queue keeps
            (``VUER_QUEUE_MAX_BYTES``).
        name, device: names reported to the page; verbose: log every setting at start.
        web_port, workspace_path: accepted for public-package scripts; unused.
        extra: unknown settings are kept as attributes, with a warning.
        """

    def _configure(self, given: dict[str, Any]) -> None:
        names = _setting_names(type(self))
        for name, (var, convert) in self.ENV.items():
            if name in given or var not in os.environ:
                continue
            try:
                setattr(self, name, convert(os.environ[var]))
            except ValueError:
                msg = f"environment variable {var}={os.environ[var]!r} is invalid"
                raise ValueError(msg) from None
        for name, value in given.items():
            if name not in names:
                logger.warning("Vuer: unknown setting %s=%r (kept as an attribute)", name, value)
            setattr(self, name, value)
        self._check()
        if self.verbose:
            for name in sorted(names):
                logger.info("%20s : %r", name, getattr(self, name))
        self._setup(given)

    def _setup(self, given: dict[str, Any]) -> None:
        """Called once the settings are applied (``Vuer`` builds its state here)."""

    def _check(self) -> None:
        ints = ("port", "queue_len", "WEBSOCKET_MAX_SIZE", "REQUEST_MAX_SIZE", "memory_budget")
        for name in (*ints, "queue_max_bytes"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise TypeError(f"Vuer({name}=...) must be a non-negative int, got {value!r}")
        beat = self.heartbeat
        if beat is not None and (isinstance(beat, bool) or not isinstance(beat, (int, float))):
            raise TypeError(f"Vuer(heartbeat=...) must be seconds or None, got {beat!r}")
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
