"""Headsets under the WebXR emulator iwer (a Meta Quest 3): the XR events carry the
values the public client sends (SPEC §2), haptics reach the emulated controllers,
and the AR button starts a pass-through session."""

from __future__ import annotations

import math
from typing import Any

from vuer.events import HapticActuatorPulse
from vuer.schemas import Hands, Head, MotionControllers, Scene
from vuer.xr_events import HAND_JOINTS, ControllerState, HandState

# the declared shapes (vuer.xr_events) are what arrives
CONTROLLER_KEYS = set(ControllerState.__required_keys__)
HAND_KEYS = set(HandState.__required_keys__)
THUMB_TIP, INDEX_TIP = HAND_JOINTS.index("thumb-tip"), HAND_JOINTS.index("index-finger-tip")

# The emulated controllers' grip and target-ray translations, from an XR frame in
# the client's own reference space.
POSES_IN_PAGE = """() => new Promise((resolve) => {
  const gl = window.__vuer.three().gl;
  const session = gl.xr.getSession();
  session.requestAnimationFrame((t, frame) => {
    const space = gl.xr.getReferenceSpace();
    const out = {};
    for (const s of session.inputSources) {
      const at = (x) => Array.from(frame.getPose(x, space).transform.matrix).slice(12, 15);
      out[s.handedness] = { ray: at(s.targetRaySpace), grip: at(s.gripSpace) };
    }
    resolve(out);
  });
})"""

# How many visible objects of this name the scene holds.
DRAWN = """((name) => {
  let count = 0;
  window.__vuer.three().scene.traverseVisible((o) => { if (o.name === name) count++; });
  return count;
})"""

# Replace each controller's haptic actuator pulse with a recorder.
SPY_ON_HAPTICS = """() => {
  window.__pulses = [];
  const session = window.__vuer.three().gl.xr.getSession();
  for (const s of session.inputSources) {
    const actuator = s.gamepad && s.gamepad.hapticActuators[0];
    if (!actuator) continue;
    actuator.pulse = (value, duration) => {
      window.__pulses.push([s.handedness, value, duration]);
      return Promise.resolve(true);
    };
  }
  return session.inputSources.length;
}"""


def translation(matrix: list[float]) -> list[float]:
    return list(matrix[12:15])


def close(a: list[float], b: list[float], tol: float = 1e-3) -> bool:
    return all(abs(x - y) <= tol for x, y in zip(a, b, strict=True))


def joint_distance(poses: list[float], a: int, b: int) -> float:
    return math.dist(poses[a * 16 + 12 : a * 16 + 15], poses[b * 16 + 12 : b * 16 + 15])


def start(live: Any, page: Any, xr: Any, scene: Any, *etypes: str) -> tuple[Any, dict[str, Any]]:
    """Serve ``scene`` to an emulated headset; returns the session and the recorded events."""
    xr.emulate(page)
    server = live(scene)
    recorded = {etype: server.record(etype) for etype in etypes}
    page.goto(server.url())
    return server.session(), recorded


def test_controllers_then_hands_in_vr(live, page, xr) -> None:
    scene = Scene(
        bgChildren=[
            MotionControllers(left=True, right=True, stream=True),
            Hands(stream=True),
        ]
    )
    _, events = start(live, page, xr, scene, "CONTROLLER_MOVE", "HAND_MOVE")
    xr.enter(page, "immersive-vr")
    xr.device(page, "d.controllers.left.position.set(-0.2, 1.4, -0.5);")
    poses = page.evaluate(POSES_IN_PAGE)
    ray, grip = poses["left"]["ray"], poses["left"]["grip"]
    assert close(ray, [-0.2, 1.4, -0.5])
    assert math.dist(ray, grip) > 0.01  # the two spaces differ: the test tells them apart

    moved = xr.next_event(
        events["CONTROLLER_MOVE"], lambda e: close(translation(e.value["left"]), ray)
    )
    assert moved.key == "motionControllers"
    assert set(moved.value) == {"left", "leftState", "right", "rightState"}
    for side in ("left", "right"):
        assert len(moved.value[side]) == 16
        state = moved.value[f"{side}State"]
        assert set(state) == CONTROLLER_KEYS
        assert state["touchpad"] is False  # Quest controllers have no touchpad
        assert state["trigger"] is False and state["triggerValue"] == 0

    xr.device(
        page,
        "d.controllers.right.updateButtonValue('trigger', 1);"
        "d.controllers.right.updateButtonValue('a-button', 1);"
        "d.controllers.right.updateAxes('thumbstick', 0.5, -0.25);",
    )
    pressed = xr.next_event(
        events["CONTROLLER_MOVE"], lambda e: e.value["rightState"]["trigger"] is True
    )
    right = pressed.value["rightState"]
    assert right["triggerValue"] == 1 and right["aButton"] is True
    assert right["thumbstickValue"] == [0.5, -0.25] and right["touchpadValue"] == [0, 0]
    assert pressed.value["leftState"]["trigger"] is False

    # controllers put down, hands tracked
    xr.device(page, "d.primaryInputMode = 'hand';")
    hands = xr.next_event(events["HAND_MOVE"])
    assert hands.key == "hands"
    assert set(hands.value) == {"left", "leftState", "right", "rightState"}
    for side in ("left", "right"):
        joints = hands.value[side]
        assert len(joints) == len(HAND_JOINTS) * 16
        state = hands.value[f"{side}State"]
        assert set(state) == HAND_KEYS
        gap = joint_distance(joints, THUMB_TIP, INDEX_TIP)
        # distances in metres, measured on the poses sent alongside
        assert state["pinchValue"] == state["tapValue"]
        assert abs(state["pinchValue"] - gap) < 1e-6
        assert 0.05 < state["pinchValue"] < 0.2  # an open hand
        assert state["pinch"] is False and state["tap"] is False
        assert state["pinchStrength"] == 0

    xr.device(page, "d.hands.left.setPinchValueImmediate(1);")
    pinched = xr.next_event(events["HAND_MOVE"], lambda e: e.value["leftState"]["pinch"])
    left = pinched.value["leftState"]
    assert left["pinchValue"] < 0.01 and left["tap"] is True and left["pinchStrength"] == 1
    assert (
        abs(left["pinchValue"] - joint_distance(pinched.value["left"], THUMB_TIP, INDEX_TIP)) < 1e-6
    )
    assert pinched.value["rightState"]["pinch"] is False


def test_hands_disable_left_sends_only_the_right_hand(live, page, xr) -> None:
    scene = Scene(bgChildren=[Hands(key="right-only", disableLeft=True, stream=True)])
    _, events = start(live, page, xr, scene, "HAND_MOVE")
    xr.device(page, "d.primaryInputMode = 'hand';")
    xr.enter(page)
    for _ in range(5):
        event = xr.next_event(events["HAND_MOVE"])
        assert event.key == "right-only"
        assert set(event.value) == {"right", "rightState"}
    # only the right hand's mesh is drawn (the bundled generic hand)
    page.wait_for_function(f"{DRAWN}('r_handMeshNode') === 1")
    assert page.evaluate(f"{DRAWN}('l_handMeshNode')") == 0


def test_motion_controllers_send_only_the_sides_asked_for(live, page, xr) -> None:
    scene = Scene(
        bgChildren=[
            MotionControllers(key="unset", stream=True),
            MotionControllers(key="left-only", left=True, stream=True),
        ]
    )
    _, events = start(live, page, xr, scene, "CONTROLLER_MOVE")
    xr.enter(page)
    seen = [xr.next_event(events["CONTROLLER_MOVE"]) for _ in range(10)]
    assert {e.key for e in seen} == {"left-only"}  # left/right unset: nothing at all
    assert all(set(e.value) == {"left", "leftState"} for e in seen)
    # both nodes draw, but each controller is drawn once: the bundled Quest 3 models
    # (their thumbstick node; the hand mesh has trigger nodes of its own)
    page.wait_for_function(f"{DRAWN}('xr_standard_thumbstick_pressed_value') === 2")
    page.wait_for_timeout(500)
    assert page.evaluate(f"{DRAWN}('xr_standard_thumbstick_pressed_value')") == 2


def wait_pulses(page: Any, count: int) -> list[list[Any]]:
    page.wait_for_function(f"window.__pulses.length >= {count}")
    return page.evaluate("window.__pulses")


def test_haptic_pulses_reach_the_controllers_once(live, page, xr) -> None:
    # two nodes listening, as in the public client's examples: still one pulse each time
    scene = Scene(
        bgChildren=[
            MotionControllers(key="a", left=True, right=True, stream=True),
            MotionControllers(key="b", left=True, stream=True),
        ]
    )
    session, _ = start(live, page, xr, scene)
    xr.enter(page)
    assert page.evaluate(SPY_ON_HAPTICS) == 2

    session.send(HapticActuatorPulse(left={"strength": 0.8, "duration": 50}))
    # a later pulse on the other side: events apply in order, so a duplicate of
    # the first would already be recorded when this one is
    session.send(HapticActuatorPulse(right={"strength": 0.25, "duration": 10}))
    assert wait_pulses(page, 2) == [["left", 0.8, 50], ["right", 0.25, 10]]

    # the node's pulseRightHash: each new hash pulses once, with that node's settings
    hashed = dict(key="a", left=True, right=True, stream=True)
    hashed.update(pulseRightStrength=0.3, pulseRightDuration=20)
    session.upsert @ MotionControllers(**hashed, pulseRightHash="first")
    assert wait_pulses(page, 3)[2] == ["right", 0.3, 20]
    session.upsert @ MotionControllers(**hashed, pulseRightHash="first", fps=20)  # same hash
    session.upsert @ MotionControllers(**hashed, pulseRightHash="second")
    session.send(HapticActuatorPulse(left={"strength": 1.0, "duration": 5}))
    # server events act at once, scene updates on the next render: either order
    assert sorted(wait_pulses(page, 5)[3:]) == [["left", 1.0, 5], ["right", 0.3, 20]]
    page.wait_for_timeout(300)
    assert len(page.evaluate("window.__pulses")) == 5


def test_ar_button_starts_a_pass_through_session(live, page, xr) -> None:
    scene = Scene(bgChildren=[Head(key="head", stream=True)])
    _, events = start(live, page, xr, scene, "HEAD_MOVE")
    xr.device(page, "d.position.set(0.1, 1.5, 0.2);")
    xr.enter(page, "immersive-ar")
    blend = page.evaluate("window.__vuer.three().gl.xr.getSession().environmentBlendMode")
    assert blend in ("alpha-blend", "additive")  # pass-through, not an opaque VR view
    head = xr.next_event(
        events["HEAD_MOVE"], lambda e: close(translation(e.value["matrix"]), [0.1, 1.5, 0.2])
    )
    assert head.key == "head" and set(head.value) == {"matrix"} and len(head.value["matrix"]) == 16
    # leaving the session stops the stream
    # the emulator's view covers the page, as a headset's would: press the button directly
    page.locator("#vuer-xr-exit").dispatch_event("click")
    page.wait_for_function("window.__vuer.three().gl.xr.getSession() == null")
    page.wait_for_timeout(500)
    xr.drain(events["HEAD_MOVE"])
    page.wait_for_timeout(1000)
    assert xr.drain(events["HEAD_MOVE"]) == []


def test_fps_caps_each_stream(live, page, xr) -> None:
    scene = Scene(bgChildren=[Head(key="slow", stream=True, fps=4)])
    _, events = start(live, page, xr, scene, "HEAD_MOVE")
    xr.enter(page)
    got = [xr.next_event(events["HEAD_MOVE"]) for _ in range(9)]
    # the client's send times (ms): a timer at 4 per second averages 250 ms
    # between sends (one late tick may be followed by an early one); the XR
    # frame loop (60 per second here) would give about 17 ms
    average = (got[-1].ts - got[0].ts) / (len(got) - 1)
    assert average >= 200, [e.ts for e in got]


# iwer has no body tracking: give its frames an XRFrame.body (Quest Browser's
# shape: joint name -> space) made of the controllers' spaces, in this order.
FAKE_BODY = """() => new Promise((resolve) => {
  const session = window.__vuer.three().gl.xr.getSession();
  session.requestAnimationFrame((_t, frame) => {
  Object.defineProperty(Object.getPrototypeOf(frame), "body", {
    configurable: true,
    get() {
      const sources = Array.from(session.inputSources);
      const left = sources.find((s) => s.handedness === "left");
      const right = sources.find((s) => s.handedness === "right");
      return new Map([
        ["hips", left.targetRaySpace],
        ["left-hand-wrist", left.gripSpace],
        ["head", right.targetRaySpace],
      ]);
    },
  });
  resolve(null);
  });
})"""


def test_body_streams_where_the_browser_tracks_a_body(live, page, xr) -> None:
    from vuer.schemas import Body

    scene = Scene(bgChildren=[Body(key="body", stream=True, fps=20)])
    _, events = start(live, page, xr, scene, "BODY_MOVE")
    xr.enter(page)
    page.wait_for_timeout(500)
    assert xr.drain(events["BODY_MOVE"]) == []  # no body tracking, nothing sent
    xr.device(
        page,
        "d.controllers.left.position.set(-0.1, 1.0, -0.2);"
        "d.controllers.right.position.set(0.3, 1.7, -0.1);",
    )
    page.evaluate(FAKE_BODY)
    body = xr.next_event(
        events["BODY_MOVE"], lambda e: close(translation(e.value["body"][16:32]), [0.3, 1.7, -0.1])
    )
    assert body.key == "body" and set(body.value) == {"body"}
    joints = body.value["body"]
    assert len(joints) == 2 * 16  # hips and head; the hand joint is left out
    assert close(translation(joints[:16]), [-0.1, 1.0, -0.2])


# The joint frames drawn: visible axes helpers and the length of their x axis.
JOINT_FRAMES = """(() => {
  const sizes = [];
  window.__vuer.three().scene.traverseVisible((o) => {
    if (o.type === 'AxesHelper') sizes.push(Math.hypot(o.matrix.elements[0], o.matrix.elements[1], o.matrix.elements[2]));
  });
  return sizes;
})()"""


def test_hands_hide_left_still_sends_it_and_show_frame_draws_joint_frames(live, page, xr) -> None:
    scene = Scene(bgChildren=[Hands(hideLeft=True, showFrame=True, frameScale=0.05, stream=True)])
    _, events = start(live, page, xr, scene, "HAND_MOVE")
    xr.device(page, "d.primaryInputMode = 'hand';")
    xr.enter(page)
    event = xr.next_event(events["HAND_MOVE"])
    assert set(event.value) == {"left", "leftState", "right", "rightState"}  # hidden, still sent
    page.wait_for_function(f"{DRAWN}('r_handMeshNode') === 1")
    assert page.evaluate(f"{DRAWN}('l_handMeshNode')") == 0
    sizes = page.evaluate(JOINT_FRAMES)
    assert len(sizes) == 25  # the right hand's joints only
    assert all(abs(size - 0.05) < 1e-4 for size in sizes)


def test_hands_scale_moves_joints_away_from_the_wrist(live, page, xr) -> None:
    scene = Scene(
        bgChildren=[
            Hands(key="plain", stream=True),
            Hands(key="big", stream=True, scale=2, showFrame=True),
        ]
    )
    _, events = start(live, page, xr, scene, "HAND_MOVE")
    xr.device(page, "d.primaryInputMode = 'hand';")
    xr.enter(page)
    plain = xr.next_event(events["HAND_MOVE"], lambda e: e.key == "plain").value
    big = xr.next_event(events["HAND_MOVE"], lambda e: e.key == "big").value
    wrist = HAND_JOINTS.index("wrist")
    assert close(translation(big["right"][:16]), translation(plain["right"][:16]))
    reach = joint_distance(plain["right"], wrist, INDEX_TIP)
    assert abs(joint_distance(big["right"], wrist, INDEX_TIP) - 2 * reach) < 1e-4
    # the states are measured on the scaled hand, as in the public client
    assert abs(big["rightState"]["pinchValue"] - 2 * plain["rightState"]["pinchValue"]) < 1e-4
    # one mesh per hand for the two nodes; the second node still draws its joint frames
    page.wait_for_function(f"{DRAWN}('l_handMeshNode') === 1 && {DRAWN}('r_handMeshNode') === 1")
    page.wait_for_function(f"{JOINT_FRAMES}.length === 50")  # 25 per hand


def dark_share(page: Any) -> float:
    """The fraction of near-black pixels: unlit models on the light background."""
    import io

    import numpy as np
    from PIL import Image

    image = Image.open(io.BytesIO(page.screenshot())).convert("RGB")
    pixels = np.asarray(image, dtype=np.int32).reshape(-1, 3)
    return float((pixels.max(axis=1) < 60).mean())


def test_controllers_and_hands_are_drawn_in_the_headset_view(live, page, xr) -> None:
    # no lights in this scene: the models render black on the light background
    scene = Scene(
        bgChildren=[
            MotionControllers(key="shown", stream=True),
            Hands(key="hands", hideRight=True),
        ]
    )
    start(live, page, xr, scene)
    xr.device(
        page,
        "d.controllers.left.position.set(-0.1, 1.5, -0.3);"
        "d.controllers.right.position.set(0.1, 1.5, -0.3);",
    )
    xr.enter(page)
    page.wait_for_function(f"{DRAWN}('xr_standard_thumbstick_pressed_value') === 2")
    page.wait_for_timeout(300)
    assert dark_share(page) > 0.02  # two controllers fill part of the view

    xr.device(
        page,
        "d.primaryInputMode = 'hand';"
        "d.hands.left.position.set(-0.1, 1.5, -0.3); d.hands.right.position.set(0.1, 1.5, -0.3);",
    )
    page.wait_for_function(f"{DRAWN}('l_handMeshNode') === 1")
    page.wait_for_function(f"{DRAWN}('xr_standard_thumbstick_pressed_value') === 0")
    page.wait_for_timeout(300)
    one_hand = dark_share(page)
    assert one_hand > 0.01  # the left hand's mesh; the right one is hidden
    assert page.evaluate(f"{DRAWN}('r_handMeshNode')") == 0
