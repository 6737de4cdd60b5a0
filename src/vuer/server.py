"""``Vuer``: the aiohttp server that serves the client and runs one session per socket."""

from __future__ import annotations

import asyncio
import errno
import inspect
import logging
import os
import ssl
import traceback
from collections import defaultdict
from collections.abc import AsyncIterator, Callable
from fnmatch import fnmatch
from pathlib import Path
from typing import Any
from urllib.parse import urlencode
from uuid import uuid4

from aiohttp import web

from vuer import static_paths
from vuer._budget import MemoryBudget
from vuer._origins import origin_middleware
from vuer._settings import Settings
from vuer._tasks import TaskSet
from vuer.events import ClientEvent, Noop, ServerEvent, ServerRPC
from vuer.serdes import decode
from vuer.session import SessionClosed, VuerSession
from vuer.transport.http import files_handler, index_response
from vuer.transport.relay import relay as relay_request
from vuer.transport.socket import serve_socket
from vuer.types import Url
from vuer.webrtc import WebRTCStream, WebRTCStreamManager
from vuer.workspace import Workspace, workspace_from_config
from vuer.workspace.http import hot_middleware, mounts_middleware, workspace_handler

__all__ = ["DEFAULT_CLIENT_ROOT", "BoundFn", "PortInUse", "SessionClosed", "Vuer", "VuerSession"]

logger = logging.getLogger("vuer.server")

DEFAULT_CLIENT_ROOT = Path(__file__).parent / "client_build"
# The public package's default `domain`; ours serves its own client, so the
# default does not send anyone to that site (see get_url).
PUBLIC_DOMAIN = "https://vuer.ai"
Handler = Callable[[ClientEvent, VuerSession], Any]


class BoundFn:
    """What ``@app.spawn(...)`` / ``@app.bind(...)`` return: the function, plus ``.start()``."""

    def __init__(self, vuer: Vuer, register: Callable[[Any], None], start: bool = False):
        self.vuer = vuer
        self._register = register
        self.auto_start = start
        self.fn: Callable[..., Any] | None = None

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if self.fn is not None:  # already bound: behave as the function itself
            return self.fn(*args, **kwargs)
        (fn,) = args
        if not callable(fn):
            raise TypeError(f"expected a function to bind, got {type(fn).__name__}")
        self._register(fn)
        self.fn = fn
        self.__wrapped__ = fn
        if self.auto_start:
            self.vuer.start()
        return self

    def start(self, **kwargs: Any) -> None:
        """Start the server (blocking)."""
        self.vuer.start(**kwargs)


def _matches(info: dict[str, Any], filters: dict[str, Any]) -> bool:
    for name, pattern in filters.items():
        value = info.get(name)
        if value is None or not fnmatch(str(value), str(pattern)):
            return False
    return True


class Vuer(Settings):
    """The vuer server: serves the client, and runs a session for each connected socket.

    Settings are class attributes (see ``vuer._settings``, and ``help(Vuer.__init__)``
    for each one and its default); keyword arguments override them, and
    environment variables override the class defaults::

        app = Vuer(port=8013, queue_len=200)

        @app.spawn(start=True)
        async def main(session: VuerSession):
            session.set @ DefaultScene(Box(key="b"))
            await session.forever()
    """

    def _setup(self, given: dict[str, Any]) -> None:
        self.queries = dict(self.queries or {})  # never share the class-level dict
        self._domain_given = (
            "domain" in given or "VUER_DOMAIN" in os.environ or self.domain != PUBLIC_DOMAIN
        )
        # `static_root` (the older name) wins when set away from its default.
        config = self.static_root if self.static_root not in (None, ".") else self.workspace
        self.workspace: Workspace = workspace_from_config(config)
        self.handlers: defaultdict[str, dict[str, Handler]] = defaultdict(dict)
        self._once: set[str] = set()
        self.spawn_handlers: list[dict[str, Any]] = []
        self.ws: dict[str, web.WebSocketResponse] = {}
        self.sessions: dict[str, VuerSession] = {}
        self._routes: list[tuple[str, str, Callable[..., Any], str]] = []
        self._tasks = TaskSet(logger, "the server")
        self._webrtc = WebRTCStreamManager()
        self._runner: web.AppRunner | None = None
        self._stopped: asyncio.Event | None = None
        self._budget = MemoryBudget(self.memory_budget, self.sessions.values)
        self._returned: set[str] = set()  # spawn functions whose return was logged
        self._main_errors: dict[str, int] = {}  # traceback text -> times seen
        self._host = _SessionHost(self)
        self._register_static_roots()

    @property
    def static_roots(self) -> list[Path]:
        """The workspace folders, served at ``/static`` and ``/workspace`` in order."""
        workspace = self.__dict__.get("workspace")
        if isinstance(workspace, Workspace):
            return list(workspace.paths)
        return super().static_roots

    def _register_static_roots(self) -> None:
        # So that `Obj(src=Path("mesh.obj"))` becomes "/static/mesh.obj".
        for root in self.static_roots:
            static_paths.register_static_root(root, "/static")

    # ---- registration -----------------------------------------------------

    def spawn(
        self, fn: Callable[..., Any] | None = None, start: bool = False, **filters: Any
    ) -> Any:
        """Run ``fn(session)`` once per client, after its INIT.

        ``filters`` match INIT's value with shell-style wildcards (e.g.
        ``client="python"``); the first matching handler runs. Usable as
        ``@app.spawn``, ``@app.spawn(start=True)`` or ``app.spawn(fn)``.
        """

        def register(f: Callable[..., Any]) -> None:
            self.spawn_handlers.append({"fn": f, "filters": dict(filters)})

        if fn is not None and not start:
            if not callable(fn):
                raise TypeError(f"app.spawn takes a function, got {type(fn).__name__}")
            register(fn)
            return fn
        wrapper = BoundFn(self, register, start=start)
        return wrapper if fn is None else wrapper(fn)

    def bind(self, fn: Callable[..., Any] | None = None, start: bool = False) -> Any:
        """Bind a generator ``fn(session)`` that yields server events and receives client events.

        ``Frame(event, frame_rate)`` sends ``event`` and resumes the generator
        ``1/frame_rate`` s later with a ``NullEvent``; ``End()`` closes the session.
        """

        def register(f: Callable[..., Any]) -> None:
            self.bound_fn = f  # type: ignore[method-assign]  # shadows the default, as upstream

        wrapper = BoundFn(self, register, start=start)
        return wrapper if fn is None else wrapper(fn)

    def add_handler(
        self, event_type: str, fn: Handler | None = None, once: bool = False
    ) -> Callable[..., Any]:
        """Call ``fn(event, session)`` for every client event of ``event_type``.

        Sync and async functions both work; each call runs as its own task and
        an exception is logged. Returns a function that removes the handler
        (or, in decorator form, the decorator).
        """
        if not isinstance(event_type, str):
            raise TypeError(f"add_handler takes an event type (str), got {event_type!r}")
        if fn is None:

            def decorator(f: Handler) -> Handler:
                self.add_handler(event_type, f, once=once)
                return f

            return decorator
        if not callable(fn):
            raise TypeError(f"add_handler takes a function, got {type(fn).__name__}")
        handler_id = str(uuid4())
        self.handlers[event_type][handler_id] = fn
        if once:
            self._once.add(handler_id)

        def remove() -> None:
            handlers = self.handlers.get(event_type)
            if handlers is not None:
                handlers.pop(handler_id, None)
                if not handlers:
                    del self.handlers[event_type]
            self._once.discard(handler_id)

        return remove

    def _handlers_for(self, etype: str) -> list[Handler]:
        handlers = self.handlers.get(etype)
        if not handlers:
            return []
        out = list(handlers.values())
        for handler_id in [h for h in handlers if h in self._once]:
            del handlers[handler_id]  # a once-handler fires for exactly one event
            self._once.discard(handler_id)
        return out

    def add_route(
        self,
        path: str,
        fn: Callable[..., Any],
        method: str = "GET",
        content_type: str = "text/html",
    ) -> None:
        """Serve ``fn()``'s return value (str, bytes or an aiohttp response) at ``path``."""
        if self._runner is not None:
            raise RuntimeError("add_route must be called before the server starts")
        self._routes.append((path, method.upper(), fn, content_type))

    def create_webrtc_stream(
        self,
        stream_id: str,
        track: Any = None,
        codec: str = "H264",
        max_bitrate: int | None = None,
        max_framerate: float | None = None,
        resolution: tuple[int, int] | None = None,
    ) -> WebRTCStream:
        """A video stream browsers play from ``POST /webrtc/offer/<stream_id>``.

        Push BGR uint8 frames with ``stream.push_frame`` (from any thread), or
        pass an aiortc ``track``. Needs ``pip install 'vuer[webrtc]'`` when a
        browser connects; works before or after ``start()``.
        """
        stream = WebRTCStream(
            stream_id,
            track=track,
            codec=codec,
            max_bitrate=max_bitrate,
            max_framerate=max_framerate,
            resolution=resolution,
            base_url=self._http_base,
        )
        return self._webrtc.add(stream)

    def _http_base(self) -> str:
        host = self.host
        if host in ("0.0.0.0", "::", ""):  # bound everywhere: name this machine for the LAN
            host = _local_ip()
        return f"http{self.ssl}://{host}:{self.port}"

    # ---- talking to sessions ------------------------------------------------

    def _session(self, ws_id: str) -> VuerSession:
        try:
            return self.sessions[ws_id]
        except KeyError:
            raise SessionClosed(f"no connected session {ws_id!r}") from None

    async def send(
        self, ws_id: str, event: ServerEvent | None = None, event_bytes: bytes | None = None
    ) -> None:
        """Queue an event (or already encoded msgpack bytes) for one session."""
        session = self._session(ws_id)
        if event_bytes is not None:
            if event is not None:
                raise ValueError("pass either event or event_bytes, not both")
            etype = _etype_of(event_bytes)
            if not etype:
                raise ValueError("event_bytes must be a msgpack map with a string etype")
            session.push_frame(etype, bytes(event_bytes))
        elif event is not None:
            session.send(event)
        else:
            raise ValueError("send needs an event or event_bytes")

    async def rpc(self, ws_id: str, event: ServerRPC, ttl: float | None = 2.0) -> ClientEvent:
        """Send an RPC to one session and return the answer (``asyncio.TimeoutError`` after ttl)."""
        return await self._session(ws_id).rpc(event, ttl=ttl)

    def rpc_stream(
        self, ws_id: str, event: ServerRPC, ttl: float | None = 10.0
    ) -> AsyncIterator[ClientEvent]:
        """An async iterator over one session's answers to ``event`` (see ``VuerSession``)."""
        return self._session(ws_id).rpc_stream(event, ttl=ttl)

    async def close_ws(self, ws_id: str) -> None:
        """Send what is queued for this session, then close its socket."""
        session = self.sessions.get(ws_id)
        if session is not None:
            await session.close()

    def spawn_task(self, task: Any, name: str | None = None) -> asyncio.Task[Any]:
        """Run a coroutine as a server-wide task; an exception is logged."""
        return self._tasks.spawn(task, name)

    def _main_returned(self, name: str) -> None:
        if name not in self._returned:  # once per spawn function: pages reconnect each time
            self._returned.add(name)
            logger.info(
                "%s returned: closing the session (await session.forever() to keep it open)", name
            )

    def _main_failed(self, name: str, error: Exception, ws_id: str) -> None:
        """Log a spawn function's error; the same traceback again is one line with a count."""
        text = "".join(traceback.format_exception(error))
        seen = self._main_errors.get(text, 0) + 1
        self._main_errors[text] = seen
        if seen == 1:
            logger.error("spawn handler %s raised (session %s)", name, ws_id, exc_info=error)
        else:
            logger.error(
                "spawn handler %s raised the same %s again (session %s; %d times so far)",
                name,
                f"{type(error).__name__}: {error}",
                ws_id,
                seen,
            )

    def _on_init(self, session: VuerSession) -> None:
        info = session.client_info
        matching = [h["fn"] for h in self.spawn_handlers if _matches(info, h["filters"])]
        if len(matching) > 1:
            names = [getattr(f, "__name__", repr(f)) for f in matching]
            logger.warning("several spawn handlers match %s: %s; running the first", info, names)
        if matching:
            session.start_main(matching[0])

    # ---- HTTP handlers --------------------------------------------------------

    async def _index(self, request: web.Request) -> web.StreamResponse:
        if request.headers.get("Upgrade", "").lower() == "websocket":
            return await serve_socket(self._host, request)
        return index_response(Path(self.client_root))

    async def relay(self, request: web.Request) -> web.Response:
        """``POST /relay?sid=<id>|*``: forward a msgpack server event to sessions (see _relay)."""
        return await relay_request(self, request)

    async def bound_fn(self, session: VuerSession) -> AsyncIterator[ServerEvent]:
        """The default connection worker, as a generator: it sends nothing of its own.

        ``app.bind(gen)`` replaces it. Client events reach handlers, ``till``
        and the session's queue whatever this yields.
        """
        while True:
            yield Noop()

    def _route_handler(self, fn: Callable[..., Any], content_type: str) -> Any:
        takes_request = _takes_argument(fn)

        async def handler(request: web.Request) -> web.StreamResponse:
            try:
                out = fn(request) if takes_request else fn()
                if inspect.isawaitable(out):
                    out = await out
            except web.HTTPException:
                raise
            except Exception as e:
                logger.exception("route %s raised", request.path)
                return web.Response(status=500, text=f"{type(e).__name__}: {e}")
            if isinstance(out, web.StreamResponse):
                return out
            if isinstance(out, (bytes, bytearray)):
                return web.Response(body=bytes(out), content_type=content_type)
            return web.Response(text="" if out is None else str(out), content_type=content_type)

        return handler

    def _make_app(self) -> web.Application:
        self._budget.limit = self.memory_budget
        middlewares = [
            origin_middleware(self.cors_origins),
            hot_middleware,
            mounts_middleware(lambda: self.workspace),
        ]
        app = web.Application(client_max_size=self.REQUEST_MAX_SIZE, middlewares=middlewares)
        app.router.add_get("/", self._index)
        client_root = Path(self.client_root)
        app.router.add_get(
            "/assets/{filename:.*}", files_handler(lambda: [client_root / "assets"], "asset")
        )
        static = workspace_handler(lambda: self.workspace)
        app.router.add_get("/static/{filename:.*}", static)
        app.router.add_get("/workspace/{filename:.*}", static)
        for method in ("POST", "PUT", "PATCH", "DELETE"):  # for links made with method=...
            app.router.add_route(method, "/workspace/{filename:.*}", static)
        app.router.add_post("/relay", self.relay)
        self._webrtc.routes(app)
        for path, method, fn, content_type in self._routes:
            app.router.add_route(method, path, self._route_handler(fn, content_type))
        app.on_shutdown.append(self._close_all)
        return app

    async def _close_all(self, _app: web.Application) -> None:
        async def going_away(session: VuerSession) -> None:
            ws = session.socket
            try:
                if ws is not None:
                    await asyncio.wait_for(ws.close(code=1001, message=b"server shutdown"), 1.0)
            except (asyncio.TimeoutError, ConnectionError, RuntimeError):
                session.abort()  # a client that does not answer the close

        await asyncio.gather(*(going_away(s) for s in list(self.sessions.values())))
        self._tasks.cancel_all()

    # ---- lifecycle ----------------------------------------------------------

    def ssl_context(self) -> ssl.SSLContext | None:
        """The TLS context for ``cert``/``key`` (client certificates required with ``ca_cert``)."""
        if not self.cert:
            if self.key:
                raise ValueError("Vuer(key=...) needs cert=... as well")
            return None
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(certfile=os.fspath(self.cert), keyfile=self.key or None)
        if self.ca_cert:
            context.load_verify_locations(cafile=os.fspath(self.ca_cert))
            context.verify_mode = ssl.CERT_REQUIRED
        return context

    async def astart(self) -> None:
        """Start serving in the running event loop; returns once the port is bound."""
        if self._runner is not None:
            raise RuntimeError("this Vuer server is already running")
        if self.free_port:
            from vuer._free_port import free_port

            free_port(self.port)
        runner = web.AppRunner(self._make_app(), handle_signals=False)
        await runner.setup()
        site = web.TCPSite(runner, self.host, self.port, ssl_context=self.ssl_context())
        try:
            await site.start()
        except OSError as e:
            await runner.cleanup()
            if e.errno == errno.EADDRINUSE:
                raise PortInUse(self.port) from e
            raise
        self._runner = runner
        self._stopped = asyncio.Event()
        if self.port == 0:  # an ephemeral port: report the one the OS chose
            server = getattr(site, "_server", None)
            sockets = getattr(server, "sockets", None) or []
            if sockets:
                self.port = sockets[0].getsockname()[1]
        logger.info("Vuer is serving at %s", self.get_url())

    async def astop(self) -> None:
        """Close every session and stop serving."""
        runner, self._runner = self._runner, None
        if runner is not None:
            await runner.cleanup()
        if self._stopped is not None:
            self._stopped.set()

    async def serve_forever(self) -> None:
        """Start, then serve until ``astop`` (or cancellation)."""
        await self.astart()
        assert self._stopped is not None
        try:
            await self._stopped.wait()
        finally:
            await self.astop()

    def start(self, free_port: bool | None = None, **unknown: Any) -> None:
        """Serve until interrupted (Ctrl-C). Inside a running loop (Jupyter), start in it.

        ``free_port=True`` stops the process holding the port first. A busy port
        ends the program with one line saying how to pick another.
        """
        if unknown:
            names = ", ".join(sorted(unknown))
            raise TypeError(
                f"{type(self).__name__}.start() takes only free_port, got {names}; "
                f"settings go to {type(self).__name__}(...), e.g. Vuer(port=8013)"
            )
        if free_port is not None:
            self.free_port = free_port
        _ensure_log_output()
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            loop = None
        if loop is not None:
            self.spawn_task(self.astart(), name="vuer-start")
            return
        try:
            asyncio.run(self.serve_forever())
        except KeyboardInterrupt:
            logger.info("Vuer stopped")
        except PortInUse as e:
            raise SystemExit(str(e)) from None

    run = start

    # ---- URLs -----------------------------------------------------------------

    @property
    def ssl(self) -> str:
        """``"s"`` when serving TLS, else ``""`` (for ``f"http{app.ssl}://"``)."""
        return "s" if self.cert else ""

    @property
    def local_ip(self) -> str:
        """This machine's LAN address (127.0.0.1 when there is none)."""
        return _local_ip()

    @property
    def workspace_prefix(self) -> Url:
        """``http[s]://<LAN ip>:<port>/workspace``; ``prefix / "mesh.obj"`` joins a path."""
        return Url(f"http{self.ssl}://{self.local_ip}:{self.port}/workspace")

    @property
    def localhost_prefix(self) -> Url:
        """``http[s]://localhost:<port>/workspace``."""
        return Url(f"http{self.ssl}://localhost:{self.port}/workspace")

    def get_url(self, host: str = "localhost") -> str:
        """The URL to open: this server (or ``client_url``/``domain``), plus ``ws`` and ``queries``."""
        own = f"http{self.ssl}://{host}:{self.port}"
        domain = self.domain if self._domain_given else None
        base = (self.client_url or domain or own).rstrip("/")
        query: dict[str, Any] = {}
        if base != own:
            query["ws"] = f"ws{self.ssl}://{host}:{self.port}"
        query.update(self.queries or {})
        return f"{base}?{urlencode(query, safe=':/')}" if query else base


class _SessionHost:
    """The server as the socket loop and its sessions see it (``SocketHost``, ``Dispatcher``)."""

    def __init__(self, app: Vuer) -> None:
        self.app = app

    @property
    def WEBSOCKET_MAX_SIZE(self) -> int:  # noqa: N802 (the setting's name)
        return self.app.WEBSOCKET_MAX_SIZE

    @property
    def heartbeat(self) -> float | None:
        return self.app.heartbeat

    def open_session(self, ws: web.WebSocketResponse, request: web.Request) -> VuerSession:
        app = self.app
        ws_id = str(uuid4())
        session = VuerSession(
            app,
            ws_id,
            app.queue_len,
            dispatcher=self,
            ws=ws,
            request=request,
            max_frame=app.WEBSOCKET_MAX_SIZE,
            queue_max_bytes=app.queue_max_bytes,
        )
        app.ws[ws_id] = ws
        app.sessions[ws_id] = session
        logger.info("client %s connected from %s", ws_id, request.remote)
        bound = app.__dict__.get("bound_fn")  # set by app.bind(...)
        if bound is not None:
            session.start_bound(bound)
        return session

    def close_session(self, session: VuerSession) -> None:
        app, ws_id, ws = self.app, session.ws_id, session.socket
        app.ws.pop(ws_id, None)
        app.sessions.pop(ws_id, None)
        code = ws.close_code if ws is not None else None
        if code not in (None, 1000, 1001):
            logger.info("client %s closed the socket with code %s", ws_id, code)
        if session.init_event is None and app.spawn_handlers:
            logger.warning("client %s left before sending INIT; spawn handlers not run", ws_id)
        logger.info("client %s disconnected", ws_id)

    def handlers_for(self, etype: str) -> list[Handler]:
        return self.app._handlers_for(etype)

    def client_ready(self, session: VuerSession) -> None:
        self.app._on_init(session)

    def main_returned(self, name: str) -> None:
        self.app._main_returned(name)

    def main_failed(self, name: str, error: Exception, ws_id: str) -> None:
        self.app._main_failed(name, error, ws_id)

    def check_memory(self) -> None:
        self.app._budget.check()


class PortInUse(OSError):
    """The port to serve on is taken; the message says how to pick another or free it."""

    def __init__(self, port: int) -> None:
        super().__init__(
            errno.EADDRINUSE,
            f"vuer: port {port} is in use; pick another with VUER_PORT={port + 1}, "
            f"--port {port + 1} or Vuer(port={port + 1}), or free it with --free-port "
            "(or free_port=True), which stops the process holding it",
        )

    def __str__(self) -> str:
        return str(self.strerror)


def _etype_of(frame: bytes) -> str:
    try:
        msg = decode(bytes(frame))
    except ValueError:
        return ""
    etype = msg.get("etype") if isinstance(msg, dict) else None
    return etype if isinstance(etype, str) else ""


def _local_ip() -> str:
    """This machine's LAN address (no packet is sent), or 127.0.0.1."""
    import socket

    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("10.255.255.255", 1))
            return str(probe.getsockname()[0])
    except OSError:
        return "127.0.0.1"


def _takes_argument(fn: Callable[..., Any]) -> bool:
    try:
        params = inspect.signature(fn).parameters.values()
    except (TypeError, ValueError):
        return False
    return any(
        p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD, p.VAR_POSITIONAL) for p in params
    )


def _ensure_log_output() -> None:
    """When nothing configured logging, show vuer's INFO lines (the URL to open)."""
    vuer_logger = logging.getLogger("vuer")
    if logging.getLogger().handlers or vuer_logger.handlers:
        return
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(message)s"))
    vuer_logger.addHandler(handler)
    if vuer_logger.level == logging.NOTSET:
        vuer_logger.setLevel(logging.INFO)
