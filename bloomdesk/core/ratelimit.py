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
window and ``bloomdesk-cli`` alike, spends one budget as the provider counts it.  When
the journal is busy in another process (its lock held past the ledger's short wait) or
cannot be written, the shared window goes on in memory for ``FALLBACK_FOR`` s, on half
the budget (the other processes are assumed to spend the other half), and then asks the
journal again, recording there the sends it made meanwhile (and at quit).  Meanwhile it
still reads the journal, which another process's write lock does not hold up: the others'
sends and Retry-After pauses go on counting.
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
# After the ledger failed: this long in memory before asking it again (each ask may wait
# the ledger's short busy timeout on the event loop).
FALLBACK_FOR = 5.0
# At quit: this many tries, this far apart, to hand the ledger the sends it missed.
FLUSH_TRIES, FLUSH_PAUSE = 10, 0.1


class Window(Protocol):
    def wait(self, now: float, room: int, ignore_pause: bool) -> float: ...
    def take(self, now: float, room: int, user: bool, ignore_pause: bool) -> float: ...
    def pause(self, now: float, until: float) -> None: ...
    def used(self, now: float) -> int: ...
    def flush(self, now: float) -> None: ...


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

    def pause(self, now: float, until: float) -> None:
        self._paused_until = max(self._paused_until, until)

    def used(self, now: float) -> int:
        self.wait(now, 1, True)
        return len(self._sent)

    def flush(self, now: float) -> None:
        pass  # nothing is shared


def alone(room: int) -> int:
    """The room a process takes while it cannot see the others' sends: half, assuming
    they spend the other half (at least one: a cancel must still be able to leave)."""
    return max(1, room // 2)


class SharedWindow:
    """Send times of every process on one journal, for one account.

    When the journal cannot be written or read (a lock held past the ledger's short
    wait, a full disk) the budget goes on in memory rather than freeze the window or
    stop a request, the user's cancel included: for FALLBACK_FOR s the ledger is not
    asked at all, and this process's own sends (those before the failure included)
    stay within half the limit.  Then the ledger is asked again, and takes the sends
    made meanwhile, so the other processes count them.
    """

    def __init__(self, ledger: Ledger, account_uid: str,
                 kin: Callable[[], tuple[str, ...]] = tuple) -> None:
        self.ledger = ledger
        self.account_uid = account_uid
        self.kin = kin  # the uids of the accounts that are one key with this one, now
        self._fallback = MemoryWindow()  # this process's own sends (and pauses), always
        self._retry_at: float | None = None  # in memory until then (None: shared)
        self._unshared: list[tuple[float, bool]] = []  # sends the ledger has not seen
        self._unshared_pause = 0.0

    def _shared(self, now: float) -> bool:
        return self._retry_at is None or now >= self._retry_at

    def _failed(self, exc: StoreError, now: float) -> None:
        if self._retry_at is None:
            log.warning("The shared rate budget is kept in memory for now (half of it): "
                        "%s", exc)
        self._retry_at = now + FALLBACK_FOR

    def wait(self, now: float, room: int, ignore_pause: bool) -> float:
        if self._shared(now):
            try:
                shared = self.ledger.wait(self.account_uid, now, room, WINDOW, ignore_pause,
                                          self.kin())
                return max(shared, self._fallback.wait(now, room, ignore_pause))
            except StoreError as exc:
                self._failed(exc, now)
        return max(self._others(now, room, ignore_pause),
                   self._fallback.wait(now, alone(room), ignore_pause))

    def _others(self, now: float, room: int, ignore_pause: bool) -> float:
        """In memory, what the ledger still says: a read is not held up by another
        process's write lock, so their sends and Retry-After pauses still count (room
        left for our own sends it has not seen); nothing when it cannot be read."""
        mine = sum(1 for at, _ in self._unshared if at > now - WINDOW)
        try:
            return self.ledger.wait(self.account_uid, now, max(1, room - mine), WINDOW,
                                    ignore_pause, self.kin())
        except StoreError:
            return 0.0

    def flush(self, now: float) -> None:
        """Hand the ledger what it has not seen (at quit, or when the account is let
        go), waiting a little longer than a request would: a process that ends inside
        its fallback must not leave its sends uncounted by the others."""
        for _ in range(FLUSH_TRIES):
            if not self._unshared and not self._unshared_pause:
                return
            try:
                self.ledger.record(self.account_uid, tuple(self._unshared),
                                   self._unshared_pause, now, WINDOW)
            except StoreError as exc:
                log.info("The rate budget's sends could not be shared: %s", exc)
                time.sleep(FLUSH_PAUSE)
            else:
                self._unshared, self._unshared_pause = [], 0.0

    def take(self, now: float, room: int, user: bool, ignore_pause: bool) -> float:
        if self._shared(now):
            wait = self._fallback.wait(now, room, ignore_pause)
            if wait > 0:
                return wait
            try:
                if self._unshared_pause:
                    self.ledger.pause(self.account_uid, self._unshared_pause)
                wait = self.ledger.take(self.account_uid, now, room, WINDOW, user,
                                        ignore_pause, tuple(self._unshared), self.kin())
            except StoreError as exc:
                self._failed(exc, now)
            else:
                if self._retry_at is not None:
                    log.info("The shared rate budget is back in the journal")
                self._retry_at, self._unshared, self._unshared_pause = None, [], 0.0
                if wait <= 0:
                    self._fallback.take(now, room, user, ignore_pause)
                return wait
        wait = max(self._others(now, room, ignore_pause),
                   self._fallback.wait(now, alone(room), ignore_pause))
        if wait <= 0:
            self._fallback.take(now, alone(room), user, ignore_pause)
            self._unshared.append((now, user))
        return wait

    def pause(self, now: float, until: float) -> None:
        self._fallback.pause(now, until)
        if self._shared(now):
            try:
                self.ledger.pause(self.account_uid, until)
                return
            except StoreError as exc:
                self._failed(exc, now)
        self._unshared_pause = max(self._unshared_pause, until)

    def used(self, now: float) -> int:
        if self._shared(now):
            try:
                return self.ledger.used(self.account_uid, now, WINDOW, self.kin())
            except StoreError as exc:
                self._failed(exc, now)
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
        now = self.clock()
        self.window.pause(now, now + seconds)

    def delay(self, user: bool = False, urgent: bool = False) -> float:
        """Seconds until a request of this kind may leave (0: now)."""
        now = self.clock()
        wait = self.window.wait(now, self._room(user), urgent)
        if not user:
            wait = max(wait, self._last_background + self.spacing - now)
        return wait

    def used(self) -> int:
        return self.window.used(self.clock())

    def flush(self) -> None:
        """Hand what only this process knows to the others (at quit)."""
        self.window.flush(self.clock())

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
