"""Events: what travels on the socket, in both directions.

Server events (``Set``, ``Add``, ``Update`` …) become one msgpack map
``{"etype", "ts", "data", …}`` each; ``ts`` is an int in milliseconds since the
epoch. Client events arrive as ``{"etype", "ts"?, "key"?, "value"}`` and become
``ClientEvent`` objects whose attributes are the keys of that map.
"""

from __future__ import annotations

import time
from typing import Any, ClassVar
from uuid import uuid4

from vuer import protocol as wire
from vuer.schemas.base import to_wire

__all__ = [
    "END",
    "INIT",
    "NOOP",
    "NULL",
    "Add",
    "ClientEvent",
    "End",
    "Event",
    "Frame",
    "GetWebXRMesh",
    "GrabRender",
    "HapticActuatorPulse",
    "InitEvent",
    "MjRender",
    "MjStep",
    "Noop",
    "NullEvent",
    "Remove",
    "ServerEvent",
    "ServerRPC",
    "Set",
    "Update",
    "Upsert",
    "now_ms",
    "wire_ts",
]


def now_ms() -> int:
    """Milliseconds since the epoch, as the wire carries timestamps."""
    return time.time_ns() // 1_000_000


def _now_ms_float() -> float:
    return time.time() * 1000.0


# Below this a float ts is seconds (older scripts pass time.time()); 1e11 ms is 1973.
_SECONDS_LIMIT = 1e11


def wire_ts(ts: Any) -> Any:
    """``ts`` as the wire carries it: int milliseconds (floats in seconds are converted)."""
    if isinstance(ts, float):
        return int(ts * 1000) if abs(ts) < _SECONDS_LIMIT else int(ts)
    return ts


class Event:
    """Base of all events; ``event == "ETYPE"`` compares the event type."""

    etype: ClassVar[str] = wire.EVENT
    ts: Any

    def __eq__(self, other: object) -> bool:
        if isinstance(other, str):
            return self.etype == other
        return self is other

    def __ne__(self, other: object) -> bool:
        return not self.__eq__(other)

    __hash__ = object.__hash__


class ClientEvent(Event):
    """An event received from a client; its attributes are the wire map's keys.

    ``etype``, ``value``, ``key`` and ``ts`` are always present (``key`` and
    ``value`` default to ``None``; a missing ``ts`` is the time of arrival).
    """

    etype: ClassVar[str] = wire.CLIENT_EVENT  # instances set their own from the wire map
    value: Any = None
    key: str | None = None

    def __init__(self, ts: Any = None, **kwargs: Any) -> None:
        self.ts = _now_ms_float() if ts is None else ts  # float ms, as upstream's docs say
        self.__dict__.update(kwargs)

    @classmethod
    def _deserialize(cls, *, etype: str, ts: Any = None, **kwargs: Any) -> ClientEvent:
        return ClientEvent(etype=etype, ts=ts, **kwargs)

    def _serialize(self) -> dict[str, Any]:
        out = {k: v for k, v in self.__dict__.items() if not k.startswith("_")}
        out["etype"] = self.etype
        out["ts"] = wire_ts(out.get("ts"))
        out["value"] = to_wire(self.value)
        return out

    def __repr__(self) -> str:
        return f"client<{self.etype}>({self.value!r:.200})"


class InitEvent(ClientEvent):
    """The first message of every client.

    As upstream, the class's ``etype`` reads ``Init``; it compares equal to
    both spellings and goes on the wire as ``INIT``, the real event type.
    """

    etype = wire.INIT_CLASS

    def __eq__(self, other: object) -> bool:
        if isinstance(other, str):
            return other in (wire.INIT_CLASS, wire.INIT)
        return self is other

    __hash__ = object.__hash__

    def _serialize(self) -> dict[str, Any]:
        out = super()._serialize()
        out["etype"] = wire.INIT
        return out


INIT = InitEvent()


class NullEvent(ClientEvent):
    """Sent into a bound generator between frames, when no client event is due."""

    etype = wire.NULL


NULL = NullEvent()


class ServerEvent(Event):
    """An event sent to the client: ``etype``, ``ts`` (int ms), ``data``, plus extra fields."""

    etype: ClassVar[str] = wire.SERVER_EVENT

    def __init__(self, data: Any = None, ts: float | None = None, **kwargs: Any) -> None:
        self.ts = _now_ms_float() if ts is None else ts  # float ms; int ms on the wire
        self.data = data
        self.__dict__.update(kwargs)

    def _wire_data(self) -> Any:
        return to_wire(self.data)

    def _serialize(self) -> dict[str, Any]:
        out = {k: v for k, v in self.__dict__.items() if not k.startswith("_")}
        out["etype"] = self.etype
        out["ts"] = wire_ts(out.get("ts"))
        out["data"] = self._wire_data()
        return out

    def __repr__(self) -> str:
        return f"server<{self.etype}>({self.data!r:.200})"


class Noop(ServerEvent):
    """Nothing to send (used by bound generators)."""

    etype = wire.NOOP

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(None, **kwargs)


NOOP = Noop()


class Set(ServerEvent):
    """Replace the client's whole scene with ``data`` (a ``Scene``)."""

    etype = wire.SET

    def __init__(self, data: Any, **kwargs: Any) -> None:
        super().__init__(data, **kwargs)


def _nodes(elements: Any) -> list[Any]:
    # Accept both Add(a, b) and Add([a, b]) (the wire always gets a flat list).
    if isinstance(elements, (list, tuple)):
        if len(elements) == 1 and isinstance(elements[0], (list, tuple)):
            return list(elements[0])
        return list(elements)
    return [elements]


def _wire_nodes(data: dict[str, Any]) -> list[Any]:
    return [to_wire(n) for n in _nodes(data["nodes"])]


class Update(ServerEvent):
    """Merge the props of each node into the existing node with its key (``strict``: replace)."""

    etype = wire.UPDATE

    def __init__(self, *elements: Any, strict: bool = False, **kwargs: Any) -> None:
        super().__init__({"nodes": elements}, strict=bool(strict), **kwargs)

    def _wire_data(self) -> Any:
        return {"nodes": _wire_nodes(self.data)}


class Add(ServerEvent):
    """Append nodes to the children of ``to`` (the root when ``to`` is None)."""

    etype = wire.ADD

    def __init__(self, *elements: Any, to: str | None = None, **kwargs: Any) -> None:
        super().__init__({"nodes": elements, "to": to}, **kwargs)

    def _wire_data(self) -> Any:
        return {"nodes": _wire_nodes(self.data), "to": self.data["to"]}


class Upsert(ServerEvent):
    """``Update`` for keys that exist, ``Add`` to ``to`` for the rest."""

    etype = wire.UPSERT

    def __init__(
        self, *elements: Any, to: str | None = None, strict: bool = False, **kwargs: Any
    ) -> None:
        data = {"nodes": elements, "to": to, "strict": bool(strict)}
        super().__init__(data, strict=bool(strict), **kwargs)

    def _wire_data(self) -> Any:
        # strict travels at the top level, as for UPDATE (upstream dropped it)
        return {"nodes": _wire_nodes(self.data), "to": self.data["to"]}


class Remove(ServerEvent):
    """Remove the nodes with these keys (and their subtrees)."""

    etype = wire.REMOVE

    def __init__(self, *keys: Any, **kwargs: Any) -> None:
        super().__init__({"keys": keys}, **kwargs)

    def _wire_data(self) -> Any:
        return {"keys": [str(k) for k in _nodes(self.data["keys"])]}


class HapticActuatorPulse(ServerEvent):
    """Vibrate the XR controllers once: ``session.send(HapticActuatorPulse(left=...))``.

    ``left`` / ``right`` are ``{"strength": 0..1, "duration": ms}`` or ``None``
    (that side stays still). The client pulses the running XR session's
    controller on each given side once per event, however many
    ``MotionControllers`` are in the scene; outside a session, or on a hand
    without a controller, nothing happens. ``MotionControllers``' ``pulseLeftHash``
    / ``pulseRightHash`` props do the same from the scene (see ``docs/xr.md``).
    """

    etype = wire.HAPTIC_ACTUATOR_PULSE

    def __init__(
        self,
        left: dict[str, float] | None = None,
        right: dict[str, float] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__({"left": _pulse("left", left), "right": _pulse("right", right)}, **kwargs)


def _pulse(side: str, pulse: Any) -> dict[str, float] | None:
    """A checked ``{"strength", "duration"}`` (strength clipped to 0..1), or None."""
    if pulse is None:
        return None
    if not isinstance(pulse, dict) or not {"strength", "duration"} <= pulse.keys():
        raise ValueError(
            f"HapticActuatorPulse {side}= takes {{'strength': 0..1, 'duration': ms}}, got {pulse!r}"
        )
    strength, duration = pulse["strength"], pulse["duration"]
    for name, value in (("strength", strength), ("duration", duration)):
        if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
            raise ValueError(f"HapticActuatorPulse {side}.{name} must be a number, got {value!r}")
    if duration < 0:
        raise ValueError(f"HapticActuatorPulse {side}.duration must be >= 0 ms, got {duration!r}")
    return {"strength": min(1, max(0, strength)), "duration": duration}


class Frame(ServerEvent):
    """Bind form only: send ``data`` now, then wait ``1 / frame_rate`` s for the next yield."""

    etype = wire.FRAME

    def __init__(self, data: ServerEvent, frame_rate: float = 60.0, **kwargs: Any) -> None:
        super().__init__(data, **kwargs)
        self.frame_rate = frame_rate


class End(ServerEvent):
    """The server ends the session."""

    etype = wire.TERMINATE

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(None, **kwargs)


END = End()


class ServerRPC(ServerEvent):
    """An event that expects an answer with etype ``protocol.response_etype(etype, uuid)``."""

    etype = wire.RPC
    uuid: str

    def __init__(self, data: Any = None, uuid: str | None = None, **kwargs: Any) -> None:
        super().__init__(data, **kwargs)
        self.uuid = uuid or str(uuid4())

    @property
    def rtype(self) -> str:
        """The etype of the client's answer."""
        return wire.response_etype(self.etype, self.uuid)


class _KeyedRPC(ServerRPC):
    default_key: ClassVar[str] = "DEFAULT"

    def __init__(self, *, key: str | None = None, uuid: str | None = None, **options: Any):
        super().__init__(data=options, uuid=uuid)
        self.key = self.default_key if key is None else key


class GrabRender(_KeyedRPC):
    """Ask the client for a rendered frame of the view with ``key`` (options go in ``data``)."""

    etype = wire.GRAB_RENDER


class MjStep(_KeyedRPC):
    """Step a MuJoCo simulation running in the client."""

    etype = wire.MJ_STEP


class MjRender(_KeyedRPC):
    """Render a MuJoCo simulation running in the client."""

    etype = wire.MJ_RENDER


class GetWebXRMesh(_KeyedRPC):
    """Ask the client for the meshes its WebXR session detected."""

    etype = wire.GET_WEBXR_MESH
    default_key = "webxr-mesh"
