"""Fixtures the integration tests share."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.hostile import HostileServer


@pytest.fixture
def server() -> Iterator[HostileServer]:
    """A hostile HTTP server on loopback, its answers scripted by the test."""
    with HostileServer() as hostile:
        yield hostile
