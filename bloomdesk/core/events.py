"""Typed events the core publishes; the window adapts them to Qt signals."""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from ..domain import Order

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class OrderAdded:
    order: Order


@dataclass(frozen=True, slots=True)
class OrderChanged:
    order: Order


@dataclass(frozen=True, slots=True)
class CodeReceived:
    order: Order


@dataclass(frozen=True, slots=True)
class BalanceChanged:
    account: str
    balance: Decimal
    at: float


@dataclass(frozen=True, slots=True)
class AccountsChanged:
    """Another process on the journal added, removed or re-addressed accounts."""

    added: frozenset[str]
    removed: frozenset[str]
    changed: frozenset[str]


class ErrorKind(enum.Enum):
    """What failed, so a listener routes an error without reading its words."""

    BALANCE = "balance"  # reading an account's balance
    PRICES = "prices"  # the price list or the catalogue
    BUY = "buy"  # a purchase or a re-rent
    ACTION = "action"  # cancel, complete, another SMS
    POLL = "poll"  # polling or reconciling open orders
    ACCOUNT = "account"  # the account itself (no key, refused key)
    JOURNAL = "journal"  # the order journal
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class ErrorRaised:
    account: str | None
    message: str
    order_id: int | None = None
    kind: ErrorKind = ErrorKind.OTHER


Event = OrderAdded | OrderChanged | CodeReceived | BalanceChanged | ErrorRaised | \
    AccountsChanged
Listener = Callable[[Event], None]


class EventBus:
    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:  # twice is harmless
                self._listeners.remove(listener)

        return unsubscribe

    def publish(self, event: Event) -> None:
        for listener in list(self._listeners):
            try:
                listener(event)
            except Exception:  # one broken listener must not stop the engine
                log.exception("An event listener failed on %s", type(event).__name__)
