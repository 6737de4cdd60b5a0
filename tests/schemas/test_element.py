"""The Element model: props are public attributes, keys, and wire values."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import numpy as np
import pytest

from vuer import serdes
from vuer.schemas import Box, Element, Html, Sphere, div, span
from vuer.schemas.base import to_wire


def _wire(element: object) -> dict:
    return serdes.decode(serdes.encode(element))


def test_props_are_public_attributes_and_private_ones_stay_home() -> None:
    box = Box(key="b", args=[1, 2, 3])
    box.position = [0, 1, 0]
    box._cache = "secret"
    assert _wire(box) == {"tag": "Box", "key": "b", "args": [1, 2, 3], "position": [0, 1, 0]}


def test_numpy_tuples_paths_and_url_objects_become_plain_values() -> None:
    from yarl import URL  # aiohttp's URL type; pydantic's Url/AnyUrl are matched by name too

    box = Box(
        key="b",
        position=np.array([1.0, 2.0, 3.0]),
        scale=np.float32(0.5),
        args=(1, np.int64(2), 3),
        matrix=np.eye(4).ravel(),
        path=PurePosixPath("a/b.obj"),
        local=Path("c/d.png"),
        link=URL("https://example.com/x"),
        nested={"a": (np.uint8(3),)},
        flag=np.bool_(True),
    )
    wire = _wire(box)
    assert wire["position"] == [1.0, 2.0, 3.0]
    assert wire["scale"] == 0.5
    assert wire["args"] == [1, 2, 3]
    assert wire["matrix"] == np.eye(4).ravel().tolist()
    assert (wire["path"], wire["local"]) == ("a/b.obj", "c/d.png")
    assert wire["link"] == "https://example.com/x"
    assert wire["nested"] == {"a": [3]}
    assert wire["flag"] is True


def test_unencodable_prop_is_a_clear_error() -> None:
    with pytest.raises(TypeError, match="cannot encode a object"):
        serdes.encode(Box(key="b", thing=object()))


def test_keys() -> None:
    assert Box(key=7).key == "7"
    with pytest.raises(TypeError, match="key must be a str"):
        Box(key=["a"])
    a, b = Sphere(), Sphere()
    assert a.key != b.key


def test_children_and_html() -> None:
    wire = _wire(Html(div(span("hello", "world", key="s"), key="d"), key="h"))
    assert wire["children"][0]["children"][0] == {"tag": "Span", "key": "s", "text": "hello world"}


def test_update_merges_by_changing_attributes() -> None:
    box = Box(key="b", position=[0, 0, 0])
    first = to_wire(box)
    box.position = [1, 1, 1]
    assert first["position"] == [0, 0, 0]
    assert to_wire(box)["position"] == [1, 1, 1]


def test_plain_element_subclass_of_a_user() -> None:
    class Custom(Element):
        tag = "MyThing"

    assert _wire(Custom(key="c", value=1)) == {"tag": "MyThing", "key": "c", "value": 1}


def test_children_given_by_keyword_are_sent_for_any_element() -> None:
    from vuer.schemas import Button, group

    assert _wire(Button(key="b", children=["ok"]))["children"] == ["ok"]
    assert _wire(group(key="g", children=[Box(key="x")]))["children"][0]["key"] == "x"


def test_empty_children_are_sent_only_when_set() -> None:
    from vuer.schemas import group

    assert "children" not in _wire(group(key="g"))
    assert _wire(group(key="g", children=[]))["children"] == []


def test_the_uncopied_wire_map_encodes_to_the_same_bytes_as_the_plain_copy() -> None:
    # Scene operations encode ``_wire()`` (prop values left to the packer's
    # converter); the client must get exactly what ``_serialize()`` gives.
    from yarl import URL

    strided = np.arange(12, dtype=np.uint8)[::2]
    box = Box(
        key="b",
        position=np.array([1.0, 2.0, 3.0]),
        scale=np.float32(0.5),
        args=(1, np.int64(2), 3),
        local=Path("c/d.png"),
        link=URL("https://example.com/x"),
        nested={"a": (np.uint8(3), {PurePosixPath("p")}), "view": [memoryview(strided)]},
        material={"color": "red", "opacity": np.float64(0.5)},
    )
    html = Html(div(span("hello", key="s"), Box(key="inner", args=np.ones(3)), key="d"), key="h")
    for element in (box, html, Element(key="e", children=[box])):
        assert serdes.encode(element._wire()) == serdes.encode(element._serialize())
    assert _wire(box)["nested"]["view"] == [bytes(strided)]


def test_update_frames_are_the_bytes_of_the_update_map() -> None:
    # ``session.update`` packs only the nodes and frames them with fixed bytes;
    # any clock value, strictness and node (numpy, a strided view the packer
    # cannot read, an element) must give what encoding the whole map gives.
    from vuer import protocol

    strided = memoryview(np.arange(12, dtype=np.uint8)[::2])
    nodes = [
        [{"tag": "Box", "key": "b", "position": [1, 0.5, -1]}],
        [Box(key="b", position=np.array([1.0, 2.0, 3.0]))._wire(), {"key": "v", "view": [strided]}],
        [],
    ]
    for node_list in nodes:
        for strict in (False, True):
            for ts in (1_796_000_000_000, 0, 7, 2**32, 2**64 - 1, -5):
                expected = serdes.encode(protocol.update_message(node_list, strict, ts))
                assert serdes.encode_update(node_list, strict, ts) == expected, (ts, strict)
    with pytest.raises(TypeError, match="cannot encode"):
        serdes.encode_update([{"key": "x", "bad": object()}], False, 1_796_000_000_000)


def test_positional_children_only_for_block_elements() -> None:
    with pytest.raises(TypeError, match="no positional children"):
        Element(Box(key="b"))
    assert [c.key for c in div(Box(key="b"), key="d").children] == ["b"]
