"""The price table: one view over the offers of one account or all, filtered as you
type (debounced), sortable, favourites on top, out-of-stock optionally hidden.

The selection belongs to an offer, not to a row number: through a pin, a sort, a
filter or a price refresh it follows the offer the user chose, so Enter buys exactly
what is highlighted.  A refresh also keeps the scroll position.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..i18n import QT_TRANSLATE_NOOP
from ..pricelist import PriceList
from .columns import GivingColumn
from .look import bold
from .names import Names
from .offers_model import (
    MEDIAN,
    PRICE,
    SERVICE,
    STAR,
    STOCK,
    SUCCESS,
    OffersModel,
    Row,
    lists_of,
)
from .offers_view import OffersTable
from .price_words import count_line, why_nothing
from .words import translated

ALL = QT_TRANSLATE_NOOP("PricePanel", "All accounts")
BEST = QT_TRANSLATE_NOOP("PricePanel", "Best of all accounts")  # a row per route, cheapest
_KEYS: dict[str, str] = {ALL: "\0all", BEST: "\0best"}  # their items' data: no account's label
_SELECT = QItemSelectionModel.SelectionFlag.ClearAndSelect \
    | QItemSelectionModel.SelectionFlag.Rows


class PricePanel(QWidget):
    accountChosen = Signal(str)  # noqa: N815
    buyRequested = Signal(object)  # noqa: N815 - the Row the user chose
    buyBestRequested = Signal(object)  # noqa: N815 - its route, bought on the best account
    favouriteToggled = Signal()  # noqa: N815
    nothingChosen = Signal(str)  # noqa: N815 - why Enter bought nothing

    def __init__(self, parent: QWidget | None = None, names: Names | None = None) -> None:
        super().__init__(parent)
        self.model = OffersModel(self, names)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Filter services and countries (Ctrl+F)…"))
        self.filter.setClearButtonEnabled(True)
        self.account = QComboBox(self)
        self.account.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.hide_empty = QCheckBox(self.tr("&Hide out of stock"), self)
        self.buy_button = QPushButton(self.buy_text(), self)
        self.buy_button.setDefault(False)
        self.buy_button.setToolTip(self.tr("Buy the selected offer, after a question with "
                                           "its price and your balance after"))
        self.hide_empty.setToolTip(self.tr("Show only the offers with numbers in stock"))
        self.best_button = QPushButton(self.tr("Buy &best"), self)
        self.best_button.setToolTip(self.tr(
            "Buy this service in this country on the account that sells it cheapest, the "
            "next one if that has no numbers (Shift+Enter)"))
        self.status = QLabel(self)
        self.status.setObjectName("prices-status")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # muted, any theme
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
        header.setStretchLastSection(False)
        header.setSectionResizeMode(SERVICE, QHeaderView.ResizeMode.Stretch)
        for col, width in enumerate((28, 200, 56, 190, 76, 84, 150, 100, 120)):
            # each header whole, in any language (and "out of stock" in its cells)
            wanted = header.sectionSizeFromContents(col).width()
            if col == STOCK:
                wanted = max(wanted, self.table.fontMetrics().horizontalAdvance(
                    self.model.words.out) + 12)
            self.table.setColumnWidth(col, max(width, wanted))
        self.service_column = GivingColumn(self.table, SERVICE, 140)
        self.show_record(False)

        top = QHBoxLayout()
        title = QLabel(self.tr("Prices"), self)
        bold(title)
        top.addWidget(title)
        top.addWidget(self.filter, 1)
        top.addWidget(self.account)
        top.addWidget(self.hide_empty)
        top.addWidget(self.buy_button)
        top.addWidget(self.best_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)

        self._state = ""  # what the price side says: loading, age, a failed refresh
        self._chosen: Row | None = None  # the offer the user chose, wherever it moves
        self._moving = False
        self._keep_scroll = False
        self._scroll = 0
        self._column = SERVICE
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(120)
        self._debounce.timeout.connect(self.apply_filter)
        self.filter.textChanged.connect(self._typed)
        self.filter.installEventFilter(self)
        self.hide_empty.toggled.connect(self.apply_filter)
        self.account.currentTextChanged.connect(self.accountChosen.emit)
        self.buy_button.clicked.connect(self.buy_chosen)
        self.table.enterPressed.connect(self.buy_chosen)
        self.table.bestPressed.connect(self.buy_best)
        self.best_button.clicked.connect(self.buy_best)
        self.table.favouriteKey.connect(self._favourite_key)
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.clicked.connect(self._clicked)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        for before in (self.model.modelAboutToBeReset, self.model.layoutAboutToBeChanged):
            before.connect(self._before)
        for after in (self.model.modelReset, self.model.layoutChanged):
            after.connect(self._after)

    # ------------------------------------------------------------------ accounts, rows
    def buy_text(self, busy: bool = False) -> str:
        return self.tr("Buying…") if busy else self.tr("Buy (Enter)")

    def set_accounts(self, labels: list[str]) -> None:
        current = self.chosen()
        self.account.blockSignals(True)
        self.account.clear()
        for label in labels:
            self.account.addItem(label, label)
        for special, key in _KEYS.items():
            self.account.addItem(translated(special), key)
        wanted = current if current in (*labels, ALL, BEST) else (labels[0] if labels else ALL)
        self.account.setCurrentIndex(max(0, self.account.findData(_KEYS.get(wanted, wanted))))
        self.account.blockSignals(False)

    def show_record(self, shown: bool) -> None:
        """The user's own record of each route, in two columns, where there is one."""
        for col in (SUCCESS, MEDIAN):
            self.table.setColumnHidden(col, not shown)
        self.service_column.fit()

    def chosen(self) -> str:
        """The account chosen (its label), or ALL or BEST."""
        data = self.account.currentData()
        if data is None:
            return self.account.currentText()
        return next((special for special, key in _KEYS.items() if key == data), str(data))

    def set_lists(self, lists: Sequence[tuple[str, PriceList]],
                  others: Sequence[Sequence[int]] | None = None) -> None:
        """New prices, (account, price list) in table order: the chosen offer stays
        chosen, the scroll stays where it was (`others`: see OffersModel.set_lists)."""
        self._keep_scroll = True
        try:
            self.model.set_lists(lists, others)
        finally:
            self._keep_scroll = False

    def set_rows(self, rows: list[Row]) -> None:
        """Rows made elsewhere (make_rows), as :meth:`set_lists`."""
        self.set_lists(lists_of(rows))

    def set_state(self, text: str) -> None:
        """Loading, the prices' age, a failed refresh: shown under the table."""
        if text != self._state:
            self._state = text
            self._count()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Down or Enter in the filter goes to the offers (the first one chosen if
        none is): type, Enter, Enter buys."""
        if watched is self.filter and event.type() == QEvent.Type.KeyPress \
                and isinstance(event, QKeyEvent) and event.key() in (
                    Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.apply_filter()
            self.table.setFocus()
            if self.selected_offer() is None and self.model.rowCount():
                self.table.selectRow(0)
            return True
        return super().eventFilter(watched, event)

    def _typed(self, _text: str) -> None:
        self._debounce.start()

    def apply_filter(self, *_: object) -> None:
        self._debounce.stop()
        self.model.set_filter(self.filter.text(), self.hide_empty.isChecked())

    # ------------------------------------------------------------------ the chosen offer
    def selected_offer(self) -> Row | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.offer_at(rows[0].row()) if rows else None

    def _selection_changed(self, *_: QItemSelection) -> None:
        if not self._moving:
            rows = self.table.selectionModel().selectedRows()
            self._chosen = self.model.choose(rows[0].row()) if rows else None

    def _before(self) -> None:
        self._moving = True
        self._scroll = self.table.verticalScrollBar().value()
        column = self.table.currentIndex().column()
        self._column = column if column >= 0 else SERVICE

    def _after(self) -> None:
        offer = self._chosen
        position = self.model.find(offer) if offer is not None else -1
        selection = self.table.selectionModel()
        if position >= 0:
            self._chosen = self.model.choose(position)
            index = self.model.index(position, self._column)
            selection.setCurrentIndex(index, _SELECT)
        elif offer is not None or selection.hasSelection():
            selection.clear()  # hidden by the filter: chosen again when it shows again
        if self._keep_scroll:
            self.table.verticalScrollBar().setValue(self._scroll)
        elif position >= 0:
            self.table.scrollTo(self.model.index(position, self._column))
        self._moving = False
        self._count()

    def buy_best(self) -> None:
        offer = self.selected_offer()
        if offer is not None:
            self.buyBestRequested.emit(offer)
        else:
            self.buy_chosen()  # says why nothing was bought

    def buy_chosen(self) -> None:
        offer = self.selected_offer()
        if offer is not None:
            self.buyRequested.emit(offer)
            return
        self.nothingChosen.emit(why_nothing(self.model.total, self.model.rowCount(),
                                            self.filter.text(), self._chosen))

    def _favourite_key(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.model.toggle_favourite(index.row())
            self.favouriteToggled.emit()

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.column() != STAR:
            self.buy_chosen()

    def _clicked(self, index: QModelIndex) -> None:
        if index.column() == STAR:
            self.model.toggle_favourite(index.row())
            self.favouriteToggled.emit()

    # ------------------------------------------------------------------ what it says
    def _count(self) -> None:
        line, empty = count_line(self.model.rowCount(), self.model.total,
                                 self.filter.text(), self._state)
        self.status.setText(line)
        self.table.empty_text = empty
        self.table.viewport().update()
