"""What a newcomer sees in the page: clicks that land on the object under the
pointer (lines picked within a few pixels), a rim on the hovered object, the
error of a failing spawn function with growing waits between retries, and a
scene tree that starts with what the program added."""

from __future__ import annotations

import queue
from typing import Any

import numpy as np

from vuer import Vuer
from vuer.schemas import Box, DefaultScene, Frustum, Scene, Sphere

BALL = (1.5, 0.0, 0.0)
# A camera frustum between the camera and the ball: its lines pass within a
# world unit of the ray through the ball's centre, but many pixels from it.
FRUSTUM = {"position": [1.2, 0.35, 2.5], "fov": 50, "near": 0.2, "far": 1.0}


def picking_scene() -> Scene:
    return Scene(
        Sphere(
            key="ball",
            args=[0.6, 32, 16],
            position=list(BALL),
            material={"color": "blue"},
            materialType="basic",
        ),
        Frustum(key="frustum", **FRUSTUM),
        camPosition=[0, 0, 5],
        background="black",
    )


def project(page: Any, *points: tuple[float, float, float]) -> list[tuple[float, float]]:
    """Page pixel coordinates of world points, through the page's own camera."""
    return [
        tuple(xy)
        for xy in page.evaluate(
            """(points) => {
                const {camera, size} = window.__vuer.three();
                camera.updateMatrixWorld();
                return points.map(([x, y, z]) => {
                    const v = camera.position.clone().set(x, y, z).project(camera);
                    return [(v.x + 1) / 2 * size.width, (1 - v.y) / 2 * size.height];
                });
            }""",
            [list(p) for p in points],
        )
    ]


def next_key(events: queue.Queue[Any], timeout: float = 15.0) -> str:
    try:
        return str(events.get(timeout=timeout).value["key"])
    except queue.Empty:
        raise AssertionError(f"no ON_CLICK within {timeout} s") from None


def test_clicks_hit_the_ball_behind_a_frustum_and_the_line_only_within_pixels(
    live, page, look
) -> None:
    server = live(picking_scene())
    clicks = server.record("ON_CLICK")
    page.goto(server.url())
    look.connected()
    look.until(lambda im: look.share(im, (450, 220, 500, 260), "blue") > 0.9, "the ball")
    (ball,) = project(page, BALL)
    for _ in range(3):
        page.mouse.click(*ball)
        assert next_key(clicks) == "ball"
    # A cone line of the frustum: from its apex to its far bottom-left corner.
    x, y, z = FRUSTUM["position"]
    half_h = np.tan(np.radians(FRUSTUM["fov"]) / 2) * FRUSTUM["far"]
    corner = (x - half_h * 4 / 3, y - half_h, z - FRUSTUM["far"])
    apex_px, corner_px = (np.array(p) for p in project(page, (x, y, z), corner))
    on_line = apex_px + 0.6 * (corner_px - apex_px)
    direction = (corner_px - apex_px) / np.linalg.norm(corner_px - apex_px)
    normal = np.array([-direction[1], direction[0]])
    off_line = on_line + 12 * normal  # 12 px away: still over the ball
    page.mouse.click(*on_line)
    assert next_key(clicks) == "frustum"  # in front of the ball: the nearest hit
    page.mouse.click(*off_line)
    assert next_key(clicks) == "ball"


def rim_pixels(image: Any, centre: tuple[float, float], radius: float) -> int:
    """Lit pixels in a thin ring just outside a disc of ``radius`` around ``centre``."""
    pixels = np.asarray(image.convert("RGB"), dtype=np.int32)
    ys, xs = np.mgrid[0 : pixels.shape[0], 0 : pixels.shape[1]]
    r = np.hypot(xs - centre[0], ys - centre[1])
    ring = (r > radius + 1) & (r < radius + 3)
    return int((pixels[ring].sum(axis=1) > 60).sum())


def test_hovering_a_clickable_object_draws_a_rim_around_it(live, page, look) -> None:
    server = live(
        Scene(
            Sphere(
                key="ball",
                args=[0.6, 32, 16],
                position=list(BALL),
                material={"color": "blue"},
                materialType="basic",
            ),
            camPosition=[0, 0, 5],
            background="black",
        )
    )
    page.goto(server.url())
    look.connected()
    look.until(lambda im: look.share(im, (450, 220, 500, 260), "blue") > 0.9, "the ball")
    centre, edge = project(page, BALL, (BALL[0], BALL[1] + 0.6, BALL[2]))
    radius = abs(edge[1] - centre[1])
    page.mouse.move(20, 20)
    calm = rim_pixels(look.shot(), centre, radius)
    page.mouse.move(*centre)
    look.until(lambda im: rim_pixels(im, centre, radius) > calm + 200, "a rim around the ball")
    assert page.evaluate("document.getElementById('vuer-canvas').style.cursor") == "pointer"
    page.mouse.move(20, 20)
    look.until(lambda im: rim_pixels(im, centre, radius) <= calm + 20, "the rim gone")


def test_a_failing_spawn_function_is_shown_and_retried_with_growing_waits(
    loops, page, look, tmp_path
) -> None:
    app = Vuer(host="127.0.0.1", port=0, static_root=tmp_path)
    sessions: list[float] = []

    @app.spawn
    async def main(session: Any) -> None:
        sessions.append(len(sessions))
        raise ValueError("the robot is offline")

    loops.run(app.astart())
    # Every state the error note goes through, recorded in the page as it happens
    # (polling from here could miss one on a busy machine).
    page.add_init_script(
        """
        window.__errorNotes = [];
        new MutationObserver(() => {
            const note = document.getElementById('vuer-session-error');
            if (!note) return;
            const entry = note.dataset.count + ' ' +
                note.querySelector('.vuer-session-error-retry')?.textContent;
            const seen = window.__errorNotes;
            if (seen[seen.length - 1] !== entry) seen.push(entry);
        }).observe(document, {subtree: true, childList: true, characterData: true,
                              attributes: true});
        """
    )
    try:
        page.goto(f"http://127.0.0.1:{app.port}/?collapseMenu=true")
        note = page.locator("#vuer-session-error")
        note.wait_for(state="visible", timeout=15_000)
        assert "ValueError: the robot is offline" in note.inner_text()
        assert "Traceback" not in note.inner_text()
        page.wait_for_function("window.__errorNotes.length >= 3", timeout=30_000)
        seen = page.evaluate("window.__errorNotes")
        count = int(page.evaluate("document.getElementById('vuer-session-error').dataset.count"))
        assert seen[:3] == ["1 retrying in 1 s", "2 retrying in 2 s", "3 retrying in 4 s"]
        # The page waits as it says: one session per error shown, no hot loop.
        assert len(sessions) <= count + 1
    finally:
        page.goto("about:blank")  # no reconnect attempts against the stopped server
        loops.run(app.astop())


def test_the_scene_tree_starts_with_what_the_program_added(live, page, look) -> None:
    long_key = "a-rather-long-key-for-the-box-that-used-to-be-cut-off-0123456789"
    server = live(
        DefaultScene(
            Box(key=long_key, args=[1, 1, 1], position=[0, 0.5, 0], material={"color": "red"}),
            Sphere(key="ball", args=[0.3, 16, 8], position=[1.5, 0.3, 0]),
        )
    )
    page.goto(server.url(collapseMenu="false"))
    look.connected()
    tree = page.locator("#vuer-scene-tree")
    tree.locator(f'li[data-key="{long_key}"]').wait_for(timeout=15_000)
    rows = tree.locator("li[data-key]")
    assert sorted(rows.evaluate_all("(els) => els.map((e) => e.dataset.key)")) == sorted(
        ["DefaultScene", long_key, "ball"]
    )
    defaults = tree.locator("li.vuer-tree-defaults")
    assert defaults.locator(".vuer-tree-group").inner_text().startswith("defaults (")
    defaults.locator("button.vuer-tree-fold").click()
    for built_in in ("grid", "SceneCamera", "hands", "motion-controllers", "gamepad-0"):
        assert defaults.locator(f'li[data-key="{built_in}"]').count() == 1

    # The whole key is shown (wrapped), and the row's title holds it too.
    key_box = tree.locator(f'li[data-key="{long_key}"] > .vuer-tree-line > .vuer-tree-key')
    assert key_box.inner_text() == long_key
    assert key_box.evaluate("(e) => e.scrollWidth <= e.clientWidth + 1")
    panel = page.locator("#vuer-panel").bounding_box()
    box = key_box.bounding_box()
    assert panel is not None and box is not None
    assert box["x"] + box["width"] <= panel["x"] + panel["width"]
    assert long_key in (
        tree.locator(f'li[data-key="{long_key}"] > .vuer-tree-line').get_attribute("title") or ""
    )

    # The tag shows that node's props.
    tree.locator('li[data-key="ball"] > .vuer-tree-line > .vuer-tree-tag').click()
    props = tree.locator('li[data-key="ball"] > .vuer-tree-props')
    props.wait_for(timeout=5_000)
    assert '"position"' in props.inner_text() and "1.5" in props.inner_text()
    assert '"args"' in props.inner_text()

    # The root key is the same in the next session.
    page.reload()
    look.connected()
    tree.locator('li[data-key="DefaultScene"]').wait_for(timeout=15_000)
