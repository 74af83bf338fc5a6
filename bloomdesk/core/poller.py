"""One scheduler per account: polls its live orders within the account's rate budget,
at the pace ``pacing`` sets, one list call instead of many where the provider has one,
at most one poll in flight per order.  Faults back off with jitter; "not found" is
a fault too until the provider says it consistently (``transitions.not_found``).
Auto-cancel cancels a silent order a margin before its free-cancel deadline, through
a rate pause if need be, trying again until it passes; it never waits behind a poll
of the order (a poll can take the whole request timeout, as long as the margin), and
no poll starts while it runs; lost buys are reconciled
(``reconcile``).  A journal that cannot be written or read (locked by another process,
a full disk) is said once (``ErrorKind.JOURNAL``) and is a fault like any other: the
orders stay in memory (the book journals them later) and polling goes on with backoff.
It is handed what it works with (a ``Crew``) and imports no Desk.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Coroutine

from ..domain import Order, OrderState
from ..providers.errors import NotFound, ProviderError, RateLimited, Rejected
from ..providers.profiles import ACTIVE_LIST
from ..store import StoreError
from . import pacing
from .crew import Crew
from .errors import LocalError, NoSuchAccount
from .events import ErrorKind
from .intake import Intake

log = logging.getLogger(__name__)

RECONCILE_EVERY = 15.0
SURVEY_EVERY = 60.0  # a list call this often where there is one: finds outside orders
IDLE_AFTER_LOCAL_ERROR = 30.0  # an account without a key: look again now and then


class Poller:
    def __init__(self, label: str, crew: Crew) -> None:
        self.label = label
        self.crew = crew
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._due: dict[int, float] = {}  # order id -> next poll time
        self._in_flight: set[int] = set()  # polled or reconciled now
        self._cancelling: set[int] = set()  # auto-cancelled now (a poll may be in flight)
        self._tasks: set[asyncio.Task[None]] = set()
        self._backoff = 0.0
        self._cancel_at: dict[int, tuple[float, float]] = {}  # order -> (next try, backoff)
        self._reconcile_at = self._survey_at = 0.0
        self._detail: set[int] = set()  # new codes from a list: asked for one by one
        self.intake = Intake(label, crew)
        self._told: str | None = None  # the local trouble last reported (once, not every step)
        self._stopping = False

    def start(self) -> None:
        self._task = asyncio.ensure_future(self._run())

    async def stop(self) -> None:
        self._stopping = True  # 3.11's wait_for can swallow a cancel: the loop checks this
        tasks = [t for t in [self._task, *self._tasks] if t is not None]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        self._task = None

    def wake(self) -> None:
        self._wake.set()

    def replan(self) -> None:
        """Forget every planned poll (a webhook receiver started or stopped): each live
        order is planned again from its age, at the pace that now applies."""
        self._due = {k: v for k, v in self._due.items() if k in self._in_flight}
        self.wake()

    def rescale(self, factor: float) -> None:
        """The poll speed changed: stretch (factor > 1) or shrink what is left of each
        order's wait, so the new pace applies now rather than after the next poll."""
        now = self.crew.clock()
        for order_id, due in self._due.items():
            if due > now:
                self._due[order_id] = now + (due - now) * factor
        self.wake()

    def interval(self, order: Order, now: float) -> float:
        return pacing.interval(order, now, self.crew.settings.pace,
                               self.crew.push_covers(self.label))

    # ------------------------------------------------------------------ loop
    async def _run(self) -> None:
        while not self._stopping:
            try:
                delay = self._step()
                self._told = None
            except NoSuchAccount:  # removed meanwhile (in another BloomDesk): let go
                log.info("Polling %s ends: the account is gone", self.label)
                return
            except LocalError as exc:  # no key, say: one clear line, once
                if self._told != exc.message:
                    self._told = exc.message
                    log.info("Polling %s is waiting: %s", self.label, exc.message)
                    self.intake.report(exc.message, ErrorKind.ACCOUNT)
                delay = IDLE_AFTER_LOCAL_ERROR
            except Exception:  # never let one bad step stop the polling of an account
                log.exception("Polling %s failed", self.label)
                delay = 5.0
            self._wake.clear()
            try:
                async with asyncio.timeout(max(0.05, min(delay, 1.0))):
                    await self._wake.wait()
            except TimeoutError:
                pass

    def _spawn(self, coro: Coroutine[object, object, None]) -> None:
        self._tasks.add(task := asyncio.ensure_future(coro))
        task.add_done_callback(self._tasks.discard)

    def _mine(self) -> list[Order]:
        return [o for o in self.crew.book.open_orders() if o.account == self.label]

    def _step(self) -> float:
        crew, now = self.crew, self.crew.clock()
        orders = self._mine()
        budget = crew.sessions.budget(self.label)
        # 1. auto-cancel, ahead of anything else: it protects money
        for order in orders:
            if self._cancel_due(order, now):
                self._cancelling.add(order.id)
                self._spawn(self._auto_cancel(order))
        # 2. orders whose buy never answered
        if now >= self._reconcile_at:
            lost = [o for o in crew.reconciler.lost(self.label) if o.id not in self._in_flight]
            if lost:
                self._reconcile_at = now + RECONCILE_EVERY
                self._in_flight.update(o.id for o in lost)
                self._spawn(self._reconcile(lost))
        # 3. polls that are due
        live = [o for o in orders if o.state.is_live and o.provider_id]
        for order in live:
            if order.id not in self._due:  # first poll soon, unless a webhook covers it
                first = self.interval(order, order.created_at) \
                    if crew.push_covers(self.label) else 1.0
                self._due[order.id] = order.created_at + first
        busy = self._in_flight | self._cancelling
        due = sorted((o for o in live if self._due[o.id] <= now
                      and o.id not in busy), key=lambda o: self._due[o.id])
        provider = crew.sessions.provider(self.label)
        survey = ACTIVE_LIST in provider.capabilities and now >= self._survey_at
        if (due or survey) and budget.delay() == 0:
            single = next((o for o in due if o.id in self._detail), None)
            if single is not None:  # its full message (and whether it came by call)
                self._detail.discard(single.id)
                self._in_flight.add(single.id)
                self._spawn(self._poll_one(single))
            elif (len(due) >= 2 or survey) and ACTIVE_LIST in provider.capabilities:
                self._survey_at = now + SURVEY_EVERY
                batch = [o for o in live if o.id not in busy]
                self._in_flight.update(o.id for o in batch)
                self._spawn(self._poll_list(batch))
            else:
                order = due[0]
                self._in_flight.add(order.id)
                self._spawn(self._poll_one(order))
                if len(due) > 1:
                    return 0.0  # more are due: come straight back (the budget paces us)
        upcoming = [t for oid, t in self._due.items() if oid not in busy]
        upcoming += [t for t, _ in self._cancel_at.values()]
        return max(0.0, min(upcoming, default=now + 1.0) - now, budget.delay())

    def _cancel_due(self, order: Order, now: float) -> bool:
        """An in-flight poll of the order does not hold it back: its answer cannot
        reopen a cancelled order, and the provider decides between a code and a cancel."""
        settings, retry = self.crew.settings, self._cancel_at.get(order.id)
        return order.id not in self._cancelling and pacing.cancel_due(
            order, now, settings.auto_cancel_margin, settings.auto_cancel,
            retry[0] if retry else None)

    # ------------------------------------------------------------------ requests
    def _after(self, order: Order, ok: bool) -> None:
        now = self.crew.clock()
        if ok:
            self._backoff = 0.0
            current = self.crew.book.open_order(order.id)
            if current is None:
                self._due.pop(order.id, None)
                self.intake.misses.pop(order.id, None)
                self._cancel_at.pop(order.id, None)
            else:
                self._due[order.id] = now + self.interval(current, now)
        else:
            self._backoff = pacing.backoff(self._backoff)
            self._due[order.id] = now + self._backoff * random.uniform(0.5, 1.0)

    async def _poll_one(self, order: Order) -> None:
        pid = order.provider_id
        assert pid is not None
        ok = False
        try:
            act = await self.crew.sessions.call(self.label, lambda p: p.activation(pid),
                                                user=False)
            self.intake.misses.pop(order.id, None)
            ok = self.intake.apply([(order.id, act)])
        except NotFound:
            try:
                ok = self.intake.not_found(order.id)
            except StoreError as exc:
                self.intake.journal_failed(exc)
        except RateLimited as exc:
            log.info("Rate limited on %s; pausing %ss", self.label, exc.retry_after)
        except (ProviderError, LocalError) as exc:
            self.intake.report(exc.message, ErrorKind.POLL)
        except StoreError as exc:  # the journal, not the provider: said, and tried again
            self.intake.journal_failed(exc)
        finally:
            self._in_flight.discard(order.id)
            self._after(order, ok)
            self.wake()

    async def _poll_list(self, orders: list[Order]) -> None:
        ok = False
        polled_alone: set[int] = set()  # _poll_one schedules those itself
        detail: set[int] = set()  # a new code from the list: its full message is asked for
        try:
            result = await self.crew.sessions.call(self.label,
                                                   lambda p: p.active_activations(),
                                                   user=False)
            by_id = {a.id: a for a in result}
            found = [(o.id, by_id[o.provider_id]) for o in orders
                     if o.provider_id in by_id]
            codes = {o.id: o.code for o in orders}
            for order_id, act in found:
                self.intake.misses.pop(order_id, None)
                if act.code and act.code != codes.get(order_id):
                    detail.add(order_id)
            # one transaction for the whole list: one fsync, not N
            ok = self.intake.apply(found)
            try:
                self.crew.reconciler.adopt_outside(self.label, result)
            except StoreError as exc:  # adopted at a later survey; our orders go on
                self.intake.journal_failed(exc)
                self._survey_at = min(self._survey_at, self.crew.clock() + pacing.backoff(
                    self._backoff) * random.uniform(0.5, 1.0))
            for order in orders:  # no longer listed: ask for its state once
                if order.provider_id not in by_id:
                    polled_alone.add(order.id)
                    await self._poll_one(order)
        except RateLimited:
            pass
        except Rejected as exc:  # a server without the list (probed): no error to show
            ok = ACTIVE_LIST not in self.crew.sessions.provider(self.label).capabilities
            if not ok:
                self.intake.report(exc.message, ErrorKind.POLL)
        except (ProviderError, LocalError) as exc:
            self.intake.report(exc.message, ErrorKind.POLL)
        except StoreError as exc:
            self.intake.journal_failed(exc)
        finally:
            for order in orders:
                if order.id not in polled_alone:
                    self._in_flight.discard(order.id)
                    self._after(order, ok)
            if detail and self.crew.sessions.provider(self.label).traits.get("getStatusV2"):
                self._detail |= detail
                self._due.update((order_id, 0.0) for order_id in detail)
            self.wake()

    # ------------------------------------------------------------------ protection
    async def _auto_cancel(self, order: Order) -> None:
        try:
            current = self.crew.book.open_order(order.id)
            if current is None or not current.silent or current.state is not OrderState.WAITING:
                return
            await self.crew.auto_cancel(order.id)
            self._cancel_at.pop(order.id, None)
        except (ProviderError, LocalError, StoreError) as exc:
            if isinstance(exc, StoreError):
                self.intake.journal_failed(exc)
            else:
                self.intake.report(exc.message, ErrorKind.ACTION)
            # a code may have arrived meanwhile: look before trying again, soon
            wait = pacing.cancel_retry(self._cancel_at.get(order.id, (0.0, 0.0))[1])
            self._cancel_at[order.id] = (self.crew.clock() + wait, wait)
            self._due[order.id] = 0.0
        finally:
            self._cancelling.discard(order.id)
            self.wake()

    async def _reconcile(self, orders: list[Order]) -> None:
        try:
            await self.crew.reconciler.run(self.label, orders)
        except StoreError as exc:  # tried again at the next round
            self.intake.journal_failed(exc)
        finally:
            for order in orders:
                self._in_flight.discard(order.id)
            self.wake()
