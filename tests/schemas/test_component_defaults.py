"""Components whose constructors send defaults or reshape their arguments, as upstream."""

from __future__ import annotations

import pytest

from vuer import serdes
from vuer.schemas import (
    BackgroundColor,
    BBox,
    Billboard,
    Bold,
    Fog,
    Italic,
    Link,
    MotionControllers,
    OrbitControls,
    Text3D,
    WebXRMesh,
    span,
)


def _wire(element: object) -> dict:
    return serdes.decode(serdes.encode(element))


def test_text_elements() -> None:
    assert _wire(span("a", 1, sep="-", key="s"))["text"] == "a-1"
    bold = _wire(Bold("hi", style={"color": "red"}, key="b"))
    assert bold == {
        "tag": "Span",
        "key": "b",
        "text": "hi",
        "style": {"fontWeight": "bold", "color": "red"},
    }
    assert _wire(Italic("x"))["style"] == {"fontStyle": "italic"}
    assert _wire(Link("docs", href="https://x"))["tag"] == "a"


def test_xr_inputs_send_their_defaults() -> None:
    controllers = _wire(MotionControllers())
    assert controllers["key"] == "motionControllers"
    assert controllers["eventTypes"] == ["trigger", "squeeze"]
    assert controllers["stream"] is True
    mesh = _wire(WebXRMesh())
    assert (mesh["key"], mesh["opacity"], mesh["autoUpdate"]) == ("webxr-mesh", 0.15, True)


def test_helpers_send_their_defaults() -> None:
    assert _wire(BackgroundColor("#000"))["color"] == "#000"
    assert _wire(BackgroundColor())["color"] == "#131416"
    box = _wire(BBox())
    assert box["min"] == {"x": -1, "y": -1, "z": -1} and box["scale"] == 1.01
    assert _wire(Billboard())["follow"] is True
    text = _wire(Text3D("hello", key="t"))
    assert text["children"] == ["hello"] and text["letterSpacing"] == 1


def test_fixed_keys_can_be_overridden() -> None:
    assert OrbitControls().key == "orbit-controls"
    assert OrbitControls(key="mine").key == "mine"


def test_fog_attaches_and_takes_no_children() -> None:
    assert _wire(Fog(color="white", near=1, far=10)) == {
        "tag": "fog",
        "key": "fog",
        "attach": "fog",
        "color": "white",
        "near": 1,
        "far": 10,
    }
    with pytest.raises(TypeError, match="children"):
        Fog(span("x"))
