"""Every setting doing what it says, before and after a restart; the smoke test."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import qasync
from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox

from bloomdesk.core import OrderState
from bloomdesk.sim import Simulator
from bloomdesk.ui.main_window import MainWindow
from bloomdesk.ui.settings_dialog import SettingsDialog
from tests.conftest import Clock
from tests.gui.harness import START, key_of, run_window, until


async def buy(window: MainWindow, label: str, service: str = "tg") -> int:
    offers = [o for o in await window.desk.offers(label, service) if o.stock > 60]
    best = min(offers, key=lambda o: o.price)
    order = await window.desk.buy(label, service, best.country, price=best.price)
    return order.id


def change_settings(window: MainWindow, change: Callable[[SettingsDialog], None]) -> None:
    """Open Settings from the menu action, change it as a user would, press OK."""
    window.settings_action.trigger()
    dialog = window.settings_dialog
    assert dialog.isVisible()
    change(dialog)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


def ini(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def test_every_setting_changes_what_it_names(qloop: qasync.QEventLoop, qtbot: Any,
                                             tmp_path: Path) -> None:
    settings = ini(tmp_path)

    async def scenario(window: MainWindow, sim: Simulator) -> None:
        clipboard = QGuiApplication.clipboard()
        # poll speed: Quick polls a waiting order about four times as often as Gentle
        sim.next_codes("bloomsms", None)
        await buy(window, "bloomsms")

        async def polls_in(seconds: float) -> int:
            before = sim.sent("bloomsms", "status")
            await asyncio.sleep(seconds)
            return sim.sent("bloomsms", "status") - before

        change_settings(window, lambda d: d.poll_speed.setCurrentIndex(2))
        quick = await polls_in(6.2)
        change_settings(window, lambda d: d.poll_speed.setCurrentIndex(0))
        await asyncio.sleep(0.5)
        gentle = await polls_in(6.2)
        # a loaded machine delays polls, never hastens them: a ratio, not a count
        assert quick >= 2 * max(gentle, 1), (quick, gentle)
        # notifications off: a code arrives without a notification; auto-copy on: copied
        def quiet(d: SettingsDialog) -> None:
            d.notifications.setChecked(False)
            d.auto_copy.setChecked(True)
            d.clear_after.setValue(1)
        change_settings(window, quiet)
        clipboard.clear()
        sim.next_codes("bloomsms", 1.0)
        third = await buy(window, "bloomsms")
        await until(lambda: window.desk.order(third).code is not None)
        code = window.desk.order(third).code
        await until(lambda: clipboard.text() == code, timeout=5)
        assert window.tray.pending is None, "no notification while they are off"
        # clipboard clearing after 1 s
        await until(lambda: clipboard.text() == "", timeout=4)
        # "Never" keeps it; notifications back on notify again
        def loud(d: SettingsDialog) -> None:
            d.notifications.setChecked(True)
            d.auto_copy.setChecked(False)
            d.clear_after.setValue(0)
        change_settings(window, loud)
        window.code_actions.copy(window.desk.order(third))
        await asyncio.sleep(1.5)
        assert clipboard.text() == code
        sim.next_codes("bloomsms", 1.0)
        fourth = await buy(window, "bloomsms")
        await until(lambda: window.tray.pending == fourth)
        # low-balance threshold
        await until(lambda: "bloomsms" in window.desk.balances)
        change_settings(window, lambda d: d.warn_below.setValue(100.0))
        assert window.balances.is_low("bloomsms")
        change_settings(window, lambda d: d.warn_below.setValue(0.5))
        assert not window.balances.is_low("bloomsms")
        # close-to-tray off: closing quits even with a tray
        quits: list[bool] = []
        window.quitRequested.connect(lambda: quits.append(True))
        change_settings(window, lambda d: d.close_to_tray.setChecked(False))
        window.close()
        assert quits == [True]

    run_window(qloop, qtbot, tmp_path, scenario, kinds=("bloomsms",), tray=True,
               settings=settings)
    # a restart reads every one of them back
    again = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    from bloomdesk.ui.preferences import load

    prefs = load(again)
    assert (prefs.poll_speed, prefs.notifications, prefs.auto_copy,
            prefs.clear_clipboard_after, prefs.warn_below, prefs.close_to_tray) == \
        (0.5, True, False, 0, Decimal("0.50"), False)


def test_settings_take_effect_after_a_restart(qloop: qasync.QEventLoop, qtbot: Any,
                                              tmp_path: Path) -> None:
    def tune(d: SettingsDialog) -> None:
        d.poll_speed.setCurrentIndex(2)
        d.auto_cancel.setChecked(False)
        d.clear_after.setValue(7)
        d.notifications.setChecked(False)
        d.auto_copy.setChecked(True)
        d.warn_below.setValue(12.5)

    async def first(window: MainWindow, sim: Simulator) -> None:
        change_settings(window, tune)
        window.resize(1000, 700)
        window.prices.table.setColumnWidth(3, 333)
        window.main_split.setSizes([300, 350])

    async def second(window: MainWindow, sim: Simulator) -> None:
        assert window.desk.settings.poll_speed == 2.0
        assert window.desk.settings.auto_cancel is False
        assert window.clipboard.clear_after == 7
        assert window.tray.enabled is False and window.code_actions.auto_copy is True
        assert window.auto_copy_action.isChecked()
        assert window.balances.threshold == Decimal("12.50")
        # (offscreen's 800x600 screen clamps a restored width: the height tells)
        assert window.height() == 700
        assert window.prices.table.columnWidth(3) == 333
        assert window.main_split.sizes()[0] < window.main_split.sizes()[1]

    run_window(qloop, qtbot, tmp_path, first, kinds=("bloomsms",), settings=ini(tmp_path))
    (tmp_path / "journal.sqlite3").unlink()
    run_window(qloop, qtbot, tmp_path, second, kinds=("bloomsms",), settings=ini(tmp_path))


def test_auto_cancel_setting_decides_whether_silence_is_paid_for(
        qloop: qasync.QEventLoop, qtbot: Any, tmp_path: Path) -> None:
    """BloomSMS legacy charges a silent order after 2 minutes: with auto-cancel on it is
    cancelled and refunded before that; turned off, the order runs and is paid for."""
    for enabled in (True, False):
        clock = Clock()
        folder = tmp_path / str(enabled)
        folder.mkdir()

        async def scenario(window: MainWindow, sim: Simulator, on: bool = enabled,
                           clk: Clock = clock) -> None:
            change_settings(window, lambda d: d.auto_cancel.setChecked(on))
            sim.next_codes("bloomsms-legacy", None)
            order_id = await buy(window, "bloomsms-legacy")
            price = window.desk.order(order_id).price
            assert price is not None
            clk.advance(101)  # past the deadline minus the 20 s margin
            if on:
                await until(lambda: window.desk.order(order_id).state is OrderState.CANCELLED)
                assert sim.balance("bloomsms-legacy", key_of("bloomsms-legacy")) == START
            else:
                await asyncio.sleep(4)  # several polls at the fast interval
                clk.advance(30)  # past the provider's 2 minutes
                await asyncio.sleep(4)
                assert window.desk.order(order_id).state is OrderState.WAITING
                assert sim.balance("bloomsms-legacy",
                                   key_of("bloomsms-legacy")) == START - price

        run_window(qloop, qtbot, folder, scenario, kinds=("bloomsms-legacy",), clock=clock)


def test_webhook_turned_on_in_settings_brings_codes_by_push(
        qloop: qasync.QEventLoop, qtbot: Any, tmp_path: Path) -> None:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    async def scenario(window: MainWindow, sim: Simulator) -> None:
        shown: list[str] = []

        def turn_on(d: SettingsDialog) -> None:
            d.webhook.setChecked(True)
            d.webhook_port.setValue(port)
            shown.append(d.webhook_url.text())
        change_settings(window, turn_on)
        await until(lambda: window.desk.receiver is not None)
        receiver = window.desk.receiver
        assert receiver is not None and shown == [receiver.url]
        assert f":{port}/bloomdesk/" in receiver.url
        with sim.lock:  # the user pastes the URL into the provider's dashboard
            sim.provider("bloomsms").accounts[key_of("bloomsms")].webhook_url = shown[0]
        sim.next_codes("bloomsms", 2.0)
        polls = sim.sent("bloomsms", "status")
        order_id = await buy(window, "bloomsms")
        await until(lambda: window.codes.count() == 1)
        assert window.desk.order(order_id).code == window.codes.nth(0).code  # type: ignore[union-attr]
        assert sim.sent("bloomsms", "status") == polls, "pushed, not polled"
        window.settings_action.trigger()
        status = window.settings_dialog.webhook_status.text()
        window.settings_dialog.reject()
        assert "1 code(s) received" in status
        change_settings(window, lambda d: d.webhook.setChecked(False))
        await until(lambda: window.desk.receiver is None)

    run_window(qloop, qtbot, tmp_path, scenario, kinds=("bloomsms",), tray=False,
               settings=ini(tmp_path))


def test_smoke_test_fails_with_the_reason_when_an_account_never_answers(
        qloop: qasync.QEventLoop, qtbot: Any, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    from bloomdesk.app import smoke_test

    async def scenario(window: MainWindow, sim: Simulator) -> None:
        window.desk.add_account("bloomsms", "unreachable", "sk_smoke_000000000001",
                                "http://127.0.0.1:9/api/v1")
        window.prices.set_rows([])
        code = await smoke_test(window, asyncio.Event(), timeout=2.0)
        assert code == 1

    run_window(qloop, qtbot, tmp_path, scenario, kinds=("bloomsms",), tray=False)
    out = capsys.readouterr().out
    assert "SMOKE FAILED after 2 s" in out and "no answer yet from unreachable" in out
