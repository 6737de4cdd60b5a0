"""A websocket reader for benchmarks: a blocking socket, frames parsed in place.

``bench_server.py yielding`` times a server from its first update until its
client holds the final state. A client that spends more per message than the
server it reads makes that a figure of the client: ``vuer.testing.HeadlessClient``
(aiohttp, a task switch per message) took 32 ms or more for 5,000 frames a bare
server sent in 17 ms. This reader parses a frame in about 2 µs, below what
either server spends sending one, so both are timed on their own sending. It
still decodes every frame and checks the final state, so a server cannot win by
sending less.
"""

from __future__ import annotations

import base64
import os
import socket
import struct
import time
from typing import Any

import msgpack

__all__ = ["read_run"]


def _connect(port: int) -> tuple[socket.socket, bytearray]:
    sock = socket.create_connection(("127.0.0.1", port), timeout=60)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    key = base64.b64encode(os.urandom(16)).decode()
    request = (
        f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
        f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"
    )
    sock.sendall(request.encode())
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError(f"127.0.0.1:{port} closed during the handshake")
        data += chunk
    head, rest = data.split(b"\r\n\r\n", 1)
    if b" 101 " not in head.split(b"\r\n", 1)[0]:
        raise ConnectionError(f"127.0.0.1:{port} refused the websocket: {head[:200]!r}")
    return sock, bytearray(rest)


def _send_event(sock: socket.socket, etype: str, value: Any) -> None:
    payload = msgpack.packb({"etype": etype, "ts": time.time_ns() // 1_000_000, "value": value})
    mask = os.urandom(4)
    masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
    if len(payload) >= 126:
        raise ValueError("bench events are small")
    sock.sendall(bytes((0x82, 0x80 | len(payload))) + mask + masked)


def read_run(port: int, run: str, done_key: str = "done") -> tuple[dict[str, Any], dict[str, Any]]:
    """Send ``RUN`` with ``run``; read until an ADD of ``done_key`` arrives.

    Returns that node and the last ``position`` each key got in an UPDATE.
    """
    sock, data = _connect(port)
    try:
        _send_event(sock, "RUN", run)
        positions: dict[str, Any] = {}
        # One buffer for every read: ``recv(1 << 20)`` would map and unmap a fresh
        # megabyte per call, which costs more than the frames it returns.
        chunk = bytearray(1 << 20)
        view = memoryview(chunk)
        pos = 0
        while True:
            while len(data) - pos >= 2:  # every whole frame in the buffer
                opcode, size, start = data[pos] & 0x0F, data[pos + 1] & 0x7F, pos + 2
                if size == 126:
                    if len(data) - pos < 4:
                        break
                    size, start = struct.unpack_from("!H", data, pos + 2)[0], pos + 4
                elif size == 127:
                    if len(data) - pos < 10:
                        break
                    size, start = struct.unpack_from("!Q", data, pos + 2)[0], pos + 10
                if len(data) < start + size:
                    break
                pos = start + size
                if opcode != 2:  # control frames (ping, close) carry no scene
                    continue
                msg = msgpack.unpackb(data[start:pos], raw=False, strict_map_key=False)
                if msg.get("etype") == "UPDATE":
                    for node in msg["data"]["nodes"]:
                        if "position" in node:
                            positions[node["key"]] = node["position"]
                elif msg.get("etype") == "ADD":
                    for node in msg["data"]["nodes"]:
                        if node.get("key") == done_key:
                            return node, positions
            del data[:pos]
            pos = 0
            got = sock.recv_into(chunk)
            if not got:
                raise ConnectionError(f"127.0.0.1:{port} closed before {done_key!r} arrived")
            data += view[:got]
    finally:
        sock.close()
