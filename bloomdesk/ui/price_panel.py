"""The price table: one view over the offers of one account or all, filtered as you
type (debounced), sortable, favourites on top, out-of-stock optionally hidden."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from .offers_model import PRICE, STAR, OffersModel, Row

ALL = "All accounts"


class OffersTable(QTableView):
    buyRequested = Signal(object)  # noqa: N815 - a Row
    favouriteToggled = Signal()  # noqa: N815

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._buy_current()
            return
        if event.key() == Qt.Key.Key_F and not event.modifiers():
            index = self.currentIndex()
            if index.isValid():
                self.model().toggle_favourite(index.row())  # type: ignore[attr-defined]
                self.favouriteToggled.emit()
            return
        super().keyPressEvent(event)

    def _buy_current(self) -> None:
        index = self.currentIndex()
        if index.isValid():
            row = self.model().offer_at(index.row())  # type: ignore[attr-defined]
            if row is not None:
                self.buyRequested.emit(row)


class PricePanel(QWidget):
    accountChosen = Signal(str)  # noqa: N815

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.model = OffersModel(self)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText("Filter services and countries (Ctrl+F)…")
        self.filter.setClearButtonEnabled(True)
        self.account = QComboBox(self)
        self.hide_empty = QCheckBox("Hide out of stock", self)
        self.buy_button = QPushButton("Buy (Enter)", self)
        self.buy_button.setDefault(False)
        self.status = QLabel(self)
        self.status.setStyleSheet("color: #666;")
        self.table = OffersTable(self)
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(PRICE, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        # every row the same height: the view never measures 100k rows
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in enumerate((28, 220, 60, 200, 80, 90, 120)):
            self.table.setColumnWidth(col, width)

        top = QHBoxLayout()
        top.addWidget(QLabel("<b>Prices</b>", self))
        top.addWidget(self.filter, 1)
        top.addWidget(self.account)
        top.addWidget(self.hide_empty)
        top.addWidget(self.buy_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(120)
        self._debounce.timeout.connect(self.apply_filter)
        self.filter.textChanged.connect(self._typed)
        self.hide_empty.toggled.connect(self.apply_filter)
        self.account.currentTextChanged.connect(self.accountChosen.emit)
        self.buy_button.clicked.connect(self.table._buy_current)
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.clicked.connect(self._clicked)
        self.model.modelReset.connect(self._count)
        self.model.layoutChanged.connect(self._count)

    def set_accounts(self, labels: list[str]) -> None:
        current = self.account.currentText()
        self.account.blockSignals(True)
        self.account.clear()
        self.account.addItems([*labels, ALL])
        self.account.setCurrentText(current if current in (*labels, ALL) else
                                    (labels[0] if labels else ALL))
        self.account.blockSignals(False)

    def chosen(self) -> str:
        return self.account.currentText()

    def _typed(self, _text: str) -> None:
        self._debounce.start()

    def apply_filter(self, *_: object) -> None:
        self._debounce.stop()
        self.model.set_filter(self.filter.text(), self.hide_empty.isChecked())

    def set_rows(self, rows: list[Row]) -> None:
        self.model.set_rows(rows)

    def set_status(self, text: str) -> None:
        self.status.setText(text)

    def _count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total
        self.status.setText(f"{shown:,} of {total:,} offers" if total else "Loading prices…")

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.column() != STAR:
            self.table._buy_current()

    def _clicked(self, index: QModelIndex) -> None:
        if index.column() == STAR:
            self.model.toggle_favourite(index.row())
            self.table.favouriteToggled.emit()
