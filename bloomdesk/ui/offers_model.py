"""The price table's model: every offer of the chosen account(s) as plain tuples.

Rows are kept presorted by the current sort key, so a keystroke only selects: one
pass of Python over a flat list of search strings, never row by row through a proxy,
never a sort; a text that extends the previous one narrows the current matches.
Formatting happens lazily in ``data()``.  Favourites are pinned on top whatever the
sort.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal
from itertools import compress, repeat
from operator import contains
from typing import Any, NamedTuple

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from ..domain import Offer
from .format import Place, money, place, plain_tip
from .names import Names

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
SORT_ROLE = Qt.ItemDataRole.UserRole


class Row(NamedTuple):
    service_name: str
    service: str
    country_label: str  # flag + name, as shown
    country: str  # the provider-local id sent back on buy
    iso: str | None
    price: Decimal
    stock: int
    account: str
    place: str  # the country's plain name (one string per country, shared)

    # Derived, not stored: two unique strings a row cost ~14 MB over 100k offers.
    @property
    def search(self) -> str:
        """The lower-cased text the filter matches."""
        return f"{self.service_name} {self.service} {self.place} {self.iso or ''}".lower()

    @property
    def favourite_key(self) -> str:
        return favourite_key(self.service, self.iso, self.place)


COLUMNS = ("★", "Service", "Code", "Country", "Price", "Stock", "Account")
STAR, SERVICE, CODE, COUNTRY, PRICE, STOCK, ACCOUNT = range(len(COLUMNS))
_SORT_KEYS: dict[int, Callable[[Row], Any]] = {
    STAR: lambda r: r.favourite_key, SERVICE: lambda r: r.service_name.lower(),
    CODE: lambda r: r.service, COUNTRY: lambda r: r.place.casefold(),
    PRICE: lambda r: r.price, STOCK: lambda r: r.stock, ACCOUNT: lambda r: r.account,
}


def favourite_key(service: str, iso: str | None, place_name: str) -> str:
    """Favourites name a route, a service in a country, whatever the account (country
    ids are provider-local): by ISO code where known, else by the country's name."""
    return f"{service}@{iso or place_name}"


def make_rows(account: str, offers: Iterable[Offer]) -> list[Row]:
    rows = []
    places: dict[tuple[str | None, str | None], Place] = {}
    for o in offers:
        # a few hundred countries over 100k offers: work out each one once
        key = (o.country_iso, o.country_name or o.country)
        where = places.get(key)
        if where is None:
            where = places[key] = place(*key)
        rows.append(Row(o.service_name, o.service, where.label, o.country, where.iso,
                        o.price, o.stock, account, where.name))
    return rows


def _key(row: Row) -> tuple[str, str, str]:
    """An offer's identity across refreshes (its price and stock change)."""
    return row.service, row.country, row.account


def _packed(texts: Iterable[str]) -> list[str]:
    """New string objects allocated one after another."""
    items = list(texts)
    packed = "\0".join(items).split("\0") if items else []
    return packed if len(packed) == len(items) else items  # a NUL in a text: as they are


_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, SORT_ROLE, Qt.ItemDataRole.TextAlignmentRole,
                    Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.ToolTipRole})
GREY, GOLD = QColor("#9a9a9a"), QColor("#d49a00")  # made once, not per painted cell


class OffersModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None, names: Names | None = None) -> None:
        super().__init__(parent)
        self.names = names or Names(self)
        self._rows: list[Row] = []
        self._generation = 0  # bumped by set_rows: row indexes of before mean nothing
        self._found: tuple[Row, int, int] | None = None  # (row, generation, index)
        self._sorted: list[int] = []  # every row index, in the current sort order
        self._sorted_search: list[str] = []  # their search texts, in that order
        self._stocked = b""  # 1 where in stock, in that order
        self._visible: list[int] = []
        self._filter: list[str] = []
        self._text = ""
        # Recent selections by (text, hide): backspace finds its earlier prefix here.
        self._recent: dict[tuple[str, bool], tuple[list[int], list[int]]] = {}
        self._matched: list[int] = []  # positions in the sort order of the current match
        self._hide_empty = False
        self._sort = (PRICE, Qt.SortOrder.AscendingOrder)
        self._favourites: set[str] = set()
        self._fav = b""  # 1 where a favourite, by position in the sort order

    # ------------------------------------------------------------------ Qt API
    def rowCount(self, parent: Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole \
                and section == STAR:
            return "Favourites stay on top (toggle with F or a click on the star)"
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES:  # the view asks ~8 roles a cell: answer the rest at once
            return None
        if not index.isValid() or not 0 <= index.row() < len(self._visible):
            return None
        row = self._rows[self._visible[index.row()]]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == STAR:
                return "★" if row.favourite_key in self.favourites else "☆"
            if col == PRICE:
                return money(row.price, self.names.currency(row.account))
            if col == STOCK:
                return "out of stock" if row.stock <= 0 else f"{row.stock:,}"
            return (None, row.service_name, row.service, row.country_label, None, None,
                    row.account)[col]
        if role == SORT_ROLE:
            return _SORT_KEYS[col](row)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (PRICE, STOCK):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.stock <= 0:
                return GREY
            if col == STAR and row.favourite_key in self.favourites:
                return GOLD
        if role == Qt.ItemDataRole.ToolTipRole and col == COUNTRY:
            return plain_tip(f"{row.country_label} — id {row.country} at {row.account}")
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._presort()
        self._recent.clear()
        self._select(narrow=False)
        self.layoutChanged.emit()

    # ------------------------------------------------------------------ loading
    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self._rows = rows
        self._generation += 1
        self._recent.clear()
        self._presort()
        self._select(narrow=False)
        self.endResetModel()

    def set_filter(self, text: str, hide_out_of_stock: bool | None = None) -> None:
        text = " ".join(text.lower().split())
        hide = self._hide_empty if hide_out_of_stock is None else hide_out_of_stock
        if text == self._text and hide == self._hide_empty:
            return
        # Typing on: every match of the new text is a match of the old one.
        narrow = bool(self._text) and text.startswith(self._text) and hide == self._hide_empty
        self.beginResetModel()
        self._text, self._filter, self._hide_empty = text, text.split(), hide
        recent = self._recent.get((text, hide))
        if recent is not None:
            self._visible, self._matched = recent
        else:
            self._select(narrow)
        self.endResetModel()

    @property
    def favourites(self) -> set[str]:
        return self._favourites

    @favourites.setter
    def favourites(self, keys: set[str]) -> None:
        self._favourites = set(keys)
        self._mark_favourites()

    def toggle_favourite(self, row: int) -> None:
        key = self._rows[self._visible[row]].favourite_key
        self._favourites.symmetric_difference_update({key})
        self.layoutAboutToBeChanged.emit()
        self._mark_favourites()  # a click, not a keystroke: a full pass is fine
        self._visible = self._pinned(self._matched)
        self._recent.clear()
        self.layoutChanged.emit()

    def _mark_favourites(self) -> None:
        favs, rows = self._favourites, self._rows
        self._fav = bytes(rows[i].favourite_key in favs for i in self._sorted) \
            if favs else b""

    def offer_at(self, row: int) -> Row | None:
        return self._rows[self._visible[row]] if 0 <= row < len(self._visible) else None

    def choose(self, row: int) -> Row | None:
        """The offer at `row`, remembered so that :meth:`find` finds it at once."""
        offer = self.offer_at(row)
        if offer is not None:
            self._found = (offer, self._generation, self._visible[row])
        return offer

    def find(self, offer: Row) -> int:
        """Where the same offer (account, service, country) shows now, or -1: what
        lets a selection follow an offer through pins, sorts, filters and refreshes."""
        found, rows = self._found, self._rows
        if found is not None and found[0] is offer and found[1] == self._generation:
            index = found[2]
        else:  # after a refresh: where it was (lists come in the same order), else a pass
            key = _key(offer)
            was = found[2] if found is not None else -1
            index = was if 0 <= was < len(rows) and _key(rows[was]) == key else next(
                (i for i, r in enumerate(rows) if _key(r) == key), -1)
            if index >= 0:
                self._found = (rows[index], self._generation, index)
        try:
            return self._visible.index(index) if index >= 0 else -1
        except ValueError:  # filtered out
            return -1

    @property
    def total(self) -> int:
        return len(self._rows)

    def _presort(self) -> None:
        column, order = self._sort
        key = _SORT_KEYS[column]
        rows = self._rows
        self._sorted = sorted(range(len(rows)), key=lambda i: key(rows[i]),
                              reverse=order == Qt.SortOrder.DescendingOrder)
        # Fresh copies, side by side in memory and in sort order: scanning texts
        # scattered among 100k rows' other objects cost ~200 ns a row in cache misses.
        self._sorted_search = _packed(rows[i].search for i in self._sorted)
        self._stocked = bytes(rows[i].stock > 0 for i in self._sorted)
        self._mark_favourites()

    def _select(self, narrow: bool) -> None:
        """Choose the visible rows.  Matches are kept as positions in the sort order, so
        every scan reads the packed search texts front to back, and every test runs in
        C (map, contains, compress): ~5 ms for 100k rows where a Python loop over
        scattered texts took ~25 ms."""
        texts = self._sorted_search
        positions: Iterable[int] = self._matched if narrow else range(len(texts))
        for term in self._filter:
            tested = map(texts.__getitem__, positions) if narrow or \
                not isinstance(positions, range) else texts  # the first full scan
            positions = list(compress(positions, map(contains, tested, repeat(term))))
        if self._hide_empty and not narrow:  # (narrowing keeps what was hidden hidden)
            positions = compress(positions, map(self._stocked.__getitem__, positions))
        matched = list(positions)
        self._matched = matched
        self._visible = self._pinned(matched)
        if len(self._recent) >= 64:
            self._recent.clear()
        self._recent[(self._text, self._hide_empty)] = (self._visible, self._matched)

    def _pinned(self, matched: list[int]) -> list[int]:
        """The rows at `matched` positions of the sort order, favourites first, each
        part keeping that order."""
        at = self._sorted.__getitem__
        fav = self._fav
        if not fav:
            return list(map(at, matched))
        top = list(compress(matched, map(fav.__getitem__, matched)))
        if not top:
            return list(map(at, matched))
        rest = compress(matched, (not f for f in map(fav.__getitem__, matched)))
        return list(map(at, top)) + list(map(at, rest))
