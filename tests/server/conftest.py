"""Fixtures for the server tests: a Vuer on a free loopback port and headless clients."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest

from vuer import Vuer
from vuer.testing import HeadlessClient, running


@pytest.fixture
def make_app(tmp_path: Any) -> Callable[..., Vuer]:
    """A Vuer bound to 127.0.0.1 on a free port (port=0), serving an empty temp folder."""

    def make(**settings: Any) -> Vuer:
        settings.setdefault("static_root", tmp_path)
        settings.setdefault("client_root", tmp_path / "no_client")
        return Vuer(host="127.0.0.1", port=0, **settings)

    return make


@pytest.fixture
async def serve() -> AsyncIterator[Callable[[Vuer], Any]]:
    """``await serve(app)`` starts the app in the test's loop; it stops when the test ends."""
    started: list[Any] = []

    async def start(app: Vuer) -> Vuer:
        ctx = running(app)
        await ctx.__aenter__()
        started.append(ctx)
        return app

    yield start
    for ctx in reversed(started):
        await ctx.__aexit__(None, None, None)


@pytest.fixture
async def connect() -> AsyncIterator[Callable[..., Any]]:
    """``await connect(app, **kw)``: a HeadlessClient, closed when the test ends."""
    clients: list[HeadlessClient] = []

    async def make(app: Vuer, **kwargs: Any) -> HeadlessClient:
        client = HeadlessClient(app.get_url("127.0.0.1"), **kwargs)
        await client.connect()
        clients.append(client)
        return client

    yield make
    for client in clients:
        await client.close()
