"""Several processes on one state directory, as the README invites: the window and
bloomdesk-cli, two scripts at once.  Every paid order stays in the journal with its
provider id; an account's identity is not its label; one rate budget per account,
whichever process spends it."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from pathlib import Path

import pytest

from bloomdesk.core import Desk, DeskSettings, OrderState
from bloomdesk.core.events import Event
from bloomdesk.secrets import KeyStore
from bloomdesk.sim import Fault, Simulator
from bloomdesk.store import Store
from tests.helpers import cli_env, run_cli, until

KEY = "smsbulk-shared-journal-key-01"


def journal(state: Path) -> list:  # type: ignore[type-arg]
    store = Store(state / "journal.sqlite3")
    try:
        return store.orders()
    finally:
        store.close()


async def window_engine(state: Path, **keys: str) -> tuple[Desk, list[Event]]:
    """A started engine on the shared journal, as the window runs it (the "bulk" key
    and `keys` by label), and the events it publishes."""
    desk = Desk(Store(state / "journal.sqlite3"), KeyStore(memory_only=True),
                settings=DeskSettings(timeout=10))
    for label, key in {"bulk": KEY, **keys}.items():
        desk.keys.set(label, key)
    seen: list[Event] = []
    desk.subscribe(seen.append)
    await desk.start()
    return desk, seen


@pytest.fixture
def shared(tmp_path: Path, sim: Simulator) -> dict[str, str]:
    sim.add_account("smsbulk", KEY, "50.00")
    env = cli_env(tmp_path, {"bulk": KEY})
    added = run_cli(env, "accounts", "add", "--kind", "smsbulk", "--label", "bulk",
                    "--base-url", sim.url("smsbulk"), "--no-check")
    assert added.returncode == 0, added.stderr
    return env


def test_two_cli_processes_buying_at_once_keep_every_paid_order(
        shared: dict[str, str], sim: Simulator, tmp_path: Path) -> None:
    """Each buy takes 1.5 s to answer: while one process waits for its answer, the
    other starts and loads the first one's PENDING order; both then wait for a code
    (which never comes), polling and reconciling what they hold. Ten rounds."""
    sim.fault("smsbulk", Fault("latency", op="buy", seconds=1.5, times=100))
    for prov in sim.providers.values():
        prov.rules.code_delay = None

    def buy() -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "bloomdesk.cli", "buy", "tg", "--wait",
                               "--timeout", "2", "--json"],
                              env=shared, capture_output=True, text=True, timeout=60)

    with ThreadPoolExecutor(2) as pool:
        for _ in range(10):
            results = list(pool.map(lambda _: buy(), range(2)))
            assert [r.returncode for r in results] == [6, 6], [r.stderr for r in results]
    paid = {a.id: a for a in sim.activations("smsbulk")}
    assert len(paid) == 20 and sim.sent("smsbulk", "buy") == 20
    orders = journal(tmp_path)
    held = {o.provider_id: o for o in orders if o.provider_id}
    assert set(held) == set(paid), "every paid order is in the journal with its provider id"
    for pid, activation in paid.items():
        assert held[pid].phone == activation.phone
        assert held[pid].state is OrderState.WAITING, (held[pid].state, held[pid].reason)
    assert not [o for o in orders if o.state is OrderState.FAILED]


async def test_the_window_and_the_cli_share_one_journal(
        shared: dict[str, str], sim: Simulator, tmp_path: Path) -> None:
    """A started Desk (the window's engine) buys while a CLI process buys on the same
    journal; each sees the other's orders, and nothing is erased."""
    sim.fault("smsbulk", Fault("latency", op="buy", seconds=1.5, times=100))
    sim.next_codes("smsbulk", None, None, None, None)
    desk = Desk(Store(tmp_path / "journal.sqlite3"), KeyStore(memory_only=True),
                settings=DeskSettings(timeout=10))
    desk.keys.set("bulk", KEY)
    await desk.start()
    try:
        offers = [o for o in await desk.offers("bulk", "tg") if o.stock > 100]
        offer = min(offers, key=lambda o: o.price)
        cli = asyncio.create_task(asyncio.to_thread(run_cli, shared, "buy", "tg", "--json"))
        await asyncio.sleep(0.3)  # the CLI's order is PENDING while ours is bought
        mine = await desk.buy("bulk", "tg", offer.country, price=offer.price)
        done = await cli
        assert done.returncode == 0, done.stderr
        theirs = json.loads(done.stdout)
        await until(lambda: getattr(desk.open_order(theirs["id"]), "provider_id", None)
                    == theirs["provider_id"], what="the CLI's order, as the CLI left it")
        listed = json.loads(run_cli(shared, "--json", "orders").stdout)
        assert {o["id"] for o in listed} == {mine.id, theirs["id"]}
        assert {o["provider_id"] for o in listed} == {a.id for a in sim.activations("smsbulk")}
    finally:
        await desk.stop()
        desk.store.close()


def test_a_label_reused_at_another_provider_is_another_account(
        tmp_path: Path, sim: Simulator) -> None:
    """Remove an account, add the same label at another provider: an activation id the
    old account also had is a new order of the new account, saved and actionable."""
    sim.add_account("bloomsms", "sk_label_reuse_first_0001", "10.00")
    env = cli_env(tmp_path, {"main": "sk_label_reuse_first_0001"})
    assert run_cli(env, "accounts", "add", "--kind", "bloomsms", "--label", "main",
                   "--base-url", sim.url("bloomsms")).returncode == 0
    sim.next_codes("bloomsms", 0.2)
    first = json.loads(run_cli(env, "buy", "tg", "--wait", "--json").stdout)
    assert run_cli(env, "complete", str(first["id"])).returncode == 0
    assert run_cli(env, "accounts", "remove", "main").returncode == 0
    sim.add_account("smsbulk-legacy", "legacy-label-reuse-0001", "10.00")
    env["BLOOMDESK_KEY_MAIN"] = "legacy-label-reuse-0001"
    assert run_cli(env, "accounts", "add", "--kind", "smsbulk-legacy", "--label", "main",
                   "--base-url", sim.url("smsbulk-legacy")).returncode == 0
    same_id = first["provider_id"]
    sim.fault("smsbulk-legacy", Fault("answer", op="buy", status=200,
                                      body=f"ACCESS_NUMBER:{same_id}:79991234567"))
    again = run_cli(env, "buy", "tg", "--json")
    assert again.returncode == 0, again.stderr
    second = json.loads(again.stdout)
    assert second["provider_id"] == same_id and second["status"] == "waiting"
    orders = {o.id: o for o in journal(tmp_path)}
    assert orders[second["id"]].phone == "+79991234567" or \
        orders[second["id"]].phone == "79991234567"
    assert orders[second["id"]].account_uid != orders[first["id"]].account_uid
    assert orders[first["id"]].state is OrderState.COMPLETED, "the old order is untouched"


@pytest.mark.slow
def test_processes_share_the_rate_budget(tmp_path: Path, sim: Simulator) -> None:
    """70 `bloomdesk-cli balance` runs on one 60-a-minute key, six at a time: no 429."""
    key = "sk_shared_budget_key_000001"
    sim.add_account("bloomsms", key, "3.00")
    env = cli_env(tmp_path, {"main": key})
    assert run_cli(env, "accounts", "add", "--kind", "bloomsms", "--label", "main",
                   "--base-url", sim.url("bloomsms"), "--no-check").returncode == 0
    with ThreadPoolExecutor(6) as pool:
        runs = list(pool.map(lambda _: run_cli(env, "balance", timeout=120), range(70)))
    assert [r.returncode for r in runs] == [0] * 70, {r.stderr for r in runs}
    assert sim.stats("bloomsms")["rate_limited"] == 0
    assert all(Decimal("3.00") == Decimal(r.stdout.split()[-2]) for r in runs)


async def test_an_account_added_by_another_process_is_tended_here(
        shared: dict[str, str], sim: Simulator, tmp_path: Path) -> None:
    """The window runs; the CLI adds an account and buys a number on it.  The window
    takes the account in (its balance follows the purchase, its orders are polled here:
    the code arrives) and lets it go when the CLI removes it."""
    from bloomdesk.core.events import AccountsChanged

    bloom_key = "sk_added_elsewhere_00000001"
    sim.add_account("bloomsms", bloom_key, "10.00")
    desk, seen = await window_engine(tmp_path, bloom=bloom_key)
    try:
        env = {**shared, "BLOOMDESK_KEY_BLOOM": bloom_key}
        added = await asyncio.to_thread(run_cli, env, "accounts", "add", "--kind", "bloomsms",
                                        "--label", "bloom", "--base-url", sim.url("bloomsms"))
        assert added.returncode == 0, added.stderr
        await until(lambda: "bloom" in [a.label for a in desk.accounts()],
                    what="the window to know the new account")
        assert any(isinstance(e, AccountsChanged) and e.added == {"bloom"} for e in seen)
        sim.next_codes("bloomsms", 1.0)
        bought = await asyncio.to_thread(run_cli, env, "--json", "buy", "tg",
                                         "--account", "bloom")
        assert bought.returncode == 0, bought.stderr
        order_id = json.loads(bought.stdout)["id"]
        charged = sim.balance("bloomsms", bloom_key)
        assert charged < Decimal("10.00")
        await until(lambda: desk.balances.get("bloom", (None, 0.0))[0] == charged,
                    what="the window's balance to follow the CLI's purchase")
        await until(lambda: getattr(desk.open_order(order_id), "code", None) is not None,
                    what="the window to poll the CLI's order on the new account")
        assert desk.order(order_id).state is OrderState.RECEIVED
        await desk.complete(order_id)
        removed = await asyncio.to_thread(run_cli, env, "accounts", "remove", "bloom")
        assert removed.returncode == 0, removed.stderr
        await until(lambda: "bloom" not in [a.label for a in desk.accounts()],
                    what="the window to let the removed account go")
        assert any(isinstance(e, AccountsChanged) and e.removed == {"bloom"} for e in seen)
    finally:
        await desk.stop()
        desk.store.close()


async def test_this_process_changing_its_accounts_is_not_news_from_another(
        shared: dict[str, str], sim: Simulator, tmp_path: Path) -> None:
    """An account edited here, then anything written to the journal by another
    connection: the window does not announce that another BloomDesk changed it."""
    from bloomdesk.core.events import AccountsChanged

    desk, seen = await window_engine(tmp_path)
    other = Store(tmp_path / "journal.sqlite3")
    try:
        desk.update_account("bulk", base_url=sim.url("smsbulk"))
        other.ledger.pause("someone-else", 1.0)  # the journal moved, accounts did not
        desk.fleet.sync_accounts()
        assert not [e for e in seen if isinstance(e, AccountsChanged)]
        assert [a.label for a in desk.accounts()] == ["bulk"]
    finally:
        other.close()
        await desk.stop()
        desk.store.close()


async def test_an_account_removed_elsewhere_ends_its_polling_without_a_false_alarm(
        shared: dict[str, str], sim: Simulator, tmp_path: Path) -> None:
    """The CLI removes an account while the window's poller for it is between steps:
    the poller lets the account go quietly, no "There is no account named …" error."""
    from bloomdesk.core.events import ErrorRaised

    desk, seen = await window_engine(tmp_path)
    other = Store(tmp_path / "journal.sqlite3")
    try:
        assert other.remove_account("bulk") == 0
        desk.registry.reread()  # the window has read the journal, its poller still runs
        desk.sessions.forget("bulk")
        desk.fleet.pollers["bulk"].wake()
        await asyncio.sleep(0.5)
        assert not [e for e in seen if isinstance(e, ErrorRaised)], seen
    finally:
        other.close()
        await desk.stop()
        desk.store.close()
