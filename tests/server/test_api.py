"""The public API's shapes: events on the wire, settings, URLs, serdes, the CLI."""

from __future__ import annotations

import asyncio
import io
import os
import socket
import sys

import numpy as np
import pytest
from PIL import Image

from vuer import Vuer
from vuer.events import (
    END,
    NOOP,
    Add,
    ClientEvent,
    End,
    GetWebXRMesh,
    GrabRender,
    HapticActuatorPulse,
    Remove,
    ServerRPC,
    Set,
    Update,
    Upsert,
)
from vuer.schemas.base import BlockElement, Element
from vuer.serdes import b64jpeg, b64png, decode, encode, jpeg, png
from vuer.testing import HeadlessClient


class Box(Element):
    tag = "Box"


class Scene(BlockElement):
    tag = "Scene"


def test_server_events_serialize_with_the_public_field_names():
    box = Box(key="b", args=[1, 2, 3])
    assert Set(Scene(box, key="s"))._serialize()["data"]["children"][0]["key"] == "b"
    add = Add(box, to="parent")._serialize()
    assert add["etype"] == "ADD" and add["data"] == {"nodes": [box._serialize()], "to": "parent"}
    assert Add([box, box])._serialize()["data"]["nodes"] == [box._serialize()] * 2
    up = Update(box, strict=True)._serialize()
    assert (up["etype"], up["strict"], up["data"]) == (
        "UPDATE",
        True,
        {"nodes": [box._serialize()]},
    )
    ups = Upsert(box, to="p")._serialize()
    assert (ups["etype"], ups["strict"], ups["data"]["to"]) == ("UPSERT", False, "p")
    assert Remove("a", "b")._serialize()["data"] == {"keys": ["a", "b"]}
    haptic = HapticActuatorPulse(left={"strength": 1, "duration": 100})._serialize()
    assert haptic["etype"] == "HAPTIC_ACTUATOR_PULSE" and haptic["data"]["right"] is None
    assert End()._serialize()["etype"] == "TERMINATE" and END == "TERMINATE"
    assert NOOP == "NOOP"
    grab = GrabRender(quality=0.9)
    wire = grab._serialize()
    assert (wire["etype"], wire["key"], wire["data"]) == (
        "GRAB_RENDER",
        "DEFAULT",
        {"quality": 0.9},
    )
    assert grab.rtype == f"GRAB_RENDER_RESPONSE@{wire['uuid']}"
    assert GetWebXRMesh()._serialize()["key"] == "webxr-mesh"
    rpc = ServerRPC({"a": 1}, uuid="u")._serialize()
    assert (rpc["etype"], rpc["uuid"]) == ("RPC", "u")
    for event in (add, up, rpc, grab._serialize()):
        assert isinstance(event["ts"], int)
        assert decode(encode(event)) == event


def test_client_event_attributes_and_equality():
    event = ClientEvent(etype="CAMERA_MOVE", key="defaultCamera", value={"x": 1}, extra=2)
    assert event == "CAMERA_MOVE" and event != "OTHER"
    assert (event.key, event.value, event.extra) == ("defaultCamera", {"x": 1}, 2)
    assert isinstance(ClientEvent(etype="X").ts, float)  # ms, as upstream documents
    assert ClientEvent(etype="X").value is None
    assert len({event, event}) == 1


def test_settings_env_and_keywords(monkeypatch):
    monkeypatch.setenv("VUER_PORT", "9100")
    monkeypatch.setenv("VUER_HOST", "0.0.0.0")
    monkeypatch.setenv("WEBSOCKET_MAX_SIZE", "1234")
    monkeypatch.setenv("VUER_CORS", "https://a.example")
    app = Vuer(port=9200)
    assert (app.port, app.host, app.WEBSOCKET_MAX_SIZE) == (9200, "0.0.0.0", 1234)
    assert app.cors_origins == ["https://a.example"]
    monkeypatch.setenv("VUER_PORT", "not a port")
    with pytest.raises(ValueError, match="VUER_PORT"):
        Vuer()
    monkeypatch.delenv("VUER_PORT")
    defaults = Vuer()
    assert (defaults.port, defaults.queue_len, defaults.free_port) == (8012, 100, False)
    with pytest.raises(TypeError, match="queue_len"):
        Vuer(queue_len="many")


def test_get_url():
    assert Vuer().get_url() == "http://localhost:8012"
    assert (
        Vuer(port=8013, queries={"grid": "false"}).get_url() == "http://localhost:8013?grid=false"
    )
    remote = Vuer(domain="https://vuer.ai")
    assert remote.get_url() == "https://vuer.ai?ws=ws://localhost:8012"
    tls = Vuer(cert="c.pem", key="k.pem", client_url="https://example.com/")
    assert tls.get_url("10.0.0.2") == "https://example.com?ws=wss://10.0.0.2:8012"


def test_serdes_images_and_arrays():
    image = np.zeros((4, 6, 3), np.uint8)
    image[..., 0] = 255
    for data in (jpeg(image, 80), png(image)):
        decoded = np.asarray(Image.open(io.BytesIO(data)))
        assert decoded.shape == (4, 6, 3) and decoded[0, 0, 0] > 200
    assert b64jpeg(image).startswith("data:image/jpeg;base64,")
    assert b64png(np.zeros((2, 2), np.float32)).startswith("data:image/png;base64,")
    msg = {"f": np.float32(1.5), "i": np.int64(3), "a": np.arange(3), "b": memoryview(b"ab")}
    assert decode(encode(msg)) == {"f": 1.5, "i": 3, "a": [0, 1, 2], "b": b"ab"}
    with pytest.raises(ValueError):
        decode(b"\xc1")


def test_snapshot_when_queued_not_when_sent():
    box = Box(key="b", position=[0, 0, 0])
    frames = []
    from vuer.session import VuerSession

    session = VuerSession(Vuer(), "s")
    session._outbox.push = lambda etype, frame: frames.append(decode(frame))
    session.add @ box
    box.position[0] = 5
    session.update @ box
    assert [f["data"]["nodes"][0]["position"] for f in frames] == [[0, 0, 0], [5, 0, 0]]
    with pytest.raises(TypeError):
        session.update @ 42
    with pytest.raises(TypeError):
        session.remove @ [1]
    with pytest.raises(TypeError):
        session.add(box, to=5)
    with pytest.raises(TypeError):
        session.upsert(box, to=["parent"])
    with pytest.raises(TypeError):
        session.set @ "not a scene"
    with pytest.raises(TypeError):
        Vuer().add_handler(42, lambda e, s: None)


SRC = __import__("pathlib").Path(__file__).resolve().parents[2] / "src"


def free_tcp_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def test_cli_serves_an_empty_default_scene(tmp_path):
    port = free_tcp_port()
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        *("-m", "vuer.cli", "--host", "127.0.0.1", "--port", str(port)),
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(SRC)},
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    try:
        assert proc.stdout is not None
        line = await asyncio.wait_for(proc.stdout.readline(), 20)
        assert "Vuer is serving at http://localhost:" in line.decode()
        async with HeadlessClient(f"ws://127.0.0.1:{port}") as client:
            await client.wait_for(lambda c: c.scene.root is not None)
            assert client.scene.root["tag"] == "Scene"
            assert client.scene.root["bgChildren"]
    finally:
        proc.terminate()
        await asyncio.wait_for(proc.wait(), 10)


def test_encode_recovers_from_errors_and_reentry():
    class Nested:
        def _serialize(self):
            return {"inner": decode(encode({"deep": [1, 2]}))}

    with pytest.raises(TypeError):
        encode({"bad": object()})
    assert decode(encode({"ok": 1})) == {"ok": 1}  # nothing left over from the failure
    assert decode(encode({"n": Nested()})) == {"n": {"inner": {"deep": [1, 2]}}}


async def test_deflate_is_never_negotiated(make_app, serve):
    app = make_app()
    await serve(app)
    async with HeadlessClient(app.get_url("127.0.0.1"), compress=15) as client:
        assert client.socket.compress == 0
