"""The history dialog (issue 17): every finished order, narrowed by account, service,
outcome and dates, what they add up to, a chart of the money spent per day by account
and of the share of numbers that got a code per service, and a CSV export of what is
shown.  ``history.History`` opens it over the Desk's journal."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QStandardPaths, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..domain import Order
from .access import described
from .format import money
from .history_chart import HistoryChart
from .history_data import Filter, Outcome
from .history_export import export
from .history_model import NOTE, NUM, OUTCOMES, PRICE, HistoryModel, translated
from .names import Names

LIMIT = 100_000  # the newest orders read from the journal (the view says when it is more)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(qdate: QDate) -> date:
    return date(qdate.year(), qdate.month(), qdate.day())


def _amounts(money_by: dict[str, Decimal]) -> str:
    return " + ".join(money(v, c) for c, v in sorted(money_by.items())) or money(Decimal(0))


class HistoryDialog(QDialog):
    def __init__(self, names: Names, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("History"))
        self.names = names
        self.model = HistoryModel(names, self)
        self.account, self.service, self.outcome = (QComboBox(self) for _ in range(3))
        for combo in (self.account, self.service, self.outcome):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setMaximumWidth(220)
        self.outcome.addItem(self.tr("Any outcome"), None)
        for outcome, text in OUTCOMES.items():
            self.outcome.addItem(translated(text), outcome.value)
        self.first, self.last = QDateEdit(self), QDateEdit(self)
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(QLocale().dateFormat(QLocale.FormatType.ShortFormat))
            edit.dateChanged.connect(self._dates_changed)
        self.all_dates = QPushButton(self.tr("All dates"), self)
        self.all_dates.setToolTip(self.tr("From the first order to today"))
        self.all_dates.clicked.connect(self.reset_dates)
        self._dates_set = False  # by the user: a reload keeps them
        self.totals = QLabel(self)
        self.totals.setTextFormat(Qt.TextFormat.PlainText)
        self.totals.setWordWrap(True)
        self.chart = HistoryChart(self)
        self.table = self._table()
        self.said = QLabel(self)  # what the last export came to
        self.said.setTextFormat(Qt.TextFormat.PlainText)
        self.said.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        self.export_button = buttons.addButton(self.tr("Export CSV…"),
                                               QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.clicked.connect(self.ask_export)
        self.export_button.setToolTip(self.tr("Write the orders shown to a CSV file"))
        described(buttons, "", self.tr("Close the history"))
        for widget, tip in ((self.account, self.tr("Only this account's orders")),
                            (self.service, self.tr("Only this service's orders")),
                            (self.outcome, self.tr("Only the orders that ended so")),
                            (self.first, self.tr("The first day shown")),
                            (self.last, self.tr("The last day shown"))):
            widget.setToolTip(tip)
        self._groups = (self._group(((self.tr("&Account:"), self.account),
                                     (self.tr("&Service:"), self.service),
                                     (self.tr("&Outcome:"), self.outcome))),
                        self._group(((self.tr("&From:"), self.first),
                                     (self.tr("&To:"), self.last)), self.all_dates))
        self.filters = QGridLayout()
        self.filters.setContentsMargins(0, 0, 0, 0)
        self.filters.setColumnStretch(2, 1)
        self.filters.addWidget(self._groups[0], 0, 0, Qt.AlignmentFlag.AlignLeft)
        self._wide: bool | None = None
        layout = QVBoxLayout(self)
        layout.addLayout(self.filters)
        layout.addWidget(self.totals)
        layout.addWidget(self.chart)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.said, 1)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)
        self.model.summaryChanged.connect(self._show_summary)
        for combo in (self.account, self.service, self.outcome):
            combo.currentIndexChanged.connect(self.apply_filters)
        self.capped = False
        self._fitted = False
        self._show_summary()

    def _group(self, pairs: tuple[tuple[str, QWidget], ...],
               *more: QWidget) -> QWidget:
        """Filters that stay on one line: each caption beside its field."""
        group = QWidget(self)
        row = QHBoxLayout(group)
        row.setContentsMargins(0, 0, 0, 0)
        for caption, widget in pairs:
            label = QLabel(caption, group)
            label.setBuddy(widget)
            widget.setAccessibleName(caption.replace("&", "").rstrip(":：").strip())
            row.addWidget(label)
            row.addWidget(widget)
        for widget in more:
            row.addWidget(widget)
        return group

    def _place_filters(self) -> None:
        """The filters on one line, or on two where the dialog is narrow (800x600)."""
        first, second = self._groups
        wide = self.width() - 24 >= first.sizeHint().width() + second.sizeHint().width()
        if wide is self._wide:
            return
        self._wide = wide
        self.filters.removeWidget(second)
        self.filters.addWidget(second, 0 if wide else 1, 1 if wide else 0,
                               Qt.AlignmentFlag.AlignLeft)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        self._place_filters()
        super().resizeEvent(event)

    def _table(self) -> QTableView:
        table = QTableView(self)
        table.setModel(self.model)
        table.setAccessibleName(self.tr("Finished orders"))
        table.setAccessibleDescription(self.tr("The orders the filters let through"))
        table.setTabKeyNavigation(False)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(24)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setSortingEnabled(True)
        table.sortByColumn(NUM, Qt.SortOrder.DescendingOrder)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        return table

    # ------------------------------------------------------------------ orders
    def set_orders(self, orders: Iterable[Order], charges_silence: Callable[[str], bool],
                   capped: bool = False) -> None:
        """The journal's orders (the newest LIMIT when `capped`)."""
        self.capped = capped
        self.model.set_orders(orders, charges_silence)
        self._refill()

    def add(self, orders: Iterable[Order]) -> None:
        """Orders that changed while the view is open: shown if they finished."""
        if self.model.upsert(orders):
            self._refill()

    def _refill(self) -> None:
        """The filters' choices from the orders there are, the user's picks kept."""
        rows = self.model.rows()
        accounts = sorted({r.account for r in rows}, key=str.casefold)
        services = sorted({r.service for r in rows},
                          key=lambda s: self.names.service(s).casefold())
        for combo, anything, items in (
                (self.account, self.tr("All accounts"), [(a, a) for a in accounts]),
                (self.service, self.tr("All services"),
                 [(self.names.service_label(s), s) for s in services])):
            picked = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(anything, None)
            for text, value in items:
                combo.addItem(text, value)
            combo.setCurrentIndex(max(0, combo.findData(picked)))
            combo.blockSignals(False)
        days = [r.day for r in rows] or [date.today()]
        low, high = _qdate(min(days)), _qdate(max(max(days), date.today()))
        for edit in (self.first, self.last):
            edit.blockSignals(True)
            edit.setDateRange(low, high)
            edit.blockSignals(False)
        if not self._dates_set:
            self.reset_dates()
        else:
            self.apply_filters()
        if not self._fitted and self.model.rowCount():
            self._fit_columns()

    def _fit_columns(self) -> None:
        """Once, when there are rows: then the widths are the user's.  A price keeps
        room for "refunded", which a later order may say."""
        self._fitted = True
        self.table.resizeColumnsToContents()  # sampled: 1000 rows at most
        for col in range(NOTE):
            self.table.setColumnWidth(col, min(self.table.columnWidth(col), 220))
        refunded = QCoreApplication.translate("History", "{price}, refunded").format(
            price=money(Decimal("88.88")))
        self.table.setColumnWidth(PRICE, max(self.table.columnWidth(PRICE), 16 +
                                             self.table.fontMetrics().horizontalAdvance(refunded)))

    # ------------------------------------------------------------------ filters
    def reset_dates(self) -> None:
        for edit, value in ((self.first, self.first.minimumDate()),
                            (self.last, self.last.maximumDate())):
            edit.blockSignals(True)
            edit.setDate(value)
            edit.blockSignals(False)
        self._dates_set = False
        self.apply_filters()

    def _dates_changed(self) -> None:
        self._dates_set = True
        self.apply_filters()

    def apply_filters(self) -> None:
        outcome = self.outcome.currentData()
        self.model.set_filter(Filter(
            account=self.account.currentData(), service=self.service.currentData(),
            outcome=Outcome(outcome) if outcome else None,
            first=_day(self.first.date()), last=_day(self.last.date())))

    def _show_summary(self) -> None:
        s = self.model.summary
        first, last = self.model.filter.first, self.model.filter.last
        self.chart.set_summary(s, (first, last) if first and last else None,
                               self.names.currency, self.names.service)
        self.export_button.setEnabled(s.orders > 0)
        if not self.model.rows():
            self.totals.setText(self.tr("No finished orders yet: a number you buy shows "
                                        "here once it ends."))
            return
        if not s.orders:
            self.totals.setText(self.tr("No finished order matches these filters."))
            return
        net = {c: v - s.refunded.get(c, Decimal(0)) for c, v in s.spent.items()}
        text = self.tr("Orders: {orders} · with a code: {code} ({share}%) · spent: {spent}"
                       " · refunded: {refunded} · net: {net}").format(
            orders=s.orders, code=s.with_code, share=round(100 * s.with_code / s.orders),
            spent=_amounts(s.spent), refunded=_amounts(s.refunded), net=_amounts(net))
        if self.capped:
            text += " " + self.tr("(the newest {limit} orders only)").format(limit=LIMIT)
        self.totals.setText(text)

    # ------------------------------------------------------------------ export
    def ask_export(self) -> None:
        folder = Path(QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation))
        folder = folder if folder.is_dir() else Path.home()  # never the current folder
        name = f"bloomdesk-history-{date.today().isoformat()}.csv"
        dialog = QFileDialog(self, self.tr("Export the history as CSV"),
                             str(folder / name), self.tr("CSV files (*.csv)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("csv")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self.export_to)
        self.file_dialog = dialog
        dialog.open()

    def export_to(self, path: str) -> None:
        try:
            count = export(self.model.shown_orders(), path)
        except OSError as exc:
            self.said.setText(self.tr("Could not write {path}: {reason}").format(
                path=path, reason=exc.strerror or str(exc)))
            return
        self.said.setText(self.tr("{count} orders written to {path}").format(
            count=count, path=path))
