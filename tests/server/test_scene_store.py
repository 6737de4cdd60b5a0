"""The headless client's scene follows docs/protocol.md."""

from __future__ import annotations

from vuer.testing import SceneStore


def box(key, **props):
    return {"tag": "Box", "key": key, **props}


def store_with_tree() -> SceneStore:
    store = SceneStore()
    root = {
        "tag": "Scene",
        "key": "root",
        "children": [box("g", children=[box("inner")])],
        "bgChildren": [box("grid")],
        "htmlChildren": [],
    }
    store.apply({"etype": "SET", "data": root})
    return store


def test_keys_are_found_in_every_child_list():
    store = store_with_tree()
    assert store.keys() == {"root", "g", "inner", "grid"}
    store.apply({"etype": "ADD", "data": {"nodes": [box("lamp")], "to": "grid"}})
    assert store.find("grid")["children"] == [box("lamp")]


def test_add_replaces_existing_keys_in_place_and_ignores_unknown_parents():
    store = store_with_tree()
    store.apply({"etype": "ADD", "data": {"nodes": [box("inner", color="red")], "to": None}})
    assert store.find("g")["children"] == [box("inner", color="red")]
    assert [c["key"] for c in store.root["children"]] == ["g"]
    store.apply({"etype": "ADD", "data": {"nodes": [box("x")], "to": "nowhere"}})
    assert store.find("x") is None
    store.apply({"etype": "ADD", "data": {"nodes": [box("y", children=[box("z")])], "to": "root"}})
    assert store.find("z") == box("z")


def test_update_strict_and_children():
    store = store_with_tree()
    store.apply({"etype": "UPDATE", "data": {"nodes": [box("g", a=1)]}, "strict": False})
    assert store.find("g")["a"] == 1 and store.find("inner") is not None
    store.apply({"etype": "UPDATE", "data": {"nodes": [{"key": "g", "b": 2}]}, "strict": True})
    assert store.find("g") == {"tag": "Box", "key": "g", "b": 2, "children": [box("inner")]}
    store.apply({"etype": "UPDATE", "data": {"nodes": [{"key": "g", "children": [box("new")]}]}})
    assert store.find("inner") is None and store.find("new") == box("new")
    store.apply({"etype": "UPDATE", "data": {"nodes": [box("ghost", a=1)]}})
    assert store.find("ghost") is None


def test_upsert_and_remove_subtrees():
    store = store_with_tree()
    store.apply(
        {
            "etype": "UPSERT",
            "data": {"nodes": [box("g", a=1), box("n")], "to": "g"},
            "strict": False,
        }
    )
    assert store.find("g")["a"] == 1
    assert [c["key"] for c in store.find("g")["children"]] == ["inner", "n"]
    store.apply({"etype": "REMOVE", "data": {"keys": ["g", "missing", "root"]}})
    assert store.keys() == {"root", "grid"}
    assert store.root["children"] == []
    store.apply({"etype": "GRAB_RENDER", "data": {}})  # not a scene op: ignored
    assert store.keys() == {"root", "grid"}
