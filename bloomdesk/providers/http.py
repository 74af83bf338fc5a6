"""The one HTTP layer every dialect shares.

One ``httpx.AsyncClient`` per provider (connection reuse, one timeout policy).  Every
transport failure becomes :class:`Unavailable` with ``maybe_sent`` telling whether the
request may have reached the provider.  Nothing is retried here: a buy must never be
sent twice by accident, and pacing belongs to the engine's scheduler.

Every answer is bounded here, in :meth:`Http.send`, the one place bytes come in: its
size counted on the decoded (decompressed) bytes as they stream, and its total time,
headers and body together (the numbers and the bounded reading: limits.py).  A
provider, or whatever stands between it and us, cannot make a call take more memory
or time than that, whatever it sends.  Reading what an answer says: answers.py.
"""

from __future__ import annotations

import asyncio
import contextvars
import email.utils
import functools
import logging
import math
import ssl
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import httpx

from ..i18n import QT_TRANSLATE_NOOP
from ..redact import install_log_redaction, redact, register_secret
from .errors import ProtocolError, Rejected, Unavailable
from .limits import (
    ANSWER_MAX_BYTES,
    CATALOGUE_DEADLINE_FACTOR,
    CATALOGUE_MAX_BYTES,
    RETRY_AFTER_MAX,
    AnswerTooLarge,
    decode_text,
    read_bounded,
)

log = logging.getLogger(__name__)

EXCERPT_CHARS = 80
# Where a caller wants to know when its requests left (after any wait for rate-budget
# room): a list the time of each is appended to.  A buy's free-cancel deadline runs
# from when the request was sent, not from when it was queued.
SENT_AT: contextvars.ContextVar[list[float] | None] = contextvars.ContextVar(
    "sent_at", default=None)


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
    """Seconds to wait, from ``Retry-After`` (seconds or an HTTP date), between 0 and
    :data:`RETRY_AFTER_MAX`; None when the header is absent or unreadable.

    ``1e400``, ``inf``, a 5,000-digit number and a date in year 9999 all read as the
    cap; a negative number or a past date as 0; ``nan`` as unreadable.
    """
    if not value:
        return None
    value = value.strip()
    if len(value) > 64:  # longer than any date or sane number: read only plain digits
        return RETRY_AFTER_MAX if value.isascii() and value.isdigit() else None
    try:
        seconds = float(value)
    except ValueError:
        seconds = None
    if seconds is None:
        try:
            when = email.utils.parsedate_to_datetime(value)
            seconds = when.timestamp() - time.time()
        except (TypeError, ValueError, OverflowError, IndexError):
            return None
    if math.isnan(seconds):
        return None
    return min(max(0.0, seconds), RETRY_AFTER_MAX)


@functools.cache
def tls_context() -> ssl.SSLContext:
    """One TLS context (CA bundle loaded once) shared by every account's client: each
    context of its own cost ~50 ms of startup per account."""
    import certifi

    return ssl.create_default_context(cafile=certifi.where())


class Http:
    """An ``httpx.AsyncClient`` with BloomDesk's error policy and limits."""

    def __init__(self, base_url: str, *, timeout: float, headers: dict[str, str] | None = None,
                 secret: str = "", transport: httpx.AsyncBaseTransport | None = None) -> None:
        # The provider layer keeps keys out of logs on its own, also when used without
        # the app (a script, the CLI, a test): httpx logs every URL, query included.
        install_log_redaction()
        register_secret(secret)
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        # Awaited before every request (not every call: a price list may take pages):
        # where the caller keeps its rate budget.
        self.pace: Callable[[], Awaitable[None]] | None = None
        self._client = httpx.AsyncClient(
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            # Only what _Decoder reads in bounded steps: never br or zstd, which
            # httpx would advertise when their packages happen to be installed.
            headers={"User-Agent": "BloomDesk", "Accept-Encoding": "gzip, deflate",
                     **(headers or {})},
            follow_redirects=False,
            verify=tls_context() if transport is None else True,
            limits=httpx.Limits(max_connections=8, max_keepalive_connections=4),
            transport=transport,
        )

    async def aclose(self) -> None:
        await self._client.aclose()

    async def send(self, method: str, path: str = "", *, params: dict[str, Any] | None = None,
                   body: Any = None, catalogue: bool = False) -> Reply:
        """One request and its whole answer, within limits.

        ``catalogue`` marks the big answers (price lists, countries, services, pages
        of a list): :data:`CATALOGUE_MAX_BYTES` and :data:`CATALOGUE_DEADLINE_FACTOR`
        times the timeout in total; everything else gets :data:`ANSWER_MAX_BYTES` and
        the timeout in total.  Past the size: ProtocolError.  Past the deadline:
        Unavailable with ``maybe_sent`` (a buy whose answer never came is "unknown").
        """
        if self.pace is not None:
            await self.pace()
        if (sent := SENT_AT.get()) is not None:
            sent.append(time.time())
        url = self.base_url + path
        cap = CATALOGUE_MAX_BYTES if catalogue else ANSWER_MAX_BYTES
        deadline = self.timeout * (CATALOGUE_DEADLINE_FACTOR if catalogue else 1.0)
        steps: list[str] = []  # httpcore's trace: how far the request got

        async def trace(event: str, info: Any) -> None:
            steps.append(event)

        try:
            async with asyncio.timeout(deadline):
                async with self._client.stream(method, url, params=params, json=body,
                                               extensions={"trace": trace}) as response:
                    content = await read_bounded(response, cap)
        except TimeoutError:
            # Past the deadline the request may have reached the provider, unless the
            # trace shows it never began to be sent (stuck connecting): only then is
            # a buy known not to exist.
            unsent = bool(steps) and not any(".send_request" in step for step in steps)
            raise Unavailable(QT_TRANSLATE_NOOP(
                "providers", "The provider did not answer within {deadline:g} s.").format(
                deadline=deadline), maybe_sent=not unsent) from None
        except AnswerTooLarge:
            raise ProtocolError(QT_TRANSLATE_NOOP(
                "providers", "The provider's answer was too large (over {size} MB); "
                "BloomDesk stopped reading it.").format(size=cap // (1024 * 1024))) from None
        except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout) as exc:
            raise Unavailable(QT_TRANSLATE_NOOP(
                "providers", "Could not connect to the provider ({error}).").format(
                error=type(exc).__name__), maybe_sent=False) from None
        except httpx.TimeoutException:
            raise Unavailable(QT_TRANSLATE_NOOP(
                "providers", "The provider did not answer in time."), maybe_sent=True) from None
        except httpx.TransportError as exc:
            raise Unavailable(QT_TRANSLATE_NOOP(
                "providers", "The connection to the provider failed mid-request "
                "({error}).").format(error=type(exc).__name__), maybe_sent=True) from None
        except httpx.HTTPError as exc:  # pragma: no cover - defensive: other httpx faults
            raise Unavailable(QT_TRANSLATE_NOOP("providers", "HTTP failure ({error}).").format(
                error=type(exc).__name__), maybe_sent=True) from None
        return Reply(response.status_code, decode_text(response, content),
                     parse_retry_after(response.headers.get("Retry-After")))


def path_segment(value: str) -> str:
    """``value`` as one path segment: percent-encoded (``/``, ``?``, ``#`` included), so
    an id can never leave ``/activations/`` nor become a query.  ``.`` and ``..`` are
    refused before anything is sent: httpx resolves them as dot-segments."""
    if value in ("", ".", ".."):
        raise Rejected(QT_TRANSLATE_NOOP(
            "providers", "{value!r} is not an order id BloomDesk can send.").format(
            value=value), token="BAD_ID")
    return quote(value, safe="")
