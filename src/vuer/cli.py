"""``vuer``: serve an empty ``DefaultScene`` (and a folder of assets) from the command line.

vuer --port 8013 --static-root .
vuer version
"""

from __future__ import annotations

import argparse
import logging
from collections.abc import Sequence
from typing import Any

from vuer.__about__ import __version__

logger = logging.getLogger("vuer.cli")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vuer",
        description="Serve the vuer client with an empty DefaultScene. Settings left out "
        "come from the VUER_* environment variables, then the defaults.",
    )
    parser.add_argument(
        "command",
        nargs="?",
        choices=("serve", "version"),
        default="serve",
        help="serve (the default): serve the client; version: print the version",
    )
    parser.add_argument("--version", action="version", version=f"vuer {__version__}")
    parser.add_argument("--host", help='interface to bind (default "localhost")')
    parser.add_argument("--port", type=int, help="port to listen on (default 8012)")
    parser.add_argument(
        "--static-root",
        "--workspace",
        dest="static_root",
        action="append",
        help="folder served at /static and /workspace (repeatable; default .)",
    )
    parser.add_argument("--cors", help="comma-separated allowed origins, * for any")
    parser.add_argument("--cert", help="TLS certificate (PEM); serves https/wss with --key")
    parser.add_argument("--key", help="TLS private key (PEM)")
    parser.add_argument("--ca-cert", dest="ca_cert", help="require client certificates from CA")
    parser.add_argument("--queue-len", dest="queue_len", type=int, help="per-session queue bound")
    parser.add_argument(
        "--free-port",
        dest="free_port",
        action="store_true",
        default=None,
        help="if the port is in use, stop the process holding it first",
    )
    parser.add_argument(
        "--verbose", action="store_true", default=None, help="log every setting at start"
    )
    parser.add_argument("--log-level", default="INFO", help="logging level (default INFO)")
    return parser


def main(argv: Sequence[str] | None = None) -> None:
    args = build_parser().parse_args(argv)
    if args.command == "version":
        print(__version__)
        return
    logging.basicConfig(level=args.log_level.upper(), format="%(message)s")
    settings: dict[str, Any] = {
        name: value
        for name, value in vars(args).items()
        if name not in ("log_level", "command") and value is not None
    }
    from vuer.schemas import DefaultScene
    from vuer.server import Vuer
    from vuer.session import VuerSession

    app = Vuer(**settings)

    @app.spawn
    async def serve_scene(session: VuerSession) -> None:
        session.set @ DefaultScene()
        await session.forever()

    app.start()


if __name__ == "__main__":
    main()
