"""Reading what an answer says: JSON with bounded numbers, money, counts, text
fields, plain ids, and the typed error an answer names, whatever its wrapping.

Every dialect reads its answers through these; the rules for numbers are in
numbers.py, for text in bloomdesk/textsafe.py.
"""

from __future__ import annotations

import asyncio
import json
import re
import sys
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from ..i18n import QT_TRANSLATE_NOOP
from ..textsafe import NAME_MAX_CHARS, clean_text
from .errors import (
    HTTP_STATUS,
    ProtocolError,
    ProviderError,
    RateLimited,
    Unavailable,
    from_token,
    normalise_token,
)
from .http import EXCERPT_CHARS, Reply, excerpt
from .numbers import (
    COUNT_MAX,
    NumberTooLong,
    count_or_none,
    json_float,
    json_int,
    money_or_none,
)

INT_DIGITS_DEFAULT = 4300  # CPython's default sys.get_int_max_str_digits()
# What an activation id from a provider may look like: numbers ("38496653") and
# cuids ("cuid_xxx", "c0a1…") in the specs, UUIDs elsewhere.  It goes into paths and
# the journal, so nothing else is accepted.
ACTIVATION_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}")


def plain_id(raw: str | None, what: str = "order id") -> str:
    """An activation id from a provider, accepted only when plain (see ACTIVATION_ID)."""
    if raw is None or not ACTIVATION_ID.fullmatch(raw):
        shown = clean_text(raw[:40], 40) if raw is not None else "nothing"
        raise ProtocolError(QT_TRANSLATE_NOOP(
            "providers", "The provider sent an {what} BloomDesk will not use: "
            "{shown!r}").format(what=what, shown=shown))
    return raw


def load_json(reply: Reply) -> Any:
    """The body as JSON, floats as Decimal; garbage becomes ProtocolError."""
    seen: dict[str, str] = {}
    share = seen.setdefault

    def compact(obj: dict[str, Any]) -> dict[str, Any]:
        # A price list repeats a few hundred names and prices over 100k objects: one
        # string per distinct value halves the parse's peak memory (~25 MB there).
        for key, value in obj.items():
            if type(value) is str:
                obj[key] = share(value, value)
        return obj

    try:
        return json.loads(reply.text, parse_float=json_float, parse_int=int_hook(),
                          object_hook=compact)
    except NumberTooLong:
        raise ProtocolError(QT_TRANSLATE_NOOP(
            "providers", "The provider sent a number with too many digits."),
                            http_status=reply.status) from None
    except (ValueError, ArithmeticError, RecursionError):
        # ArithmeticError: decimal.InvalidOperation from an exponent Decimal cannot hold
        raise ProtocolError(excerpt=reply.excerpt(), http_status=reply.status) from None


def int_hook() -> Callable[[str], int] | None:
    """``parse_int`` for ``json.loads``: None (json's own C parse, ~8x faster over a
    price list's 300k counts) while CPython's own bound on int digits is on (4,300
    by default: a longer number raises ValueError, CVE-2020-10735), our length check
    when that bound is off or raised (PYTHONINTMAXSTRDIGITS=0 would let a 60 MB
    number take hours to convert)."""
    limit = sys.get_int_max_str_digits()
    return None if 0 < limit <= INT_DIGITS_DEFAULT else json_int


def loads(text: str) -> Any:
    """``json.loads`` with numbers bounded (see numbers.py): for error bodies."""
    return json.loads(text, parse_float=json_float, parse_int=int_hook())


def money(value: Any, what: str = "amount") -> Decimal:
    """Money from a provider: Decimal, 0 to MONEY_MAX, at most MONEY_MAX_PLACES
    decimals (numbers.py), checked before any costly conversion."""
    if isinstance(value, bool) or value is None:
        raise ProtocolError(QT_TRANSLATE_NOOP(
            "providers", "The provider sent no valid {what}.").format(what=what))
    amount = money_or_none(value)
    if amount is None:
        # built only when needed: 100k prices must not build 100k errors
        raise ProtocolError(QT_TRANSLATE_NOOP(
            "providers", "The provider sent an invalid {what}: {shown!r}").format(
            what=what, shown=excerpt(str(value)[:EXCERPT_CHARS])))
    return amount


class Shared:
    """One object per distinct value in a price list: 100k offers repeat a few hundred
    service names, countries and prices, and separate copies cost tens of MB."""

    def __init__(self) -> None:
        self._texts: dict[str, str] = {}
        self._prices: dict[object, Decimal] = {}

    def text(self, value: str) -> str:
        """One clean copy per distinct text: cleaned (textsafe.clean_text) once."""
        known = self._texts.get(value)
        if known is None:
            known = self._texts[value] = clean_text(value, NAME_MAX_CHARS)
        return known

    def money(self, raw: Any, what: str = "price") -> Decimal:
        key = raw if isinstance(raw, str | int | Decimal) and not isinstance(raw, bool) \
            else None
        if key is not None:
            cached = self._prices.get(key)
            if cached is not None:
                return cached
        amount = money(raw, what)
        if key is not None:
            self._prices[key] = amount
        return amount


YIELD_EVERY = 2000  # items parsed between two yields to the event loop


async def breathe(count: int, every: int = YIELD_EVERY) -> None:
    """Let the event loop run between chunks of a long parse: a 100k-offer price list
    parsed in one step would freeze a window for seconds."""
    if count and count % every == 0:
        await asyncio.sleep(0)


def optional_money(obj: Any, *names: str) -> Decimal | None:
    """The first present field of `names` as money, or None when none is there."""
    raw = text_field(obj, *names, required=False)
    return money(raw, "price") if raw is not None else None


def text_field(obj: Any, *names: str, required: bool = True) -> str | None:
    """The first present field of `names` in a dict, as a string."""
    if isinstance(obj, dict):
        for name in names:
            value = obj.get(name)
            if type(value) is str:  # the common case first: this runs 500k times a list
                return value
            if value is not None and not isinstance(value, (dict, list, bool)):
                return str(value)
    if required:
        raise ProtocolError(QT_TRANSLATE_NOOP(
            "providers", "The provider's answer lacks {field!r}.").format(field=names[0]))
    return None


def int_field(obj: Any, *names: str, default: int = 0) -> int:
    """The first present field of `names` as a count, 0 to COUNT_MAX (numbers.py)."""
    if isinstance(obj, dict):
        for name in names:
            value = obj.get(name)
            if type(value) is int and 0 <= value <= COUNT_MAX:
                return value  # the common case first: 100k stock counts a list
            if value is not None:
                break
    raw = text_field(obj, *names, required=False)
    if raw is None:
        return default
    count = count_or_none(raw)
    if count is None:
        raise ProtocolError(QT_TRANSLATE_NOOP(
            "providers", "The provider sent an invalid {what}: {shown!r}").format(
            what=names[0], shown=excerpt(raw[:EXCERPT_CHARS])))
    return count


_TOKEN_SHAPE = re.compile(r"[A-Z][A-Z0-9_]{1,47}")
# "status" values that mean failure in the envelopes seen live: BloomSMS v1's
# "error", SMSBower's 0 (``401 {"status":0,"message":"No access","data":[]}``).
_FAILED = ("error", "fail", "failed", 0, "0", False)


def token_of(raw: Any) -> str | None:
    """The provider's token in ``raw`` (``"Bad country"`` → ``BAD_COUNTRY``), or None
    when ``raw`` is not text shaped like a token (a sentence, a page of HTML)."""
    if not isinstance(raw, str) or not raw.strip():
        return None
    token = normalise_token(raw)
    return token if _TOKEN_SHAPE.fullmatch(token) else None


def error_from_json(reply: Reply, body: Any) -> ProviderError | None:
    """Classify a JSON error body, whatever its wrapping, by the token it names.

    Accepts ``{"errors": {"code", "message"}}`` (BloomSMS v1), ``{"error": {"code"}}``,
    ``{"error": "Bad country"}``, ``{"title": "BAD_KEY"}``, ``{"code": …}`` and
    ``{"message": …}`` beside a failed ``status``.  Returns None when the body names
    no error.  A token not in the table is kept on the error classified by status.
    """
    if not isinstance(body, dict):
        return None
    candidates: list[Any] = []
    for key in ("errors", "error"):
        inner = body.get(key)
        if isinstance(inner, dict):
            candidates += [inner.get("code"), inner.get("title"), inner.get("message")]
        elif isinstance(inner, list) and inner and isinstance(inner[0], dict):
            candidates += [inner[0].get("code"), inner[0].get("message")]
        elif isinstance(inner, str):
            candidates.append(inner)
    candidates += [body.get("code"), body.get("title")]
    if body.get("status") in _FAILED:
        candidates.append(body.get("message"))
    for raw in candidates:
        if isinstance(raw, str) and raw.strip():
            token = normalise_token(raw)
            error = from_token(token, http_status=reply.status, retry_after=reply.retry_after)
            if error is not None:
                return error
    named = [c for c in candidates if isinstance(c, str) and c.strip()]
    if named or reply.status >= 400:
        return error_from_status(reply, next(filter(None, map(token_of, named)), None))
    return None


def error_from_status(reply: Reply, token: str | None = None) -> ProviderError:
    """The error an HTTP status means when the body names no token we know; the
    body's own token, if it has one, is kept."""
    if reply.status == 429:
        return RateLimited(token=token, http_status=429, retry_after=reply.retry_after)
    cls = HTTP_STATUS.get(reply.status)
    if cls is not None:
        return cls(token=token, http_status=reply.status)
    if reply.status >= 500:
        return Unavailable(QT_TRANSLATE_NOOP(
            "providers", "The provider failed with HTTP {status}.").format(
            status=reply.status), token=token, http_status=reply.status)
    return ProtocolError(token=token, excerpt=reply.excerpt(), http_status=reply.status)


def check_status(reply: Reply) -> None:
    """Raise for a non-2xx reply, classified by its body where it names a token."""
    if 200 <= reply.status < 300:
        return
    body: Any = None
    try:
        body = loads(reply.text)
    except (ValueError, ArithmeticError, RecursionError):
        short = len(reply.text) < 200
        head, _, detail = reply.text.strip().partition(":")
        token = token_of(head) if short else None
        error = from_token(token, detail=detail.strip() or None, http_status=reply.status,
                           retry_after=reply.retry_after) if token else None
        if error is None and token is None and reply.status == 404:
            # A 404 web page (HTML, no token) is a web server or proxy saying the path
            # is not there (a wrong base URL, maintenance), not the provider's API
            # saying the order is unknown: Unavailable, so that the order is polled
            # again later and never concluded gone on a page's word.
            error = Unavailable(QT_TRANSLATE_NOOP(
                "providers", "The provider's address answered 404 with a web page, not an "
                "answer of its API."), http_status=404)
        raise (error or error_from_status(reply, token)) from None
    raise error_from_json(reply, body) or error_from_status(reply)
