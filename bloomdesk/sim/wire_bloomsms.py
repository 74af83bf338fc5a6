"""BloomSMS Reseller API v1 (spec 001): ``{status, data, errors}`` envelope, Bearer key.

Choices where the document is silent, written down here: ``GET /prices`` with
optional ``country`` and ``service`` answers ``data.prices`` as a list of
``{country, service, name, price, stock}`` (all offers when unfiltered); an
activation's GET also carries ``service``, ``country``, ``price`` and ``expires_at``;
after "request another SMS" the status is ``waiting`` again while ``sms`` keeps the
last code; a re-rent of an order with no code is refused ``422 INVALID_PARAMETER``;
a malformed body is ``422 INVALID_PARAMETER``.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from .catalogue import country_ids
from .state import (
    CANCELLED,
    COMPLETED,
    EXPIRED,
    RECEIVED,
    RETRY,
    SimActivation,
    SimError,
    SimProvider,
)
from .wire import Request, Response, as_json, guarded, retry_header

_ERRORS = {
    "bad_key": (401, "INVALID_API_KEY", "Missing or invalid Bearer token"),
    "suspended": (403, "ACCOUNT_SUSPENDED", "Account is disabled"),
    "banned": (403, "ACCOUNT_SUSPENDED", "Account is disabled"),
    "no_balance": (402, "INSUFFICIENT_FUNDS", "Insufficient balance."),
    "no_numbers": (400, "NO_NUMBERS_AVAILABLE", "No stock for service/country"),
    "price_cap": (400, "NO_NUMBERS_AVAILABLE", "No stock at or below max_price"),
    "bad_service": (404, "SERVICE_NOT_FOUND", "Service does not exist"),
    "bad_country": (422, "INVALID_PARAMETER", "Unknown country"),
    "not_found": (404, "ACTIVATION_NOT_FOUND", "Activation or rental not found"),
    "bad_state": (422, "INVALID_PARAMETER", "Activation is not in a state for this action"),
    "early_cancel": (422, "INVALID_PARAMETER", "Too early to cancel"),
    "rate_limited": (429, "RATE_LIMITED", "Too many requests"),
    "not_offered": (422, "INVALID_PARAMETER", "Missing or invalid parameter"),
}
_STATUS = {RECEIVED: "code_received", RETRY: "waiting", COMPLETED: "completed",
           CANCELLED: "cancelled", EXPIRED: "expired"}
_ACT = re.compile(r"^/api/v1/activations/([^/]+)(/re-rent)?$")


def op_of(req: Request) -> str:
    path, method = req.path, req.method
    if path == "/api/v1/balance":
        return "balance"
    if path == "/api/v1/countries":
        return "countries"
    if path in ("/api/v1/services", "/api/v1/prices"):
        return "offers"
    if path == "/api/v1/activations" and method == "POST":
        return "buy"
    match = _ACT.match(path)
    if match:
        if match.group(2):
            return "rerent"
        if method == "GET":
            return "status"
        try:
            wanted = req.json().get("status")
        except (ValueError, AttributeError):
            wanted = None
        return {"cancel": "cancel", "complete": "complete",
                "request_another_sms": "retry"}.get(wanted, "set_status")
    return "other"


def key_of(req: Request) -> str:
    auth = req.headers.get("authorization", "")
    return auth[7:].strip() if auth.lower().startswith("bearer ") else ""


def refuse(error: SimError, retry_after: float | None = None) -> Response:
    status, code, message = _ERRORS[error.reason]
    return as_json({"status": "error", "data": None, "errors": {"code": code, "message": message}},
                   status, **retry_header(retry_after))


def _ok(data: Any, status: int = 200) -> Response:
    return as_json({"status": "success", "data": data, "errors": None}, status)


def _stamp(t: float) -> str:
    return datetime.fromtimestamp(t, UTC).isoformat(timespec="seconds")


def handle(req: Request, prov: SimProvider) -> Response:
    return _handle(req, prov)


def _activation(act: SimActivation, ids: dict[str, str], prov: SimProvider) -> dict[str, Any]:
    return {
        "activation_id": act.id, "activation_status": _STATUS.get(act.status, "waiting"),
        "phone_number": "+" + act.phone, "service": act.service, "country": ids[act.iso],
        "price": f"{act.price:.2f}", "expires_at": _stamp(act.expires),
        "sms": {"code": act.code, "full_text": act.text} if act.code else None,
    }


def _dispatch(req: Request, prov: SimProvider) -> Response:
    key = key_of(req)
    ids = country_ids("bloomsms", prov.catalogue)
    isos = {cid: iso for iso, cid in ids.items()}
    op = op_of(req)
    if op == "other":
        return as_json({"status": "error", "data": None,
                        "errors": {"code": "NOT_FOUND", "message": "No such endpoint"}}, 404)
    account = prov.account(key)

    if op == "balance":
        return _ok({"balance": f"{account.balance:.2f}", "currency": "USD"})
    if op == "countries":
        return _ok({"countries": [{"id": ids[c.iso], "name": c.name}
                                  for c in prov.catalogue.countries]})
    if op == "offers":
        raw_country = req.query.get("country")
        if req.path.endswith("/services") and not raw_country:
            raw_country = "187"  # defaults to the United States
        only = None
        if raw_country and raw_country != "any":
            only = isos.get(raw_country)
            if only is None:
                raise SimError("bad_country")
        service = req.query.get("service")
        if service and service not in prov.catalogue.services:
            raise SimError("bad_service")
        rows = []
        for (iso, code) in prov.catalogue.offers:
            if (only and iso != only) or (service and code != service):
                continue
            offer = prov.offer(iso, code)
            assert offer is not None
            rows.append({"country": ids[iso], "code": code,
                         "name": prov.catalogue.services[code],
                         "price": f"{offer.price:.2f}", "stock": offer.stock})
        if req.path.endswith("/services"):
            return _ok({"services": [{k: v for k, v in r.items() if k != "country"}
                                     for r in rows]})
        return _ok({"prices": [{"service" if k == "code" else k: v for k, v in r.items()}
                               for r in rows]})
    if op == "buy":
        body = req.json()
        service = body.get("service")
        if not isinstance(service, str) or not service:
            raise SimError("not_offered")
        raw_country = str(body.get("country", "any"))
        if raw_country == "any":
            iso = "US"
        else:
            found = isos.get(raw_country)
            if found is None:
                raise SimError("bad_country")
            iso = found
        cap = None
        if body.get("max_price") is not None:
            try:
                cap = Decimal(str(body["max_price"]))
            except InvalidOperation:
                raise SimError("not_offered") from None
        act = prov.buy(key, service, iso, cap)
        data = _activation(act, ids, prov)
        data.update(currency="USD", new_balance=f"{account.balance:.2f}")
        del data["activation_status"], data["sms"]
        return _ok(data, 201)

    match = _ACT.match(req.path)
    assert match is not None
    aid = match.group(1)
    if op == "rerent":
        act = prov.rerent(key, aid)
        data = _activation(act, ids, prov)
        data["new_balance"] = f"{account.balance:.2f}"
        del data["activation_status"], data["sms"]
        return _ok(data, 201)
    if op == "status":
        return _ok(_activation(prov.get(key, aid), ids, prov))
    action = {"cancel": prov.cancel, "complete": prov.complete,
              "retry": prov.request_another}.get(op)
    if action is None:
        raise SimError("not_offered")
    return _ok(_activation(action(key, aid), ids, prov))


_handle = guarded(_dispatch, refuse)
