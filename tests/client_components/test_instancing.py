"""Alike primitives draw as one InstancedMesh per group; each node keeps its key and events."""

from __future__ import annotations

import pytest

from vuer.schemas import Box, Scene

from .conftest import dominant

pytestmark = pytest.mark.asyncio(loop_scope="module")

N = 100  # a N x N grid of boxes
STEP = 0.06
TARGET = (37, 61)


def place(i: int, j: int) -> list[float]:
    return [(i - N / 2) * STEP, (j - N / 2) * STEP, 0.0]


async def test_ten_thousand_boxes_in_few_draw_calls_and_a_click_names_its_box(open_scene) -> None:
    def setup(session) -> None:
        boxes = [
            Box(
                key=f"b{i}_{j}",
                args=[0.045, 0.045, 0.045],
                position=place(i, j),
                color="red" if (i, j) == TARGET else "blue",
                materialType="basic",
            )
            for i in range(N)
            for j in range(N)
        ]
        session.set @ Scene(*boxes, camPosition=[0, 0, 4], bgChildren=[], grid=False)

    opened = await open_scene(setup, handlers=("ON_CLICK",))
    key = f"b{TARGET[0]}_{TARGET[1]}"
    await opened.wait_for_object(key, "Mesh")
    await opened.page.wait_for_function(
        f"window.__vuer.batches().instances === {N * N}", timeout=30_000
    )
    await opened.frames(3)
    calls = await opened.page.evaluate("window.__vuer.stats.drawCalls")
    assert 1 <= calls <= 100
    at = place(*TARGET)
    assert dominant(await opened.color_at(at), 0)  # its own colour, drawn by the batch
    assert dominant(await opened.color_at(place(TARGET[0] + 2, TARGET[1])), 2)

    # Colour and transform change in place, still batched.
    opened.session.update @ Box(key=key, color="#00ff00", materialType="basic")
    await opened.page.wait_for_function(
        f"window.__vuer.store.getState().graph.nodes.get('{key}').node.color === '#00ff00'"
    )
    assert dominant(await opened.color_at(at), 1)
    assert (await opened.page.evaluate("window.__vuer.batches()"))["instances"] == N * N

    # A click on the box reports that box's key.
    x, y = await opened.screen_point(at)
    await opened.page.mouse.click(x, y)
    await opened.until(lambda: any(e.etype == "ON_CLICK" for e in opened.events), 15)
    click = next(e for e in opened.events if e.etype == "ON_CLICK")
    assert click.value["key"] == key


async def test_a_node_with_its_own_opacity_falls_out_of_the_batch(open_scene) -> None:
    def setup(session) -> None:
        boxes = [
            Box(key=f"c{i}", args=[0.3, 0.3, 0.3], position=[i * 0.4 - 2, 0, 0], color="blue")
            for i in range(10)
        ]
        session.set @ Scene(*boxes, bgChildren=[], grid=False)

    opened = await open_scene(setup)
    await opened.wait_for_object("c9", "Mesh")
    await opened.page.wait_for_function("window.__vuer.batches().instances === 10")
    opened.session.update @ Box(key="c0", opacity=0.5)
    await opened.page.wait_for_function("window.__vuer.batches().instances === 9")
    # The other nine still share a batch; the translucent one draws itself.
    drawn_alone = await opened.page.evaluate(
        """() => {
            let found = null;
            window.__vuer.three().scene.traverse((o) => {
              if (o.userData.vuerKey === 'c0' && o.isMesh) found = o.material.visible && o.material.transparent;
            });
            return found;
        }"""
    )
    assert drawn_alone is True
