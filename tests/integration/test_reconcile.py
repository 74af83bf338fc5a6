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

from bloomdesk.core import Desk, DeskSettings, Order, OrderState, Reason
from bloomdesk.providers.errors import ProtocolError
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


async def lost_buy(desk: Desk, sim: Simulator, label: str) -> Order:
    """A buy answered with garbage: unknown (maybe bought), though nothing was."""
    country, price = await cheapest(desk, label)
    sim.fault(label, Fault("garbage", op="buy"))
    with pytest.raises(ProtocolError) as caught:
        await desk.buy(label, "tg", country, price=price)
    lost = desk.order(caught.value.order_id or 0)
    assert lost.state is OrderState.UNKNOWN and lost.provider_id is None
    return lost


async def test_a_buy_that_starts_while_the_list_is_read_keeps_its_activation(
        desks: list[Desk], sim: Simulator, clock: Clock, tmp_path: Path) -> None:
    """A lost buy is being reconciled; the list is slow; meanwhile the user buys again
    and the provider creates that number before the list is taken.  The list shows it,
    but it is the new buy's: the lost buy is not given it (and is found not bought)."""
    kind, path = "smsbulk", tmp_path / "journal.sqlite3"
    desk = desk_on(desks, sim, clock, path, {kind: key_for(kind)})
    sim.next_codes(kind, None)
    lost = await lost_buy(desk, sim, kind)
    country, price = await cheapest(desk, kind)
    sim.fault(kind, Fault("latency", op="list", seconds=1.0))
    reconciling = asyncio.create_task(desk.reconcile_now([kind]))
    await asyncio.sleep(0.3)  # the list request waits at the provider
    sim.fault(kind, Fault("latency_after", op="buy", seconds=2.0))
    buying = asyncio.create_task(desk.buy(kind, "tg", country, price=price))
    await until(lambda: len(sim.activations(kind)) == 1, what="the new buy carried out")
    await reconciling
    assert not buying.done(), "the buy was still waiting for its answer"
    assert desk.order(lost.id).provider_id is None, "never given the running buy's number"
    bought = await buying
    [created] = sim.activations(kind)
    assert bought.provider_id == created.id and bought.state is OrderState.WAITING
    await desk.reconcile_now([kind])
    settled = desk.order(lost.id)
    assert (settled.state, settled.reason) == (OrderState.FAILED, Reason.NOT_AT_PROVIDER)
    assert [o.id for o in holders(path, created.id)] == [bought.id]
    assert sim.sent(kind, "buy") == 2


async def test_an_order_of_a_kin_account_is_not_adopted_again(
        desks: list[Desk], sim: Simulator, clock: Clock, tmp_path: Path) -> None:
    """SMSBulk's REST and compatible dialects on one key are one account at the
    provider: a number bought through one is listed by the other, and is not adopted
    there as 'bought outside BloomDesk' (one order, one charge, shown once)."""
    path = tmp_path / "journal.sqlite3"
    desk = desk_on(desks, sim, clock, path, {"smsbulk": SHARED, "smsbulk-legacy": SHARED})
    sim.next_codes("smsbulk", None)
    country, price = await cheapest(desk, "smsbulk-legacy")
    bought = await desk.buy("smsbulk-legacy", "tg", country, price=price)
    assert bought.provider_id
    await desk.reconcile_now(["smsbulk"])  # its list holds the legacy account's order
    assert [o.id for o in holders(path, bought.provider_id)] == [bought.id]
    assert [o.id for o in desk.open_orders()] == [bought.id]


async def test_a_lost_buy_is_not_given_a_kin_account_s_order(
        desks: list[Desk], sim: Simulator, clock: Clock, tmp_path: Path) -> None:
    """A lost buy of the REST account is matched against a list that also shows what
    the compatible account (same key) bought: that number is the other order's."""
    path = tmp_path / "journal.sqlite3"
    desk = desk_on(desks, sim, clock, path, {"smsbulk": SHARED, "smsbulk-legacy": SHARED})
    sim.next_codes("smsbulk", None)
    lost = await lost_buy(desk, sim, "smsbulk")
    country, price = await cheapest(desk, "smsbulk-legacy")
    bought = await desk.buy("smsbulk-legacy", "tg", country, price=price)
    assert bought.provider_id
    await desk.reconcile_now(["smsbulk"])
    assert [o.id for o in holders(path, bought.provider_id)] == [bought.id]
    settled = desk.order(lost.id)
    assert (settled.state, settled.reason) == (OrderState.FAILED, Reason.NOT_AT_PROVIDER)
    assert len(sim.activations("smsbulk")) == 1


async def test_accounts_at_one_host_with_their_own_keys_keep_their_own_orders(
        desks: list[Desk], sim: Simulator, clock: Clock, tmp_path: Path) -> None:
    """Two keys at one provider are two accounts: a number bought outside BloomDesk on
    one is adopted, whatever the other holds."""
    path = tmp_path / "journal.sqlite3"
    keys = {"smsbulk": key_for("smsbulk"), "smsbulk-legacy": key_for("smsbulk-legacy")}
    desk = desk_on(desks, sim, clock, path, keys)
    sim.next_codes("smsbulk", None, None)
    country, price = await cheapest(desk, "smsbulk-legacy")
    mine = await desk.buy("smsbulk-legacy", "tg", country, price=price)
    outside = desk_on(desks, sim, clock, tmp_path / "elsewhere.sqlite3",
                      {"smsbulk": key_for("smsbulk")})  # the provider's website, say
    country, price = await cheapest(outside, "smsbulk")
    elsewhere = await outside.buy("smsbulk", "tg", country, price=price)
    await desk.reconcile_now(["smsbulk"])
    [adopted] = [o for o in desk.open_orders() if o.id != mine.id]
    assert adopted.account == "smsbulk" and adopted.reason is Reason.OUTSIDE
    assert adopted.provider_id == elsewhere.provider_id


async def test_a_buy_s_answer_takes_its_number_back_from_a_reconciled_guess(
        desks: list[Desk], sim: Simulator, clock: Clock, tmp_path: Path) -> None:
    """Another process takes the buyer for gone (its lock file was removed) and matches
    the buy's fresh number to an older lost buy.  When the buy's answer comes, its own
    order holds the number; the older one is lost again and found never bought: one
    order per number, the one the provider answered."""
    kind, path = "smsbulk", tmp_path / "journal.sqlite3"
    buyer = desk_on(desks, sim, clock, path, {kind: key_for(kind)})
    other = desk_on(desks, sim, clock, path, {kind: key_for(kind)})
    sim.next_codes(kind, None)
    older = await lost_buy(other, sim, kind)
    country, price = await cheapest(buyer, kind)
    sim.fault(kind, Fault("latency_after", op="buy", seconds=2.0))
    buying = asyncio.create_task(buyer.buy(kind, "tg", country, price=price))
    await until(lambda: len(sim.activations(kind)) == 1, what="the buy carried out")
    (path.parent / "live" / buyer.store.owners.token).unlink()
    other.book.sync()
    await other.reconcile_now([kind])
    [created] = sim.activations(kind)
    assert journal_order(path, older.id).provider_id == created.id, "the guess, as set up"
    bought = await buying
    assert bought.provider_id == created.id and bought.state is OrderState.WAITING
    assert [o.id for o in holders(path, created.id)] == [bought.id]
    assert journal_order(path, older.id).state is OrderState.UNKNOWN
    other.book.sync()
    await other.reconcile_now([kind])
    settled = journal_order(path, older.id)
    assert (settled.state, settled.reason) == (OrderState.FAILED, Reason.NOT_AT_PROVIDER)
    assert [o.id for o in holders(path, created.id)] == [bought.id]
    assert len(sim.activations(kind)) == 1 and sim.sent(kind, "buy") == 2


async def test_kin_accounts_spend_one_rate_budget(
        desks: list[Desk], sim: Simulator, clock: Clock, tmp_path: Path) -> None:
    """SMSBulk counts its key's requests whichever dialect sends them: a Retry-After
    heard through the compatible endpoint pauses the REST one too, and a request
    through either spends the one budget; a key of its own at the same host does not."""
    from bloomdesk.providers.errors import RateLimited

    key = key_for("smsbulk")
    desk = desk_on(desks, sim, clock, tmp_path / "journal.sqlite3", {"smsbulk": key})
    for _ in range(3):
        await desk.balance("smsbulk")
    used = desk.sessions.budget("smsbulk").used()
    # the kin arrives later (its uid may sort first): what was spent still counts
    desk.add_account("smsbulk-legacy", "smsbulk-legacy", key, sim.url("smsbulk-legacy"))
    assert desk.sessions.budget("smsbulk-legacy").used() == used
    await desk.balance("smsbulk-legacy")
    assert desk.sessions.budget("smsbulk").used() == used + 1, "one key, one count"
    sim.fault("smsbulk-legacy", Fault("answer", op="balance", status=429, body="",
                                      headers={"Retry-After": "30"}))
    with pytest.raises(RateLimited):
        await desk.balance("smsbulk-legacy")
    assert 25 < desk.sessions.budget("smsbulk").delay(user=True) <= 30
    two = desk_on(desks, sim, clock, tmp_path / "other.sqlite3",
                  {"smsbulk": key, "smsbulk-legacy": key_for("smsbulk-legacy")})
    sim.fault("smsbulk-legacy", Fault("answer", op="balance", status=429, body="",
                                      headers={"Retry-After": "30"}))
    with pytest.raises(RateLimited):
        await two.balance("smsbulk-legacy")
    assert two.sessions.budget("smsbulk").delay(user=True) == 0, "another key's pause"
