"""BloomSMS Reseller API v1 (spec 001): JSON ``{status, data, errors}`` envelope,
Bearer key, PATCH to change an activation, re-rent, 60 requests a minute."""

from __future__ import annotations

from datetime import UTC, datetime
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
    error_from_json,
    int_field,
    load_json,
    money,
    optional_money,
    plain_id,
    text_field,
)
from .base import Provider
from .countries import iso_for
from .errors import ProtocolError
from .http import Http, Reply, path_segment
from .profiles import REQUEST_ANOTHER_SMS, RERENT, Profile

_STATUSES = {
    "waiting": Status.WAITING,
    "pending": Status.WAITING,
    "code_received": Status.RECEIVED,
    "received": Status.RECEIVED,
    "completed": Status.COMPLETED,
    "complete": Status.COMPLETED,
    "cancelled": Status.CANCELLED,
    "canceled": Status.CANCELLED,
    "cancel": Status.CANCELLED,
    "expired": Status.EXPIRED,
}


def parse_time(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise ProtocolError(QT_TRANSLATE_NOOP(
            "providers", "The provider sent an invalid time: {value!r}").format(
            value=value[:40])) from None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


class BloomSmsProvider(Provider):
    def __init__(self, profile: Profile, api_key: str, base_url: str, timeout: float,
                 transport: httpx.AsyncBaseTransport | None = None) -> None:
        super().__init__(profile, Http(
            base_url, timeout=timeout, secret=api_key, transport=transport,
            headers={"Authorization": f"Bearer {api_key}", "Accept": "application/json"}))
        self._countries: list[Country] | None = None

    async def _req(self, method: str, path: str, *, params: dict[str, Any] | None = None,
                   body: Any = None, catalogue: bool = False) -> Any:
        reply = await self._http.send(method, path, params=params, body=body,
                                      catalogue=catalogue)
        check_status(reply)
        envelope = load_json(reply)
        error = error_from_json(reply, envelope)
        if error is not None:
            raise error
        if not isinstance(envelope, dict) or "data" not in envelope:
            raise ProtocolError(excerpt=reply.excerpt())
        return envelope["data"]

    async def balance(self) -> Decimal:
        return money(text_field(await self._req("GET", "/balance"), "balance"), "balance")

    async def countries(self, language: str = "eng") -> list[Country]:
        """One name per country in this API: `language` is not offered."""
        if self._countries is None:
            data = await self._req("GET", "/countries", catalogue=True)
            items = data.get("countries") if isinstance(data, dict) else data
            if not isinstance(items, list):
                raise ProtocolError(QT_TRANSLATE_NOOP(
                    "providers", "The country list has an unexpected shape."))
            self._countries = []
            for c in items:
                cid = clean_text(text_field(c, "id") or "", NAME_MAX_CHARS)
                self._countries.append(Country(  # ids are canonical: 0 Russia, 187 USA
                    id=cid, name=clean_text(text_field(c, "name") or "", NAME_MAX_CHARS),
                    iso=iso_for(self.profile, cid, text_field(c, "iso", required=False))))
        return list(self._countries)

    async def offers(self, country: str | None = None, service: str | None = None) -> list[Offer]:
        by_id = {c.id: c for c in await self.countries()}
        if country is not None and service is None:
            data = await self._req("GET", "/services", params={"country": country},
                                   catalogue=True)
            items = data.get("services") if isinstance(data, dict) else None
        else:
            params = {k: v for k, v in (("country", country), ("service", service)) if v}
            data = await self._req("GET", "/prices", params=params, catalogue=True)
            items = data.get("prices") if isinstance(data, dict) else None
        if not isinstance(items, list):
            raise ProtocolError(QT_TRANSLATE_NOOP(
                "providers", "The price list has an unexpected shape."))
        offers = []
        shared = Shared()
        for n, item in enumerate(items):
            await breathe(n)
            cid = shared.text(text_field(item, "country", required=False) or country or
                              self.profile.default_country or "")
            code = text_field(item, "code", "service")
            assert code is not None
            code = shared.text(code)
            known = by_id.get(cid)
            offers.append(Offer(
                service=code,
                service_name=shared.text((text_field(item, "name", required=False)
                                          or code).strip()),
                country=cid,
                price=shared.money(text_field(item, "price"), "price"),
                stock=int_field(item, "stock", "count"),
                country_name=known.name if known else None,
                country_iso=known.iso if known else iso_for(self.profile, cid),
            ))
        return offers

    async def price_rows(self, country: str | None = None,
                         service: str | None = None) -> PriceList:
        if country is not None or service is not None:  # an offer or two read again
            return await super().price_rows(country, service)
        return await price_rows.bloomsms_list(lambda: self._reply("/prices"),
                                              await self.countries(), self.profile)

    async def _reply(self, path: str) -> Reply:
        reply = await self._http.send("GET", path, catalogue=True)
        check_status(reply)
        return reply

    def _activation(self, data: Any, fallback_id: str | None = None) -> Activation:
        """An order from the provider's answer, every text cleaned (textsafe) and the
        id accepted only when plain; ``fallback_id`` is the caller's, when the answer
        does not repeat it."""
        if not isinstance(data, dict):
            raise ProtocolError(QT_TRANSLATE_NOOP(
                "providers", "The order has an unexpected shape."))
        sms = data.get("sms") if isinstance(data.get("sms"), dict) else {}
        code = clean_code(text_field(sms, "code", required=False))
        raw_status = (text_field(data, "activation_status", "status", required=False)
                      or "waiting").lower()
        status = _STATUSES.get(raw_status)
        if status is None:
            raise ProtocolError(QT_TRANSLATE_NOOP(
                "providers", "The provider sent an unknown order status: {status!r}").format(
                status=raw_status[:30]))
        if status is Status.WAITING and code:
            status = Status.WAITING_RETRY  # another SMS asked for; the last code stands
        sent = text_field(data, "activation_id", "id", required=fallback_id is None)
        aid = plain_id(sent) if sent is not None else fallback_id
        assert aid is not None
        return Activation(
            id=aid,
            phone=clean_phone(text_field(data, "phone_number", required=False)),
            service=clean_text(text_field(data, "service", required=False), NAME_MAX_CHARS),
            country=clean_text(text_field(data, "country", required=False), NAME_MAX_CHARS),
            price=optional_money(data, "price"),
            status=status,
            code=code,
            text=clean_text(text_field(sms, "full_text", required=False)),
            expires_at=parse_time(text_field(data, "expires_at", required=False)),
        )

    async def buy(self, service: str, country: str | None = None,
                  max_price: Decimal | None = None, operator: str | None = None) -> Activation:
        self.wanted_operator(operator)  # no choice of operator here: Rejected if one asked
        body: dict[str, Any] = {"service": service}
        if country is not None:
            body["country"] = str(country)
        if max_price is not None:
            body["max_price"] = float(max_price)  # the API documents a float
        activation = self._activation(await self._req("POST", "/activations", body=body))
        if activation.phone is None:
            raise ProtocolError(QT_TRANSLATE_NOOP(
                "providers", "The provider's answer lacks the phone number."))
        return activation

    async def activation(self, activation_id: str) -> Activation:
        return self._activation(
            await self._req("GET", f"/activations/{path_segment(activation_id)}"),
            activation_id)

    async def _patch(self, activation_id: str, status: str) -> None:
        await self._req("PATCH", f"/activations/{path_segment(activation_id)}",
                        body={"status": status})

    async def cancel(self, activation_id: str) -> None:
        await self._patch(activation_id, "cancel")

    async def complete(self, activation_id: str) -> None:
        await self._patch(activation_id, "complete")

    async def request_another_sms(self, activation_id: str) -> None:
        self.require(REQUEST_ANOTHER_SMS)
        await self._patch(activation_id, "request_another_sms")

    async def rerent(self, activation_id: str) -> Activation:
        self.require(RERENT)
        return self._activation(
            await self._req("POST", f"/activations/{path_segment(activation_id)}/re-rent"))
