"""Images, text, HTML elements and model loaders; failures stay local to their node."""

from __future__ import annotations

import base64
import json
import shutil
import struct
import subprocess
from pathlib import Path

import numpy as np
import pytest

from vuer.schemas import (
    Box,
    Button,
    Glb,
    Image,
    ImageBackground,
    InputBox,
    Obj,
    Scene,
    Slider,
    Stl,
    Text,
    div,
)

from .conftest import dominant

# The tests of a module share its chromium, so they share its event loop.
pytestmark = pytest.mark.asyncio(loop_scope="module")

STL = """solid t
facet normal 0 0 1
outer loop
vertex -0.5 -0.5 0
vertex 0.5 -0.5 0
vertex 0 0.5 0
endloop
endfacet
endsolid t
"""


def triangle_glb(rgba: list[float]) -> bytes:
    """A one-triangle binary glTF with a base colour."""
    positions = np.array([[-0.5, -0.5, 0], [0.5, -0.5, 0], [0, 0.5, 0]], np.float32).tobytes()
    gltf = {
        "asset": {"version": "2.0"},
        "scene": 0,
        "scenes": [{"nodes": [0]}],
        "nodes": [{"mesh": 0}],
        "meshes": [{"primitives": [{"attributes": {"POSITION": 0}, "material": 0}]}],
        "materials": [{"pbrMetallicRoughness": {"baseColorFactor": rgba}, "extensions": {}}],
        "buffers": [{"byteLength": len(positions)}],
        "bufferViews": [{"buffer": 0, "byteLength": len(positions)}],
        "accessors": [
            {
                "bufferView": 0,
                "componentType": 5126,
                "count": 3,
                "type": "VEC3",
                "min": [-0.5, -0.5, 0],
                "max": [0.5, 0.5, 0],
            }
        ],
    }
    text = json.dumps(gltf).encode()
    text += b" " * (-len(text) % 4)
    body = struct.pack("<II", len(text), 0x4E4F534A) + text
    body += struct.pack("<II", len(positions), 0x004E4942) + positions
    return struct.pack("<III", 0x46546C67, 2, 12 + len(body)) + body


async def test_image_from_png_bytes_shows_upright(open_scene) -> None:
    pixels = np.zeros((20, 40, 3), np.uint8)
    pixels[:10] = [255, 0, 0]  # top half red
    pixels[10:] = [0, 0, 255]  # bottom half blue

    def setup(session) -> None:
        session.set @ Scene(Image(pixels, key="img", height=1, format="png"), bgChildren=[])

    opened = await open_scene(setup)
    await opened.wait_for_object("img", "Mesh")
    assert dominant(await opened.color_at([0, 0.25, 0]), 0)
    assert dominant(await opened.color_at([0, -0.25, 0]), 2)


async def test_a_stream_of_background_frames_reuses_one_texture(open_scene) -> None:
    def frame(rgb: tuple[int, int, int]) -> np.ndarray:
        return np.tile(np.array(rgb, np.uint8), (24, 32, 1))

    def setup(session) -> None:
        session.set @ Scene(
            ImageBackground(frame((255, 0, 0)), key="bg", format="jpeg"), bgChildren=[]
        )

    opened = await open_scene(setup)
    await opened.wait_for_object("bg", "Mesh")
    await opened.frames()
    textures = "() => window.__vuer.three().gl.info.memory.textures"
    map_id = """() => { let id; window.__vuer.three().scene.traverse((o) => {
        if (o.isMesh && o.parent.userData.vuerKey === 'bg') id = o.material.map.uuid; });
        return id; }"""
    before = await opened.page.evaluate(textures)
    first_map = await opened.page.evaluate(map_id)
    colors = [(0, 0, 255), (0, 255, 0)] * 4
    for rgb in colors:
        opened.session.update @ ImageBackground(frame(rgb), key="bg", format="png")
        channel = rgb.index(255)
        await opened.page.wait_for_function(
            """(channel) => {
                let map; window.__vuer.three().scene.traverse((o) => {
                  if (o.isMesh && o.material.map && o.parent.userData.vuerKey === 'bg')
                    map = o.material.map; });
                if (!map) return false;
                const c = document.createElement('canvas'); c.width = c.height = 1;
                const g = c.getContext('2d'); g.drawImage(map.image, 0, 0, 1, 1);
                const px = g.getImageData(0, 0, 1, 1).data;
                return px[channel] > 200;
            }""",
            arg=channel,
        )
        await opened.frames(2)
    assert await opened.page.evaluate(textures) == before
    assert await opened.page.evaluate(map_id) == first_map  # one texture, new pixels
    assert dominant(await opened.color_at([0, 0, 0]), 1)


async def test_text_uses_the_bundled_font_and_nothing_leaves_the_machine(open_scene) -> None:
    def setup(session) -> None:
        session.set @ Scene(Text("HHHH", key="txt", fontSize=0.6, color="black"), bgChildren=[])

    opened = await open_scene(setup)
    await opened.wait_for_object("txt", "Mesh")
    # Troika builds glyphs asynchronously: wait for the text's geometry to have bounds.
    await opened.page.wait_for_function(
        """() => { let ok = false; window.__vuer.three().scene.traverse((o) => {
            if (o.userData.vuerKey === 'txt' && o.textRenderInfo) ok = true; }); return ok; }""",
        timeout=15_000,
    )
    await opened.frames(3)
    image = await opened.pixels()
    x0, y0 = await opened.screen_point([-0.9, 0.3, 0])
    x1, y1 = await opened.screen_point([0.9, -0.3, 0])
    dark = sum(
        1 for x in range(x0, x1, 2) for y in range(y0, y1, 2) if max(image.getpixel((x, y))) < 80
    )
    assert dark > 50
    assert opened.external == []


async def test_html_inputs_send_what_the_public_client_sends(open_scene) -> None:
    def setup(session) -> None:
        session.set @ Scene(
            bgChildren=[],
            htmlChildren=[
                div(
                    Button(key="go", value="Go"),
                    Slider(key="speed", min=0, max=10, step=1, value=2),
                    InputBox(key="prompt", placeholder="say"),
                    key="box",
                )
            ],
        )

    opened = await open_scene(setup, handlers=("CLICK", "SLIDE", "SET", "INPUT"))
    await opened.page.click("button[data-key=go]")
    await opened.page.locator("input[data-key=speed]").focus()
    await opened.page.keyboard.press("ArrowRight")
    await opened.page.locator("textarea[data-key=prompt]").fill("hello")
    await opened.page.keyboard.press("Enter")
    await opened.until(
        lambda: {e.etype for e in opened.events} >= {"CLICK", "SLIDE", "SET", "INPUT"}
    )

    def first(etype: str):
        return next(e for e in opened.events if e.etype == etype)

    assert first("CLICK").key == "go"
    assert first("SLIDE").key == "speed" and first("SLIDE").value == 3
    assert first("SET").key == "speed" and first("SET").value == "3"
    assert first("INPUT").key == "prompt" and first("INPUT").value == "hello"


async def test_a_failing_loader_and_an_unknown_tag_leave_the_rest_drawn(
    open_scene, tmp_path
) -> None:
    (tmp_path / "tri.stl").write_text(STL)

    def setup(session) -> None:
        session.set @ Scene(
            Obj(key="missing", src="/static/nope.obj"),
            Stl(
                key="stl",
                src="/static/tri.stl",
                position=[1, 0, 0],
                color="#00ff00",
                materialType="basic",
            ),
            Glb(
                key="glb",
                buff=triangle_glb([0, 0, 1, 1]),
                position=[0, -1, 0],
                materialType="basic",
                color="blue",
            ),
            Box(
                key="ok",
                args=[0.5, 0.5, 0.5],
                position=[-1, 0, 0],
                color="red",
                materialType="basic",
            ),
            bgChildren=[],
        )
        session.add @ Box(key="after", args=[0.3, 0.3, 0.3], position=[0, 1, 0])
        session.upsert @ {"tag": "NoSuchThing", "key": "weird"}

    opened = await open_scene(setup)
    await opened.wait_for_object("ok", "Mesh")
    await opened.wait_for_object("stl", "Mesh")
    await opened.wait_for_object("after", "Mesh")
    await opened.wait_for_object("glb", "Mesh")
    assert dominant(await opened.color_at([0, -1.2, 0]), 2)
    assert dominant(await opened.color_at([-1, 0, 0]), 0)
    assert dominant(await opened.color_at([1, 0, 0]), 1)

    await opened.until(lambda: any('key="missing"' in e for e in opened.errors()))
    failures = [e for e in opened.errors() if 'key="missing"' in e]
    assert len(failures) == 1 and "404" in failures[0]


async def test_text_outside_the_bundled_font_warns_instead_of_fetching_a_fallback(
    open_scene,
) -> None:
    def setup(session) -> None:
        session.set @ Scene(Text("Ωμέγα 日本", key="intl", fontSize=0.3), bgChildren=[])

    opened = await open_scene(setup)
    await opened.wait_for_object("intl", "Mesh")
    await opened.page.wait_for_function(
        """() => { let text; window.__vuer.three().scene.traverse((o) => {
            if (o.userData.vuerKey === 'intl' && o.textRenderInfo) text = o.text; }); return text; }""",
        timeout=15_000,
    )
    text = await opened.page.evaluate(
        """() => { let text; window.__vuer.three().scene.traverse((o) => {
            if (o.userData.vuerKey === 'intl') text = o.text; }); return text; }"""
    )
    assert text == "Ωμέγα ??"  # Greek is in DejaVu Sans; the CJK glyphs are not
    assert sum("no glyph" in t for kind, t in opened.console if kind == "warning") == 2
    assert opened.external == []


DRACO_ENCODE = """
const draco3d = require(process.argv[1] + "/draco3d");
draco3d.createEncoderModule({}).then((m) => {
  const builder = new m.MeshBuilder(), mesh = new m.Mesh();
  builder.AddFacesToMesh(mesh, 1, new Uint32Array([0, 1, 2]));
  const positions = new Float32Array([-0.5, -0.5, 0, 0.5, -0.5, 0, 0, 0.5, 0]);
  const id = builder.AddFloatAttributeToMesh(mesh, m.POSITION, 3, 3, positions);
  const out = new m.DracoInt8Array();
  const length = new m.Encoder().EncodeMeshToDracoBuffer(mesh, out);
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) bytes[i] = out.GetValue(i);
  process.stdout.write(JSON.stringify({ id, data: bytes.toString("base64") }));
});
"""


@pytest.fixture
def draco_triangle_glb() -> bytes:
    """A one-triangle GLB whose mesh is Draco-compressed (encoded with npm's draco3d)."""
    draco3d = Path(__file__).resolve().parents[2] / "client" / "node_modules" / "draco3d"
    node = shutil.which("node")
    if node is None or not draco3d.is_dir():
        pytest.skip("node and client/node_modules/draco3d are needed to encode a Draco mesh")
    done = subprocess.run(
        [node, "-e", DRACO_ENCODE, str(draco3d)], capture_output=True, check=True, timeout=60
    )
    encoded = json.loads(done.stdout)
    drc = base64.b64decode(encoded["data"])
    draco = {"bufferView": 0, "attributes": {"POSITION": encoded["id"]}}
    gltf = {
        "asset": {"version": "2.0"},
        "extensionsUsed": ["KHR_draco_mesh_compression"],
        "extensionsRequired": ["KHR_draco_mesh_compression"],
        "scene": 0,
        "scenes": [{"nodes": [0]}],
        "nodes": [{"mesh": 0}],
        "meshes": [
            {
                "primitives": [
                    {
                        "attributes": {"POSITION": 0},
                        "indices": 1,
                        "material": 0,
                        "extensions": {"KHR_draco_mesh_compression": draco},
                    }
                ]
            }
        ],
        "materials": [{"pbrMetallicRoughness": {"baseColorFactor": [0, 0, 1, 1]}}],
        "buffers": [{"byteLength": len(drc)}],
        "bufferViews": [{"buffer": 0, "byteLength": len(drc)}],
        "accessors": [
            {
                "componentType": 5126,
                "count": 3,
                "type": "VEC3",
                "min": [-0.5, -0.5, 0],
                "max": [0.5, 0.5, 0],
            },
            {"componentType": 5125, "count": 3, "type": "SCALAR"},
        ],
    }
    text = json.dumps(gltf).encode()
    text += b" " * (-len(text) % 4)
    binary = drc + b"\0" * (-len(drc) % 4)
    body = struct.pack("<II", len(text), 0x4E4F534A) + text
    body += struct.pack("<II", len(binary), 0x004E4942) + binary
    return struct.pack("<III", 0x46546C67, 2, 12 + len(body)) + body


async def test_draco_glb_decodes_with_the_bundled_decoder(open_scene, draco_triangle_glb) -> None:
    glb = draco_triangle_glb

    def setup(session) -> None:
        session.set @ Scene(
            Glb(key="draco", buff=glb, color="blue", materialType="basic"), bgChildren=[]
        )

    opened = await open_scene(setup)
    await opened.wait_for_object("draco", "Mesh")
    assert dominant(await opened.color_at([0, -0.2, 0]), 2)
    assert opened.external == []  # the decoder came from our own assets
