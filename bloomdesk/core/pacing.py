"""How often to poll an order, and how long to back off: pure functions of time.

Codes come within seconds of a buy, so young orders are polled often and old ones
less; an order that already has its code only needs an eye on its expiry.  Where a
webhook receiver covers the account, a waiting order rests (one safety-net poll)
until it has waited longer than codes usually take.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..domain import Order, OrderState

MAX_BACKOFF = 120.0


@dataclass(frozen=True, slots=True)
class Pace:
    fast: float = 3.0  # orders younger than a minute
    medium: float = 8.0  # younger than five minutes
    slow: float = 20.0
    speed: float = 1.0  # >1 polls faster, <1 slower (the rate budget still rules)
    push_safety: float = 60.0  # while a webhook covers the account: a safety-net poll
    push_grace: float = 90.0  # ... until the order has waited this long


def interval(order: Order, now: float, pace: Pace, pushed: bool) -> float:
    """Seconds until the next poll of `order`."""
    age = now - (order.code_at if order.state is OrderState.WAITING_RETRY and order.code_at
                 else order.created_at)
    if pushed and order.state in (OrderState.WAITING, OrderState.WAITING_RETRY) \
            and age < pace.push_grace:
        return max(1.0, min(pace.push_safety, pace.push_grace - age))
    if order.state is OrderState.RECEIVED:
        base = pace.slow * 3  # nothing more is expected; keep an eye on expiry
    elif age < 60:
        base = pace.fast
    elif age < 300:
        base = pace.medium
    else:
        base = pace.slow
    return base / max(0.1, pace.speed)


def cancel_due(order: Order, now: float, margin: float, enabled: bool,
               next_try: float | None) -> bool:
    """Whether auto-cancel should cancel `order` now: a silent, waiting order whose
    free-cancel deadline is `margin` s away or less (and a failed try's wait is over)."""
    if not (enabled and order.auto_cancel and order.silent and order.free_cancel_until
            and order.state is OrderState.WAITING):
        return False
    if now < order.free_cancel_until - margin:
        return False
    return next_try is None or now >= next_try


def cancel_urgent(order: Order, now: float, wait: float, margin: float) -> bool:
    """Whether a cancel the user asked for goes through a Retry-After pause (never the
    limit itself), as auto-cancel does: waiting `wait` s for room would carry it within
    `margin` s of its free-cancel deadline, or past it, where waiting costs money."""
    deadline = order.free_cancel_until
    return deadline is not None and now < deadline and now + wait >= deadline - margin


def cancel_retry(previous: float) -> float:
    """The wait before trying a refused auto-cancel again: short (the deadline is near),
    doubling from 1 s to 10 s."""
    return min(10.0, max(1.0, previous * 2))


def backoff(previous: float) -> float:
    """The next wait after a fault: doubling from 2 s up to MAX_BACKOFF (the caller
    adds jitter)."""
    return min(MAX_BACKOFF, max(2.0, previous * 2))
