"""Checking props against the ``Props:`` declarations, when an element is built.

Each class's declarations are compiled once into one checker per prop (a
closure over the type words of ``_props``), so building an element costs a
dict lookup and a few ``isinstance`` calls per prop. A wrong type raises
``TypeError``, a wrong value (NaN in a transform, a vector of the wrong
length, a word outside a literal set) ``ValueError``; both name the class and
the prop. An undocumented keyword is still sent (the client reads some props
no class documents, and the public package passes them through) but warns
once per class and name, with the closest documented prop.
"""

from __future__ import annotations

import difflib
import os
import sys
import warnings
from collections.abc import Callable, Mapping
from math import isfinite
from numbers import Real
from os import PathLike
from typing import Any

import numpy as np

from vuer.schemas._props import _LIST, _LITERAL, PropsError, _split_union, documented_props

__all__ = ["PropWarning", "check_props"]

# A checker returns None when the value fits, else why it does not (and whether
# the reason is a wrong value rather than a wrong type).
Problem = tuple[bool, str] | None
Checker = Callable[[Any], Problem]

# Transform props: a non-finite number here makes the object vanish silently.
_FINITE = frozenset(("position", "rotation", "quaternion", "scale", "matrix"))
# Always accepted (positional children and the key are handled by the base classes).
_ALWAYS = frozenset(("key", "children"))
_VECTOR_SIZES = {"vec2": 2, "vec3": 3, "vec4": 4, "mat4": 16}
_INF = float("inf")
_EULER_ORDERS = frozenset(("XYZ", "YZX", "ZXY", "XZY", "YXZ", "ZYX"))


class PropWarning(UserWarning):
    """An undocumented prop was given (it is still sent)."""


def _is_number(value: Any) -> bool:
    kind = type(value)
    if kind is float or kind is int:  # the common case, without the ABC check
        return True
    return isinstance(value, (Real, np.number)) and not isinstance(value, (bool, np.bool_))


def _number(finite: bool) -> Checker:
    def check(value: Any) -> Problem:
        if not _is_number(value):
            return False, f"must be a number, got {_show(value)}"
        if finite and not isfinite(value):
            return True, f"must be finite, got {value}"
        return None

    return check


def _vector(size: int, finite: bool) -> Checker:
    words = "16 numbers (a column-major 4x4 matrix)" if size == 16 else f"{size} numbers"

    def check(value: Any) -> Problem:
        kind = type(value)
        if (kind is list or kind is tuple) and len(value) == size:
            # Fast path: one C-level sum; a NaN or inf anywhere fails the range
            # test and anything that is not a number raises: both take the long way.
            try:
                if -_INF < sum(value) < _INF:
                    return None
            except (TypeError, ValueError):
                pass
        if kind is list or kind is tuple:
            items = value
        elif isinstance(value, np.ndarray):
            if value.dtype.kind not in "iuf":
                return False, f"must be {words}, got an array of {value.dtype}"
            items = value.reshape(-1).tolist()
        elif isinstance(value, (list, tuple)):
            items = list(value)
        else:
            return False, f"must be {words}, got {_show(value)}"
        if size == 3 and len(items) == 4 and items[3] in _EULER_ORDERS:
            items = items[:3]  # [x, y, z, order]: the page reads Euler angles this way too
        if len(items) != size:
            return True, f"must be {words}, got {len(items)}: {_show(value)}"
        for item in items:
            kind = type(item)
            if kind is not float and kind is not int and not _is_number(item):
                return False, f"must be {words}, got {_show(value)}"
            if finite and not isfinite(item):
                return True, f"must be finite numbers, got {_show(value)}"
        return None

    return check


def _of(types: tuple[type, ...], what: str) -> Checker:
    exact = frozenset(t for t in (dict, str, bytes, list, tuple) if issubclass(t, types))

    def check(value: Any) -> Problem:
        if type(value) in exact or isinstance(value, types):
            return None
        return False, f"must be {what}, got {_show(value)}"

    return check


def _bool(value: Any) -> Problem:
    if isinstance(value, (bool, np.bool_)) or (type(value) is int and value in (0, 1)):
        return None
    return False, f"must be true or false, got {_show(value)}"


def _dict(value: Any) -> Problem:
    if type(value) is dict or isinstance(value, Mapping):
        return None
    return False, f"must be a dict, got {_show(value)}"


def _color(value: Any) -> Problem:
    if isinstance(value, str) or _is_number(value):
        return None
    if isinstance(value, (list, tuple, np.ndarray)) and len(value) in (3, 4):
        return None
    return False, f"must be a colour (a CSS string, 0xRRGGBB or [r, g, b]), got {_show(value)}"


def _anything(value: Any) -> Problem:
    return None


_ARRAYS = (list, tuple, np.ndarray)


def _list(inner: Checker) -> Checker:
    def check(value: Any) -> Problem:
        kind = type(value)
        if kind is not list and kind is not tuple and not isinstance(value, _ARRAYS):
            return False, f"must be a list, got {_show(value)}"
        if inner is not _anything and not isinstance(value, np.ndarray):
            for item in value:
                problem = inner(item)
                if problem is not None:
                    return problem[0], f"has an item that {problem[1]}"
        return None

    return check


def _literals(words: list[str]) -> Checker:
    allowed = frozenset(words)
    shown = " | ".join(f'"{w}"' for w in words)

    def check(value: Any) -> Problem:
        if value in allowed:
            return None
        if isinstance(value, str):
            return True, f"must be one of {shown}, got {value!r}"
        return False, f"must be one of {shown}, got {_show(value)}"

    return check


def _atom(word: str, finite: bool) -> Checker:
    if word in ("float", "int"):
        return _number(finite)
    if word in _VECTOR_SIZES:
        return _vector(_VECTOR_SIZES[word], finite)
    if word == "bool":
        return _bool
    if word == "str":
        return _of((str, PathLike), "a string")
    if word == "bytes":  # arrays are packed into bytes by their component
        return _of((bytes, bytearray, memoryview, np.ndarray, list, tuple), "an array or bytes")
    if word == "color":
        return _color
    if word == "dict":
        return _dict
    if word in ("any", "Node"):
        return _anything
    raise PropsError(f"no checker for type word {word!r}")


def compile_type(text: str, finite: bool = False) -> Checker:
    """One checker for a docstring type (a union of atoms, ``list[...]`` and literals)."""
    parts = _split_union(text)
    literals = [p[1:-1] for p in parts if _LITERAL.match(p)]
    checkers: list[Checker] = []
    for part in parts:
        listed = _LIST.match(part)
        if listed:
            checkers.append(_list(compile_type(listed.group(1))))
        elif not _LITERAL.match(part):
            checkers.append(_atom(part, finite))
    if literals:
        checkers.append(_literals(literals))
    if any(c is _anything for c in checkers):
        return _anything
    if len(checkers) == 1:
        return checkers[0]

    def check(value: Any) -> Problem:
        problems = []
        for checker in checkers:
            problem = checker(value)
            if problem is None:
                return None
            problems.append(problem)
        # A value of a fitting type but a wrong value says what was wrong with it.
        for wrong_value, why in problems:
            if wrong_value:
                return True, why
        return False, f"must be {text}, got {_show(value)}"

    return check


def _show(value: Any) -> str:
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape}"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


# Fast paths, tried inline before calling a prop's checker: the common shapes
# (a list of plain numbers for a vector, a dict, any list) pass without a call.
_VECTOR, _DICT, _ANY_LIST = 1, 2, 3


class _ClassSpec:
    """One class's compiled checkers, fast-path kinds and documented names."""

    __slots__ = ("checkers", "kinds", "names")

    def __init__(self, cls: type) -> None:
        props = documented_props(cls)
        self.names = sorted(props)
        self.checkers: dict[str, Checker] = {
            name: compile_type(p.type, name in _FINITE) for name, p in props.items()
        }
        # name -> (kind, vector size); 0 means "just call the checker"
        self.kinds: dict[str, tuple[int, int]] = {name: _kind(p.type) for name, p in props.items()}


def _kind(text: str) -> tuple[int, int]:
    if text in _VECTOR_SIZES:
        return _VECTOR, _VECTOR_SIZES[text]
    if text == "dict":
        return _DICT, 0
    if text == "list[any]":
        return _ANY_LIST, 0
    return 0, 0


_SPECS: dict[type, _ClassSpec] = {}
_WARNED: set[tuple[type, str]] = set()


def check_props(cls: type, props: dict[str, Any]) -> None:
    """Raise ``TypeError``/``ValueError`` for a prop that does not fit its declaration;
    warn once per class and name for an undocumented one."""
    spec = _SPECS.get(cls)
    if spec is None:
        spec = _SPECS[cls] = _ClassSpec(cls)
    kinds = spec.kinds
    if not kinds:  # a class that documents nothing (raw three.js intrinsics)
        return
    for name, value in props.items():
        found = kinds.get(name)
        if found is None:
            if name not in _ALWAYS and name[0] != "_" and (cls, name) not in _WARNED:
                _WARNED.add((cls, name))
                _warn_unknown(cls, name, spec.names)
            continue
        kind = found[0]
        if kind == _VECTOR:
            if type(value) is list and len(value) == found[1]:
                # One C-level sum: a NaN or inf fails the range test, a non-number
                # raises; both go on to the checker, which says what is wrong.
                try:
                    if -_INF < sum(value) < _INF:
                        continue
                except (TypeError, ValueError):
                    pass
        elif kind == _DICT:
            if type(value) is dict:
                continue
        elif kind == _ANY_LIST and type(value) is list:
            continue
        if value is None:  # None means "not given" throughout the public API
            continue
        problem = spec.checkers[name](value)
        if problem is not None:
            wrong_value, why = problem
            error = ValueError if wrong_value else TypeError
            raise error(f"{cls.__name__}({name}=...) {why}")


def _warn_unknown(cls: type, name: str, names: list[str]) -> None:
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.6)
    hint = f"; did you mean {close[0]}?" if close else ""
    warnings.warn(
        f"{cls.__name__}: {name!r} is not a documented prop (sent anyway){hint}",
        PropWarning,
        stacklevel=_caller_level(),
    )


_HERE = os.path.dirname(os.path.abspath(__file__))


def _caller_level() -> int:
    """The stack level of the first frame outside vuer.schemas (the user's call)."""
    frame, level = sys._getframe(1), 1
    while frame is not None and os.path.dirname(os.path.abspath(frame.f_code.co_filename)) == _HERE:
        frame, level = frame.f_back, level + 1
    return level
