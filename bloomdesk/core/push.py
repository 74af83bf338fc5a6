"""The push intake: codes a provider posts by webhook, taken into the order book.

A delivery changes an order only forward in its life (never reopens a cancelled or
completed one, whichever process finished it) and only with an event newer than the
last one taken (a replay of an older event changes nothing).  It returns an outcome;
the HTTP side (``webhook.py``) maps it to a status code.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from ..domain import Order
from ..providers.profiles import Capability
from . import transitions
from .accounts import Accounts
from .book import OrderBook


@dataclass(frozen=True, slots=True)
class PushedCode:
    activation_id: str
    code: str
    text: str | None
    phone: str | None
    sent_at: float | None = None  # the event's own timestamp, provider time


class PushOutcome(enum.Enum):
    ACCEPTED = "accepted"
    DUPLICATE = "duplicate"  # this code is held already
    STALE = "stale"  # the order is finished, or a newer event was taken
    NO_ORDER = "no_order"  # no open order of ours has this activation
    PHONE_MISMATCH = "phone_mismatch"


class PushIntake:
    def __init__(self, book: OrderBook, accounts: Accounts,
                 clock: Callable[[], float]) -> None:
        self.book = book
        self.accounts = accounts
        self.clock = clock

    def _find(self, activation_id: str) -> Order | None:
        """The open order of an account whose provider pushes codes (its profile's PUSH
        capability: spec 001's BloomSMS v1) holding this activation."""
        pushing = {a.label for a in self.accounts.all()
                   if Capability.PUSH in self.accounts.profile(a.label).capabilities}
        return next((o for o in self.book.open_orders()
                     if o.provider_id == activation_id and o.account in pushing), None)

    def deliver(self, push: PushedCode) -> PushOutcome:
        order = self._find(push.activation_id)
        if order is None:
            self.book.sync()  # bought, or finished, by another process meanwhile?
            order = self._find(push.activation_id)
        if order is None:
            return PushOutcome.NO_ORDER
        if push.phone and order.phone and \
                push.phone.lstrip("+") != order.phone.lstrip("+"):
            return PushOutcome.PHONE_MISMATCH
        if order.code == push.code and order.state.is_live:
            return PushOutcome.DUPLICATE
        change = partial(transitions.pushed, code=push.code, text=push.text,
                         sent_at=push.sent_at, now=self.clock())
        done = self.book.change(order.id, change, "code (webhook)")
        if done is None:
            current = self.book.order(order.id)
            return PushOutcome.DUPLICATE if current.code == push.code and \
                current.state.is_live else PushOutcome.STALE
        return PushOutcome.ACCEPTED
