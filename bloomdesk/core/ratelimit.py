"""A per-key request budget that never exceeds the provider's limit in any 60 s window.

A sliding window of send times, like the servers' own counters: a request may leave
when fewer than ``limit`` left in the last 60 s.  Background polling may use the
budget less a reserve, so that the user's own actions (buy, cancel) always find room.
Background requests are also spaced evenly (one every ``60 / (limit - reserve)`` s):
a sliding window alone lets the whole budget go in one burst and then starves every
order for a minute.  ``pause`` honours a ``Retry-After``.
"""

from __future__ import annotations

import asyncio
import collections
import time
from collections.abc import Callable

# The servers count arrivals in 60 s; we count departures, so our window is a little
# longer to absorb network jitter.
WINDOW = 60.5


class RateBudget:
    def __init__(self, per_minute: int, *, reserve: int | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = max(1, per_minute)
        self.reserve = max(0, min(self.limit - 1, reserve if reserve is not None
                                  else max(2, self.limit // 6)))
        self.clock = clock
        self._sent: collections.deque[float] = collections.deque()
        self._paused_until = 0.0
        self._last_background = -1e9
        self.spacing = 60.0 / max(1, self.limit - self.reserve)
        self.waited = 0.0  # seconds spent waiting for room, for measurements

    def _trim(self, now: float) -> None:
        while self._sent and self._sent[0] <= now - WINDOW:
            self._sent.popleft()

    def pause(self, seconds: float) -> None:
        self._paused_until = max(self._paused_until, self.clock() + seconds)

    def delay(self, user: bool = False) -> float:
        """Seconds until a request of this kind may leave (0: now)."""
        now = self.clock()
        self._trim(now)
        room = self.limit if user else self.limit - self.reserve
        wait = max(0.0, self._paused_until - now)
        if not user:
            wait = max(wait, self._last_background + self.spacing - now)
        if len(self._sent) >= room:
            wait = max(wait, self._sent[len(self._sent) - room] + WINDOW - now)
        return wait

    def used(self) -> int:
        self._trim(self.clock())
        return len(self._sent)

    async def acquire(self, user: bool = False) -> None:
        while (wait := self.delay(user)) > 0:
            self.waited += wait
            await asyncio.sleep(min(wait, 1.0))
        now = self.clock()
        self._sent.append(now)
        if not user:
            self._last_background = now
