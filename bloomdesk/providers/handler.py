"""The SMS-Activate ``handler_api.php`` dialect (bloomsms-legacy, smsbulk-legacy,
sms-activate): GET requests, ``api_key`` in the query, plain-text tokens or JSON.

Answers are classified by meaning, whatever the HTTP status and wrapping
(PROTOCOL-NOTES section 2); anything not understood is a ProtocolError.

The extended actions (``getNumberV2``, ``getStatusV2``, ``getActiveActivations``,
``getOperators``; reading them: extended.py) are used where the kind's profile says a
server may answer them (``probes``) and this one is not known to lack them
(``Provider.traits``).  A server that lacks one answers ``BAD_ACTION`` or
``WRONG_ACTION`` in some wrapping: that is learned once, quietly, and the basic
action does the job.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any, TypeVar

import httpx

from ..domain import Activation, Country, Offer, Status
from ..pricelist import PriceList
from ..textsafe import NAME_MAX_CHARS, clean_phone, clean_text
from . import price_rows
from .answers import (
    Shared,
    breathe,
    check_status,
    error_from_json,
    int_field,
    load_json,
    money,
    plain_id,
    text_field,
)
from .base import LACKS, LISTING, THIS_ACTION, Provider
from .countries import CountryRow, country_rows, iso_for
from .errors import ProtocolError, ProviderError, Rejected, from_token, normalise_token
from .extended import active_rows, number_v2, operators_of, parse_active, status_answer
from .http import Http, Reply
from .profiles import ACTIVE_LIST, OPERATORS, REQUEST_ANOTHER_SMS, Profile

log = logging.getLogger(__name__)
T = TypeVar("T")

_NOT_SUPPORTED = ("BAD_ACTION", "WRONG_ACTION")
_NONE_LISTED = ("NO_ACTIVATIONS", "OPERATORS_NOT_FOUND")  # "none", said as an error


class HandlerProvider(Provider):
    def __init__(self, profile: Profile, api_key: str, base_url: str, timeout: float,
                 transport: httpx.AsyncBaseTransport | None = None) -> None:
        super().__init__(profile, Http(base_url, timeout=timeout, secret=api_key,
                                       transport=transport))
        self._key = api_key
        self._service_names: dict[str, str] | None = None
        self._countries: list[CountryRow] | None = None

    # ------------------------------------------------------------------ plumbing

    async def _call(self, action: str, *, catalogue: bool = False, **params: Any) -> Reply:
        """One GET; ``catalogue`` for the big lists (their larger limits, http.py)."""
        query = {"api_key": self._key, "action": action}
        query.update({k: str(v) for k, v in params.items() if v is not None})
        reply = await self._http.send("GET", params=query, catalogue=catalogue)
        check_status(reply)
        return reply

    @staticmethod
    def _read(reply: Reply) -> Any:
        """A 200 answer as parsed JSON, or its stripped text, after raising for any
        error it names (parsed once: a price list is 100k objects)."""
        text = reply.text.strip()
        if text[:1] in "{[" and text:
            body = load_json(reply)
            error = error_from_json(reply, body)
            if error is not None:
                raise error
            return body
        head, _, detail = text.partition(":")
        error = from_token(normalise_token(head), detail=detail.strip() or None,
                           http_status=reply.status, retry_after=reply.retry_after)
        if error is not None:
            raise error
        return text

    async def _text(self, action: str, **params: Any) -> str:
        reply = await self._call(action, **params)
        answer = self._read(reply)
        return answer if isinstance(answer, str) else reply.text.strip()

    async def _json(self, action: str, *, catalogue: bool = False, **params: Any) -> Any:
        reply = await self._call(action, catalogue=catalogue, **params)
        answer = self._read(reply)
        if isinstance(answer, str):
            raise ProtocolError(excerpt=reply.excerpt())
        return answer

    async def _extended(self, action: str, read: Callable[[Any], T], *, quiet: bool = True,
                        **params: Any) -> T | None:
        """`read` of the answer to an extended action; None, without a word to the
        user, where this server lacks it (learned the first time it says so; `quiet`
        False raises the server's refusal after learning)."""
        if action not in self.profile.probes or self.traits.get(action) is False:
            return None
        try:
            answer = self._read(await self._call(action, **params))
        except Rejected as exc:
            if exc.token not in _NOT_SUPPORTED:
                raise
            self._found(action, False)
            if not quiet:
                raise
            return None
        except ProtocolError as exc:
            if exc.token not in _NONE_LISTED:
                raise
            answer = []
        if isinstance(answer, str) and answer.partition(":")[0] in _NONE_LISTED:
            answer = []
        result = read(answer)
        self._found(action, True)
        return result

    @staticmethod
    def _expect(text: str, prefix: str) -> str:
        head, sep, rest = text.partition(":")
        if head != prefix or not sep:
            raise ProtocolError(excerpt=text)
        return rest

    async def _set_status(self, activation_id: str, status: int | None, *ok: str) -> None:
        if status is None:
            raise Rejected(LACKS.format(title=self.profile.title, what=THIS_ACTION),
                           token="NOT_SUPPORTED")
        text = await self._text("setStatus", id=activation_id, status=status)
        if text.split(":", 1)[0] not in ok:
            raise ProtocolError(excerpt=text)

    # ------------------------------------------------------------------ contract

    async def balance(self) -> Decimal:
        return money(self._expect(await self._text("getBalance"), "ACCESS_BALANCE"), "balance")

    async def _country_rows(self) -> list[CountryRow]:
        if self._countries is None:
            self._countries = country_rows(await self._json("getCountries", catalogue=True),
                                           self.profile)
        return self._countries

    async def countries(self, language: str = "eng") -> list[Country]:
        return [row.country(language) for row in await self._country_rows()]

    async def _names(self) -> dict[str, str]:
        if self._service_names is None:
            try:
                body = await self._json("getServicesList", catalogue=True)
            except Rejected:
                body = {}
            items = body.get("services") if isinstance(body, dict) else None
            names: dict[str, str] = {}
            for item in items if isinstance(items, list) else []:
                code = text_field(item, "code", required=False)
                if code:
                    names[code] = clean_text(text_field(item, "name", required=False) or code,
                                             NAME_MAX_CHARS)
            self._service_names = names
        return self._service_names

    async def offers(self, country: str | None = None, service: str | None = None) -> list[Offer]:
        names = await self._names()
        by_id = {c.id: c for c in await self.countries()}
        isos: dict[str, str | None] = {}
        body = await self._json("getPrices", catalogue=True, country=country,
                                service=service)
        if isinstance(body, list) and not body:
            return []  # PHP's empty array: nothing on offer
        if not isinstance(body, dict):
            raise ProtocolError(price_rows.SHAPE)
        offers: list[Offer] = []
        shared = Shared()
        for n, (cid, services) in enumerate(body.items()):
            await breathe(n, every=4)  # about 2,000 offers a step
            if isinstance(services, list) and not services:
                continue
            if not isinstance(services, dict):
                raise ProtocolError(price_rows.SHAPE)
            cid = str(cid)
            known = by_id.get(cid)
            iso = known.iso if known else isos.setdefault(cid, iso_for(self.profile, cid))
            for code, entry in services.items():
                if not isinstance(entry, dict):
                    raise ProtocolError(price_rows.SHAPE)
                code = shared.text(str(code))
                offers.append(Offer(
                    service=code,
                    service_name=shared.text(names.get(code, code)),
                    country=shared.text(cid),
                    price=shared.money(entry.get("cost"), "price"),
                    stock=int_field(entry, "count", default=0),
                    country_name=known.name if known else None,
                    country_iso=iso,
                ))
        return offers

    async def price_rows(self, country: str | None = None,
                         service: str | None = None) -> PriceList:
        if country is not None or service is not None:  # an offer or two read again
            return await super().price_rows(country, service)
        return await price_rows.handler_list(
            lambda: self._call("getPrices", catalogue=True), self._read,
            await self.countries(), await self._names(), self.profile)

    async def buy(self, service: str, country: str | None = None,
                  max_price: Decimal | None = None, operator: str | None = None) -> Activation:
        params: dict[str, Any] = {
            "service": service, "country": country, "operator": self.wanted_operator(operator),
            "maxPrice": max_price if self.profile.takes_max_price else None}
        sent_at = datetime.now(UTC)
        lifetime = self.profile.activation_lifetime

        def read(answer: Any) -> Activation:
            if isinstance(answer, str):  # some servers answer V2 in the basic words
                return self._bought(answer, service, country)
            return number_v2(answer, service, country or self.profile.default_country,
                             sent_at, lifetime)

        # Falling back is safe for money: BAD_ACTION says nothing was bought.
        bought = await self._extended("getNumberV2", read, **params)
        if bought is None:
            bought = self._bought(await self._text("getNumber", **params), service, country)
        return bought

    def _bought(self, text: str, service: str, country: str | None) -> Activation:
        parts = self._expect(text, "ACCESS_NUMBER").split(":")
        if len(parts) != 2 or not parts[0] or not parts[1]:
            raise ProtocolError(excerpt=text)
        return Activation(id=plain_id(parts[0]), phone=clean_phone(parts[1]), service=service,
                          country=country or self.profile.default_country, price=None,
                          status=Status.WAITING, expires_at=self.default_expiry())

    async def activation(self, activation_id: str) -> Activation:
        """getStatusV2 where the server is known to answer it (the full text, a code by
        voice call); else getStatus, and the first time a code comes on a server that
        may have V2, one probe of it: only then has it anything more to say."""
        def read(answer: Any) -> Activation:
            return status_answer(answer, activation_id)

        if self.traits.get("getStatusV2"):
            found = await self._extended("getStatusV2", read, id=activation_id)
            if found is not None:
                return found
        basic = status_answer(await self._text("getStatus", id=activation_id), activation_id)
        if basic.code and "getStatusV2" in self.profile.probes \
                and "getStatusV2" not in self.traits:
            try:
                richer = await self._extended("getStatusV2", read, id=activation_id)
            except ProviderError as exc:  # the basic answer stands; probe another time
                log.debug("Probing getStatusV2 on %s: %s", self.profile.title, exc)
                richer = None
            if richer is not None and richer.code:
                return richer
        return basic

    async def cancel(self, activation_id: str) -> None:
        await self._set_status(activation_id, self.profile.cancel_status, "ACCESS_CANCEL")

    async def complete(self, activation_id: str) -> None:
        await self._set_status(activation_id, self.profile.complete_status,
                               "ACCESS_ACTIVATION", "ACCESS_READY")

    async def request_another_sms(self, activation_id: str) -> None:
        self.require(REQUEST_ANOTHER_SMS)
        await self._set_status(activation_id, self.profile.retry_status, "ACCESS_RETRY_GET")

    async def rerent(self, activation_id: str) -> Activation:
        self.require("rerent")
        raise AssertionError("unreachable: no handler profile offers re-rent")

    async def active_activations(self) -> list[Activation]:
        """Raises the server's own Rejected (BAD_ACTION) where it lacks the list, after
        learning so: an empty list would say every order is gone."""
        self.require(ACTIVE_LIST)
        rows = await self._extended("getActiveActivations", active_rows, quiet=False)
        if rows is None:  # not a probe of this kind: the profile would have said so
            raise Rejected(LACKS.format(title=self.profile.title, what=LISTING),
                           token="NOT_SUPPORTED")
        return [parse_active(item) for item in rows]

    async def operators(self, country: str) -> list[str]:
        if OPERATORS not in self.capabilities:
            return []
        found = await self._extended("getOperators", lambda a: operators_of(a, country),
                                     country=country)
        return found or []
