"""vuer.protocol is the one declaration of the messages: the rest of vuer uses it."""

from __future__ import annotations

import ast
import typing
from pathlib import Path

from vuer import protocol, xr_events
from vuer.events import Add, GrabRender, Remove, Set, Update, Upsert

SRC = Path(__file__).resolve().parents[2] / "src" / "vuer"

ETYPES = {
    value
    for name, value in vars(protocol).items()
    if name.isupper() and isinstance(value, str) and name != "RESPONSE_MARK"
}


def _plain_strings(tree: ast.AST) -> list[ast.Constant]:
    """String constants that are neither docstrings nor ``__all__`` entries."""
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                skip.add(id(body[0].value))
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets
        ):
            skip.update(id(n) for n in ast.walk(node.value))
    return [
        n
        for n in ast.walk(tree)
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in skip
    ]


def test_etype_strings_are_spelled_only_in_protocol() -> None:
    found = []
    for path in sorted(SRC.rglob("*.py")):
        if path.name == "protocol.py":
            continue
        for node in _plain_strings(ast.parse(path.read_text(encoding="utf-8"))):
            if node.value in ETYPES or protocol.RESPONSE_MARK in node.value:
                found.append(f"{path.relative_to(SRC)}:{node.lineno}: {node.value!r}")
    assert not found, "etype strings outside vuer.protocol:\n" + "\n".join(found)


def test_the_protocol_module_names_every_declared_etype() -> None:
    declared = [m.etype for m in protocol.SERVER_MESSAGES] + [
        e.etype for e in protocol.CLIENT_EVENTS
    ]
    assert set(declared) <= ETYPES
    assert len({m.etype for m in protocol.SERVER_MESSAGES}) == len(protocol.SERVER_MESSAGES)
    assert len({e.etype for e in protocol.CLIENT_EVENTS}) == len(protocol.CLIENT_EVENTS)


def _declared_keys(etype: str) -> set[str]:
    return {"etype", "ts", *protocol.SERVER_BY_ETYPE[etype].fields}


def test_scene_op_builders_carry_the_declared_fields() -> None:
    nodes = [{"tag": "Box", "key": "b"}]
    built = [
        protocol.set_message({"tag": "Scene", "key": "s"}, 1),
        protocol.add_message(nodes, None, 1),
        protocol.update_message(nodes, False, 1),
        protocol.upsert_message(nodes, "s", True, 1),
        protocol.remove_message(["b"], 1),
    ]
    for msg in built:
        assert set(msg) == _declared_keys(msg["etype"]), msg
        fields = protocol.SERVER_BY_ETYPE[msg["etype"]].fields
        data_type = fields["data"]
        if typing.is_typeddict(data_type):
            assert set(msg["data"]) == set(typing.get_type_hints(data_type)), msg


def test_event_classes_serialize_the_declared_fields() -> None:
    box = {"tag": "Box", "key": "b"}
    for event in (
        Set({"tag": "Scene", "key": "s"}),
        Add(box),
        Update(box),
        Upsert(box),
        Remove("b"),
    ):
        msg = event._serialize()
        assert msg["etype"] == event.etype
        assert {"etype", "ts", "data"} <= set(msg) <= _declared_keys(event.etype), msg
    request = GrabRender(key="view")._serialize()
    assert {"uuid", "key", "data"} <= set(request) <= _declared_keys(protocol.GRAB_RENDER)


def test_rpc_answer_etypes_round_trip() -> None:
    rtype = protocol.response_etype(protocol.GRAB_RENDER, "u-1")
    assert protocol.is_response(rtype)
    assert protocol.request_of(rtype) == protocol.GRAB_RENDER
    assert not protocol.is_response(protocol.GRAB_RENDER)
    assert GrabRender(uuid="u-1").rtype == rtype


def test_client_message_keeps_key_optional() -> None:
    assert protocol.client_message(protocol.SLIDE, 3, 5) == {"etype": "SLIDE", "ts": 5, "value": 3}
    msg = protocol.client_message(protocol.SLIDE, 3, 5, "s", done=True)
    assert msg == {"etype": "SLIDE", "ts": 5, "value": 3, "done": True, "key": "s"}


def test_xr_events_reexports_the_protocol_declarations() -> None:
    for name in xr_events.__all__:
        assert getattr(xr_events, name) is getattr(protocol, name), name
