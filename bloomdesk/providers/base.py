"""The provider contract every dialect implements."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from types import TracebackType

from ..domain import Activation, Country, Offer
from .errors import Rejected
from .http import Http
from .profiles import Profile

ACTION_NAMES = {
    "request_another_sms": "requesting another SMS",
    "rerent": "renting the same number again",
    "active_list": "listing active orders in one call",
}


class Provider:
    """One account at one provider: a session over one HTTP client.

    Use as ``async with provider:``; the client is closed on the way out.  The API key
    is held by the HTTP layer only, and no repr or message shows it.
    """

    def __init__(self, profile: Profile, http: Http) -> None:
        self.profile = profile
        self.kind = profile.kind
        self._http = http

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.kind} {self._http.base_url}>"

    @property
    def capabilities(self) -> frozenset[str]:
        return self.profile.capabilities

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
            raise Rejected(f"{self.profile.title} does not offer {what}.",
                           token="NOT_SUPPORTED")

    def default_expiry(self) -> datetime:
        return datetime.now(UTC) + timedelta(seconds=self.profile.activation_lifetime)

    # The contract.  Each dialect overrides all of these.
    async def balance(self) -> Decimal:
        raise NotImplementedError

    async def countries(self) -> list[Country]:
        raise NotImplementedError

    async def offers(self, country: str | None = None, service: str | None = None) -> list[Offer]:
        raise NotImplementedError

    async def buy(self, service: str, country: str | None = None,
                  max_price: Decimal | None = None) -> Activation:
        raise NotImplementedError

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
