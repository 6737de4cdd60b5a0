"""Etypes are spelled in generated TypeScript only: hand-written client code names
them through generated/protocol.ts, so a renamed message cannot leave a stale
string behind (comments may still mention them)."""

from __future__ import annotations

import re
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "client" / "src"
PROTOCOL = SRC / "generated" / "protocol.ts"


def declared_etypes() -> set[str]:
    text = PROTOCOL.read_text(encoding="utf-8")
    server = set(re.findall(r'^\s+etype: "(\w+)";', text, re.M))
    events = text.split("export interface ClientEventValues {", 1)[1].split("\n}\n", 1)[0]
    return server | set(re.findall(r'^\s+"(\w+)": ', events, re.M))


def _code(line: str) -> str:
    """The line without its // comment (a URL's // sits inside a string, not here)."""
    return re.sub(r"^\s*(\*|/\*).*$", "", line.split("//", 1)[0])


def literal_etypes(root: Path = SRC) -> list[str]:
    etypes = declared_etypes()
    found = []
    for path in sorted([*root.rglob("*.ts"), *root.rglob("*.tsx")]):
        if "generated" in path.parts:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for literal in re.findall(r"""["'`](\w+)["'`]""", _code(line)):
                if literal in etypes:
                    found.append(f"{path.relative_to(root)}:{number}: {literal}")
    return found


def test_the_declared_etypes_are_read() -> None:
    etypes = declared_etypes()
    assert {"SET", "REMOVE", "GRAB_RENDER", "CAMERA_MOVE", "KeyDown", "WEBXR_MESH_UPDATE"} <= etypes


def test_hand_written_client_code_spells_no_etype() -> None:
    assert literal_etypes() == []
