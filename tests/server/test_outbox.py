"""The outbox merges only while the client is behind, and never reorders structural ops."""

from __future__ import annotations

import asyncio

import numpy as np
import pytest

from vuer._scene_store import SceneStore
from vuer.serdes import decode, encode
from vuer.transport.outbox import Outbox


class GatedSend:
    """A send that blocks (like a full transport) until the gate opens."""

    def __init__(self) -> None:
        self.frames: list[dict] = []
        self.gate = asyncio.Event()
        self.entered = asyncio.Event()

    async def __call__(self, data: bytes) -> None:
        self.entered.set()
        await self.gate.wait()
        self.frames.append(decode(data))


def update(box, key, strict=False, **props):
    nodes = [{"tag": "Box", "key": key, **props}]
    msg = {"etype": "UPDATE", "ts": 1, "data": {"nodes": nodes}, "strict": strict}
    box.push_update(nodes, strict, lambda: encode(msg))


def op(box, etype, data):
    box.push(etype, encode({"etype": etype, "ts": 1, "data": data}))


async def start_blocked():
    send = GatedSend()
    overflows: list[str] = []
    box = Outbox(send, cap_bytes=1 << 20, on_overflow=overflows.append, name="t")
    writer = asyncio.ensure_future(box.run())
    op(box, "SET", {"tag": "Scene", "key": "root", "children": [{"tag": "Box", "key": "a"}]})
    await asyncio.wait_for(send.entered.wait(), 2)
    assert box.behind
    return send, box, writer, overflows


async def finish(send, box, writer):
    send.gate.set()
    await asyncio.wait_for(box.drained(), 2)
    box.close()
    await asyncio.wait_for(writer, 2)


async def test_updates_merge_while_behind_and_keep_order():
    send, box, writer, _ = await start_blocked()
    for i in range(1000):
        update(box, "a", x=i)
        update(box, "b", y=i)
    update(box, "a", strict=True, z=1)
    update(box, "a", w=2)
    op(box, "ADD", {"nodes": [{"tag": "Box", "key": "b"}], "to": None})  # seals the run
    update(box, "b", y=-1)
    await finish(send, box, writer)

    etypes = [f["etype"] for f in send.frames]
    assert etypes == ["SET", "UPDATE", "UPDATE", "ADD", "UPDATE"]
    loose, strict = send.frames[1], send.frames[2]
    assert loose["data"]["nodes"] == [{"tag": "Box", "key": "b", "y": 999}]
    assert strict["strict"] is True
    assert strict["data"]["nodes"] == [{"tag": "Box", "key": "a", "z": 1, "w": 2}]
    store = SceneStore()
    for frame in send.frames:
        store.apply(frame)
    assert store.find("a") == {"tag": "Box", "key": "a", "z": 1, "w": 2}
    assert store.find("b") == {"tag": "Box", "key": "b", "y": -1}


async def test_no_merging_while_the_client_keeps_up():
    sent: list[dict] = []

    async def send(data: bytes) -> None:
        sent.append(decode(data))

    box = Outbox(send, cap_bytes=1 << 20, on_overflow=lambda m: None)
    writer = asyncio.ensure_future(box.run())
    for i in range(100):
        update(box, "a", x=i)
    await asyncio.wait_for(box.drained(), 2)
    box.close()
    await asyncio.wait_for(writer, 2)
    assert [f["data"]["nodes"][0]["x"] for f in sent] == list(range(100))


async def test_set_supersedes_queued_scene_ops_but_keeps_rpcs():
    send, box, writer, _ = await start_blocked()
    op(box, "ADD", {"nodes": [{"tag": "Box", "key": "x"}], "to": None})
    update(box, "x", color="red")
    box.push("GRAB_RENDER", encode({"etype": "GRAB_RENDER", "uuid": "u1", "data": {}}))
    op(box, "REMOVE", {"keys": ["a"]})
    op(box, "SET", {"tag": "Scene", "key": "root2"})
    await finish(send, box, writer)
    assert [f["etype"] for f in send.frames] == ["SET", "GRAB_RENDER", "SET"]
    assert send.frames[-1]["data"]["key"] == "root2"


async def test_children_updates_are_never_merged():
    send, box, writer, _ = await start_blocked()
    update(box, "b", color="red")
    update(box, "a", children=[{"tag": "Box", "key": "b"}])
    update(box, "b", color="blue")
    await finish(send, box, writer)
    assert [len(f["data"]["nodes"]) for f in send.frames[1:]] == [1, 1, 1]
    store = SceneStore()
    for frame in send.frames:
        store.apply(frame)
    assert store.find("b")["color"] == "blue"


async def test_overflow_closes_instead_of_growing():
    send = GatedSend()
    overflows: list[str] = []
    box = Outbox(send, cap_bytes=10_000, on_overflow=overflows.append, name="slow")
    writer = asyncio.ensure_future(box.run())
    op(box, "SET", {"tag": "Scene", "key": "root"})
    await asyncio.wait_for(send.entered.wait(), 2)
    for i in range(100):
        op(box, "ADD", {"nodes": [{"tag": "Box", "key": f"k{i}", "pad": "x" * 500}]})
    assert box.closed and len(overflows) == 1
    assert "slow" in overflows[0] and "10000" in overflows[0]
    assert box.pending_bytes == 0
    send.gate.set()
    await asyncio.wait_for(writer, 2)


async def test_an_unencodable_update_while_behind_raises_and_changes_nothing():
    send, box, writer, _ = await start_blocked()
    update(box, "a", x=1)
    nodes = [{"tag": "Box", "key": "a", "bad": object()}]
    with pytest.raises(TypeError):
        box.push_update(nodes, False, lambda: encode(nodes))
    await finish(send, box, writer)
    assert send.frames[-1]["data"]["nodes"] == [{"tag": "Box", "key": "a", "x": 1}]


async def test_fast_path_writes_at_once_only_when_nothing_waits():
    send = GatedSend()
    direct: list[dict] = []
    room = {"open": True}

    def write_now(data: bytes) -> bool:
        if room["open"]:
            direct.append(decode(data))
        return room["open"]

    box = Outbox(send, cap_bytes=1 << 20, on_overflow=lambda m: None, write_now=write_now)
    writer = asyncio.ensure_future(box.run())
    update(box, "a", x=0)
    assert [f["data"]["nodes"][0]["x"] for f in direct] == [0]  # written without a task switch
    room["open"] = False  # the transport is full: queue, and the writer sends it
    update(box, "a", x=1)
    await asyncio.wait_for(send.entered.wait(), 2)
    room["open"] = True
    for i in range(2, 50):  # the writer waits on the transport: these merge, never jump ahead
        update(box, "a", x=i)
    assert len(direct) == 1
    await finish(send, box, writer)
    assert [f["data"]["nodes"][0]["x"] for f in send.frames] == [1, 49]
    assert box.frames_sent == 3
    update(box, "a", x=99)  # closed: neither path takes it
    assert len(direct) == 1


async def test_an_update_queued_while_behind_keeps_the_values_of_the_call():
    # Behind, updates wait as maps to merge by key: they must be copies, since
    # the program goes on editing the element (a numpy array in place here).
    from vuer import Vuer
    from vuer.schemas import Box
    from vuer.session import VuerSession

    session = VuerSession(Vuer(), "s")
    send = GatedSend()
    session._outbox = box = Outbox(send, cap_bytes=1 << 20, on_overflow=lambda m: None)
    writer = asyncio.ensure_future(box.run())
    op(box, "SET", {"tag": "Scene", "key": "root", "children": [{"tag": "Box", "key": "a"}]})
    await asyncio.wait_for(send.entered.wait(), 2)
    assert box.behind
    element = Box(key="a", position=np.zeros(3), args=[1, 1, 1])
    session.update @ element
    element.position[0] = 5.0
    element.args.append(9)
    await finish(send, box, writer)
    assert send.frames[-1]["data"]["nodes"] == [
        {"tag": "Box", "key": "a", "position": [0.0, 0.0, 0.0], "args": [1, 1, 1]}
    ]
