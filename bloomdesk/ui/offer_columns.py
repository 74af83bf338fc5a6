"""The price table's columns: their names, how each sorts, and the words and colours
of their cells (the user's record of a route, a stock count, out of stock), in the
user's language and the palette's colours."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QColor

from ..i18n import QT_TRANSLATE_NOOP
from .look import Tone, ink, muted
from .offer_rows import Row
from .words import translated

translate = QCoreApplication.translate

COLUMNS = ("★", QT_TRANSLATE_NOOP("OffersModel", "Service"),
           QT_TRANSLATE_NOOP("OffersModel", "Code"), QT_TRANSLATE_NOOP("OffersModel", "Country"),
           QT_TRANSLATE_NOOP("OffersModel", "Price"), QT_TRANSLATE_NOOP("OffersModel", "Stock"),
           QT_TRANSLATE_NOOP("OffersModel", "Account"),
           QT_TRANSLATE_NOOP("OffersModel", "Your success"),
           QT_TRANSLATE_NOOP("OffersModel", "Median code time"))
STAR, SERVICE, CODE, COUNTRY, PRICE, STOCK, ACCOUNT, SUCCESS, MEDIAN = range(len(COLUMNS))
# the user's own record of a route: (account, service, country id) -> (share of orders
# that got a code, orders, median seconds to the code); from Desk.stats()
Record = dict[tuple[str, str, str], tuple[float, int, float | None]]
SORT_KEYS: dict[int, Callable[[Row], Any]] = {
    STAR: lambda r: r.favourite_key, SERVICE: lambda r: r.service_name.lower(),
    CODE: lambda r: r.service, COUNTRY: lambda r: r.place.casefold(),
    PRICE: lambda r: r.price, STOCK: lambda r: r.stock, ACCOUNT: lambda r: r.account,
}
SORTS = {STAR: "favourite", SERVICE: "service", CODE: "code", COUNTRY: "country",
         PRICE: "price", STOCK: "stock", ACCOUNT: "account"}


def header(section: int, role: int) -> Any:
    if role == Qt.ItemDataRole.DisplayRole:
        return translated(COLUMNS[section])
    if role == Qt.ItemDataRole.ToolTipRole and section == STAR:
        return translate("OffersModel",
                         "Favourites stay on top (toggle with F or a click on the star)")
    return None


def record_text(col: int, had: tuple[float, int, float | None]) -> str:
    """The user's record of a route: the share of orders that got a code, or the
    median time to the code."""
    number = QLocale().toString
    if col == SUCCESS:
        return translate("OffersModel", "{share}% of {orders}").format(
            share=number(round(had[0] * 100)), orders=number(had[1]))
    if had[2] is None:
        return ""
    if had[2] < 120:
        return translate("OffersModel", "{seconds} s").format(seconds=number(round(had[2])))
    return translate("OffersModel", "{minutes} min").format(minutes=number(round(had[2] / 60)))


def record_tip(had: tuple[float, int, float | None]) -> str:
    return translate("OffersModel", "{got} of your {orders} orders here got a code").format(
        got=round(had[0] * had[1]), orders=had[1])


class Words:
    """What the cells say and their colours, made once (a model paints 30 rows a frame):
    again when the palette changes (:meth:`retone`)."""

    def __init__(self) -> None:
        self.out = translate("OffersModel", "out of stock")
        self.locale = QLocale()
        self.grey, self.gold = QColor(), QColor()
        self.retone()

    def retone(self) -> None:
        self.grey, self.gold = muted(), ink(Tone.FAVOURITE)

    def count(self, n: int) -> str:
        return self.locale.toString(n)

    def where(self, row: Row) -> str:
        return translate("OffersModel", "{country} — id {id} at {account}").format(
            country=row.country_label, id=row.country, account=row.account)
