"""The order book: open orders in memory, every change journaled, every change told.

A change is a function of the order as it stands (see ``transitions``).  The book
applies it to its copy and journals the result as a compare-and-set on the row's
version; when another process wrote the row meanwhile, the book re-reads it and
applies the function again to the fresh row, so no stale copy ever overwrites newer
facts.  When the journal cannot take a change (a full disk, a journal locked for
longer than we wait), the change is kept in memory, the order stays actionable, and
the book writes it as soon as the journal allows (``flush``).  ``sync`` picks up
what other processes on the same journal did.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from ..domain import Order, OrderState
from ..i18n import QT_TRANSLATE_NOOP
from ..store import Conflict, Store, StoreError
from .errors import no_such_order
from .events import CodeReceived, ErrorKind, ErrorRaised, EventBus, OrderAdded, OrderChanged

log = logging.getLogger(__name__)

Change = Callable[[Order], Order | None]
CONFLICT_RETRIES = 5
SYNC_SLACK = 2.0  # a row is stamped a moment before its transaction commits


@dataclass
class _Unsaved:
    """Changes the journal could not take yet, in the order they happened."""

    changes: list[tuple[Change, str | None, str | None]] = field(default_factory=list)
    error: str = ""


class OrderBook:
    def __init__(self, store: Store, bus: EventBus) -> None:
        self.store = store
        self.bus = bus
        self._open: dict[int, Order] = {o.id: o for o in store.open_orders()}
        self._unsaved: dict[int, _Unsaved] = {}
        self._data_version = store.data_version()
        self._synced_at = time.time()

    # ------------------------------------------------------------------ reading
    def open_orders(self) -> list[Order]:
        return sorted(self._open.values(), key=lambda o: o.id)

    def open_order(self, order_id: int) -> Order | None:
        """The order as it stands, while it is open (None once it is final)."""
        return self._open.get(order_id)

    def order(self, order_id: int) -> Order:
        order = self._open.get(order_id) or self.store.get(order_id)
        if order is None:
            raise no_such_order(order_id)
        return order

    def history(self, limit: int = 1000) -> list[Order]:
        orders = self.store.orders(limit)
        return [self._open.get(o.id, o) if o.id in self._unsaved else o for o in orders]

    def unsaved(self, order_id: int) -> str | None:
        """Why the journal does not hold this order's latest state yet (None: it does)."""
        pending = self._unsaved.get(order_id)
        return pending.error if pending else None

    # ------------------------------------------------------------------ writing
    def add(self, order: Order) -> Order:
        """Journal a new order durably (StoreError: nothing recorded) and tell."""
        order = self.store.new_order(order)
        self._open[order.id] = order
        self.bus.publish(OrderAdded(order))
        return order

    def adopt(self, order: Order) -> Order | None:
        """Journal an order bought elsewhere, unless another process adopted it first."""
        adopted = self.store.adopt(order)
        if adopted is not None:
            self._open[adopted.id] = adopted
            self.bus.publish(OrderAdded(adopted))
            if adopted.code:
                self.bus.publish(CodeReceived(adopted))
        return adopted

    def change(self, order_id: int, change: Change, event: str | None = None,
               detail: str | None = None) -> Order | None:
        """Apply `change` to the order as it stands and journal it; the new order, or
        None when the change did not apply."""
        return self.change_many([(order_id, change)], event, detail)[0]

    def change_many(self, items: list[tuple[int, Change]], event: str | None = None,
                    detail: str | None = None) -> list[Order | None]:
        """Several changes in one transaction (one fsync for a polled batch)."""
        results: list[Order | None] = [None] * len(items)
        planned: list[tuple[int, int, Change, Order, Order]] = []
        for n, (order_id, change) in enumerate(items):
            current = self._current(order_id)
            new = change(current)
            if new is None or new == current:
                continue
            if order_id in self._unsaved:  # keep the order of changes: after those
                self._unsaved[order_id].changes.append((change, event, detail))
                results[n] = self._apply(current, new)
                continue
            planned.append((n, order_id, change, current, new))
        if not planned:
            return results
        what = [(current, new, event or new.state.value, detail)
                for _, _, _, current, new in planned]
        try:
            saved = self.store.update_many(what)
        except StoreError as exc:
            for n, order_id, change, current, new in planned:
                self._keep_unsaved(order_id, change, event, detail, str(exc))
                results[n] = self._apply(current, new)
            return results
        for (n, order_id, change, current, _), done in zip(planned, saved, strict=True):
            results[n] = self._apply(current, done) if done is not None else \
                self._rebase(order_id, change, event, detail)
        return results

    def _current(self, order_id: int) -> Order:
        current = self._open.get(order_id)
        if current is None:
            current = self.store.get(order_id)
            if current is None:
                raise no_such_order(order_id)
        return current

    def _rebase(self, order_id: int, change: Change, event: str | None,
                detail: str | None) -> Order | None:
        """Another process wrote the order: derive the change again from the fresh row."""
        for _ in range(CONFLICT_RETRIES):
            fresh = self.store.get(order_id)
            if fresh is None:
                return None
            self._learn(fresh)
            new = change(fresh)
            if new is None or new == fresh:
                return None
            try:
                return self._apply(fresh, self.store.update(
                    fresh, new, event or new.state.value, detail))
            except Conflict:
                continue
            except StoreError as exc:
                self._keep_unsaved(order_id, change, event, detail, str(exc))
                return self._apply(fresh, new)
        log.warning("Order %s kept changing in another process (or its activation is "
                    "another order's); change dropped", order_id)
        return None

    def _keep_unsaved(self, order_id: int, change: Change, event: str | None,
                      detail: str | None, error: str) -> None:
        first = order_id not in self._unsaved
        pending = self._unsaved.setdefault(order_id, _Unsaved())
        pending.changes.append((change, event, detail))
        pending.error = error
        if first:
            log.warning("Order %s is kept in memory until the journal can take it: %s",
                        order_id, error)

    def _apply(self, before: Order, after: Order) -> Order:
        """Hold `after` as the order and tell every listener."""
        if after.state.is_final and after.id not in self._unsaved:
            self._open.pop(after.id, None)
        else:
            self._open[after.id] = after
        self.bus.publish(OrderChanged(after))
        if after.code and after.code != before.code:
            self.bus.publish(CodeReceived(after))
        return after

    def _learn(self, fresh: Order) -> None:
        """Take in a row another process wrote (newer than ours), and tell."""
        mine = self._open.get(fresh.id)
        if mine is not None and mine.version >= fresh.version:
            return
        if mine is None and fresh.state.is_final:
            return  # made and finished elsewhere: history, not news
        if mine is None:
            self._open[fresh.id] = fresh
            self.bus.publish(OrderAdded(fresh))
            if fresh.code:
                self.bus.publish(CodeReceived(fresh))
            return
        self._apply(mine, fresh)

    async def wait_for_code(self, order_id: int, timeout: float | None = None) -> Order:
        """Until the order has a code (returned) or ends (returned as it ended)."""
        def done(o: Order) -> bool:
            return bool(o.code and o.state is not OrderState.WAITING_RETRY) or o.state.is_final

        order = self.order(order_id)
        if done(order):
            return order
        settled: asyncio.Future[Order] = asyncio.get_running_loop().create_future()

        def listen(event: object) -> None:
            if isinstance(event, OrderChanged) and event.order.id == order_id and \
                    not settled.done() and done(event.order):
                settled.set_result(event.order)

        unsubscribe = self.bus.subscribe(listen)
        try:
            return await asyncio.wait_for(settled, timeout)
        finally:
            unsubscribe()

    # ------------------------------------------------------------------ upkeep
    def flush(self) -> None:
        """Journal what the journal could not take before, now that it may."""
        for order_id in list(self._unsaved):
            pending = self._unsaved[order_id]
            try:
                fresh = self.store.get(order_id)
                if fresh is None:
                    continue
                new, events = fresh, []
                for change, event, _ in pending.changes:
                    step = change(new)
                    if step is not None:
                        new = step
                        events.append(event or step.state.value)
                saved = self.store.update(fresh, new, "; ".join(events) or None,
                                          pending.changes[-1][2])
            except Conflict:
                continue  # written meanwhile by another process: derive again next time
            except StoreError as exc:
                pending.error = str(exc)
                continue
            del self._unsaved[order_id]
            log.info("Order %s is journaled again", order_id)
            self._apply(self._open.get(order_id, fresh), saved)

    def sync(self) -> list[Order]:
        """Take in what other processes changed since the last look (cheap when
        nothing did); returns the orders that changed."""
        try:
            version = self.store.data_version()
            if version == self._data_version:
                return []
            self._data_version = version
            since, self._synced_at = self._synced_at - SYNC_SLACK, time.time()
            rows = self.store.changed_since(since)
        except StoreError as exc:
            log.info("Reading the journal failed: %s", exc)
            return []
        changed = []
        for row in rows:
            if row.id in self._unsaved:
                continue
            mine = self._open.get(row.id)
            if (mine is None and not row.state.is_final) or \
                    (mine is not None and row.version > mine.version):
                self._learn(row)
                changed.append(row)
        return changed

    def tell_unsaved(self, order: Order, account: str) -> None:
        """Say plainly that the provider has an order the journal does not hold yet."""
        error = self.unsaved(order.id)
        if error:
            self.bus.publish(ErrorRaised(account, QT_TRANSLATE_NOOP(
                "errors", "The provider charged for order #{order} ({phone}), but the "
                "journal could not record it: {error} BloomDesk keeps the order and will "
                "record it as soon as it can; it can be cancelled or completed as "
                "usual.").format(order=order.id, phone=order.phone or QT_TRANSLATE_NOOP(
                    "errors", "no phone yet"), error=error), order.id, ErrorKind.JOURNAL))
