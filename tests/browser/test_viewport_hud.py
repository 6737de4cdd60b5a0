"""ViewportHud: its children show in a rectangle over the main view, and only there."""

from __future__ import annotations

from vuer.schemas import Box, Scene, Sphere, ViewportHud


def test_viewport_hud_draws_its_children_in_its_rectangle(live, page, look) -> None:
    inset = ViewportHud(
        Box(key="hud-box", args=[1, 1, 1], material={"color": "red"}, materialType="basic"),
        key="hud",
        top=0,
        right=0,
        width="50%",
        height="50%",
    )

    def ball(key: str, position: list[float]) -> Sphere:
        blue = {"color": "blue"}
        return Sphere(
            key=key, args=[0.5, 32, 16], position=position, material=blue, materialType="basic"
        )

    # one ball in the open, one where the HUD's rectangle covers it
    balls = [ball("left", [-1.5, 0, 0]), ball("covered", [2.5, 1.5, 0])]
    server = live(Scene(*balls, inset, camPosition=[0, 0, 5], background="black"))
    page.goto(server.url())
    look.connected()
    # the main view still shows the scene; the HUD (top-right quarter) shows the box
    shot = look.until(
        lambda im: (
            look.share(im, (470, 110, 490, 130), "red") > 0.8
            and look.share(im, (170, 230, 190, 250), "blue") > 0.8
        ),
        "the HUD over the scene",
    )
    # the box is in the HUD only: nothing red where the main view would draw it
    assert look.share(shot, (300, 220, 340, 260), "red") < 0.05
    # the rectangle is cleared: the covered ball does not show through the HUD
    assert look.share(shot, (565, 75, 590, 95), "blue") == 0.0

    session = server.session()
    session.remove @ "hud"
    look.until(lambda im: look.share(im, (470, 110, 490, 130), "red") < 0.05, "the HUD gone")
    # with the HUD gone the main view is drawn as before, the covered ball included
    look.until(lambda im: look.share(im, (565, 75, 590, 95), "blue") > 0.8, "the covered ball")
    assert look.share(look.shot(), (170, 230, 190, 250), "blue") > 0.8
