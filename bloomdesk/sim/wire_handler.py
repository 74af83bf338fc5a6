"""``handler_api.php`` as five servers of the SMS-Activate family speak it.

- bloomsms-legacy (spec 000): USA is 0; ``setStatus`` 1 finishes, 8 cancels; prices
  with ``cost`` as a string; balance with 2 decimals.
- smsbulk-legacy (spec 003): the 7 actions; 1 is a no-op, 3 another SMS, 6 complete,
  8 cancel; country as id (TR = 187, US = 12), ISO code or slug; countries as a list
  ``[{"id", "iso"}]``.
- sms-activate (PROTOCOL-NOTES section 2, "a compatible server"): the deviations
  real servers show: ``BAD_KEY`` as ``401 {"title": …}``, ``{"error": "Bad country"}``
  with 200, ``WRONG_SERVICE``, ``WRONG_ACTIVATION_ID``, PHP's ``[]``, 405 on POST,
  ``EARLY_CANCEL_DENIED`` for 2 minutes, ``getNumberV2`` and ``getActiveActivations``,
  balance with 4 decimals, ``physicalCount``.
- hero-sms and tiger-sms: Hero-SMS-like and Tiger-SMS-like servers of 2026, the
  extended actions and the live shapes (wire_live.py, with its own choices).

Choices where the documents are silent, written down here: BloomSMS legacy answers
``setStatus=1`` with ``ACCESS_ACTIVATION``; rate limits answer ``429`` with the
``RATE_LIMITED`` token and ``Retry-After``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from . import wire_live
from .catalogue import country_ids
from .state import ACTIVE, CANCELLED, RECEIVED, RETRY, SimActivation, SimError, SimProvider
from .wire import Request, Response, as_json, retry_header, text
from .wire_live import EXTENDED, stamp


@dataclass(frozen=True)
class Variant:
    kind: str
    set_status: dict[int, str]  # value -> what it does
    balance_places: int = 2
    cost_as_string: bool = False
    physical_count: bool = False
    countries: str = "list"  # "list" [{id, iso}], "object" {id: {…}}, "hero", "tiger"
    errors: str = ""  # "" plain tokens; "sms-activate", "hero", "tiger": wire_live
    active_shape: str = "classic"  # getActiveActivations: "classic", "hero", "tiger"
    iso_and_slug: bool = False
    extra_actions: frozenset[str] = frozenset()
    default_iso: str = "RU"
    get_only: bool = False


_FAMILY = {1: "ready", 3: "retry", 6: "complete", 8: "cancel"}
VARIANTS = {
    v.kind: v for v in (
        Variant("bloomsms-legacy", {1: "complete", 8: "cancel"}, cost_as_string=True,
                countries="object", default_iso="US"),
        Variant("smsbulk-legacy", {1: "ready", 3: "retry", 6: "complete", 8: "cancel"},
                iso_and_slug=True),
        Variant("sms-activate", {1: "ready", 3: "retry", 6: "complete", 8: "cancel"},
                balance_places=4, physical_count=True, countries="object",
                errors="sms-activate", get_only=True,
                extra_actions=frozenset({"getNumberV2", "getActiveActivations"})),
        Variant("hero-sms", _FAMILY, physical_count=True, countries="hero", errors="hero",
                active_shape="hero", extra_actions=frozenset(EXTENDED)),
        Variant("tiger-sms", _FAMILY, cost_as_string=True, countries="tiger",
                errors="tiger", active_shape="tiger",
                extra_actions=frozenset(EXTENDED) - {"getOperators"}),
    )
}

_TOKENS = {
    "bad_key": "BAD_KEY", "suspended": "ACCOUNT_INACTIVE", "banned": "BANNED",
    "no_balance": "NO_BALANCE", "no_numbers": "NO_NUMBERS", "price_cap": "WRONG_MAX_PRICE",
    "bad_service": "BAD_SERVICE", "bad_country": "BAD_COUNTRY", "not_found": "NO_ACTIVATION",
    "bad_state": "BAD_STATUS", "early_cancel": "EARLY_CANCEL_DENIED",
    "rate_limited": "RATE_LIMITED", "not_offered": "BAD_STATUS", "no_action": "WRONG_ACTION",
}
OPS = {"getBalance": "balance", "getNumber": "buy", "getNumberV2": "buy", "getStatus": "status",
       "getPrices": "offers", "getNumbersStatus": "offers", "getCountries": "countries",
       "getServicesList": "services", "getActiveActivations": "list",
       "getStatusV2": "status", "getOperators": "operators"}


def op_of(req: Request, variant: Variant) -> str:
    action = req.query.get("action", "")
    if action == "setStatus":
        try:
            return variant.set_status.get(int(req.query.get("status", "")), "set_status")
        except ValueError:
            return "set_status"
    return OPS.get(action, "other")


def key_of(req: Request) -> str:
    return req.query.get("api_key", "")


def refuse(error: SimError, variant: Variant, retry_after: float | None = None,
           action: str = "") -> Response:
    live = wire_live.refusal(error, variant.errors, action, retry_after)
    if live is not None:
        return live
    token = _TOKENS[error.reason]
    if error.detail:
        token += ":" + error.detail
    status = 429 if error.reason == "rate_limited" else 200
    return text(token, status, **retry_header(retry_after))


def handle(req: Request, prov: SimProvider, variant: Variant) -> Response:
    if variant.get_only and req.method != "GET":
        return text("Method Not Allowed", 405)
    try:
        return _dispatch(req, prov, variant)
    except SimError as error:
        return refuse(error, variant, action=req.query.get("action", ""))


def _iso(prov: SimProvider, variant: Variant, raw: str | None) -> str:
    ids = country_ids(variant.kind, prov.catalogue)
    if raw is None or raw == "":
        return variant.default_iso
    for iso, cid in ids.items():
        if cid == raw:
            return iso
    if variant.iso_and_slug:
        if raw.upper() in ids:
            return raw.upper()
        for country in prov.catalogue.countries:
            if country.slug == raw.lower():
                return country.iso
    raise SimError("bad_country")


def _dispatch(req: Request, prov: SimProvider, variant: Variant) -> Response:
    q = req.query
    action = q.get("action")
    if not action:
        return text("BAD_ACTION")
    if action in EXTENDED and action not in variant.extra_actions:
        raise SimError("no_action")
    key = key_of(req)
    ids = country_ids(variant.kind, prov.catalogue)

    if action == "getBalance":
        balance = prov.account(key).balance
        return text(f"ACCESS_BALANCE:{balance:.{variant.balance_places}f}")

    if action == "getCountries":
        prov.account(key)
        if variant.countries in ("hero", "tiger"):
            return wire_live.countries(prov.catalogue, ids, variant.countries)
        if variant.countries == "list":
            return as_json([{"id": int(ids[c.iso]), "iso": c.iso}
                            for c in prov.catalogue.countries])
        return as_json({ids[c.iso]: {"id": int(ids[c.iso]), "eng": c.name, "visible": 1,
                                      **({"iso": c.iso} if variant.kind == "bloomsms-legacy"
                                         else {})}
                        for c in prov.catalogue.countries})

    if action == "getServicesList":
        prov.account(key)
        return as_json({"status": "success", "services": [
            {"code": code, "name": name} for code, name in prov.catalogue.services.items()]})

    if action in ("getPrices", "getNumbersStatus"):
        prov.account(key)
        only_iso = _iso(prov, variant, q["country"]) if q.get("country") else None
        service = q.get("service") or None
        if service is not None and service not in prov.catalogue.services:
            raise SimError("bad_service")
        table: dict[str, dict[str, object]] = {}
        flat: dict[str, int] = {}
        for (iso, code), _ in prov.catalogue.offers.items():
            if (only_iso and iso != only_iso) or (service and code != service):
                continue
            offer = prov.offer(iso, code)
            assert offer is not None
            cid = ids[iso]
            if action == "getNumbersStatus":
                flat[f"{code}_{cid}"] = offer.stock
                continue
            entry: dict[str, object] = {
                "cost": f"{offer.price:.4f}" if variant.cost_as_string else offer.price,
                "count": offer.stock}
            if variant.physical_count:
                entry["physicalCount"] = offer.stock
            table.setdefault(cid, {})[code] = entry
        if action == "getNumbersStatus":
            return as_json(flat)
        return as_json(table or [])  # PHP answers an empty array

    if action in ("getNumber", "getNumberV2"):
        service = q.get("service")
        if not service:
            raise SimError("bad_service")
        iso = _iso(prov, variant, q.get("country"))
        cap = None
        if q.get("maxPrice"):
            try:
                cap = Decimal(q["maxPrice"])
            except InvalidOperation:
                return text("BAD_ACTION")
        operator = q.get("operator") if "getOperators" in variant.extra_actions else None
        wire_live.check_operator(iso, operator)
        act = prov.buy(key, service, iso, cap)
        act.operator = operator
        if action == "getNumber":
            return text(f"ACCESS_NUMBER:{act.id}:{act.phone}")
        return wire_live.number_v2(act, ids[iso], variant.cost_as_string)

    if action in ("getStatus", "getStatusV2"):
        act = prov.get(key, q.get("id", ""))
        if action == "getStatusV2":
            return wire_live.status_v2(act, _status_answer(act))
        return text(_status_answer(act))

    if action == "getOperators":
        prov.account(key)
        return wire_live.operators(ids, q.get("country") or None)

    if action == "setStatus":
        try:
            value = int(q.get("status", ""))
        except ValueError:
            return text("BAD_STATUS")
        what = variant.set_status.get(value)
        aid = q.get("id", "")
        if what is None:
            prov.get(key, aid)
            raise SimError("not_offered")
        if what == "ready":
            prov.get(key, aid)
            return text("ACCESS_READY")
        if what == "cancel":
            prov.cancel(key, aid)
            return text("ACCESS_CANCEL")
        if what == "retry":
            prov.request_another(key, aid)
            return text("ACCESS_RETRY_GET")
        prov.complete(key, aid)
        return text("ACCESS_ACTIVATION")

    if action == "getActiveActivations":
        return wire_live.active([
            {"activationId": a.id, "serviceCode": a.service, "phoneNumber": a.phone,
             "activationCost": a.price, "activationStatus": "2" if a.code else "4",
             "smsCode": a.code, "smsText": a.text, "activationTime": stamp(a.created),
             "countryCode": ids[a.iso], "canGetAnotherSms": True}
            for a in prov.active(key)], variant.active_shape)

    raise SimError("no_action")


def _status_answer(act: SimActivation) -> str:
    if act.status == RETRY:
        return f"STATUS_WAIT_RETRY:{act.code}"
    if act.status == RECEIVED or (act.status not in ACTIVE and act.code
                                   and act.status != CANCELLED):
        return f"STATUS_OK:{act.code}"
    if act.status in ACTIVE:
        return "STATUS_WAIT_CODE"
    return "STATUS_CANCEL"  # cancelled, or expired without a code
