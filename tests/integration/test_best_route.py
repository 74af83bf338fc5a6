"""The best route across accounts, in real processes against two simulated providers:
the cheapest first, the next when it has no numbers, never two numbers for one request,
never above the user's price, and nothing continued after a kill."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from bloomdesk.core import Order, OrderState
from bloomdesk.core.statistics import summarize
from bloomdesk.sim import Fault, Simulator
from bloomdesk.store import Store
from tests.helpers import cli_env, run_cli

KEYS = {"a-bulk": ("smsbulk", "best-route-bulk-key-0001"),
        "b-bloom": ("bloomsms", "sk_best_route_bloom_0001")}


@pytest.fixture
def env(tmp_path: Path, sim: Simulator) -> dict[str, str]:
    """Two accounts selling the same catalogue: equal prices, so "a-bulk" comes first."""
    env = cli_env(tmp_path, {label: key for label, (_, key) in KEYS.items()})
    for label, (kind, key) in KEYS.items():
        sim.add_account(kind, key, "10.00")
        done = run_cli(env, "accounts", "add", "--kind", kind, "--label", label,
                       "--base-url", sim.url(kind))
        assert done.returncode == 0, done.stderr
    for prov in sim.providers.values():
        prov.rules.code_delay = None
    return env


def charged(sim: Simulator) -> dict[str, int]:
    return {kind: len(sim.activations(kind)) for kind in ("smsbulk", "bloomsms")}


def test_a_route_without_numbers_falls_back_to_the_next(env: dict[str, str],
                                                        sim: Simulator) -> None:
    sim.fault("smsbulk", Fault("answer", op="buy", status=400, body=json.dumps(
        {"error": {"code": "NO_NUMBERS", "message": "No numbers"}})))
    done = run_cli(env, "--json", "buy", "tg", "--best", "--country", "SE")
    assert done.returncode == 0, done.stderr
    bought = json.loads(done.stdout)
    assert bought["account"] == "b-bloom"
    assert bought["attempts"] == [
        {"account": "a-bulk", "country": "SE", "outcome": "no numbers"},
        {"account": "b-bloom", "country": "SE", "outcome": "bought"}]
    assert charged(sim) == {"smsbulk": 0, "bloomsms": 1}, "one number, one charge"
    assert sim.balance("smsbulk", KEYS["a-bulk"][1]) == Decimal("10.00")
    human = run_cli(env, "buy", "tg", "--best", "--country", "sweden")
    assert "SE on a-bulk: bought" in human.stderr


def test_a_price_below_every_offer_buys_nothing(env: dict[str, str], sim: Simulator) -> None:
    done = run_cli(env, "buy", "tg", "--best", "--country", "SE", "--max-price", "0.001")
    assert done.returncode == 3 and "at or below 0.001" in done.stderr
    assert charged(sim) == {"smsbulk": 0, "bloomsms": 0}
    # the listed price fits, but the provider's real price moved above it everywhere
    for kind in ("smsbulk", "bloomsms"):
        sim.fault(kind, Fault("answer", op="buy", status=400, body=json.dumps(
            {"error": {"code": "NO_NUMBERS_AVAILABLE", "message": "over max_price"}})))
    moved = run_cli(env, "--json", "buy", "tg", "--best", "--country", "SE", "--attempts", "5")
    assert moved.returncode == 3
    assert charged(sim) == {"smsbulk": 0, "bloomsms": 0}
    assert all(o["status"] == "failed" for o in
               json.loads(run_cli(env, "--json", "history").stdout))


def test_a_kill_in_the_middle_of_a_chain_never_buys_a_second_number(
        env: dict[str, str], sim: Simulator) -> None:
    sim.fault("smsbulk", Fault("answer", op="buy", status=400, body=json.dumps(
        {"error": {"code": "NO_NUMBERS", "message": "No numbers"}})))
    sim.fault("bloomsms", Fault("latency", op="buy", seconds=2.0))
    proc = subprocess.Popen([sys.executable, "-m", "bloomdesk.cli", "buy", "tg", "--best",
                             "--country", "SE"], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 30
    while sim.sent("bloomsms", "buy") == 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.3)  # the second attempt is at the provider
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    time.sleep(2.5)  # the provider finishes the buy the dead process sent
    for _ in range(2):  # a restart, and another: nothing is bought again
        assert run_cli(env, "orders").returncode == 0
    assert sim.sent("smsbulk", "buy") == 1 and sim.sent("bloomsms", "buy") == 1
    assert charged(sim)["smsbulk"] == 0 and charged(sim)["bloomsms"] <= 1


def test_statistics_from_a_journal_of_known_orders(tmp_path: Path) -> None:
    store = Store(tmp_path / "journal.sqlite3")
    from bloomdesk.domain import AccountInfo

    store.add_account(AccountInfo("main", "bloomsms"))
    store.add_account(AccountInfo("old", "bloomsms-legacy"))
    t = 1_800_000_000.0
    base = Order(0, "main", "tg", "46", OrderState.COMPLETED, t, provider_id="p",
                 price=Decimal("0.50"))
    known = [
        replace(base, code="1", code_at=t + 10),
        replace(base, code="2", code_at=t + 30),
        replace(base, code="3", code_at=t + 20),
        replace(base, state=OrderState.CANCELLED),  # silent, cancelled: refunded
        replace(base, state=OrderState.EXPIRED),  # silent, expired: refunded (v1)
        replace(base, state=OrderState.WAITING),  # may still get its code: not counted
        replace(base, provider_id=None, state=OrderState.FAILED),  # never bought
        replace(base, account="old", state=OrderState.EXPIRED),  # legacy keeps it
        replace(base, account="old", state=OrderState.CANCELLED),  # cancelled in time
        replace(base, account="old", code="9", code_at=t + 5, service="wa"),
    ]
    for n, order in enumerate(known):
        store.new_order(replace(order, provider_id=f"p{n}" if order.provider_id else None))
    kinds = {"main": False, "old": True}
    rows = {(s.account, s.service): s for s in summarize(store.bought(), kinds.__getitem__)}
    store.close()
    main = rows[("main", "tg")]
    assert (main.orders, main.received, main.median_seconds) == (5, 3, 20.0)
    assert main.success_rate == pytest.approx(0.6)
    assert (main.spent, main.refunded) == (Decimal("2.50"), Decimal("1.00"))
    old = rows[("old", "tg")]
    assert (old.orders, old.received, old.median_seconds) == (2, 0, None)
    assert (old.spent, old.refunded) == (Decimal("1.00"), Decimal("0.50"))
    assert rows[("old", "wa")].success_rate == 1.0


def test_stats_on_the_command_line(env: dict[str, str], sim: Simulator) -> None:
    sim.next_codes("bloomsms", 0.2)
    got = run_cli(env, "--json", "buy", "tg", "--account", "b-bloom", "--wait")
    assert got.returncode == 0, got.stderr
    order = json.loads(got.stdout)
    assert run_cli(env, "complete", str(order["id"])).returncode == 0
    [row] = json.loads(run_cli(env, "--json", "stats").stdout)
    assert {k: row[k] for k in ("account", "service", "orders", "received", "success_rate")} \
        == {"account": "b-bloom", "service": "tg", "orders": 1, "received": 1,
            "success_rate": 1.0}
    assert row["spent"] == order["price"] and row["refunded"] == "0"
    assert row["median_seconds"] is not None and row["median_seconds"] < 30
