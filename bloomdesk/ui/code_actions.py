"""Codes as they arrive and as the user copies them: the pane, the clipboard (a code
is a secret there), the notification, and the phone numbers copied from the table."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication

from ..core import Desk, Order
from ..core.errors import LocalError
from .codes import CodesPane, SecretClipboard
from .format import phone
from .names import Names
from .orders_panel import OrdersPanel
from .tasks import Report
from .tray import Tray


class CodeActions(QObject):
    def __init__(self, desk: Desk, pane: CodesPane, orders: OrdersPanel,
                 clipboard: SecretClipboard, tray: Tray, names: Names, report: Report,
                 show_window: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.pane = pane
        self.orders = orders
        self.clipboard = clipboard
        self.tray = tray
        self.names = names
        self.report = report
        self.show_window = show_window
        self.auto_copy = False
        pane.activated.connect(self.copy)
        orders.phoneCopied.connect(self.copy_phone)
        tray.copyRequested.connect(self.copy_notified)
        tray.copyNewestRequested.connect(self.copy_newest)

    def received(self, order: Order) -> None:
        """A new code: in the pane, on the status line, copied if the user wants it,
        and notified."""
        self.orders.model.upsert(order)
        service = self.names.service(order.service)
        self.pane.add(order, service)
        self.report(self.tr("Code {code} for {service} ({phone})").format(
            code=order.code, service=service, phone=phone(order.phone)), timeout=10_000)
        if self.auto_copy and order.code:
            self.clipboard.copy(order.code)
        self.tray.notify_code(order, service)

    def copy(self, order: Order | None) -> None:
        if order is None or not order.code:
            self.report(self.tr("No code to copy."), timeout=3000)
            return
        self.clipboard.copy(order.code)
        clear = self.clipboard.clear_after
        self.report((self.tr("Copied {code} — cleared in {seconds} s") if clear else
                     self.tr("Copied {code}")).format(code=order.code, seconds=int(clear)))

    def copy_selected(self) -> None:
        order = self.pane.selected()
        if order is None:
            selected = self.orders.selected()
            order = selected if selected and selected.code else None
        self.copy(order or self.pane.nth(0))

    def copy_newest(self) -> None:
        self.copy(self.pane.nth(0))

    def copy_nth(self, n: int, *_: object) -> None:
        self.copy(self.pane.nth(n))

    def copy_notified(self, order_id: int) -> None:
        """A code notification was clicked: bring the window and copy that code."""
        self.show_window()
        model = self.orders.model
        row = model.row_of(order_id)
        order = model.order_at(row) if row >= 0 else None
        if order is None or not order.code:
            try:
                order = self.desk.order(order_id)
            except LocalError:
                order = None
        self.copy(order)

    def copy_selected_phone(self) -> None:
        """The selected order's phone number (the keyboard's double-click on it)."""
        order = self.orders.selected()
        if order is None or not order.phone:
            self.report(self.tr("Select an order with a number first."), timeout=3000)
            return
        self.copy_phone(phone(order.phone))

    def copy_phone(self, number: str) -> None:
        QGuiApplication.clipboard().setText(number)
        self.report(self.tr("Copied phone {number}").format(number=number), timeout=3000)
