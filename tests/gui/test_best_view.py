"""The window's side of the best route (issue 17): a "best" view of the price table,
one row per route with its cheapest account and the others that sell it; "Buy best"
(Shift+Enter) falling back to the next account when one has no numbers, the chain
shown as it goes, one number bought; and the user's own record of a route in two
columns, where there is one."""

from __future__ import annotations

import json
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

import qasync
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from bloomdesk.domain import Offer, Order, OrderState
from bloomdesk.pricelist import from_offers
from bloomdesk.sim import Fault, Simulator
from bloomdesk.ui.best import best_lists, sellers_text
from bloomdesk.ui.main_window import MainWindow
from bloomdesk.ui.offers_model import ACCOUNT, MEDIAN, SUCCESS, OffersModel
from bloomdesk.ui.price_panel import BEST
from tests.gui.harness import accept_confirmation, run_window, status, until
from tests.gui.harness import visible_box as box


def offer(service: str, country: str, price: str, stock: int, iso: str | None,
          name: str) -> Offer:
    return Offer(service, service.upper(), country, Decimal(price), stock, name, iso)


def test_one_row_per_route_with_its_cheapest_account_in_stock(qapp: QApplication) -> None:
    lists = [
        ("A", from_offers([offer("tg", "46", "0.30", 5, "SE", "Sweden"),
                           offer("wa", "1", "0.10", 9, "US", "USA"),
                           offer("ds", "900", "0.50", 3, None, "Atlantis")])),
        ("B", from_offers([offer("tg", "73", "0.20", 0, "SE", "Sweden"),  # none in stock
                           offer("ds", "12", "0.40", 1, None, "atlantis ")])),  # by name
        ("C", from_offers([offer("tg", "SE", "0.25", 7, "SE", "Sweden")])),
    ]
    shown, others = best_lists(lists)
    model = OffersModel()
    model.set_lists(shown, others)
    rows = {(r.service, r.account): r for r in map(model.offer_at, range(model.rowCount()))
            if r is not None}
    assert set(rows) == {("tg", "C"), ("wa", "A"), ("ds", "B")}
    at = {r.service: i for i in range(model.rowCount()) if (r := model.offer_at(i))}
    assert model.data(model.index(at["tg"], ACCOUNT)) == "C +1"  # A sells it too
    assert model.data(model.index(at["wa"], ACCOUNT)) == "A"
    assert model.data(model.index(at["ds"], ACCOUNT)) == "B +1"
    tip = sellers_text(lists, rows[("tg", "C")], model.names)
    assert tip.index("C: $0.25") < tip.index("A: $0.30") and "B:" not in tip
    # among equal prices, the route that delivered for this user comes first
    even = [("A", from_offers([offer("tg", "46", "0.30", 5, "SE", "Sweden")])),
            ("B", from_offers([offer("tg", "73", "0.30", 5, "SE", "Sweden")]))]
    assert [label for label, pl in best_lists(even)[0] if len(pl)] == ["A"]
    assert [label for label, pl in best_lists(even, {("B", "tg", "73"): 0.9})[0]
            if len(pl)] == ["B"]


def test_buy_best_falls_back_shows_the_chain_and_buys_one_number(
        qloop: qasync.QEventLoop, qtbot: Any, tmp_path: Path) -> None:
    async def scenario(window: MainWindow, sim: Simulator) -> None:
        prices, model = window.prices, window.prices.model
        prices.account.setCurrentText(BEST)
        await until(lambda: len(window.price_side.all_lists()) == 2, timeout=60)
        await until(lambda: 90_000 < model.total < 110_000, timeout=30)  # routes, not offers
        prices.filter.setText("telegram sweden")
        prices.apply_filter()
        assert model.rowCount() == 1
        assert model.data(model.index(0, ACCOUNT)) == "bloomsms +1"
        sim.fault("bloomsms", Fault("answer", op="buy", status=400, body=json.dumps(
            {"error": {"code": "NO_NUMBERS_AVAILABLE", "message": "No numbers"}})))
        table = prices.table
        table.setFocus()
        table.selectRow(0)
        qtbot.keyClick(table, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
        await until(lambda: box() is not None)
        question = accept_confirmation(window)
        assert "on bloomsms for $" in question and "the next of the 1 other" in question
        await until(lambda: "bought" in status(window), timeout=30)
        assert "Sweden on bloomsms: no numbers → Sweden on smsbulk: bought" in status(window)
        assert len(sim.activations("bloomsms")) == 0 and len(sim.activations("smsbulk")) == 1
        assert len(window.desk.open_orders()) == 1, "one number for one request"

    run_window(qloop, qtbot, tmp_path, scenario, kinds=("bloomsms", "smsbulk"))


def test_your_success_and_median_code_time_where_there_is_history(
        qloop: qasync.QEventLoop, qtbot: Any, tmp_path: Path) -> None:
    async def scenario(window: MainWindow, sim: Simulator) -> None:
        prices, model, desk = window.prices, window.prices.model, window.desk
        assert prices.table.isColumnHidden(SUCCESS), "no history yet: no columns"
        await until(lambda: model.total > 100_000, timeout=30)
        row = next(r for i in range(200) if (r := model.offer_at(i)) and r.stock > 0)
        now = time.time()
        for n, (state, code) in enumerate([(OrderState.COMPLETED, "1234"),
                                           (OrderState.COMPLETED, "5678"),
                                           (OrderState.CANCELLED, None)]):
            desk.store.new_order(Order(
                id=0, account=row.account, service=row.service, country=row.country,
                state=state, created_at=now - 600, provider_id=f"77{n}", price=row.price,
                code=code, code_at=now - 600 + (30 if n == 0 else 90) if code else None,
                updated_at=now))
        window.price_side.refresh_record()
        assert not prices.table.isColumnHidden(SUCCESS)
        at = model.find(row)
        assert model.data(model.index(at, SUCCESS)) == "67% of 3"
        assert model.data(model.index(at, MEDIAN)) == "60 s"
        assert "2 of your 3 orders" in model.data(model.index(at, SUCCESS),
                                                   Qt.ItemDataRole.ToolTipRole)
        prices.table.sortByColumn(SUCCESS, Qt.SortOrder.DescendingOrder)
        assert model.offer_at(0) == row, "the routes that delivered, first"

    run_window(qloop, qtbot, tmp_path, scenario, kinds=("bloomsms",))
