"""Turn one websocket frame from a client into a ``ClientEvent``, or say why not."""

from __future__ import annotations

from typing import Any

from vuer.events import ClientEvent
from vuer.serdes import decode


class BadFrame(ValueError):
    """A client frame that cannot become an event; the message says why."""


def parse_client_frame(data: Any) -> ClientEvent:
    """Decode and validate ``{"etype": str, "ts"?: number, "key"?: str, "value"?: any}``."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise BadFrame(f"expected a binary frame, got {type(data).__name__}")
    try:
        payload = decode(bytes(data))
    except ValueError as e:
        raise BadFrame(str(e)) from None
    if not isinstance(payload, dict):
        raise BadFrame(f"expected a msgpack map, got {type(payload).__name__}")
    etype = payload.get("etype")
    if not isinstance(etype, str) or not etype:
        raise BadFrame(f"'etype' must be a non-empty string, got {etype!r:.80}")
    ts = payload.get("ts")
    if ts is not None and (isinstance(ts, bool) or not isinstance(ts, (int, float))):
        raise BadFrame(f"{etype}: 'ts' must be a number, got {type(ts).__name__}")
    key = payload.get("key")
    if key is not None and not isinstance(key, str):
        raise BadFrame(f"{etype}: 'key' must be a string, got {type(key).__name__}")
    if not all(isinstance(k, str) and not k.startswith("_") for k in payload):
        raise BadFrame(f"{etype}: field names must be strings not starting with '_'")
    return ClientEvent(**payload)
