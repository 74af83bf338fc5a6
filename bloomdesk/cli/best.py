"""``buy --best``: the best route across every account, falling back route by route
when one has no numbers, never buying two; and ``stats``, the record behind it."""

from __future__ import annotations

import argparse
import asyncio
import sys

from ..core import Desk
from ..core.routes import Attempt, place_of, ranked
from ..core.statistics import success_by_route
from ..domain import Offer
from ..i18n import QT_TRANSLATE_NOOP
from .buying import price_cap, unwatched, wait
from .catalogue import find
from .common import NO_ACCOUNT, buying, on_account
from .failures import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, Failure
from .names import Ambiguous, country_id
from .output import emit, json_text, order_json, order_line, say, table


async def place(desk: Desk, labels: list[str], wanted: str | None) -> str | None:
    """The asked country as every account knows it (ISO code, else its name)."""
    if wanted is None:
        return None
    for label in labels:
        countries = await on_account(desk, label, desk.countries(label))
        try:
            cid = country_id(wanted, countries)
        except Ambiguous:
            continue
        found = next(c for c in countries if c.id == cid)
        return place_of(found.iso, found.name, found.id)
    raise Failure(QT_TRANSLATE_NOOP("cli", "no account knows a country called {wanted!r}").format(
        wanted=wanted), EXIT_USAGE, "NO_COUNTRY")


async def buy_best(args: argparse.Namespace, desk: Desk) -> int:
    cap = price_cap(args.max_price)
    labels = [a.label for a in desk.accounts()]
    if not labels:
        raise Failure(NO_ACCOUNT, EXIT_USAGE, "CHOOSE_ACCOUNT")
    if args.attempts < 1:
        raise Failure(QT_TRANSLATE_NOOP("cli", "--attempts must be 1 or more"), EXIT_USAGE,
                      "BAD_ATTEMPTS")
    where = await place(desk, labels, args.country)
    found = await asyncio.gather(*(find(desk, label, args.service, None) for label in labels),
                                 return_exceptions=True)
    offers: dict[str, list[Offer]] = {}
    for label, result in zip(labels, found, strict=True):
        if isinstance(result, list):
            offers[label] = result
        elif isinstance(result, Exception):
            say(f"bloomdesk-cli: {label}: {getattr(result, 'message', result)}", sys.stderr)
    service = next((o.service for items in offers.values() for o in items), args.service)
    routes = ranked(offers, service, where, args.any_country, cap,
                    success_by_route(desk.stats(service=service)))
    if not routes:
        raise Failure((QT_TRANSLATE_NOOP(
            "cli", "no {service} number in stock on any account at or below {cap}")
            if cap is not None else QT_TRANSLATE_NOOP(
                "cli", "no {service} number in stock on any account")).format(
            service=args.service, cap=cap), EXIT_REFUSED, "NO_NUMBERS")
    await desk.start()

    def told(attempt: Attempt) -> None:
        if not args.json:
            say("bloomdesk-cli: " + QT_TRANSLATE_NOOP(
                "cli", "{country} on {account}: {outcome}").format(
                country=attempt.country, account=attempt.account, outcome=attempt.outcome),
                sys.stderr)

    order, attempts = await buying(desk, desk.buy_best(routes, args.attempts, told))
    tried = [{"account": a.account, "country": a.country, "outcome": a.outcome}
             for a in attempts]
    if order is None:
        if args.json:
            print(json_text({"attempts": tried}), file=sys.stderr)
        raise Failure(QT_TRANSLATE_NOOP(
            "cli", "no route had a number after {count} attempt(s)").format(
            count=len(attempts)), EXIT_REFUSED, "NO_NUMBERS")
    if not args.wait:
        emit(args.json, {**order_json(order), "attempts": tried}, order_line(order))
        unwatched(order, args.json)
        return EXIT_OK
    return await wait(args, desk, order.id, extra={"attempts": tried})


def stats(args: argparse.Namespace, desk: Desk) -> int:
    rows = desk.stats(args.account, args.service)
    emit(args.json, [{"account": s.account, "service": s.service, "country": s.country,
                      "orders": s.orders, "received": s.received,
                      "success_rate": s.success_rate, "median_seconds": s.median_seconds,
                      "spent": str(s.spent), "refunded": str(s.refunded)} for s in rows],
         table(("account", "service", "country", "orders", "received", "success",
                "median s", "spent", "refunded"),
               ((s.account, s.service, s.country, s.orders, s.received,
                 f"{s.success_rate:.0%}" if s.success_rate is not None else "",
                 f"{s.median_seconds:.0f}" if s.median_seconds is not None else "",
                 s.spent, s.refunded) for s in rows)) if rows else
         QT_TRANSLATE_NOOP("cli", "no finished orders yet"))
    return EXIT_OK
