"""Axis conventions: 4x4 matrices between X-, Y- and Z-up frames, and ``to_mat``.

The six constants hold the same numbers as the public package, so scripts
that multiply by them get the same result. ``Z2Y``/``Y2Z`` are inverses of
each other; the X pairs are not (as upstream), so check which one you need.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

__all__ = ["X2Y", "X2Z", "Y2X", "Y2Z", "Z2X", "Z2Y", "to_mat"]


def _mat(rows: Sequence[Sequence[int]]) -> np.ndarray:
    out = np.eye(4, dtype=np.int64)
    out[:3, :3] = rows
    return out


# Z-up (ROS, MuJoCo) to Y-up (three.js): a -90 degree turn about x.
Z2Y = _mat([[1, 0, 0], [0, 0, 1], [0, -1, 0]])
Y2Z = _mat([[1, 0, 0], [0, 0, -1], [0, 1, 0]])
X2Y = _mat([[0, 0, -1], [1, 0, 0], [0, -1, 0]])
Y2X = _mat([[0, 1, 0], [-1, 0, 0], [0, 0, 1]])
X2Z = _mat([[0, -1, 0], [0, 0, -1], [1, 0, 0]])
Z2X = _mat([[0, 0, 1], [1, 0, 0], [0, 1, 0]])


def to_mat(pos: Sequence[float], quat: Sequence[float]) -> np.ndarray:
    """The 4x4 pose matrix for position ``pos`` and unit quaternion ``quat`` (x, y, z, w).

    The quaternion is normalised first; a zero quaternion is an error.
    """
    p = np.asarray(pos, dtype=np.float64).reshape(-1)
    q = np.asarray(quat, dtype=np.float64).reshape(-1)
    if p.shape != (3,) or q.shape != (4,):
        raise ValueError(f"to_mat takes pos (3,) and quat (x, y, z, w); got {p.shape}, {q.shape}")
    norm = float(np.linalg.norm(q))
    if norm == 0.0:
        raise ValueError("to_mat: the quaternion is zero")
    x, y, z, w = q / norm
    out = np.eye(4)
    out[:3, :3] = [
        [1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w)],
        [2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w)],
        [2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y)],
    ]
    out[:3, 3] = p
    return out
