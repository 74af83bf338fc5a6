"""A whole price list parsed straight into the table's columns
(:class:`~bloomdesk.pricelist.PriceList`): one function per dialect, for
``Provider.price_rows()``; ``offers()`` and the general ``Offer`` stay for the CLI.

``json.loads`` calls an object hook for every object as it is parsed, innermost
first; here the hook turns each offer's object into one row of numbers at once and
hands the parser back a placeholder, so the parse never holds 100k dicts (nor 100k
``Offer``\\ s after it): peak memory is the body and the columns.  The rules are the
dialects' own (answers.py, numbers.py, textsafe): money and counts bounded, each
distinct name and price checked and cleaned once, an unexpected shape a
``ProtocolError``.  A parse takes ~0.3 s for 100k offers, so it runs in a worker
thread: the object hook is Python, so the thread hands the event loop its turn
every few milliseconds.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Awaitable, Callable, Iterable
from decimal import Decimal
from typing import Any

from ..domain import Country
from ..i18n import QT_TRANSLATE_NOOP
from ..pricelist import Builder, PriceList
from ..textsafe import NAME_MAX_CHARS, clean_text
from .answers import error_from_json, int_field, int_hook, money, text_field
from .countries import iso_for
from .errors import ProtocolError, ProviderError
from .http import Reply
from .numbers import COUNT_MAX, NumberTooLong, json_float
from .profiles import Profile

Hook = Callable[[dict[str, Any]], Any]
SHAPE = QT_TRANSLATE_NOOP("providers", "The price list has an unexpected shape.")


class _Floats(dict[str, Decimal]):
    """``parse_float``: one Decimal per distinct number text, each made (and its
    length checked) once; a known text is a C dict lookup."""

    def __missing__(self, text: str) -> Decimal:
        value = self[text] = json_float(text)
        return value


class _Rows:
    """A builder with each raw service, country and price looked up before it is
    cleaned: a few hundred distinct values are checked, not 100k."""

    def __init__(self) -> None:
        self.b = Builder()
        self._services: dict[tuple[object, object], int] = {}
        self._countries: dict[object, int] = {}
        self._prices: dict[object, int] = {}

    def service(self, code: Any, name: Any = None) -> int:
        index = self._services.get((code, name))
        if index is None:
            clean = clean_text(str(code), NAME_MAX_CHARS)
            shown = clean_text(str(name).strip(), NAME_MAX_CHARS) if name else clean
            index = self._services[(code, name)] = self.b.service(clean, shown or clean)
        return index

    def country(self, raw: Any, known: Callable[[str], tuple[str | None, str | None]]) -> int:
        index = self._countries.get(raw)
        if index is None:
            cid = clean_text(str(raw), NAME_MAX_CHARS)
            index = self._countries[raw] = self.b.country(cid, *known(cid))
        return index

    def price(self, raw: Any) -> int:
        key = raw if type(raw) in (str, Decimal, int) else None
        index = self._prices.get(key) if key is not None else None
        if index is None:
            index = self.b.money(money(str(raw) if type(raw) is int else raw, "price"))
            if key is not None:
                self._prices[key] = index
        return index


def _stock(obj: dict[str, Any], *names: str) -> int:
    value = obj.get(names[0])
    if type(value) is int and 0 <= value <= COUNT_MAX:
        return value  # the common case: 100k counts a list
    return int_field(obj, *names)


def _load(reply: Reply, hook: Hook) -> Any:
    """The body through `hook`, numbers bounded as load_json bounds them."""
    try:
        return json.loads(reply.text, object_hook=hook, parse_float=_Floats().__getitem__,
                          parse_int=int_hook())
    except NumberTooLong:
        raise ProtocolError(QT_TRANSLATE_NOOP(
            "providers", "The provider sent a number with too many digits."),
                            http_status=reply.status) from None
    except ProviderError:
        raise
    except (ValueError, ArithmeticError, RecursionError, TypeError):
        raise ProtocolError(excerpt=reply.excerpt(), http_status=reply.status) from None


def _names_of(countries: Iterable[Country], profile: Profile
              ) -> Callable[[str], tuple[str | None, str | None]]:
    by_id = {c.id: c for c in countries}

    def known(cid: str) -> tuple[str | None, str | None]:
        c = by_id.get(cid)
        return (c.name, c.iso) if c else (None, iso_for(profile, cid))
    return known


# ---------------------------------------------------------------------- BloomSMS v1
async def bloomsms_list(fetch: Callable[[], Awaitable[Reply]], countries: list[Country],
                        profile: Profile) -> PriceList:
    """``GET /prices`` (`fetch`: the reply, its HTTP status checked)."""
    return await asyncio.to_thread(bloomsms, await fetch(), countries, profile)


def bloomsms(reply: Reply, countries: list[Country], profile: Profile) -> PriceList:
    """``{status, data: {prices: [{country, service|code, name, price, stock|count}]}}``,
    as ``BloomSmsProvider.offers`` reads it."""
    rows = _Rows()
    known = _names_of(countries, profile)
    default = profile.default_country or ""
    added = [0]
    # the common case in locals (100k calls): values seen before, of the usual types
    services, places, prices = rows._services.get, rows._countries.get, rows._prices.get
    b = rows.b
    svc, cty, price_col, stock_col = b.svc.append, b.cty.append, b.price.append, \
        b.stock.append

    def hook(obj: dict[str, Any]) -> Any:
        code = obj.get("code", obj.get("service"))
        if code is None or "price" not in obj or isinstance(code, dict | list | bool):
            return obj  # the envelope, an error: not an offer
        name = obj.get("name")
        where, price, stock = obj.get("country"), obj["price"], obj.get("stock")
        s = services((code, name)) if type(name) is str and name else None
        c = places(where) if type(where) is str and where else None
        p = prices(price) if type(price) is str or type(price) is Decimal else None
        if s is None or c is None or p is None or type(stock) is not int or \
                not 0 <= stock <= COUNT_MAX:  # a first sight, or an unusual value
            if where is None or where == "" or isinstance(where, dict | list | bool):
                where = default
            s = rows.service(code, name if isinstance(name, str) and name else None)
            c, p, stock = rows.country(where, known), rows.price(price), \
                _stock(obj, "stock", "count")
        svc(s)
        cty(c)
        price_col(p)
        stock_col(stock)
        added[0] += 1
        return None

    envelope = _load(reply, hook)
    error = error_from_json(reply, envelope)
    if error is not None:
        raise error
    data = envelope.get("data") if isinstance(envelope, dict) else None
    items = data.get("prices") if isinstance(data, dict) else None
    if not isinstance(items, list) or items.count(None) != len(items) or \
            added[0] != len(items):
        raise ProtocolError(SHAPE)
    return rows.b.build(time.time())


# ---------------------------------------------------------------------- handler_api.php
class _Entry:
    __slots__ = ("price", "stock")

    def __init__(self, price: int, stock: int) -> None:
        self.price, self.stock = price, stock


class _Span:
    __slots__ = ("end", "start")

    def __init__(self, start: int, end: int) -> None:
        self.start, self.end = start, end


_DONE = _Span(0, 0)


async def handler_list(fetch: Callable[[], Awaitable[Reply]], read: Callable[[Reply], Any],
                       countries: list[Country], names: dict[str, str],
                       profile: Profile) -> PriceList:
    """``getPrices`` (`fetch`); an answer that is not JSON goes to the dialect's own
    `read`, which raises the error it names."""
    reply = await fetch()
    if reply.text.strip()[:1] not in ("{", "["):
        read(reply)
        raise ProtocolError(excerpt=reply.excerpt())
    return await asyncio.to_thread(handler, reply, countries, names, profile)


def handler(reply: Reply, countries: list[Country], names: dict[str, str],
            profile: Profile) -> PriceList:
    """``{country id: {service: {cost, count}}}`` (PHP's ``[]`` for none), as
    ``HandlerProvider.offers`` reads it.  Innermost first: an entry becomes an _Entry,
    a country's services become rows (their country set later) and a _Span, and the
    whole sets the country of each span."""
    rows = _Rows()
    known = _names_of(countries, profile)
    b = rows.b
    prices, services = rows._prices.get, rows._services.get
    svc, cty, price_col, stock_col = b.svc.append, b.cty.append, b.price.append, \
        b.stock.append

    def hook(obj: dict[str, Any]) -> Any:
        if not obj:
            return obj
        first = next(iter(obj.values()))
        if "cost" in obj and not isinstance(first, _Entry | _Span):
            cost, count = obj.get("cost"), obj.get("count")
            p = prices(cost) if type(cost) is str or type(cost) is Decimal else None
            if p is None or type(count) is not int or not 0 <= count <= COUNT_MAX:
                p, count = rows.price(cost), _stock(obj, "count")
            return _Entry(p, count)
        if isinstance(first, _Entry):
            start = len(b.svc)
            for code, entry in obj.items():
                if not isinstance(entry, _Entry):
                    raise ProtocolError(SHAPE)
                name = names.get(code)
                s = services((code, name))
                svc(rows.service(code, name) if s is None else s)
                cty(0)
                price_col(entry.price)
                stock_col(entry.stock)
            return _Span(start, len(b.svc))
        if isinstance(first, _Span) or first == [] or first == {}:
            for cid, span in obj.items():
                if isinstance(span, _Span) and span is not _DONE:
                    c = rows.country(cid, known)
                    for i in range(span.start, span.end):
                        b.cty[i] = c
                elif span != [] and span != {}:
                    raise ProtocolError(SHAPE)
            return _DONE
        return obj

    parsed = _load(reply, hook)
    if parsed is _DONE or parsed == [] or parsed == {}:
        return b.build(time.time())
    error = error_from_json(reply, parsed)
    raise error or ProtocolError(SHAPE)


# ---------------------------------------------------------------------- SMSBulk REST
async def smsbulk_list(fetch: Callable[[str | None], Awaitable[Reply]], names: dict[str, str],
                       max_pages: int) -> PriceList:
    """``GET /prices`` page by page (`fetch` of a cursor), as ``_pages`` follows them."""
    rows = _Rows()
    cursor: str | None = None
    seen: set[str] = set()
    for _ in range(max_pages):
        cursor = await asyncio.to_thread(smsbulk_page, await fetch(cursor), rows, names)
        if not cursor or cursor in seen:
            return rows.b.build(time.time())
        seen.add(cursor)
    raise ProtocolError(QT_TRANSLATE_NOOP("providers", "The provider's list never ended."))


def smsbulk_page(reply: Reply, rows: _Rows, names: dict[str, str]) -> str | None:
    """One page (``{data|items: [...], nextCursor}`` or a bare list) into `rows`, as
    ``SmsBulkProvider.offers`` reads it; the next cursor, if any."""
    added = [0]

    def hook(obj: dict[str, Any]) -> Any:
        if "serviceCode" not in obj or not ("price" in obj or "userCost" in obj):
            return obj
        raw = obj.get("countryIso", obj.get("country"))
        iso = str(raw).upper() if isinstance(raw, str | int) and raw is not True else ""

        def known(cid: str) -> tuple[str | None, str | None]:
            given = text_field(obj, "countryName", required=False)
            return (clean_text(given, NAME_MAX_CHARS) if given else names.get(cid)), cid

        name = obj.get("serviceName")
        rows.b.row(rows.service(obj["serviceCode"], name if isinstance(name, str) and name
                                else None), rows.country(iso, known),
                   rows.price(obj.get("price", obj.get("userCost"))),
                   _stock(obj, "stock", "count"))
        added[0] += 1
        return None

    body = _load(reply, hook) if reply.text.strip() else {}
    page = body if isinstance(body, list) else \
        body.get("data", body.get("items")) if isinstance(body, dict) else None
    if not isinstance(page, list) or page.count(None) != len(page) or added[0] != len(page):
        raise ProtocolError(SHAPE)
    return text_field(body, "nextCursor", "next_cursor", required=False) \
        if isinstance(body, dict) else None
