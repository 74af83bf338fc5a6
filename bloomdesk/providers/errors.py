"""Typed provider errors.

Every error carries the provider's own token (``BAD_KEY``, ``INSUFFICIENT_FUNDS``…)
and a message fit to show a person.  No error ever holds the API key: messages are
written here from tokens, and excerpts of bodies are redacted before they are kept.
BloomDesk's own messages are marked for translation (context ``providers``) and kept
as a :class:`~bloomdesk.i18n.Phrase`, so the window can show them in the user's
language; a provider's own words stay as the provider wrote them.
"""

from __future__ import annotations

from decimal import Decimal

from ..i18n import QT_TRANSLATE_NOOP
from ..redact import redact
from ..textsafe import clean_text
from .numbers import money_or_none


class ProviderError(Exception):
    """Base of every error a provider call can raise."""

    default_message = QT_TRANSLATE_NOOP("providers", "The provider refused the request.")
    # Set by the core on the error of a buy: the order journaled for it (its state says
    # whether the provider may have charged).
    order_id: int | None = None

    def __init__(self, message: str | None = None, *, token: str | None = None,
                 http_status: int | None = None) -> None:
        # Redacted here, whatever built the message: no error ever carries a key.  A
        # Phrase that needed no redaction stays one (the window translates it).
        chosen = message or self.default_message
        shown = redact(chosen)
        self.message: str = chosen if shown == chosen else shown
        self.token = token
        self.http_status = http_status
        super().__init__(self.message)

    def __str__(self) -> str:
        return f"{self.message} [{self.token}]" if self.token else self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r}, token={self.token!r})"


class AuthError(ProviderError):
    default_message = QT_TRANSLATE_NOOP(
        "providers", "The API key was not accepted. Check it in the account settings.")


class InsufficientFunds(ProviderError):
    default_message = QT_TRANSLATE_NOOP("providers", "The balance is too low for this number.")


class NoNumbers(ProviderError):
    default_message = QT_TRANSLATE_NOOP(
        "providers", "No numbers are available for this service and country right now.")

    def __init__(self, message: str | None = None, *, token: str | None = None,
                 http_status: int | None = None, min_price: Decimal | None = None) -> None:
        super().__init__(message, token=token, http_status=http_status)
        self.min_price = min_price


class NotFound(ProviderError):
    default_message = QT_TRANSLATE_NOOP("providers", "The provider does not know this order.")


class RateLimited(ProviderError):
    default_message = QT_TRANSLATE_NOOP(
        "providers", "Too many requests: the provider asks us to slow down.")

    def __init__(self, message: str | None = None, *, token: str | None = None,
                 http_status: int | None = None, retry_after: float | None = None) -> None:
        super().__init__(message, token=token, http_status=http_status)
        self.retry_after = retry_after


class Unavailable(ProviderError):
    """The provider could not be reached, or failed on its side.

    ``maybe_sent`` is True when the request may have reached the provider before the
    failure (a read timeout, a reset after sending): for a buy, the order may exist.
    """

    default_message = QT_TRANSLATE_NOOP(
        "providers", "The provider is unreachable or failing right now.")

    def __init__(self, message: str | None = None, *, token: str | None = None,
                 http_status: int | None = None, maybe_sent: bool = False) -> None:
        super().__init__(message, token=token, http_status=http_status)
        self.maybe_sent = maybe_sent


class Rejected(ProviderError):
    """The provider (or the provider's profile, before sending) refused this action."""

    default_message = QT_TRANSLATE_NOOP("providers", "The provider refused this action.")


class Banned(ProviderError):
    default_message = QT_TRANSLATE_NOOP(
        "providers", "The provider has suspended this account.")


class ProtocolError(ProviderError):
    """An answer that could not be understood.  ``excerpt`` is short and key-free."""

    default_message = QT_TRANSLATE_NOOP(
        "providers", "The provider sent an answer BloomDesk does not understand.")

    def __init__(self, message: str | None = None, *, token: str | None = None,
                 http_status: int | None = None, excerpt: str = "") -> None:
        excerpt = redact(" ".join(excerpt.split()))[:81]
        if excerpt and not message:
            message = QT_TRANSLATE_NOOP(
                "providers", "The provider sent an answer BloomDesk does not understand. It "
                "began: {excerpt!r}").format(excerpt=excerpt)
        super().__init__(message, token=token, http_status=http_status)
        self.excerpt = excerpt


DETAIL_MAX_CHARS = 60  # of a provider's text quoted in a message (a ban's end date…)

# What BloomDesk says of a token, where the class's default would say too little;
# marked for translation (the window shows them in the user's language).
_INACTIVE = QT_TRANSLATE_NOOP("providers", "The account is inactive.")
_MAX_PRICE = QT_TRANSLATE_NOOP("providers", "No number is offered at or below your maximum "
                               "price.")
_SERVICE = QT_TRANSLATE_NOOP("providers", "The provider does not know this service.")
_COUNTRY = QT_TRANSLATE_NOOP("providers", "The provider does not know this country.")
_STATE = QT_TRANSLATE_NOOP("providers", "The order is not in a state that allows this "
                           "action.")
_ACTION = QT_TRANSLATE_NOOP("providers", "The provider does not offer this action.")
_EARLY = QT_TRANSLATE_NOOP("providers", "Too early to cancel: the provider allows it a few "
                           "minutes after purchase.")
_PARAMETER = QT_TRANSLATE_NOOP("providers", "The provider rejected a parameter of the "
                               "request.")
_RENTALS = QT_TRANSLATE_NOOP("providers", "The limit of active rentals is reached.")
_INTERNAL = QT_TRANSLATE_NOOP("providers", "The provider reported an internal error.")
_UPSTREAM = QT_TRANSLATE_NOOP("providers", "The provider's upstream failed.")
_MAINTENANCE = QT_TRANSLATE_NOOP("providers", "The provider is down for maintenance.")

# Every documented token of every dialect, and the variants real servers send,
# classified by meaning.  One table serves all dialects: the meaning of a token does
# not depend on which wrapping it came in.
TOKENS: dict[str, tuple[type[ProviderError], str]] = {
    # authentication and account state
    "BAD_KEY": (AuthError, ""),
    "INVALID_API_KEY": (AuthError, ""),
    "UNAUTHORIZED": (AuthError, ""),
    "NO_ACCESS": (AuthError, ""),  # SMSBower: 401 {"status":0,"message":"No access"}
    "ACCOUNT_INACTIVE": (Banned, _INACTIVE),
    "ACCOUNT_SUSPENDED": (Banned, ""),
    "BANNED": (Banned, ""),
    "FORBIDDEN": (Banned, ""),
    # money and stock
    "NO_BALANCE": (InsufficientFunds, ""),
    "INSUFFICIENT_FUNDS": (InsufficientFunds, ""),
    "INSUFFICIENT_BALANCE": (InsufficientFunds, ""),
    "NO_NUMBERS": (NoNumbers, ""),
    "NO_NUMBERS_AVAILABLE": (NoNumbers, ""),
    "WRONG_MAX_PRICE": (NoNumbers, _MAX_PRICE),
    # unknown orders
    "NO_ACTIVATION": (NotFound, ""),
    "WRONG_ACTIVATION_ID": (NotFound, ""),
    "ACTIVATION_NOT_FOUND": (NotFound, ""),
    "NOT_FOUND": (NotFound, ""),
    # refusals of a request as made
    "BAD_SERVICE": (Rejected, _SERVICE),
    "WRONG_SERVICE": (Rejected, _SERVICE),
    "SERVICE_NOT_FOUND": (Rejected, _SERVICE),
    "BAD_COUNTRY": (Rejected, _COUNTRY),
    "BAD_STATUS": (Rejected, _STATE),
    "BAD_ACTION": (Rejected, _ACTION),
    "WRONG_ACTION": (Rejected, _ACTION),
    "EARLY_CANCEL_DENIED": (Rejected, _EARLY),
    "INVALID_PARAMETER": (Rejected, _PARAMETER),
    "VALIDATION_ERROR": (Rejected, _PARAMETER),
    # Hero-SMS: plain UNPROCESSABLE_ENTITY:service:INVALID for a bad service
    "UNPROCESSABLE_ENTITY": (Rejected, _PARAMETER),
    "INVALID_STATE": (Rejected, _STATE),
    "MAX_RENTALS_EXCEEDED": (Rejected, _RENTALS),
    # rate limits
    "RATE_LIMITED": (RateLimited, ""),
    "RATE_LIMIT": (RateLimited, ""),
    "TOO_MANY_REQUESTS": (RateLimited, ""),
    # the provider's own failures
    "ERROR_SQL": (Unavailable, _INTERNAL),
    "PROVIDER_ERROR": (Unavailable, _UPSTREAM),
    "MAINTENANCE": (Unavailable, _MAINTENANCE),
    "INTERNAL_ERROR": (Unavailable, _INTERNAL),
}

# Fallback by HTTP status when a body names no token we know.
HTTP_STATUS: dict[int, type[ProviderError]] = {
    401: AuthError,
    402: InsufficientFunds,
    403: Banned,
    404: NotFound,
    405: Rejected,
    409: Rejected,
    422: Rejected,
    429: RateLimited,
}


def normalise_token(raw: str) -> str:
    """``"Bad country"`` → ``BAD_COUNTRY``; ``BANNED:2026-01-01`` → ``BANNED``."""
    head = raw.strip().split(":", 1)[0]
    return "_".join(head.replace("-", " ").split()).upper()


def from_token(token: str, *, detail: str | None = None, http_status: int | None = None,
               retry_after: float | None = None) -> ProviderError | None:
    """The typed error for a token, or None when the token is not an error we know."""
    entry = TOKENS.get(token)
    if entry is None:
        return None
    cls, message = entry
    text = message or None
    # ``detail`` is the provider's text after the token: cleaned and short before it
    # becomes part of a message a person reads (it could hold terminal escapes).
    shown = clean_text(detail, DETAIL_MAX_CHARS) if detail else None
    if token == "BANNED" and shown:
        text = QT_TRANSLATE_NOOP(
            "providers", "The provider has banned this key until {until}.").format(until=shown)
    if token == "UNPROCESSABLE_ENTITY" and shown:
        field = clean_text(shown.split(":", 1)[0], 30)
        text = QT_TRANSLATE_NOOP(
            "providers", "The provider rejected the request's {field!r}.").format(field=field)
    if cls is RateLimited:
        return RateLimited(text, token=token, http_status=http_status, retry_after=retry_after)
    if cls is NoNumbers and detail:
        floor = money_or_none(detail)  # bounded: "1e999999999" is no price
        if floor is not None:
            return NoNumbers(QT_TRANSLATE_NOOP(
                "providers", "No number at or below your maximum price; the cheapest is "
                "{floor}.").format(floor=floor),
                token=token, http_status=http_status, min_price=floor)
    if cls is Unavailable:
        # the provider failed while handling the request (a database error...): it may
        # have done it, a buy may have charged; in maintenance it did nothing
        return Unavailable(text, token=token, http_status=http_status,
                           maybe_sent=token != "MAINTENANCE")
    return cls(text, token=token, http_status=http_status)
