"""What the window shows a new user on the simulator (issue 12): balances, notices,
a small screen, one format for money, countries and phones, favourites by route,
words that fit, and a provider's text kept as text."""

from __future__ import annotations

import asyncio
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import qasync
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import Qt, QTextDocument
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QMessageBox, QWidget

from bloomdesk.domain import Offer
from bloomdesk.providers import KINDS
from bloomdesk.providers.errors import ProviderError
from bloomdesk.sim import Simulator
from bloomdesk.sim.server import Fault
from bloomdesk.ui.look import Tone, wash
from bloomdesk.ui.main_window import MainWindow
from bloomdesk.ui.offers_model import ACCOUNT, COUNTRY, PRICE, STAR, STOCK, SUCCESS, make_rows
from bloomdesk.ui.price_panel import ALL
from tests.gui.harness import KEYS, buy, click_row, run_window, until, visible_box

MARKUP = '<b>x</b><img src="http://127.0.0.1:9/p.png">'


def shown(text: str, fmt: Qt.TextFormat = Qt.TextFormat.AutoText) -> str:
    """What a label (or a tooltip) holding `text` puts on the screen."""
    if fmt == Qt.TextFormat.PlainText or (fmt == Qt.TextFormat.AutoText
                                          and not Qt.mightBeRichText(text)):
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def reddish(widget: QWidget) -> bool:
    """Whether the widget, as painted, shows the low-balance red (the error tone washed
    over the palette's base: ui/look.py)."""
    image = widget.grab().toImage()
    red = wash(Tone.ERROR).rgb()
    return any(image.pixel(x, y) == red for x in range(0, image.width(), 3)
               for y in range(0, image.height(), 3))


def visible_text(widget: QWidget) -> str:
    """The text of every label in `widget` (itself included), as the screen shows it."""
    labels = ([widget] if isinstance(widget, QLabel) else []) + widget.findChildren(QLabel)
    return " ".join(shown(label.text(), label.textFormat()) for label in labels)


def marked(window: MainWindow, label: str) -> bool:
    """Whether the balance of `label` shows its failed-refresh mark."""
    chip = window.balances.findChild(QWidget, f"balance:{label}")
    mark = chip.findChild(QLabel, "balance-failed") if chip is not None else None
    return mark is not None and mark.isVisible()


def area(widget: QWidget, window: MainWindow) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def test_red_means_low_and_a_failed_refresh_has_its_own_mark(
        qloop: qasync.QEventLoop, qtbot: Any, tmp_path: Path) -> None:
    async def scenario(window: MainWindow, sim: Simulator) -> None:
        balances = window.balances
        await until(lambda: all("$10.00" in balances.text_of(k) for k in ("bloomsms",
                                                                         "smsbulk")))
        sim.provider("smsbulk").accounts[KEYS["smsbulk"]].balance = Decimal("0.40")
        sim.fault("bloomsms", Fault("http500", op="balance"))
        qtbot.keyClick(window, Qt.Key.Key_F5)
        await until(lambda: "$0.40" in balances.text_of("smsbulk"))
        await until(window.banner.isVisible)
        failed = balances.findChild(QWidget, "balance:bloomsms")
        low = balances.findChild(QWidget, "balance:smsbulk")
        assert failed is not None and low is not None
        assert reddish(low), "low is red"
        assert not reddish(failed), "a failed refresh is not a low balance"
        assert marked(window, "bloomsms") and not marked(window, "smsbulk")
        assert "$10.00" in balances.text_of("bloomsms"), "the last amount read stays"
        assert "failed" in shown(failed.toolTip()) and "HTTP 500" in shown(failed.toolTip())

    run_window(qloop, qtbot, tmp_path, scenario)


def test_a_providers_markup_shows_as_text(qloop: qasync.QEventLoop, qtbot: Any,
                                          tmp_path: Path) -> None:
    async def scenario(window: MainWindow, sim: Simulator) -> None:
        await until(lambda: "bloomsms" in window.desk.balances)
        # a label the user typed is text
        window.accounts_action.trigger()
        dialog = window.accounts_dialog
        dialog.buttons["add"].click()
        editor = dialog.editor
        assert editor is not None
        editor.kind.setCurrentIndex(KINDS.index("bloomsms"))
        editor.label.setText("<i>mine</i>")
        editor.base_url.setText(sim.url("bloomsms"))
        editor.key.setText(KEYS["bloomsms"])
        editor.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        dialog.accept()
        window.activateWindow()  # what the window manager does when a dialog closes
        await until(window.isActiveWindow)
        await until(lambda: "<i>mine</i>" in window.balances.labels())
        chip = window.balances.findChild(QWidget, "balance:<i>mine</i>")
        assert chip is not None and "<i>mine</i>" in visible_text(chip)
        # and so is what a provider sends
        await until(lambda: window.prices.model.total > 100_000)
        status = window.prices.status
        await until(lambda: "prices from" in status.text())
        window.banner.dismiss()
        await until(lambda: "refreshing" not in status.text())
        sim.fault("bloomsms", Fault("answer", op="balance", status=200, body=MARKUP, times=2))
        sim.fault("bloomsms", Fault("answer", op="offers", status=200, body=MARKUP))
        qtbot.keyClick(window, Qt.Key.Key_F5)
        label = window.banner.label
        await until(lambda: MARKUP in label.text())
        assert MARKUP in shown(label.text(), label.textFormat()), "the banner"
        chip = window.balances.findChild(QWidget, "balance:bloomsms")
        assert chip is not None and MARKUP in shown(chip.toolTip()), "the balance"
        await until(lambda: "refresh failed" in status.text())
        assert MARKUP in shown(status.text(), status.textFormat()), "under the prices"

    run_window(qloop, qtbot, tmp_path, scenario, kinds=("bloomsms",))


def test_notices_never_move_the_price_table(qloop: qasync.QEventLoop, qtbot: Any,
                                            tmp_path: Path) -> None:
    async def scenario(window: MainWindow, sim: Simulator) -> None:
        table = window.prices.table
        await until(lambda: window.prices.model.total > 100_000)
        before = area(table, window)
        wallet = sim.provider("bloomsms").accounts[KEYS["bloomsms"]]
        wallet.balance = Decimal("0.00")
        with pytest.raises(ProviderError):
            await buy(window.desk, "bloomsms")
        await until(window.banner.isVisible)
        await asyncio.sleep(0.1)
        assert area(table, window) == before
        assert not area(window.banner, window).intersects(before)
        wallet.balance = Decimal("10.00")
        await buy(window.desk, "bloomsms")
        await until(window.code_notice.isVisible)
        await asyncio.sleep(0.1)
        assert area(table, window) == before
        assert not area(window.code_notice, window).intersects(before)

    run_window(qloop, qtbot, tmp_path, scenario, kinds=("bloomsms",), tray=False)


def test_800_by_600_stays_usable(qloop: qasync.QEventLoop, qtbot: Any,
                                 tmp_path: Path) -> None:
    async def scenario(window: MainWindow, sim: Simulator) -> None:
        window.resize(1280, 800)
        await asyncio.sleep(0.2)
        assert window.prices.table.columnWidth(ACCOUNT) <= 200
        window.resize(800, 600)
        await until(lambda: all("…" not in window.balances.text_of(a)
                                for a in window.balances.labels()))
        await asyncio.sleep(0.2)
        assert window.width() <= 800 and window.height() <= 600
        for label in window.balances.labels():
            chip = window.balances.findChild(QWidget, f"balance:{label}")
            amount = chip.findChild(QLabel, "balance-amount") if chip else None
            assert chip is not None and amount is not None
            assert amount.width() >= amount.sizeHint().width(), f"{label}'s amount is cut"
            assert area(chip, window).right() < window.width()
        assert window.codes.width() >= 180
        orders = window.orders.table
        assert orders.horizontalHeader().length() <= orders.viewport().width()
        order_id, _ = await buy(window.desk, "smsbulk")
        await until(lambda: window.orders_model.row_of(order_id) >= 0)
        await asyncio.sleep(0.2)
        wanted = orders.fontMetrics().horizontalAdvance("waiting for SMS")
        # columns are fitted half a second after changes land (one fit per burst)
        from bloomdesk.ui.orders_model import STATUS

        await until(lambda: orders.columnWidth(STATUS) >= wanted)  # the status reads whole

    run_window(qloop, qtbot, tmp_path, scenario, kinds=KINDS)


def test_the_prices_stay_in_view_when_the_window_narrows(
        qloop: qasync.QEventLoop, qtbot: Any, tmp_path: Path) -> None:
    """With the user's record in two more columns, a window made narrow still shows
    each offer's price and stock (Qt kept the wide service column's old width)."""
    async def scenario(window: MainWindow, sim: Simulator) -> None:
        prices = window.prices.table
        window.resize(1400, 900)
        await buy(window.desk, "smsbulk")
        await until(lambda: not prices.isColumnHidden(SUCCESS), timeout=10)
        for width in (800, 1400, 800):
            window.resize(width, 600)
            await asyncio.sleep(0.2)
            right = prices.columnViewportPosition(STOCK) + prices.columnWidth(STOCK)
            assert 0 < right <= prices.viewport().width(), f"price and stock at {width}"
            header = prices.horizontalHeader()
            if width > 1000:  # room again: the service column takes it
                assert header.length() == prices.viewport().width()

    run_window(qloop, qtbot, tmp_path, scenario, kinds=KINDS)


def test_one_format_for_prices_countries_and_phones_and_favourites_by_route(
        qloop: qasync.QEventLoop, qtbot: Any, tmp_path: Path) -> None:
    kinds = ("bloomsms", "smsbulk", "smsbulk-legacy")

    async def scenario(window: MainWindow, sim: Simulator) -> None:
        prices, model, table = window.prices, window.prices.model, window.prices.table
        prices.account.setCurrentText(ALL)
        await until(lambda: model.total >= 3 * 100_000, timeout=60)
        prices.filter.setText("telegram sweden")
        prices.apply_filter()
        rows = [model.offer_at(i) for i in range(model.rowCount())]
        assert {r.account for r in rows if r} == set(kinds)
        assert len({model.data(model.index(i, COUNTRY)) for i in range(len(rows))}) == 1
        # a favourite is a route: pinned on one account, pinned wherever it is sold
        row = next(i for i, r in enumerate(rows) if r and r.account == "bloomsms")
        click_row(qtbot, table, row, STAR)
        assert all(model.data(model.index(i, STAR)) == "★" for i in range(len(rows)))
        # the price as the table shows it is the price the question names
        click_row(qtbot, table, 0)
        price = model.data(model.index(0, PRICE))
        qtbot.keyClick(table, Qt.Key.Key_Return)
        await until(lambda: visible_box() is not None)
        box = visible_box()
        assert box is not None
        assert f"for {price}?" in box.text() and "Balance after: $" in box.text()
        box.button(QMessageBox.StandardButton.No).click()
        # a phone sent as bare digits is shown international
        order_id, _ = await buy(window.desk, "smsbulk")
        orders = window.orders_model
        await until(lambda: orders.row_of(order_id) >= 0)
        raw = window.desk.order(order_id).phone or ""
        text = orders.data(orders.index(orders.row_of(order_id), 1))
        assert text.startswith("+") and text.lstrip("+") == raw.lstrip("+")

    run_window(qloop, qtbot, tmp_path, scenario, kinds=kinds)


def test_a_route_is_the_same_whatever_the_account_calls_it(qapp: QApplication) -> None:
    """Country ids are provider-local, and names and ISO codes come or not."""
    offers = {"bloomsms": Offer("tg", "Telegram", "46", Decimal("0.06"), 9, "Sweden", None),
              "smsbulk": Offer("tg", "Telegram", "SE", Decimal("0.06"), 9, "Sweden", "SE"),
              "legacy": Offer("tg", "Telegram", "73", Decimal("0.07"), 9, "SE", "SE")}
    rows = [r for label, o in offers.items() for r in make_rows(label, [o])]
    assert len({r.favourite_key for r in rows}) == 1
    assert len({r.country_label for r in rows}) == 1
    nowhere = make_rows("x", [Offer("tg", "Telegram", "999", Decimal(1), 1, "Atlantis")])
    assert nowhere[0].favourite_key == "tg@Atlantis"


def test_words_that_fit(qloop: qasync.QEventLoop, qtbot: Any, tmp_path: Path) -> None:
    async def scenario(window: MainWindow, sim: Simulator) -> None:
        sim.next_codes("smsbulk", None)
        order_id, _ = await buy(window.desk, "smsbulk")
        await until(lambda: window.orders_model.row_of(order_id) >= 0)
        window.orders.select_order(order_id)
        await asyncio.sleep(1.2)  # a tick: the buttons speak of the selected order
        buttons = window.orders.buttons
        assert "nothing is sent to the provider" in buttons["dismiss"].toolTip()
        keep = buttons["keep"].toolTip()
        assert "not needed" in keep and "already off" not in keep
        window.accounts_action.trigger()
        dialog = window.accounts_dialog
        dialog.buttons["add"].click()
        editor = dialog.editor
        assert editor is not None
        editor.kind.setCurrentIndex(KINDS.index("bloomsms"))
        editor.base_url.setText(sim.url("bloomsms"))
        editor.key.setText("a-key-typed-wrong-000000")
        editor.test_button.click()
        await until(lambda: "key" in editor.outcome.text().lower()
                    and "Asking" not in editor.outcome.text())
        said = editor.outcome.text()
        assert "check the key typed above" in said and "account settings" not in said
        assert any(token in said for token in ("BAD_KEY", "UNAUTHORIZED", "INVALID_API_KEY"))
        editor.reject()
        dialog.reject()

    run_window(qloop, qtbot, tmp_path, scenario)


def test_the_free_cancel_countdown_stays_in_view_at_800_pixels(
        qloop: qasync.QEventLoop, qtbot: Any, tmp_path: Path) -> None:
    """The countdown to being charged for silence is beside the status, so an 800 px
    window shows it without scrolling sideways."""
    from bloomdesk.ui.orders_model import FREE_CANCEL

    async def scenario(window: MainWindow, sim: Simulator) -> None:
        orders = window.orders.table
        window.resize(800, 600)
        sim.next_codes("bloomsms-legacy", None)
        order_id, _ = await buy(window.desk, "bloomsms-legacy")
        model = window.orders_model
        await until(lambda: model.row_of(order_id) >= 0)
        await asyncio.sleep(1.0)  # the columns are fitted to what landed
        text = model.data(model.index(model.row_of(order_id), FREE_CANCEL))
        assert text and ":" in str(text), text
        right = orders.columnViewportPosition(FREE_CANCEL) + orders.columnWidth(FREE_CANCEL)
        assert 0 < right <= orders.viewport().width(), (right, orders.viewport().width())

    run_window(qloop, qtbot, tmp_path, scenario, kinds=("bloomsms-legacy",))


def test_every_orders_column_shows_its_own_fact(qtbot: Any) -> None:
    """Each column of the live orders reads the fact its header names: the code under
    Code, the account under Account, the countdowns under theirs."""
    import time as clock
    from decimal import Decimal

    from bloomdesk.core import Order, OrderState
    from bloomdesk.ui import orders_model as om

    now = clock.time()
    model = om.OrdersModel()
    model.set_orders([Order(7, "acct-x", "tg", "46", OrderState.RECEIVED, now - 10,
                            provider_id="p1", phone="+46700000001", price=Decimal("0.10"),
                            expires_at=now + 600, free_cancel_until=now + 100,
                            code="424242", account_uid="u1")])
    shown = {om.COLUMNS[c]: model.data(model.index(0, c)) for c in range(len(om.COLUMNS))}
    assert shown["#"] == "7" and shown["Code"] == "424242" and shown["Account"] == "acct-x"
    assert "+46" in shown["Phone"] and shown["Expires"] and ":" in shown["Expires"]
