"""The main window: balances on top, the price table, live orders and received codes.

Every request runs on the qasync loop (``spawn``); the window only reacts to the
Desk's events through the bridge, so a slow provider shows as a status line, never a
frozen window.  Provider errors appear in a non-modal banner.
"""

from __future__ import annotations

import asyncio
import gc
import logging
from collections.abc import Coroutine
from decimal import Decimal
from functools import partial
from typing import Any

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core import Desk, Order
from ..providers import PROFILES
from ..providers.errors import ProviderError
from ..store import StoreError
from .balances import BalanceBar
from .bridge import DeskBridge
from .codes import CodesPane, SecretClipboard
from .format import country_name, flag
from .offers_model import Row, make_rows
from .orders_model import OrdersModel
from .orders_panel import OrdersPanel
from .price_panel import ALL, PricePanel

log = logging.getLogger(__name__)


class Banner(QFrame):
    """A non-modal notice at the top of the window: the provider's message, dismissable."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setStyleSheet("#banner { background: #fff3cd; border: 1px solid #e0c36b; "
                           "border-radius: 4px; } QLabel { color: #5c4300; }")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        close = QToolButton(self)
        close.setText("✕")
        close.setAutoRaise(True)
        close.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(close)
        self._messages: list[str] = []
        self.hide()

    def show_message(self, text: str) -> None:
        """Add a notice (the last three distinct ones stay until dismissed)."""
        if text in self._messages:
            self._messages.remove(text)
        self._messages = [*self._messages, text][-3:]
        self.label.setText("\n".join(self._messages))
        self.show()

    def dismiss(self) -> None:
        self._messages = []
        self.hide()


class MainWindow(QMainWindow):
    # Asks the app to shut down: the main coroutine then closes everything in order
    # (stopping Qt's loop first would leave that cleanup unrun).
    quitRequested = Signal()  # noqa: N815

    def __init__(self, desk: Desk, settings: QSettings | None = None, *,
                 confirm_buys: bool = True) -> None:
        super().__init__()
        self.desk = desk
        self.settings = settings
        self.confirm_buys = confirm_buys
        self.auto_copy = False
        self.setWindowTitle("BloomDesk")
        self.resize(1280, 820)
        self.bridge = DeskBridge(desk, self)
        self.clipboard = SecretClipboard(30.0, self)
        self.balances = BalanceBar(self)
        self.banner = Banner(self)
        self.prices = PricePanel(self)
        self.orders_model = OrdersModel(desk.clock, self)
        self.orders = OrdersPanel(self.orders_model, self)
        self.codes = CodesPane(self)
        self._offers: dict[str, list[Row]] = {}
        self._loading: set[str] = set()
        self._tasks: set[asyncio.Task[Any]] = set()
        self.buying = False
        self._build()
        self._connect()
        self._shortcuts()
        if settings is not None:
            self.balances.set_threshold(warn_below(settings))
            saved = settings.value("prices/favourites", [])
            items = saved if isinstance(saved, list) else [saved] if saved else []
            self.prices.model.favourites = {str(item) for item in items}
        self.reload_accounts()
        self.orders_model.set_orders(desk.open_orders())
        for order in desk.history(200):
            if order.code and not order.state.is_final:
                self.codes.add(order)

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        bottom = QSplitter(Qt.Orientation.Horizontal, self)
        bottom.addWidget(self.orders)
        bottom.addWidget(self.codes)
        bottom.setStretchFactor(0, 3)
        bottom.setStretchFactor(1, 1)
        bottom.setSizes([900, 330])
        main = QSplitter(Qt.Orientation.Vertical, self)
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
        layout.addWidget(main, 1)
        self.setCentralWidget(central)
        self.statusBar().showMessage("Starting…")

    def _connect(self) -> None:
        b = self.bridge
        b.orderAdded.connect(self._order_changed)
        b.orderChanged.connect(self._order_changed)
        b.codeReceived.connect(self._code_received)
        b.balanceChanged.connect(self.balances.set_balance)
        b.errorRaised.connect(self._error)
        self.balances.refresh_button.clicked.connect(self.refresh)
        self.prices.accountChosen.connect(self.show_offers)
        self.prices.table.buyRequested.connect(self.request_buy)
        self.prices.table.favouriteToggled.connect(self._save_favourites)
        self.orders.actionRequested.connect(self._action)
        self.orders.phoneCopied.connect(self._copy_phone)
        self.orders.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.codes.activated.connect(self.copy_code)
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
        file_menu.addAction(add("Quit", "Ctrl+Q", self.quit))
        edit = menu.addMenu("&Edit")
        edit.addAction(add("Find offer", QKeySequence.StandardKey.Find, self.focus_filter))
        edit.addAction(add("Copy selected code", "Ctrl+C", self.copy_selected_code))
        edit.addAction(add("Copy newest code", "Ctrl+Shift+C", self.copy_newest_code))
        for n in range(1, 10):
            add(f"Copy code {n}", f"Ctrl+{n}", partial(self.copy_nth, n - 1))
        self.auto_copy_action = edit.addAction("Copy new codes automatically")
        self.auto_copy_action.setCheckable(True)
        self.auto_copy_action.toggled.connect(self.set_auto_copy)
        self.view_menu = menu.addMenu("&View")
        self.view_menu.addAction(self.prices.hide_empty.text()).triggered.connect(
            self.prices.hide_empty.toggle)

    # ------------------------------------------------------------------ async helpers
    def spawn(self, coro: Coroutine[Any, Any, Any], what: str) -> asyncio.Task[Any]:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)

        def done(t: asyncio.Task[Any]) -> None:
            self._tasks.discard(t)
            if t.cancelled():
                return
            exc = t.exception()
            if isinstance(exc, ProviderError | StoreError):
                self._error(None, f"{what}: {exc}")
            elif exc is not None:
                log.error("%s failed", what, exc_info=exc)
                self._error(None, f"{what} failed unexpectedly: {type(exc).__name__}")

        task.add_done_callback(done)
        return task

    def start(self) -> None:
        """Start the countdowns and periodic refreshes, and load balances and prices.
        A window built only to be looked at (tests, screenshots) never ticks."""
        self._tick.start()
        self._balance_timer.start()
        self.refresh()

    async def shutdown(self) -> None:
        self._tick.stop()
        self._balance_timer.stop()
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        self.clipboard.clear_if_ours()
        self.bridge.close()

    # ------------------------------------------------------------------ accounts, prices
    def reload_accounts(self) -> None:
        labels = [a.label for a in self.desk.accounts()]
        self.balances.set_accounts(labels)
        self.prices.set_accounts(labels)
        if not labels:
            self.banner.show_message(
                "No accounts yet. Add one from a terminal: echo \"$KEY\" | bloomdesk-cli "
                "accounts add --kind bloomsms --label main (an accounts dialog is coming). "
                "To look around first, start bloomdesk --demo.")
            self.prices.set_status("No accounts: no prices to show.")

    def refresh(self) -> None:
        self.refresh_balances()
        for account in self.desk.accounts():
            if not any(key[0] == account.label for key in self.orders_model.country_labels):
                self.spawn(self._load_names(account.label), f"Loading countries of "
                           f"{account.label}")
        self._offers.clear()
        self.show_offers()

    async def _load_names(self, label: str) -> None:
        countries = await self.desk.countries(label)
        for country in countries:
            name = country_name(country.iso, country.name)
            badge = flag(country.iso)
            self.orders_model.country_labels[(label, country.id)] = \
                f"{badge} {name}" if badge else name
        self.orders_model.names_changed()

    def refresh_balances(self) -> None:
        self.statusBar().showMessage("Refreshing balances…", 3000)
        self.spawn(self._refresh_balances(), "Refreshing balances")

    async def _refresh_balances(self) -> None:
        results = await self.desk.refresh_balances()
        for label, result in results.items():
            if isinstance(result, ProviderError):
                self.balances.set_error(label, result.message)

    def show_offers(self, *_: object) -> None:
        chosen = self.prices.chosen()
        labels = [a.label for a in self.desk.accounts()] if chosen == ALL else [chosen]
        if not any(labels):
            return
        missing = [label for label in labels if label and label not in self._offers]
        if missing:
            self.prices.set_status("Loading prices…")
            for label in missing:
                if label not in self._loading:
                    self._loading.add(label)
                    self.spawn(self._load_offers(label), f"Loading prices of {label}")
        self._show_loaded(labels)

    def _show_loaded(self, labels: list[str]) -> None:
        rows: list[Row] = []
        for label in labels:
            rows += self._offers.get(label, [])
        self.prices.set_rows(rows)
        self.prices.apply_filter()

    async def _load_offers(self, label: str) -> None:
        try:
            offers = await self.desk.offers(label)
        finally:
            self._loading.discard(label)
        rows: list[Row] = []
        for start in range(0, len(offers), 2000):  # in chunks: the window keeps breathing
            rows += make_rows(label, offers[start:start + 2000])
            await asyncio.sleep(0)
        self._offers[label] = rows
        # The table is long-lived: keep its ~half a million objects out of the cyclic
        # collector's full passes, which otherwise stall the window ~100 ms at random.
        gc.freeze()
        for row in rows:
            self.orders_model.service_names.setdefault(row.service, row.service_name)
        self.orders_model.names_changed()
        chosen = self.prices.chosen()
        if chosen in (label, ALL):
            self.show_offers()
        self.statusBar().showMessage(f"Prices of {label} loaded ({len(offers):,} offers)", 4000)

    def _save_favourites(self) -> None:
        if self.settings is not None:
            self.settings.setValue("prices/favourites", sorted(self.prices.model.favourites))
            self.settings.sync()

    def focus_filter(self) -> None:
        self.prices.filter.setFocus()
        self.prices.filter.selectAll()

    # ------------------------------------------------------------------ buying
    def request_buy(self, row: Row) -> None:
        if self.buying:
            self.statusBar().showMessage("A purchase is already under way.", 3000)
            return
        if row.stock <= 0:
            self._error(row.account, f"{row.service_name} in {row.country_label} is out of "
                        "stock.")
            return
        balance = self.desk.balances.get(row.account, (None, 0.0))[0]
        after = f"{balance - row.price:.2f} USD" if balance is not None else "unknown"
        text = (f"Buy a {row.service_name} number in {row.country_label} from "
                f"{row.account} for {row.price} USD?\n\nBalance after: {after}")
        if not self.confirm_buys:
            self._buy(row)
            return
        box = QMessageBox(QMessageBox.Icon.Question, "Buy a number", text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        box.setObjectName("confirm-buy")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(partial(self._confirmed, row))
        box.open()

    def _confirmed(self, row: Row, result: int) -> None:
        if result == QMessageBox.StandardButton.Yes:
            self._buy(row)

    def _set_buying(self, on: bool) -> None:
        self.buying = on
        self.prices.buy_button.setEnabled(not on)
        self.prices.buy_button.setText("Buying…" if on else "Buy (Enter)")

    def _buy(self, row: Row) -> None:
        self._set_buying(True)
        kind = next(a.kind for a in self.desk.accounts() if a.label == row.account)
        cap = row.price if PROFILES[kind].takes_max_price else None

        async def go() -> Order:
            try:
                order = await self.desk.buy(row.account, row.service, row.country,
                                            max_price=cap, price=row.price)
            finally:
                self._set_buying(False)
            self.orders.select_order(order.id)
            self.statusBar().showMessage(f"Order #{order.id}: {order.phone} — waiting for "
                                         "the code", 6000)
            return order

        self.spawn(go(), "Buying")

    # ------------------------------------------------------------------ orders
    def _order_changed(self, order: Order) -> None:
        self.orders_model.upsert(order)
        selected = self.orders.selected()
        if selected is None or selected.id == order.id:  # the buttons speak of that one
            self._update_actions()

    def _code_received(self, order: Order) -> None:
        self.orders_model.upsert(order)
        self.codes.add(order)
        self.statusBar().showMessage(f"Code {order.code} for {order.service} "
                                     f"({order.phone})", 10000)
        if self.auto_copy and order.code:
            self.clipboard.copy(order.code)

    def _update_actions(self, *_: object) -> None:
        order = self.orders.selected()
        blockers = None
        if order is not None:
            current = self.orders_model.order_at(self.orders_model.row_of(order.id)) or order
            try:
                blockers = self.desk.blockers(current)
            except ProviderError:
                blockers = None
        self.orders.update_actions(blockers)

    def _on_tick(self) -> None:
        self.orders_model.tick()
        self._update_actions()

    def _action(self, name: str, order: Order) -> None:
        desk = self.desk
        if name == "dismiss":
            desk.dismiss(order.id)
            return
        if name == "keep":
            desk.set_auto_cancel(order.id, False)
            return
        call = {"cancel": desk.cancel, "complete": desk.complete,
                "request_another_sms": desk.request_another_sms, "rerent": desk.rerent}[name]
        self.orders.buttons[name].setEnabled(False)
        self.spawn(call(order.id), {"cancel": "Cancel", "complete": "Complete",
                                    "request_another_sms": "Another SMS",
                                    "rerent": "Re-rent"}[name] + f" of order #{order.id}")

    # ------------------------------------------------------------------ codes
    def copy_code(self, order: Order | None) -> None:
        if order is None or not order.code:
            self.statusBar().showMessage("No code to copy.", 3000)
            return
        self.clipboard.copy(order.code)
        clear = self.clipboard.clear_after
        self.statusBar().showMessage(
            f"Copied {order.code}" + (f" — cleared in {int(clear)} s" if clear else ""), 5000)

    def copy_selected_code(self) -> None:
        order = self.codes.selected()
        if order is None:
            selected = self.orders.selected()
            order = selected if selected and selected.code else None
        self.copy_code(order or self.codes.nth(0))

    def copy_newest_code(self) -> None:
        self.copy_code(self.codes.nth(0))

    def set_auto_copy(self, on: bool) -> None:
        self.auto_copy = on

    def copy_nth(self, n: int, *_: object) -> None:
        self.copy_code(self.codes.nth(n))

    def _copy_phone(self, phone: str) -> None:
        QGuiApplication.clipboard().setText(phone)
        self.statusBar().showMessage(f"Copied phone {phone}", 3000)

    # ------------------------------------------------------------------ errors, quit
    def _error(self, account: str | None, message: str) -> None:
        text = f"{account}: {message}" if account else message
        self.banner.show_message(text)
        self.statusBar().showMessage(text, 10000)
        if account and "balance" in message.lower():
            self.balances.set_error(account, message)

    def quit(self) -> None:
        self.quitRequested.emit()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        event.ignore()  # the shutdown closes the window once everything is saved
        self.quit()


def warn_below(settings: QSettings) -> Decimal:
    """The user's low-balance threshold (settings key ``balances/warn_below``)."""
    raw = settings.value("balances/warn_below", "1.00")
    try:
        value = Decimal(str(raw))
    except ArithmeticError:
        return Decimal("1.00")
    return value if value.is_finite() and value >= 0 else Decimal("1.00")
