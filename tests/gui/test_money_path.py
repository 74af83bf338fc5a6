"""The money path as a new user meets it on the simulator (issue 12): what Enter buys,
what asks before spending, what a failed refresh leaves, what each action says."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
import qasync
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QTableView

from bloomdesk.providers.errors import ProviderError
from bloomdesk.sim import Simulator
from bloomdesk.sim.server import Fault
from bloomdesk.ui.main_window import MainWindow
from bloomdesk.ui.offers_model import COUNTRY, PRICE, SERVICE
from bloomdesk.ui.orders_model import STATUS
from tests.gui.harness import KEYS, buy, click_row, run_window, selected_key, status, until
from tests.gui.harness import visible_box as box


def answer(box_: QMessageBox, button: QMessageBox.StandardButton, window: MainWindow) -> None:
    box_.button(button).click()
    window.activateWindow()  # what the window manager does when a dialog closes


def test_enter_buys_the_offer_the_user_pinned_not_the_row_number(
        qloop: qasync.QEventLoop, qtbot: Any, tmp_path: Path) -> None:
    async def scenario(window: MainWindow, sim: Simulator) -> None:
        prices, table, model = window.prices, window.prices.table, window.prices.model
        await until(lambda: model.total > 100_000)
        prices.filter.setText("telegram")
        prices.apply_filter()
        table.sortByColumn(PRICE, Qt.SortOrder.AscendingOrder)
        table.setFocus()
        click_row(qtbot, table, 1)
        chosen, first = model.offer_at(1), model.offer_at(0)
        assert chosen is not None and first is not None
        qtbot.keyClick(table, Qt.Key.Key_F)  # pinned: it jumps to the top
        assert model.offer_at(0) == chosen
        assert selected_key(table) == (chosen.account, chosen.service, chosen.country)
        qtbot.keyClick(table, Qt.Key.Key_Return)
        await until(lambda: box() is not None)
        question = box().text()  # type: ignore[union-attr]
        assert f"in {chosen.country_label} from" in question, question
        assert f"in {first.country_label} from" not in question
        answer(box(), QMessageBox.StandardButton.No, window)  # type: ignore[arg-type]
        key = (chosen.account, chosen.service, chosen.country)
        qtbot.keyClick(table, Qt.Key.Key_F)  # unpinned: back among the others
        assert model.offer_at(0) == first and selected_key(table) == key
        table.sortByColumn(COUNTRY, Qt.SortOrder.DescendingOrder)
        assert selected_key(table) == key
        prices.filter.setText("whatsapp")  # hidden: nothing is selected...
        prices.apply_filter()
        assert selected_key(table) is None
        prices.filter.setText("telegram")  # ...until it shows again
        prices.apply_filter()
        assert selected_key(table) == key
        assert sim.sent("bloomsms", "buy") == 0

    run_window(qloop, qtbot, tmp_path, scenario, kinds=("bloomsms",))


def test_rerent_asks_with_the_price_and_balance_before_spending(
        qloop: qasync.QEventLoop, qtbot: Any, tmp_path: Path) -> None:
    async def scenario(window: MainWindow, sim: Simulator) -> None:
        desk = window.desk
        order_id, price = await buy(desk, "bloomsms")
        await until(lambda: desk.order(order_id).code is not None)
        await until(lambda: "bloomsms" in desk.balances)
        window.orders.select_order(order_id)
        rerent = window.orders.buttons["rerent"]
        await until(rerent.isEnabled)
        paid = sim.balance("bloomsms", KEYS["bloomsms"])
        qtbot.mouseClick(rerent, Qt.MouseButton.LeftButton)
        await asyncio.sleep(1.5)
        assert sim.balance("bloomsms", KEYS["bloomsms"]) == paid, "spent without asking"
        question = box()
        assert question is not None
        assert f"${price:.2f}" in question.text() and "Balance after: $" in question.text()
        answer(question, QMessageBox.StandardButton.Yes, window)
        await until(lambda: sim.balance("bloomsms", KEYS["bloomsms"]) < paid)
        assert sim.balance("bloomsms", KEYS["bloomsms"]) == paid - price
        await until(lambda: "rented again as order" in status(window))

    run_window(qloop, qtbot, tmp_path, scenario, kinds=("bloomsms",))


def test_refresh_against_a_stopped_provider_keeps_the_prices_and_says_how_old(
        qloop: qasync.QEventLoop, qtbot: Any, tmp_path: Path) -> None:
    async def scenario(window: MainWindow, sim: Simulator) -> None:
        model = window.prices.model
        await until(lambda: model.total > 100_000)
        shown = model.total
        # the provider goes away: new connections are refused, and the one httpx
        # keeps alive (its handler thread outlives the server) resets
        sim.fault("bloomsms", Fault("reset", op="any", times=1000))
        sim.stop()
        qtbot.keyClick(window, Qt.Key.Key_F5)
        await until(lambda: "refresh failed" in window.prices.status.text(), timeout=30)
        line = window.prices.status.text()
        assert model.total == shown and model.rowCount() == shown
        assert "prices from just now" in line and "F5" in line

    run_window(qloop, qtbot, tmp_path, scenario, kinds=("bloomsms",))


def test_a_refresh_keeps_the_selection_and_the_scroll_position(
        qloop: qasync.QEventLoop, qtbot: Any, tmp_path: Path) -> None:
    async def scenario(window: MainWindow, sim: Simulator) -> None:
        table, model = window.prices.table, window.prices.model
        await until(lambda: model.total > 100_000)
        table.selectRow(500)
        table.scrollTo(model.index(500, SERVICE), QTableView.ScrollHint.PositionAtTop)
        key, scroll = selected_key(table), table.verticalScrollBar().value()
        assert key is not None and scroll > 0
        asked = sim.sent("bloomsms", "offers")
        qtbot.keyClick(window, Qt.Key.Key_F5)
        await until(lambda: sim.sent("bloomsms", "offers") > asked)
        await until(lambda: "Prices of bloomsms" in status(window), timeout=30)
        await asyncio.sleep(0.2)
        assert selected_key(table) == key
        assert table.verticalScrollBar().value() == scroll

    run_window(qloop, qtbot, tmp_path, scenario, kinds=("bloomsms",))


def test_every_order_action_says_what_it_came_to(qloop: qasync.QEventLoop, qtbot: Any,
                                                 tmp_path: Path) -> None:
    async def act(window: MainWindow, order_id: int, name: str) -> None:
        window.orders.select_order(order_id)
        button = window.orders.buttons[name]
        await until(button.isEnabled)
        window.statusBar().clearMessage()
        button.click()

    async def scenario(window: MainWindow, sim: Simulator) -> None:
        desk, model = window.desk, window.orders_model
        # the first price load's own line must not land over what an action says
        await until(lambda: window.prices.model.total > 100_000)
        sim.next_codes("bloomsms", None, None)
        silent, _ = await buy(desk, "bloomsms")
        await act(window, silent, "cancel")
        await until(lambda: f"Order #{silent}" in status(window)
                    and "cancelled" in status(window))
        # a refusal: the provider's words on the status line and the order's row
        refused, _ = await buy(desk, "bloomsms")
        sim.fault("bloomsms", Fault("answer", op="cancel", status=409,
                                    body='{"status": "error", "errors": '
                                         '{"code": "EARLY_CANCEL_DENIED"}}'))
        await act(window, refused, "cancel")
        await until(lambda: "Too early to cancel" in status(window))
        row = model.row_of(refused)
        assert "refused" in str(model.data(model.index(row, STATUS)))
        assert "Too early to cancel" in str(model.data(model.index(row, STATUS),
                                                       Qt.ItemDataRole.ToolTipRole))
        coded, _ = await buy(desk, "bloomsms")
        await until(lambda: desk.order(coded).code is not None)
        await act(window, coded, "request_another_sms")
        await until(lambda: "another SMS" in status(window))
        assert model.data(model.index(model.row_of(coded), STATUS)) == "waiting for next SMS"
        await act(window, coded, "complete")
        await until(lambda: f"Order #{coded}" in status(window)
                    and "completed" in status(window))
        # a buy whose answer never came: dismissed, and it says nothing was sent
        sim.fault("bloomsms", Fault("reset_after", op="buy"))
        with pytest.raises(ProviderError):
            await buy(desk, "bloomsms")
        unknown = max(o.id for o in desk.open_orders())
        await act(window, unknown, "dismiss")
        assert f"Order #{unknown} dismissed" in status(window)
        assert "nothing was sent to the provider" in status(window)

    run_window(qloop, qtbot, tmp_path, scenario, kinds=("bloomsms",))


def test_an_empty_filter_and_enter_on_nothing_say_so(qloop: qasync.QEventLoop, qtbot: Any,
                                                     tmp_path: Path) -> None:
    async def scenario(window: MainWindow, sim: Simulator) -> None:
        prices, table = window.prices, window.prices.table
        await until(lambda: prices.model.total > 100_000)
        prices.filter.setText("zzzz qqqq")
        prices.apply_filter()
        assert "No offers match “zzzz qqqq”" in prices.status.text()
        table.setFocus()
        qtbot.keyClick(table, Qt.Key.Key_Return)
        assert "No offers match" in status(window)
        prices.filter.setText("")
        prices.apply_filter()
        table.clearSelection()
        qtbot.keyClick(table, Qt.Key.Key_Return)
        assert "No offer is selected" in status(window)
        assert box() is None and sim.sent("bloomsms", "buy") == 0

    run_window(qloop, qtbot, tmp_path, scenario, kinds=("bloomsms",))



def test_hammering_or_holding_enter_buys_one_number_not_many(
        qloop: qasync.QEventLoop, qtbot: Any, tmp_path: Path) -> None:
    """Enter pressed eight times 120 ms apart used to buy four numbers: each Enter
    opened a confirmation the next one answered.  A confirmation takes no key in its
    first moments, and a held (auto-repeated) Enter asks nothing."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    async def scenario(window: MainWindow, sim: Simulator) -> None:
        prices, table = window.prices, window.prices.table
        await until(lambda: prices.model.total > 100_000)
        prices.filter.setText("telegram")
        prices.apply_filter()
        prices.hide_empty.setChecked(True)
        table.setFocus()
        table.selectRow(0)
        held = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return,
                         Qt.KeyboardModifier.NoModifier, "\r", True)  # auto-repeated
        QApplication.sendEvent(table, held)
        await asyncio.sleep(0.2)
        assert box() is None, "a held Enter asks nothing"
        for _ in range(8):
            target = QApplication.focusWidget() or table
            qtbot.keyClick(target, Qt.Key.Key_Return)
            await asyncio.sleep(0.12)
            if box() is None:
                window.activateWindow()  # what the window manager does when it closes
                table.setFocus()
        await asyncio.sleep(1.5)
        if (left := box()) is not None:
            left.button(QMessageBox.StandardButton.No).click()
        assert sim.sent("bloomsms", "buy") <= 1, "one Enter-Enter, one number at most"

    run_window(qloop, qtbot, tmp_path, scenario, kinds=("bloomsms",))


def test_an_order_that_leaves_by_itself_says_why(qloop: qasync.QEventLoop, qtbot: Any,
                                                 tmp_path: Path) -> None:
    """Auto-cancel takes a silent BloomSMS legacy number off the list: the window says
    which order went and why (nothing charged), not a silent disappearance."""
    from tests.conftest import Clock

    clock = Clock()

    async def scenario(window: MainWindow, sim: Simulator) -> None:
        await until(lambda: window.prices.model.total > 100_000)  # its line said first
        sim.next_codes("bloomsms-legacy", None)
        order_id, _ = await buy(window.desk, "bloomsms-legacy")
        await until(lambda: window.orders_model.row_of(order_id) >= 0)
        clock.advance(105)  # inside the auto-cancel margin of the 120 s deadline
        await until(lambda: window.orders_model.row_of(order_id) < 0, timeout=15)
        said = status(window)
        assert f"Order #{order_id}" in said and "Auto-cancelled" in said, said
        assert "nothing was charged" in said

    run_window(qloop, qtbot, tmp_path, scenario, kinds=("bloomsms-legacy",), clock=clock)
