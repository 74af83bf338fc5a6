"""The engine's settings: what the user chose (poll speed, auto-cancel) and timings."""

from __future__ import annotations

from dataclasses import dataclass

from .pacing import Pace
from .ratelimit import MAX_PAUSE, WINDOW


@dataclass
class DeskSettings:
    auto_cancel: bool = True  # where silence costs money; per order it can be turned off
    auto_cancel_margin: float = 20.0  # seconds before the free-cancel deadline
    poll_speed: float = 1.0  # >1 polls faster, <1 slower (within the rate budget)
    fast_interval: float = 3.0  # orders younger than a minute: codes come in seconds
    medium_interval: float = 8.0  # younger than five minutes
    slow_interval: float = 20.0
    balance_interval: float = 120.0
    timeout: float = 20.0  # per request (the provider layer bounds its total time)
    # while a webhook receiver covers an account, waiting orders are polled this
    # rarely, until they have waited `push_grace` s (codes usually come well before)
    push_safety_interval: float = 60.0
    push_grace: float = 90.0

    @property
    def pace(self) -> Pace:
        return Pace(fast=self.fast_interval, medium=self.medium_interval,
                    slow=self.slow_interval, speed=self.poll_speed,
                    push_safety=self.push_safety_interval, push_grace=self.push_grace)

    @property
    def lease(self) -> float:
        """How long a PENDING order is left to the process buying it when others cannot
        tell whether that process lives (it holds no lock file, store.owners); a live
        owner keeps its order however long it waits.  The longest a buy can wait for
        room in its budget (a Retry-After pause, then a full window), plus its
        request's deadline, plus slack."""
        return MAX_PAUSE + WINDOW + self.timeout + 15.0
