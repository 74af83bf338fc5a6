"""Offers from the command line: services and countries by code or name, one account
or every account at once."""

from __future__ import annotations

import argparse
import asyncio
import sys

from ..core import Desk
from ..core.errors import LocalError
from ..domain import Offer
from ..i18n import QT_TRANSLATE_NOOP
from ..providers.errors import ProviderError, Rejected
from .common import on_account, one_account
from .failures import EXIT_OK, EXIT_USAGE, Failure, exit_code_of
from .names import Ambiguous, country_id, looks_like_code, service_code
from .output import emit, say, table


async def find(desk: Desk, label: str, service: str | None,
               country: str | None) -> list[Offer]:
    """The account's offers of a service and country, each given by code or name."""
    cid = None
    if country is not None:
        countries = await on_account(desk, label, desk.countries(label))
        try:
            cid = country_id(country, countries)
        except Ambiguous as exc:
            raise Failure(f"{label}: {exc}", EXIT_USAGE, "AMBIGUOUS_COUNTRY") from None
    if service is None or looks_like_code(service):
        try:
            found = await on_account(desk, label, desk.offers(label, service, cid))
        except Rejected:
            found = []  # not a code this provider knows: try it as a name
        if found or service is None:
            return found
    every = await on_account(desk, label, desk.offers(label, None, cid))
    try:
        code = service_code(service, every)
    except Ambiguous as exc:
        raise Failure(f"{label}: {exc}", EXIT_USAGE, "AMBIGUOUS_SERVICE") from None
    return [o for o in every if o.service == code]


async def offers(args: argparse.Namespace, desk: Desk) -> int:
    labels = [one_account(desk, args.account)] if args.account else \
        [a.label for a in desk.accounts()]
    results = await asyncio.gather(*(find(desk, label, args.service, args.country)
                                     for label in labels), return_exceptions=True)
    rows: list[tuple[str, Offer]] = []
    failed: list[BaseException] = []
    for label, result in zip(labels, results, strict=True):
        if isinstance(result, list):
            rows += [(label, o) for o in result]
        elif isinstance(result, Failure | ProviderError | LocalError):
            if isinstance(result, Failure) and result.exit_code == EXIT_USAGE \
                    and len(labels) == 1:
                raise result
            failed.append(result)
            say(f"bloomdesk-cli: {label}: {getattr(result, 'message', result)}", sys.stderr)
        elif isinstance(result, BaseException):
            raise result
    rows.sort(key=lambda r: (r[1].price, r[1].service, r[0], r[1].country))
    rows = rows[: max(1, args.limit)]
    emit(args.json, [{"account": label, "service": o.service, "name": o.service_name,
                      "country": o.country, "country_iso": o.country_iso,
                      "country_name": o.country_name, "price": str(o.price),
                      "stock": o.stock} for label, o in rows],
         table(("account", "service", "name", "country", "iso", "country name", "price",
                "stock"),
               ((label, o.service, o.service_name, o.country, o.country_iso or "",
                 o.country_name or "", o.price, o.stock) for label, o in rows))
         if rows else QT_TRANSLATE_NOOP("cli", "no offers match"))
    return exit_code_of(failed[0]) if failed else EXIT_OK
