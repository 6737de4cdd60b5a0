"""Props left out take their documented default in the page (the public client's too):
the client reads its fallbacks from the generated PROP_DEFAULTS, and these are
the ones where its old hand-written literal had disagreed."""

from __future__ import annotations

from typing import Any

from vuer.schemas import Box, Frustum, OrbitControls, RandomizedLight, Scene

# The three.js objects under the node with this key (its own object is marked
# with userData.vuerKey) and the default controls, as plain figures.
FIGURES = """(key) => {
    const three = window.__vuer.three();
    if (!three) return null;  // the canvas is not up yet
    const {scene, controls} = three;
    let root = null;
    scene.traverse((o) => { if (!root && o.userData.vuerKey === key) root = o; });
    if (!root && key !== null) return null;
    let vertices = 0, light = null;
    root?.traverse((o) => {
        if (o.isLineSegments) vertices += o.geometry.getAttribute("position").count;
        if (!light && o.isLight && o.shadow) light = o;
    });
    const shadow = light && {
        mapSize: light.shadow.mapSize.x, bias: light.shadow.bias,
        near: light.shadow.camera.near, far: light.shadow.camera.far,
    };
    const maxDistance = controls ? String(controls.maxDistance) : null;
    return {vertices, shadow, maxDistance};
}"""


def figures(page: Any, key: str | None, until: str = "true") -> dict[str, Any]:
    """The figures of ``key`` (None: the controls alone) once the page has drawn it
    and ``until`` holds of them."""
    handle = page.wait_for_function(
        f"(key) => {{ const f = ({FIGURES})(key); return f && ({until}) ? f : null; }}",
        arg=key,
        timeout=20_000,
    )
    return handle.json_value()


def test_left_out_props_take_their_documented_defaults(live, page, look) -> None:
    scene = Scene(
        Frustum(key="focal", position=[0, 0, -1]),
        Frustum(key="no-focal", position=[1, 0, -1], showFocalPlane=False),
        RandomizedLight(key="light", castShadow=True),
        OrbitControls(key="orbit"),
        Box(key="floor", args=[4, 0.1, 4], position=[0, -1, 0], receiveShadow=True),
        camPosition=[0, 1, 4],
    )
    server = live(scene)
    page.goto(server.url())
    look.connected()

    # Frustum: the focal plane is drawn unless turned off (a closed rectangle, 8 vertices).
    shown = figures(page, "focal", "f.vertices > 0")["vertices"]
    hidden = figures(page, "no-focal", "f.vertices > 0")["vertices"]
    assert shown == hidden + 8, (shown, hidden)

    # RandomizedLight's shadow: the public client's 512 px map, near 0.5, far 500, bias 0.001.
    shadow = figures(page, "light", "f.shadow")["shadow"]
    assert shadow == {"mapSize": 512, "bias": 0.001, "near": 0.5, "far": 500}, shadow

    # OrbitControls (an object-less node) become the default controls with
    # maxDistance 1000; 0 means no limit.
    # (The built-in controls, there until the scene's claim them, have no limit.)
    ours = figures(page, None, "f.maxDistance && f.maxDistance !== 'Infinity'")
    assert ours["maxDistance"] == "1000"
    session = server.session()
    server.call(_update(session, OrbitControls(key="orbit", maxDistance=0)))
    assert figures(page, None, "f.maxDistance === 'Infinity'")["maxDistance"] == "Infinity"


async def _update(session: Any, element: Any) -> None:
    session.update @ element
    await session.flush()
