"""The scene a client renders, kept as plain maps and updated per docs/protocol.md."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

logger = logging.getLogger("vuer.testing")

CHILD_LISTS = ("children", "bgChildren", "rawChildren", "htmlChildren")


class SceneStore:
    """The client's scene tree: ``root`` is the map of the last SET, or None."""

    def __init__(self) -> None:
        self.root: dict[str, Any] | None = None
        self._index: dict[str, dict[str, Any]] | None = None

    # ---- lookup -------------------------------------------------------------

    def _walk(self) -> Iterator[tuple[dict[str, Any], list[Any] | None]]:
        """Every node with the list that holds it (None for the root)."""
        if self.root is None:
            return
        stack: list[tuple[dict[str, Any], list[Any] | None]] = [(self.root, None)]
        while stack:
            node, holder = stack.pop()
            yield node, holder
            for name in CHILD_LISTS:
                children = node.get(name)
                if isinstance(children, list):
                    stack.extend((c, children) for c in children if isinstance(c, dict))

    def _nodes(self) -> dict[str, dict[str, Any]]:
        if self._index is None:
            index: dict[str, dict[str, Any]] = {}
            for node, _ in self._walk():
                key = node.get("key")
                if isinstance(key, str):
                    index.setdefault(key, node)
            self._index = index
        return self._index

    def find(self, key: str) -> dict[str, Any] | None:
        """The node with this key, anywhere in the tree."""
        return self._nodes().get(key)

    def keys(self) -> set[str]:
        return set(self._nodes())

    def _holder(self, key: str) -> list[Any] | None:
        for node, holder in self._walk():
            if node.get("key") == key:
                return holder
        return None

    # ---- operations ---------------------------------------------------------

    def apply(self, msg: dict[str, Any]) -> None:
        """Apply one server message; messages that are not scene ops are ignored."""
        etype = msg.get("etype")
        data = msg.get("data")
        if etype == "SET":
            if isinstance(data, dict):
                self.root = data
                self._index = None
            return
        if not isinstance(data, dict):
            return
        if etype == "REMOVE":
            for key in data.get("keys") or []:
                self._remove(key)
            return
        nodes = [n for n in data.get("nodes") or [] if isinstance(n, dict)]
        strict = bool(msg.get("strict"))
        if etype == "ADD":
            self._add(nodes, data.get("to"))
        elif etype == "UPDATE":
            for node in nodes:
                self._update(node, strict)
        elif etype == "UPSERT":
            new = [n for n in nodes if not self._update(n, strict)]
            if new:
                self._add(new, data.get("to"))

    def _add(self, nodes: list[dict[str, Any]], to: Any) -> None:
        if self.root is None:
            logger.warning("ADD before any SET: nothing to add to")
            return
        parent = self.root if to is None else self.find(to)
        if parent is None:
            logger.warning("ADD to unknown key %r: nothing added", to)
            return
        for node in nodes:
            key = node.get("key")
            old = self.find(key) if isinstance(key, str) else None
            if isinstance(key, str) and old is not None:  # an existing key: replaced in place
                holder = self._holder(key)
                if holder is not None:
                    holder[holder.index(old)] = node
                    self._index = None
                    continue
            children = parent.get("children")
            if not isinstance(children, list):
                children = parent["children"] = []
            children.append(node)
            self._index = None

    def _update(self, node: dict[str, Any], strict: bool) -> bool:
        key = node.get("key")
        target = self.find(key) if isinstance(key, str) else None
        if target is None:
            return False
        if strict:
            kept = {n: target[n] for n in ("tag", *CHILD_LISTS) if n in target and n not in node}
            target.clear()
            target.update(kept)
        target.update(node)
        if (
            "children" in node
            or "bgChildren" in node
            or "rawChildren" in node
            or "htmlChildren" in node
        ):
            self._index = None
        return True

    def _remove(self, key: Any) -> None:
        holder = self._holder(key) if isinstance(key, str) else None
        if holder is None:
            return
        holder[:] = [c for c in holder if not (isinstance(c, dict) and c.get("key") == key)]
        self._index = None
