"""Turn one websocket frame from a client into a ``ClientEvent``, or say why not.

Client frames are hostile until proven otherwise. msgpack turns one wire byte
into one Python object (an empty map costs ~64 bytes, a pointer 8 more), so a
frame of S bytes could decode into ~70 S of memory. The decoder here charges
every container msgpack builds, and the scalars inside it, against a budget of
``DECODE_RATIO * S + DECODE_ALLOWANCE`` bytes and stops as soon as it is spent;
it also stops past ``MAX_DEPTH`` levels of nesting. Either way the frame is a
``BadFrame`` and the objects built so far are freed at once.
"""

from __future__ import annotations

import reprlib
from collections import Counter
from sys import getsizeof
from typing import Any

import msgpack

from vuer.events import ClientEvent

#: Decoded objects may take this many times the frame's size (plus the allowance).
DECODE_RATIO = 2
#: Small frames may decode to this much whatever their shape.
DECODE_ALLOWANCE = 1 << 20
#: Nesting deeper than this is refused (nothing the client sends comes close).
MAX_DEPTH = 64

# Bytes charged per scalar element (the object itself; its text/bytes are on the
# wire already). Small ints and 1-char strings are cached by CPython: over-counted.
_SCALAR_COST: dict[type, int] = {
    int: 32,
    float: 24,
    str: 56,
    bytes: 40,
    bool: 0,
    type(None): 0,
    list: 0,  # containers are charged by their own hook
    dict: 0,
}
_OTHER_COST = 64  # ExtType, Timestamp
_KEY_COST = 56  # a map's (interned) string key

_short = reprlib.Repr()
_short.maxlevel = 3
_short.maxstring = 80
_short.maxother = 80


def preview(value: Any, limit: int = 200) -> str:
    """A repr of client data that is bounded in length and depth (safe to log)."""
    try:
        text = _short.repr(value)
    except Exception as e:  # a hostile object: say what it is, not what it holds
        text = f"<{type(value).__name__}: {type(e).__name__}>"
    return text if len(text) <= limit else text[: limit - 3] + "..."


class BadFrame(ValueError):
    """A client frame that cannot become an event; the message says why."""


class _Spent(Exception):
    """The decode budget (memory or depth) ran out."""


class _Budget:
    """msgpack hooks that charge each built container against a byte budget."""

    __slots__ = ("left", "depths")

    def __init__(self, limit: int) -> None:
        self.left = limit
        self.depths: dict[int, int] = {}  # id(container) -> depth, only when > 1

    def _charge(self, container: Any, children: Any, n: int, keys: int) -> None:
        cost = getsizeof(container) + keys * _KEY_COST
        nested = False
        if n <= 32:  # the common case: a plain loop is cheaper than a Counter
            for child in children:
                kind = type(child)
                if kind is list or kind is dict:
                    nested = True
                else:
                    cost += _SCALAR_COST.get(kind, _OTHER_COST)
        else:
            for kind, count in Counter(map(type, children)).items():
                if kind is list or kind is dict:
                    nested = True
                else:
                    cost += _SCALAR_COST.get(kind, _OTHER_COST) * count
        self.left -= cost
        if self.left < 0:
            raise _Spent("decoding would take more memory than the frame's size allows")
        if nested:
            depth = 1
            pop = self.depths.pop
            for child in children:
                if type(child) is list or type(child) is dict:
                    depth = max(depth, pop(id(child), 1) + 1)
            if depth > MAX_DEPTH:
                raise _Spent(f"nested deeper than {MAX_DEPTH} levels")
            self.depths[id(container)] = depth
            self.left -= 100  # the depths entry

    def list_hook(self, items: list[Any]) -> list[Any]:
        if not items:
            self.left -= 56
        else:
            self._charge(items, items, len(items), 0)
        return items

    def object_hook(self, mapping: dict[str, Any]) -> dict[str, Any]:
        if not mapping:  # an empty map: the amplifying attack's favourite, kept cheap
            self.left -= 64
            if self.left < 0:
                raise _Spent("decoding would take more memory than the frame's size allows")
        else:
            n = len(mapping)
            self._charge(mapping, mapping.values(), n, n)
        return mapping


def decode_limited(data: bytes) -> Any:
    """Decode one client frame within memory and depth limits scaled to its size."""
    size = len(data)
    limit = DECODE_RATIO * size + DECODE_ALLOWANCE
    budget = _Budget(limit)
    try:
        return msgpack.unpackb(
            data,
            raw=False,
            strict_map_key=True,
            list_hook=budget.list_hook,
            object_hook=budget.object_hook,
            # msgpack allocates a container of the declared length before reading it
            max_array_len=limit // 40,
            max_map_len=limit // 100,
            max_str_len=size,
            max_bin_len=size,
            max_ext_len=size,
        )
    except _Spent as e:
        raise BadFrame(str(e)) from None
    except RecursionError:
        raise BadFrame("nested too deep") from None
    except Exception as e:  # msgpack's own errors, and whatever a malformed frame raises
        if "exceeds max_" in str(e):  # a declared length msgpack would allocate up front
            raise BadFrame(
                f"decoding would take more memory than a {size}-byte frame allows: {e}"
            ) from None
        raise BadFrame(f"malformed msgpack message: {type(e).__name__}: {preview(e)}") from None


def parse_client_frame(data: Any) -> ClientEvent:
    """Decode and validate ``{"etype": str, "ts"?: number, "key"?: str, "value"?: any}``."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise BadFrame(f"expected a binary frame, got {type(data).__name__}")
    payload = decode_limited(data if isinstance(data, bytes) else bytes(data))
    if not isinstance(payload, dict):
        raise BadFrame(f"expected a msgpack map, got {type(payload).__name__}")
    etype = payload.get("etype")
    if not isinstance(etype, str) or not etype:
        raise BadFrame(f"'etype' must be a non-empty string, got {preview(etype, 80)}")
    if len(etype) > 256:
        raise BadFrame(f"'etype' is {len(etype)} characters long: {preview(etype, 80)}")
    ts = payload.get("ts")
    if ts is not None and (isinstance(ts, bool) or not isinstance(ts, (int, float))):
        raise BadFrame(f"{etype}: 'ts' must be a number, got {type(ts).__name__}")
    key = payload.get("key")
    if key is not None and not isinstance(key, str):
        raise BadFrame(f"{etype}: 'key' must be a string, got {type(key).__name__}")
    if not all(isinstance(k, str) and not k.startswith("_") for k in payload):
        raise BadFrame(f"{etype}: field names must be strings not starting with '_'")
    return ClientEvent(**payload)
