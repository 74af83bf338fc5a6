"""The user's own delivery record, per route: from the journal, pure arithmetic.

For each (account, service, country): the orders bought, how many received a code,
the median time to the code, the money spent and the money refunded (by the account's
money rule: a silent order cancelled, or expired where the provider refunds expiry).
Orders still waiting count only once they end or get their code: an order that may
still receive one is not a failure yet.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from ..domain import Order, OrderState


@dataclass(frozen=True, slots=True)
class RouteStats:
    account: str
    service: str
    country: str  # the provider-local id
    orders: int
    received: int
    median_seconds: float | None
    spent: Decimal
    refunded: Decimal

    @property
    def success_rate(self) -> float | None:
        return self.received / self.orders if self.orders else None


def success_by_route(stats: Iterable[RouteStats]) -> dict[tuple[str, str, str], float]:
    """(account, service, country id) -> the share of orders that got a code."""
    return {(s.account, s.service, s.country): s.success_rate for s in stats
            if s.success_rate is not None}


def refunded(order: Order, charges_silence: bool) -> bool:
    """Whether the provider gave this order's money back."""
    if order.code is not None or order.price is None:
        return False
    if order.state is OrderState.CANCELLED:
        return True
    return order.state is OrderState.EXPIRED and not charges_silence


def summarize(orders: Iterable[Order],
              charges_silence: Callable[[str], bool]) -> list[RouteStats]:
    """`charges_silence(account)`: whether that account's provider keeps the money of
    an order that expires without a code (BloomSMS legacy)."""
    groups: dict[tuple[str, str, str], list[Order]] = {}
    for order in orders:
        if order.provider_id is None or not (order.state.is_final or order.code):
            continue  # never bought, or still able to get its code
        groups.setdefault((order.account, order.service, order.country or ""), []).append(order)
    out = []
    for (account, service, country), group in sorted(groups.items()):
        silence = charges_silence(account)
        times = [o.code_at - o.created_at for o in group
                 if o.code is not None and o.code_at is not None]
        spent = sum((o.price for o in group if o.price is not None), Decimal(0))
        back = sum((o.price for o in group if o.price is not None and refunded(o, silence)),
                   Decimal(0))
        out.append(RouteStats(account, service, country, len(group),
                              sum(1 for o in group if o.code is not None),
                              statistics.median(times) if times else None, spent, back))
    return out
