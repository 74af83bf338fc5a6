"""The one HTTP layer every dialect shares.

One ``httpx.AsyncClient`` per provider (connection reuse, one timeout policy).  Every
transport failure becomes :class:`Unavailable` with ``maybe_sent`` telling whether the
request may have reached the provider.  Nothing is retried here: a buy must never be
sent twice by accident, and pacing belongs to the engine's scheduler.
"""

from __future__ import annotations

import asyncio
import email.utils
import functools
import json
import logging
import ssl
import time
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

import httpx

from ..redact import redact, register_secret
from .errors import (
    HTTP_STATUS,
    ProtocolError,
    ProviderError,
    RateLimited,
    Unavailable,
    from_token,
    normalise_token,
)

log = logging.getLogger(__name__)

EXCERPT_CHARS = 80


@dataclass(frozen=True, slots=True)
class Reply:
    status: int
    text: str
    retry_after: float | None

    def excerpt(self) -> str:
        return excerpt(self.text)


def excerpt(text: str) -> str:
    """A short, printable, key-free piece of a body for an error message."""
    flat = redact(" ".join(text.split()))  # redact before cutting: no half keys
    clean = "".join(ch if ch.isprintable() else "?" for ch in flat[:EXCERPT_CHARS])
    return clean + ("…" if len(flat) > EXCERPT_CHARS else "")


def parse_retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


@functools.cache
def tls_context() -> ssl.SSLContext:
    """One TLS context (CA bundle loaded once) shared by every account's client: each
    context of its own cost ~50 ms of startup per account."""
    import certifi

    return ssl.create_default_context(cafile=certifi.where())


class Http:
    """An ``httpx.AsyncClient`` with BloomDesk's error policy."""

    def __init__(self, base_url: str, *, timeout: float, headers: dict[str, str] | None = None,
                 secret: str = "", transport: httpx.AsyncBaseTransport | None = None) -> None:
        register_secret(secret)
        self.base_url = base_url.rstrip("/")
        self._client = httpx.AsyncClient(
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            headers={"User-Agent": "BloomDesk", **(headers or {})},
            follow_redirects=False,
            verify=tls_context() if transport is None else True,
            limits=httpx.Limits(max_connections=8, max_keepalive_connections=4),
            transport=transport,
        )

    async def aclose(self) -> None:
        await self._client.aclose()

    async def send(self, method: str, path: str = "", *, params: dict[str, Any] | None = None,
                   body: Any = None) -> Reply:
        url = self.base_url + path
        try:
            response = await self._client.request(method, url, params=params, json=body)
        except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout) as exc:
            raise Unavailable(f"Could not connect to the provider ({type(exc).__name__}).",
                              maybe_sent=False) from None
        except httpx.TimeoutException:
            raise Unavailable("The provider did not answer in time.", maybe_sent=True) from None
        except httpx.TransportError as exc:
            raise Unavailable(
                f"The connection to the provider failed mid-request ({type(exc).__name__}).",
                maybe_sent=True) from None
        except httpx.HTTPError as exc:  # pragma: no cover - defensive: other httpx faults
            raise Unavailable(f"HTTP failure ({type(exc).__name__}).", maybe_sent=True) from None
        try:
            text = response.text
        except (UnicodeDecodeError, LookupError):
            text = response.content.decode("utf-8", "replace")
        return Reply(response.status_code, text,
                     parse_retry_after(response.headers.get("Retry-After")))


# --------------------------------------------------------------------------- parsing


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
        return json.loads(reply.text, parse_float=Decimal, object_hook=compact)
    except (ValueError, RecursionError):
        raise ProtocolError(excerpt=reply.excerpt(), http_status=reply.status) from None


def money(value: Any, what: str = "amount") -> Decimal:
    if isinstance(value, bool) or value is None:
        raise ProtocolError(f"The provider sent no valid {what}.")
    try:
        amount = value if isinstance(value, Decimal) else Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        amount = None
    if amount is None or not amount.is_finite() or amount < 0:
        # built only when needed: 100k prices must not build 100k errors
        raise ProtocolError(f"The provider sent an invalid {what}: {excerpt(str(value))!r}")
    return amount


class Shared:
    """One object per distinct value in a price list: 100k offers repeat a few hundred
    service names, countries and prices, and separate copies cost tens of MB."""

    def __init__(self) -> None:
        self._texts: dict[str, str] = {}
        self._prices: dict[object, Decimal] = {}

    def text(self, value: str) -> str:
        return self._texts.setdefault(value, value)

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
        raise ProtocolError(f"The provider's answer lacks {names[0]!r}.")
    return None


def int_field(obj: Any, *names: str, default: int = 0) -> int:
    if isinstance(obj, dict):
        for name in names:
            value = obj.get(name)
            if type(value) is int:
                return value
            if value is not None:
                break
    raw = text_field(obj, *names, required=False)
    if raw is None:
        return default
    if raw.isascii() and raw.isdigit():
        return int(raw)
    try:
        return int(Decimal(raw))
    except (InvalidOperation, ValueError):
        raise ProtocolError(f"The provider sent an invalid {names[0]}: {excerpt(raw)!r}") from None


def error_from_json(reply: Reply, body: Any) -> ProviderError | None:
    """Classify a JSON error body, whatever its wrapping, by the token it names.

    Accepts ``{"errors": {"code", "message"}}`` (BloomSMS v1), ``{"error": {"code"}}``,
    ``{"error": "Bad country"}``, ``{"title": "BAD_KEY"}``, ``{"code": …}`` and
    ``{"message": …}``.  Returns None when the body names no error.
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
    if body.get("status") in ("error", "fail", "failed"):
        candidates.append(body.get("message"))
    for raw in candidates:
        if isinstance(raw, str) and raw.strip():
            token = normalise_token(raw)
            error = from_token(token, http_status=reply.status, retry_after=reply.retry_after)
            if error is not None:
                return error
    named = any(isinstance(c, str) and c.strip() for c in candidates)
    if named or reply.status >= 400:
        return error_from_status(reply)
    return None


def error_from_status(reply: Reply) -> ProviderError:
    if reply.status == 429:
        return RateLimited(http_status=429, retry_after=reply.retry_after)
    cls = HTTP_STATUS.get(reply.status)
    if cls is not None:
        return cls(http_status=reply.status)
    if reply.status >= 500:
        return Unavailable(f"The provider failed with HTTP {reply.status}.",
                           http_status=reply.status)
    return ProtocolError(excerpt=reply.excerpt(), http_status=reply.status)


def check_status(reply: Reply) -> None:
    """Raise for a non-2xx reply, classified by its body where it names a token."""
    if 200 <= reply.status < 300:
        return
    body: Any = None
    try:
        body = json.loads(reply.text, parse_float=Decimal)
    except (ValueError, RecursionError):
        token = normalise_token(reply.text) if reply.text.strip() else ""
        error = from_token(token, http_status=reply.status, retry_after=reply.retry_after) \
            if token and len(reply.text) < 200 else None
        raise (error or error_from_status(reply)) from None
    raise error_from_json(reply, body) or error_from_status(reply)
