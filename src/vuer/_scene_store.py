"""The scene a client renders, kept as plain maps and updated per docs/protocol.md."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

from vuer import protocol as wire

logger = logging.getLogger("vuer.testing")

CHILD_LISTS = ("children", "bgChildren", "rawChildren", "htmlChildren")


class SceneStore:
    """The client's scene tree: ``root`` is the map of the last SET, or None."""

    def __init__(self) -> None:
        self.root: dict[str, Any] | None = None
        self._index: dict[str, tuple[dict[str, Any], list[Any] | None]] | None = None

    # ---- lookup -------------------------------------------------------------
    # The index maps each key to (node, the list holding it); None for the root.
    # Appends and removals keep it current; replacing a subtree rebuilds it lazily.

    @staticmethod
    def _walk(
        top: dict[str, Any], holder: list[Any] | None
    ) -> Iterator[tuple[dict[str, Any], list[Any] | None]]:
        """Every node of the subtree under ``top``, with the list that holds it."""
        stack: list[tuple[dict[str, Any], list[Any] | None]] = [(top, holder)]
        while stack:
            node, held_by = stack.pop()
            yield node, held_by
            for name in CHILD_LISTS:
                children = node.get(name)
                if isinstance(children, list):
                    stack.extend((c, children) for c in children if isinstance(c, dict))

    def _entries(self) -> dict[str, tuple[dict[str, Any], list[Any] | None]]:
        if self._index is None:
            self._index = {}
            if self.root is not None:
                self._index_subtree(self.root, None)
        return self._index

    def _index_subtree(self, top: dict[str, Any], holder: list[Any] | None) -> None:
        assert self._index is not None
        for node, held_by in self._walk(top, holder):
            key = node.get("key")
            if isinstance(key, str):
                self._index.setdefault(key, (node, held_by))

    def find(self, key: str) -> dict[str, Any] | None:
        """The node with this key, anywhere in the tree."""
        entry = self._entries().get(key)
        return None if entry is None else entry[0]

    def keys(self) -> set[str]:
        return set(self._entries())

    # ---- operations ---------------------------------------------------------

    def apply(self, msg: dict[str, Any]) -> None:
        """Apply one server message; messages that are not scene ops are ignored."""
        etype = msg.get("etype")
        data = msg.get("data")
        if etype == wire.SET:
            if isinstance(data, dict):
                self.root = data
                self._index = None
            return
        if not isinstance(data, dict):
            return
        if etype == wire.REMOVE:
            for key in data.get("keys") or []:
                self._remove(key)
            return
        nodes = [n for n in data.get("nodes") or [] if isinstance(n, dict)]
        strict = bool(msg.get("strict"))
        if etype == wire.ADD:
            self._add(nodes, data.get("to"))
        elif etype == wire.UPDATE:
            for node in nodes:
                self._update(node, strict)
        elif etype == wire.UPSERT:
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
            entry = self._entries().get(key) if isinstance(key, str) else None
            holder = None if entry is None else entry[1]
            if entry is not None and holder is not None:  # an existing key: replaced in place
                holder[holder.index(entry[0])] = node
                self._index = None
                continue
            children = parent.get("children")
            if not isinstance(children, list):
                children = parent["children"] = []
                self._index = None  # entries of the parent's old children list are stale
            children.append(node)
            if self._index is not None:
                self._index_subtree(node, children)

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
        entry = self._entries().get(key) if isinstance(key, str) else None
        holder = None if entry is None else entry[1]
        if entry is None or holder is None:  # unknown, or the root itself
            return
        node = entry[0]
        holder[:] = [c for c in holder if c is not node]
        index = self._entries()
        for gone, _ in self._walk(node, holder):
            gone_key = gone.get("key")
            if isinstance(gone_key, str) and gone_key in index and index[gone_key][0] is gone:
                del index[gone_key]
