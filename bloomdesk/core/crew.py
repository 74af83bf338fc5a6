"""What a poller works with, handed to it (it imports no Desk)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from ..domain import Order
from .book import OrderBook
from .reconcile import Reconciler
from .sessions import Sessions
from .settings import DeskSettings


@dataclass
class Crew:
    """What a poller works with."""

    book: OrderBook
    sessions: Sessions
    reconciler: Reconciler
    settings: DeskSettings
    clock: Callable[[], float]
    push_covers: Callable[[str], bool]
    auto_cancel: Callable[[int], Awaitable[Order]]
