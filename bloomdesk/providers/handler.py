"""The SMS-Activate ``handler_api.php`` dialect (bloomsms-legacy, smsbulk-legacy,
sms-activate): GET requests, ``api_key`` in the query, plain-text tokens or JSON.

Answers are classified by meaning, whatever the HTTP status and wrapping
(PROTOCOL-NOTES section 2); anything not understood is a ProtocolError.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import httpx

from ..domain import Activation, Country, Offer, Status
from ..textsafe import NAME_MAX_CHARS, clean_code, clean_phone, clean_text
from .answers import (
    Shared,
    breathe,
    check_status,
    error_from_json,
    int_field,
    load_json,
    money,
    optional_money,
    plain_id,
    text_field,
)
from .base import Provider
from .errors import ProtocolError, Rejected, from_token, normalise_token
from .http import Http, Reply
from .profiles import ACTIVE_LIST, REQUEST_ANOTHER_SMS, Profile

_STATUS_ANSWERS = {
    "STATUS_WAIT_CODE": Status.WAITING,
    "STATUS_WAIT_RESEND": Status.WAITING_RETRY,
    "STATUS_WAIT_RETRY": Status.WAITING_RETRY,
    "STATUS_OK": Status.RECEIVED,
    "STATUS_CANCEL": Status.CANCELLED,
}
_NOT_SUPPORTED = ("BAD_ACTION", "WRONG_ACTION")


class HandlerProvider(Provider):
    def __init__(self, profile: Profile, api_key: str, base_url: str, timeout: float,
                 transport: httpx.AsyncBaseTransport | None = None) -> None:
        super().__init__(profile, Http(base_url, timeout=timeout, secret=api_key,
                                       transport=transport))
        self._key = api_key
        self._service_names: dict[str, str] | None = None
        self._countries: list[Country] | None = None
        self._active_list: bool | None = None if profile.probe_active_list else False

    @property
    def capabilities(self) -> frozenset[str]:
        caps = self.profile.capabilities
        if self._active_list is not False:
            caps = caps | {ACTIVE_LIST}
        return caps

    # ------------------------------------------------------------------ plumbing

    async def _call(self, action: str, *, catalogue: bool = False, **params: Any) -> Reply:
        """One GET; ``catalogue`` for the big lists (their larger limits, http.py)."""
        query = {"api_key": self._key, "action": action}
        query.update({k: str(v) for k, v in params.items() if v is not None})
        reply = await self._http.send("GET", params=query, catalogue=catalogue)
        check_status(reply)
        return reply

    def _raise_if_error(self, reply: Reply) -> str:
        """The stripped text of a 200 answer, after raising for any error it names."""
        text = reply.text.strip()
        if text[:1] in "{[" and text:
            body = load_json(reply)
            error = error_from_json(reply, body)
            if error is not None:
                raise error
            return text
        head, _, detail = text.partition(":")
        error = from_token(normalise_token(head), detail=detail.strip() or None,
                           http_status=reply.status, retry_after=reply.retry_after)
        if error is not None:
            raise error
        return text

    async def _text(self, action: str, **params: Any) -> str:
        return self._raise_if_error(await self._call(action, **params))

    async def _json(self, action: str, *, catalogue: bool = False, **params: Any) -> Any:
        reply = await self._call(action, catalogue=catalogue, **params)
        text = self._raise_if_error(reply)
        if text[:1] not in "{[" or not text:
            raise ProtocolError(excerpt=reply.excerpt())
        return load_json(reply)

    @staticmethod
    def _expect(text: str, prefix: str) -> str:
        head, sep, rest = text.partition(":")
        if head != prefix or not sep:
            raise ProtocolError(excerpt=text)
        return rest

    async def _set_status(self, activation_id: str, status: int | None, *ok: str) -> None:
        if status is None:
            raise Rejected(f"{self.profile.title} does not offer this action.",
                           token="NOT_SUPPORTED")
        text = await self._text("setStatus", id=activation_id, status=status)
        if text.split(":", 1)[0] not in ok:
            raise ProtocolError(excerpt=text)

    # ------------------------------------------------------------------ contract

    async def balance(self) -> Decimal:
        return money(self._expect(await self._text("getBalance"), "ACCESS_BALANCE"), "balance")

    async def countries(self) -> list[Country]:
        if self._countries is None:
            self._countries = _parse_countries(await self._json("getCountries", catalogue=True))
        return list(self._countries)

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
        body = await self._json("getPrices", catalogue=True, country=country,
                                service=service)
        if isinstance(body, list) and not body:
            return []  # PHP's empty array: nothing on offer
        if not isinstance(body, dict):
            raise ProtocolError("The price list has an unexpected shape.")
        offers: list[Offer] = []
        shared = Shared()
        for n, (cid, services) in enumerate(body.items()):
            await breathe(n, every=4)  # about 2,000 offers a step
            if isinstance(services, list) and not services:
                continue
            if not isinstance(services, dict):
                raise ProtocolError("The price list has an unexpected shape.")
            known = by_id.get(str(cid))
            for code, entry in services.items():
                if not isinstance(entry, dict):
                    raise ProtocolError("The price list has an unexpected shape.")
                code = shared.text(str(code))
                offers.append(Offer(
                    service=code,
                    service_name=shared.text(names.get(code, code)),
                    country=shared.text(str(cid)),
                    price=shared.money(entry.get("cost"), "price"),
                    stock=int_field(entry, "count", default=0),
                    country_name=known.name if known else None,
                    country_iso=known.iso if known else None,
                ))
        return offers

    async def buy(self, service: str, country: str | None = None,
                  max_price: Decimal | None = None) -> Activation:
        cap = max_price if self.profile.takes_max_price else None
        text = await self._text("getNumber", service=service, country=country, maxPrice=cap)
        parts = self._expect(text, "ACCESS_NUMBER").split(":")
        if len(parts) != 2 or not parts[0] or not parts[1]:
            raise ProtocolError(excerpt=text)
        return Activation(id=plain_id(parts[0]), phone=clean_phone(parts[1]), service=service,
                          country=country or self.profile.default_country, price=None,
                          status=Status.WAITING, expires_at=self.default_expiry())

    async def activation(self, activation_id: str) -> Activation:
        text = await self._text("getStatus", id=activation_id)
        head, _, rest = text.partition(":")
        status = _STATUS_ANSWERS.get(head)
        if status is None:
            raise ProtocolError(excerpt=text)
        code = clean_code(rest)
        if status is Status.RECEIVED and not code:
            raise ProtocolError(excerpt=text)
        return Activation(id=activation_id, phone=None, service=None, country=None,
                          price=None, status=status, code=code)

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
        self.require(ACTIVE_LIST)
        try:
            body = await self._json("getActiveActivations")
        except Rejected as exc:
            if exc.token in _NOT_SUPPORTED:
                self._active_list = False  # probed: this server lacks it
            raise
        self._active_list = True
        items = body.get("activeActivations", body.get("data")) if isinstance(body, dict) else None
        if items is None or (isinstance(items, dict) and not items):
            items = []
        if not isinstance(items, list):
            raise ProtocolError("The list of active orders has an unexpected shape.")
        return [_parse_active(item) for item in items]


def _parse_countries(body: Any) -> list[Country]:
    rows: list[tuple[str, Any]] = []
    if isinstance(body, dict):
        rows = [(str(k), v) for k, v in body.items()]
    elif isinstance(body, list):
        rows = [(text_field(v, "id") or "", v) for v in body]
    else:
        raise ProtocolError("The country list has an unexpected shape.")
    countries = []
    for cid, item in rows:
        if not isinstance(item, dict):
            raise ProtocolError("The country list has an unexpected shape.")
        cid = text_field(item, "id", required=False) or cid
        iso = text_field(item, "iso", "iso2", required=False)
        name = text_field(item, "eng", "name", "title", required=False) or iso or cid
        countries.append(Country(id=clean_text(cid, NAME_MAX_CHARS),
                                 name=clean_text(name, NAME_MAX_CHARS),
                                 iso=clean_text(iso.upper(), NAME_MAX_CHARS) if iso else None))
    return countries


def _parse_active(item: Any) -> Activation:
    """One row of getActiveActivations; every text cleaned (textsafe) as it enters."""
    code = clean_code(text_field(item, "smsCode", required=False))
    return Activation(
        id=plain_id(text_field(item, "activationId", "id")),
        phone=clean_phone(text_field(item, "phoneNumber", required=False)),
        service=clean_text(text_field(item, "serviceCode", required=False), NAME_MAX_CHARS),
        country=clean_text(text_field(item, "countryCode", required=False), NAME_MAX_CHARS),
        price=optional_money(item, "activationCost"),
        status=Status.RECEIVED if code else Status.WAITING,
        code=code,
        text=clean_text(text_field(item, "smsText", required=False)),
    )
