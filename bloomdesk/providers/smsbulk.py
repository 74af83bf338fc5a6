"""SMSBulk REST v1 (specs 002 and 004): camelCase JSON, ``X-API-Key``, countries by ISO
code, DELETE to cancel, POST ``/complete``, cursor-paginated lists.

Where the documents are silent (error bodies, the bulk price list, the list of active
orders) the client accepts the conventional shapes the simulator documents, and the
reasonable alternatives (a bare list, ``items`` instead of ``data``).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import httpx

from ..domain import Activation, Country, Offer, Status
from ..i18n import QT_TRANSLATE_NOOP
from ..pricelist import PriceList
from ..textsafe import NAME_MAX_CHARS, clean_code, clean_phone, clean_text
from . import price_rows
from .answers import (
    Shared,
    breathe,
    check_status,
    int_field,
    load_json,
    money,
    optional_money,
    plain_id,
    text_field,
)
from .base import Provider
from .bloomsms import parse_time
from .errors import ProtocolError
from .http import Http, Reply, path_segment
from .profiles import ACTIVE_LIST, Profile

_STATUSES = {
    "WAITING": Status.WAITING,
    "PENDING": Status.WAITING,
    "RECEIVED": Status.RECEIVED,
    "RETRY": Status.WAITING_RETRY,
    "COMPLETED": Status.COMPLETED,
    "CANCELLED": Status.CANCELLED,
    "CANCELED": Status.CANCELLED,
    "EXPIRED": Status.EXPIRED,
    "REFUNDED": Status.EXPIRED,  # expired without an SMS, charge returned
}
MAX_PAGES = 500  # a misbehaving cursor must not loop for ever


class SmsBulkProvider(Provider):
    def __init__(self, profile: Profile, api_key: str, base_url: str, timeout: float,
                 transport: httpx.AsyncBaseTransport | None = None) -> None:
        super().__init__(profile, Http(
            base_url, timeout=timeout, secret=api_key, transport=transport,
            headers={"X-API-Key": api_key, "Accept": "application/json"}))
        self._countries: list[Country] | None = None

    async def _req(self, method: str, path: str, *, params: dict[str, Any] | None = None,
                   body: Any = None, catalogue: bool = False) -> Any:
        reply = await self._http.send(method, path, params=params, body=body,
                                      catalogue=catalogue)
        check_status(reply)
        if not reply.text.strip():
            return {}
        return load_json(reply)

    async def _pages(self, path: str, params: dict[str, Any]) -> list[Any]:
        items: list[Any] = []
        cursor: str | None = None
        seen: set[str] = set()
        for _ in range(MAX_PAGES):
            query = dict(params, **({"cursor": cursor} if cursor else {}))
            body = await self._req("GET", path, params=query, catalogue=True)
            page = body if isinstance(body, list) else \
                body.get("data", body.get("items")) if isinstance(body, dict) else None
            if not isinstance(page, list):
                raise ProtocolError(QT_TRANSLATE_NOOP(
                    "providers", "A list from the provider has an unexpected shape."))
            items += page
            cursor = text_field(body, "nextCursor", "next_cursor", required=False) \
                if isinstance(body, dict) else None
            if not cursor or cursor in seen:
                return items
            seen.add(cursor)
        raise ProtocolError(QT_TRANSLATE_NOOP("providers", "The provider's list never ended."))

    async def balance(self) -> Decimal:
        return money(text_field(await self._req("GET", "/wallet/balance"), "balance"), "balance")

    async def countries(self, language: str = "eng") -> list[Country]:
        """One name per country in this API: `language` is not offered."""
        if self._countries is None:
            self._countries = []
            for item in await self._pages("/countries", {}):
                iso = clean_text((text_field(item, "iso", "countryIso", "code") or "").upper(),
                                 NAME_MAX_CHARS)
                name = clean_text(text_field(item, "name", required=False) or iso,
                                  NAME_MAX_CHARS)
                self._countries.append(Country(id=iso, name=name, iso=iso))
        return list(self._countries)

    async def offers(self, country: str | None = None, service: str | None = None) -> list[Offer]:
        names = {c.id: c.name for c in await self.countries()}
        if service is not None:
            items = await self._pages(f"/services/{path_segment(service)}/countries", {})
            if country is not None:
                items = [i for i in items if isinstance(i, dict)
                         and str(i.get("countryIso", "")).upper() == country.upper()]
        else:
            params: dict[str, Any] = {"limit": 5000}
            if country is not None:
                params["country"] = country
            items = await self._pages("/prices", params)
        offers = []
        shared = Shared()
        for n, item in enumerate(items):
            await breathe(n)
            iso = shared.text((text_field(item, "countryIso", "country") or "").upper())
            code = shared.text(text_field(item, "serviceCode", required=False) or service or "")
            country_name = text_field(item, "countryName", required=False) or names.get(iso)
            offers.append(Offer(
                service=code,
                service_name=shared.text((text_field(item, "serviceName", required=False)
                                          or code).strip()),
                country=iso,
                price=shared.money(text_field(item, "price", "userCost"), "price"),
                stock=int_field(item, "stock", "count"),
                country_name=shared.text(country_name) if country_name else None,
                country_iso=iso,
            ))
        return offers

    async def price_rows(self, country: str | None = None,
                         service: str | None = None) -> PriceList:
        if country is not None or service is not None:  # an offer or two read again
            return await super().price_rows(country, service)

        async def page(cursor: str | None) -> Reply:
            query = {"limit": 5000, **({"cursor": cursor} if cursor else {})}
            reply = await self._http.send("GET", "/prices", params=query, catalogue=True)
            check_status(reply)
            return reply
        names = {c.id: c.name for c in await self.countries()}
        return await price_rows.smsbulk_list(page, names, MAX_PAGES)

    def _activation(self, data: Any, fallback_id: str | None = None) -> Activation:
        """An order from the provider's answer, every text cleaned (textsafe) and the
        id accepted only when plain; ``fallback_id`` is the caller's, when the answer
        does not repeat it."""
        if not isinstance(data, dict):
            raise ProtocolError(QT_TRANSLATE_NOOP(
                "providers", "The order has an unexpected shape."))
        raw = (text_field(data, "status", required=False) or "WAITING").upper()
        status = _STATUSES.get(raw)
        if status is None:
            raise ProtocolError(QT_TRANSLATE_NOOP(
                "providers", "The provider sent an unknown order status: {status!r}").format(
                status=raw[:30]))
        sent = text_field(data, "id", required=fallback_id is None)
        aid = plain_id(sent) if sent is not None else fallback_id
        assert aid is not None
        return Activation(
            id=aid,
            phone=clean_phone(text_field(data, "phoneNumber", required=False)),
            service=clean_text(text_field(data, "serviceCode", required=False), NAME_MAX_CHARS),
            country=clean_text(text_field(data, "countryIso", required=False), NAME_MAX_CHARS),
            price=optional_money(data, "userCost", "price"),
            status=status,
            code=clean_code(text_field(data, "smsCode", required=False)),
            text=clean_text(text_field(data, "smsText", required=False)),
            expires_at=parse_time(text_field(data, "expiresAt", required=False)),
        )

    async def buy(self, service: str, country: str | None = None,
                  max_price: Decimal | None = None, operator: str | None = None) -> Activation:
        self.wanted_operator(operator)  # no choice of operator here: Rejected if one asked
        body: dict[str, Any] = {"serviceCode": service}
        if country is not None:
            body["countryIso"] = country
        if max_price is not None:
            body["maxPrice"] = str(max_price)
        activation = self._activation(await self._req("POST", "/activations", body=body))
        if activation.phone is None:
            raise ProtocolError(QT_TRANSLATE_NOOP(
                "providers", "The provider's answer lacks the phone number."))
        return activation

    async def activation(self, activation_id: str) -> Activation:
        return self._activation(
            await self._req("GET", f"/activations/{path_segment(activation_id)}"),
            activation_id)

    async def cancel(self, activation_id: str) -> None:
        await self._req("DELETE", f"/activations/{path_segment(activation_id)}")

    async def complete(self, activation_id: str) -> None:
        await self._req("POST", f"/activations/{path_segment(activation_id)}/complete")

    async def active_activations(self) -> list[Activation]:
        self.require(ACTIVE_LIST)
        return [self._activation(i) for i in await self._pages("/activations",
                                                               {"status": "active"})]
