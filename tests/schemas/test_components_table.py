"""Every class of the shared components table imports, builds and survives the wire."""

from __future__ import annotations

import csv
import importlib
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import vuer.schemas
from vuer import serdes

# A copy of the shared spec's table (shared/spec/components.tsv), kept with the tests.
TABLE = Path(__file__).with_name("components.tsv")

ROWS = list(csv.DictReader(TABLE.open(encoding="utf-8"), delimiter="\t"))

# Constructor arguments for classes that need some payload to be meaningful.
SAMPLES: dict[str, dict[str, Any]] = {
    "PointCloud": {"vertices": np.zeros((4, 3), np.float32), "colors": np.ones((4, 3))},
    "TriMesh": {"vertices": np.eye(3, dtype=np.float32), "faces": np.array([[0, 1, 2]])},
    "Img": {"src": "https://example.com/a.png"},
    "Image": {"src": "https://example.com/a.png"},
    "ImageBackground": {"src": "https://example.com/a.png"},
    "SceneBackground": {"src": "https://example.com/a.png"},
    "Obj": {"src": "https://example.com/a.obj"},
    "Urdf": {"src": "https://example.com/robot.urdf", "jointValues": {"j1": 0.5}},
}


def _build(cls: type, key: str) -> Any:
    return cls(key=key, **SAMPLES.get(cls.__name__, {}))


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['module']}.{r['class']}" for r in ROWS])
def test_class_builds_and_round_trips(row: dict[str, str]) -> None:
    module = importlib.import_module(f"vuer.schemas.{row['module']}")
    cls = getattr(module, row["class"])
    assert getattr(vuer.schemas, row["class"]) is cls
    if row["tag"]:
        assert cls.tag == row["tag"]
    key = f"k-{row['class']}"
    element = _build(cls, key)

    wire = serdes.decode(serdes.encode(element))

    assert wire["tag"] == cls.tag
    assert wire["key"] == key
    assert wire == serdes.decode(serdes.encode(element._serialize()))
    assert not any(name.startswith("_") for name in wire)


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['module']}.{r['class']}" for r in ROWS])
def test_class_has_a_docstring(row: dict[str, str]) -> None:
    cls = getattr(vuer.schemas, row["class"])
    assert cls.__doc__ and len(cls.__doc__.strip()) > 10


def test_default_keys_are_unique_unless_the_class_fixes_one() -> None:
    fixed = {"Fog": "fog", "Hands": "hands", "GrabRender": "DEFAULT"}
    for name, key in fixed.items():
        assert getattr(vuer.schemas, name)().key == key
    keys = {vuer.schemas.Box().key for _ in range(100)}
    assert len(keys) == 100


def test_children_nest_on_the_wire() -> None:
    from vuer.schemas import Box, Group, MeshPhongMaterial

    tree = Group(Box(MeshPhongMaterial(color="red", key="m"), key="b"), "text", key="g")
    wire = serdes.decode(serdes.encode(tree))
    assert wire["children"][0]["key"] == "b"
    assert wire["children"][0]["children"][0] == {
        "tag": "meshPhongMaterial",
        "key": "m",
        "color": "red",
    }
    assert wire["children"][1] == "text"
