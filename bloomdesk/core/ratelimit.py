"""A per-key request budget that never exceeds the provider's limit in any 60 s window.

A sliding window of send times, like the servers' own counters: a request may leave
when fewer than ``limit`` left in the last 60 s.  Background polling may use the
budget less a reserve, so that the user's own actions (buy, cancel) always find room.
Background requests are also spaced evenly (one every ``60 / (limit - reserve)`` s):
a sliding window alone lets the whole budget go in one burst and then starves every
order for a minute.  ``pause`` honours a ``Retry-After``, capped at a few minutes; an
urgent request (a cancel near its free-cancel deadline) goes through a pause, though
never past the limit itself.

Where the send times live is the window's business: in memory for one process, or in
the journal (:class:`SharedWindow`) so that every process on one state directory, the
window and ``bloomdesk-cli`` alike, spends one budget as the provider counts it.
"""

from __future__ import annotations

import asyncio
import collections
import logging
import time
from collections.abc import Callable
from typing import Protocol

from ..store import Ledger, StoreError

log = logging.getLogger(__name__)

# The servers count arrivals in 60 s; we count departures, so our window is a little
# longer to absorb network jitter.
WINDOW = 60.5
# A Retry-After of a day (or 1e400, or the year 9999) must not stop an account for good:
# no live provider asks for more than a few minutes.
MAX_PAUSE = 300.0


class Window(Protocol):
    def wait(self, now: float, room: int, ignore_pause: bool) -> float: ...
    def take(self, now: float, room: int, user: bool, ignore_pause: bool) -> float: ...
    def pause(self, until: float) -> None: ...
    def used(self, now: float) -> int: ...


class MemoryWindow:
    """Send times of this process only."""

    def __init__(self) -> None:
        self._sent: collections.deque[float] = collections.deque()
        self._paused_until = 0.0

    def wait(self, now: float, room: int, ignore_pause: bool) -> float:
        while self._sent and self._sent[0] <= now - WINDOW:
            self._sent.popleft()
        wait = 0.0 if ignore_pause else max(0.0, self._paused_until - now)
        if len(self._sent) >= room:
            wait = max(wait, self._sent[len(self._sent) - room] + WINDOW - now)
        return wait

    def take(self, now: float, room: int, user: bool, ignore_pause: bool) -> float:
        wait = self.wait(now, room, ignore_pause)
        if wait <= 0:
            self._sent.append(now)
        return wait

    def pause(self, until: float) -> None:
        self._paused_until = max(self._paused_until, until)

    def used(self, now: float) -> int:
        self.wait(now, 1, True)
        return len(self._sent)


class SharedWindow:
    """Send times of every process on one journal, for one account.

    When the journal cannot be written (a full disk, a lock held too long) the budget
    goes on in memory rather than stop every request, the user's cancel included:
    this process's own sends stay within the limit, and the journal takes over again
    as soon as it can.
    """

    def __init__(self, ledger: Ledger, account_uid: str) -> None:
        self.ledger = ledger
        self.account_uid = account_uid
        self._fallback = MemoryWindow()
        self._failing = False

    def _failed(self, exc: StoreError) -> None:
        if not self._failing:
            self._failing = True
            log.warning("The shared rate budget is kept in memory for now: %s", exc)

    def wait(self, now: float, room: int, ignore_pause: bool) -> float:
        try:
            shared = self.ledger.wait(self.account_uid, now, room, WINDOW, ignore_pause)
        except StoreError as exc:
            self._failed(exc)
            shared = 0.0
        return max(shared, self._fallback.wait(now, room, ignore_pause))

    def take(self, now: float, room: int, user: bool, ignore_pause: bool) -> float:
        wait = self._fallback.wait(now, room, ignore_pause)
        if wait > 0:
            return wait
        try:
            wait = self.ledger.take(self.account_uid, now, room, WINDOW, user, ignore_pause)
            self._failing = False
        except StoreError as exc:
            self._failed(exc)
            wait = 0.0
        if wait <= 0:
            self._fallback.take(now, room, user, ignore_pause)
        return wait

    def pause(self, until: float) -> None:
        self._fallback.pause(until)
        try:
            self.ledger.pause(self.account_uid, until)
        except StoreError as exc:
            self._failed(exc)

    def used(self, now: float) -> int:
        try:
            return self.ledger.used(self.account_uid, now, WINDOW)
        except StoreError:
            return self._fallback.used(now)


class RateBudget:
    def __init__(self, per_minute: int, *, reserve: int | None = None,
                 clock: Callable[[], float] = time.monotonic,
                 window: Window | None = None) -> None:
        self.limit = max(1, per_minute)
        self.reserve = max(0, min(self.limit - 1, reserve if reserve is not None
                                  else max(2, self.limit // 6)))
        self.clock = clock
        self.window: Window = window or MemoryWindow()
        self._last_background = -1e9
        self.spacing = 60.0 / max(1, self.limit - self.reserve)

    def _room(self, user: bool) -> int:
        return self.limit if user else self.limit - self.reserve

    def pause(self, seconds: float) -> None:
        """Honour a Retry-After (capped at MAX_PAUSE; nonsense counts as the cap)."""
        if not 0 <= seconds <= MAX_PAUSE:  # also NaN
            seconds = MAX_PAUSE if seconds > 0 or seconds != seconds else 0.0
        self.window.pause(self.clock() + seconds)

    def delay(self, user: bool = False, urgent: bool = False) -> float:
        """Seconds until a request of this kind may leave (0: now)."""
        now = self.clock()
        wait = self.window.wait(now, self._room(user), urgent)
        if not user:
            wait = max(wait, self._last_background + self.spacing - now)
        return wait

    def used(self) -> int:
        return self.window.used(self.clock())

    async def acquire(self, user: bool = False, urgent: bool = False) -> None:
        """Wait for room, then take it.  `urgent` goes through a Retry-After pause (a
        cancel whose free-cancel deadline is near), never past the limit."""
        while True:
            now = self.clock()
            wait = 0.0 if user else self._last_background + self.spacing - now
            if wait <= 0:
                wait = self.window.take(now, self._room(user), user, urgent)
                if wait <= 0:
                    break
            await asyncio.sleep(min(wait, 1.0))
        if not user:
            self._last_background = now
