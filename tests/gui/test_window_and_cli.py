"""The window and bloomdesk-cli on one journal, at once, as the README invites: a buy
in each while the other's answer is still on its way; every paid order stays whole,
and each sees the other's."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import qasync

from bloomdesk.sim import Fault, Simulator
from bloomdesk.store import Store
from bloomdesk.ui.main_window import MainWindow
from tests.gui.harness import key_of, run_window, until
from tests.helpers import cli_env, run_cli


def test_the_window_and_a_cli_buying_at_once_on_one_journal(
        qloop: qasync.QEventLoop, qtbot: Any, tmp_path: Path) -> None:
    env = cli_env(tmp_path, {"smsbulk": key_of("smsbulk")})

    async def scenario(window: MainWindow, sim: Simulator) -> None:
        desk, model = window.desk, window.orders_model
        for prov in sim.providers.values():
            prov.rules.code_delay = None
        sim.fault("smsbulk", Fault("latency", op="buy", seconds=1.5, times=10))
        offers = [o for o in await desk.offers("smsbulk", "tg") if o.stock > 100]
        best = min(offers, key=lambda o: o.price)
        cli = asyncio.ensure_future(asyncio.to_thread(
            run_cli, env, "--json", "buy", "tg", "--wait", "--timeout", "3"))
        await asyncio.sleep(0.4)  # the CLI's order is journaled, its buy in flight
        mine = await desk.buy("smsbulk", "tg", best.country, price=best.price)
        done = await cli
        assert done.returncode == 6, done.stderr  # bought; no code within 3 s
        theirs = json.loads(run_cli(env, "--json", "history").stdout)
        cli_order = next(o for o in theirs if o["id"] != mine.id)
        await until(lambda: model.row_of(cli_order["id"]) >= 0
                    and getattr(model.order_at(model.row_of(cli_order["id"])),
                                "provider_id", None) == cli_order["provider_id"])
        paid = {a.id for a in sim.activations("smsbulk")}
        store = Store(tmp_path / "journal.sqlite3")
        try:
            held = {o.provider_id for o in store.orders() if o.provider_id}
        finally:
            store.close()
        assert held == paid and len(paid) == 2, "every paid order is journaled, whole"
        assert model.row_of(mine.id) >= 0

    run_window(qloop, qtbot, tmp_path, scenario, kinds=("smsbulk",))


def test_an_account_the_cli_adds_appears_in_the_window(
        qloop: qasync.QEventLoop, qtbot: Any, tmp_path: Path) -> None:
    """The CLI adds an account while the window runs: the window shows its balance and
    prices without a restart, and drops it when the CLI removes it."""
    env = cli_env(tmp_path, {"more": key_of("smsbulk")})

    async def scenario(window: MainWindow, sim: Simulator) -> None:
        added = await asyncio.to_thread(run_cli, env, "accounts", "add", "--kind", "smsbulk",
                                        "--label", "more", "--base-url", sim.url("smsbulk"),
                                        "--no-check")
        assert added.returncode == 0, added.stderr
        window.desk.keys.set("more", key_of("smsbulk"))
        await until(lambda: "more" in window.balances.labels(), timeout=10)
        await until(lambda: window.balances.chip("more").amount.text() not in ("", "…"),
                    timeout=10)
        assert "more" in window.price_side.account_labels()
        removed = await asyncio.to_thread(run_cli, env, "accounts", "remove", "more")
        assert removed.returncode == 0, removed.stderr
        await until(lambda: "more" not in window.balances.labels(), timeout=10)

    run_window(qloop, qtbot, tmp_path, scenario, kinds=("smsbulk",))
