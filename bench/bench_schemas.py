"""Serialization speed of scene elements, printed as JSON lines (nothing asserted).

    python bench/bench_schemas.py [--points 1000000] [--repeat 7]

Each figure is the best of ``--repeat`` runs, in milliseconds, from building
the element out of numpy arrays to the msgpack bytes ``vuer.serdes.encode``
sends. Target: a 1,000,000-point cloud in at most 20 ms. The last line is
what prop validation adds to building and encoding 10,000 ``Box``es
(target: under 20%).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from vuer import serdes  # noqa: E402
from vuer.schemas import Box, PointCloud, TriMesh  # noqa: E402


def best_ms(fn: Callable[[], Any], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best * 1e3


def report(name: str, ms: float, **extra: Any) -> None:
    print(json.dumps({"bench": name, "ms": round(ms, 3), **extra}), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--points", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    n, repeat = args.points, args.repeat
    rng = np.random.default_rng(0)
    vertices = rng.standard_normal((n, 3), dtype=np.float32)
    colors_u8 = rng.integers(0, 256, (n, 3), dtype=np.uint8)
    colors_f32 = rng.random((n, 3), dtype=np.float32)

    cases: dict[str, Callable[[], bytes]] = {
        "pointcloud_f32_vertices_u8_colors": lambda: serdes.encode(
            PointCloud(vertices=vertices, colors=colors_u8, size=0.01)
        ),
        "pointcloud_f32_vertices_float_colors": lambda: serdes.encode(
            PointCloud(vertices=vertices, colors=colors_f32, size=0.01)
        ),
        "pointcloud_precision_float32": lambda: serdes.encode(
            PointCloud(vertices=vertices, colors=colors_u8, precision="float32")
        ),
    }
    for name, fn in cases.items():
        size = len(fn())
        report(name, best_ms(fn, repeat), points=n, bytes=size, target_ms=20)

    faces = rng.integers(0, n, (n * 2 // 3, 3), dtype=np.int64)

    def mesh() -> bytes:
        return serdes.encode(TriMesh(vertices=vertices, faces=faces, colors=colors_u8))

    report("trimesh", best_ms(mesh, repeat), vertices=n, faces=len(faces))

    # The server's target: 5,000 ``update @ Box(...)`` per ~0.05 s.
    boxes = [Box(key=f"b{i}", position=[i * 0.1, 0.0, 1.0]) for i in range(5000)]

    def serialize_each() -> list[dict[str, Any]]:
        return [b._serialize() for b in boxes]

    def encode_each() -> list[bytes]:
        return [serdes.encode({"etype": "UPDATE", "data": {"nodes": [b]}}) for b in boxes]

    ms = best_ms(serialize_each, repeat)
    report("box_serialize_5000", ms, us_per_element=round(ms * 1e3 / 5000, 3))
    ms = best_ms(encode_each, repeat)
    report("box_update_encode_5000", ms, us_per_message=round(ms * 1e3 / 5000, 3))
    validation_cost(repeat)


def validation_cost(repeat: int) -> None:
    """What checking props against their ``Props:`` declarations adds to building and
    encoding 10,000 ``Box``es (target: under 20%), against the same work unchecked.

    Timed as ten batches of 1,000, each the best of many interleaved runs with and
    without the check, so a busy machine's pauses do not land on one side only.
    """
    from vuer.schemas import base

    def build_and_encode(first: int) -> None:
        for i in range(first, first + 1000):
            box = Box(
                key=f"b{i}",
                args=[0.1, 0.1, 0.1],
                position=[i * 0.1, 0.0, 1.0],
                rotation=[0.0, 0.5, 0.0],
                material={"color": "red"},
            )
            serdes.encode({"etype": "UPDATE", "data": {"nodes": [box]}})

    check_props = base.check_props
    checked = [float("inf")] * 10
    unchecked = [float("inf")] * 10
    for _ in range(max(repeat, 3) * 3):
        for batch in range(10):
            run = partial(build_and_encode, batch * 1000)
            checked[batch] = min(checked[batch], best_ms(run, 1))
            base.check_props = lambda cls, props: None  # type: ignore[assignment]
            try:
                unchecked[batch] = min(unchecked[batch], best_ms(run, 1))
            finally:
                base.check_props = check_props
    with_check, without = sum(checked), sum(unchecked)
    report(
        "box_build_encode_10000_validation",
        with_check,
        unchecked_ms=round(without, 3),
        added_pct=round((with_check / without - 1) * 100, 1),
        target_pct=20,
    )


if __name__ == "__main__":
    main()
