"""``VuerSession``: one connected client, its scene operations, RPCs and inbound queue."""

from __future__ import annotations

import asyncio
import inspect
import logging
import struct
import threading
import weakref
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from functools import cached_property
from threading import get_ident
from time import time_ns
from typing import TYPE_CHECKING, Any, Protocol

from vuer import protocol as wire
from vuer._bound_generator import BoundGenerator
from vuer._log import RateLimitedLog
from vuer._tasks import TaskSet
from vuer.events import (
    ClientEvent,
    Frame,
    GetWebXRMesh,
    GrabRender,
    ServerEvent,
    ServerRPC,
    now_ms,
)
from vuer.schemas.base import Element, to_wire
from vuer.serdes import encode, encode_update
from vuer.transport.inbound import preview
from vuer.transport.outbox import Outbox

if TYPE_CHECKING:
    from aiohttp import web

__all__ = ["At", "Dispatcher", "SessionClosed", "VuerSession"]

logger = logging.getLogger("vuer.session")


class SessionClosed(ConnectionError):
    """The client went away (or the session was closed) before the answer came.

    ``waiting_for`` names what the caller was waiting for (e.g. "the answer to
    GRAB_RENDER"), so a spawn function cut short can say so in one line.
    """

    def __init__(self, message: str, waiting_for: str = "") -> None:
        super().__init__(message)
        self.waiting_for = waiting_for


class At:
    """Lets a scene operation be written ``session.add @ el`` or ``session.add(el, to=...)``."""

    __slots__ = ("fn",)

    def __init__(self, fn: Callable[..., None]) -> None:
        self.fn = fn

    def __matmul__(self, arg: Any) -> None:
        return self.fn(arg)

    def __call__(self, *args: Any, **kwargs: Any) -> None:
        return self.fn(*args, **kwargs)


def _wire_nodes(elements: Any, op: str, copy: bool = True) -> list[dict[str, Any]]:
    """The nodes of a scene operation. ``copy=False`` when the message is encoded
    before anything else runs: element props then go to the packer as they are."""
    if isinstance(elements, Element):  # the common case, kept short
        return [elements._serialize() if copy else elements._wire()]
    items = list(elements) if isinstance(elements, (list, tuple)) else [elements]
    if copy:
        nodes = [to_wire(el) for el in items]
    else:
        nodes = [el._wire() if isinstance(el, Element) else to_wire(el) for el in items]
    for node, el in zip(nodes, items, strict=True):
        if not isinstance(node, dict):
            raise TypeError(f"session.{op} takes elements or dicts, got {type(el).__name__}")
    return nodes


def _check_parent(to: Any, op: str) -> None:
    if to is not None and not isinstance(to, str):
        raise TypeError(f"session.{op}(to=...) takes a parent key (str), got {type(to).__name__}")


def _wire_keys(keys: Any) -> list[str]:
    items = list(keys) if isinstance(keys, (list, tuple, set)) else [keys]
    out = []
    for k in items:
        if isinstance(k, Element):
            k = k.key
        if not isinstance(k, str):
            raise TypeError(f"session.remove takes keys (strings), got {type(k).__name__}")
        out.append(k)
    return out


class Dispatcher(Protocol):
    """What a session asks of the server that runs it (the server hands one to each)."""

    def handlers_for(self, etype: str) -> list[Callable[..., Any]]:
        """The handlers to call for one client event of ``etype``."""
        ...

    def client_ready(self, session: VuerSession) -> None:
        """The client's INIT arrived: start what runs for it."""
        ...

    def main_returned(self, name: str) -> None:
        """The spawn function ``name`` returned."""
        ...

    def main_failed(self, name: str, error: Exception, ws_id: str) -> None:
        """The spawn function ``name`` raised."""
        ...

    def check_memory(self) -> None:
        """This session holds more than before: check the server-wide budget."""
        ...


class _Detached:
    """The dispatcher of a session made without a server (tests): no handlers, no budget."""

    def handlers_for(self, etype: str) -> list[Callable[..., Any]]:
        return []

    def client_ready(self, session: VuerSession) -> None:
        pass

    def main_returned(self, name: str) -> None:
        pass

    def main_failed(self, name: str, error: Exception, ws_id: str) -> None:
        logger.error("spawn handler %s raised (session %s)", name, ws_id, exc_info=error)

    def check_memory(self) -> None:
        pass


class _Stream:
    """Answers of one ``rpc_stream`` call waiting to be read."""

    def __init__(self, limit: int) -> None:
        self.items: deque[ClientEvent] = deque()
        self.limit = limit
        self.done = False
        self.wake = asyncio.Event()


class VuerSession:
    """One connected client.

    Scene operations (``set``, ``add``, ``update``, ``upsert``, ``remove``) are
    synchronous: each encodes its message at once and queues it on the
    session's outbox, which one writer task sends in order. While the client
    keeps up every message is its own frame. When it falls behind, queued
    updates of the same key merge and a ``SET`` supersedes the scene ops queued
    before it; structural ops and RPCs are never dropped or reordered. Memory
    policy: if more than ``WEBSOCKET_MAX_SIZE + queue_len * 64 KiB`` bytes wait
    to be sent (a client that stopped reading), a warning is logged and the
    socket is closed; the client reconnects to a fresh session.

    The scene operations and ``send`` may also be called from other threads;
    each message is encoded in the calling thread and queued, in call order,
    by the event loop's thread.

    Inbound: every client event that is not an RPC answer is appended to
    ``downlink_queue`` (``popleft``, ``pop``, ``clear``, ``stream``), a deque of
    at most ``queue_len`` events and ``queue_max_bytes`` bytes (counted as the
    size of the frames they came in); when full the oldest is dropped and a
    (rate-limited) warning is logged. When the client goes away the queues are
    emptied, so a session object kept by the program holds no client data.
    """

    def __init__(
        self,
        vuer: Any,
        ws_id: str,
        queue_len: int = 100,
        *,
        dispatcher: Dispatcher | None = None,
        ws: web.WebSocketResponse | None = None,
        request: web.Request | None = None,
        max_frame: int = 2**28,
        queue_max_bytes: int = 2**26,
    ) -> None:
        self.vuer = vuer  # the server, for programs that reach it from a session
        self._dispatcher: Dispatcher = dispatcher if dispatcher is not None else _Detached()
        self.CURRENT_WS_ID = ws_id
        self.queue_len = queue_len
        self.downlink_queue: deque[ClientEvent] = deque(maxlen=max(1, queue_len))
        self.init_event: ClientEvent | None = None
        self.client_info: dict[str, Any] = {}
        self._ws = ws
        self._request = request
        self._direct: tuple[asyncio.WriteTransport, int] | None = None
        self._max_frame = max_frame
        self.queue_max_bytes = queue_max_bytes
        # frame size of each queued client event (weak: the user may pop them)
        self._event_bytes: weakref.WeakKeyDictionary[ClientEvent, int] = weakref.WeakKeyDictionary()
        # events a handler or waiter took: their queued copy may go without a warning
        self._handled: weakref.WeakSet[ClientEvent] = weakref.WeakSet()
        self.inbound_bytes = 0  # as of the last event queued
        self._outbox = Outbox(
            self._write,
            cap_bytes=max_frame + max(1, queue_len) * 65536,
            on_overflow=self._on_overflow,
            name=ws_id,
            on_grow=self._dispatcher.check_memory,
            write_now=self._write_now if ws is not None and request is not None else None,
        )
        self._tasks = TaskSet(logger, f"session {ws_id}")
        self._rpcs: dict[str, asyncio.Future[ClientEvent]] = {}
        self._streams: dict[str, _Stream] = {}
        self._waiters: dict[str, list[asyncio.Future[ClientEvent]]] = {}
        self._bound: BoundGenerator | None = None
        self._closed = asyncio.Event()
        self._warn = RateLimitedLog(logger, 5.0)
        try:
            self._loop: asyncio.AbstractEventLoop | None = asyncio.get_running_loop()
            self._loop_thread: int | None = threading.get_ident()
        except RuntimeError:  # made outside a loop (tests): every call is on "the loop"
            self._loop, self._loop_thread = None, None

    def __repr__(self) -> str:
        return f"<VuerSession {self.CURRENT_WS_ID}>"

    @property
    def ws_id(self) -> str:
        return self.CURRENT_WS_ID

    @property
    def socket(self) -> web.WebSocketResponse | None:
        """The aiohttp websocket of this client (``await session.socket.close()`` ends it)."""
        return self._ws

    @property
    def closed(self) -> bool:
        return self._closed.is_set()

    @property
    def cut_off(self) -> bool:
        """True once the socket is gone or going (closed, or cut off for memory)."""
        return self._closed.is_set() or self._outbox.closed

    # ---- scene operations -------------------------------------------------
    # Each ``At`` is made on first use and kept (``cached_property``): after that
    # ``session.update`` is a plain attribute read, and it runs once per update.

    @cached_property
    def set(self) -> At:
        """``session.set @ Scene(...)``: replace the client's whole scene."""
        return At(self._set)

    @cached_property
    def add(self) -> At:
        """``session.add @ el | [els]`` or ``session.add(el, to="parentKey")``."""
        return At(self._add)

    @cached_property
    def update(self) -> At:
        """``session.update @ el | [els]``; ``update(el, strict=True)`` replaces props."""
        return At(self._update)

    @cached_property
    def upsert(self) -> At:
        """``session.upsert @ el``; ``upsert(el, to=..., strict=...)``."""
        return At(self._upsert)

    @cached_property
    def remove(self) -> At:
        """``session.remove @ "key" | ["k1", "k2"]``."""
        return At(self._remove)

    def _set(self, scene: Any) -> None:
        root = scene._wire() if isinstance(scene, Element) else to_wire(scene)
        if not isinstance(root, dict):
            raise TypeError(f"session.set takes a Scene, got {type(scene).__name__}")
        self._push(wire.set_message(root, now_ms()))

    def _add(self, element: Any, to: str | None = None) -> None:
        _check_parent(to, "add")
        nodes = _wire_nodes(element, "add", copy=False)
        self._push(wire.add_message(nodes, to, now_ms()))

    def _upsert(self, element: Any, to: str | None = None, strict: bool = False) -> None:
        _check_parent(to, "upsert")
        nodes = _wire_nodes(element, "upsert", copy=False)
        self._push(wire.upsert_message(nodes, to, bool(strict), now_ms()))

    def _remove(self, keys: Any) -> None:
        self._push(wire.remove_message(_wire_keys(keys), now_ms()))

    def _update(self, element: Any, strict: bool = False) -> None:
        outbox = self._outbox
        if outbox.behind or (self._loop_thread is not None and get_ident() != self._loop_thread):
            # Behind (the nodes may merge by key) or another thread: kept as plain copies.
            return self._push_update(_wire_nodes(element, "update"), bool(strict))
        # The client keeps up, so the message is encoded now and goes out as its own
        # frame: no copy of the props is needed.
        nodes = _wire_nodes(element, "update", copy=False)
        if outbox.closed:
            return self._dropped(wire.UPDATE)
        strict = strict if type(strict) is bool else bool(strict)
        frame = encode_update(nodes, strict, time_ns() // 1_000_000)
        if len(frame) > self._max_frame:
            self._too_big(wire.update_message(nodes, strict, 0), frame)
        outbox.push(wire.UPDATE, frame)
        return None

    def _push_update(self, nodes: list[dict[str, Any]], strict: bool, ts: int = 0) -> None:
        if self._outbox.closed:
            return self._dropped(wire.UPDATE)
        msg = wire.update_message(nodes, strict, ts or now_ms())
        if self._on_loop():
            self._outbox.push_update(nodes, strict, lambda: self._encode(msg))
        else:
            frame = self._encode(msg)
            self._from_thread(self._outbox.push_update, nodes, strict, lambda: frame)

    # ---- sending ----------------------------------------------------------

    def _encode(self, msg: dict[str, Any]) -> bytes:
        frame = encode(msg)
        if len(frame) > self._max_frame:
            self._too_big(msg, frame)
        return frame

    def _too_big(self, msg: dict[str, Any], frame: bytes) -> None:
        raise ValueError(
            f"{msg.get('etype')} message is {len(frame)} bytes, over WEBSOCKET_MAX_SIZE "
            f"({self._max_frame}); send less at once or raise the limit"
        )

    def _push(self, msg: dict[str, Any]) -> None:
        self.push_frame(msg["etype"], self._encode(msg))

    def push_frame(self, etype: str, frame: bytes) -> None:
        """Queue an already encoded message (a msgpack map whose etype is ``etype``)."""
        if self._outbox.closed:
            return self._dropped(etype)
        if self._on_loop():
            self._outbox.push(etype, frame)
        else:
            self._from_thread(self._outbox.push, etype, frame)

    def _on_loop(self) -> bool:
        return self._loop_thread is None or threading.get_ident() == self._loop_thread

    def _from_thread(self, fn: Callable[..., None], *args: Any) -> None:
        # Scene ops called from another thread (a ROS or simulator callback): the
        # message is encoded there, then queued by the loop's thread, in call order.
        assert self._loop is not None
        try:
            self._loop.call_soon_threadsafe(fn, *args)
        except RuntimeError:  # the loop is closed: the server is gone
            self._dropped(args[0] if isinstance(args[0], str) else wire.UPDATE)

    def _dropped(self, etype: Any) -> None:
        self._warn(logging.WARNING, "session %s is closed; %s not sent", self.CURRENT_WS_ID, etype)

    def send(self, event: ServerEvent) -> None:
        """Queue a server event for this client (no ``await`` needed)."""
        if isinstance(event, Frame):
            raise TypeError("Frame events are only for generators bound with app.bind")
        if not isinstance(event, ServerEvent):
            raise TypeError(f"session.send takes a ServerEvent, got {type(event).__name__}")
        msg = event._serialize()
        if msg["etype"] == wire.UPDATE:
            return self._push_update(msg["data"]["nodes"], bool(msg.get("strict")), msg["ts"])
        self._push(msg)

    def __matmul__(self, event: ServerEvent) -> None:
        self.send(event)

    async def flush(self, timeout: float | None = None) -> None:
        """Wait until everything queued so far has been handed to the socket."""
        await asyncio.wait_for(self._outbox.drained(), timeout)

    async def _write(self, frame: bytes) -> None:
        assert self._ws is not None
        await self._ws.send_bytes(frame)
        # aiohttp waits for a full transport only every 64 KiB it wrote itself; the
        # fast path writes around it, so wait here: the writer then counts as behind.
        if self._request is not None and self._request.protocol.writing_paused:
            await self._request.writer.drain()

    def _write_now(self, frame: bytes) -> bool:
        """Write ``frame`` to the socket now if the transport has room (no await)."""
        direct = self._direct or self._direct_target()
        if direct is None:
            return False
        transport, high_water = direct
        size = len(frame)
        if (
            transport.is_closing()
            or self._ws.closed  # type: ignore[union-attr]
            or transport.get_write_buffer_size() + size > high_water
        ):
            return False
        transport.write((_SMALL_HEADERS[size] if size < 126 else ws_frame_header(size)) + frame)
        return True

    def _direct_target(self) -> tuple[asyncio.WriteTransport, int] | None:
        """The transport and its high-water mark, looked up once; None while there is
        no transport or frames are compressed (aiohttp's writer then sends them)."""
        ws, request = self._ws, self._request
        assert ws is not None and request is not None
        transport = request.transport
        if transport is None or ws.compress:
            return None
        self._direct = (transport, transport.get_write_buffer_limits()[1])
        return self._direct

    def _on_overflow(self, msg: str) -> None:
        logger.warning(msg)
        self.abort()

    async def write_loop(self) -> None:
        """Send the outbox until the session closes (the socket loop runs it as a task)."""
        try:
            await self._outbox.run()
        except (ConnectionError, RuntimeError) as e:
            logger.info("session %s: stopped sending: %r", self.CURRENT_WS_ID, e)
            self.abort()
        except Exception:
            logger.exception(
                "session %s: the writer failed; closing the socket", self.CURRENT_WS_ID
            )
            self.abort()

    # ---- memory -----------------------------------------------------------

    def held_bytes(self) -> int:
        """Bytes this session holds: queued to send, handed to the socket, and received."""
        transport = self._request.transport if self._request is not None else None
        buffered = transport.get_write_buffer_size() if transport is not None else 0
        return self._outbox.held_bytes + buffered + self.inbound_bytes

    def drop_for_memory(self, msg: str) -> None:
        """Drop everything queued and abort the socket (the server-wide budget ran out)."""
        logger.warning(msg)
        self._outbox.close()
        self._release_inbound()
        self.abort()

    def _release_inbound(self) -> None:
        self.downlink_queue.clear()
        if self._bound is not None:
            self._bound.inbox.clear()
        self._event_bytes.clear()
        self.inbound_bytes = 0

    def abort(self) -> None:
        """Cut the connection now, without a close handshake (nothing more is sent)."""
        transport = self._request.transport if self._request is not None else None
        if transport is not None:
            transport.abort()
        elif self._ws is not None:
            self.spawn_task(self._ws.close())

    # ---- RPC --------------------------------------------------------------

    def _check_open(self, waiting_for: str = "") -> None:
        if self.closed or self._outbox.closed:
            raise SessionClosed(f"session {self.CURRENT_WS_ID} is closed", waiting_for)

    async def rpc(self, event: ServerRPC, ttl: float | None = 2.0) -> ClientEvent:
        """Send ``event`` and return the client's answer.

        Raises ``asyncio.TimeoutError`` after ``ttl`` seconds without one, and
        ``SessionClosed`` (a ``ConnectionError``) if the client goes away first.
        """
        if not isinstance(event, ServerRPC):
            raise TypeError(f"session.rpc takes a ServerRPC, got {type(event).__name__}")
        self._check_open(f"the answer to {event.etype}")
        if ttl is not None:  # the client answers {"error"} before then if it cannot handle it
            event.__dict__.setdefault("ttl", ttl)
        rtype = event.rtype
        future: asyncio.Future[ClientEvent] = asyncio.get_running_loop().create_future()
        self._rpcs[rtype] = future
        try:
            self.send(event)
            return await asyncio.wait_for(future, ttl)
        finally:
            self._rpcs.pop(rtype, None)

    async def rpc_stream(self, event: ServerRPC, ttl: float | None = 10.0) -> AsyncIterator[Any]:
        """Send ``event`` and yield each answer (a ``ClientEvent``) as it comes.

        Ends when the client sends an answer with ``"done": true`` (its value,
        when present, is yielded first) or ``ttl`` seconds after the call.
        Raises ``SessionClosed`` if the client goes away.
        """
        if not isinstance(event, ServerRPC):
            raise TypeError(f"session.rpc_stream takes a ServerRPC, got {type(event).__name__}")
        self._check_open(f"the answers to {event.etype}")
        loop = asyncio.get_running_loop()
        deadline = None if ttl is None else loop.time() + ttl
        stream = _Stream(self.queue_len * 10)
        rtype = event.rtype
        self._streams[rtype] = stream
        try:
            self.send(event)
            while True:
                while stream.items:
                    yield stream.items.popleft()
                if stream.done:
                    return
                self._check_open(f"the answers to {event.etype}")
                stream.wake.clear()
                timeout = None if deadline is None else deadline - loop.time()
                if timeout is not None and timeout <= 0:
                    logger.debug("rpc_stream %s: ttl reached", rtype)
                    return
                try:
                    await asyncio.wait_for(stream.wake.wait(), timeout)
                except asyncio.TimeoutError:
                    logger.debug("rpc_stream %s: ttl reached", rtype)
                    return
        finally:
            self._streams.pop(rtype, None)

    async def grab_render(self, ttl: float = 2.0, **kwargs: Any) -> ClientEvent:
        """Ask the client for a render (``quality``, ``subsample``, ``key``, ``renderDepth``…).

        Returns the answer: ``event.value["frame"]`` holds JPEG or PNG bytes.
        """
        return await self.rpc(GrabRender(**kwargs), ttl=ttl)

    async def get_webxr_mesh(self, key: str = "webxr-mesh", ttl: float = 2.0) -> ClientEvent:
        """Ask the client for the meshes its WebXR session detected."""
        return await self.rpc(GetWebXRMesh(key=key), ttl=ttl)

    async def till(self, etype: str, timeout: float | None = None) -> ClientEvent:
        """Wait for the next client event of type ``etype`` (``INIT`` returns at once once seen)."""
        if etype == wire.INIT and self.init_event is not None:
            return self.init_event
        self._check_open(f"a {etype} event")
        future: asyncio.Future[ClientEvent] = asyncio.get_running_loop().create_future()
        self._waiters.setdefault(etype, []).append(future)
        try:
            return await asyncio.wait_for(future, timeout)
        finally:
            waiters = self._waiters.get(etype)
            if waiters is not None and future in waiters:
                waiters.remove(future)
                if not waiters:
                    del self._waiters[etype]

    async def forever(self) -> None:
        """Keep the session alive until the client disconnects."""
        await self._closed.wait()

    # ---- inbound queue ----------------------------------------------------

    def popleft(self) -> ClientEvent | None:
        """The oldest queued client event, or None."""
        return self.downlink_queue.popleft() if self.downlink_queue else None

    def pop(self) -> ClientEvent | None:
        """The newest queued client event, or None."""
        return self.downlink_queue.pop() if self.downlink_queue else None

    def clear(self) -> None:
        """Forget all queued client events."""
        self.downlink_queue.clear()

    def stream(self) -> Iterator[ClientEvent]:
        """Iterate over the queued client events (oldest first) without removing them."""
        yield from list(self.downlink_queue)

    # ---- tasks ------------------------------------------------------------

    def spawn_task(self, task: Any, name: str | None = None) -> asyncio.Task[Any]:
        """Run a coroutine (or a coroutine function) as a task tied to this session.

        It is cancelled when the client disconnects; an exception is logged.
        """
        return self._tasks.spawn(task, name)

    async def _run_callable(self, what: str, fn: Callable[..., Any], *args: Any) -> None:
        try:
            result = fn(*args)
            if inspect.isawaitable(result):
                await result
        except asyncio.CancelledError:
            raise
        except Exception:
            logger.exception("%s %s raised (session %s)", what, _name(fn), self.CURRENT_WS_ID)

    def start_main(self, fn: Callable[[VuerSession], Awaitable[Any]]) -> None:
        """Run a spawn handler; when it ends, send what it queued and close the socket.

        A handler that raises closes the socket with code 1011 and the error's
        type and message as the reason: the page shows it and backs off.
        """

        async def main() -> None:
            name = _name(fn)
            try:
                result = fn(self)
                if inspect.isawaitable(result):
                    await result
            except asyncio.CancelledError:
                raise
            except SessionClosed as e:
                waited = e.waiting_for or "the page"
                logger.info(
                    "session %s: %s stopped: the page went away while it waited for %s",
                    self.CURRENT_WS_ID,
                    name,
                    waited,
                )
                return
            except Exception as e:
                self._dispatcher.main_failed(name, e, self.CURRENT_WS_ID)
                await self.close(code=1011, reason=_close_reason(e))
                return
            if not self.closed:
                self._dispatcher.main_returned(name)
            await self.close()

        self.spawn_task(main(), name=f"spawn:{_name(fn)}")

    async def close(self, flush_timeout: float = 5.0, code: int = 1000, reason: str = "") -> None:
        """Send what is queued (waiting at most ``flush_timeout`` s), then close the socket."""
        if self.closed or self._ws is None:
            return
        try:
            await asyncio.wait_for(self._outbox.drained(), flush_timeout)
        except asyncio.TimeoutError:
            logger.warning("session %s: could not flush before closing", self.CURRENT_WS_ID)
            self.abort()
            return
        await self._ws.close(code=code, message=reason.encode())

    # ---- inbound dispatch (called by the server's reader) ------------------

    def receive(self, event: ClientEvent, nbytes: int = 0) -> None:
        """Dispatch one client event; ``nbytes`` is the size of the frame it came in."""
        if nbytes:
            self._event_bytes[event] = nbytes
        etype = event.etype
        if wire.is_response(etype):
            future = self._rpcs.get(etype)
            if future is not None:
                if not future.done():
                    future.set_result(event)
                return
            stream = self._streams.get(etype)
            if stream is not None:
                self._feed_stream(stream, event)
                return
            self._warn(
                logging.INFO,
                "session %s: answer %s matches no pending RPC",
                self.CURRENT_WS_ID,
                preview(etype, 120),
            )
        waiters = self._waiters.pop(etype, None)
        for future in waiters or ():
            if not future.done():
                future.set_result(event)
                self._handled.add(event)
        if etype == wire.INIT and self.init_event is None:
            self.init_event = event
            self.client_info = event.value if isinstance(event.value, dict) else {}
            self._handled.add(event)  # kept as init_event
            self._dispatcher.client_ready(self)
        for fn in self._dispatcher.handlers_for(etype):
            self.spawn_task(self._run_callable(f"handler for {etype}", fn, event, self))
            self._handled.add(event)
        held = self._enqueue(self.downlink_queue, event, "inbound queue")
        if self._bound is not None:
            held += self._enqueue(self._bound.inbox, event, "bound generator's queue")
            self._bound.wake.set()
        self.inbound_bytes = held
        if self._event_bytes.get(event):
            self._dispatcher.check_memory()

    def _enqueue(self, queue: deque[ClientEvent], event: ClientEvent, what: str) -> int:
        """Append ``event``, dropping the oldest past ``queue_len`` or ``queue_max_bytes``;
        return the bytes the queue then holds."""
        sizes = self._event_bytes
        size = sizes.get(event, 0)
        held = sum(sizes.get(e, 0) for e in queue) if sizes else 0
        dropped = 0  # only those no handler or waiter took: the others were delivered
        while queue and (held + size > self.queue_max_bytes or len(queue) == queue.maxlen):
            oldest = queue.popleft()
            held -= sizes.get(oldest, 0)
            dropped += oldest not in self._handled
        if dropped:
            self._warn(
                logging.WARNING,
                "session %s: %s is full (queue_len=%d, queue_max_bytes=%d); "
                "dropped the %d oldest event(s) that no handler took",
                self.CURRENT_WS_ID,
                what,
                queue.maxlen or 0,
                self.queue_max_bytes,
                dropped,
            )
        queue.append(event)
        return held + size

    def _feed_stream(self, stream: _Stream, event: ClientEvent) -> None:
        done = bool(getattr(event, "done", False))
        if not done or "value" in event.__dict__:
            if len(stream.items) >= stream.limit:
                self._warn(logging.WARNING, "rpc_stream answers unread; dropping the oldest")
                stream.items.popleft()
            stream.items.append(event)
        stream.done = stream.done or done
        stream.wake.set()

    # ---- bound generator (the older ``app.bind`` form) ---------------------

    def start_bound(self, fn: Callable[[VuerSession], Any]) -> None:
        """Drive the generator ``fn(session)`` bound with ``app.bind``."""
        self._bound = BoundGenerator(self, fn)
        self.spawn_task(self._bound.run(), name=f"bind:{_name(fn)}")

    # ---- teardown ----------------------------------------------------------

    def shutdown(self) -> None:
        """The socket is gone: fail pending RPCs, cancel this session's tasks."""
        if self._closed.is_set():
            return
        self._closed.set()
        self._outbox.close()
        gone = f"session {self.CURRENT_WS_ID} disconnected"
        futures = [
            (f"the answer to {wire.request_of(rtype)}", f) for rtype, f in self._rpcs.items()
        ]
        for etype, waiters in self._waiters.items():
            futures += [(f"a {etype} event", f) for f in waiters]
        for waiting_for, future in futures:
            if not future.done():
                future.set_exception(SessionClosed(f"{gone} ({waiting_for})", waiting_for))
                future.exception()  # its awaiter may be cancelled below: no "never retrieved"
        for stream in self._streams.values():
            stream.wake.set()
        self._release_inbound()
        self._tasks.cancel_all(keep=asyncio.current_task())


def _close_reason(error: BaseException) -> str:
    """``Type: message`` cut to the 123 bytes a close frame's reason may hold."""
    text = f"{type(error).__name__}: {error}".strip().rstrip(":")
    data = text.encode()
    if len(data) > 123:
        text = data[:120].decode(errors="ignore") + "..."
    return text


# Headers of the small frames (an update is ~60 bytes), built once.
_SMALL_HEADERS = tuple(struct.pack("!BB", 0x82, size) for size in range(126))


def ws_frame_header(size: int) -> bytes:
    """The header of one final, unmasked binary websocket frame (RFC 6455 5.2)."""
    if size < 126:
        return _SMALL_HEADERS[size]
    if size < 65536:
        return struct.pack("!BBH", 0x82, 126, size)
    return struct.pack("!BBQ", 0x82, 127, size)


def _name(fn: Any) -> str:
    return getattr(fn, "__qualname__", None) or getattr(fn, "__name__", None) or repr(fn)
