"""The GUI tests' event loop: one qasync loop for the whole session."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
import qasync
from PySide6.QtWidgets import QApplication


@pytest.fixture(scope="session")
def qloop(qapp: QApplication) -> Iterator[qasync.QEventLoop]:
    """One qasync loop for the session: closing and recreating one per test leaves
    Qt timers and notifiers behind that crash a later test."""
    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    yield loop
    asyncio.set_event_loop(None)
    loop.close()  # at the very end, while the QApplication still exists
