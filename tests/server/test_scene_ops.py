"""Scene operations reach the client in order and leave it in the state asked for."""

from __future__ import annotations

from vuer.schemas.base import BlockElement, Element


class Box(Element):
    tag = "Box"


class Group(BlockElement):
    tag = "Group"


class Scene(BlockElement):
    tag = "Scene"


async def test_set_add_update_upsert_remove(make_app, serve, connect):
    app = make_app()
    done = []

    @app.spawn
    async def main(session):
        session.set @ Scene(Group(key="g"), key="root")
        session.add @ Box(key="a", args=[1, 1, 1])
        session.add(Box(key="b"), to="g")
        session.update @ Box(key="a", color="red")
        session.update(Box(key="b", args=[2, 2, 2]), strict=True)
        session.upsert @ [Box(key="a", opacity=0.5), Box(key="c")]
        session.upsert(Box(key="d"), to="g")
        session.remove @ "c"
        session.update @ Box(key="missing", color="blue")
        done.append(True)
        await session.forever()

    await serve(app)
    client = await connect(app)
    await client.wait_for(lambda c: c.counts["UPDATE"] == 3 and c.counts["REMOVE"] == 1)
    scene = client.scene
    assert scene.root["key"] == "root"
    assert scene.find("a") == {
        "tag": "Box",
        "key": "a",
        "args": [1, 1, 1],
        "color": "red",
        "opacity": 0.5,
    }
    assert scene.find("b") == {"tag": "Box", "key": "b", "args": [2, 2, 2]}
    assert [n["key"] for n in scene.find("g")["children"]] == ["b", "d"]
    assert scene.find("c") is None and scene.find("missing") is None
    assert [m["etype"] for m in client.messages] == [
        "SET",
        "ADD",
        "ADD",
        "UPDATE",
        "UPDATE",
        "UPSERT",
        "UPSERT",
        "REMOVE",
        "UPDATE",
    ]
    assert all(isinstance(m["ts"], int) for m in client.messages)
