from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")

import time
from collections.abc import Iterator

import pytest

from bloomdesk.redact import install_log_redaction
from bloomdesk.sim import Simulator

install_log_redaction()


class Clock:
    """Wall-clock time that a test can jump forward (shared by simulator and engine)."""

    def __init__(self) -> None:
        self.offset = 0.0

    def __call__(self) -> float:
        return time.time() + self.offset

    def advance(self, seconds: float) -> None:
        self.offset += seconds


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def sim(clock: Clock) -> Iterator[Simulator]:
    with Simulator(clock=clock) as simulator:
        yield simulator


def key_for(kind: str) -> str:
    """A realistic, long test key; long enough for the redaction registry."""
    return f"key-{kind}-7f3a9c1e5b2d"
