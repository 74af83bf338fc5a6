"""What the GUI tests share: one qasync loop, the window on the simulator, waiting."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Coroutine
from decimal import Decimal
from pathlib import Path
from typing import Any

import qasync
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QTableView

from bloomdesk.core import Desk, DeskSettings
from bloomdesk.secrets import KeyStore
from bloomdesk.sim import Simulator
from bloomdesk.store import Store
from bloomdesk.ui.main_window import MainWindow

KEYS = {"bloomsms": "sk_gui_bloomsms_000001", "smsbulk": "gui-smsbulk-key-000001"}
START = Decimal("10.00")


def key_of(kind: str) -> str:
    return KEYS.get(kind, f"gui-{kind}-key-0001")


Scenario = Callable[[MainWindow, Simulator], Coroutine[Any, Any, None]]


async def until(predicate: Callable[[], bool], timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for the window")
        await asyncio.sleep(0.05)


async def buy(desk: Desk, label: str, service: str = "tg") -> tuple[int, Decimal]:
    """Buy the cheapest well-stocked offer straight through the Desk: (order id, price)."""
    offers = [o for o in await desk.offers(label, service) if o.stock > 60]
    best = min(offers, key=lambda o: o.price)
    order = await desk.buy(label, service, best.country, price=best.price)
    return order.id, best.price


def visible_box() -> QMessageBox | None:
    """The question on screen, if any."""
    return next((w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QMessageBox) and w.isVisible()), None)


def status(window: MainWindow) -> str:
    """What the status line says now."""
    return window.statusBar().currentMessage()


def click_row(qtbot: Any, table: QTableView, row: int, column: int = 1) -> None:
    """A mouse click on a cell, as a user picks a row."""
    rect = table.visualRect(table.model().index(row, column))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def selected_key(table: QTableView) -> tuple[str, str, str] | None:
    """The offer highlighted in the price table, as (account, service, country id)."""
    rows = table.selectionModel().selectedRows()
    if not rows:
        return None
    offer = table.model().offer_at(rows[0].row())  # type: ignore[attr-defined]
    return (offer.account, offer.service, offer.country) if offer else None


async def in_stock(desk: Desk, label: str, service: str = "tg") -> tuple[str, Decimal]:
    offers = [o for o in await desk.offers(label, service) if o.stock > 60]
    best = min(offers, key=lambda o: o.price)
    return best.country, best.price


def buy_first_in_stock(window: MainWindow, qtbot: Any, text: str = "telegram") -> None:
    window.prices.filter.setText(text)
    window.prices.apply_filter()
    window.prices.hide_empty.setChecked(True)
    table = window.prices.table
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Return)


def accept_confirmation(window: MainWindow) -> str:
    box = QApplication.activeModalWidget() or next(
        w for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.isVisible())
    assert isinstance(box, QMessageBox)
    text = box.text()
    box.button(QMessageBox.StandardButton.Yes).click()
    window.activateWindow()  # what the window manager does when a dialog closes
    return text


def run_window(qloop: qasync.QEventLoop, qtbot: Any, tmp_path: Path, scenario: Scenario,
               *, latency: float = 0.0, kinds: tuple[str, ...] = ("bloomsms", "smsbulk"),
               confirm: bool = True, tray: bool | None = None,
               settings: QSettings | None = None, keys: KeyStore | None = None,
               clock: Callable[[], float] = time.time) -> None:
    """Run `scenario` on a started window over a started Desk, one account per kind
    (named after its kind) on a fresh simulator, then shut everything down."""
    async def main() -> None:
        with Simulator(latency=latency, clock=clock) as sim:
            for prov in sim.providers.values():
                prov.rules.code_delay = 1.0
            desk = Desk(Store(tmp_path / "journal.sqlite3"),
                        keys or KeyStore(memory_only=True), settings=DeskSettings(timeout=10),
                        clock=clock)
            for kind in kinds:
                sim.add_account(kind, key_of(kind), START)
                desk.add_account(kind, kind, key_of(kind), sim.url(kind))
            window = MainWindow(desk, settings, confirm_buys=confirm, tray=tray)
            window.show()
            window.activateWindow()  # shortcuts fire in the active window, as for a user
            await until(window.isActiveWindow, timeout=5)
            await desk.start()
            window.start()
            try:
                await scenario(window, sim)
            finally:
                await window.shutdown()
                await desk.stop()
                desk.store.close()
                window.hide()
                window.deleteLater()  # deleted now, while its loop still runs
                QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    qloop.run_until_complete(main())


