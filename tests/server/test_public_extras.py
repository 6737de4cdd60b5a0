"""Names and details of the public API that scripts rely on (issue 13)."""

from __future__ import annotations

import time

import numpy as np
import pytest
from PIL import Image

import vuer
from vuer import Vuer
from vuer.events import INIT, Add, ClientEvent, InitEvent, Remove, Set, Update, Upsert
from vuer.schemas import Box, ImageBackground, Img
from vuer.serdes import decode, encode


def test_top_level_names() -> None:
    assert sorted(vuer.__all__) == sorted(
        ["Vuer", "VuerSession", "VuerClient", "Workspace", "Blob", "WebRTCStream"]
    )
    from vuer import Blob, WebRTCStream, Workspace
    from vuer.webrtc import WebRTCStream as Direct
    from vuer.workspace import Blob as B
    from vuer.workspace import Workspace as W

    assert (Workspace, Blob, WebRTCStream) == (W, B, Direct)
    with pytest.raises(AttributeError):
        vuer.NotAThing  # noqa: B018
    from vuer import jpg, png  # the public docs' import (upstream §13.27)
    from vuer.workspace import jpg as wjpg

    assert jpg is wjpg and callable(png)


async def test_async_at_both_forms() -> None:
    import asyncio

    from vuer.client import AsyncAt

    seen: list[int] = []

    async def op(x: int) -> int:
        seen.append(x)
        return x * 2

    at = AsyncAt(op)
    assert await at(3) == 6
    assert (at @ 4) is None  # scheduled, not awaited
    for _ in range(20):
        if 4 in seen:
            break
        await asyncio.sleep(0.01)
    assert seen == [3, 4]


def test_frame_matrices_and_to_mat() -> None:
    from vuer.frame import X2Y, X2Z, Y2X, Y2Z, Z2X, Z2Y, to_mat

    for m in (Z2Y, Y2Z, X2Y, Y2X, X2Z, Z2X):
        assert m.shape == (4, 4)
        r = m[:3, :3]
        assert np.allclose(r @ r.T, np.eye(3)) and round(np.linalg.det(r)) == 1
    up = np.array([0, 0, 1, 1])
    assert (Z2Y @ up).tolist() == [0, 1, 0, 1]  # z-up becomes y-up
    assert np.array_equal(Z2Y @ Y2Z, np.eye(4))
    pose = to_mat([1, 2, 3], [0, 0, np.sin(np.pi / 4), np.cos(np.pi / 4)])  # 90 deg about z
    assert np.allclose(pose @ [1, 0, 0, 1], [1, 3, 3, 1])
    assert np.allclose(to_mat([0, 0, 0], [0, 0, 0, 2]), np.eye(4))  # normalised
    with pytest.raises(ValueError):
        to_mat([0, 0, 0], [0, 0, 0, 0])
    with pytest.raises(ValueError):
        to_mat([0, 0], [0, 0, 0, 1])


def test_types() -> None:
    from vuer.types import Body, Euler, EulerDeg, Url, Vector3

    base = Url("http://h:1/workspace/")
    assert base / "/meshes/a.obj" == "http://h:1/workspace/meshes/a.obj"
    assert isinstance(base / "x", Url) and isinstance(base + "?hot", Url)
    assert base + "?hot" == "http://h:1/workspace/?hot"
    assert Euler(1, 2, 3).order == "XYZ"
    assert EulerDeg(180, 0, 90, "ZYX").to_rad() == pytest.approx(Euler(np.pi, 0, np.pi / 2, "ZYX"))
    assert Body(Vector3(0, 0, 0), Euler(0, 0, 0), Vector3(1, 1, 1)).scale.x == 1


def test_event_ts_is_float_ms_on_the_object_and_int_on_the_wire() -> None:
    before = time.time() * 1000
    for event in (ClientEvent(etype="X"), Set(Box(key="b"))):
        assert isinstance(event.ts, float) and before - 1 <= event.ts <= time.time() * 1000 + 1
        wire = decode(encode(event._serialize()))
        assert isinstance(wire["ts"], int) and abs(wire["ts"] - event.ts) <= 1
    # older scripts pass seconds: still int ms on the wire
    assert Set(Box(key="b"), ts=12.5)._serialize()["ts"] == 12500
    assert Set(Box(key="b"), ts=1_700_000_000.0)._serialize()["ts"] == 1_700_000_000_000


def test_init_event_names() -> None:
    assert InitEvent().etype == "Init" and INIT.etype == "Init"
    assert InitEvent() == "INIT" and InitEvent() == "Init"
    assert InitEvent(value={"client": "python"})._serialize()["etype"] == "INIT"


def test_scene_events_keep_the_callers_tuple() -> None:
    a, b = Box(key="a"), Box(key="b")
    assert Update(a, b).data["nodes"] == (a, b)
    assert Update([a, b]).data["nodes"] == ([a, b],)
    assert Add(a, to="p").data == {"nodes": (a,), "to": "p"}
    ups = Upsert(a, b, to="p", strict=True)
    assert ups.data == {"nodes": (a, b), "to": "p", "strict": True} and ups.strict is True
    assert Remove("a", "b").data["keys"] == ("a", "b")
    # the wire is flat either way
    assert Update([a, b])._serialize()["data"]["nodes"] == [a._serialize(), b._serialize()]
    assert Remove(["a", "b"])._serialize()["data"]["keys"] == ["a", "b"]
    wire = Upsert(a, strict=True)._serialize()
    assert wire["strict"] is True and wire["data"] == {"nodes": [a._serialize()], "to": None}


def test_img_argument_errors_are_assertion_and_value_errors(tmp_path) -> None:
    pixels = np.zeros((2, 2, 3), np.uint8)
    path = tmp_path / "i.png"
    Image.fromarray(pixels).save(path)
    cases = [
        lambda: Img(pixels, src="http://x/y.png"),
        lambda: ImageBackground(Image.fromarray(pixels), format="b64png"),
        lambda: Img(str(path), format="b64jpeg"),
        lambda: Img(path, format="b64png"),
    ]
    for make in cases:
        with pytest.raises(AssertionError) as info:
            make()
        assert isinstance(info.value, ValueError)
    assert Img(pixels, format="b64png")._serialize()["src"].startswith("data:image/png;base64,")


def test_vuer_methods_and_defaults() -> None:
    import inspect

    app = Vuer()
    assert inspect.iscoroutinefunction(app.relay)
    assert inspect.isasyncgenfunction(app.bound_fn)
    assert app.queries == {} and app.queries is not Vuer().queries
    assert app.static_root == "." and app.domain == "https://vuer.ai"
    assert app.device is None
    # the public default domain does not send the page to a remote client
    assert app.get_url() == "http://localhost:8012"
    assert Vuer(domain="https://vuer.ai").get_url() == "https://vuer.ai?ws=ws://localhost:8012"


def test_workspace_url_prefixes() -> None:
    from vuer.types import Url

    app = Vuer(port=8123)
    assert app.localhost_prefix / "meshes/a.obj" == "http://localhost:8123/workspace/meshes/a.obj"
    assert isinstance(app.workspace_prefix, Url)
    assert app.workspace_prefix == f"http://{app.local_ip}:8123/workspace"
