"""Reading the ``Props:`` sections of component docstrings.

A component documents its props in its docstring, one per line::

    Props:
        size: float = 0.01 -- point size, world units.
        stream: "ondemand" | "frame" | "time" = "ondemand" -- when frames are sent.

``type`` uses a small vocabulary (see ``TYPE_ATOMS``), ``default`` is JSON,
and the text after `` -- `` says what the prop does (units included). Props
of base classes are inherited. scripts/gen_client_schema.py turns this into
TypeScript interfaces and scripts/gen_component_docs.py into the reference
table, so a prop is declared once, here in Python.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

__all__ = [
    "MISSING",
    "TYPE_ATOMS",
    "Prop",
    "PropsError",
    "documented_props",
    "own_props",
    "ts_type",
]

# Type words of the docstring grammar, and the TypeScript they stand for.
TYPE_ATOMS: dict[str, str] = {
    "float": "number",
    "int": "number",
    "bool": "boolean",
    "str": "string",
    "bytes": "Uint8Array",
    "color": "Color",
    "vec2": "Vec2",
    "vec3": "Vec3",
    "vec4": "Vec4",
    "mat4": "Mat4",
    "dict": "Record<string, unknown>",
    "any": "unknown",
    "Node": "SceneNode",
}

MISSING: Any = object()

_HEADER = re.compile(r"^(\s*)Props(?: \([^)]*\))?:\s*$")
_LINE = re.compile(r"^(\w+): (.+?)(?: = (.+?))? -- (.+)$")
_LIST = re.compile(r"^list\[(.+)\]$")
_LITERAL = re.compile(r'^"[^"\\]*"$')


class PropsError(ValueError):
    """A ``Props:`` section that does not follow the grammar."""


@dataclass(frozen=True)
class Prop:
    name: str
    type: str
    default: Any
    doc: str
    owner: str

    @property
    def has_default(self) -> bool:
        return self.default is not MISSING


def _split_union(text: str) -> list[str]:
    parts, depth, current = [], 0, ""
    for char in text:
        depth += char == "["
        depth -= char == "]"
        if char == "|" and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += char
    parts.append(current.strip())
    return parts


def ts_type(text: str) -> str:
    """The TypeScript type for a docstring type; ``PropsError`` for unknown words."""
    out = []
    for part in _split_union(text):
        listed = _LIST.match(part)
        if listed:
            inner = ts_type(listed.group(1))
            out.append(f"({inner})[]" if " " in inner else f"{inner}[]")
        elif part in TYPE_ATOMS:
            out.append(TYPE_ATOMS[part])
        elif _LITERAL.match(part):
            out.append(part)
        else:
            raise PropsError(f"unknown type word {part!r} in {text!r}")
    return " | ".join(out)


def _section(doc: str) -> list[str]:
    """The prop entries of the ``Props:`` section, continuation lines joined."""
    entries: list[list[str]] = []
    indent: int | None = None
    item_depth: int | None = None
    for line in doc.expandtabs().splitlines():
        if indent is None:
            header = _HEADER.match(line)
            if header:
                indent = len(header.group(1))
            continue
        depth = len(line) - len(line.lstrip())
        if not line.strip() or depth <= indent:
            break
        if item_depth is None:
            item_depth = depth
        if depth > item_depth and entries:
            entries[-1].append(line.strip())  # a description continued on the next line
        else:
            entries.append([line.strip()])
    return [" ".join(entry) for entry in entries]


def own_props(cls: type) -> dict[str, Prop]:
    """The props documented in ``cls``'s own docstring (not its bases')."""
    props: dict[str, Prop] = {}
    for entry in _section(cls.__dict__.get("__doc__") or ""):
        match = _LINE.match(entry)
        if not match:
            raise PropsError(f"{cls.__name__}: cannot read prop line {entry!r}")
        name, type_text, default_text, doc = match.groups()
        ts_type(type_text)  # validates the type words
        default = MISSING
        if default_text is not None:
            try:
                default = json.loads(default_text)
            except json.JSONDecodeError as e:
                raise PropsError(
                    f"{cls.__name__}.{name}: default is not JSON: {default_text}"
                ) from e
        props[name] = Prop(name, type_text, default, doc, cls.__name__)
    return props


def documented_props(cls: type) -> dict[str, Prop]:
    """Every documented prop of ``cls``, its bases' first, overridden by subclasses."""
    merged: dict[str, Prop] = {}
    for klass in reversed(cls.__mro__):
        if klass is object:
            continue
        merged.update(own_props(klass))
    return merged
