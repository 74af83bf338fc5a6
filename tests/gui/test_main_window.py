"""The real window on the simulator, driven as a user would: keys, clicks, what shows."""

from __future__ import annotations

import asyncio
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

import qasync
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from bloomdesk.core import Desk, OrderState
from bloomdesk.secrets import KeyStore
from bloomdesk.sim import Simulator
from bloomdesk.store import Store
from bloomdesk.ui.codes import SECRET_HINT
from bloomdesk.ui.main_window import MainWindow
from bloomdesk.ui.offers_model import OffersModel, make_rows
from bloomdesk.ui.orders_model import OrdersModel
from tests.gui.harness import (
    KEYS,
    START,
    accept_confirmation,
    buy_first_in_stock,
    in_stock,
    run_window,
    until,
)


def test_buy_code_clipboard_and_refund(qloop: qasync.QEventLoop, qtbot: Any,
                                       tmp_path: Path) -> None:
    async def scenario(window: MainWindow, sim: Simulator) -> None:
        await until(lambda: window.prices.model.total > 100_000)
        await until(lambda: "$10.00" in window.balances.text_of("bloomsms"))
        buy_first_in_stock(window, qtbot)
        await until(lambda: any(isinstance(w, QMessageBox) and w.isVisible()
                                for w in QApplication.topLevelWidgets()))
        chosen = window.prices.selected_offer()
        assert chosen is not None
        question = accept_confirmation(window)
        assert f"Balance after: ${START - chosen.price:.2f}" in question
        await until(lambda: window.orders_model.rowCount() == 1
                    and bool(getattr(window.orders_model.order_at(0), "phone", None)))
        order = window.orders_model.order_at(0)
        assert order is not None and order.phone and order.state is OrderState.WAITING
        # the code arrives: in the pane, then on the clipboard with the secret hint
        await until(lambda: window.codes.count() == 1)
        code = window.codes.nth(0).code  # type: ignore[union-attr]
        assert code == sim.activations("bloomsms")[0].code
        await until(window.isActiveWindow, timeout=5)
        qtbot.keyClick(window, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier
                       | Qt.KeyboardModifier.ShiftModifier)
        clipboard = QGuiApplication.clipboard()
        assert clipboard.text() == code
        assert bytes(clipboard.mimeData().data(SECRET_HINT)) == b"secret"
        # a second order stays silent; cancel it and see the refund in the header
        sim.next_codes("bloomsms", None)
        buy_first_in_stock(window, qtbot)
        await until(lambda: any(isinstance(w, QMessageBox) and w.isVisible()
                                for w in QApplication.topLevelWidgets()))
        accept_confirmation(window)
        await until(lambda: window.orders_model.rowCount() == 2
                    and bool(getattr(window.orders_model.order_at(1), "phone", None)))
        silent = window.orders_model.order_at(1)
        assert silent is not None
        charged = START - (order.price or 0) - (silent.price or 0)
        await until(lambda: f"${charged:.2f}" in window.balances.text_of("bloomsms"))
        window.orders.select_order(silent.id)
        window.order_actions.update()
        cancel = window.orders.buttons["cancel"]
        assert cancel.isEnabled()
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
        await until(lambda: window.orders_model.row_of(silent.id) == -1)
        refunded = START - (order.price or 0)
        await until(lambda: f"${refunded:.2f}" in window.balances.text_of("bloomsms"))
        assert sim.balance("bloomsms", KEYS["bloomsms"]) == refunded
        # quitting clears the clipboard, because it still holds our code
        await window.shutdown()
        assert clipboard.text() == ""

    run_window(qloop, qtbot, tmp_path, scenario)


def test_provider_error_shows_without_a_modal(qloop: qasync.QEventLoop, qtbot: Any,
                                              tmp_path: Path) -> None:
    async def scenario(window: MainWindow, sim: Simulator) -> None:
        await until(lambda: window.prices.model.total > 100_000)
        sim.provider("bloomsms").accounts[KEYS["bloomsms"]].balance = Decimal("0.00")
        buy_first_in_stock(window, qtbot)
        await until(lambda: window.banner.isVisible())
        assert "balance is too low" in window.banner.label.text()
        assert QApplication.activeModalWidget() is None
        assert window.orders_model.rowCount() == 0, "a refused buy leaves no active order"
        assert [o.state for o in window.desk.history()] == [OrderState.FAILED]

    run_window(qloop, qtbot, tmp_path, scenario, confirm=False)


def test_actions_say_why_they_are_disabled(qloop: qasync.QEventLoop, qtbot: Any,
                                           tmp_path: Path) -> None:
    async def scenario(window: MainWindow, sim: Simulator) -> None:
        await until(lambda: window.prices.model.total > 100_000)
        sim.next_codes("smsbulk", None)
        country, price = await in_stock(window.desk, "smsbulk")
        order = await window.desk.buy("smsbulk", "tg", country, price=price)
        await until(lambda: window.orders_model.rowCount() == 1)
        window.orders.select_order(order.id)
        window.order_actions.update()
        buttons = window.orders.buttons
        assert not buttons["request_another_sms"].isEnabled()
        assert "does not offer another SMS" in buttons["request_another_sms"].toolTip()
        assert not buttons["rerent"].isEnabled()
        assert "does not offer renting" in buttons["rerent"].toolTip()
        assert buttons["cancel"].isEnabled() and buttons["complete"].isEnabled()

    run_window(qloop, qtbot, tmp_path, scenario)


def test_shortcuts(qloop: qasync.QEventLoop, qtbot: Any, tmp_path: Path) -> None:
    async def scenario(window: MainWindow, sim: Simulator) -> None:
        await until(lambda: window.prices.model.total > 100_000)
        qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        assert window.prices.filter.hasFocus()
        qtbot.keyClicks(window.prices.filter, "whatsapp united kingdom")
        await until(lambda: window.prices.model.rowCount() < 10)
        model = window.prices.model
        shown = [model.offer_at(i) for i in range(model.rowCount())]
        assert "wa" in {r.service for r in shown if r}
        assert all(r and "whatsapp" in r.service_name.lower()
                   and r.country_label.endswith("United Kingdom") for r in shown)
        # three codes: Ctrl+1..3 copy the n-th newest, Ctrl+C the selected one
        country, price = await in_stock(window.desk, "bloomsms")
        for _ in range(3):
            await window.desk.buy("bloomsms", "tg", country, price=price)
        await until(lambda: window.codes.count() == 3)
        newest_first = [window.codes.nth(i).code for i in range(3)]  # type: ignore[union-attr]
        clipboard = QGuiApplication.clipboard()
        for n, code in enumerate(newest_first, start=1):
            qtbot.keyClick(window, getattr(Qt.Key, f"Key_{n}"),
                           Qt.KeyboardModifier.ControlModifier)
            assert clipboard.text() == code
        window.codes.list.setCurrentRow(2)
        qtbot.keyClick(window, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
        assert clipboard.text() == newest_first[2]
        before = sim.sent("bloomsms", "balance")
        qtbot.keyClick(window, Qt.Key.Key_F5)
        await until(lambda: sim.sent("bloomsms", "balance") > before)
        asked: list[bool] = []
        window.quitRequested.connect(lambda: asked.append(True))
        qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
        assert asked == [True], "Ctrl+Q asks the app to quit"

    run_window(qloop, qtbot, tmp_path, scenario)


def test_clipboard_clears_only_its_own_code(qapp: QApplication, qtbot: Any) -> None:
    from bloomdesk.ui.codes import SecretClipboard

    clip = SecretClipboard(0.2)
    clip.copy("111111")
    with qtbot.waitSignal(clip.cleared, timeout=2000):
        pass
    assert QGuiApplication.clipboard().text() == ""
    clip.copy("222222")
    QGuiApplication.clipboard().setText("something the user copied")
    qtbot.wait(400)
    assert QGuiApplication.clipboard().text() == "something the user copied"


def test_favourites_stay_on_top_across_restarts(qapp: QApplication, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    from bloomdesk.domain import Offer

    offers = [Offer("wa", "Whatsapp", "187", Decimal("0.50"), 10, "USA", "US"),
              Offer("tg", "Telegram", "16", Decimal("0.20"), 4, "United Kingdom", "GB")]

    def window() -> MainWindow:
        desk = Desk(Store(tmp_path / "j.sqlite3"), KeyStore(memory_only=True))
        win = MainWindow(desk, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
        win.prices.set_rows(make_rows("acct", offers))
        return win

    first = window()
    assert first.prices.model.offer_at(0).service == "tg"  # type: ignore[union-attr]
    first.prices.table.selectRow(1)
    first.prices.table.setFocus()
    QTest.keyClick(first.prices.table, Qt.Key.Key_F)
    assert first.prices.model.offer_at(0).service == "wa", "pinned on top"  # type: ignore[union-attr]
    first.desk.store.close()
    again = window()
    assert again.prices.model.offer_at(0).service == "wa", "remembered"  # type: ignore[union-attr]
    assert again.prices.model.data(again.prices.model.index(0, 0)) == "★"
    again.desk.store.close()


def test_low_balance_warning_follows_the_users_threshold(qapp: QApplication,
                                                          tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue("balances/warn_below", "30")
    desk = Desk(Store(tmp_path / "j.sqlite3"), KeyStore(memory_only=True))
    desk.add_account("bloomsms", "main", "sk_threshold_000001", "http://127.0.0.1:9/api/v1")
    window = MainWindow(desk, settings)
    window.balances.set_balance("main", Decimal("25.00"), time.time())
    assert window.balances.is_low("main"), "25 is under the user's 30"
    settings.setValue("balances/warn_below", "garbage")
    again = MainWindow(desk, settings)
    again.balances.set_balance("main", Decimal("25.00"), time.time())
    assert not again.balances.is_low("main"), "a bad value falls back to 1.00"
    desk.store.close()


def test_models_pass_the_model_tester(qtmodeltester: Any, qapp: QApplication) -> None:
    from bloomdesk.core import Order
    from bloomdesk.domain import Offer

    offers = OffersModel()
    offers.set_rows(make_rows("acct", [
        Offer("wa", "Whatsapp", "187", Decimal("0.50"), 10, "USA", "US"),
        Offer("tg", "Telegram", "16", Decimal("0.20"), 0, "United Kingdom", "GB"),
        Offer("go", "Google", "0", Decimal("0.30"), 5, "Russia", "RU")]))
    offers.sort(4, Qt.SortOrder.DescendingOrder)
    offers.favourites.add("go@RU")
    offers.set_filter("a")
    qtmodeltester.check(offers)
    orders = OrdersModel()
    now = time.time()
    orders.set_orders([Order(1, "a", "wa", "187", OrderState.WAITING, now, "x1", "+1555",
                             Decimal("0.5"), expires_at=now + 600, free_cancel_until=now + 100,
                             updated_at=now)])
    orders.upsert(Order(2, "a", "tg", "16", OrderState.RECEIVED, now, "x2", "+44", None,
                        code="123456", updated_at=now))
    qtmodeltester.check(orders)


def test_event_loop_stays_responsive_under_fifty_slow_orders(
        qloop: qasync.QEventLoop, qtbot: Any, tmp_path: Path) -> None:
    """50 orders at 1 s latency: a 20 ms QTimer keeps ticking.

    The bound that matters is the work the window's own thread does between two
    ticks (its CPU time): that is what the app controls. Wall-clock gaps also count
    the time a shared, noisy machine did not run us at all; they are reported, and
    only a gross freeze of them fails."""
    work: list[float] = []
    gaps: list[float] = []

    async def scenario(window: MainWindow, sim: Simulator) -> None:
        last = [time.monotonic(), time.thread_time()]

        def tick() -> None:
            now, cpu = time.monotonic(), time.thread_time()
            gaps.append(now - last[0] - 0.02)
            work.append(cpu - last[1])
            last[0], last[1] = now, cpu

        timer = QTimer()
        timer.setInterval(20)
        timer.timeout.connect(tick)
        timer.start()
        await until(lambda: window.prices.model.total > 100_000, timeout=60)
        work.clear()  # from here on: the 50 orders (loading is measured by benchmarks)
        gaps.clear()
        last[0], last[1] = time.monotonic(), time.thread_time()
        country, price = await in_stock(window.desk, "smsbulk")
        # Started 40 ms apart (the window itself runs one buy at a time), all in flight
        # together at 1 s latency. Fifty answers landing in the very same instant cost
        # ~90-170 ms of work in one pass: a known burst, left to the benchmarks.
        buys = []
        for _ in range(50):
            buys.append(asyncio.ensure_future(
                window.desk.buy("smsbulk", "tg", country, price=price)))
            await asyncio.sleep(0.04)
        await asyncio.gather(*buys)
        await until(lambda: window.orders_model.rowCount() == 50, timeout=30)
        await until(lambda: window.codes.count() >= 45, timeout=60)
        timer.stop()

    run_window(qloop, qtbot, tmp_path, scenario, latency=1.0, kinds=("smsbulk",))
    assert work and gaps, "the timer ticked"
    print(f"\n50 orders at 1 s latency: longest work between ticks {max(work) * 1000:.0f} ms,"
          f" longest wall-clock gap {max(gaps) * 1000:.0f} ms")
    assert max(work) < 0.1, f"the window's thread worked {max(work) * 1000:.0f} ms in one go"
    assert max(gaps) < 0.25, f"the window froze for {max(gaps) * 1000:.0f} ms"


def test_the_first_window_fits_a_small_screen(qtbot: Any) -> None:
    """No saved size: the window opens within the screen's free area (this platform's
    offscreen screen is 800×800), not 1280×820 with its right part off-screen."""
    window = MainWindow(None)
    qtbot.addWidget(window)
    room = QGuiApplication.primaryScreen().availableGeometry()
    assert window.width() <= room.width() and window.height() <= room.height(), \
        (window.size(), room)


def test_narrow_balance_names_still_tell_accounts_apart(qtbot: Any) -> None:
    """Squeezed, "BloomSMS" and "BloomSMS legacy" (or three "SMS…" names) must not
    read the same: the name is cut in the middle, keeping how each one ends."""
    from bloomdesk.ui.balances import ElidedLabel

    names = ["BloomSMS", "BloomSMS legacy", "SMSBulk", "SMSBulk compat", "SMS-Activate"]
    labels = [ElidedLabel(name) for name in names]
    for label in labels:
        qtbot.addWidget(label)
        label.resize(label.fontMetrics().horizontalAdvance("Bloo…"), 20)
    shown = [label.shown() for label in labels]
    assert len(set(shown)) == len(names), shown
