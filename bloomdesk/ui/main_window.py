"""The main window: balances on top, the price table, live orders and received codes.

Every request runs on the qasync loop (``spawn``); the window only reacts to the
Desk's events through the bridge, so a slow provider shows as a status line, never a
frozen window.  Provider errors appear in a non-modal banner.  The price side lives in
``window_prices.py``, the order side in ``window_orders.py``.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from functools import partial
from typing import Any

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QSplitter, QVBoxLayout, QWidget

from ..core import Desk
from ..core.errors import LocalError
from ..core.events import ErrorKind, ErrorRaised
from ..providers.errors import ProviderError
from ..store import StoreError
from . import preferences
from .accounts_dialog import AccountsDialog
from .balances import BalanceBar
from .bridge import DeskBridge
from .codes import CodesPane, SecretClipboard
from .icons import app_icon
from .notices import Banner, CodeNotice
from .orders_model import OrdersModel
from .orders_panel import OrdersPanel
from .preferences import Preferences
from .price_panel import PricePanel
from .settings_dialog import SettingsDialog
from .tray import Tray
from .webhook_control import WebhookControl
from .window_orders import OrdersAndCodes
from .window_prices import PricesAndBuying

log = logging.getLogger(__name__)

__all__ = ["Banner", "MainWindow"]


class MainWindow(PricesAndBuying, OrdersAndCodes, QMainWindow):
    # Asks the app to shut down: the main coroutine then closes everything in order
    # (stopping Qt's loop first would leave that cleanup unrun).
    quitRequested = Signal()  # noqa: N815

    def __init__(self, desk: Desk, settings: QSettings | None = None, *,
                 confirm_buys: bool = True, tray: bool | None = None) -> None:
        """`tray`: None asks the desktop whether it has a system tray."""
        super().__init__()
        self.desk = desk
        self.settings = settings
        self.confirm_buys = confirm_buys
        self.auto_copy = False
        self.setWindowTitle("BloomDesk")
        self.setWindowIcon(app_icon())
        self.resize(1280, 820)
        self.bridge = DeskBridge(desk, self)
        self.clipboard = SecretClipboard(30.0, self)
        self.balances = BalanceBar(self)
        self.banner = Banner(self)
        self.code_notice = CodeNotice(self)
        self.prices = PricePanel(self)
        self.orders_model = OrdersModel(desk.clock, self)
        self.orders = OrdersPanel(self.orders_model, self)
        self.codes = CodesPane(self)
        self.tray = Tray(self, self.code_notice, available=tray)
        self.webhooks = WebhookControl(self)
        self._offers: dict[str, list[Any]] = {}
        self._loading: set[str] = set()
        self._tasks: set[asyncio.Task[Any]] = set()
        self._told_tray = False
        self.buying = False
        self._build()
        self._connect()
        self._shortcuts()
        self.prefs = preferences.load(settings)
        self.apply(self.prefs)
        if settings is not None:
            saved = settings.value("prices/favourites", [])
            items = saved if isinstance(saved, list) else [saved] if saved else []
            self.prices.model.favourites = {str(item) for item in items}
            self._restore_state(settings)
        self.reload_accounts()
        self.orders_model.set_orders(desk.open_orders())
        self.tray.set_count(self.orders_model.rowCount())
        for order in desk.history(200):
            if order.code and not order.state.is_final:
                self.codes.add(order)

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        self.bottom_split = bottom = QSplitter(Qt.Orientation.Horizontal, self)
        bottom.setObjectName("bottom-split")
        bottom.addWidget(self.orders)
        bottom.addWidget(self.codes)
        bottom.setStretchFactor(0, 3)
        bottom.setStretchFactor(1, 1)
        bottom.setSizes([900, 330])
        self.main_split = main = QSplitter(Qt.Orientation.Vertical, self)
        main.setObjectName("main-split")
        main.addWidget(self.prices)
        main.addWidget(bottom)
        main.setStretchFactor(0, 3)
        main.setStretchFactor(1, 2)
        main.setSizes([460, 300])
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.balances)
        layout.addWidget(self.banner)
        layout.addWidget(self.code_notice)
        layout.addWidget(main, 1)
        self.setCentralWidget(central)
        self.statusBar().showMessage("Starting…")

    def _connect(self) -> None:
        b = self.bridge
        b.orderAdded.connect(self._order_changed)
        b.orderChanged.connect(self._order_changed)
        b.codeReceived.connect(self._code_received)
        b.balanceChanged.connect(self.balances.set_balance)
        b.errorRaised.connect(self._error_event)
        self.balances.refresh_button.clicked.connect(self.refresh)
        self.prices.accountChosen.connect(self.show_offers)
        self.prices.table.buyRequested.connect(self.request_buy)
        self.prices.table.favouriteToggled.connect(self._save_favourites)
        self.orders.actionRequested.connect(self._action)
        self.orders.phoneCopied.connect(self._copy_phone)
        self.orders.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.codes.activated.connect(self.copy_code)
        self.tray.showRequested.connect(self.show_from_tray)
        self.tray.copyRequested.connect(self.copy_notified)
        self.tray.copyNewestRequested.connect(self.copy_newest_code)
        self.tray.quitRequested.connect(self.quit)
        self.orders_model.rowsInserted.connect(self._count_changed)
        self.orders_model.rowsRemoved.connect(self._count_changed)
        self.orders_model.modelReset.connect(self._count_changed)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._on_tick)
        self._balance_timer = QTimer(self)
        self._balance_timer.setInterval(90_000)
        self._balance_timer.timeout.connect(self.refresh_balances)

    def _shortcuts(self) -> None:
        def add(text: str, keys: QKeySequence | QKeySequence.StandardKey | str, slot: Any,
                context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut) -> QAction:
            action = QAction(text, self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(context)
            action.triggered.connect(slot)
            self.addAction(action)
            return action

        menu = self.menuBar()
        file_menu = menu.addMenu("&File")
        file_menu.addAction(add("Refresh balances and prices", "F5", self.refresh))
        file_menu.addSeparator()
        self.accounts_action = add("Accounts…", "Ctrl+Shift+A", self.open_accounts)
        file_menu.addAction(self.accounts_action)
        self.settings_action = add("Settings…", "Ctrl+,", self.open_settings)
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        file_menu.addAction(add("Quit", "Ctrl+Q", self.quit))
        edit = menu.addMenu("&Edit")
        edit.addAction(add("Find offer", QKeySequence.StandardKey.Find, self.focus_filter))
        edit.addAction(add("Copy selected code", "Ctrl+C", self.copy_selected_code))
        edit.addAction(add("Copy newest code", "Ctrl+Shift+C", self.copy_newest_code))
        for n in range(1, 10):
            add(f"Copy code {n}", f"Ctrl+{n}", partial(self.copy_nth, n - 1))
        self.auto_copy_action = edit.addAction("Copy new codes automatically")
        self.auto_copy_action.setCheckable(True)
        self.auto_copy_action.toggled.connect(self._auto_copy_toggled)
        self.view_menu = menu.addMenu("&View")
        self.view_menu.addAction(self.prices.hide_empty.text()).triggered.connect(
            self.prices.hide_empty.toggle)

    # ------------------------------------------------------------------ preferences
    def apply(self, prefs: Preferences) -> None:
        """Make every preference take effect now (pollers pick up the speed at once)."""
        self.prefs = prefs
        self.desk.set_poll_speed(prefs.poll_speed)
        self.desk.settings.auto_cancel = prefs.auto_cancel
        self.clipboard.clear_after = float(prefs.clear_clipboard_after)
        self.tray.enabled = prefs.notifications
        self.balances.set_threshold(prefs.warn_below)
        self.auto_copy_action.setChecked(prefs.auto_copy)
        self.auto_copy = prefs.auto_copy

    def _save_prefs(self) -> None:
        if self.settings is not None:
            preferences.save(self.settings, self.prefs)

    def _auto_copy_toggled(self, on: bool) -> None:
        self.auto_copy = on
        if self.prefs.auto_copy != on:
            self.prefs.auto_copy = on
            self._save_prefs()

    def open_settings(self) -> None:
        dialog = SettingsDialog(self.prefs, tray=self.tray.available,
                                webhook_status=self.webhooks.status(), parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(partial(self._settings_accepted, dialog))
        self.settings_dialog = dialog
        dialog.open()

    def _settings_accepted(self, dialog: SettingsDialog) -> None:
        before = self.prefs
        prefs = dialog.preferences()
        self.apply(prefs)
        self._save_prefs()
        hook = ("webhook_enabled", "webhook_host", "webhook_port", "webhook_token")
        if any(getattr(before, name) != getattr(prefs, name) for name in hook):
            self.webhooks.restart()
        self.statusBar().showMessage("Settings saved", 3000)

    def open_accounts(self) -> None:
        dialog = AccountsDialog(self.desk, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accountsChanged.connect(self._accounts_changed)
        self.accounts_dialog = dialog
        dialog.open()

    def _accounts_changed(self) -> None:
        self.banner.dismiss()
        self.reload_accounts()
        self.refresh()

    # ------------------------------------------------------------------ window state
    def _restore_state(self, settings: QSettings) -> None:
        for key, restore in (("window/geometry", self.restoreGeometry),
                             ("window/main_split", self.main_split.restoreState),
                             ("window/bottom_split", self.bottom_split.restoreState),
                             ("prices/header", self.prices.table.horizontalHeader()
                              .restoreState),
                             ("orders/header", self.orders.table.horizontalHeader()
                              .restoreState)):
            value = settings.value(key)
            if isinstance(value, QByteArray | bytes) and value:
                restore(QByteArray(value))

    def save_state(self) -> None:
        """Geometry, splitters and the tables' columns (order, widths, sort)."""
        if self.settings is None:
            return
        s = self.settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/main_split", self.main_split.saveState())
        s.setValue("window/bottom_split", self.bottom_split.saveState())
        s.setValue("prices/header", self.prices.table.horizontalHeader().saveState())
        s.setValue("orders/header", self.orders.table.horizontalHeader().saveState())
        s.sync()

    # ------------------------------------------------------------------ async helpers
    def spawn(self, coro: Coroutine[Any, Any, Any], what: str) -> asyncio.Task[Any]:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)

        def done(t: asyncio.Task[Any]) -> None:
            self._tasks.discard(t)
            if t.cancelled():
                return
            exc = t.exception()
            if isinstance(exc, ProviderError | StoreError | LocalError):
                self._error(None, f"{what}: {exc}")
            elif exc is not None:
                log.error("%s failed", what, exc_info=exc)
                self._error(None, f"{what} failed unexpectedly: {type(exc).__name__}")

        task.add_done_callback(done)
        return task

    def start(self, refresh: bool = True) -> None:
        """Start the countdowns and periodic refreshes, and load balances and prices
        (`refresh=False`: timers only, as the polling benchmark wants). A window built
        only to be looked at (tests, screenshots) never ticks."""
        self._tick.start()
        self._balance_timer.start()
        if refresh:
            self.refresh()

    async def shutdown(self) -> None:
        if self.isVisible():
            self.save_state()
        self._tick.stop()
        self._balance_timer.stop()
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        self.clipboard.clear_if_ours()
        self.tray.close()
        self.bridge.close()

    # ------------------------------------------------------------------ tray
    def _count_changed(self, *_: object) -> None:
        self.tray.set_count(self.orders_model.rowCount())

    def show_from_tray(self) -> None:
        self.show()
        self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.raise_()
        self.activateWindow()

    def copy_notified(self, order_id: int) -> None:
        """A code notification was clicked: bring the window and copy that code."""
        self.show_from_tray()
        row = self.orders_model.row_of(order_id)
        order = self.orders_model.order_at(row) if row >= 0 else None
        if order is None or not order.code:
            order = self.desk.order(order_id)
        self.copy_code(order)

    # ------------------------------------------------------------------ errors, quit
    def _error_event(self, event: ErrorRaised) -> None:
        if event.kind is ErrorKind.BALANCE and event.account:
            self.balances.set_error(event.account, event.message)
        self._error(event.account, event.message)

    def _error(self, account: str | None, message: str) -> None:
        text = f"{account}: {message}" if account else message
        self.banner.show_message(text)
        self.statusBar().showMessage(text, 10000)

    def quit(self) -> None:
        self.quitRequested.emit()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        event.ignore()  # the shutdown closes the window once everything is saved
        if self.tray.available and self.prefs.close_to_tray:
            self.save_state()
            self.hide()  # polling goes on; the tray brings the window back
            if not self._told_tray:
                self._told_tray = True
                self.tray.say("BloomDesk is still running",
                              "Orders are still polled and codes still notified. "
                              "Quit from the tray menu.")
            return
        self.quit()
