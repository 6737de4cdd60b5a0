"""DefaultScene's furniture in the page: gamepad, camera previews, XR body and meshes."""

from __future__ import annotations

import queue
from typing import Any

from vuer.schemas import Body, Box, CameraView, DefaultScene, Head, WebXRMesh

# A stand-in for the Gamepad API: the page sees one pad once the test connects it.
FAKE_GAMEPAD = """
(() => {
  const pad = { id: "test pad", index: 0, connected: true, axes: [0, 0],
                buttons: [{ value: 0, pressed: false }, { value: 0, pressed: false }] };
  let connected = false;
  navigator.getGamepads = () => (connected ? [pad] : []);
  window.__pad = {
    pad,
    connect() { connected = true; window.dispatchEvent(new Event("gamepadconnected")); },
    disconnect() { connected = false; window.dispatchEvent(new Event("gamepaddisconnected")); },
  };
})();
"""


def next_event(events: queue.Queue[Any], timeout: float = 15.0) -> Any:
    try:
        return events.get(timeout=timeout)
    except queue.Empty:
        raise AssertionError(f"no event reached the Python handler within {timeout} s") from None


def red_box() -> Box:
    return Box(key="box", args=[1, 1, 1], material={"color": "red"}, materialType="basic")


def ego() -> CameraView:
    return CameraView(key="ego", width=160, height=120, position=[0, 0, 3], showFrustum=False)


def red_share_of(page: Any, selector: str) -> float:
    """The fraction of clearly red pixels in a DOM canvas."""
    return float(
        page.evaluate(
            """(selector) => {
              const canvas = document.querySelector(selector);
              const data = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
              let red = 0;
              for (let i = 0; i < data.length; i += 4)
                if (data[i] > 150 && data[i + 1] < 90 && data[i + 2] < 90) red++;
              return red / (data.length / 4);
            }""",
            selector,
        )
    )


def test_default_scene_has_a_component_for_every_tag(live, page, look) -> None:
    warnings: list[str] = []
    page.on("console", lambda msg: warnings.append(msg.text) if msg.type == "warning" else None)
    server = live(DefaultScene(red_box()))
    page.goto(server.url())
    look.connected()
    page.wait_for_function("window.__vuer.store.getState().graph.nodes.has('gamepad-0')")
    look.until(lambda im: look.share(im, (300, 200, 340, 280), "red") > 0.5, "the box")
    missing = [w for w in warnings if "no component" in w]
    assert missing == [], missing
    # no CameraView: the previews draw nothing
    assert page.locator("#vuer-camera-thumbs").count() == 0


def test_xr_tracking_nodes_have_components_and_draw_nothing_outside_xr(live, page, look) -> None:
    warnings: list[str] = []
    page.on("console", lambda msg: warnings.append(msg.text) if msg.type == "warning" else None)
    tracking = [Body(stream=True), Head(stream=True, show=True), WebXRMesh(color="blue")]
    server = live(DefaultScene(red_box(), bgChildren=tracking))
    page.goto(server.url())
    look.connected()
    page.wait_for_function("window.__vuer.store.getState().graph.nodes.has('webxr-mesh')")
    look.until(lambda im: look.share(im, (300, 200, 340, 280), "red") > 0.5, "the box")
    missing = [w for w in warnings if "no component" in w]
    assert missing == [], missing


def test_thumbnails_show_the_views_and_the_overlay_looks_through_one(live, page, look) -> None:
    server = live(DefaultScene(red_box(), ego()))
    page.goto(server.url())
    look.connected()
    thumb = page.locator(".vuer-camera-thumb[data-key='ego']")
    thumb.wait_for(state="visible")
    box = thumb.locator("canvas").bounding_box()
    assert box is not None and round(box["height"]) == 120 and round(box["width"]) == 160
    page.wait_for_function(
        """() => {
          const c = document.querySelector(".vuer-camera-thumb[data-key='ego'] canvas");
          const d = c.getContext("2d").getImageData(c.width / 2, c.height / 2, 1, 1).data;
          return d[0] > 150 && d[1] < 90;
        }"""
    )
    assert red_share_of(page, ".vuer-camera-thumb[data-key='ego'] canvas") > 0.05

    assert page.locator("#vuer-camera-overlay").count() == 0
    thumb.click()
    overlay = page.locator("#vuer-camera-overlay[data-key='ego']")
    overlay.wait_for(state="visible")
    assert overlay.locator(".vuer-bracket").count() == 4
    assert overlay.locator(".vuer-focus").count() == 1
    page.wait_for_function(
        """() => {
          const c = document.querySelector("#vuer-camera-overlay canvas");
          const d = c.getContext("2d").getImageData(c.width / 2, c.height / 2, 1, 1).data;
          return d[0] > 150 && d[1] < 90;
        }"""
    )
    page.keyboard.press("Escape")
    overlay.wait_for(state="detached")

    # the view leaves the scene: so do its thumbnails
    session = server.session()
    session.remove @ "ego"
    page.locator("#vuer-camera-thumbs").wait_for(state="detached")


def test_gamepad_changes_are_sent_once_each(live, page, look) -> None:
    page.add_init_script(FAKE_GAMEPAD)
    server = live(DefaultScene(red_box()))
    pads = server.record("GAMEPAD")
    page.goto(server.url())
    look.connected()
    page.wait_for_function("window.__vuer.store.getState().graph.nodes.has('gamepad-0')")
    assert pads.empty()

    page.evaluate("window.__pad.connect()")
    first = next_event(pads)
    assert first.key == "gamepad-0"
    assert first.value == {"id": "test pad", "index": 0, "axes": [0, 0], "buttons": [0, 0]}

    page.evaluate("window.__pad.pad.buttons[1].value = 1; window.__pad.pad.axes[0] = 0.5")
    second = next_event(pads)
    assert second.value["buttons"] == [0, 1]
    assert second.value["axes"] == [0.5, 0]

    page.evaluate("window.__pad.pad.buttons[1].value = 0")
    third = next_event(pads)
    assert third.value["buttons"] == [0, 0]
    # the pad did not change in between: exactly one event per change
    assert pads.empty(), pads.get_nowait().value

    page.evaluate("window.__pad.disconnect()")
    page.evaluate("window.__pad.pad.buttons[0].value = 1")  # unplugged: not read
    page.evaluate("window.__pad.connect()")
    again = next_event(pads)
    assert again.value["buttons"] == [1, 0]


def test_webxr_meshes_without_xr_are_an_empty_list(live, page, look) -> None:
    server = live(DefaultScene(red_box()))
    page.goto(server.url())
    look.connected()
    session = server.session()
    answer = server.call(session.get_webxr_mesh(ttl=10.0))
    assert answer.value == {"meshes": []}
