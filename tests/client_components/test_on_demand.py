"""The page draws only when something changes (R3F's demand frame loop)."""

from __future__ import annotations

import pytest

from vuer.schemas import Box, Scene

from .conftest import dominant

pytestmark = pytest.mark.asyncio(loop_scope="module")

FRAMES = "window.__vuer.stats.frames"


async def test_a_static_scene_stops_drawing_and_a_change_draws_again(open_scene) -> None:
    def setup(session) -> None:
        boxes = [
            Box(key=f"b{i}", args=[0.2, 0.2, 0.2], position=[i % 5 - 2, i // 5 - 2, 0], color="red")
            for i in range(20)
        ]
        session.set @ Scene(*boxes, bgChildren=[])

    opened = await open_scene(setup, query="stats=true")
    await opened.wait_for_object("b19", "Mesh")
    await opened.frames(20)  # settle: the load's own frames end
    rested = await opened.page.evaluate(FRAMES)
    await opened.frames(30)  # 30 animation frames pass with nothing changing
    assert await opened.page.evaluate(FRAMES) == rested

    opened.session.update @ Box(key="b0", color="blue", materialType="basic")
    await opened.page.wait_for_function(f"{FRAMES} > {rested}", timeout=10_000)
    assert dominant(await opened.color_at([-2, -2, 0]), 2)

    # ?stats=true shows the frame rate and the draw calls of the latest frame.
    overlay = opened.page.locator("#vuer-stats")
    await overlay.wait_for(timeout=5_000)
    await opened.page.wait_for_function(
        "document.getElementById('vuer-stats').textContent.includes('draw calls')", timeout=5_000
    )
    assert await opened.page.evaluate("window.__vuer.stats.drawCalls") >= 1
