"""bloomdesk-cli in real processes: a whole order in JSON and human output, and the
crash test: SIGKILL at random points, a new process resumes, nothing lost or doubled."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import pytest

from bloomdesk.core import Order, OrderState, Reason
from bloomdesk.sim import Fault, Simulator
from bloomdesk.store import Store
from tests.helpers import cli_env, run_cli

KIND = "smsbulk"
LABEL = "bulk"
KEY = "smsbulk-crash-test-key-42"


def env_of(state: Path) -> dict[str, str]:
    return cli_env(state, {LABEL: KEY})


def cli(state: Path, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return run_cli(env_of(state), *args, timeout=timeout)


@pytest.fixture
def state(tmp_path: Path, sim: Simulator) -> Path:
    sim.add_account(KIND, KEY, "20.00")
    done = cli(tmp_path, "accounts", "add", "--kind", KIND, "--label", LABEL,
               "--base-url", sim.url(KIND))
    assert done.returncode == 0, done.stderr
    return tmp_path


def test_whole_order_in_json(state: Path, sim: Simulator) -> None:
    sim.next_codes(KIND, 1.0)
    bought = cli(state, "buy", "tg", "--json")
    assert bought.returncode == 0, bought.stderr
    order = json.loads(bought.stdout)
    assert {"id", "account", "phone", "service", "status", "code", "price"} <= set(order)
    assert order["status"] == "waiting" and order["account"] == LABEL
    waited = cli(state, "--json", "wait", str(order["id"]))
    assert waited.returncode == 0, waited.stderr
    code = json.loads(waited.stdout)["code"]
    assert code == sim.activation(KIND, order["provider_id"]).code
    completed = cli(state, "complete", str(order["id"]), "--json")
    assert json.loads(completed.stdout)["status"] == "completed"
    history = json.loads(cli(state, "history", "--json").stdout)
    assert [h["status"] for h in history] == ["completed"]
    assert sim.balance(KIND, KEY) == Decimal("20.00") - Decimal(order["price"])


def test_whole_order_in_human_output(state: Path, sim: Simulator) -> None:
    sim.next_codes(KIND, 1.0)
    bought = cli(state, "buy", "tg", "--wait")
    assert bought.returncode == 0, bought.stderr
    [activation] = sim.activations(KIND)
    assert bought.stdout == f"{activation.code}\n", "the code alone on stdout"
    orders = cli(state, "orders").stdout
    assert activation.phone in orders and "received" in orders
    order_id = orders.split()[0].lstrip("#")
    done = cli(state, "complete", order_id)
    assert done.returncode == 0 and "completed" in done.stdout
    csv = cli(state, "history", "--csv").stdout.splitlines()
    assert csv[0].startswith("id,account") and activation.code in csv[1]


def test_exit_codes_tell_failures_apart(state: Path, sim: Simulator) -> None:
    assert cli(state, "buy").returncode == 2  # usage
    assert cli(state, "cancel", "999").returncode == 7  # refused here: no such order
    sim.fault(KIND, Fault("reset", op="balance"))
    assert cli(state, "balance").returncode == 4  # network
    sim.provider(KIND).accounts[KEY].balance = Decimal("0")
    refused = cli(state, "buy", "wa")
    assert refused.returncode == 3 and "balance" in refused.stderr.lower()


def journal_orders(state: Path) -> list[Order]:
    store = Store(state / "journal.sqlite3")
    try:
        return store.orders()
    finally:
        store.close()


def test_kill_between_journal_and_buy_loses_nothing(state: Path, sim: Simulator) -> None:
    """The process died right after journaling: the order is settled, not bought."""
    store = Store(state / "journal.sqlite3")
    pending = store.new_order(Order(id=0, account=LABEL, service="tg", country="PH",
                                    state=OrderState.PENDING, created_at=time.time()))
    store.close()
    waited = cli(state, "wait", str(pending.id), "--timeout", "20")
    assert waited.returncode == 6
    [settled] = journal_orders(state)
    assert settled.state is OrderState.FAILED and settled.reason is Reason.NOT_AT_PROVIDER
    assert sim.activations(KIND) == [] and sim.balance(KIND, KEY) == Decimal("20.00")


def test_sigkill_at_random_points(state: Path, sim: Simulator) -> None:
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    sim.fault(KIND, Fault("latency", op="buy", seconds=0.8, times=100))
    for _ in range(6):
        sim.next_codes(KIND, 2.5)
        proc = subprocess.Popen([sys.executable, "-m", "bloomdesk.cli", "buy", "tg", "--wait"],
                                env=env_of(state), stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        time.sleep(rng.uniform(0.2, 3.0))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    time.sleep(1.0)  # let in-flight buys land on the server
    open_orders = [o for o in journal_orders(state) if not o.state.is_final]
    for order in open_orders:
        waited = cli(state, "wait", str(order.id), "--timeout", "40")
        assert waited.returncode in (0, 6), (seed, waited.stderr)
    orders = journal_orders(state)
    activations = {a.id: a for a in sim.activations(KIND)}
    adopted = [o.provider_id for o in orders if o.provider_id]
    assert len(adopted) == len(set(adopted)), f"an order was doubled (seed {seed})"
    journal = [(o.id, o.state.value, o.provider_id, o.note) for o in orders]
    assert set(adopted) == set(activations), f"an order was lost (seed {seed}): {journal}"
    assert sim.sent(KIND, "buy") == len(activations), "no buy was ever repeated"
    for order in orders:
        if order.provider_id:
            assert order.code == activations[order.provider_id].code, seed
        else:
            assert order.state is OrderState.FAILED, seed
