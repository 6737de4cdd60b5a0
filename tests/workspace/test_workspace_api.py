"""vuer.workspace without a server: overlays, links, Blob, MIME types, encoders."""

from __future__ import annotations

import asyncio
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from vuer.workspace import (
    MIME_TYPES,
    Blob,
    MimeTypes,
    Workspace,
    b64jpg,
    b64png,
    decode_b64png,
    guess_content_type,
    jpg,
    png,
    sanitize_path,
    workspace_from_config,
)


def test_overlay_first_folder_wins_and_paths(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "x.txt").write_text("a")
    (b / "x.txt").write_text("b")
    (b / "y.txt").write_text("only b")
    ws = Workspace(a, str(b))
    assert ws.paths == (a, b)
    assert ws.absolute_paths == [str(a.resolve()), str(b.resolve())]
    assert list(ws) == [a, b]
    assert ws.find("x.txt") == (a / "x.txt").resolve()
    assert ws.find("/y.txt") == (b / "y.txt").resolve()
    assert ws.find("missing.txt") is None
    assert asyncio.run(ws.exists("y.txt")) is True
    assert asyncio.run(ws.resolve("nope")) is None
    assert Workspace().paths == (Path("."),)


def test_find_never_returns_hidden_or_escaping_files(tmp_path: Path) -> None:
    root = tmp_path / "root"
    (root / ".git").mkdir(parents=True)
    (root / ".git" / "config").write_text("secret")
    (root / ".env").write_text("TOKEN=1")
    (tmp_path / "outside.txt").write_text("outside")
    (root / "link.txt").symlink_to(tmp_path / "outside.txt")
    ws = Workspace(root)
    assert ws.find(".env") is None
    assert ws.find(".git/config") is None
    assert ws.find("../outside.txt") is None  # sanitised to outside.txt, not in root
    assert ws.find("link.txt") is None  # a link out of the folder


def test_sanitize_path() -> None:
    assert sanitize_path("/a/b.txt") == "a/b.txt"
    assert sanitize_path("../../etc/passwd") == "etc/passwd"
    assert sanitize_path("./a//./b") == "a/b"
    assert sanitize_path("a\\..\\b") == "a/b"


def test_workspace_from_config(tmp_path: Path) -> None:
    assert workspace_from_config(None).paths == (Path("."),)
    assert workspace_from_config(str(tmp_path)).paths == (tmp_path,)
    assert workspace_from_config(tmp_path).paths == (tmp_path,)
    assert workspace_from_config([tmp_path, "x"]).paths == (tmp_path, Path("x"))
    ws = Workspace(tmp_path)
    assert workspace_from_config(ws) is ws
    with pytest.raises(TypeError):
        workspace_from_config(42)


def test_link_mount_and_unlink(tmp_path: Path) -> None:
    ws = Workspace(tmp_path)
    ws.link(Path(tmp_path / "f.txt"), "/files/f")
    ws.link(b"raw", "data/raw.bin/")
    ws.link(lambda: {"ok": True}, "api/status")
    assert set(ws.links) == {"/files/f", "/data/raw.bin", "/api/status"}
    assert ws.links["/data/raw.bin"]["type"] == "bytes"
    assert ws.links["/api/status"].type == "callable"
    assert ws.unlink("/api/status") is True
    assert ws.unlink("api/status") is False
    with pytest.raises(TypeError, match="Path"):
        ws.link("f.txt", "/x")  # a bare string is ambiguous
    with pytest.raises(ValueError):
        ws.link(b"x", "/")
    ws.mount(tmp_path, to="/meshes/")
    assert ws.mounts["/meshes"].directory == tmp_path
    assert ws.find_mount("/meshes/a/b.obj") == (ws.mounts["/meshes"], "a/b.obj")
    assert ws.find_mount("/meshesX/a") is None


def test_blob_kinds() -> None:
    assert Blob(data=b"\x00\x01").as_bytes() == b"\x00\x01"
    assert Blob(data=b"x").content_type == "application/octet-stream"
    assert Blob(text="héllo").as_bytes() == "héllo".encode()
    assert Blob(text="x").content_type == "text/plain"
    assert Blob(json={"a": [1, 2]}).as_bytes() == b'{"a": [1, 2]}'
    assert Blob(json=[1]).content_type == "application/json"
    assert Blob(text="<b/>", content_type="text/html").content_type == "text/html"
    with pytest.raises(ValueError):
        Blob()
    with pytest.raises(ValueError):
        Blob(data=b"x", text="y")
    with pytest.raises(TypeError):
        Blob(data="not bytes")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "ctype"),
    [
        ("r.urdf", "application/xml"),
        ("r.XACRO", "application/xml"),
        ("r.srdf", "application/xml"),
        ("w.sdf", "application/xml"),
        ("m.mjcf", "application/xml"),
        ("m.dae", "model/vnd.collada+xml"),
        ("m.stl", "model/stl"),
        ("m.obj", "model/obj"),
        ("m.glb", "model/gltf-binary"),
        ("m.gltf", "model/gltf+json"),
        ("c.ply", "application/x-ply"),
        ("c.pcd", "application/x-pcd"),
        ("c.yaml", "application/x-yaml"),
        ("c.json", "application/json"),
        ("i.png", "image/png"),
        ("noext", "application/octet-stream"),
    ],
)
def test_mime_types(name: str, ctype: str) -> None:
    assert guess_content_type(name) == ctype
    assert MIME_TYPES.guess(Path("dir") / name) == ctype
    assert isinstance(MIME_TYPES, MimeTypes) and isinstance(MIME_TYPES, dict)


def test_float_image_encoders_round_trip() -> None:
    image = np.zeros((4, 6, 3), dtype=np.float32)
    image[..., 0] = 1.0  # red
    decoded = np.asarray(Image.open(__import__("io").BytesIO(png(image))))
    assert decoded.shape == (4, 6, 3) and decoded[0, 0].tolist() == [255, 0, 0]
    assert jpg(image)[:2] == b"\xff\xd8"
    assert b64jpg(image).startswith("data:image/jpeg;base64,")
    uri = b64png(image)
    assert uri.startswith("data:image/png;base64,")
    for text in (uri, uri.partition(",")[2]):
        back = np.asarray(decode_b64png(text))
        assert back[2, 3].tolist() == [255, 0, 0]
    rgba = np.ones((2, 2, 4), dtype=np.float64)
    assert Image.open(__import__("io").BytesIO(jpg(rgba))).mode == "RGB"  # alpha dropped
    # uint8 input is taken as pixels, not overflowed (public bug §13.26)
    pixels = np.full((2, 2, 3), 200, dtype=np.uint8)
    assert np.asarray(Image.open(__import__("io").BytesIO(png(pixels))))[0, 0].tolist() == [200] * 3
    with pytest.raises(ValueError, match="shape"):
        png(np.zeros((2, 2, 5)))
    with pytest.raises(ValueError, match="base64"):
        decode_b64png("data:image/png;base64,@@@")
