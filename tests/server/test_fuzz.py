"""Fuzzing the frame decoder and the HTTP routes (issue 7).

A few seconds by default; ``VUER_FUZZ_EXAMPLES=20000`` runs longer.
"""

from __future__ import annotations

import asyncio
import http.client
import os
import threading
from collections.abc import Iterator
from urllib.parse import quote

import msgpack
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vuer import Vuer
from vuer.events import ClientEvent
from vuer.serdes import encode
from vuer.transport.inbound import BadFrame, parse_client_frame

EXAMPLES = int(os.environ.get("VUER_FUZZ_EXAMPLES", "100"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**63), 2**64 - 1),
    st.floats(allow_nan=True),
    st.text(max_size=20),
    st.binary(max_size=20),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=6),
        st.dictionaries(
            st.one_of(st.text(max_size=8), st.integers(-1000, 1000)), inner, max_size=6
        ),
    ),
    max_leaves=40,
)
frames = st.one_of(
    st.binary(max_size=200),
    values.map(lambda v: msgpack.packb(v, use_bin_type=True)),
    st.dictionaries(st.sampled_from(["etype", "ts", "key", "value", "_x"]), values).map(
        lambda v: msgpack.packb(v, use_bin_type=True)
    ),
    st.tuples(st.binary(min_size=1, max_size=20), st.integers(0, 1000)).map(
        lambda t: t[0] * t[1]  # repeated headers: deep or wide structures
    ),
)


@FUZZ
@given(frame=frames)
def test_the_decoder_returns_an_event_or_says_why_not(frame):
    try:
        event = parse_client_frame(frame)
    except BadFrame as e:
        assert len(str(e)) < 600
    else:
        assert isinstance(event, ClientEvent) and isinstance(event.etype, str)


@FUZZ
@given(frame=frames, cut=st.integers(0, 200), flip=st.integers(0, 255))
def test_corrupted_valid_frames(frame, cut, flip):
    good = encode({"etype": "X", "ts": 1, "value": frame})
    at = cut % len(good)
    for bad in (good[:at], good[:at] + bytes([flip]) + good[at + 1 :]):
        try:
            parse_client_frame(bad)
        except BadFrame:
            pass


class _Server:
    """A Vuer in a background loop, for synchronous HTTP requests from hypothesis."""

    def __init__(self, root) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.app = Vuer(
            host="127.0.0.1",
            port=0,
            static_root=root,
            client_root=root / "client",
            relay_token="t",
            WEBSOCKET_MAX_SIZE=1 << 16,
        )
        asyncio.run_coroutine_threadsafe(self.app.astart(), self.loop).result(10)

    def request(self, method: str, path: str, headers: dict[str, str], body: bytes):
        conn = http.client.HTTPConnection("127.0.0.1", self.app.port, timeout=10)
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            return response.status, response.read()
        finally:
            conn.close()

    def close(self) -> None:
        asyncio.run_coroutine_threadsafe(self.app.astop(), self.loop).result(10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[_Server]:
    root = tmp_path_factory.mktemp("fuzz_site")
    (root / ".secret").write_text("SECRET")
    (root / ".git").mkdir()
    (root / ".git" / "config").write_text("SECRET")
    (root / "ok.txt").write_text("fine")
    (root / "client" / "assets").mkdir(parents=True)
    (root / "client" / "index.html").write_text("<html>client</html>")
    (root / "client" / "assets" / ".hidden").write_text("SECRET")
    s = _Server(root)
    yield s
    s.close()


segments = st.one_of(
    st.sampled_from(["", ".", "..", ".secret", ".git", "config", "ok.txt", "%2e", "%2e%2e"]),
    st.text(max_size=12).map(lambda t: quote(t, safe="")),
)
paths = st.tuples(
    st.sampled_from(["/static", "/workspace", "/assets", "/relay", "", "/"]),
    st.lists(segments, max_size=5),
).map(lambda t: t[0] + "/" + "/".join(t[1]))
headers = st.fixed_dictionaries(
    {},
    optional={
        "Origin": st.sampled_from(
            ["https://evil.example", "null", "http://localhost:1", "https://vuer.ai", "x"]
        ),
        "Authorization": st.sampled_from(["Bearer t", "Bearer x", ""]),
        "Content-Type": st.sampled_from(["application/msgpack", "text/plain"]),
    },
)


@FUZZ
@given(
    method=st.sampled_from(["GET", "POST", "OPTIONS", "PUT", "HEAD"]),
    path=paths,
    query=st.sampled_from(["", "?sid=*", "?sid=nobody", "?sid="]),
    headers=headers,
    body=st.one_of(st.binary(max_size=300), frames),
)
def test_routes_never_fail_or_leak(server, method, path, query, headers, body):
    status, answer = server.request(method, path + query, headers, body)
    assert status < 500, (method, path, status, answer[:200])
    assert b"SECRET" not in answer
