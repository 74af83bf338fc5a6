"""The best view of the price table (issue 17): one row per route, a service in a
country wherever it is sold (countries matched across accounts by ISO code, else by
name: ``core.routes.place_of``), showing the cheapest offer in stock on any account,
the routes that delivered for this user first among equals; and, for "Buy best", the
routes to buy down.

Pure Python over the accounts' price lists (Qt only for the tooltip's words): the
window's model shows the chosen rows as ordinary price lists, one per account, with
how many other accounts sell each route beside them.
"""

from __future__ import annotations

from array import array
from collections.abc import Mapping, Sequence
from decimal import Decimal
from itertools import compress

from PySide6.QtCore import QCoreApplication

from ..core.routes import Route, place_of, ranked
from ..core.statistics import RouteStats
from ..domain import Offer
from ..pricelist import INDEX, Builder, PriceList
from .format import money, number
from .names import Names
from .offer_rows import Row

Rates = Mapping[tuple[str, str, str], float]  # (account, service, country id) -> share


def places(pl: PriceList) -> list[str]:
    """Each of the list's countries as every account can recognise it."""
    return [place_of(iso, name, cid) for cid, name, iso in
            zip(pl.countries, pl.country_names, pl.country_isos, strict=True)]


def best_lists(lists: Sequence[tuple[str, PriceList]], rates: Rates | None = None
               ) -> tuple[list[tuple[str, PriceList]], list[array[int]]]:
    """The cheapest offer in stock of each route, as one price list per account (in the
    order given), and for each chosen row how many other accounts sell its route."""
    rates = rates or {}
    best: dict[tuple[str, str], tuple[tuple[Decimal, float, str], int, int]] = {}
    sellers: dict[tuple[str, str], int] = {}
    for a, (label, pl) in enumerate(lists):
        where, services, prices = places(pl), pl.services, pl.prices
        svc, cty, price = pl.svc, pl.cty, pl.price
        for i in compress(range(len(pl)), pl.stock):  # in stock only
            key = (services[svc[i]], where[cty[i]])
            sellers[key] = sellers.get(key, 0) + 1
            rank = (prices[price[i]], -rates.get((label, key[0], pl.countries[cty[i]]), 0.0),
                     label)  # ties as core.routes.ranked breaks them
            held = best.get(key)
            if held is None or rank < held[0]:
                best[key] = (rank, a, i)
    builders = [Builder() for _ in lists]
    others: list[array[int]] = [array(INDEX) for _ in lists]
    for key, (_, a, i) in best.items():
        pl = lists[a][1]
        b, s, c = builders[a], pl.svc[i], pl.cty[i]
        b.row(b.service(pl.services[s], pl.service_names[s]),
              b.country(pl.countries[c], pl.country_names[c], pl.country_isos[c]),
              b.money(pl.prices[pl.price[i]]), pl.stock[i])
        others[a].append(sellers[key] - 1)
    return ([(label, b.build(pl.read_at)) for (label, pl), b in zip(lists, builders,
                                                                      strict=True)], others)


def sellers_of(lists: Sequence[tuple[str, PriceList]], service: str, place: str
               ) -> list[tuple[str, Decimal, int]]:
    """Every account selling `service` in `place` (in stock): (account, price, stock),
    cheapest first (for the tooltip of a best row)."""
    out = []
    for label, pl in lists:
        try:
            s = pl.services.index(service)
        except ValueError:
            continue
        where = places(pl)
        for i in compress(range(len(pl)), map(s.__eq__, pl.svc)):
            if where[pl.cty[i]] == place and pl.stock[i] > 0:
                out.append((label, pl.prices[pl.price[i]], pl.stock[i]))
    return sorted(out, key=lambda x: (x[1], x[0]))


def sellers_text(lists: Sequence[tuple[str, PriceList]], row: Row, names: Names) -> str:
    """The tooltip of a best row: every account that sells its route, cheapest first."""
    found = sellers_of(lists, row.service, place_of(row.iso, row.place, row.country))
    translate = QCoreApplication.translate
    return "\n".join([translate("OffersModel", "{service} in {place}, in stock on:").format(
        service=row.service_name, place=row.place)] + [translate(
            "OffersModel", "{account}: {price} ({stock} in stock)").format(
            account=account, price=money(price, names.currency(account)),
            stock=number(stock)) for account, price, stock in found])


def routes_for(lists: Sequence[tuple[str, PriceList]], service: str, place: str,
               rates: Rates | None = None) -> list[Route]:
    """The routes "Buy best" tries for `service` in `place`, best first (core.routes)."""
    offers: dict[str, list[Offer]] = {}
    for label, pl in lists:
        try:
            s = pl.services.index(service)
        except ValueError:
            continue
        offers[label] = [pl.offer(i) for i in compress(range(len(pl)), map(s.__eq__, pl.svc))]
    return ranked(offers, service, place, success=rates)


def rates_of(stats: Sequence[RouteStats]) -> dict[tuple[str, str, str], float]:
    return {(s.account, s.service, s.country): s.success_rate for s in stats
            if s.success_rate is not None}
