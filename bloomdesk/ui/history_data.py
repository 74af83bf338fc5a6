"""The history view's data (issue 17): finished orders as plain tuples, the filter that
narrows them, and what the totals and the chart show, computed once per filter change.

No Qt: the model, the totals line and the chart read these.  Money stays Decimal; the
money rule (what a provider gave back) is the core's, ``statistics.refunded``, with
each account's profile, so these totals agree with ``bloomdesk-cli stats``.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from ..core.statistics import refunded
from ..domain import Order, OrderState
from ..wording import explain


class Outcome(enum.StrEnum):
    """How a finished order ended, as the user asks about it."""

    CODE = "code"  # a code came, whatever ended the order after it
    CANCELLED = "cancelled"
    EXPIRED = "expired"
    COMPLETED = "completed"  # completed without a code
    FAILED = "failed"  # never bought: refused, never sent, dismissed (nothing charged)


_BY_STATE = {OrderState.CANCELLED: Outcome.CANCELLED, OrderState.EXPIRED: Outcome.EXPIRED,
             OrderState.COMPLETED: Outcome.COMPLETED, OrderState.FAILED: Outcome.FAILED}


def outcome_of(order: Order) -> Outcome:
    return Outcome.CODE if order.code is not None else _BY_STATE[order.state]


class Row(NamedTuple):
    """One finished order as the view shows, filters and sorts it."""

    id: int
    created_at: float
    day: date  # the local day it was bought
    account: str
    service: str
    country: str  # the provider-local id ("" when none)
    phone: str
    outcome: Outcome
    code: str
    price: Decimal | None
    bought: bool  # it reached the provider (has a provider id): its price was charged
    refunded: bool  # ... and given back (the account's money rule)
    note: str  # the reason in words, with the provider's own


def rows_of(orders: Iterable[Order], charges_silence: Callable[[str], bool],
            note: Callable[[Order], str | None] = explain) -> tuple[list[Row], list[Order]]:
    """The finished orders among `orders`, as rows and as the orders themselves (the
    same order); `charges_silence(account)` as for ``statistics.summarize``; `note`
    words why each stands as it does (the window's, in the user's language)."""
    rows: list[Row] = []
    kept: list[Order] = []
    silence: dict[str, bool] = {}
    for o in orders:
        if not o.state.is_final:
            continue
        if o.account not in silence:
            silence[o.account] = charges_silence(o.account)
        bought = o.provider_id is not None and o.price is not None
        rows.append(Row(o.id, o.created_at, date.fromtimestamp(o.created_at), o.account,
                        o.service, o.country or "", o.phone or "", outcome_of(o),
                        o.code or "", o.price, bought,
                        bought and refunded(o, silence[o.account]), note(o) or ""))
        kept.append(o)
    return rows, kept


@dataclass(frozen=True, slots=True)
class Filter:
    """What the user narrowed the history to (None: any); dates inclusive, local."""

    account: str | None = None
    service: str | None = None
    outcome: Outcome | None = None
    first: date | None = None
    last: date | None = None

    def picks(self, rows: Sequence[Row]) -> list[int]:
        """The indices of the rows this filter keeps, in their order."""
        a, s, o, first, last = self.account, self.service, self.outcome, self.first, self.last
        return [i for i, r in enumerate(rows)
                if (a is None or r.account == a) and (s is None or r.service == s)
                and (o is None or r.outcome is o) and (first is None or r.day >= first)
                and (last is None or r.day <= last)]


Money = dict[str, Decimal]  # currency -> amount


@dataclass(frozen=True, slots=True)
class ServiceRate:
    service: str
    received: int  # orders bought that got a code
    orders: int  # orders bought (failed buys never reached a provider: not counted)

    @property
    def rate(self) -> float:
        return self.received / self.orders if self.orders else 0.0


@dataclass(frozen=True, slots=True)
class Summary:
    """The totals and the chart's aggregates of the rows shown."""

    orders: int
    with_code: int
    spent: Money  # prices of the orders bought, per currency
    refunded: Money  # the part of it given back
    # day -> account -> (spent, refunded), the accounts' own currencies
    by_day: dict[date, dict[str, tuple[Decimal, Decimal]]]
    by_service: list[ServiceRate]  # most orders first, then by name

    @property
    def days(self) -> list[date]:
        return sorted(self.by_day)


def summarize(rows: Iterable[Row], currency: Callable[[str], str]) -> Summary:
    """One pass over the rows shown: totals, spend per day per account, success per
    service."""
    orders = with_code = 0
    spent: Money = {}
    back: Money = {}
    by_day: dict[date, dict[str, tuple[Decimal, Decimal]]] = {}
    services: dict[str, list[int]] = {}
    zero = Decimal(0)
    for r in rows:
        orders += 1
        with_code += r.outcome is Outcome.CODE
        if not r.bought or r.price is None:
            continue
        cur = currency(r.account)
        returned = r.price if r.refunded else zero
        spent[cur] = spent.get(cur, zero) + r.price
        back[cur] = back.get(cur, zero) + returned
        day = by_day.setdefault(r.day, {})
        was = day.get(r.account, (zero, zero))
        day[r.account] = (was[0] + r.price, was[1] + returned)
        counts = services.setdefault(r.service, [0, 0])
        counts[0] += r.outcome is Outcome.CODE
        counts[1] += 1
    rates = sorted((ServiceRate(s, got, n) for s, (got, n) in services.items()),
                   key=lambda x: (-x.orders, x.service))
    return Summary(orders, with_code, spent, back, by_day, rates)
