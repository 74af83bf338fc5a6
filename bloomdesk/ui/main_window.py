"""The main window: balances on top, the price table, live orders and received codes.

The window assembles; the work is done by helpers, each handed exactly what it uses
(the Desk, its panel, the name cache, ``report`` and ``spawn``): prices
(:class:`PriceController`), buying (:class:`Buyer`), order actions
(:class:`OrderActions`), codes (:class:`CodeActions`) and webhooks.  Every request
runs on the qasync loop; the window only reacts to the Desk's events through the
bridge, so a slow provider shows as a status line, never a frozen window.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QSplitter, QVBoxLayout, QWidget

from ..core import Desk, Order
from ..core.events import ErrorKind, ErrorRaised
from . import preferences
from .accounts_dialog import AccountsDialog
from .balances import BalanceBar
from .bridge import DeskBridge
from .buying import Buyer
from .code_actions import CodeActions
from .codes import CodesPane, SecretClipboard
from .icons import app_icon
from .names import Names
from .notices import Banner, CodeNotice, NoticeStack
from .order_actions import OrderActions
from .orders_model import OrdersModel
from .orders_panel import OrdersPanel
from .preferences import Preferences
from .price_controller import PriceController
from .price_panel import PricePanel
from .settings_dialog import SettingsDialog
from .tasks import Messages, Tasks
from .tray import Tray
from .webhook_control import WebhookControl
from .window_state import WindowState, add_action

__all__ = ["Banner", "MainWindow"]


class MainWindow(QMainWindow):
    # Asks the app to shut down: the main coroutine then closes everything in order
    # (stopping Qt's loop first would leave that cleanup unrun).
    quitRequested = Signal()  # noqa: N815

    def __init__(self, desk: Desk, settings: QSettings | None = None, *,
                 confirm_buys: bool = True, tray: bool | None = None) -> None:
        """`tray`: None asks the desktop whether it has a system tray; `confirm_buys`
        False spends without asking (benchmarks and tests of what follows)."""
        super().__init__()
        self.desk = desk
        self.settings = settings
        self.setWindowTitle("BloomDesk")
        self.setWindowIcon(app_icon())
        self.resize(1280, 820)
        self.names = Names(self)
        self.bridge = DeskBridge(desk, self)
        self.clipboard = SecretClipboard(30.0, self)
        self.balances = BalanceBar(self)
        self.banner = Banner(self)
        self.code_notice = CodeNotice(self)
        self.prices = PricePanel(self, self.names)
        self.orders_model = OrdersModel(desk.clock, self, self.names)
        self.orders = OrdersPanel(self.orders_model, self)
        self.codes = CodesPane(self)
        self.tray = Tray(self, self.code_notice, available=tray)
        self._build()
        self.report = Messages(self.statusBar(), self.banner)
        self.tasks = Tasks(self.report)
        self.price_side = PriceController(desk, self.prices, self.balances, self.names,
                                          self.report, self.tasks, settings, self)
        self.buyer = Buyer(desk, self.prices, self.names, self.report, self.tasks,
                           self._bought, confirm=confirm_buys, parent=self)
        self.order_actions = OrderActions(desk, self.orders, self.names, self.report,
                                          self.tasks, confirm=confirm_buys, parent=self)
        self.code_actions = CodeActions(desk, self.codes, self.orders, self.clipboard,
                                        self.tray, self.names, self.report,
                                        self.show_from_tray, self)
        self.prefs = preferences.load(settings)
        self.webhooks = WebhookControl(desk, lambda: self.prefs, self.report, self.tasks,
                                       self)
        self.state = WindowState(settings, {
            "window/geometry": (self.saveGeometry, self.restoreGeometry),
            "window/main_split": (self.main_split.saveState, self.main_split.restoreState),
            "window/bottom_split": (self.bottom_split.saveState,
                                    self.bottom_split.restoreState),
            # new keys: the old ones kept a 600 px stretched Account column
            "prices/columns": (self.prices.table.horizontalHeader().saveState,
                               self.prices.table.horizontalHeader().restoreState),
            "orders/columns": (self.orders.table.horizontalHeader().saveState,
                               self.orders.table.horizontalHeader().restoreState)})
        self._told_tray = False
        self._connect()
        self._menus()
        self.apply(self.prefs)
        self.state.restore()
        self.price_side.reload_accounts()
        self.orders_model.set_orders(desk.open_orders())
        self._count_changed()
        for order in desk.history(200):
            if order.code and not order.state.is_final:
                self.codes.add(order, self.names.service(order.service))

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        self.bottom_split = bottom = QSplitter(Qt.Orientation.Horizontal, self)
        bottom.setObjectName("bottom-split")
        bottom.addWidget(self.orders)
        bottom.addWidget(self.codes)
        bottom.setCollapsible(1, False)
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
        layout.addWidget(main, 1)
        self.setCentralWidget(central)
        # over the window, outside the layout: a notice never moves the tables
        self.notices = NoticeStack(central, [self.banner, self.code_notice], self.codes)
        self.statusBar().showMessage("Starting…")

    def _connect(self) -> None:
        b = self.bridge
        b.orderAdded.connect(self.order_actions.order_changed)
        b.orderChanged.connect(self.order_actions.order_changed)
        b.codeReceived.connect(self.code_actions.received)
        b.balanceChanged.connect(self.balances.set_balance)
        b.errorRaised.connect(self._error_event)
        self.tray.showRequested.connect(self.show_from_tray)
        self.tray.quitRequested.connect(self.quit)
        for signal in (self.orders_model.rowsInserted, self.orders_model.rowsRemoved,
                       self.orders_model.modelReset):
            signal.connect(self._count_changed)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._on_tick)
        self._balance_timer = QTimer(self)
        self._balance_timer.setInterval(90_000)
        self._balance_timer.timeout.connect(self.price_side.refresh_balances)

    def _menus(self) -> None:
        codes, prices = self.code_actions, self.price_side
        file_menu = self.menuBar().addMenu("&File")
        add_action(self, "Refresh balances and prices", "F5", prices.refresh, file_menu)
        file_menu.addSeparator()
        self.accounts_action = add_action(self, "Accounts…", "Ctrl+Shift+A",
                                          self.open_accounts, file_menu)
        self.settings_action = add_action(self, "Settings…", "Ctrl+,", self.open_settings,
                                          file_menu)
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        file_menu.addSeparator()
        add_action(self, "Quit", "Ctrl+Q", self.quit, file_menu)
        edit = self.menuBar().addMenu("&Edit")
        add_action(self, "Find offer", QKeySequence.StandardKey.Find, prices.focus_filter, edit)
        add_action(self, "Copy selected code", "Ctrl+C", codes.copy_selected, edit)
        add_action(self, "Copy newest code", "Ctrl+Shift+C", codes.copy_newest, edit)
        for n in range(1, 10):
            add_action(self, f"Copy code {n}", f"Ctrl+{n}", partial(codes.copy_nth, n - 1))
        self.auto_copy_action = edit.addAction("Copy new codes automatically")
        self.auto_copy_action.setCheckable(True)
        self.auto_copy_action.toggled.connect(self._auto_copy_toggled)
        self.view_menu = self.menuBar().addMenu("&View")
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
        dialog = SettingsDialog(self.prefs, tray=self.tray.available,
                                webhook_status=self.webhooks.status(), parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(partial(self._settings_accepted, dialog))
        self.settings_dialog = dialog
        dialog.open()

    def _settings_accepted(self, dialog: SettingsDialog) -> None:
        before, prefs = self.prefs, dialog.preferences()
        self.apply(prefs)
        self._save_prefs()
        hook = ("webhook_enabled", "webhook_host", "webhook_port", "webhook_token")
        if any(getattr(before, name) != getattr(prefs, name) for name in hook):
            self.webhooks.restart()
        self.report("Settings saved", timeout=3000)

    def open_accounts(self) -> None:
        dialog = AccountsDialog(self.desk, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accountsChanged.connect(self._accounts_changed)
        self.accounts_dialog = dialog
        dialog.open()

    def _accounts_changed(self) -> None:
        self.banner.dismiss()
        self.price_side.reload_accounts()
        self.price_side.refresh()

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
        await self.tasks.cancel_all()
        self.clipboard.clear_if_ours()
        self.tray.close()
        self.bridge.close()

    def _bought(self, order: Order) -> None:
        self.orders.select_order(order.id)

    def _error_event(self, event: ErrorRaised) -> None:
        """Routed by kind, never by the words: a balance's failure marks its balance."""
        if event.kind is ErrorKind.BALANCE and event.account:
            self.balances.set_error(event.account, event.message)
        text = f"{event.account}: {event.message}" if event.account else event.message
        self.report(text, error=True)

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
                self.tray.say("BloomDesk is still running",
                              "Orders are still polled and codes still notified. "
                              "Quit from the tray menu.")
            return
        self.quit()
