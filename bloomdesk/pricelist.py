"""A price list as columns: one account's offers with no object per offer.

A catalogue repeats a few hundred services, countries and prices over 100k offers,
so a :class:`PriceList` keeps each distinct value once and, per offer, four numbers
(which service, which country, which price, how many in stock) in ``array``\\ s:
~16 bytes an offer where an :class:`~bloomdesk.domain.Offer` and its fields cost
~150.  The window's table, the cache in the state folder and the providers'
direct parse (``Provider.price_rows``) all speak it; the general ``Offer`` stays
for the CLI and the API (:meth:`PriceList.offers`, :func:`from_offers`).

Nothing here does I/O or imports Qt.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator
from decimal import Decimal

from .domain import Offer

INDEX = "I"  # unsigned 32-bit: more distinct values than any list could hold


class PriceList:
    """The offers of one account.  Row ``i`` sells service ``services[svc[i]]`` (named
    ``service_names[svc[i]]``) in country ``countries[cty[i]]`` (provider-local id,
    named ``country_names[...]``, ISO ``country_isos[...]`` where known) at
    ``prices[price[i]]``, ``stock[i]`` in stock.  ``read_at``: when the provider
    sent it (seconds since the epoch)."""

    __slots__ = ("countries", "country_isos", "country_names", "cty", "in_price_order",
                 "price", "prices", "read_at", "service_names", "services", "stock", "svc")

    def __init__(self, services: list[str], service_names: list[str], countries: list[str],
                 country_names: list[str | None], country_isos: list[str | None],
                 prices: list[Decimal], svc: array[int], cty: array[int],
                 price: array[int], stock: array[int], read_at: float = 0.0) -> None:
        self.services, self.service_names = services, service_names
        self.countries, self.country_names, self.country_isos = (
            countries, country_names, country_isos)
        self.prices = prices
        self.svc, self.cty, self.price, self.stock = svc, cty, price, stock
        self.read_at = read_at
        self.in_price_order = False  # rows cheapest first, ties as sent (by_price)

    def __len__(self) -> int:
        return len(self.svc)

    def __repr__(self) -> str:
        return (f"PriceList({len(self):,} offers, {len(self.services)} services, "
                f"{len(self.countries)} countries)")

    def check(self) -> None:
        """Raise ValueError unless every column agrees and every index points at a
        value (what a list read back from a file must show before it is used)."""
        n = len(self.svc)
        if not len(self.cty) == len(self.price) == len(self.stock) == n:
            raise ValueError("columns of different lengths")
        if not len(self.services) == len(self.service_names):
            raise ValueError("services and their names differ in number")
        if not len(self.countries) == len(self.country_names) == len(self.country_isos):
            raise ValueError("countries and their names differ in number")
        for column, values in ((self.svc, self.services), (self.cty, self.countries),
                               (self.price, self.prices)):
            if n and max(column) >= len(values):
                raise ValueError("an index points past its values")

    def offer(self, i: int) -> Offer:
        s, c = self.svc[i], self.cty[i]
        return Offer(self.services[s], self.service_names[s], self.countries[c],
                     self.prices[self.price[i]], self.stock[i], self.country_names[c],
                     self.country_isos[c])

    def offers(self) -> Iterator[Offer]:
        """Every row as a general :class:`Offer` (for the CLI, the API and tests)."""
        return map(self.offer, range(len(self)))

    def find(self, service: str, country: str) -> int:
        """The row selling `service` in `country` (provider-local id), or -1."""
        try:
            s, c = self.services.index(service), self.countries.index(country)
        except ValueError:
            return -1
        for i, (a, b) in enumerate(zip(self.svc, self.cty, strict=True)):
            if a == s and b == c:
                return i
        return -1

    def by_price(self) -> PriceList:
        """A copy with the rows in price order, cheapest first (ties as they came):
        the table's default order, so that a list kept this way (the cache) costs
        its sort nothing."""
        rank = {p: r for r, p in enumerate(sorted(set(self.prices)))}
        keys = list(map([rank[p] for p in self.prices].__getitem__, self.price))
        order = sorted(range(len(self)), key=keys.__getitem__)

        def take(column: array[int]) -> array[int]:
            return array(INDEX, map(column.__getitem__, order))

        out = PriceList(self.services, self.service_names, self.countries,
                        self.country_names, self.country_isos, self.prices,
                        take(self.svc), take(self.cty), take(self.price), take(self.stock),
                        self.read_at)
        out.in_price_order = True
        return out

    def with_offer(self, offer: Offer, read_at: float | None = None) -> PriceList:
        """A copy with `offer` (read again alone) in place of the row it replaces,
        or added; the rest as it was."""
        builder = Builder()
        builder.extend(self)
        builder.put(offer)
        return builder.build(self.read_at if read_at is None else read_at)


class Builder:
    """Builds a :class:`PriceList` one offer at a time; each distinct value kept once.
    Callers clean and bound what they add (providers: textsafe, numbers.py)."""

    def __init__(self) -> None:
        self._services: dict[str, int] = {}
        self._countries: dict[str, int] = {}
        self._prices: dict[Decimal, int] = {}
        self.services: list[str] = []
        self.service_names: list[str] = []
        self.countries: list[str] = []
        self.country_names: list[str | None] = []
        self.country_isos: list[str | None] = []
        self.prices: list[Decimal] = []
        self.svc, self.cty = array(INDEX), array(INDEX)
        self.price, self.stock = array(INDEX), array(INDEX)
        self._rows: dict[tuple[int, int], int] | None = None  # for put()

    def service(self, code: str, name: str) -> int:
        """The index of service `code` (its first name wins)."""
        index = self._services.get(code)
        if index is None:
            index = self._services[code] = len(self.services)
            self.services.append(code)
            self.service_names.append(name)
        return index

    def country(self, country_id: str, name: str | None = None, iso: str | None = None) -> int:
        """The index of country `country_id` (its first name and ISO code win)."""
        index = self._countries.get(country_id)
        if index is None:
            index = self._countries[country_id] = len(self.countries)
            self.countries.append(country_id)
            self.country_names.append(name)
            self.country_isos.append(iso)
        return index

    def money(self, amount: Decimal) -> int:
        index = self._prices.get(amount)  # 0.5 and 0.50 are one price: the first kept
        if index is None:
            index = self._prices[amount] = len(self.prices)
            self.prices.append(amount)
        return index

    def row(self, service: int, country: int, price: int, stock: int) -> None:
        self.svc.append(service)
        self.cty.append(country)
        self.price.append(price)
        self.stock.append(stock)

    def add(self, offer: Offer) -> None:
        self.row(self.service(offer.service, offer.service_name),
                 self.country(offer.country, offer.country_name, offer.country_iso),
                 self.money(offer.price), offer.stock)

    def extend(self, other: PriceList) -> None:
        """Every row of `other`, as it is."""
        svc = [self.service(c, n) for c, n in zip(other.services, other.service_names,
                                                   strict=True)]
        cty = [self.country(c, n, i) for c, n, i in zip(
            other.countries, other.country_names, other.country_isos, strict=True)]
        price = [self.money(p) for p in other.prices]
        self.svc.extend(map(svc.__getitem__, other.svc))
        self.cty.extend(map(cty.__getitem__, other.cty))
        self.price.extend(map(price.__getitem__, other.price))
        self.stock.extend(other.stock)

    def put(self, offer: Offer) -> None:
        """`offer` in place of the row of the same service and country, or added."""
        s = self.service(offer.service, offer.service_name)
        c = self.country(offer.country, offer.country_name, offer.country_iso)
        if self._rows is None:
            self._rows = {key: i for i, key in enumerate(zip(self.svc, self.cty,
                                                              strict=True))}
        i = self._rows.get((s, c))
        if i is None:
            self._rows[(s, c)] = len(self.svc)
            self.row(s, c, self.money(offer.price), offer.stock)
        else:
            self.price[i] = self.money(offer.price)
            self.stock[i] = offer.stock

    def build(self, read_at: float = 0.0) -> PriceList:
        return PriceList(self.services, self.service_names, self.countries,
                         self.country_names, self.country_isos, self.prices,
                         self.svc, self.cty, self.price, self.stock, read_at)


def from_offers(offers: Iterable[Offer], read_at: float = 0.0) -> PriceList:
    """A price list from general offers (a provider without a direct parse)."""
    builder = Builder()
    add = builder.add
    for offer in offers:
        add(offer)
    return builder.build(read_at)
