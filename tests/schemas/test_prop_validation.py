"""Props are checked against the ``Props:`` declarations when an element is built."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from vuer import serdes
from vuer.schemas import Box, PointCloud, Sphere, TriMesh
from vuer.schemas._validate import PropWarning


def test_a_misspelt_prop_warns_once_with_the_closest_name_and_is_still_sent() -> None:
    class Crate(Box):  # a fresh class: the once-per-class memory starts empty
        tag = "Box"

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        box = Crate(key="b", posiiton=[1, 2, 3])
        Crate(key="c", posiiton=[1, 2, 3])
    props = [w for w in caught if issubclass(w.category, PropWarning)]
    assert len(props) == 1
    text = str(props[0].message)
    assert "Crate" in text and "'posiiton'" in text and "did you mean position?" in text
    assert props[0].filename == __file__  # points at the caller, not at vuer
    assert box._serialize()["posiiton"] == [1, 2, 3]


def test_documented_props_do_not_warn() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", PropWarning)
        Box(
            key="b",
            args=[1, 1, 1],
            position=np.zeros(3),
            rotation=(0, 1, 0),
            scale=2,
            material={"color": "red"},
            color="#ff0000",
            castShadow=True,
            hide=False,
        )


@pytest.mark.parametrize(
    ("make", "error", "words"),
    [
        (lambda: Box(position=[float("nan"), 0.5, 0]), ValueError, ["Box", "position", "finite"]),
        (lambda: Box(rotation=[0, float("inf"), 0]), ValueError, ["Box", "rotation", "finite"]),
        (lambda: Box(scale=float("nan")), ValueError, ["Box", "scale", "finite"]),
        (lambda: Box(position="1,2,3"), TypeError, ["Box", "position", "3 numbers"]),
        (lambda: Box(position=[1, 2]), ValueError, ["Box", "position", "3 numbers, got 2"]),
        (lambda: Box(matrix=[0] * 12), ValueError, ["Box", "matrix", "16 numbers"]),
        (lambda: Sphere(args="big"), TypeError, ["Sphere", "args", "list"]),
        (lambda: Box(opacity="half"), TypeError, ["Box", "opacity", "number"]),
        (lambda: Box(materialType="shiny"), ValueError, ["Box", "materialType", '"standard"']),
        (lambda: Box(material="red"), TypeError, ["Box", "material", "dict"]),
        (lambda: PointCloud(vertices=np.zeros((4, 3)), size="big"), TypeError, ["size"]),
    ],
)
def test_wrong_props_raise_naming_class_and_prop(make, error, words) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(error) as info:
        make()
    for word in words:
        assert word in str(info.value)


def test_colours_must_match_the_points() -> None:
    xyz = np.zeros((1000, 3), np.float32)
    with pytest.raises(ValueError, match=r"PointCloud: colors has 10 rows for 1000 vertices"):
        PointCloud(vertices=xyz, colors=np.zeros((10, 3), np.uint8))
    with pytest.raises(ValueError, match=r"TriMesh: colors has 2 rows for 3 vertices"):
        TriMesh(vertices=xyz[:3], faces=[[0, 1, 2]], colors=np.zeros((2, 3), np.uint8))
    cloud = PointCloud(vertices=xyz, colors=np.zeros((1000, 3), np.uint8))
    assert len(serdes.encode(cloud)) > 3000


def test_euler_order_may_follow_the_angles() -> None:
    assert Box(key="b", rotation=[0, 1, 0, "ZYX"])._serialize()["rotation"] == [0, 1, 0, "ZYX"]
    with pytest.raises(ValueError, match="3 numbers, got 4"):
        Box(rotation=[0, 1, 0, "up"])


def test_none_means_not_given_and_numpy_values_pass() -> None:
    box = Box(key="b", position=None, args=np.ones(3), scale=np.float32(2.0))
    assert box._serialize()["scale"] == 2.0
