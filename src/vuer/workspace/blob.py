"""``Blob``: an in-memory HTTP body with its content type."""

from __future__ import annotations

import json as _json
from dataclasses import dataclass
from typing import Any

__all__ = ["Blob"]


@dataclass
class Blob:
    """Exactly one of ``data`` (bytes), ``text`` or ``json`` (any JSON value).

    ``content_type`` defaults to ``application/octet-stream``, ``text/plain``
    or ``application/json`` respectively.
    """

    data: bytes | None = None
    text: str | None = None
    json: Any = None
    content_type: str | None = None

    def __post_init__(self) -> None:
        given = [n for n in ("data", "text", "json") if getattr(self, n) is not None]
        if len(given) != 1:
            raise ValueError(f"Blob takes exactly one of data, text or json; got {given or 'none'}")
        if self.data is not None and not isinstance(self.data, (bytes, bytearray, memoryview)):
            raise TypeError(f"Blob(data=...) must be bytes, got {type(self.data).__name__}")
        if self.text is not None and not isinstance(self.text, str):
            raise TypeError(f"Blob(text=...) must be a str, got {type(self.text).__name__}")
        if self.content_type is None:
            self.content_type = (
                "application/octet-stream"
                if self.data is not None
                else "text/plain"
                if self.text is not None
                else "application/json"
            )

    def as_bytes(self) -> bytes:
        """The body as bytes (text in UTF-8, json compact)."""
        if self.data is not None:
            return bytes(self.data)
        if self.text is not None:
            return self.text.encode("utf-8")
        return _json.dumps(self.json).encode("utf-8")
