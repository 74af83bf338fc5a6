"""The main window: balances on top, the price table, live orders and received codes.

The window assembles; helpers do the work, each handed what it uses (prices, buying,
order actions, codes, webhooks); it reacts to the Desk's events through the bridge.
It is built in two steps so that it paints at once: the widgets (and, through
:meth:`preview`, cached prices) need neither the Desk nor its imports (httpx, the
keyring, asyncio); :meth:`attach` then hands it the Desk and builds the helpers that
act, after the first paint.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import QMainWindow, QWidget

from . import preferences
from .access import arrange
from .balances import BalanceBar
from .codes import CodesPane, SecretClipboard
from .icons import app_icon
from .layout import assemble, fill_menus, fitting, timer
from .names import Names
from .notices import Banner, CodeNotice
from .orders_model import OrdersModel
from .orders_panel import OrdersPanel
from .preferences import Preferences
from .price_controller import PriceController
from .price_panel import PricePanel
from .tasks import Messages, Tasks, route_error
from .tray import Tray
from .window_state import WindowState

if TYPE_CHECKING:
    from ..core import Desk
    from ..core.events import ErrorRaised
    from ..store.cache import Cached
    from .accounts_control import AccountsControl
    from .accounts_dialog import AccountsDialog
    from .bridge import DeskBridge
    from .buying import Buyer
    from .code_actions import CodeActions
    from .order_actions import OrderActions
    from .webhook_control import WebhookControl

__all__ = ["Banner", "MainWindow"]


class MainWindow(QMainWindow):
    # Asks the app to shut down: the main coroutine then closes everything in order
    # (stopping Qt's loop first would leave that cleanup unrun).
    quitRequested = Signal()  # noqa: N815
    desk: Desk  # and the helpers below: from attach() on
    bridge: DeskBridge
    buyer: Buyer
    order_actions: OrderActions
    code_actions: CodeActions
    accounts_control: AccountsControl
    webhooks: WebhookControl
    auto_copy_action: QAction

    def __init__(self, desk: Desk | None = None, settings: QSettings | None = None, *,
                 confirm_buys: bool = True, tray: bool | None = None) -> None:
        """`tray`: None asks the desktop whether it has a system tray; `confirm_buys`
        False spends without asking (benchmarks and tests of what follows)."""
        super().__init__()
        self.settings = settings
        self.confirm_buys = confirm_buys
        self.attached = False
        self.setWindowTitle("BloomDesk")
        self.resize(fitting(1280, 820))
        self.names = Names(self)
        self.clipboard = SecretClipboard(30.0, self)
        self.balances = BalanceBar(self)
        self.banner = Banner(self)
        self.code_notice = CodeNotice(self)
        self.prices = PricePanel(self, self.names)
        self.orders_model = OrdersModel(time.time, self, self.names)
        self.orders = OrdersPanel(self.orders_model, self)
        self.codes = CodesPane(self)
        self.tray = Tray(self, self.code_notice, available=tray)
        self._build()
        self.report = Messages(self.statusBar(), self.banner)
        self.tasks = Tasks(self.report)
        self.price_side = PriceController(self.prices, self.balances, self.names,
                                          self.report, self.tasks, settings, self)
        self.prefs = preferences.load(settings)
        self.state = WindowState(settings, {
            "window/geometry": (self.saveGeometry, self.restoreGeometry),
            "window/main_split": (self.main_split.saveState, self.main_split.restoreState),
            "window/bottom_split": (self.bottom_split.saveState,
                                    self.bottom_split.restoreState),
            # new keys: the old ones kept a 600 px stretched Account column
            "prices/columns": (self.prices.table.horizontalHeader().saveState,
                               self.prices.table.horizontalHeader().restoreState),
            # v2: Free cancel moved next to Status (an older saved order is not applied)
            "orders/columns-v2": (self.orders.table.horizontalHeader().saveState,
                               self.orders.table.horizontalHeader().restoreState)})
        self._told_tray = False
        self._tick = timer(self, 1000, self._on_tick)
        self._balance_timer = timer(self, 90_000, self.price_side.refresh_balances)
        for menu in (self.tr("&File"), self.tr("&Edit"), self.tr("&View")):  # see attach()
            self.menuBar().addMenu(menu)
        self.apply(self.prefs)
        self.state.restore()
        if desk is not None:
            self.attach(desk)

    def preview(self, cached: Sequence[Cached], labels: Sequence[str]) -> None:
        """Before the Desk: the accounts and each one's cached prices, with their age."""
        self.price_side.preview(cached, labels)

    def attach(self, desk: Desk) -> None:
        """The Desk arrives: the helpers that act on it, the menus, the open orders."""
        from .accounts_control import AccountsControl
        from .bridge import DeskBridge
        from .buying import Buyer
        from .code_actions import CodeActions
        from .history import History
        from .order_actions import OrderActions
        from .webhook_control import WebhookControl

        self.desk = desk
        self.setWindowIcon(app_icon())  # not before the first paint: ~10 ms of QtGui
        self.orders_model.clock = desk.clock
        self.bridge = DeskBridge(desk, self)
        self.buyer = Buyer(desk, self.prices, self.names, self.report, self.tasks,
                           lambda order: self.orders.select_order(order.id),
                           confirm=self.confirm_buys,
                           side=self.price_side, parent=self)
        self.order_actions = OrderActions(desk, self.orders, self.names, self.report,
                                          self.tasks, confirm=self.confirm_buys, parent=self)
        self.code_actions = CodeActions(desk, self.codes, self.orders, self.clipboard, self.tray,
                                        self.names, self.report, self.show_from_tray, self)
        self.webhooks = WebhookControl(desk, lambda: self.prefs, self.report, self.tasks, self)
        self.history = History(desk, self.names, self.bridge.orderChanged, self)
        self.accounts_control = AccountsControl(desk, self.price_side, self.banner,
                                                self.report, self)
        self._connect()
        self._menus()
        self.attached = True
        self.apply(self.prefs)
        self.price_side.attach(desk)
        self.orders_model.set_orders(desk.open_orders())
        self._count_changed()
        for order in desk.history(200):
            if order.code and not order.state.is_final:
                self.codes.add(order, self.names.service(order.service))

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        self.main_split, self.bottom_split = assemble(
            self, self.balances, self.prices, self.orders, self.codes,
            [self.banner, self.code_notice])
        self.statusBar().showMessage(self.tr("Starting…"))
        arrange(self.prices, self.orders, self.codes, self.balances.refresh_button)
        self.tray.showRequested.connect(self.show_from_tray)
        self.tray.quitRequested.connect(self.quit)
        for signal in (self.orders_model.rowsInserted, self.orders_model.rowsRemoved,
                       self.orders_model.modelReset):
            signal.connect(self._count_changed)

    def _connect(self) -> None:
        b = self.bridge
        for each in (b.orderAdded, b.orderChanged):
            each.connect(self.order_actions.order_changed)
        b.orderChanged.connect(self.codes.refresh_order)  # a shown code's full message
        b.codeReceived.connect(self.code_actions.received)
        b.balanceChanged.connect(self.balances.set_balance)
        b.errorRaised.connect(self._error_event)
        b.accountsChanged.connect(self.accounts_control.changed_elsewhere)

    def _menus(self) -> None:
        hide = QAction(self.prices.hide_empty.text(), self)
        hide.triggered.connect(self.prices.hide_empty.toggle)
        made = fill_menus(self, self.price_side, self.code_actions, {
            "accounts": self.open_accounts, "settings": self.open_settings,
            "history": self.history.open, "quit": self.quit}, hide)
        self.accounts_action, self.settings_action = made["accounts"], made["settings"]
        self.auto_copy_action = made["auto_copy"]
        self.auto_copy_action.toggled.connect(self._auto_copy_toggled)

    # ------------------------------------------------------------------ preferences
    def apply(self, prefs: Preferences) -> None:
        """Make every preference take effect now (pollers pick up the speed at once)."""
        self.prefs = prefs
        self.clipboard.clear_after = float(prefs.clear_clipboard_after)
        self.tray.enabled = prefs.notifications
        self.balances.set_threshold(prefs.warn_below)
        if self.attached:
            self.desk.set_poll_speed(prefs.poll_speed)
            self.desk.settings.auto_cancel = prefs.auto_cancel
            self.auto_copy_action.setChecked(prefs.auto_copy)
            self.code_actions.auto_copy = prefs.auto_copy

    def _auto_copy_toggled(self, on: bool) -> None:
        self.code_actions.auto_copy = on
        if self.prefs.auto_copy != on:
            self.prefs.auto_copy = on
            self._save_prefs()

    def _save_prefs(self) -> None:
        if self.settings is not None:
            preferences.save(self.settings, self.prefs)

    def open_settings(self) -> None:
        from .settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.prefs, tray=self.tray.available,
                                webhook_status=self.webhooks.status(), parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(partial(self._settings_accepted, dialog))
        self.settings_dialog = dialog
        dialog.open()

    def _settings_accepted(self, dialog: QWidget) -> None:
        before, prefs = self.prefs, dialog.preferences()  # type: ignore[attr-defined]
        self.apply(prefs)
        self._save_prefs()
        if any(getattr(before, f"webhook_{name}") != getattr(prefs, f"webhook_{name}")
               for name in ("enabled", "host", "port", "token")):
            self.webhooks.restart()
        self.report(self.tr("Settings saved"), timeout=3000)

    def open_accounts(self) -> None:
        self.accounts_control.open()

    @property
    def accounts_dialog(self) -> AccountsDialog | None:
        """The Accounts dialog while it is open."""
        return self.accounts_control.dialog

    # ------------------------------------------------------------------ running
    def start(self, refresh: bool = True) -> None:
        """Start the countdowns and periodic refreshes, and load balances and prices
        (`refresh=False`: timers only, as the polling benchmark wants). A window built
        only to be looked at (tests, screenshots) never ticks."""
        self._tick.start()
        self._balance_timer.start()
        if refresh:
            self.price_side.refresh()

    def _on_tick(self) -> None:
        if self.attached:
            self.order_actions.tick()
        self.price_side.update_state()

    def save_state(self) -> None:
        """Geometry, splitters and the tables' columns (order, widths, sort)."""
        self.state.save()

    async def shutdown(self) -> None:
        if self.isVisible():
            self.save_state()
        self._tick.stop()
        self._balance_timer.stop()
        await self.price_side.flush()
        await self.tasks.cancel_all()
        self.clipboard.clear_if_ours()
        self.tray.close()
        if self.attached:
            self.bridge.close()

    def _error_event(self, event: ErrorRaised) -> None:
        route_error(event, self.report, self.balances, buying=self.buyer.busy)

    # ------------------------------------------------------------------ tray, quit
    def _count_changed(self, *_: object) -> None:
        self.tray.set_count(self.orders_model.rowCount())

    def show_from_tray(self) -> None:
        self.show()
        self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.raise_()
        self.activateWindow()

    def quit(self) -> None:
        self.quitRequested.emit()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        event.ignore()  # the shutdown closes the window once everything is saved
        if self.tray.available and self.prefs.close_to_tray:
            self.save_state()
            self.hide()  # polling goes on; the tray brings the window back
            if not self._told_tray:
                self._told_tray = True
                self.tray.say_still_running()
            return
        self.quit()
