"""PointCloud and TriMesh from binary payloads: float16 and float32, colours, no GPU leaks."""

from __future__ import annotations

import numpy as np
import pytest

from vuer.schemas import PointCloud, Scene, TriMesh

from .conftest import dominant

# The tests of a module share its chromium, so they share its event loop.
pytestmark = pytest.mark.asyncio(loop_scope="module")

ATTRIBUTES = """(key) => { let out = null;
    window.__vuer.three().scene.traverse((o) => {
      if (o.userData.vuerKey !== key || !o.geometry) return;
      const p = o.geometry.attributes.position, c = o.geometry.attributes.color;
      out = { type: p.array.constructor.name, half: !!p.isFloat16BufferAttribute, count: p.count,
              first: [p.getX(0), p.getY(0), p.getZ(0)], colorType: c && c.array.constructor.name,
              normalized: c && c.normalized, radius: o.geometry.boundingSphere.radius,
              index: o.geometry.index && o.geometry.index.count };
    });
    return out; }"""


def cube_cloud(n: int, center: list[float], half: float) -> np.ndarray:
    rng = np.random.default_rng(0)
    return (rng.random((n, 3)) - 0.5) * 2 * half + np.asarray(center)


async def test_float16_cloud_arrives_as_float32_positions_and_renders_its_colours(
    open_scene,
) -> None:
    # float16 positions are widened once on arrival: a half-float position
    # attribute costs on every frame; colours stay normalized uint8.
    xyz = cube_cloud(20_000, [0, 0, 0], 0.4)
    rgb = np.tile(np.array([[255, 0, 0]], np.uint8), (len(xyz), 1))

    def setup(session) -> None:
        session.set @ Scene(
            PointCloud(key="pc", vertices=xyz, colors=rgb, size=0.05), bgChildren=[]
        )

    opened = await open_scene(setup)
    await opened.wait_for_object("pc", "Points")
    info = await opened.page.evaluate(ATTRIBUTES, "pc")
    assert info["type"] == "Float32Array" and not info["half"] and info["count"] == 20_000
    assert info["colorType"] == "Uint8Array" and info["normalized"]
    # The float16 value, widened exactly.
    assert info["first"] == xyz[0].astype(np.float16).astype(np.float32).tolist()
    # The sphere holds every point.
    assert info["radius"] >= np.linalg.norm(xyz, axis=1).max() - 1e-3
    assert dominant(await opened.color_at([0, 0, 0]), 0)


async def test_float32_precision_keeps_large_coordinates_exact(open_scene) -> None:
    xyz = np.array([[3000.25, 0.5, -1.0], [3000.75, 0.5, -1.0]], np.float32)

    def setup(session) -> None:
        session.set @ Scene(
            PointCloud(key="pc32", vertices=xyz, precision="float32", color="blue"), bgChildren=[]
        )

    opened = await open_scene(setup)
    await opened.wait_for_object("pc32", "Points")
    info = await opened.page.evaluate(ATTRIBUTES, "pc32")
    assert info["type"] == "Float32Array" and not info["half"]
    assert info["first"] == [3000.25, 0.5, -1.0]


async def test_replacing_a_payload_frees_the_old_buffers(open_scene) -> None:
    def cloud(i: int) -> PointCloud:
        return PointCloud(key="pc", vertices=cube_cloud(1000, [0, i * 0.01, 0], 0.3), size=0.02)

    def setup(session) -> None:
        session.set @ Scene(cloud(0), bgChildren=[])

    opened = await open_scene(setup)
    await opened.wait_for_object("pc", "Points")
    await opened.frames()
    before = await opened.page.evaluate("() => window.__vuer.three().gl.info.memory.geometries")
    # Each new payload is drawn before the next one comes, so each is uploaded.
    for i in range(1, 11):
        opened.session.upsert @ cloud(i)
        await opened.page.wait_for_function(
            """(y) => { let p; window.__vuer.three().scene.traverse((o) => {
                if (o.userData.vuerKey === 'pc') p = o.geometry.attributes.position; });
                return p && p.version === 0 && Math.abs(p.getY(0) - y) < 2e-3; }""",
            arg=float(cube_cloud(1000, [0, i * 0.01, 0], 0.3)[0, 1]),
        )
        await opened.frames(2)
    await opened.frames(5)
    after = await opened.page.evaluate("() => window.__vuer.three().gl.info.memory.geometries")
    assert after <= before


async def test_trimesh_faces_and_vertex_colours(open_scene) -> None:
    vertices = np.array(
        [[-0.5, -0.5, 0], [0.5, -0.5, 0], [0.5, 0.5, 0], [-0.5, 0.5, 0]], np.float32
    )
    faces = np.array([[0, 1, 2], [0, 2, 3]], np.uint32)
    colors = np.tile(np.array([[0, 255, 0]], np.uint8), (4, 1))

    def setup(session) -> None:
        session.set @ Scene(
            TriMesh(key="tm", vertices=vertices, faces=faces, colors=colors, materialType="basic"),
            bgChildren=[],
        )

    opened = await open_scene(setup)
    await opened.wait_for_object("tm", "Mesh")
    info = await opened.page.evaluate(ATTRIBUTES, "tm")
    assert info["index"] == 6 and info["count"] == 4
    assert dominant(await opened.color_at([0, 0, 0]), 1)


async def test_plain_list_payloads_are_accepted(open_scene) -> None:
    def setup(session) -> None:
        session.set @ Scene(bgChildren=[])
        # As a script could send it without the PointCloud class: lists, not bytes.
        session.upsert @ {
            "tag": "PointCloud",
            "key": "lst",
            "vertices": [[0, 0, 0], [0.25, 0.5, 0]],
            "colors": [[255, 0, 0], [0, 255, 0]],
        }

    opened = await open_scene(setup)
    await opened.wait_for_object("lst", "Points")
    info = await opened.page.evaluate(ATTRIBUTES, "lst")
    assert info["type"] == "Float32Array" and info["count"] == 2
    assert info["first"] == [0, 0, 0]
