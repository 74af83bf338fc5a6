"""The order side of the main window: live orders, their actions, received codes.

A mixin of :class:`~bloomdesk.ui.main_window.MainWindow`, kept apart so each file
reads in one go.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QGuiApplication

from ..core import Order
from ..providers.errors import ProviderError

if TYPE_CHECKING:
    from .main_window import MainWindow

    _Base = MainWindow
else:
    _Base = object


class OrdersAndCodes(_Base):
    # ------------------------------------------------------------------ orders
    def _order_changed(self, order: Order) -> None:
        self.orders_model.upsert(order)
        selected = self.orders.selected()
        if selected is None or selected.id == order.id:  # the buttons speak of that one
            self._update_actions()

    def _code_received(self, order: Order) -> None:
        self.orders_model.upsert(order)
        self.codes.add(order)
        service = self.orders_model.service_names.get(order.service, order.service)
        self.statusBar().showMessage(f"Code {order.code} for {service} ({order.phone})",
                                     10000)
        if self.auto_copy and order.code:
            self.clipboard.copy(order.code)
        self.tray.notify_code(order, service)

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
