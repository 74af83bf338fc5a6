"""Money under faults: one odd answer, a journal that cannot be written, stale webhook
deliveries, a Retry-After of a day, a flood at the webhook, an account without a key.
Real HTTP to the simulator, real SQLite files, real processes where it matters."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import socket
import sqlite3
import subprocess
from collections.abc import AsyncIterator, Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from bloomdesk.core import Desk, DeskSettings, OrderState, Reason
from bloomdesk.core.events import ErrorKind, ErrorRaised
from bloomdesk.secrets import KeyStore
from bloomdesk.sim import Fault, Simulator
from bloomdesk.store import Store
from tests.conftest import Clock
from tests.helpers import cli_account, key_for, run_cli, until

START = Decimal("10.00")


@pytest.fixture
async def desks(sim: Simulator, clock: Clock, tmp_path: Path) -> AsyncIterator[list[Desk]]:
    made: list[Desk] = []
    yield made
    for desk in made:
        await desk.stop()
        desk.store.close()


async def started(desks: list[Desk], sim: Simulator, clock: Clock, path: Path, kind: str,
                  busy_timeout: float = 3.0) -> Desk:
    desk = Desk(Store(path, busy_timeout=busy_timeout), KeyStore(memory_only=True),
                settings=DeskSettings(timeout=5), clock=clock)
    desks.append(desk)
    if kind not in {a.label for a in desk.accounts()}:
        with sim.lock:
            known = key_for(kind) in sim.provider(kind).accounts
        if not known:
            sim.add_account(kind, key_for(kind), START)
        desk.add_account(kind, kind, key_for(kind), sim.url(kind))
    else:
        desk.keys.set(kind, key_for(kind))
    await desk.start()
    return desk


async def cheapest(desk: Desk, label: str) -> tuple[str, Decimal]:
    offer = min((o for o in await desk.offers(label, "tg") if o.stock > 50),
                key=lambda o: o.price)
    return offer.country, offer.price


async def test_one_not_found_answer_does_not_end_a_live_order(
        desks: list[Desk], sim: Simulator, clock: Clock, tmp_path: Path) -> None:
    """BloomSMS legacy charges for silence after 2 minutes: a single 404 page on one
    status poll must not abandon the order; auto-cancel still refunds it in time."""
    kind = "bloomsms-legacy"
    desk = await started(desks, sim, clock, tmp_path / "j.sqlite3", kind)
    country, price = await cheapest(desk, kind)
    sim.next_codes(kind, None)
    polls = sim.sent(kind, "status")
    sim.fault(kind, Fault("html", op="status", status=404))
    sim.fault(kind, Fault("answer", op="status", status=200, body="NO_ACTIVATION"))
    order = await desk.buy(kind, "tg", country, price=price)
    await until(lambda: sim.sent(kind, "status") >= polls + 2, what="two odd answers")
    await asyncio.sleep(0.3)
    assert desk.order(order.id).state is OrderState.WAITING, "one odd answer is a fault"
    clock.advance(105)  # 15 s before the free-cancel deadline: auto-cancel's moment
    await until(lambda: desk.order(order.id).state is OrderState.CANCELLED, timeout=20)
    assert desk.order(order.id).reason is Reason.AUTO_CANCELLED
    assert sim.balance(kind, key_for(kind)) == START, "refunded, not kept"


async def test_a_locked_journal_after_the_answer_keeps_the_charged_order(
        desks: list[Desk], sim: Simulator, clock: Clock, tmp_path: Path) -> None:
    """Another process holds the journal when the buy's answer arrives: the activation
    is kept (in memory, said plainly), can be cancelled, and is journaled later."""
    kind, path = "bloomsms", tmp_path / "journal.sqlite3"
    desk = await started(desks, sim, clock, path, kind, busy_timeout=0.3)
    country, price = await cheapest(desk, kind)
    sim.next_codes(kind, None)
    told: list[ErrorRaised] = []
    desk.subscribe(lambda e: told.append(e) if isinstance(e, ErrorRaised) else None)
    sim.fault(kind, Fault("latency", op="buy", seconds=1.0))
    buying = asyncio.create_task(desk.buy(kind, "tg", country, price=price))
    await asyncio.sleep(0.5)  # journaled PENDING, the request in flight
    hog = sqlite3.connect(path, isolation_level=None)
    hog.execute("BEGIN EXCLUSIVE")
    try:
        order = await buying
        assert order.state is OrderState.WAITING and order.phone and order.provider_id
        assert desk.book.unsaved(order.id)
        said = [e for e in told if e.kind is ErrorKind.JOURNAL]
        assert said and "charged" in said[0].message and "will record it" in said[0].message
        await until(lambda: desk.blockers(desk.order(order.id))["cancel"] is None)
        hog.execute("COMMIT")  # the user cancels once the journal is free again
        cancelled = await desk.cancel(order.id)
    finally:
        if hog.in_transaction:
            hog.execute("ROLLBACK")
        hog.close()
    assert cancelled.state is OrderState.CANCELLED
    await until(lambda: desk.book.unsaved(order.id) is None, what="journaled at last")
    row = Store(path).get(order.id)
    assert row is not None and row.provider_id == order.provider_id
    assert row.state is OrderState.CANCELLED
    assert sim.balance(kind, key_for(kind)) == START


async def test_a_locked_journal_under_polling_is_said_and_polling_goes_on(
        desks: list[Desk], sim: Simulator, clock: Clock, tmp_path: Path) -> None:
    """Another process holds the journal while the poller adopts an order bought on the
    website and takes in a code: the trouble is said (the window's banner), the code
    shows from memory, and once the journal is free both are journaled."""
    kind, path = "smsbulk", tmp_path / "journal.sqlite3"
    desk = await started(desks, sim, clock, path, kind, busy_timeout=0.3)
    country, price = await cheapest(desk, kind)
    sim.next_codes(kind, None)
    order = await desk.buy(kind, "tg", country, price=price)
    assert order.provider_id
    told: list[ErrorRaised] = []
    desk.subscribe(lambda e: told.append(e) if isinstance(e, ErrorRaised) else None)
    prov = sim.provider(kind)
    hog = sqlite3.connect(path, isolation_level=None)
    hog.execute("BEGIN IMMEDIATE")
    try:
        with sim.lock:
            iso = next(iso for (iso, code), o in prov.catalogue.offers.items()
                       if code == "wa" and o.stock > 10)
            elsewhere = prov.buy(key_for(kind), "wa", iso, None, id_style="cuid")
        clock.advance(61)  # the next survey lists it; adopting it needs the journal
        await until(lambda: any(e.kind is ErrorKind.JOURNAL for e in told),
                    what="the locked journal to be said")
        journal = [e for e in told if e.kind is ErrorKind.JOURNAL]
        assert journal[0].account == kind and "busy" in journal[0].message
        code = sim.deliver(kind, order.provider_id).code
        await until(lambda: desk.order(order.id).code == code,
                    what="the code, polled while the journal is locked")
        assert len([e for e in told if e.kind is ErrorKind.JOURNAL]) == 1, "said once"
    finally:
        hog.execute("ROLLBACK")
        hog.close()
    clock.advance(61)  # the next survey adopts it, now that the journal takes it
    await until(lambda: any(o.provider_id == elsewhere.id for o in desk.open_orders()),
                what="the website's order adopted", timeout=30)
    await until(lambda: desk.book.unsaved(order.id) is None, what="the code journaled")
    row = Store(path).get(order.id)
    assert row is not None and row.code == code


@contextlib.contextmanager
def small_disk(where: Path, size: str = "3m") -> Iterator[Path]:
    where.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs (a disk that fills up) needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {done.stderr.strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def fill(directory: Path) -> Path:
    filler = directory / "filler"
    # unbuffered: nothing is left to flush (and fail) when the file closes
    with open(filler, "wb", buffering=0) as out, contextlib.suppress(OSError):
        while True:
            out.write(b"\0" * 65536)
            os.fsync(out.fileno())
    return filler


async def test_a_full_disk_mid_buy_never_says_not_bought(
        desks: list[Desk], sim: Simulator, clock: Clock, tmp_path: Path) -> None:
    """The disk fills while the buy is at the provider: the charged order is kept and
    said to be; it is journaled once space is back; a process that dies meanwhile
    leaves a PENDING row that the next start reconciles."""
    with small_disk(tmp_path / "disk") as disk:
        kind = "smsbulk"
        desk = await started(desks, sim, clock, disk / "journal.sqlite3", kind)
        country, price = await cheapest(desk, kind)
        sim.next_codes(kind, None, None)
        told: list[ErrorRaised] = []
        desk.subscribe(lambda e: told.append(e) if isinstance(e, ErrorRaised) else None)
        sim.fault(kind, Fault("latency", op="buy", seconds=1.0, times=2))
        buying = asyncio.create_task(desk.buy(kind, "tg", country, price=price))
        await asyncio.sleep(0.5)
        filler = fill(disk)
        order = await buying
        assert order.provider_id and order.phone
        message = next(e.message for e in told if e.kind is ErrorKind.JOURNAL)
        assert "disk is full" in message and "charged" in message
        assert "not bought" not in message
        filler.unlink()
        await until(lambda: desk.book.unsaved(order.id) is None, what="journaled")
        assert Store(disk / "journal.sqlite3").get(order.id).provider_id == order.provider_id
        # again, and this time the process ends before the disk frees up
        buying = asyncio.create_task(desk.buy(kind, "tg", country, price=price))
        await asyncio.sleep(0.5)
        filler = fill(disk)
        lost = await buying
        desks.remove(desk)
        await desk.stop()
        desk.store.close()
        filler.unlink()
        again = await started(desks, sim, clock, disk / "journal.sqlite3", kind)
        await until(lambda: again.order(lost.id).provider_id == lost.provider_id,
                    what="the next start to reconcile it")
        assert again.order(lost.id).reason is Reason.RECOVERED
        assert len(sim.activations(kind)) == 2 and sim.sent(kind, "buy") == 2


def event(order_id: str, code: str, at: str) -> bytes:
    return json.dumps({"event": "sms.received", "timestamp": at, "data": {
        "activation_id": order_id, "sms": {"code": code, "full_text": f"code {code}"},
        "status": "code_received"}}).encode()


async def test_stale_webhook_deliveries_change_nothing(
        desks: list[Desk], sim: Simulator, clock: Clock, tmp_path: Path) -> None:
    kind, path = "bloomsms", tmp_path / "journal.sqlite3"
    waiting = await started(desks, sim, clock, path, kind)  # a process waiting for codes
    receiver = await waiting.start_webhook("127.0.0.1", 0, "stale-delivery-token-0123456")
    country, price = await cheapest(waiting, kind)
    sim.next_codes(kind, None, None)
    first = await waiting.buy(kind, "tg", country, price=price)
    second = await waiting.buy(kind, "tg", country, price=price)
    other = await started(desks, sim, clock, path, kind)  # another process
    await other.cancel(first.id)

    def post(body: bytes) -> int | str:
        return sim.webhooks.post(receiver.url, body)

    assert await asyncio.to_thread(post, event(first.provider_id or "", "111111",
                                               "2026-11-27T10:00:00+00:00")) in (200, 404)
    await asyncio.sleep(0.2)
    assert Store(path).get(first.id).state is OrderState.CANCELLED, "never reopened"
    assert waiting.order(first.id).code is None
    newer = event(second.provider_id or "", "222222", "2026-11-27T10:05:00+00:00")
    older = event(second.provider_id or "", "333333", "2026-11-27T10:01:00+00:00")
    assert await asyncio.to_thread(post, newer) == 200
    assert await asyncio.to_thread(post, older) == 200  # taken, and ignored
    assert waiting.order(second.id).code == "222222"
    assert Store(path).get(second.id).code == "222222"


async def test_a_day_long_retry_after_never_holds_back_a_cancel(
        desks: list[Desk], sim: Simulator, clock: Clock, tmp_path: Path) -> None:
    kind = "bloomsms-legacy"
    desk = await started(desks, sim, clock, tmp_path / "j.sqlite3", kind)
    country, price = await cheapest(desk, kind)
    sim.next_codes(kind, None)
    order = await desk.buy(kind, "tg", country, price=price)
    sim.fault(kind, Fault("answer", op="balance", status=429, body="RATE_LIMITED",
                          headers={"Retry-After": "86400"}))
    with pytest.raises(Exception):  # noqa: B017 - RateLimited, whatever its wrapping
        await desk.balance(kind)
    budget = desk.sessions.budget(kind)
    assert 0 < budget.delay(user=True) <= 300, "a Retry-After is capped at minutes"
    clock.advance(105)
    await until(lambda: desk.order(order.id).state is OrderState.CANCELLED, timeout=20)
    assert sim.balance(kind, key_for(kind)) == START


async def test_forged_and_slow_requests_leave_room_for_genuine_events(
        desks: list[Desk], sim: Simulator, clock: Clock, tmp_path: Path) -> None:
    kind = "bloomsms"
    desk = await started(desks, sim, clock, tmp_path / "j.sqlite3", kind)
    receiver = await desk.start_webhook("127.0.0.1", 0, "abuse-test-token-0123456789")
    country, price = await cheapest(desk, kind)
    sim.next_codes(kind, None)
    order = await desk.buy(kind, "tg", country, price=price)
    forged = receiver.url.rsplit("/", 1)[0] + "/not-the-token-000000000000"
    outcomes = await asyncio.gather(*(asyncio.to_thread(sim.webhooks.post, forged, b"{}")
                                      for _ in range(200)))
    assert set(outcomes) <= {404, 429} and "ConnectionResetError" not in outcomes
    slow = []
    for _ in range(receiver.max_connections + 8):  # every slot held by a slow drip
        conn = socket.create_connection(("127.0.0.1", receiver.port))
        conn.sendall(b"POST /bloomdesk/abuse-test-token-0123456789 HTTP/1.1\r\nHost: x\r\n")
        slow.append(conn)
    try:
        genuine = event(order.provider_id or "", "654321", "2026-11-27T10:00:00+00:00")
        assert await asyncio.to_thread(sim.webhooks.post, receiver.url, genuine) == 200
        assert desk.order(order.id).code == "654321"
    finally:
        for conn in slow:
            conn.close()
    flood = await asyncio.gather(*(asyncio.to_thread(
        sim.webhooks.post, receiver.url, event("999999", "111111", "2026-11-27T10:00:00Z"))
        for _ in range(140)))
    assert flood.count(429) >= 140 - receiver.per_minute, "past the bound: readable 429s"
    assert set(flood) <= {404, 429}, "never a reset"


def test_an_account_without_a_key_says_so_once(tmp_path: Path, sim: Simulator) -> None:
    env = cli_account(sim, tmp_path, "bloomsms", "main", "sk_key_goes_missing_00001")
    sim.next_codes("bloomsms", None)
    order = json.loads(run_cli(env, "buy", "tg", "--json").stdout)
    del env["BLOOMDESK_KEY_MAIN"]
    waited = run_cli(env, "wait", str(order["id"]), "--timeout", "12")
    assert waited.returncode == 6
    assert "Traceback" not in waited.stderr
    lines = [line for line in waited.stderr.splitlines() if "key" in line.lower()]
    assert len(lines) == 1 and "main" in lines[0], waited.stderr
