"""The component classes of ``vuer.schemas`` grouped by wire tag, for the generators."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import vuer.schemas  # noqa: E402
from vuer.schemas._props import Prop, documented_props  # noqa: E402
from vuer.schemas.base import Element  # noqa: E402

# The public package's module names, in the order the reference lists them.
PUBLIC_MODULES = (
    "scene_components",
    "drei_components",
    "html_components",
    "material_components",
    "physics_components",
    "vuer_components",
)


@dataclass
class TagGroup:
    """The classes sending one tag, and their props merged (first class wins)."""

    tag: str
    classes: list[type] = field(default_factory=list)
    props: dict[str, Prop] = field(default_factory=dict)


def component_classes() -> list[type]:
    """Every exported class with a wire tag of its own, sorted by name, aliases removed."""
    seen: dict[int, type] = {}
    for name in vuer.schemas.__all__:
        cls = getattr(vuer.schemas, name)
        if not (isinstance(cls, type) and issubclass(cls, Element)) or cls is Element:
            continue
        if not any("tag" in vars(klass) for klass in cls.__mro__ if klass is not Element):
            continue  # abstract bases: SceneElement, ModelNode, BlockElement
        seen[id(cls)] = cls
    return sorted(seen.values(), key=lambda c: c.__name__)


def public_module(cls: type) -> str:
    """The public module names that export ``cls`` (e.g. "scene_components, drei_components")."""
    import importlib

    names = []
    for module_name in PUBLIC_MODULES:
        module = importlib.import_module(f"vuer.schemas.{module_name}")
        if cls.__name__ in getattr(module, "__all__", ()):
            names.append(module_name)
    return ", ".join(names)


def tag_groups() -> list[TagGroup]:
    groups: dict[str, TagGroup] = {}
    for cls in component_classes():
        group = groups.setdefault(cls.tag, TagGroup(cls.tag))
        group.classes.append(cls)
        for name, prop in documented_props(cls).items():
            group.props.setdefault(name, prop)
    return sorted(groups.values(), key=lambda g: g.tag)


def summary(cls: type) -> str:
    """The first paragraph of the class docstring, on one line."""
    doc = (cls.__doc__ or "").strip()
    return " ".join(doc.split("\n\n", 1)[0].split())


def write_or_check(path: Path, text: str, check: bool) -> int:
    """Write ``text`` to ``path``, or with ``check`` report whether it is stale."""
    if check:
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        if current != text:
            print(f"{path.relative_to(ROOT)} is out of date: run {sys.argv[0]}", file=sys.stderr)
            return 1
        return 0
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path.relative_to(ROOT)}")
    return 0
