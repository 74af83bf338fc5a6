"""One scheduler per account: polls its live orders within the account's rate budget.

- young orders are polled often (codes come within seconds), old ones less;
- where the provider lists active orders in one call, one list call replaces many
  status calls;
- at most one request in flight per order; none for final orders;
- ``Retry-After`` pauses the budget; faults back off exponentially with jitter;
- auto-cancel: a silent order is cancelled a margin before its free-cancel deadline;
- orders whose buy never answered (PENDING after a crash, UNKNOWN) are reconciled.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Coroutine
from typing import TYPE_CHECKING

from ..domain import Activation, Order, OrderState
from ..providers.errors import NotFound, ProviderError, RateLimited
from .events import ErrorKind, ErrorRaised

if TYPE_CHECKING:
    from .desk import Desk

log = logging.getLogger(__name__)

MAX_BACKOFF = 120.0
RECONCILE_EVERY = 15.0


class Poller:
    def __init__(self, desk: Desk, label: str) -> None:
        self.desk = desk
        self.label = label
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._due: dict[int, float] = {}  # order id -> next poll time
        self._in_flight: set[int] = set()
        self._tasks: set[asyncio.Task[None]] = set()
        self._backoff = 0.0
        self._reconcile_at = 0.0
        self._stopping = False
        self.requests = 0  # status or list calls made, for measurements

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
        now = self.desk.clock()
        for order_id, due in self._due.items():
            if due > now:
                self._due[order_id] = now + (due - now) * factor
        self.wake()

    # ------------------------------------------------------------------ schedule
    def interval(self, order: Order, now: float) -> float:
        s = self.desk.settings
        age = now - (order.code_at if order.state is OrderState.WAITING_RETRY and order.code_at
                     else order.created_at)
        if order.state in (OrderState.WAITING, OrderState.WAITING_RETRY) \
                and age < s.push_grace and self.desk.push_covers(self.label):
            # the code should come by webhook: a safety-net poll, and the normal pace
            # again once the order has waited longer than codes usually take
            return max(1.0, min(s.push_safety_interval, s.push_grace - age))
        if order.state is OrderState.RECEIVED:
            base = s.slow_interval * 3  # nothing more is expected; keep an eye on expiry
        elif age < 60:
            base = s.fast_interval
        elif age < 300:
            base = s.medium_interval
        else:
            base = s.slow_interval
        return base / max(0.1, s.poll_speed)

    def _mine(self) -> list[Order]:
        return [o for o in self.desk.open_orders() if o.account == self.label]

    async def _run(self) -> None:
        while not self._stopping:
            try:
                delay = self._step()
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
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _step(self) -> float:
        desk, now = self.desk, self.desk.clock()
        orders = self._mine()
        budget = desk.budget(self.label)
        # 1. auto-cancel, ahead of anything else: it protects money
        for order in orders:
            if (order.auto_cancel and desk.settings.auto_cancel and order.silent
                    and order.state is OrderState.WAITING and order.free_cancel_until
                    and now >= order.free_cancel_until - desk.settings.auto_cancel_margin
                    and order.id not in self._in_flight):
                self._in_flight.add(order.id)
                self._spawn(self._auto_cancel(order))
        # 2. orders whose buy never answered
        lost = [o for o in orders if o.state in (OrderState.UNKNOWN, OrderState.PENDING)
                and o.provider_id is None and o.id not in self._in_flight
                and o.id not in desk.buying]
        buying_here = any(desk.order(oid).account == self.label for oid in desk.buying)
        # Not while a buy of ours is in flight: its new activation may already be listed
        # and must not be mistaken for the lost one.
        if lost and now >= self._reconcile_at and not buying_here:
            self._reconcile_at = now + RECONCILE_EVERY
            for order in lost:
                self._in_flight.add(order.id)
            self._spawn(self._reconcile(lost))
        # 3. polls that are due
        live = [o for o in orders if o.state.is_live and o.provider_id]
        for order in live:
            if order.id not in self._due:  # first poll soon, unless a webhook covers it
                first = self.interval(order, order.created_at) \
                    if desk.push_covers(self.label) else 1.0
                self._due[order.id] = order.created_at + first
        due = sorted((o for o in live if self._due[o.id] <= now
                      and o.id not in self._in_flight), key=lambda o: self._due[o.id])
        if due and budget.delay() == 0:
            provider = desk.provider(self.label)
            if len(due) >= 2 and "active_list" in provider.capabilities:
                batch = [o for o in live if o.id not in self._in_flight]
                self._in_flight.update(o.id for o in batch)
                self._spawn(self._poll_list(batch))
            else:
                order = due[0]
                self._in_flight.add(order.id)
                self._spawn(self._poll_one(order))
                if len(due) > 1:
                    return 0.0  # more are due: come straight back (the budget paces us)
        upcoming = [t for oid, t in self._due.items() if oid not in self._in_flight]
        return max(0.0, min(upcoming, default=now + 1.0) - now, budget.delay())

    # ------------------------------------------------------------------ requests
    def _after(self, order: Order, ok: bool) -> None:
        now = self.desk.clock()
        if ok:
            self._backoff = 0.0
            current = self.desk.open_order(order.id)
            if current is None:
                self._due.pop(order.id, None)
            else:
                self._due[order.id] = now + self.interval(current, now)
        else:
            self._backoff = min(MAX_BACKOFF, max(2.0, self._backoff * 2))
            jitter = self._backoff * random.uniform(0.5, 1.0)
            self._due[order.id] = now + jitter

    async def _poll_one(self, order: Order) -> None:
        pid = order.provider_id
        assert pid is not None
        ok = False
        try:
            self.requests += 1
            act = await self.desk.call(self.label, lambda p: p.activation(pid), user=False)
            assert isinstance(act, Activation)
            self._apply(order.id, act)
            ok = True
        except NotFound:
            self._gone(order.id)
            ok = True
        except RateLimited as exc:
            log.info("Rate limited on %s; pausing %ss", self.label, exc.retry_after)
        except ProviderError as exc:
            self._report(exc)
        finally:
            self._in_flight.discard(order.id)
            self._after(order, ok)
            self.wake()

    async def _poll_list(self, orders: list[Order]) -> None:
        ok = False
        polled_alone: set[int] = set()  # _poll_one schedules those itself
        try:
            self.requests += 1
            result = await self.desk.call(self.label, lambda p: p.active_activations(),
                                          user=False)
            assert isinstance(result, list)
            by_id = {a.id: a for a in result}
            changed, gone = [], []
            for order in orders:
                act = by_id.get(order.provider_id or "")
                merged = self._merged(order.id, act) if act is not None else None
                if act is None:
                    gone.append(order)
                elif merged is not None:
                    changed.append(merged)
            if changed:  # one transaction for the whole list: one fsync, not N
                self.desk.save_many(changed)
            for order in gone:  # no longer active: ask for its final state once
                self._due[order.id] = 0.0
                polled_alone.add(order.id)
                await self._poll_one(order)
            ok = True
        except RateLimited:
            pass
        except ProviderError as exc:
            self._report(exc)
        finally:
            for order in orders:
                if order.id not in polled_alone:
                    self._in_flight.discard(order.id)
                    self._after(order, ok)
            self.wake()

    def _merged(self, order_id: int, act: Activation) -> Order | None:
        """The order as the provider now describes it, or None when nothing changed."""
        current = self.desk.open_order(order_id)
        if current is None:
            return None
        if current.code and not act.code and current.state is OrderState.RECEIVED \
                and OrderState.of(act.status) is OrderState.WAITING:
            return None  # an answer older than the code the webhook already brought
        merged = self.desk.merge(current, act)
        now = self.desk.clock()
        if merged.state is OrderState.RECEIVED and merged.expires_at and now > merged.expires_at:
            merged = merged.but(state=OrderState.EXPIRED, note="Ended at expiry.")
        return merged if merged != current else None

    def _apply(self, order_id: int, act: Activation) -> None:
        merged = self._merged(order_id, act)
        if merged is not None:
            self.desk.save(merged)

    def _gone(self, order_id: int) -> None:
        current = self.desk.open_order(order_id)
        if current is not None:
            self.desk.save(current.but(state=OrderState.EXPIRED,
                                       note="The provider no longer knows this order."))

    def _report(self, exc: ProviderError) -> None:
        log.info("Polling %s: %s", self.label, exc)
        self.desk.bus.publish(ErrorRaised(self.label, exc.message, kind=ErrorKind.POLL))

    # ------------------------------------------------------------------ protection
    async def _auto_cancel(self, order: Order) -> None:
        try:
            current = self.desk.open_order(order.id)
            if current is None or not current.silent or current.state is not OrderState.WAITING:
                return
            await self.desk.cancel(order.id, reason="Auto-cancelled: no code came before the "
                                   "free-cancel deadline, so nothing was charged.")
        except ProviderError as exc:
            self._report(exc)
            # a code may have arrived meanwhile: look before trying again
            self._due[order.id] = 0.0
        finally:
            self._in_flight.discard(order.id)
            self.wake()

    async def _reconcile(self, orders: list[Order]) -> None:
        desk = self.desk
        try:
            provider = desk.provider(self.label)
            if "active_list" not in provider.capabilities:
                for order in orders:
                    if order.state is OrderState.PENDING or not order.note or \
                            "cannot list" not in order.note:
                        desk.save(order.but(
                            state=OrderState.UNKNOWN,
                            note=f"The buy's answer never came and {provider.profile.title} "
                            "cannot list active orders, so BloomDesk cannot tell whether "
                            "it was bought. Check the provider's site, then dismiss it."),
                            "unknown", "no list to reconcile with")
                return
            result = await desk.call(self.label, lambda p: p.active_activations(), user=False)
            assert isinstance(result, list)
            known = desk.store.known_provider_ids(self.label)
            for order in orders:
                match = next((a for a in result if a.id not in known
                              and a.service in (None, order.service)), None)
                if match is None:
                    desk.save(order.but(
                        state=OrderState.FAILED,
                        note="The provider holds no such order: the buy never went through, "
                        "nothing was charged."), "reconciled", "not found")
                    continue
                known.add(match.id)
                adopted = desk.merge(order, match).but(
                    provider_id=match.id, note="Recovered after an interrupted buy.",
                    expires_at=order.expires_at or order.created_at
                    + provider.profile.activation_lifetime)
                desk.save(adopted, "reconciled", "adopted")
        except ProviderError as exc:
            self._report(exc)
        finally:
            for order in orders:
                self._in_flight.discard(order.id)
            self.wake()
