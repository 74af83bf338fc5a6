"""The price table's model: the offers of the chosen account(s), straight from their
price lists' columns (:mod:`.offer_table`), with no object per offer.

A row is built only when the view paints it or someone picks it (:class:`Row`, a
plain tuple); a keystroke selects by byte masks and never lists the visible rows.
Favourites are pinned on top whatever the sort.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from ..pricelist import PriceList
from .format import money, place, plain_tip
from .look import look
from .names import Names
from .offer_columns import (
    ACCOUNT,
    CODE,
    COLUMNS,
    COUNTRY,
    MEDIAN,
    PRICE,
    SERVICE,
    SORT_KEYS,
    SORTS,
    STAR,
    STOCK,
    SUCCESS,
    Record,
    Words,
    header,
    record_text,
    record_tip,
)
from .offer_rows import Row, favourite_key, lists_of, make_rows
from .offer_table import OfferTable, Picked

__all__ = ["ACCOUNT", "CODE", "COLUMNS", "COUNTRY", "MEDIAN", "PRICE", "SERVICE", "STAR",
           "STOCK", "SUCCESS", "OffersModel", "Row", "favourite_key", "lists_of", "make_rows"]

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
SORT_ROLE = Qt.ItemDataRole.UserRole

_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, SORT_ROLE, Qt.ItemDataRole.TextAlignmentRole,
                    Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.ToolTipRole})
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class OffersModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None, names: Names | None = None) -> None:
        super().__init__(parent)
        self.names = names or Names(self)
        self._table = OfferTable([], place)
        self._generation = 0  # bumped by set_lists: offer indexes of before mean nothing
        self._found: tuple[Row, int, int] | None = None  # (row, generation, index)
        self._positions: dict[int, int] = {}  # offer index -> place in the sort order
        self._shown = b""  # 1 where shown, by place in the sort order
        self._fav = b""  # 1 where a favourite, by place in the sort order
        self._top, self._rest = Picked(b""), Picked(b"")
        self._count = 0  # rows shown (the view asks for it with every cell it paints)
        self._built: dict[int, Row] = {}  # rows built for the view, by row number
        self._terms: list[str] = []
        self._text = ""
        self._hide_empty = False
        self._sort = (PRICE, Qt.SortOrder.AscendingOrder)
        self._favourites: set[str] = set()
        self._others: Sequence[Sequence[int]] | None = None
        self.record: Record = {}
        self.sellers: Callable[[Row], str] | None = None  # the best view's tooltip
        self.words = Words()  # the column's words and colours, made once, not per cell
        look().changed.connect(self.words.retone)

    # ------------------------------------------------------------------ Qt API
    def rowCount(self, parent: Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            return header(section, role)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES:  # the view asks ~8 roles a cell: answer the rest at once
            return None
        row = self._built.get(index.row())
        if row is None:
            row = self.offer_at(index.row())
            if row is None:
                return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == STAR:
                return "★" if row.favourite_key in self._favourites else "☆"
            if col == PRICE:
                return money(row.price, self.names.currency(row.account))
            if col == STOCK:
                return self.words.out if row.stock <= 0 else self.words.count(row.stock)
            if col >= ACCOUNT:
                return self._beside(index.row(), row, col)
            return (None, row.service_name, row.service, row.country_label)[col]
        if role == SORT_ROLE:
            return SORT_KEYS[col](row) if col < SUCCESS else self._beside(0, row, col)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if col in (PRICE, STOCK, SUCCESS, MEDIAN) else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.stock <= 0:
                return self.words.grey
            if col == STAR and row.favourite_key in self._favourites:
                return self.words.gold
        if role == Qt.ItemDataRole.ToolTipRole and col == COUNTRY:
            return plain_tip(self.words.where(row))
        if role == Qt.ItemDataRole.ToolTipRole and col == ACCOUNT and self.sellers:
            return plain_tip(self.sellers(row))
        if role == Qt.ItemDataRole.ToolTipRole and col in (SUCCESS, MEDIAN):
            had = self.record.get((row.account, row.service, row.country))
            return None if had is None else record_tip(had)
        return None

    def _beside(self, at: int, row: Row, col: int) -> Any:
        """The Account column (with how many other accounts sell the route, in the best
        view) and the user's own record of the route."""
        if col == ACCOUNT:
            if not self._others:
                return row.account
            a, i = self._table.locate(self._index_at(at))
            n = self._others[a][i]
            return f"{row.account} +{n}" if n else row.account
        had = self.record.get((row.account, row.service, row.country))
        return "" if had is None else record_text(col, had)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if (column, order) == self._sort:
            return  # the view asks again as it is set up and restored: nothing changes
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._presort()
        self._select()
        self.layoutChanged.emit()

    # ------------------------------------------------------------------ loading
    def set_lists(self, lists: Sequence[tuple[str, PriceList]],
                  others: Sequence[Sequence[int]] | None = None) -> None:
        """The offers of these accounts' price lists, (label, list) in table order;
        `others` (the best view): per list, per row, how many other accounts sell it."""
        self.beginResetModel()
        self._others = others
        self._table = OfferTable(lists, place)
        self._generation += 1
        self._presort()
        self._select()
        self.endResetModel()
        # What is alive now lives long (widgets, modules, the table): out of the cyclic
        # collector's full passes, which otherwise stall a keystroke ~10 ms at random.
        gc.freeze()

    def set_rows(self, rows: list[Row]) -> None:
        """Rows made elsewhere (make_rows): as price lists, by account."""
        self.set_lists(lists_of(rows))

    @property
    def lists(self) -> list[tuple[str, PriceList]]:
        return self._table.lists

    def set_filter(self, text: str, hide_out_of_stock: bool | None = None) -> None:
        text = " ".join(text.lower().split())
        hide = self._hide_empty if hide_out_of_stock is None else hide_out_of_stock
        if text == self._text and hide == self._hide_empty:
            return
        self.beginResetModel()
        self._text, self._terms, self._hide_empty = text, text.split(), hide
        self._select()
        self.endResetModel()

    @property
    def favourites(self) -> set[str]:
        return self._favourites

    @favourites.setter
    def favourites(self, keys: set[str]) -> None:
        self._favourites = set(keys)
        self._mark_favourites()
        self._pin()

    def toggle_favourite(self, row: int) -> None:
        offer = self.offer_at(row)
        if offer is None:
            return
        self._favourites.symmetric_difference_update({offer.favourite_key})
        self.layoutAboutToBeChanged.emit()
        self._mark_favourites()
        self._pin()
        self.layoutChanged.emit()

    def _mark_favourites(self) -> None:
        routes = {(s, where) for s, _, where in (k.rpartition("@") for k in self._favourites)}
        self._fav = self._table.routes_mask(routes) if routes else b""

    # ------------------------------------------------------------------ offers
    def _index_at(self, row: int) -> int:
        """The offer index shown at `row` (0 <= row < rowCount)."""
        top = len(self._top)
        position = self._top.select(row) if row < top else self._rest.select(row - top)
        return self._table.order[position]

    def _make(self, index: int) -> Row:
        table = self._table
        a, i = table.locate(index)
        pl = table.lists[a][1]
        s, c = pl.svc[i], pl.cty[i]
        where = table.places[table.local_place[a][c]]
        return Row(pl.service_names[s], pl.services[s], where.label, pl.countries[c],
                   where.iso, pl.prices[pl.price[i]], pl.stock[i], table.accounts[a],
                   where.name)

    def offer_at(self, row: int) -> Row | None:
        if not 0 <= row < self.rowCount():
            return None
        offer = self._built.get(row)
        if offer is None:
            if len(self._built) > 4096:
                self._built.clear()
            offer = self._built[row] = self._make(self._index_at(row))
        return offer

    def choose(self, row: int) -> Row | None:
        """The offer at `row`, remembered so that :meth:`find` finds it at once."""
        offer = self.offer_at(row)
        if offer is not None:
            self._found = (offer, self._generation, self._index_at(row))
        return offer

    def find(self, offer: Row) -> int:
        """Where the same offer (account, service, country) shows now, or -1: what
        lets a selection follow an offer through pins, sorts, filters and refreshes."""
        found = self._found
        if found is not None and found[0] is offer and found[1] == self._generation:
            index = found[2]
        else:  # after a refresh: where it was (lists come in the same order), else a look
            index = self._table.index_of(offer.account, offer.service, offer.country,
                                         found[2] if found is not None else -1)
            if index < 0:
                return -1
            self._found = (self._make(index), self._generation, index)
        position = self._positions.get(index)
        if position is None:
            position = self._positions[index] = self._table.order.index(index)
        if self._fav and self._fav[position]:
            return self._top.rank(position)
        rank = self._rest.rank(position)
        return len(self._top) + rank if rank >= 0 else -1

    @property
    def total(self) -> int:
        return self._table.total

    def _presort(self) -> None:
        column, order = self._sort
        descending = order == Qt.SortOrder.DescendingOrder
        if column < SUCCESS:
            self._table.sort(SORTS[column], descending)
        else:  # the user's record: routes without one after those with, either way
            keys: list[float] = [-1.0 if descending else 1e18] * self._table.total
            for (account, service, country), had in self.record.items():
                at = self._table.index_of(account, service, country)
                value = had[0] if column == SUCCESS else had[2]
                if at >= 0 and value is not None:
                    keys[at] = value
            self._table.sort_by(keys, descending)
        self._positions.clear()
        self._mark_favourites()

    def _select(self) -> None:
        self._shown = self._table.select(self._terms, self._hide_empty)
        self._pin()

    def _pin(self) -> None:
        """Favourites first, each part in the sort order."""
        self._built.clear()
        n = self._table.total
        if not self._fav or not n:
            self._top, self._rest = Picked(b""), Picked(self._shown)
        else:
            shown = int.from_bytes(self._shown, "little")
            fav = int.from_bytes(self._fav, "little")
            self._top = Picked((shown & fav).to_bytes(n, "little"))
            self._rest = Picked((shown & ~fav).to_bytes(n, "little"))
        self._count = len(self._top) + len(self._rest)
