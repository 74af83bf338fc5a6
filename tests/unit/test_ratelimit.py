"""The request budget never exceeds the limit in any 60 s window, keeps room for the
user, spaces background requests evenly, and honours Retry-After."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bloomdesk.core import ratelimit
from bloomdesk.core.ratelimit import WINDOW, RateBudget, SharedWindow
from bloomdesk.store import Store


class FakeTime:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def run(budget: RateBudget, clock: FakeTime, plan: list[tuple[bool, float]],
        monkeypatch: pytest.MonkeyPatch) -> list[tuple[float, bool]]:
    async def fake_sleep(seconds: float) -> None:
        clock.now += seconds

    monkeypatch.setattr(ratelimit.asyncio, "sleep", fake_sleep)
    sent: list[tuple[float, bool]] = []

    async def go() -> None:
        for user, gap in plan:
            clock.now += gap
            await budget.acquire(user=user)
            sent.append((clock.now, user))

    asyncio.run(go())
    return sent


@settings(max_examples=60, deadline=None)
@given(limit=st.integers(1, 120),
       plan=st.lists(st.tuples(st.booleans(), st.floats(0, 3)), min_size=1, max_size=300))
def test_no_window_exceeds_the_limit(limit: int, plan: list[tuple[bool, float]]) -> None:
    with pytest.MonkeyPatch.context() as mp:
        clock = FakeTime()
        sent = run(RateBudget(limit, clock=clock), clock, plan, mp)
    times = [t for t, _ in sent]
    for i, start in enumerate(times):
        in_window = sum(1 for t in times[i:] if t < start + 60)
        assert in_window <= limit


def test_background_leaves_room_for_the_user(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = FakeTime()
    budget = RateBudget(60, clock=clock)
    run(budget, clock, [(False, 0.0)] * 50, monkeypatch)
    assert budget.delay(user=False) > 0
    assert budget.delay(user=True) == 0, "the user's buy or cancel goes at once"


def test_background_requests_are_spread_evenly(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = FakeTime()
    budget = RateBudget(60, clock=clock)
    sent = run(budget, clock, [(False, 0.0)] * 20, monkeypatch)
    gaps = [b[0] - a[0] for a, b in zip(sent, sent[1:], strict=False)]
    assert min(gaps) >= budget.spacing - 1e-9


def test_retry_after_pauses_everything(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = FakeTime()
    budget = RateBudget(60, clock=clock)
    budget.pause(17)
    assert budget.delay(user=True) == pytest.approx(17)
    sent = run(budget, clock, [(True, 0.0)], monkeypatch)
    assert sent[0][0] >= 1017


@contextmanager
def held(path: Path) -> Iterator[None]:
    """Another process holds the journal's write lock (as a long write would)."""
    hog = sqlite3.connect(path, isolation_level=None)
    hog.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        hog.execute("ROLLBACK")
        hog.close()


def test_a_busy_ledger_is_waited_for_briefly_then_half_the_budget_goes_on(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The ledger is asked on the event loop: it waits for another process's lock only
    briefly (the window must not freeze for the journal's 3 s); in memory, not seeing
    the other processes' sends, this one takes half the limit."""
    store = Store(tmp_path / "journal.sqlite3")
    try:
        assert store.ledger.busy_timeout <= 0.1, "not the journal's 3 s"
        clock = FakeTime()
        budget = RateBudget(8, clock=clock, window=SharedWindow(store.ledger, "u1"))
        with held(store.path):
            sent = run(budget, clock, [(True, 0.0)] * 6, monkeypatch)
        times = [t for t, _ in sent]
        assert sum(1 for t in times if t < times[0] + 60) == 4, "half of 8 in a minute"
    finally:
        store.close()


def test_sends_made_in_memory_reach_the_ledger_once_it_is_free(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store(tmp_path / "journal.sqlite3")
    other = Store(tmp_path / "journal.sqlite3")  # another process on the same journal
    try:
        clock = FakeTime()
        budget = RateBudget(60, clock=clock, window=SharedWindow(store.ledger, "u1"))
        with held(store.path):
            run(budget, clock, [(True, 0.0)] * 3, monkeypatch)
            budget.pause(40)  # a Retry-After heard meanwhile
        assert other.ledger.used("u1", clock.now, WINDOW) == 0
        clock.now += 10  # a while later the ledger is asked again
        budget.window.take(clock.now, 60, True, True)  # an urgent cancel, say
        assert other.ledger.used("u1", clock.now, WINDOW) == 4, "the other counts them"
        assert other.ledger.wait("u1", clock.now, 60, WINDOW) == pytest.approx(30), \
            "and waits out the pause"
    finally:
        other.close()
        store.close()


def test_in_memory_the_others_pauses_and_sends_still_count(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another process heard a Retry-After and put it in the ledger; this one cannot
    write the ledger for a while.  Reading it is not held up by the lock: the pause
    holds here too, and the others' sends still leave less room."""
    store = Store(tmp_path / "journal.sqlite3")
    other = Store(tmp_path / "journal.sqlite3")
    try:
        clock = FakeTime()
        other.ledger.pause("u1", clock.now + 120)
        budget = RateBudget(60, clock=clock, window=SharedWindow(store.ledger, "u1"))
        with held(store.path):
            assert budget.window.take(clock.now, 60, False, False) > 100, "paused"
            assert budget.delay() > 100, "the poller holds back"
        clock.now += 130
        start = clock.now
        for _ in range(50):  # the other process spends most of the minute's budget
            assert other.ledger.take("u1", clock.now, 60, WINDOW, True) == 0
        with held(store.path):
            sent = run(budget, clock, [(True, 0.0)] * 20, monkeypatch)
        assert sum(1 for t, _ in sent if t < start + 60) <= 10, "60 less their 50"
    finally:
        other.close()
        store.close()


def test_sends_made_in_memory_are_handed_over_at_quit(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A command that ends while the ledger was busy leaves its sends counted by the
    others: they are written once the lock is free, at quit."""
    store = Store(tmp_path / "journal.sqlite3")
    other = Store(tmp_path / "journal.sqlite3")
    try:
        clock = FakeTime()
        budget = RateBudget(60, clock=clock, window=SharedWindow(store.ledger, "u1"))
        with held(store.path):
            run(budget, clock, [(True, 0.0)] * 3, monkeypatch)
            budget.pause(40)
        budget.flush()
        assert other.ledger.used("u1", clock.now, WINDOW) == 3
        assert other.ledger.wait("u1", clock.now, 60, WINDOW) > 30
    finally:
        other.close()
        store.close()
