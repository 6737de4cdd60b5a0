"""``Vuer(free_port=True)``: stop whatever process listens on our port before binding.

Linux only (it reads /proc); elsewhere it logs that it cannot and does nothing.
"""

from __future__ import annotations

import logging
import os
import signal
from pathlib import Path

logger = logging.getLogger("vuer.server")

_LISTEN = "0A"


def _listening_inodes(port: int) -> set[str]:
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            if (
                len(fields) > 9
                and fields[3] == _LISTEN
                and int(fields[1].rsplit(":", 1)[1], 16) == port
            ):
                inodes.add(fields[9])
    return inodes


def _pids_holding(inodes: set[str]) -> set[int]:
    pids = set()
    targets = {f"socket:[{i}]" for i in inodes}
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            for fd in (proc / "fd").iterdir():
                if os.readlink(fd) in targets:
                    pids.add(int(proc.name))
                    break
        except OSError:
            continue
    return pids


def free_port(port: int) -> list[int]:
    """Send SIGTERM to the processes listening on ``port``; return their ids."""
    if not Path("/proc/net/tcp").exists():
        logger.warning("free_port: cannot look up port owners on this system")
        return []
    pids = sorted(_pids_holding(_listening_inodes(port)) - {os.getpid()})
    for pid in pids:
        logger.warning("free_port: stopping process %d, which listens on port %d", pid, port)
        try:
            os.kill(pid, signal.SIGTERM)
        except OSError as e:
            logger.warning("free_port: could not stop process %d: %s", pid, e)
    return pids
