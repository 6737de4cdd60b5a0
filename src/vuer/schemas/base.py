"""The scene-tree node every component derives from.

An element is a tag, a key, props and children. Props are the instance's
public attributes, so ``box.position = [0, 1, 0]; session.update @ box``
sends the new position. ``_serialize`` turns the tree into the plain map the
client renders; heavy arrays are turned into bytes by their own component
before they get here, so this stays a shallow walk.
"""

from __future__ import annotations

from itertools import count
from pathlib import PurePath
from typing import Any, ClassVar

import numpy as np

from vuer.schemas._textures import material_textures
from vuer.schemas._validate import check_props

_counter = count()
_PLAIN = (str, int, float, bool, type(None), bytes)


def to_wire(value: Any) -> Any:
    """Convert one prop value into something msgpack encodes natively.

    numpy arrays become lists through ``tolist`` (one C call, no Python loop);
    payloads that must travel as bytes are converted by their component.
    """
    if isinstance(value, _PLAIN):
        return value
    if isinstance(value, Element):
        return value._serialize()
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, (list, tuple)):
        return [to_wire(v) for v in value]
    if isinstance(value, dict):
        return {k: to_wire(v) for k, v in value.items()}
    if isinstance(value, PurePath):
        return value.as_posix()
    if isinstance(value, memoryview):
        # Packed arrays travel as views of their buffer; msgpack copies them once.
        return value if value.c_contiguous else value.tobytes()
    if isinstance(value, bytearray):
        return bytes(value)
    if isinstance(value, (set, frozenset)):
        return [to_wire(v) for v in value]
    # URL-like objects (yarl.URL, pydantic urls, …) render as their string.
    if type(value).__name__ in ("URL", "Url", "AnyUrl", "HttpUrl"):
        return str(value)
    return value


class Element:
    """Base of every scene and HTML element: a ``tag``, a ``key`` and props.

    ``key`` defaults to a string unique within this process. Keyword arguments
    become props; attributes whose name starts with ``_`` never go on the wire.
    """

    tag: ClassVar[str] = "div"
    key: str
    # Props serialized by a subclass itself (children lists), skipped by the generic walk.
    _nested: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, *, key: str | None = None, **props: Any) -> None:
        if key is None:
            # A class may fix a well-known key (``OrbitControls.key``); else a unique one.
            key = self.__dict__.get("key") or getattr(type(self), "key", None)
            if key is None:
                key = f"{type(self).__name__}-{next(_counter)}"
        elif not isinstance(key, str):
            if not isinstance(key, (int, np.integer)) or isinstance(key, bool):
                raise TypeError(f"{type(self).__name__}: key must be a str, got {key!r:.60}")
            key = str(key)
        self.key = key
        if props:
            check_props(type(self), props)
        self.__dict__.update(props)

    def _serialize(self) -> dict[str, Any]:
        out: dict[str, Any] = {"tag": self.tag}
        nested = self._nested
        for name, value in self.__dict__.items():
            if name[0] != "_" and name not in nested:
                if name == "material" and type(value) is dict:
                    value = material_textures(type(self).__name__, value)
                out[name] = to_wire(value)
        return out

    def serialize(self) -> dict[str, Any]:
        """Alias of ``_serialize`` for code that prefers a public name."""
        return self._serialize()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} key={self.key!r} tag={self.tag!r}>"


class BlockElement(Element):
    """An element with positional children (elements, plain strings or maps)."""

    children: list[Any]
    _nested: ClassVar[frozenset[str]] = frozenset(("children",))

    def __init__(self, *children: Any, **props: Any) -> None:
        if children:
            props["children"] = list(children)
        super().__init__(**props)

    def _serialize(self) -> dict[str, Any]:
        out = super()._serialize()
        children = self.__dict__.get("children")
        # Sent whenever set, even empty: an UPDATE with ``children=[]`` clears them.
        if children is not None:
            out["children"] = [to_wire(c) for c in children]
        return out
