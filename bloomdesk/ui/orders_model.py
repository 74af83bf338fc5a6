"""Live orders, updated row by row: an arriving order is inserted, a changed one emits
``dataChanged`` for its row, a finished one is removed; the countdown columns are
refreshed by a one-second tick without touching the rest."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from ..domain import Order, OrderState
from ..i18n import QT_TRANSLATE_NOOP
from .format import countdown, money, phone, plain_tip
from .look import Tone, ink
from .names import Names
from .words import explain, translated

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()

COLUMNS = (QT_TRANSLATE_NOOP("OrdersModel", "#"), QT_TRANSLATE_NOOP("OrdersModel", "Phone"),
           # what is happening and the clock of money first: a narrow window keeps them
           QT_TRANSLATE_NOOP("OrdersModel", "Status"),
           QT_TRANSLATE_NOOP("OrdersModel", "Free cancel"),
           QT_TRANSLATE_NOOP("OrdersModel", "Code"),
           QT_TRANSLATE_NOOP("OrdersModel", "Service"),
           QT_TRANSLATE_NOOP("OrdersModel", "Country"), QT_TRANSLATE_NOOP("OrdersModel", "Price"),
           QT_TRANSLATE_NOOP("OrdersModel", "Expires"),
           QT_TRANSLATE_NOOP("OrdersModel", "Account"))
(NUM, PHONE, STATUS, FREE_CANCEL, CODE, SERVICE, COUNTRY, PRICE, EXPIRES,
 ACCOUNT) = range(len(COLUMNS))
URGENT = 30.0  # seconds: a countdown under this turns red

_STATUS_TEXT = {
    OrderState.PENDING: QT_TRANSLATE_NOOP("OrdersModel", "buying…"),
    OrderState.UNKNOWN: QT_TRANSLATE_NOOP("OrdersModel", "unknown — checking"),
    OrderState.WAITING: QT_TRANSLATE_NOOP("OrdersModel", "waiting for SMS"),
    OrderState.RECEIVED: QT_TRANSLATE_NOOP("OrdersModel", "code received"),
    OrderState.WAITING_RETRY: QT_TRANSLATE_NOOP("OrdersModel", "waiting for next SMS"),
    OrderState.COMPLETED: QT_TRANSLATE_NOOP("OrdersModel", "completed"),
    OrderState.CANCELLED: QT_TRANSLATE_NOOP("OrdersModel", "cancelled"),
    OrderState.EXPIRED: QT_TRANSLATE_NOOP("OrdersModel", "expired"),
    OrderState.FAILED: QT_TRANSLATE_NOOP("OrdersModel", "failed"),
}


def status_text(state: OrderState) -> str:
    return translated(_STATUS_TEXT[state])


class OrdersModel(QAbstractTableModel):
    def __init__(self, clock: Callable[[], float] = time.time, parent: QObject | None = None,
                 names: Names | None = None) -> None:
        super().__init__(parent)
        self.clock = clock
        self.names = names or Names(self)
        self.names.changed.connect(self.names_changed)
        self._orders: list[Order] = []
        # What the user's last action on an order came to, until its state changes:
        # order id -> (short text for the Status column, the whole story, an error?)
        self._outcomes: dict[int, tuple[str, str, bool]] = {}
        self._bold = QFont()
        self._bold.setBold(True)

    def rowCount(self, parent: Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._orders)

    def columnCount(self, parent: Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translated(COLUMNS[section])
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            if section == FREE_CANCEL:
                return self.tr("Time left to cancel a silent order for free")
            if section == EXPIRES:
                return self.tr("Time until the provider ends the order")
        return None

    def _seconds(self, order: Order, col: int) -> float | None:
        now = self.clock()
        if col == EXPIRES and order.expires_at:
            return order.expires_at - now
        if col == FREE_CANCEL and order.free_cancel_until and order.silent:
            return order.free_cancel_until - now
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._orders):
            return None
        order, col = self._orders[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col in (EXPIRES, FREE_CANCEL):
                text = countdown(self._seconds(order, col))
                if col == FREE_CANCEL and text and not order.auto_cancel:
                    text = self.tr("{countdown} (auto-cancel off)").format(countdown=text)
                return text
            outcome = self._outcomes.get(order.id)
            if col == NUM:
                return f"{order.id}"
            if col == PHONE:
                return phone(order.phone)
            if col == SERVICE:
                return self.names.service_label(order.service)
            if col == COUNTRY:
                return self.names.country(order.account, order.country)
            if col == PRICE:
                return money(order.price, self.names.currency(order.account))
            if col == STATUS:
                return outcome[0] if outcome else status_text(order.state)
            return (order.code or "") if col == CODE else order.account
        if role == Qt.ItemDataRole.ForegroundRole:
            left = self._seconds(order, col)
            if left is not None and left < URGENT:
                return ink(Tone.ERROR)
            if col == STATUS and (order.state is OrderState.UNKNOWN
                                  or self._outcomes.get(order.id, ("", "", False))[2]):
                return ink(Tone.ERROR)
            if col == CODE and order.code:
                return ink(Tone.SUCCESS)
        if role == Qt.ItemDataRole.FontRole and col == CODE and order.code:
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            outcome = self._outcomes.get(order.id)
            return plain_tip(outcome[1] if outcome and col == STATUS
                             else explain(order) or status_text(order.state))
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (PRICE, EXPIRES, FREE_CANCEL):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    # ------------------------------------------------------------------ updates
    def row_of(self, order_id: int) -> int:
        for row, order in enumerate(self._orders):
            if order.id == order_id:
                return row
        return -1

    def order_at(self, row: int) -> Order | None:
        return self._orders[row] if 0 <= row < len(self._orders) else None

    def set_orders(self, orders: list[Order]) -> None:
        self.beginResetModel()
        self._orders = [o for o in orders if not o.state.is_final]
        self.endResetModel()

    def upsert(self, order: Order) -> None:
        row = self.row_of(order.id)
        if order.state.is_final:
            self._outcomes.pop(order.id, None)
            if row >= 0:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._orders[row]
                self.endRemoveRows()
            return
        if row < 0:
            row = len(self._orders)
            self.beginInsertRows(QModelIndex(), row, row)
            self._orders.append(order)
            self.endInsertRows()
            return
        if self._orders[row] != order:
            if self._orders[row].state is not order.state:
                self._outcomes.pop(order.id, None)  # what happened next says it now
            self._orders[row] = order
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def set_outcome(self, order_id: int, short: str, whole: str, error: bool = False) -> None:
        """Show on the order's row what the user's action came to."""
        self._outcomes[order_id] = (short, whole, error)
        self._row_changed(order_id)

    def clear_outcome(self, order_id: int) -> None:
        if self._outcomes.pop(order_id, None) is not None:
            self._row_changed(order_id)

    def outcome(self, order_id: int) -> str | None:
        found = self._outcomes.get(order_id)
        return found[0] if found else None

    def _row_changed(self, order_id: int) -> None:
        row = self.row_of(order_id)
        if row >= 0:
            self.dataChanged.emit(self.index(row, STATUS), self.index(row, STATUS))

    def names_changed(self) -> None:
        if self._orders:
            self.dataChanged.emit(self.index(0, SERVICE),
                                  self.index(len(self._orders) - 1, PRICE))

    def tick(self) -> None:
        """Refresh the countdowns only."""
        if self._orders:
            self.dataChanged.emit(self.index(0, min(EXPIRES, FREE_CANCEL)),
                                  self.index(len(self._orders) - 1, max(EXPIRES, FREE_CANCEL)),
                                  [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole])
