"""The helper classes live in their family's module; ``vuer.schemas.helpers`` still exports them."""

from __future__ import annotations

import importlib

import pytest

import vuer.schemas
from vuer.schemas import helpers

FAMILIES = ("markers", "groups", "text", "depth", "canvas")


@pytest.mark.parametrize("family", FAMILIES)
def test_each_family_module_defines_what_it_exports(family: str) -> None:
    module = importlib.import_module(f"vuer.schemas.{family}")
    for name in module.__all__:
        cls = getattr(module, name)
        assert cls.__module__ == module.__name__, name
        assert getattr(vuer.schemas, name) is cls, name


def test_helpers_reexports_every_family_class_once() -> None:
    names = [n for f in FAMILIES for n in importlib.import_module(f"vuer.schemas.{f}").__all__]
    assert sorted(names) == sorted(helpers.__all__)
    for name in helpers.__all__:
        assert getattr(helpers, name) is getattr(vuer.schemas, name), name
