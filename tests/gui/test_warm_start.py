"""A start with each account's last prices kept (issue 16): the window paints them at
once with their age, before any provider answers, then shows the fresh ones; a buy
from a cached row whose price has moved says so and reads that row again; and
``bloomdesk --smoke-test --until shown --state-dir X`` ends at that first paint."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import qasync
from PySide6.QtWidgets import QApplication

from bloomdesk import app
from bloomdesk.core import Desk, DeskSettings
from bloomdesk.domain import AccountInfo
from bloomdesk.pricelist import from_offers
from bloomdesk.providers import connect
from bloomdesk.secrets import KeyStore
from bloomdesk.sim import Simulator
from bloomdesk.sim.server import Fault
from bloomdesk.store import Store, cache
from tests.gui.harness import START, key_of, status, until

ROOT = Path(__file__).resolve().parents[2]
KIND = "bloomsms"


async def last_run(sim: Simulator, state: Path, cheaper: bool = False) -> AccountInfo:
    """An account in a journal, and the prices a run four minutes ago kept: the first
    5,000 offers (Telegram a cent cheaper with `cheaper`: the price moved since)."""
    store = Store(state / "journal.sqlite3")
    account = store.add_account(AccountInfo("main", KIND, sim.url(KIND)))
    store.close()
    async with connect(KIND, api_key=key_of(KIND), base_url=sim.url(KIND)) as provider:
        offers = (await provider.offers())[:5000]
    if cheaper:
        offers = [replace(o, price=o.price - Decimal("0.01")) if o.service == "tg" and
                  o.price > Decimal("0.02") else o for o in offers]
    cache.save(state, account, "USD", from_offers(offers, read_at=time.time() - 240))
    return account


async def attach(window: Any, state: Path) -> Desk:
    keys = KeyStore(memory_only=True)
    keys.set("main", key_of(KIND))
    desk = Desk(Store(state / "journal.sqlite3"), keys, settings=DeskSettings(timeout=20))
    window.attach(desk)
    await desk.start()
    window.start()
    return desk


async def close(window: Any, desk: Desk) -> None:
    await window.shutdown()
    await desk.stop()
    desk.store.close()
    window.hide()
    window.deleteLater()


def test_cached_prices_show_before_any_provider_answers_then_the_fresh_ones(
        qloop: qasync.QEventLoop, qtbot: Any, tmp_path: Path) -> None:
    async def main() -> None:
        with Simulator() as sim:
            sim.add_account(KIND, key_of(KIND), START)
            account = await last_run(sim, tmp_path)
            sim.fault(KIND, Fault("latency", op="offers", seconds=3.0))
            args = app.parse(["--state-dir", str(tmp_path)])
            window, _, demo = app.open_window(QApplication.instance(), args)
            assert demo is None
            model, panel = window.prices.model, window.prices
            assert model.total == 5000 and window.prices.table.painted_total == 5000
            assert "prices from 4 min ago · refreshing…" in panel.status.text()
            assert window.price_side.showing_cached()
            desk = await attach(window, tmp_path)
            try:
                await asyncio.sleep(1.0)  # the provider holds its answer: still cached
                assert model.total == 5000 and window.price_side.showing_cached()
                await until(lambda: model.total > 100_000, timeout=30)
                assert not window.price_side.showing_cached()
                assert "prices from just now" in panel.status.text()
                assert "refreshing" not in panel.status.text()

                def saved() -> int:
                    found = cache.load(tmp_path, account)
                    return len(found.prices) if found else 0
                await until(lambda: saved() > 100_000, timeout=10)  # kept for next time
            finally:
                await close(window, desk)

    qloop.run_until_complete(main())


def test_a_buy_from_a_cached_row_whose_price_moved_says_so_and_reads_the_row_again(
        qloop: qasync.QEventLoop, qtbot: Any, tmp_path: Path) -> None:
    async def main() -> None:
        with Simulator() as sim:
            sim.add_account(KIND, key_of(KIND), START)
            await last_run(sim, tmp_path, cheaper=True)
            sim.fault(KIND, Fault("latency", op="offers", seconds=30.0))  # the full list
            window, _, _ = app.open_window(QApplication.instance(),
                                           app.parse(["--state-dir", str(tmp_path)]))
            desk = await attach(window, tmp_path)
            window.buyer.confirm = False
            try:
                panel, model = window.prices, window.prices.model
                panel.filter.setText("telegram")
                panel.hide_empty.setChecked(True)
                panel.apply_filter()
                row = model.offer_at(0)
                assert row is not None and row.service == "tg"
                window.buyer.request(row)
                await until(lambda: "the price moved" in status(window), timeout=15)
                assert "Nothing was bought" in status(window)
                assert sim.balance(KIND, key_of(KIND)) == START, "nothing charged"

                def now() -> Decimal | None:
                    at = model.find(row)
                    found = model.offer_at(at) if at >= 0 else None
                    return found.price if found else None
                await until(lambda: now() == row.price + Decimal("0.01"), timeout=15)
                assert window.price_side.showing_cached(), "only that row was read again"
            finally:
                await close(window, desk)

    qloop.run_until_complete(main())


def test_the_smoke_test_ends_at_the_first_paint_of_cached_prices(
        qloop: qasync.QEventLoop, tmp_path: Path) -> None:
    async def prepare() -> None:
        with Simulator() as sim:
            sim.add_account(KIND, key_of(KIND), START)
            await last_run(sim, tmp_path)
    qloop.run_until_complete(prepare())  # the simulator is gone: nothing will answer
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", BLOOMDESK_KEY_MAIN=key_of(KIND))
    done = subprocess.run([sys.executable, "-m", "bloomdesk.app", "--smoke-test", "--until",
                           "shown", "--state-dir", str(tmp_path)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr[-2000:]
    assert "SMOKE OK: 1 accounts listed, 5,000 prices shown (cached)" in done.stdout
    assert "window shown at" in done.stdout
