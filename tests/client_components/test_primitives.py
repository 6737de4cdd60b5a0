"""Primitives and materials drawn from the wire: colours land where the nodes are."""

from __future__ import annotations

import pytest

from vuer.schemas import AmbientLight, Box, Group, MeshBasicMaterial, Scene, Sphere, Torus

from .conftest import dominant, near

# The tests of a module share its chromium, so they share its event loop.
pytestmark = pytest.mark.asyncio(loop_scope="module")

NO_LIGHTS = dict(bgChildren=[])  # no lights: basic materials show their exact colour


async def test_box_and_sphere_show_their_material_colours(open_scene) -> None:
    def setup(session) -> None:
        session.set @ Scene(
            Box(
                key="red",
                args=[1, 1, 1],
                position=[-1, 0, 0],
                material=dict(color="red", type="basic"),
            ),
            Sphere(
                key="blue",
                args=[0.5, 24, 12],
                position=[1, 0, 0],
                color="blue",
                materialType="basic",
            ),
            **NO_LIGHTS,
        )

    opened = await open_scene(setup)
    await opened.wait_for_object("red", "Mesh")
    await opened.wait_for_object("blue", "Mesh")
    assert near(await opened.color_at([-1, 0, 0]), (255, 0, 0))
    assert near(await opened.color_at([1, 0, 0]), (0, 0, 255))
    assert opened.external == []


async def test_material_element_child_replaces_the_material_and_group_places_children(
    open_scene,
) -> None:
    def setup(session) -> None:
        session.set @ Scene(
            Group(
                Box(
                    MeshBasicMaterial(key="mat", color="#00ff00"), key="child", args=[0.6, 0.6, 0.6]
                ),
                key="g",
                position=[0.8, 0.3, 0],
            ),
            **NO_LIGHTS,
        )

    opened = await open_scene(setup)
    await opened.wait_for_object("child", "Mesh")
    assert dominant(await opened.color_at([0.8, 0.3, 0]), 1)
    # Where the box would be without the group's offset there is only background.
    assert not dominant(await opened.color_at([0, 0, 0]), 1)

    # Removing the material element falls back to the mesh's own (standard, unlit: dark).
    opened.session.remove @ "mat"
    await opened.page.wait_for_function(
        """() => { let ok = false; window.__vuer.three().scene.traverse((o) => {
            if (o.userData.vuerKey === 'child' && o.material.type === 'MeshStandardMaterial') ok = true; });
            return ok; }"""
    )


async def test_args_change_the_geometry_and_equal_content_shares_it(open_scene) -> None:
    def setup(session) -> None:
        session.set @ Scene(
            *[
                Box(key=f"b{i}", args=[0.2, 0.2, 0.2], position=[i * 0.3 - 1, 0, 0])
                for i in range(6)
            ],
            Torus(key="t", args=[0.3, 0.1, 8, 16], position=[0, 1, 0]),
            **NO_LIGHTS,
        )

    opened = await open_scene(setup)
    await opened.wait_for_object("t", "Mesh")
    await opened.wait_for_object("b5", "Mesh")
    shared = await opened.page.evaluate(
        """() => { const g = new Set(), m = new Set(); let torus;
            window.__vuer.three().scene.traverse((o) => {
              const k = o.userData.vuerKey;
              if (k && k.startsWith('b') && o.isMesh) { g.add(o.geometry); m.add(o.material); }
              if (k === 't' && o.isMesh) torus = o.geometry.parameters;
            });
            return [g.size, m.size, torus]; }"""
    )
    assert shared[0] == 1 and shared[1] == 1
    assert (
        shared[2]["radius"] == 0.3
        and shared[2]["tube"] == 0.1
        and shared[2]["tubularSegments"] == 16
    )

    opened.session.update @ Box(key="b0", args=[0.5, 0.2, 0.2])
    await opened.page.wait_for_function(
        """() => { let w; window.__vuer.three().scene.traverse((o) => {
            if (o.userData.vuerKey === 'b0' && o.isMesh) w = o.geometry.parameters.width; });
            return w === 0.5; }"""
    )


async def test_absurd_segment_counts_are_capped_with_a_warning(open_scene) -> None:
    def setup(session) -> None:
        session.set @ Scene(Sphere(key="huge", args=[0.5, 10**7, 10**7]), bgChildren=[])

    opened = await open_scene(setup)
    await opened.wait_for_object("huge", "Mesh")
    segments = await opened.page.evaluate(
        """() => { let p; window.__vuer.three().scene.traverse((o) => {
            if (o.userData.vuerKey === 'huge' && o.isMesh) p = o.geometry.parameters; });
            return [p.widthSegments, p.heightSegments]; }"""
    )
    assert segments == [1024, 1024]
    assert any("capped at 1024" in text for kind, text in opened.console if kind == "warning")


async def test_lights_light_standard_materials_and_leave_when_removed(open_scene) -> None:
    def setup(session) -> None:
        session.set @ Scene(
            Box(key="lit", args=[1, 1, 1], color="red"),
            bgChildren=[AmbientLight(key="amb", intensity=3)],
        )

    opened = await open_scene(setup)
    await opened.wait_for_object("lit", "Mesh")
    await opened.wait_for_object("amb", "AmbientLight")
    lit = await opened.color_at([0, 0, 0])
    assert dominant(lit, 0)

    opened.session.remove @ "amb"
    await opened.page.wait_for_function(
        """() => { let n = 0; window.__vuer.three().scene.traverse((o) => { if (o.isLight) n++; });
            return n === 0; }"""
    )
    dark = await opened.color_at([0, 0, 0])
    assert max(dark) < 40 and lit[0] - dark[0] > 100
