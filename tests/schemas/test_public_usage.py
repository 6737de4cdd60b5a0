"""Scene code written the way the public package's examples write it builds and encodes."""

from __future__ import annotations

import numpy as np

from vuer import serdes
from vuer.schemas import (
    AmbientLight,
    Box,
    CameraView,
    DefaultScene,
    DirectionalLight,
    Frustum,
    Gripper,
    Html,
    ImageBackground,
    Movable,
    OrbitControls,
    PerspectiveCamera,
    PointCloud,
    Sphere,
    Text,
    TriMesh,
    Urdf,
    div,
    group,
)
from vuer.schemas.html_components import Button, Slider
from vuer.schemas.scene_components import Scene


def _round_trip(element: object) -> dict:
    return serdes.decode(serdes.encode(element))


def test_robot_teleop_scene() -> None:
    scene = DefaultScene(
        Urdf(
            src="https://example.com/robot.urdf",
            jointValues={"shoulder": 0.3, "elbow": -1.2},
            position=[0, 0, 0.1],
            rotation=[-np.pi / 2, 0, 0],
            key="robot",
        ),
        Movable(Gripper(key="gripper"), position=[0, 1, -0.5], key="handle"),
        up=[0, 0, 1],
        show_helper=False,
        bgChildren=[OrbitControls(key="OrbitControls"), PerspectiveCamera(makeDefault=True)],
        htmlChildren=[div(Button(value="reset", key="reset"), Slider(min=0, max=1, key="s"))],
    )
    wire = _round_trip(scene)
    assert [c["key"] for c in wire["children"]] == ["robot", "handle"]
    assert wire["children"][0]["rotation"][0] == -np.pi / 2
    assert wire["show_helper"] is False
    assert wire["bgChildren"][-2]["key"] == "OrbitControls"
    assert wire["bgChildren"][-1]["key"] == "perspective-camera"


def test_streaming_updates() -> None:
    rng = np.random.default_rng(0)
    frame = rng.integers(0, 255, (48, 64, 3), dtype=np.uint8)
    nodes = [
        ImageBackground(
            frame,
            format="jpeg",
            quality=80,
            key="image",
            interpolate=True,
            fixed=True,
            distanceToCamera=1,
            position=[0, 0, -3],
        ),
        CameraView(
            fov=50,
            width=320,
            height=240,
            key="ego",
            position=[-0.5, 1.25, 0.5],
            rotation=[-0.4 * np.pi, -0.1 * np.pi, 0.15 + np.pi],
            stream="frame",
            fps=30,
            near=0.45,
            far=1.8,
            showFrustum=True,
        ),
        Frustum(position=[0, 1, 0], key="frustum", showImagePlane=True, scale=1.0, near=0.1),
        PointCloud(
            key="pc",
            vertices=rng.random((100, 3)),
            colors=rng.random((100, 3)),
            position=[0, 0, 0],
            size=0.008,
        ),
        TriMesh(
            key="mesh",
            vertices=np.array([[0, 0, 0], [1, 0, 0], [0, 1, 0]], dtype=np.float32),
            faces=np.array([[0, 1, 2]], dtype=np.uint32),
            color="#23aaff",
            materialType="standard",
            material=dict(side=2),
        ),
        Sphere(args=[0.1, 20, 20], position=(1, 2, 3), key="ball", material=dict(color="red")),
        Box(key="box", args=[1, 1, 1], position=np.array([0.0, 0.5, 0.0])),
        group(AmbientLight(intensity=0.5), DirectionalLight(intensity=1), key="lights"),
        Html(Text("label", key="t"), key="html"),
    ]
    message = {"etype": "UPSERT", "data": {"nodes": nodes, "to": None}, "strict": False}
    wire = serdes.decode(serdes.encode(message))
    by_key = {n["key"]: n for n in wire["data"]["nodes"]}
    assert by_key["image"]["src"][:3] == b"\xff\xd8\xff"
    assert by_key["ego"]["stream"] == "frame"
    assert len(by_key["pc"]["vertices"]) == 100 * 3 * 2
    assert by_key["ball"]["position"] == [1, 2, 3]
    assert by_key["box"]["position"] == [0.0, 0.5, 0.0]
    assert [c["tag"] for c in by_key["lights"]["children"]] == ["AmbientLight", "DirectionalLight"]


def test_plain_scene_with_raw_children() -> None:
    wire = _round_trip(Scene(rawChildren=[AmbientLight(key="amb")], up=(0, 0, 1)))
    assert wire["rawChildren"][0]["key"] == "amb"
    assert wire["up"] == [0, 0, 1]
