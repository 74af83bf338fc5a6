"""Living with the app all day: code notifications, the tray, close-to-tray, quit."""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path
from typing import Any

import qasync
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from bloomdesk.sim import Simulator
from bloomdesk.ui.main_window import MainWindow
from tests.gui.harness import run_window, until


async def buy(window: MainWindow, label: str, service: str = "tg") -> int:
    offers = [o for o in await window.desk.offers(label, service) if o.stock > 60]
    best = min(offers, key=lambda o: o.price)
    order = await window.desk.buy(label, service, best.country, price=best.price)
    return order.id


def test_code_notice_in_the_window_without_a_tray(qloop: qasync.QEventLoop, qtbot: Any,
                                                   tmp_path: Path) -> None:
    async def scenario(window: MainWindow, sim: Simulator) -> None:
        assert not window.tray.available  # offscreen: no system tray
        order_id = await buy(window, "bloomsms")
        await until(lambda: window.code_notice.isVisible())
        code = sim.activations("bloomsms")[0].code
        assert code and code in window.code_notice.text()
        QGuiApplication.clipboard().clear()
        qtbot.mouseClick(window.code_notice.copy_button, Qt.MouseButton.LeftButton)
        assert QGuiApplication.clipboard().text() == code
        assert not window.code_notice.isVisible()
        assert window.desk.order(order_id).code == code

    run_window(qloop, qtbot, tmp_path, scenario, kinds=("bloomsms",), tray=False)


def test_tray_notification_close_to_tray_and_quit(qloop: qasync.QEventLoop, qtbot: Any,
                                                  tmp_path: Path) -> None:
    async def scenario(window: MainWindow, sim: Simulator) -> None:
        tray = window.tray
        assert tray.available and "no active orders" in tray.icon.toolTip()
        first = await buy(window, "bloomsms")
        await until(lambda: tray.pending == first)
        assert "1 active order" in tray.icon.toolTip()
        assert not window.code_notice.isVisible(), "the tray carries it, not the window"
        QGuiApplication.clipboard().clear()
        tray.icon.messageClicked.emit()  # the user clicks the notification
        assert QGuiApplication.clipboard().text() == window.desk.order(first).code
        # closing the window hides it; polling goes on and codes are still notified
        quits: list[bool] = []
        window.quitRequested.connect(lambda: quits.append(True))
        window.close()
        assert not window.isVisible() and quits == []
        sim.next_codes("bloomsms", 3.0)
        second = await buy(window, "bloomsms")
        polls = sim.sent("bloomsms", "status")
        await until(lambda: tray.pending == second, timeout=20)
        assert sim.sent("bloomsms", "status") > polls
        assert "2 active orders" in tray.icon.toolTip()
        tray.icon.messageClicked.emit()
        assert window.isVisible(), "clicking the notification brings the window back"
        assert QGuiApplication.clipboard().text() == window.desk.order(second).code
        # Quit in the tray menu asks the app to quit
        tray.quit_action.trigger()
        assert quits == [True]

    run_window(qloop, qtbot, tmp_path, scenario, kinds=("bloomsms",), tray=True)


def test_quit_from_the_tray_menu_exits_the_app_cleanly(qloop: qasync.QEventLoop,
                                                       qapp: QApplication) -> None:
    """The real app on its demo: the tray menu's Quit ends `run` with 0, journal closed
    and the demo's state folder gone."""
    import signal

    from bloomdesk import app

    handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}

    async def main() -> int:
        run = asyncio.ensure_future(app.run(qapp, argparse.Namespace(demo=True,
                                                                     state_dir=None)))
        def demo_window() -> MainWindow | None:
            return next((w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow)
                         and w.isVisible() and "demo" in w.windowTitle()), None)

        await until(lambda: demo_window() is not None, timeout=20)
        window = demo_window()
        assert window is not None
        desk = window.desk
        await until(lambda: all(label in desk.balances for label in
                                (a.label for a in desk.accounts())), timeout=20)
        folder = Path(desk.store.path).parent
        window.tray.quit_action.trigger()
        code = await asyncio.wait_for(run, 20)
        assert not folder.exists()
        return code

    try:
        assert qloop.run_until_complete(main()) == 0
    finally:
        for sig, handler in handlers.items():
            signal.signal(sig, handler)
