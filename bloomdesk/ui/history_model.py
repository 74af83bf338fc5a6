"""The history's table: every finished order as a plain tuple, filtered and sorted in
the model itself (no proxy: a filter change is one list comprehension over thousands
of tuples), with the totals and the chart's aggregates computed once per change."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from ..domain import Order
from .format import date_time, money, phone, plain_tip
from .history_data import Filter, Outcome, Row, Summary, rows_of, summarize
from .names import Names
from .words import explain

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
CONTEXT = "History"

COLUMNS = (QT_TRANSLATE_NOOP("History", "#"), QT_TRANSLATE_NOOP("History", "Bought"),
           QT_TRANSLATE_NOOP("History", "Account"), QT_TRANSLATE_NOOP("History", "Service"),
           QT_TRANSLATE_NOOP("History", "Country"), QT_TRANSLATE_NOOP("History", "Phone"),
           QT_TRANSLATE_NOOP("History", "Outcome"), QT_TRANSLATE_NOOP("History", "Code"),
           QT_TRANSLATE_NOOP("History", "Price"), QT_TRANSLATE_NOOP("History", "Note"))
(NUM, BOUGHT, ACCOUNT, SERVICE, COUNTRY, PHONE, OUTCOME, CODE, PRICE,
 NOTE) = range(len(COLUMNS))

OUTCOMES = {
    Outcome.CODE: QT_TRANSLATE_NOOP("History", "code received"),
    Outcome.CANCELLED: QT_TRANSLATE_NOOP("History", "cancelled"),
    Outcome.EXPIRED: QT_TRANSLATE_NOOP("History", "expired"),
    Outcome.COMPLETED: QT_TRANSLATE_NOOP("History", "completed, no code"),
    Outcome.FAILED: QT_TRANSLATE_NOOP("History", "failed, not bought"),
}


def translated(text: object) -> str:
    """A text marked with QT_TRANSLATE_NOOP above, in the user's language."""
    return QCoreApplication.translate(CONTEXT, str(text))


def outcome_text(outcome: Outcome) -> str:
    return translated(OUTCOMES[outcome])


class HistoryModel(QAbstractTableModel):
    """Rows of finished orders; :meth:`set_filter` narrows them, :attr:`summary` says
    what the shown ones add up to (``summaryChanged`` after each change)."""

    summaryChanged = Signal()  # noqa: N815

    def __init__(self, names: Names, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.names = names
        self.names.changed.connect(self._names_changed)
        self._rows: list[Row] = []
        self._orders: list[Order] = []
        self._shown: list[int] = []  # indices into _rows, in the shown order
        self._filter = Filter()
        self._silence: Callable[[str], bool] = lambda account: False
        self._sort: tuple[int, Qt.SortOrder] = (NUM, Qt.SortOrder.DescendingOrder)
        self.summary: Summary = summarize((), names.currency)

    # ------------------------------------------------------------------ loading
    def set_orders(self, orders: Iterable[Order], charges_silence: Callable[[str], bool]
                   ) -> None:
        """Every order the journal holds (the finished ones are kept);
        `charges_silence(account)`: the account's money rule (statistics.summarize)."""
        self._silence = charges_silence
        self._rows, self._orders = rows_of(orders, charges_silence, explain)
        self._apply()

    def upsert(self, orders: Iterable[Order]) -> int:
        """Orders that finished while the view is open, in without reading the journal
        again; how many were finished (the others are left out)."""
        made, kept = rows_of(orders, self._silence, explain)
        if not made:
            return 0
        where = {r.id: i for i, r in enumerate(self._rows)}
        for row, order in zip(made, kept, strict=True):
            at = where.get(row.id)
            if at is None:
                self._rows.append(row)
                self._orders.append(order)
            else:
                self._rows[at], self._orders[at] = row, order
        self._apply()
        return len(made)

    def set_filter(self, narrowed: Filter) -> None:
        self._filter = narrowed
        self._apply()

    @property
    def filter(self) -> Filter:
        return self._filter

    def rows(self) -> list[Row]:
        """Every finished order, unfiltered (the filters' choices come from these)."""
        return self._rows

    def _apply(self) -> None:
        self.beginResetModel()
        self._shown = self._filter.picks(self._rows)
        self._order_shown()
        self.endResetModel()
        self.summary = summarize(map(self._rows.__getitem__, self._shown),
                                 self.names.currency)
        self.summaryChanged.emit()

    # ------------------------------------------------------------------ sorting
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        self._order_shown()
        self.layoutChanged.emit()

    def _order_shown(self) -> None:
        column, order = self._sort
        key = self._key(column)
        rows = self._rows
        self._shown.sort(key=lambda i: (key(rows[i]), rows[i].id),
                         reverse=order == Qt.SortOrder.DescendingOrder)

    def _key(self, column: int) -> Callable[[Row], Any]:
        names = self.names
        if column == NUM:
            return lambda r: r.id
        if column == BOUGHT:  # adopted orders (bought outside) are numbered when found
            return lambda r: r.created_at
        if column == PRICE:
            return lambda r: r.price if r.price is not None else Decimal(-1)
        if column == SERVICE:
            return lambda r: names.service(r.service).casefold()
        if column == COUNTRY:
            return lambda r: names.country(r.account, r.country).casefold()
        if column == OUTCOME:
            return lambda r: outcome_text(r.outcome)
        field = {ACCOUNT: "account", PHONE: "phone", CODE: "code"}.get(column, "note")
        return lambda r: getattr(r, field).casefold()

    # ------------------------------------------------------------------ reading
    def rowCount(self, parent: Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translated(COLUMNS[section])
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole \
                and section == PRICE:
            return QCoreApplication.translate("History",
                                              "What the number cost; a refunded one says so")
        return None

    def row_at(self, row: int) -> Row | None:
        return self._rows[self._shown[row]] if 0 <= row < len(self._shown) else None

    def order_at(self, row: int) -> Order | None:
        return self._orders[self._shown[row]] if 0 <= row < len(self._shown) else None

    def shown_orders(self) -> list[Order]:
        """The orders shown, in the shown order (what an export writes)."""
        return [self._orders[i] for i in self._shown]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        r = self.row_at(index.row()) if index.isValid() else None
        if r is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(r, col)
        if role == Qt.ItemDataRole.ToolTipRole and col in (NOTE, CODE, PHONE, SERVICE):
            text = self._text(r, col)
            return plain_tip(text) if text else None
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (NUM, PRICE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, r: Row, col: int) -> str:
        if col == NUM:
            return str(r.id)
        if col == BOUGHT:
            return date_time(r.created_at)
        if col == ACCOUNT:
            return r.account
        if col == SERVICE:
            return self.names.service_label(r.service)
        if col == COUNTRY:
            return self.names.country(r.account, r.country)
        if col == PHONE:
            return phone(r.phone)
        if col == OUTCOME:
            return outcome_text(r.outcome)
        if col == CODE:
            return r.code
        if col == PRICE:
            if not r.bought:
                return "—"
            shown = money(r.price, self.names.currency(r.account))
            return QCoreApplication.translate("History", "{price}, refunded").format(
                    price=shown) if r.refunded else shown
        return r.note

    def _names_changed(self) -> None:
        if self._shown:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._shown) - 1, len(COLUMNS) - 1))
