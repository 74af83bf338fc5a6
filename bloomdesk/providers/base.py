"""The provider contract every dialect implements."""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable, Mapping
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from types import TracebackType

from ..domain import Activation, Country, Offer
from ..i18n import QT_TRANSLATE_NOOP
from ..pricelist import PriceList, from_offers
from .errors import Rejected
from .http import Http
from .profiles import ACTION_CAPABILITY, Capability, Profile

log = logging.getLogger(__name__)

ACTION_NAMES: dict[str, str] = {
    Capability.REQUEST_ANOTHER_SMS: QT_TRANSLATE_NOOP("providers", "requesting another SMS"),
    Capability.RERENT: QT_TRANSLATE_NOOP("providers", "renting the same number again"),
    Capability.ACTIVE_LIST: QT_TRANSLATE_NOOP("providers", "listing active orders in one call"),
    Capability.OPERATORS: QT_TRANSLATE_NOOP("providers", "a choice of mobile operator"),
    Capability.PUSH: QT_TRANSLATE_NOOP("providers", "codes by webhook"),
}
LACKS = QT_TRANSLATE_NOOP("providers", "{title} does not offer {what}.")
THIS_ACTION = QT_TRANSLATE_NOOP("providers", "this action")
LISTING = QT_TRANSLATE_NOOP("providers", "listing active orders")
ANY_OPERATOR = ("", "any")  # what "no particular operator" is written as


class Provider:
    """One account at one provider: a session over one HTTP client.

    Use as ``async with provider:``; the client is closed on the way out.  The API key
    is held by the HTTP layer only, and no repr or message shows it.
    """

    def __init__(self, profile: Profile, http: Http) -> None:
        self.profile = profile
        self.kind = profile.kind
        self._http = http
        # What is known of each optional action this server may answer
        # (profile.probes): True answers, False lacks it.  An action not in here is
        # probed the first time it matters; `on_traits` hears each thing learned, so
        # the caller can keep it for the next run (and give it back through learn()).
        self.traits: dict[str, bool] = {}
        self.on_traits: Callable[[dict[str, bool]], None] | None = None

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.kind} {self._http.base_url}>"

    @property
    def capabilities(self) -> frozenset[str]:
        """The profile's, and those of probed actions not known to be lacking."""
        extra = {cap for action, cap in ACTION_CAPABILITY.items()
                 if action in self.profile.probes and self.traits.get(action) is not False}
        return self.profile.capabilities | extra if extra else self.profile.capabilities

    def learn(self, traits: Mapping[str, bool | None]) -> None:
        """Seed what is known of the server, from an earlier run or a preset: an
        action known lacking is never tried, one known present is used at once.
        None (unknown) and actions this kind never probes are ignored."""
        for action, present in traits.items():
            if present is not None and action in self.profile.probes:
                self.traits[action] = bool(present)

    def _found(self, action: str, present: bool) -> None:
        """A probe's result: remembered, and told to `on_traits` when it is news."""
        if self.traits.get(action) is present:
            return
        self.traits[action] = present
        if self.on_traits is not None:
            try:
                self.on_traits(dict(self.traits))
            except Exception:  # keeping it is the caller's business, not this call's
                log.exception("Keeping what %s answers failed", self.profile.title)

    async def __aenter__(self) -> Provider:
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None,
                        exc: BaseException | None, tb: TracebackType | None) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._http.aclose()

    def pace_with(self, pace: Callable[[], Awaitable[None]]) -> None:
        """Await `pace` before every HTTP request (each page of a list counts): the
        caller's rate budget sees every request the provider will count."""
        self._http.pace = pace

    def require(self, capability: str) -> None:
        """Raise Rejected, before anything is sent, for an action the provider lacks."""
        if capability not in self.capabilities:
            what = ACTION_NAMES.get(capability, capability)
            raise Rejected(LACKS.format(title=self.profile.title, what=what),
                           token="NOT_SUPPORTED")

    def default_expiry(self) -> datetime:
        return datetime.now(UTC) + timedelta(seconds=self.profile.activation_lifetime)

    # The contract.  Each dialect overrides all of these.
    async def balance(self) -> Decimal:
        raise NotImplementedError

    async def countries(self, language: str = "eng") -> list[Country]:
        """Names in `language` ("eng", "rus" or "chn") where the provider gives them,
        else English."""
        raise NotImplementedError

    async def offers(self, country: str | None = None, service: str | None = None) -> list[Offer]:
        raise NotImplementedError

    async def price_rows(self, country: str | None = None,
                         service: str | None = None) -> PriceList:
        """Offers as the price table's columns; a dialect parses its whole list
        straight into them (price_rows.py), without an Offer per offer."""
        return from_offers(await self.offers(country, service), time.time())

    async def buy(self, service: str, country: str | None = None,
                  max_price: Decimal | None = None, operator: str | None = None) -> Activation:
        """`operator` (from operators()) where the provider offers a choice; None or
        "any" for any."""
        raise NotImplementedError

    def wanted_operator(self, operator: str | None) -> str | None:
        """The operator to send, or None for any; Rejected, before anything is sent,
        where the provider offers no choice."""
        if operator is None or operator.strip().lower() in ANY_OPERATOR:
            return None
        self.require(Capability.OPERATORS)
        return operator.strip()

    async def operators(self, country: str) -> list[str]:
        """The mobile operators one may choose in `country`; empty where there is no
        choice (nothing is sent where the provider is known to offer none): "any
        operator" is a sound answer, not an error to show."""
        return []

    async def activation(self, activation_id: str) -> Activation:
        raise NotImplementedError

    async def cancel(self, activation_id: str) -> None:
        raise NotImplementedError

    async def complete(self, activation_id: str) -> None:
        raise NotImplementedError

    async def request_another_sms(self, activation_id: str) -> None:
        self.require("request_another_sms")
        raise NotImplementedError

    async def rerent(self, activation_id: str) -> Activation:
        self.require("rerent")
        raise NotImplementedError

    async def active_activations(self) -> list[Activation]:
        """Every active order in one call, where the provider offers it."""
        self.require("active_list")
        raise NotImplementedError
