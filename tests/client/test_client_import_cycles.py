"""The client's modules import one another without cycles (type-only imports count too).

A cycle makes evaluation order depend on which module loads first; the module
graph is read from the import lines of client/src, no bundler needed.
"""

from __future__ import annotations

import re
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "client" / "src"
SUFFIXES = (".ts", ".tsx")
# `import ... from "./x"`, `export ... from "./x"`, `import "./x"`, `import("./x")`.
SPECIFIER = re.compile(
    r"""(?:^|\n)\s*(?:import|export)\b[^'"]*?(?:\bfrom\s*)?['"](\.[^'"]+)['"]"""
    r"""|\bimport\(\s*['"](\.[^'"]+)['"]\s*\)"""
)


def _resolve(source: Path, spec: str) -> Path | None:
    base = (source.parent / spec).resolve()
    candidates = [base, *(base.with_name(base.name + s) for s in SUFFIXES)]
    candidates += [base / f"index{s}" for s in SUFFIXES]
    return next((c for c in candidates if c.is_file() and c.suffix in SUFFIXES), None)


def import_graph(root: Path = SRC) -> dict[Path, set[Path]]:
    files = [p for p in root.rglob("*") if p.suffix in SUFFIXES and not p.name.endswith(".d.ts")]
    graph: dict[Path, set[Path]] = {}
    for path in files:
        text = path.read_text(encoding="utf-8")
        targets = {_resolve(path, a or b) for a, b in SPECIFIER.findall(text)}
        graph[path.resolve()] = {t for t in targets if t is not None}
    return graph


def cycles(graph: dict[Path, set[Path]]) -> list[list[Path]]:
    """Strongly connected components with more than one module, or a self-import (Tarjan)."""
    index: dict[Path, int] = {}
    low: dict[Path, int] = {}
    stack: list[Path] = []
    on_stack: set[Path] = set()
    found: list[list[Path]] = []

    def visit(node: Path) -> None:
        # Recursion depth is bounded by the number of modules (a few hundred).
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1 or node in graph.get(node, ()):
                found.append(component)

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_reader_sees_imports() -> None:
    graph = import_graph()
    main = (SRC / "main.tsx").resolve()
    assert (SRC / "App.tsx").resolve() in graph[main]
    assert (SRC / "interaction" / "index.ts").resolve() in graph[main]


def test_a_cycle_is_found(tmp_path: Path) -> None:
    (tmp_path / "a.ts").write_text('import type { B } from "./b";\nexport type A = B;\n')
    (tmp_path / "b.ts").write_text('export { thing } from "./a";\nexport type B = 1;\n')
    (tmp_path / "c.ts").write_text('import "./a";\n')
    assert [sorted(p.name for p in c) for c in cycles(import_graph(tmp_path))] == [["a.ts", "b.ts"]]


def test_client_has_no_import_cycles() -> None:
    found = [sorted(str(p.relative_to(SRC)) for p in c) for c in cycles(import_graph())]
    assert found == []
