"""Active orders: the live table and its actions, each disabled with the reason when
the order's state or its provider does not allow it."""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core import Order
from .orders_model import PHONE, OrdersModel

ACTIONS = (("cancel", "Cancel"), ("complete", "Complete"),
           ("request_another_sms", "Another SMS"), ("rerent", "Re-rent"),
           ("dismiss", "Dismiss"), ("keep", "Keep past deadline"))
TIPS = {"cancel": "Cancel the number (refunded where the provider allows)",
        "complete": "Finish the order: the code was used",
        "request_another_sms": "Ask the provider to send another SMS to this number",
        "rerent": "Rent the same number again for another code",
        "dismiss": "Settle an order whose purchase never answered",
        "keep": "Turn auto-cancel off for this order: it may then be charged"}


class OrdersPanel(QWidget):
    actionRequested = Signal(str, object)  # noqa: N815 - (action, Order)
    phoneCopied = Signal(str)  # noqa: N815

    def __init__(self, model: OrdersModel, parent: Any = None) -> None:
        super().__init__(parent)
        self.model = model
        self.table = QTableView(self)
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        for col, width in enumerate((36, 125, 140, 150, 60, 125, 75, 75, 80)):
            self.table.setColumnWidth(col, width)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        row.addWidget(QLabel("<b>Active orders</b>", self))
        row.addStretch(1)
        for name, text in ACTIONS:
            button = QPushButton(text, self)
            button.setObjectName(name)
            button.setEnabled(False)
            button.clicked.connect(partial(self._act, name))
            self.buttons[name] = button
            row.addWidget(button)
        self.empty = QLabel("No active orders. Pick an offer above and press Enter to buy.",
                            self)
        self.empty.setStyleSheet("color: #777;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        self.table.doubleClicked.connect(self._double_clicked)
        model.rowsInserted.connect(self._update_empty)
        model.rowsRemoved.connect(self._update_empty)
        model.modelReset.connect(self._update_empty)

    def selected(self) -> Order | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.order_at(rows[0].row()) if rows else None

    def select_order(self, order_id: int) -> None:
        row = self.model.row_of(order_id)
        if row >= 0:
            self.table.selectRow(row)

    def update_actions(self, blockers: dict[str, str | None] | None) -> None:
        """Enable each action, or disable it with its reason as the tooltip."""
        order = self.selected()
        for name, button in self.buttons.items():
            if blockers is None or order is None:
                button.setEnabled(False)
                button.setToolTip("Select an order first.")
                continue
            if name == "keep":
                reason = None if order.auto_cancel and order.silent else (
                    "Auto-cancel is already off for this order." if not order.auto_cancel
                    else "Only a silent order is auto-cancelled.")
            else:
                reason = blockers.get(name)
            button.setEnabled(reason is None)
            button.setToolTip(TIPS[name] if reason is None else reason)

    def _act(self, name: str, *_: object) -> None:
        order = self.selected()
        if order is not None:
            self.actionRequested.emit(name, order)

    def _double_clicked(self, index: Any) -> None:
        order = self.model.order_at(index.row())
        if order is not None and index.column() == PHONE and order.phone:
            self.phoneCopied.emit(order.phone)

    def _update_empty(self, *_: Any) -> None:
        self.empty.setVisible(self.model.rowCount() == 0)
