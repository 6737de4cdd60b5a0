"""What a newcomer hits first: a spawn function that returns or raises, a busy port,
the settings' signature, start()'s keywords and the command line."""

from __future__ import annotations

import asyncio
import inspect
import logging
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from vuer import Vuer
from vuer._settings import Settings, _setting_names
from vuer.events import GrabRender
from vuer.server import PortInUse

SRC = Path(__file__).resolve().parents[2] / "src"


async def test_a_returning_main_closes_the_session_and_says_so_once(
    make_app, serve, connect, caplog
):
    app = make_app()

    @app.spawn
    async def main(session):
        return None

    await serve(app)
    caplog.set_level(logging.INFO, logger="vuer")
    for _ in range(2):
        client = await connect(app)
        assert await client.wait_closed(10) == 1000
    lines = [r for r in caplog.records if "returned: closing the session" in r.getMessage()]
    assert len(lines) == 1
    assert lines[0].levelno == logging.INFO
    assert "main returned: closing the session (await session.forever() to keep it open)" in (
        lines[0].getMessage()
    )


async def test_a_raising_main_closes_with_its_error_and_logs_one_traceback(
    make_app, serve, connect, caplog
):
    app = make_app()

    @app.spawn
    async def main(session):
        raise ValueError("the robot is offline")

    await serve(app)
    caplog.set_level(logging.INFO, logger="vuer")
    for _ in range(3):
        client = await connect(app)
        assert await client.wait_closed(10) == 1011
        assert client.close_reason == "ValueError: the robot is offline"
    raised = [r for r in caplog.records if "main raised" in r.getMessage()]
    assert len(raised) == 3
    assert raised[0].exc_info is not None  # the traceback, once
    assert [r.exc_info for r in raised[1:]] == [None, None]
    assert "the same ValueError: the robot is offline again" in raised[2].getMessage()
    assert "3 times so far" in raised[2].getMessage()


async def test_a_main_cut_short_by_the_page_leaving_logs_one_info_line(
    make_app, serve, connect, caplog
):
    app = make_app()
    ended = asyncio.Event()

    @app.spawn
    async def main(session):
        try:
            await session.rpc(GrabRender(), ttl=30)
        finally:
            ended.set()

    await serve(app)
    caplog.set_level(logging.INFO, logger="vuer")
    client = await connect(app)
    await client.next_message("GRAB_RENDER", timeout=10)
    await client.close()
    await asyncio.wait_for(ended.wait(), 10)
    await asyncio.sleep(0.1)
    lines = [r for r in caplog.records if "went away while it waited for" in r.getMessage()]
    assert len(lines) == 1 and lines[0].levelno == logging.INFO
    assert "the answer to GRAB_RENDER" in lines[0].getMessage()
    assert not [r for r in caplog.records if r.exc_info]


async def test_a_busy_port_is_one_clear_error(make_app):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        app = make_app()
        app.port = port
        with pytest.raises(PortInUse) as info:
            await app.astart()
    text = str(info.value)
    assert "\n" not in text
    for word in (
        f"port {port} is in use",
        "VUER_PORT",
        "--port",
        "port=",
        "--free-port",
        "stops the process holding it",
    ):
        assert word in text


def test_a_busy_port_ends_the_program_with_one_line(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        proc = subprocess.run(
            [sys.executable, "-m", "vuer.cli", "--host", "127.0.0.1", "--port", str(port)],
            cwd=tmp_path,
            env={**os.environ, "PYTHONPATH": str(SRC)},
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert proc.stderr.strip().splitlines()[-1].startswith(f"vuer: port {port} is in use")
    assert len(proc.stderr.strip().splitlines()) == 1


def test_the_signature_lists_every_setting_with_its_default():
    params = inspect.signature(Vuer).parameters
    named = {n: p for n, p in params.items() if p.kind is inspect.Parameter.KEYWORD_ONLY}
    assert set(named) == _setting_names(Settings)  # a setting added is a keyword added
    for name, param in named.items():
        assert param.default == getattr(Settings, name), name
        assert param.annotation is not inspect.Parameter.empty, name
        assert name in (Settings.__init__.__doc__ or ""), f"{name} is not documented"


def test_keywords_override_the_class_and_the_environment(monkeypatch):
    class Mine(Vuer):
        port = 9100

    monkeypatch.setenv("VUER_HOST", "0.0.0.0")
    assert (Mine().port, Mine().host) == (9100, "0.0.0.0")
    assert Mine(port=8012, host="localhost").port == 8012
    assert Mine(host="localhost").host == "localhost"
    with pytest.raises(TypeError, match="keywords"):
        Vuer(8012)  # type: ignore[misc]


def test_start_rejects_unknown_keywords():
    app = Vuer()
    with pytest.raises(TypeError, match=r"takes only free_port, got prot.*Vuer\(port=8013\)"):
        app.start(prot=8013)


def test_cli_version_and_help():
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    out = subprocess.run(
        [sys.executable, "-m", "vuer.cli", "version"], env=env, capture_output=True, text=True
    )
    from vuer import __version__

    assert out.returncode == 0 and out.stdout.strip() == __version__
    text = subprocess.run(
        [sys.executable, "-m", "vuer.cli", "--help"], env=env, capture_output=True, text=True
    ).stdout
    assert "--free-port" in text and "stop the process holding it" in text
    assert "--verbose" in text and "log every setting" in text
    readme = (SRC.parent / "README.md").read_text()
    assert "vuer --port" in readme and "vuer version" in readme
