"""One offer of the price table as the window uses it (:class:`Row`, built only when
painted or picked), the favourite key of a route, and rows to and from price lists
(for tests and tools; the window itself goes from price lists to the model)."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import NamedTuple

from ..domain import Offer
from ..pricelist import Builder, PriceList
from .format import place


class Row(NamedTuple):
    service_name: str
    service: str
    country_label: str  # flag + name, as shown
    country: str  # the provider-local id sent back on buy
    iso: str | None
    price: Decimal
    stock: int
    account: str
    place: str  # the country's plain name

    @property
    def search(self) -> str:
        """The lower-cased text the filter matches."""
        return f"{self.service_name} {self.service} {self.place} {self.iso or ''}".lower()

    @property
    def favourite_key(self) -> str:
        return favourite_key(self.service, self.iso, self.place)


def favourite_key(service: str, iso: str | None, place_name: str) -> str:
    """Favourites name a route, a service in a country, whatever the account (country
    ids are provider-local): by ISO code where known, else by the country's name."""
    return f"{service}@{iso or place_name}"


def make_rows(account: str, offers: Iterable[Offer]) -> list[Row]:
    """Rows of general offers (tests, tools): as the table shows them."""
    rows = []
    for o in offers:
        where = place(o.country_iso, o.country_name or o.country)
        rows.append(Row(o.service_name, o.service, where.label, o.country, where.iso,
                        o.price, o.stock, account, where.name))
    return rows


def lists_of(rows: Iterable[Row]) -> list[tuple[str, PriceList]]:
    """Rows back into one price list per account, in the order accounts come."""
    builders: dict[str, Builder] = {}
    for r in rows:
        b = builders.setdefault(r.account, Builder())
        b.row(b.service(r.service, r.service_name), b.country(r.country, r.place, r.iso),
              b.money(r.price), r.stock)
    return [(label, b.build()) for label, b in builders.items()]
