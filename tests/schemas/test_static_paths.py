"""Local asset paths become the URLs the server serves them at."""

from __future__ import annotations

from pathlib import Path

import pytest

from vuer import serdes
from vuer.schemas import Img, Obj, Urdf
from vuer.static_paths import register_static_root, to_url


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "robots" / "arm one").mkdir(parents=True)
    (tmp_path / "robots" / "arm one" / "arm.urdf").write_text("<robot/>")
    register_static_root(tmp_path)
    return tmp_path


def test_path_under_root_maps_to_quoted_static_url(root: Path) -> None:
    path = root / "robots" / "arm one" / "arm.urdf"
    assert to_url(path) == "/static/robots/arm%20one/arm.urdf"
    assert to_url(str(path)) == "/static/robots/arm%20one/arm.urdf"


def test_relative_path_resolves_against_the_working_directory(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(root)
    assert to_url(Path("robots/arm one/arm.urdf")) == "/static/robots/arm%20one/arm.urdf"


def test_url_strings_pass_through(root: Path) -> None:
    for url in (
        "http://x/a.obj",
        "https://x/a.obj",
        "data:text/plain,hi",
        "blob:http://x/1",
        "/static/a.obj",
        "/robots/missing.urdf",
        "assets/x.obj",
        "robots/arm one/arm.urdf",
    ):
        assert to_url(url) == url


def test_path_outside_every_root_is_a_clear_error(root: Path, tmp_path_factory) -> None:
    outside = tmp_path_factory.mktemp("elsewhere") / "a.obj"
    with pytest.raises(ValueError, match="not under a static root"):
        to_url(outside)
    with pytest.raises(ValueError, match="not under a static root"):
        Obj(src=outside)


def test_no_root_registered_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="none registered"):
        to_url(tmp_path / "a.obj")


def test_nested_root_with_its_own_prefix_wins(root: Path) -> None:
    register_static_root(root / "robots", url_prefix="/robots/")
    assert to_url(root / "robots" / "arm one" / "arm.urdf") == "/robots/arm%20one/arm.urdf"


def test_bad_registration_is_rejected(root: Path) -> None:
    with pytest.raises(ValueError, match="url_prefix"):
        register_static_root(root, url_prefix="static")
    with pytest.raises(TypeError):
        register_static_root(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        to_url(42)  # type: ignore[arg-type]


def test_components_send_the_url(root: Path) -> None:
    urdf = Urdf(src=root / "robots" / "arm one" / "arm.urdf", key="arm", jointValues={"j": 1})
    wire = serdes.decode(serdes.encode(urdf))
    assert wire["src"] == "/static/robots/arm%20one/arm.urdf"
    assert (
        serdes.decode(serdes.encode(Obj(src="https://x/a.obj", mtl=root / "m.mtl")))["mtl"]
        == "/static/m.mtl"
    )
    assert Img(src=root / "robots" / "pic.png").src == "/static/robots/pic.png"
