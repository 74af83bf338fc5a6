"""Active orders: the live table and its actions, each disabled with the reason when
the order's state or its provider does not allow it.  Columns are sized to what
they hold, so an empty table needs no sideways scroll and a status reads whole."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QPalette
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

from ..domain import Order
from ..i18n import QT_TRANSLATE_NOOP
from .flow import FlowLayout
from .format import phone
from .look import bold
from .orders_model import ACCOUNT, COUNTRY, PHONE, SERVICE, STATUS, OrdersModel
from .words import translated

ACTIONS = (("cancel", QT_TRANSLATE_NOOP("OrdersPanel", "&Cancel")),
           ("complete", QT_TRANSLATE_NOOP("OrdersPanel", "C&omplete")),
           ("request_another_sms", QT_TRANSLATE_NOOP("OrdersPanel", "Another &SMS")),
           ("rerent", QT_TRANSLATE_NOOP("OrdersPanel", "&Re-rent")),
           ("dismiss", QT_TRANSLATE_NOOP("OrdersPanel", "&Dismiss")),
           ("keep", QT_TRANSLATE_NOOP("OrdersPanel", "&Keep past deadline")))
TIPS = {"cancel": QT_TRANSLATE_NOOP(
            "OrdersPanel", "Cancel the number (refunded where the provider allows)"),
        "complete": QT_TRANSLATE_NOOP("OrdersPanel", "Finish the order: the code was used"),
        "request_another_sms": QT_TRANSLATE_NOOP(
            "OrdersPanel", "Ask the provider to send another SMS to this number"),
        "rerent": QT_TRANSLATE_NOOP(
            "OrdersPanel", "Rent the same number again for another code (asks first: it "
            "costs money)"),
        "dismiss": QT_TRANSLATE_NOOP(
            "OrdersPanel", "Settle an order whose purchase never answered: it is marked "
            "failed here and nothing is sent to the provider. Use it only after checking "
            "on the provider's site that no number was bought."),
        "keep": QT_TRANSLATE_NOOP(
            "OrdersPanel", "Turn auto-cancel off for this order: silence past the "
            "free-cancel deadline will then be charged")}
WIDEST = {SERVICE: 160, COUNTRY: 150, ACCOUNT: 160}  # past this, a cell elides


class OrdersPanel(QWidget):
    actionRequested = Signal(str, object)  # noqa: N815 - (action, Order)
    phoneCopied = Signal(str)  # noqa: N815

    def __init__(self, model: OrdersModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.table = QTableView(self)
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(24)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        title = QLabel(self.tr("Active orders"), self)
        bold(title)
        row.addWidget(title, 0, Qt.AlignmentFlag.AlignTop)
        actions = QWidget(self)
        flow = FlowLayout(actions)  # wraps onto a second line in a narrow window
        for name, text in ACTIONS:
            button = QPushButton(translated(text), actions)
            button.setObjectName(name)
            button.setEnabled(False)
            button.clicked.connect(partial(self._act, name))
            self.buttons[name] = button
            flow.addWidget(button)
        row.addWidget(actions, 1)
        self.empty = QLabel(self.tr("No active orders. Pick an offer above and press Enter to "
                                    "buy."), self)
        self.empty.setWordWrap(True)
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        self.table.doubleClicked.connect(self._double_clicked)
        # Fitting measures cells through the model (Python): the rows in view only, and
        # at most twice a second, or 200 orders changing status stall the window.
        self.table.horizontalHeader().setResizeContentsPrecision(0)
        self._fit = QTimer(self)  # one fit per burst of changes, after they land
        self._fit.setSingleShot(True)
        self._fit.setInterval(500)
        self._fit.timeout.connect(self.fit_columns)
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset):
            signal.connect(self._update_empty)
            signal.connect(self._fit.start)
        model.names.changed.connect(self._fit.start)
        model.dataChanged.connect(self._data_changed)
        self.fit_columns()

    def fit_columns(self) -> None:
        """Each column as wide as its header or its widest cell (the long ones
        capped, their cells eliding); the last takes what is left."""
        header = self.table.horizontalHeader()
        for col in range(self.model.columnCount() - 1):
            wanted = max(header.sectionSizeFromContents(col).width(),
                         self.table.sizeHintForColumn(col))
            self.table.setColumnWidth(col, min(wanted, WIDEST.get(col, wanted)))

    def _data_changed(self, first: QModelIndex, last: QModelIndex, *_: object) -> None:
        if first.column() <= STATUS <= last.column():  # not the countdowns' tick
            self._fit.start()

    def selected(self) -> Order | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.order_at(rows[0].row()) if rows else None

    def select_order(self, order_id: int) -> None:
        row = self.model.row_of(order_id)
        if row >= 0:
            self.table.selectRow(row)

    def update_actions(self, blockers: dict[str, str | None] | None) -> None:
        """Enable each action, or disable it with its reason in the tooltip (before
        what the action does)."""
        for name, button in self.buttons.items():
            reason = self.tr("Select an order first.") if blockers is None \
                else blockers.get(name)
            tip = translated(TIPS[name])
            button.setEnabled(reason is None)
            button.setToolTip(tip if reason is None else f"{translated(reason)}\n\n{tip}")

    def _act(self, name: str, *_: object) -> None:
        order = self.selected()
        if order is not None:
            self.actionRequested.emit(name, order)

    def _double_clicked(self, index: QModelIndex) -> None:
        order = self.model.order_at(index.row())
        if order is not None and index.column() == PHONE and order.phone:
            self.phoneCopied.emit(phone(order.phone))

    def _update_empty(self, *_: object) -> None:
        self.empty.setVisible(self.model.rowCount() == 0)
