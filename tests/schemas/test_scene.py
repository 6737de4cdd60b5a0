"""Scene and DefaultScene: the root node, its children lists and the defaults."""

from __future__ import annotations

import pytest

from vuer import serdes
from vuer.schemas import Box, DefaultScene, Grid, Scene, div


def _wire(element: object) -> dict:
    return serdes.decode(serdes.encode(element))


def test_scene_carries_every_children_list_and_up() -> None:
    wire = _wire(Scene(Box(key="b"), key="root"))
    assert wire["tag"] == "Scene"
    assert wire["key"] == "root"
    assert wire["up"] == [0, 1, 0]
    assert [c["key"] for c in wire["children"]] == ["b"]
    assert wire["bgChildren"] == wire["rawChildren"] == wire["htmlChildren"] == []


def test_scene_keywords() -> None:
    wire = _wire(
        Scene(
            up=[0, 0, 1],
            bgChildren=[Grid(key="g"), None],
            rawChildren=Box(key="raw"),
            htmlChildren=[div(key="d")],
            background="#fff",
            toneMapping="ACESFilmicToneMapping",
            toneMappingExposure=1.5,
            frameloop="always",
            camPosition=[1, 2, 3],
            camRotation=[0, 0, 0],
            grid=False,
        )
    )
    assert wire["up"] == [0, 0, 1]
    assert [c["key"] for c in wire["bgChildren"]] == ["g"]
    assert [c["key"] for c in wire["rawChildren"]] == ["raw"]
    assert [c["key"] for c in wire["htmlChildren"]] == ["d"]
    assert wire["toneMapping"] == "ACESFilmicToneMapping"
    assert wire["toneMappingExposure"] == 1.5
    assert wire["frameloop"] == "always"
    assert wire["camPosition"] == [1, 2, 3]
    assert wire["grid"] is False
    assert "children" in wire


def test_scene_omits_unset_optionals() -> None:
    wire = _wire(Scene(key="s"))
    for name in ("background", "toneMapping", "frameloop", "camPosition", "camRotation"):
        assert name not in wire


def test_default_scene_furniture() -> None:
    wire = _wire(DefaultScene(Box(key="b"), bgChildren=[Box(key="extra")], key="root"))
    keys = [c["key"] for c in wire["bgChildren"]]
    assert keys == [
        "grid",
        "light-stage",
        "gamepad-0",
        "hands",
        "motion-controllers",
        "SceneCamera",
        "SceneCameraControl",
        "CameraPreviewThumbs",
        "CameraPreviewOverlay",
        "extra",
    ]
    by_key = {c["key"]: c for c in wire["bgChildren"]}
    assert by_key["grid"]["tag"] == "Grid"
    assert by_key["hands"] == {"tag": "Hands", "key": "hands", "fps": 30, "stream": True}
    assert by_key["motion-controllers"]["eventTypes"] == ["trigger", "squeeze"]
    assert by_key["SceneCamera"]["position"] == [0, 5, 10]
    assert by_key["SceneCameraControl"]["makeDefault"] is True
    assert wire["up"] == [0, 1, 0]
    assert wire["tag"] == "Scene"


def test_default_scene_without_grid_and_z_up() -> None:
    wire = _wire(DefaultScene(grid=False, up=[0, 0, 1]))
    assert "grid" not in [c["key"] for c in wire["bgChildren"]]
    assert wire["up"] == [0, 0, 1]


def test_bad_children_list_is_a_clear_error() -> None:
    with pytest.raises(TypeError, match="bgChildren"):
        Scene(bgChildren=42)


def test_bad_up_is_a_clear_error() -> None:
    for bad in (1, [0, 1], "xyz1"):
        with pytest.raises(ValueError, match="up must be 3 numbers"):
            Scene(up=bad)
