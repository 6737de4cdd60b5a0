"""Hostile client frames: decode amplification, deep nesting, log flooding (issue 7, faults 1, 2, 6)."""

from __future__ import annotations

import asyncio
import logging
import tracemalloc

import msgpack
import pytest

from vuer.serdes import encode
from vuer.transport.inbound import BadFrame, parse_client_frame


def empty_maps_frame(size: int, chunk: int = 65_000) -> bytes:
    """``{"etype": "X", "value": [[{}, {}, ...], ...]}`` of exactly ``size`` bytes:
    valid msgpack with one wire byte per Python dict."""
    head = msgpack.packb({"etype": "X", "value": None})[:-1]  # drop the nil, keep the map
    room = size - len(head) - 5
    count, rest = divmod(room, chunk + 3)
    if 0 < rest < 3:
        count, rest = count - 1, rest + chunk + 3
    inners = [chunk] * count + ([rest - 3] if rest else [])
    body = b"".join(b"\xdc" + n.to_bytes(2, "big") + b"\x80" * n for n in inners)
    return head + b"\xdd" + len(inners).to_bytes(4, "big") + body


def nested(depth: int) -> bytes:
    return b"\x91" * depth + b"\xc0"  # [[[...[nil]...]]]


def test_decoding_holds_a_small_multiple_of_the_frame():
    size = 2 << 20
    frame = empty_maps_frame(size)
    assert len(frame) == size and len(msgpack.unpackb(frame)["value"]) == 33
    tracemalloc.start()
    try:
        with pytest.raises(BadFrame, match="memory"):
            parse_client_frame(frame)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak <= 4 * size, f"decoding a {size}-byte frame peaked at {peak} bytes"


def test_a_declared_length_is_not_allocated_before_it_is_read():
    # an array header claiming 2**32-1 elements, with no elements behind it
    frame = msgpack.packb({"etype": "X", "value": None})[:-1] + b"\xdd\xff\xff\xff\xff"
    tracemalloc.start()
    try:
        with pytest.raises(BadFrame):
            parse_client_frame(frame)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 4 << 20


def test_ordinary_events_decode():
    value = {"position": [0.1] * 16, "frame": b"\xff" * 100_000, "names": ["a"] * 100}
    event = parse_client_frame(encode({"etype": "CAMERA_MOVE", "ts": 1, "value": value}))
    assert event.value == value
    deep: list = [0]
    for _ in range(30):
        deep = [deep]
    assert parse_client_frame(encode({"etype": "X", "value": deep})).value == deep


async def until(condition, timeout: float = 5.0) -> None:
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while not condition():
        assert loop.time() < end, "condition not met in time"
        await asyncio.sleep(0.02)


def probe(app) -> tuple[list, asyncio.Event]:
    got: list = []
    ok = asyncio.Event()

    @app.add_handler("OK")
    def on_ok(event, session):
        got.append(event.value)
        ok.set()

    return got, ok


async def test_amplifying_frame_is_skipped_and_the_session_goes_on(
    make_app, serve, connect, caplog
):
    app = make_app(WEBSOCKET_MAX_SIZE=4 << 20)
    got, ok = probe(app)
    seen = []
    app.add_handler("X", lambda event, session: seen.append(event))
    await serve(app)
    client = await connect(app)
    with caplog.at_level(logging.WARNING, logger="vuer"):
        await client.send_raw(empty_maps_frame(4 << 20))
        await client.send("OK", 1)
        await asyncio.wait_for(ok.wait(), 10)
    assert got == [1] and seen == [] and not client.closed
    lines = [r.getMessage() for r in caplog.records if "skipped a bad frame" in r.getMessage()]
    assert len(lines) == 1 and "memory" in lines[0] and len(lines[0]) < 700


async def test_inbound_queue_is_bounded_in_bytes(make_app, serve, connect):
    app = make_app(queue_max_bytes=1 << 20, queue_len=100)
    got, ok = probe(app)
    sessions = []
    app.spawn(lambda session: sessions.append(session) or session.forever())
    await serve(app)
    client = await connect(app)
    for i in range(8):
        await client.send("BLOB", b"x" * 300_000, key=str(i))
    await client.send("OK", 1)
    await asyncio.wait_for(ok.wait(), 10)
    await until(lambda: bool(sessions))
    session = sessions[0]
    blobs = [e for e in session.downlink_queue if e.etype == "BLOB"]
    assert 1 <= len(blobs) <= 3
    assert blobs[-1].key == "7"  # the newest are kept
    assert session.inbound_bytes <= 1 << 20


@pytest.mark.parametrize(
    "frame",
    [
        msgpack.packb({"etype": None})[:-1] + nested(1000),  # etype nested 1,000 deep
        msgpack.packb({"etype": "X", "value": None})[:-1] + nested(200),
        nested(5000),
    ],
    ids=["etype-1000", "value-200", "frame-5000"],
)
async def test_deep_nesting_is_skipped_with_one_short_line(make_app, serve, connect, caplog, frame):
    app = make_app()
    got, ok = probe(app)
    await serve(app)
    client = await connect(app)
    with caplog.at_level(logging.WARNING, logger="vuer"):
        await client.send_raw(frame)
        await client.send("OK", 1)
        await asyncio.wait_for(ok.wait(), 5)
    assert got == [1] and not client.closed
    lines = [r.getMessage() for r in caplog.records if r.name.startswith("vuer")]
    assert len(lines) == 1 and "skipped a bad frame" in lines[0]
    assert len(lines[0]) < 700


async def test_bad_input_logging_is_bounded_and_rate_limited(make_app, serve, connect, caplog):
    app = make_app()
    got, ok = probe(app)
    await serve(app)
    client = await connect(app)
    with caplog.at_level(logging.DEBUG, logger="vuer"):
        for i in range(10):  # unknown RPC answers with 1 MB etypes
            await client.send_raw(encode({"etype": f"X_RESPONSE@{i}" + "a" * 1_000_000}))
            await client.send_raw(encode({"etype": f"Y_RESPONSE@{i}", "value": "b" * 100_000}))
            await client.send_raw(b"\xc1" * 100_000)
        await client.send("OK", 1)
        await asyncio.wait_for(ok.wait(), 10)
    assert got == [1]
    logged = sum(len(r.getMessage()) for r in caplog.records if r.name.startswith("vuer"))
    assert logged < 10_000, f"{logged} characters logged for 30 bad frames"
    assert any("no pending RPC" in r.getMessage() for r in caplog.records)
