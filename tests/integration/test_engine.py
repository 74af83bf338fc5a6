"""The order engine against the simulator: money and orders as the user would see them."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator, Awaitable, Callable
from decimal import Decimal
from pathlib import Path

import pytest

from bloomdesk.core import Desk, DeskSettings, OrderState, Reason
from bloomdesk.core.errors import NothingToDo
from bloomdesk.core.events import CodeReceived, OrderChanged
from bloomdesk.providers.errors import Unavailable
from bloomdesk.secrets import KeyStore
from bloomdesk.sim import Fault, Simulator
from bloomdesk.store import SchemaTooNew, Store, StoreError
from tests.helpers import key_for, until

START = Decimal("10.00")
MakeDesk = Callable[..., Awaitable[Desk]]


@pytest.fixture
async def make_desk(sim: Simulator, clock: object, tmp_path: Path,
                    keyring_memory: object) -> AsyncIterator[MakeDesk]:
    desks: list[Desk] = []

    async def make(*kinds: str, timeout: float = 5.0, settings: DeskSettings | None = None,
                   journal: str = "journal.sqlite3") -> Desk:
        settings = settings or DeskSettings(timeout=timeout)
        desk = Desk(Store(tmp_path / journal), KeyStore(), settings=settings,
                    clock=clock)  # type: ignore[arg-type]
        for kind in kinds:
            sim.add_account(kind, key_for(kind), START)
            if kind not in [a.label for a in desk.accounts()]:
                desk.add_account(kind, kind, key_for(kind),
                                 sim.url(kind))
        await desk.start()
        desks.append(desk)
        return desk

    yield make
    for desk in desks:
        await desk.stop()
        desk.store.close()


async def cheapest(desk: Desk, label: str, service: str = "tg") -> tuple[str, Decimal]:
    offers = [o for o in await desk.offers(label, service) if o.stock > 0]
    offer = min(offers, key=lambda o: o.price)
    return offer.country, offer.price


async def test_order_gets_its_code_and_completes(make_desk: MakeDesk, sim: Simulator) -> None:
    desk = await make_desk("bloomsms")
    codes: list[str] = []
    desk.subscribe(lambda e: codes.append(e.order.code or "") if isinstance(e, CodeReceived)
                   else None)
    country, price = await cheapest(desk, "bloomsms")
    sim.next_codes("bloomsms", 0.5)
    order = await desk.buy("bloomsms", "tg", country, price=price)
    assert order.state is OrderState.WAITING and order.phone
    done = await desk.wait_for_code(order.id, timeout=15)
    assert done.code == sim.activation("bloomsms", order.provider_id or "").code
    assert codes == [done.code]
    finished = await desk.complete(order.id)
    assert finished.state is OrderState.COMPLETED
    assert desk.open_orders() == []
    assert desk.history()[0].price == price
    assert sim.balance("bloomsms", key_for("bloomsms")) == START - price


async def test_ambiguous_buy_is_reconciled_not_bought_twice(make_desk: MakeDesk,
                                                            sim: Simulator) -> None:
    kind = "smsbulk"
    desk = await make_desk(kind, timeout=1.0)
    country, price = await cheapest(desk, kind)
    sim.next_codes(kind, 3.0)
    sim.fault(kind, Fault("timeout_after_create", op="buy", seconds=3))
    with pytest.raises(Unavailable):
        await desk.buy(kind, "tg", country, price=price)
    unknown = desk.open_orders()
    assert [o.state for o in unknown] == [OrderState.UNKNOWN]
    await until(lambda: desk.order(unknown[0].id).provider_id is not None)
    created = sim.activations(kind)
    assert len(created) == 1 and sim.sent(kind, "buy") == 1
    recovered = desk.order(unknown[0].id)
    assert recovered.provider_id == created[0].id
    assert recovered.reason is Reason.RECOVERED
    got = await desk.wait_for_code(recovered.id, timeout=20)
    assert got.code == sim.activation(kind, created[0].id).code
    assert sim.sent(kind, "buy") == 1, "never bought again"


async def test_ambiguous_buy_without_a_list_stays_for_the_user(make_desk: MakeDesk,
                                                               sim: Simulator) -> None:
    kind = "bloomsms"
    desk = await make_desk(kind, timeout=1.0)
    country, price = await cheapest(desk, kind)
    sim.fault(kind, Fault("timeout_after_create", op="buy", seconds=3))
    with pytest.raises(Unavailable):
        await desk.buy(kind, "tg", country, price=price)
    [order] = desk.open_orders()
    await until(lambda: desk.order(order.id).reason is Reason.NO_LIST)
    assert desk.order(order.id).state is OrderState.UNKNOWN
    await asyncio.sleep(1.5)
    assert sim.sent(kind, "buy") == 1
    dismissed = desk.dismiss(order.id)
    assert dismissed.state is OrderState.FAILED and desk.open_orders() == []


async def test_auto_cancel_before_the_free_cancel_deadline(make_desk: MakeDesk, sim: Simulator,
                                                           clock: object) -> None:
    kind = "bloomsms-legacy"
    desk = await make_desk(kind)
    country, price = await cheapest(desk, kind)
    sim.next_codes(kind, None)  # silent: no code will ever come
    order = await desk.buy(kind, "tg", country, price=price)
    assert order.auto_cancel and order.free_cancel_until == pytest.approx(
        order.created_at + 120)
    assert sim.balance(kind, key_for(kind)) == START - price
    clock.advance(95)  # type: ignore[attr-defined]
    await asyncio.sleep(1.5)
    assert desk.order(order.id).state is OrderState.WAITING, "not before the margin"
    clock.advance(10)  # 105 s after purchase: inside the 20 s safety margin
    await until(lambda: desk.order(order.id).state is OrderState.CANCELLED)
    cancelled = desk.order(order.id)
    assert cancelled.reason is Reason.AUTO_CANCELLED
    assert sim.activation(kind, order.provider_id or "").status == "cancelled"
    assert sim.balance(kind, key_for(kind)) == START, "no charge"
    await until(lambda: desk.balances.get(kind, (None, 0.0))[0] == START,
                what="the balance shown to follow the refund")


async def test_auto_cancel_does_not_wait_behind_a_hanging_poll(
        make_desk: MakeDesk, sim: Simulator, clock: object) -> None:
    """A status poll of the order hangs for its whole request timeout (longer than the
    20 s margin) just as the margin begins: the cancel goes anyway, and is refunded."""
    kind = "bloomsms-legacy"
    desk = await make_desk(kind, timeout=30.0)
    country, price = await cheapest(desk, kind)
    sim.next_codes(kind, None)
    order = await desk.buy(kind, "tg", country, price=price)
    polls = sim.sent(kind, "status")
    await until(lambda: sim.sent(kind, "status") > polls, what="the first poll")
    polls = sim.sent(kind, "status")
    sim.fault(kind, Fault("latency", op="status", seconds=90))
    await until(lambda: sim.sent(kind, "status") > polls, what="a poll that hangs")
    clock.advance(105)  # type: ignore[attr-defined]  # 15 s left: inside the margin
    await until(lambda: desk.order(order.id).state is OrderState.CANCELLED, timeout=45)
    assert desk.order(order.id).reason is Reason.AUTO_CANCELLED
    assert sim.activation(kind, order.provider_id or "").status == "cancelled"
    assert sim.balance(kind, key_for(kind)) == START, "cancelled in time: no charge"


async def test_the_users_cancel_near_the_deadline_passes_a_retry_after(
        make_desk: MakeDesk, sim: Simulator, clock: object) -> None:
    """Auto-cancel is off for this order; the provider asked for a day's pause (capped
    at minutes); the user cancels 30 s before the free-cancel deadline: it goes now,
    as auto-cancel would, rather than after the pause, when silence is charged."""
    kind = "bloomsms-legacy"
    desk = await make_desk(kind)
    country, price = await cheapest(desk, kind)
    sim.next_codes(kind, None)
    order = await desk.buy(kind, "tg", country, price=price)
    desk.set_auto_cancel(order.id, False)
    sim.fault(kind, Fault("answer", op="balance", status=429, body="RATE_LIMITED",
                          headers={"Retry-After": "86400"}))
    with pytest.raises(Exception):  # noqa: B017 - RateLimited, whatever its wrapping
        await desk.balance(kind)
    assert desk.sessions.budget(kind).delay(user=True) > 60, "paused for minutes"
    clock.advance(90)  # type: ignore[attr-defined]
    cancelled = await asyncio.wait_for(desk.cancel(order.id), timeout=25)
    assert cancelled.state is OrderState.CANCELLED
    assert sim.balance(kind, key_for(kind)) == START, "cancelled in time: no charge"


async def test_auto_cancel_off_for_one_order_lets_it_run(make_desk: MakeDesk, sim: Simulator,
                                                         clock: object) -> None:
    kind = "bloomsms-legacy"
    desk = await make_desk(kind)
    country, price = await cheapest(desk, kind)
    sim.next_codes(kind, None, None)
    kept = await desk.buy(kind, "tg", country, price=price)
    guarded = await desk.buy(kind, "tg", country, price=price)
    desk.set_auto_cancel(kept.id, False)
    clock.advance(110)  # type: ignore[attr-defined]
    await until(lambda: desk.order(guarded.id).state is OrderState.CANCELLED)
    await asyncio.sleep(1.0)
    assert desk.order(kept.id).state is OrderState.WAITING, "the user asked to keep it"
    assert sim.balance(kind, key_for(kind)) == START - price


async def test_early_cancel_is_refused_without_a_request(make_desk: MakeDesk,
                                                         sim: Simulator) -> None:
    kind = "sms-activate"
    desk = await make_desk(kind)
    country, price = await cheapest(desk, kind)
    order = await desk.buy(kind, "tg", country, price=price)
    before = sim.sent(kind, "cancel")
    with pytest.raises(NothingToDo) as refused:
        await desk.cancel(order.id)
    assert "2 minutes" in refused.value.message
    assert sim.sent(kind, "cancel") == before


async def test_restart_resumes_every_open_order(make_desk: MakeDesk, sim: Simulator) -> None:
    kind = "smsbulk-legacy"
    first = await make_desk(kind)
    country, price = await cheapest(first, kind)
    sim.next_codes(kind, None, None)
    orders = [await first.buy(kind, "tg", country, price=price) for _ in range(2)]
    await first.stop()
    second = await make_desk(kind)
    assert {o.id for o in second.open_orders()} == {o.id for o in orders}
    sim.deliver(kind, orders[1].provider_id or "")
    got = await second.wait_for_code(orders[1].id, timeout=15)
    assert got.code


async def test_journal_first_then_buy(make_desk: MakeDesk, sim: Simulator) -> None:
    desk = await make_desk("smsbulk")
    seen: list[tuple[str, bool]] = []

    def on(event: object) -> None:
        if isinstance(event, OrderChanged):
            stored = desk.store.get(event.order.id)
            seen.append((event.order.state.value, stored is not None
                         and stored.state == event.order.state))

    desk.subscribe(on)
    country, price = await cheapest(desk, "smsbulk")
    order = await desk.buy("smsbulk", "tg", country, price=price)
    journal = sqlite3.connect(desk.store.path)
    states = [r[0] for r in journal.execute(
        "SELECT what FROM events WHERE order_id=? ORDER BY id", (order.id,))]
    assert states[:2] == ["pending", "bought"]
    assert all(ok for _, ok in seen), "every published state was journaled first"
    assert journal.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


async def test_refused_buy_is_failed_and_moves_no_money(make_desk: MakeDesk,
                                                        sim: Simulator) -> None:
    kind = "bloomsms"
    desk = await make_desk(kind)
    sim.provider(kind).accounts[key_for(kind)].balance = Decimal("0.01")
    country, price = await cheapest(desk, kind, "wa")
    from bloomdesk.providers.errors import InsufficientFunds

    with pytest.raises(InsufficientFunds):
        await desk.buy(kind, "wa", country, price=price)
    [failed] = desk.history(1)
    assert failed.state is OrderState.FAILED and "balance" in (failed.note or "").lower()
    assert sim.balance(kind, key_for(kind)) == Decimal("0.01")


def test_newer_journal_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    Store(path).close()
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version=99")
    db.commit()
    db.close()
    before = path.read_bytes()
    with pytest.raises(SchemaTooNew) as refused:
        Store(path)
    assert "newer BloomDesk" in str(refused.value)
    assert path.read_bytes() == before


def test_unwritable_journal_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError) as failed:
        Store(blocker / "journal.sqlite3")
    assert "cannot be opened" in str(failed.value)


@pytest.mark.parametrize("token", ["RATE_LIMITED", "TOO_MANY_REQUESTS"])
async def test_every_rate_limit_answer_pauses_the_account(make_desk: MakeDesk, sim: Simulator,
                                                          token: str) -> None:
    """Decided by type, not by the token's spelling: both pause the account's budget,
    HTTP 200 or not."""
    from bloomdesk.providers.errors import RateLimited

    kind = "sms-activate"
    desk = await make_desk(kind)
    sim.fault(kind, Fault("answer", op="balance", status=200, body=token,
                          headers={"Retry-After": "30"}))
    with pytest.raises(RateLimited):
        await desk.balance(kind)
    assert 25 < desk.sessions.budget(kind).delay(user=True) <= 30


@pytest.mark.parametrize("kind", ["smsbulk", "bloomsms-legacy", "bloomsms"])
async def test_a_buy_answered_with_a_gateway_error_may_have_charged(
        make_desk: MakeDesk, sim: Simulator, kind: str) -> None:
    """The provider carried the buy out, then a gateway answered 504: a server's error
    status proves the request arrived, so the order is unknown (checked, never bought
    again), never "failed, nothing charged" while the money is gone."""
    desk = await make_desk(kind)
    country, price = await cheapest(desk, kind)
    sim.fault(kind, Fault("error_after", op="buy", status=504))
    with pytest.raises(Unavailable) as caught:
        await desk.buy(kind, "tg", country, price=price)
    [created] = sim.activations(kind)
    assert sim.balance(kind, key_for(kind)) == START - created.price, "it was charged"
    order = desk.order(caught.value.order_id or 0)
    assert order.state in (OrderState.UNKNOWN, OrderState.WAITING), order
    if kind == "smsbulk":  # a provider with a list of active orders: found there
        await until(lambda: desk.order(order.id).provider_id is not None)
        assert desk.order(order.id).provider_id == created.id
        assert desk.order(order.id).reason is Reason.RECOVERED
    else:
        await until(lambda: desk.order(order.id).reason is Reason.NO_LIST)
        assert desk.order(order.id).state is OrderState.UNKNOWN
    assert sim.sent(kind, "buy") == 1, "never bought again"


async def test_the_free_cancel_deadline_runs_from_when_the_buy_was_sent(
        make_desk: MakeDesk, sim: Simulator) -> None:
    """A buy that waits for rate-budget room (a Retry-After pause) is stamped with the
    provider's deadlines from when it left: auto-cancel must not fire on a number that
    has just arrived."""
    kind = "bloomsms-legacy"
    desk = await make_desk(kind)
    country, price = await cheapest(desk, kind)
    desk.sessions.budget(kind).pause(1.5)
    order = await desk.buy(kind, "tg", country, price=price)
    assert order.free_cancel_until is not None
    assert order.free_cancel_until - order.created_at >= 120 + 1.2


@pytest.mark.parametrize(("token", "maybe"), [("ERROR_SQL", True), ("MAINTENANCE", False)])
async def test_a_buy_the_provider_failed_on_its_side_may_have_charged(
        make_desk: MakeDesk, sim: Simulator, token: str, maybe: bool) -> None:
    """ERROR_SQL answers a buy the provider was handling when its database failed: the
    debit may have happened, so the order is unknown (checked, never bought again), not
    "failed, nothing charged".  MAINTENANCE did nothing."""
    kind = "bloomsms-legacy"
    desk = await make_desk(kind)
    country, price = await cheapest(desk, kind)
    sim.fault(kind, Fault("answer", op="buy", status=200, body=token))
    with pytest.raises(Unavailable) as caught:
        await desk.buy(kind, "tg", country, price=price)
    order = desk.order(caught.value.order_id or 0)
    assert order.state is (OrderState.UNKNOWN if maybe else OrderState.FAILED), order
    assert (order.reason is Reason.NOT_SENT) is not maybe


async def test_an_account_saved_again_mid_buy_keeps_the_buy(make_desk: MakeDesk,
                                                            sim: Simulator) -> None:
    """The user saves the account again (the same key, or a new address) while a buy
    on it waits for its answer: the buy's connection is let go only once the answer
    is in, so the number is journaled and tended, not cut off into "unknown"."""
    kind = "bloomsms-legacy"
    desk = await make_desk(kind)
    country, price = await cheapest(desk, kind)
    sim.fault(kind, Fault("latency_after", op="buy", seconds=1.5))
    buying = asyncio.create_task(desk.buy(kind, "tg", country, price=price))
    await until(lambda: len(sim.activations(kind)) == 1, what="the buy carried out")
    desk.update_account(kind, key=key_for(kind))
    order = await buying
    assert order.provider_id == sim.activations(kind)[0].id
    assert order.state is OrderState.WAITING
    assert (await desk.balance(kind)) == sim.balance(kind, key_for(kind)), "a new connection"


async def test_an_account_with_an_order_another_process_is_buying_is_not_removed(
        make_desk: MakeDesk, sim: Simulator, tmp_path: Path) -> None:
    """Another process journaled a buy on the account and waits for its answer: this
    one refuses to remove the account (it would leave a charged number nobody can
    cancel), though it has not seen that order yet."""
    from bloomdesk.core.errors import OpenOrders
    from bloomdesk.domain import Order

    kind = "bloomsms-legacy"
    desk = await make_desk(kind)
    other = Store(desk.store.path)
    try:
        account = desk.account(kind)
        other.new_order(Order(0, kind, "tg", "0", OrderState.PENDING, desk.clock(),
                              account_uid=account.uid))
        with pytest.raises(OpenOrders):
            await desk.remove_account(kind)
        assert [a.label for a in desk.accounts()] == [kind]
        assert [a.label for a in other.accounts()] == [kind]
    finally:
        other.close()
