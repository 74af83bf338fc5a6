"""What the GUI tests share: one qasync loop, the window on the simulator, waiting."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Coroutine
from decimal import Decimal
from pathlib import Path
from typing import Any

import qasync
from PySide6.QtCore import QEvent, QSettings
from PySide6.QtWidgets import QApplication

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


