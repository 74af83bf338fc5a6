"""The best route to a number: the same service and country on every account, cheapest
first, and buying down that list when a route turns out to have no numbers.

A route is a service in a country, wherever it is sold: countries are matched across
accounts by ISO code (ids are provider-local), or by name where a provider gives no
code.  Buying down the list stops at the first number bought, at the first answer
that is not "no numbers here" (a buy whose answer never came may have bought one:
never a second), and after the number of attempts the user allowed.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from ..domain import Offer, Order
from ..i18n import QT_TRANSLATE_NOOP
from ..providers.errors import InsufficientFunds, NoNumbers

log = logging.getLogger(__name__)

DEFAULT_ATTEMPTS = 3


def place_of(iso: str | None, name: str | None, country: str) -> str:
    """A country as every account can recognise it: the ISO code, else the name."""
    if iso:
        return iso.upper()
    if name:
        return " ".join(name.casefold().split())
    return f"#{country}"


@dataclass(frozen=True, slots=True)
class Route:
    account: str
    service: str
    country: str  # the provider-local id sent with the buy
    place: str  # place_of(): the same on every account
    country_name: str | None
    price: Decimal
    stock: int


# What one try of a route came to (the CLI's JSON says it in English, the window in
# the user's language)
BOUGHT = QT_TRANSLATE_NOOP("routes", "bought")
NO_NUMBERS = QT_TRANSLATE_NOOP("routes", "no numbers")
NO_FUNDS = QT_TRANSLATE_NOOP("routes", "no funds")


@dataclass(frozen=True, slots=True)
class Attempt:
    account: str
    country: str  # the route's place (ISO code or name)
    outcome: str  # BOUGHT, NO_NUMBERS, NO_FUNDS
    order_id: int | None = None


def ranked(offers: Mapping[str, Iterable[Offer]], service: str, place: str | None = None,
           any_country: bool = False, max_price: Decimal | None = None,
           success: Mapping[tuple[str, str, str], float] | None = None) -> list[Route]:
    """The routes to try, best first: the asked country (a place_of() value) on every
    account, then (only if allowed) other countries; cheapest first, then the route
    that delivered best for this user (`success`: (account, service, country id) ->
    share of orders that got a code, as statistics.success_by_route gives it)."""
    found: list[Route] = []
    for account, items in offers.items():
        for o in items:
            if o.service != service or o.stock <= 0 or \
                    (max_price is not None and o.price > max_price):
                continue
            found.append(Route(account, o.service, o.country,
                               place_of(o.country_iso, o.country_name, o.country),
                               o.country_name, o.price, o.stock))
    rate = success or {}

    def key(route: Route) -> tuple[Decimal, float, str]:
        return (route.price, -rate.get((route.account, route.service, route.country), 0.0),
                route.account)

    here = sorted((r for r in found if place is None or r.place == place), key=key)
    elsewhere = sorted((r for r in found if place is not None and r.place != place),
                       key=key) if any_country else []
    return here + elsewhere


Buy = Callable[[Route], Awaitable[Order]]


async def buy_down(routes: list[Route], attempts: int, buy: Buy,
                   told: Callable[[Attempt], None] = lambda a: None
                   ) -> tuple[Order | None, list[Attempt]]:
    """Buy the first route that has a number, trying at most `attempts` routes; each
    attempt is a whole purchase of its own (journaled before it leaves).  Anything but
    "no numbers" or "no funds" on that account ends the chain, raised to the caller."""
    done: list[Attempt] = []
    for route in routes[:max(1, attempts)]:
        try:
            order = await buy(route)
        except NoNumbers:
            outcome = NO_NUMBERS
        except InsufficientFunds:
            outcome = NO_FUNDS
        else:
            done.append(Attempt(route.account, route.place, BOUGHT, order.id))
            told(done[-1])
            return order, done
        done.append(Attempt(route.account, route.place, outcome))
        told(done[-1])
        log.info("Route %s/%s/%s: %s; trying the next", route.account, route.service,
                 route.place, outcome)
    return None, done
