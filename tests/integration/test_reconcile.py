"""Lost buys and outside orders against the simulator, with two processes' engines on
one journal where it matters: every charged activation is held by exactly one order,
the one whose buy it answered; a buy still running anywhere is never settled from a
list that does not show it yet."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from decimal import Decimal
from pathlib import Path

import pytest

from bloomdesk.core import Desk, DeskSettings, Order, OrderState
from bloomdesk.secrets import KeyStore
from bloomdesk.sim import Fault, Simulator
from bloomdesk.store import Store
from tests.conftest import Clock
from tests.helpers import key_for, until

START = Decimal("10.00")
SHARED = "smsbulk-one-wallet-key-0001"  # one key, two dialects of one provider


@pytest.fixture
async def desks(sim: Simulator, clock: Clock) -> AsyncIterator[list[Desk]]:
    made: list[Desk] = []
    yield made
    for desk in made:
        await desk.stop()
        desk.store.close()


def desk_on(desks: list[Desk], sim: Simulator, clock: Clock, path: Path,
            accounts: dict[str, str]) -> Desk:
    """An engine on the journal at `path` (a process of its own: its own connection and
    owner token), not started: the test drives reconciliation.  `accounts`: label (the
    simulated kind) -> key."""
    desk = Desk(Store(path), KeyStore(memory_only=True), settings=DeskSettings(timeout=5),
                clock=clock)
    desks.append(desk)
    known = {a.label for a in desk.accounts()}
    for label, key in accounts.items():
        with sim.lock:
            funded = key in sim.provider(label).accounts
        if not funded:
            sim.add_account(label, key, START)
        if label in known:
            desk.keys.set(label, key)
        else:
            desk.add_account(label, label, key, sim.url(label))
    return desk


async def cheapest(desk: Desk, label: str) -> tuple[str, Decimal]:
    offer = min((o for o in await desk.offers(label, "tg") if o.stock > 50),
                key=lambda o: o.price)
    return offer.country, offer.price


def holders(path: Path, provider_id: str) -> list[Order]:
    """The journal's orders that hold an activation, as any process would read them."""
    store = Store(path)
    try:
        return [o for o in store.orders() if o.provider_id == provider_id]
    finally:
        store.close()


def journal_order(path: Path, order_id: int) -> Order:
    store = Store(path)
    try:
        found = store.get(order_id)
        assert found is not None
        return found
    finally:
        store.close()


async def test_a_buy_waiting_past_its_lease_in_a_live_process_is_left_alone(
        desks: list[Desk], sim: Simulator, clock: Clock, tmp_path: Path) -> None:
    """A buy may wait minutes for rate-budget room, longer than its lease: while the
    process buying it lives, another process never settles it as 'not bought'."""
    kind, path = "smsbulk", tmp_path / "journal.sqlite3"
    buyer = desk_on(desks, sim, clock, path, {kind: key_for(kind)})
    other = desk_on(desks, sim, clock, path, {kind: key_for(kind)})
    country, price = await cheapest(buyer, kind)
    sim.next_codes(kind, None)
    sim.fault(kind, Fault("latency", op="buy", seconds=1.5))
    buying = asyncio.create_task(buyer.buy(kind, "tg", country, price=price))
    await until(lambda: bool(buyer.open_orders()), what="the order journaled")
    [pending] = buyer.open_orders()
    clock.advance(buyer.settings.lease + 1)  # its lease has passed; its process lives
    other.book.sync()
    await other.reconcile_now([kind])
    seen = journal_order(path, pending.id)
    assert seen.state is OrderState.PENDING, (seen.state, seen.reason)
    bought = await buying
    assert bought.state is OrderState.WAITING and bought.provider_id
    assert [e for e in other.store.events(pending.id) if e[1].startswith("reconciled")] == []
    assert len(sim.activations(kind)) == 1 and sim.sent(kind, "buy") == 1
