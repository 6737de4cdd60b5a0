"""Byte-for-byte layouts of point clouds and meshes, and the float32 opt-in."""

from __future__ import annotations

import struct

import numpy as np
import pytest

from vuer import serdes
from vuer.schemas import PointCloud, TriMesh


def _wire(element: object) -> dict:
    return serdes.decode(serdes.encode(element))


def test_point_cloud_float16_vertices_and_uint8_colors() -> None:
    vertices = np.array([[1.0, -2.0, 0.5], [0.25, 3.0, -1.5]], dtype=np.float32)
    colors = np.array([[255, 0, 10], [1, 2, 3]], dtype=np.uint8)

    wire = _wire(PointCloud(vertices=vertices, colors=colors, size=0.02, key="pc"))

    assert wire["vertices"] == struct.pack("<6e", 1.0, -2.0, 0.5, 0.25, 3.0, -1.5)
    assert wire["colors"] == bytes([255, 0, 10, 1, 2, 3])
    assert wire["size"] == 0.02
    assert "precision" not in wire


def test_float_colors_in_0_1_are_scaled_rounded_and_clipped() -> None:
    colors = np.array([[0.0, 0.5, 1.0], [1.5, -0.2, 0.2]], dtype=np.float64)
    wire = _wire(PointCloud(vertices=np.zeros((2, 3)), colors=colors))
    assert wire["colors"] == bytes([0, 128, 255, 255, 0, 51])


def test_rgba_colors_drop_alpha_and_the_callers_array_is_untouched() -> None:
    colors = np.array([[0.1, 0.2, 0.3, 0.4]], dtype=np.float32)
    before = colors.copy()
    wire = _wire(PointCloud(vertices=np.zeros((1, 3)), colors=colors))
    assert wire["colors"] == bytes([26, 51, 77])
    np.testing.assert_array_equal(colors, before)


def test_float64_and_non_contiguous_vertices_pack_in_c_order() -> None:
    base = np.arange(12, dtype=np.float64).reshape(3, 4)
    view = base[:, :3]  # not C-contiguous
    wire = _wire(PointCloud(vertices=view))
    assert wire["vertices"] == struct.pack("<9e", 0, 1, 2, 4, 5, 6, 8, 9, 10)


def test_flat_vertices_are_accepted() -> None:
    wire = _wire(PointCloud(vertices=np.array([1, 2, 3, 4, 5, 6], dtype=np.float32)))
    assert wire["vertices"] == struct.pack("<6e", 1, 2, 3, 4, 5, 6)


def test_point_cloud_float32_opt_in_keeps_precision() -> None:
    vertices = np.array([[4097.25, 1e-4, -3.0]], dtype=np.float64)
    wire = _wire(PointCloud(vertices=vertices, precision="float32"))
    assert wire["precision"] == "float32"
    assert wire["vertices"] == struct.pack("<3f", 4097.25, 1e-4, -3.0)
    decoded = np.frombuffer(wire["vertices"], "<f4")
    assert decoded[0] == 4097.25  # float16 would round this to 4096


def test_float16_is_explicit_when_asked() -> None:
    wire = _wire(PointCloud(vertices=np.ones((1, 3)), precision="float16"))
    assert wire["precision"] == "float16"
    assert wire["vertices"] == struct.pack("<3e", 1, 1, 1)


def test_trimesh_layouts() -> None:
    vertices = np.array([[0, 0, 0], [1, 0, 0], [0, 1, 0], [0, 0, 1]], dtype=np.float32)
    faces = np.array([[0, 1, 2], [0, 2, 3]], dtype=np.int64)
    colors = np.array([[1.0, 0, 0], [0, 1.0, 0], [0, 0, 1.0], [1.0, 1.0, 1.0]])
    uv = np.array([[0, 0], [1, 0], [0, 1], [0.5, 0.5]], dtype=np.float32)

    wire = _wire(TriMesh(vertices=vertices, faces=faces, colors=colors, uv=uv, key="m"))

    assert wire["vertices"] == struct.pack("<12e", *vertices.ravel())
    assert wire["faces"] == struct.pack("<6I", 0, 1, 2, 0, 2, 3)
    assert wire["colors"] == bytes([255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255])
    assert wire["uv"] == struct.pack("<8e", 0, 0, 1, 0, 0, 1, 0.5, 0.5)


def test_trimesh_float32_opt_in_covers_vertices_and_uv_not_faces() -> None:
    vertices = np.array([[0, 0, 0], [1, 0, 0], [0, 1, 0]], dtype=np.float64)
    mesh = TriMesh(vertices=vertices, faces=[[0, 1, 2]], uv=[[0, 0], [1, 0], [0.1, 1]],
                   precision="float32")  # fmt: skip
    wire = _wire(mesh)
    assert wire["precision"] == "float32"
    assert wire["vertices"] == struct.pack("<9f", *vertices.ravel())
    assert wire["uv"] == struct.pack("<6f", 0, 0, 1, 0, 0.1, 1)
    assert wire["faces"] == struct.pack("<3I", 0, 1, 2)


def test_arrays_assigned_after_construction_are_packed_when_sent() -> None:
    cloud = PointCloud(vertices=np.zeros((1, 3)), key="pc")
    cloud.vertices = np.array([[1.0, 2.0, 3.0]])
    cloud.colors = np.array([[0, 0, 255]], dtype=np.uint8)
    wire = _wire(cloud)
    assert wire["vertices"] == struct.pack("<3e", 1, 2, 3)
    assert wire["colors"] == bytes([0, 0, 255])


def test_prepacked_bytes_pass_through() -> None:
    raw = struct.pack("<3e", 1, 2, 3)
    assert _wire(PointCloud(vertices=raw))["vertices"] == raw


def test_an_update_without_arrays_sends_only_its_props() -> None:
    wire = _wire(PointCloud(key="pc", size=0.05))
    assert wire == {"tag": "PointCloud", "key": "pc", "size": 0.05}


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"vertices": np.zeros((4, 2))}, ValueError, r"vertices.*shape \(N, 3\)"),
        ({"vertices": np.zeros(5)}, ValueError, "vertices"),
        ({"vertices": np.array(["a", "b", "c"])}, TypeError, "numbers"),
        ({"vertices": np.zeros((1, 3)), "precision": "float64"}, ValueError, "precision"),
        ({"vertices": np.zeros((1, 3)), "colors": np.zeros((1, 2))}, ValueError, "colors"),
    ],
)
def test_point_cloud_bad_input_is_a_clear_error(kwargs: dict, error: type, match: str) -> None:
    with pytest.raises(error, match=match):
        PointCloud(**kwargs)


def test_trimesh_faces_out_of_range_or_float_are_rejected() -> None:
    vertices = np.zeros((3, 3))
    with pytest.raises(ValueError, match=r"faces.*\[0, 3\)"):
        TriMesh(vertices=vertices, faces=[[0, 1, 3]])
    with pytest.raises(ValueError, match="faces"):
        TriMesh(vertices=vertices, faces=[[0, -1, 2]])
    with pytest.raises(TypeError, match="integers"):
        TriMesh(vertices=vertices, faces=np.array([[0.0, 1.0, 2.0]]))


def test_large_arrays_packed_in_parallel_blocks_match_a_plain_cast() -> None:
    from vuer.schemas._chunks import PARALLEL_MIN_ROWS

    rng = np.random.default_rng(1)
    rows = PARALLEL_MIN_ROWS * 2 + 7  # several workers, uneven ranges
    vertices = rng.standard_normal((rows, 3)).astype(np.float32) * 100
    colors = rng.random((rows, 4))
    wire = _wire(PointCloud(vertices=vertices, colors=colors))
    assert wire["vertices"] == vertices.astype("<f2").tobytes()
    expected = np.clip(colors[:, :3].astype(np.float32) * 255 + 0.5, 0, 255).astype(np.uint8)
    assert wire["colors"] == expected.tobytes()


def test_callers_float16_array_is_snapshotted_not_aliased() -> None:
    vertices = np.zeros((2, 3), dtype="<f2")
    cloud = PointCloud(vertices=vertices)
    vertices[:] = 1
    assert _wire(cloud)["vertices"] == bytes(12)
