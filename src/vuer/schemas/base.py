"""The scene-tree node every component derives from.

An element is a tag, a key, props and children. Props are the instance's
public attributes, so ``box.position = [0, 1, 0]; session.update @ box``
sends the new position. ``_serialize`` turns the tree into the plain map the
client renders; heavy arrays are turned into bytes by their own component
before they get here, so this stays a shallow walk. ``_wire`` is the same map
for a message encoded at once: prop values are left as they are for the
packer, whose converter (``serdes.wire_value``) gives the same bytes without
a copy.
"""

from __future__ import annotations

from itertools import count
from typing import Any, ClassVar

import numpy as np

from vuer.schemas._textures import material_textures
from vuer.schemas._validate import check_props
from vuer.serdes import to_wire

__all__ = ["BlockElement", "Element", "to_wire"]

_counter = count()


class Element:
    """Base of every scene and HTML element: a ``tag``, a ``key`` and props.

    ``key`` defaults to a string unique within this process. Keyword arguments
    become props; attributes whose name starts with ``_`` never go on the wire.
    """

    tag: ClassVar[str] = "div"
    key: str
    # Props serialized by a subclass itself (children lists), skipped by the generic walk.
    _nested: ClassVar[frozenset[str]] = frozenset()
    # Whether positional children are accepted (``BlockElement``).
    _block: ClassVar[bool] = False
    # Props holding asset locations, turned into URLs by ``_urls`` (``SceneElement``).
    _url_props: ClassVar[tuple[str, ...]] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # A class that builds its own map (packing arrays, extra child lists) is
        # encoded through that map; only the generic walk may skip the copy.
        if "_serialize" in cls.__dict__ and "_wire" not in cls.__dict__:
            cls._wire = cls._serialize  # type: ignore[method-assign]

    # One constructor for the whole hierarchy (children, URLs, key, props): each
    # extra ``super().__init__(**props)`` layer re-packs the keywords, and
    # elements are built once per scene operation.
    def __init__(self, *children: Any, key: str | None = None, **props: Any) -> None:
        if children:
            if not self._block:
                raise TypeError(f"{type(self).__name__}() takes no positional children")
            props["children"] = list(children)
        if self._url_props:
            self._urls(props)
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

    def _urls(self, props: dict[str, Any]) -> None:
        """Turn the ``_url_props`` of ``props`` into URLs (a subclass's concern)."""

    def _serialize(self) -> dict[str, Any]:
        # The plain deep copy of the generic map (named, not ``self._wire``: a class
        # that builds its own map has ``_wire`` set to its ``_serialize``).
        return to_wire(Element._wire(self))

    def _wire(self) -> dict[str, Any]:
        """The map of ``_serialize`` for a message encoded right away: values are
        not copied or converted here (the packer converts them), so nothing kept
        from it may outlive the call."""
        out: dict[str, Any] = {"tag": self.tag}
        nested = self._nested
        for name, value in self.__dict__.items():
            if name[0] != "_" and name not in nested:
                if name == "material" and type(value) is dict:
                    value = material_textures(type(self).__name__, value)
                out[name] = value
        if self._block:
            children = self.__dict__.get("children")
            # Sent whenever set, even empty: an UPDATE with ``children=[]`` clears them.
            if children is not None:
                out["children"] = children
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
    _block: ClassVar[bool] = True
