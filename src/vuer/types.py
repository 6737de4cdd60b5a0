"""Helper types of the public API: URL paths, ids, handler signatures, small poses."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from math import pi
from typing import TYPE_CHECKING, Any, NamedTuple
from uuid import UUID

if TYPE_CHECKING:
    from vuer.events import ClientEvent
    from vuer.session import VuerSession

__all__ = [
    "Body",
    "CoroutineFn",
    "Euler",
    "EulerDeg",
    "EventHandler",
    "IDType",
    "SocketHandler",
    "Url",
    "Vector3",
]

IDType = UUID | str
CoroutineFn = Callable[[], Coroutine[Any, Any, Any]]
EventHandler = Callable[["ClientEvent", "VuerSession"], Any]
SocketHandler = Callable[["VuerSession"], Coroutine[Any, Any, Any]]


class Url(str):
    """A URL string where ``/`` joins path segments and ``+`` concatenates.

    ``Url("http://host/workspace") / "meshes/arm.urdf"`` gives
    ``"http://host/workspace/meshes/arm.urdf"`` (one slash between parts).
    """

    def __truediv__(self, other: object) -> Url:
        return Url(self.rstrip("/") + "/" + str(other).lstrip("/"))

    def __add__(self, other: object) -> Url:
        return Url(str.__add__(self, str(other)))


class Vector3(NamedTuple):
    x: float
    y: float
    z: float


class Euler(NamedTuple):
    """Euler angles in radians, applied in ``order``."""

    x: float
    y: float
    z: float
    order: str = "XYZ"


class EulerDeg(NamedTuple):
    """Euler angles in degrees; ``to_rad()`` gives an ``Euler``."""

    x: float
    y: float
    z: float
    order: str = "XYZ"

    def to_rad(self) -> Euler:
        k = pi / 180
        return Euler(self.x * k, self.y * k, self.z * k, self.order)


class Body(NamedTuple):
    position: Vector3
    rotation: Euler
    scale: Vector3
