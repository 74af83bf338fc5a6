"""A charged order the journal could not record: the window keeps it, says so, lets
the user cancel it, and the refund lands; the journal gets it once it can."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path
from typing import Any

import qasync
from PySide6.QtCore import Qt

from bloomdesk.core import OrderState
from bloomdesk.sim import Fault, Simulator
from bloomdesk.store import Store
from bloomdesk.ui.main_window import MainWindow
from tests.gui.harness import START, key_of, run_window, until


def test_a_charged_order_the_journal_missed_stays_cancellable(
        qloop: qasync.QEventLoop, qtbot: Any, tmp_path: Path) -> None:
    journal = tmp_path / "journal.sqlite3"

    async def scenario(window: MainWindow, sim: Simulator) -> None:
        desk = window.desk
        offers = [o for o in await desk.offers("bloomsms", "tg") if o.stock > 60]
        best = min(offers, key=lambda o: o.price)
        sim.next_codes("bloomsms", None)
        sim.fault("bloomsms", Fault("latency", op="buy", seconds=1.0))
        buying = asyncio.ensure_future(desk.buy("bloomsms", "tg", best.country,
                                                price=best.price))
        await asyncio.sleep(0.5)  # journaled, at the provider: another process takes the
        hog = sqlite3.connect(journal, isolation_level=None)  # journal and keeps it
        hog.execute("BEGIN EXCLUSIVE")
        try:
            order = await buying
            row = window.orders_model.row_of(order.id)
            assert row >= 0 and window.orders_model.order_at(row).phone == order.phone
            await until(lambda: "charged" in window.banner.label.text())
            assert "will record it" in window.banner.label.text()
            hog.execute("COMMIT")
        finally:
            if hog.in_transaction:
                hog.execute("ROLLBACK")
            hog.close()
        window.orders.select_order(order.id)
        cancel = window.orders.buttons["cancel"]
        await until(cancel.isEnabled)
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
        await until(lambda: window.orders_model.row_of(order.id) == -1)
        assert sim.balance("bloomsms", key_of("bloomsms")) == START, "refunded"
        await until(lambda: desk.book.unsaved(order.id) is None)
        store = Store(journal)
        try:
            saved = store.get(order.id)
        finally:
            store.close()
        assert saved is not None and saved.provider_id == order.provider_id
        assert saved.state is OrderState.CANCELLED

    run_window(qloop, qtbot, tmp_path, scenario, kinds=("bloomsms",))

