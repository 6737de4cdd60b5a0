"""Fixtures for the schema tests: a clean static-root registry per test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from vuer import static_paths


@pytest.fixture(autouse=True)
def _no_static_roots() -> Iterator[None]:
    static_paths.clear_static_roots()
    yield
    static_paths.clear_static_roots()
