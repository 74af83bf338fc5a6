"""SMSBulk REST v1 (specs 002 and 004): camelCase JSON, ``X-API-Key`` or Bearer.

Choices where the documents are silent, written down here:
- errors: real HTTP status with ``{"error": {"code", "message"}}``; codes
  ``UNAUTHORIZED`` 401, ``INSUFFICIENT_BALANCE`` 402, ``ACCOUNT_SUSPENDED`` 403,
  ``NOT_FOUND`` 404, ``NO_NUMBERS`` 409, ``VALIDATION_ERROR`` 422, ``INVALID_STATE`` 409,
  ``RATE_LIMITED`` 429 with ``Retry-After``.
- lists: ``{"data": [...], "nextCursor": "…" | null}``, ``limit`` up to 5000
  (default 1000): ``GET /countries``, ``GET /services``,
  ``GET /services/{code}/countries`` (documented), ``GET /prices`` (the whole price
  list, optionally ``country`` and ``service``), ``GET /activations?status=active``
  ("list them with cursor pagination").
- an activation: ``{id, phoneNumber, serviceCode, countryIso, status, userCost,
  smsCode, smsText, createdAt, expiresAt}``; an expired order with no SMS is
  ``REFUNDED``; a completed one ``COMPLETED``; another SMS is not offered.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

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
    "bad_key": (401, "UNAUTHORIZED", "Missing or invalid API key"),
    "suspended": (403, "ACCOUNT_SUSPENDED", "Account is disabled"),
    "banned": (403, "ACCOUNT_SUSPENDED", "Account is disabled"),
    "no_balance": (402, "INSUFFICIENT_BALANCE", "Wallet balance too low"),
    "no_numbers": (409, "NO_NUMBERS", "No numbers available"),
    "price_cap": (409, "NO_NUMBERS", "No numbers at or below maxPrice"),
    "bad_service": (422, "VALIDATION_ERROR", "Unknown serviceCode"),
    "bad_country": (422, "VALIDATION_ERROR", "Unknown countryIso"),
    "not_found": (404, "NOT_FOUND", "Activation not found"),
    "bad_state": (409, "INVALID_STATE", "Activation is not in a state for this action"),
    "early_cancel": (409, "INVALID_STATE", "Too early to cancel"),
    "rate_limited": (429, "RATE_LIMITED", "Rate limit exceeded"),
    "not_offered": (422, "VALIDATION_ERROR", "Invalid request"),
}
_ACT = re.compile(r"^/api/v1/activations/([^/]+)(/complete)?$")
_SVC = re.compile(r"^/api/v1/services/([^/]+)/countries$")


def op_of(req: Request) -> str:
    path, method = req.path, req.method
    simple = {"/api/v1/wallet/balance": "balance", "/api/v1/countries": "countries",
              "/api/v1/services": "services", "/api/v1/prices": "offers"}
    if path in simple:
        return simple[path]
    if _SVC.match(path):
        return "offers"
    if path == "/api/v1/activations":
        return "buy" if method == "POST" else "list"
    match = _ACT.match(path)
    if match:
        if match.group(2):
            return "complete"
        return {"GET": "status", "DELETE": "cancel"}.get(method, "other")
    return "other"


def key_of(req: Request) -> str:
    key = req.headers.get("x-api-key", "")
    auth = req.headers.get("authorization", "")
    if not key and auth.lower().startswith("bearer "):
        key = auth[7:].strip()
    return key


def refuse(error: SimError, retry_after: float | None = None) -> Response:
    status, code, message = _ERRORS[error.reason]
    return as_json({"error": {"code": code, "message": message}}, status,
                   **retry_header(retry_after))


def _stamp(t: float) -> str:
    return datetime.fromtimestamp(t, UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _activation(act: SimActivation) -> dict[str, Any]:
    status = {RECEIVED: "RECEIVED", RETRY: "RECEIVED", COMPLETED: "COMPLETED",
              CANCELLED: "CANCELLED",
              EXPIRED: "REFUNDED" if act.refunded else "EXPIRED"}.get(act.status, "WAITING")
    return {"id": act.id, "phoneNumber": act.phone, "serviceCode": act.service,
            "countryIso": act.iso, "status": status, "userCost": f"{act.price:.2f}",
            "smsCode": act.code, "smsText": act.text, "createdAt": _stamp(act.created),
            "expiresAt": _stamp(act.expires)}


def _page(req: Request, rows: list[Any] | list[object]) -> Response:
    try:
        limit = max(1, min(5000, int(req.query.get("limit", "1000"))))
        start = int(req.query.get("cursor", "0") or 0)
    except ValueError:
        raise SimError("not_offered") from None
    chunk = rows[start:start + limit]
    more = start + limit < len(rows)
    return as_json({"data": chunk, "nextCursor": str(start + limit) if more else None})


def handle(req: Request, prov: SimProvider) -> Response:
    return _handle(req, prov)


def _dispatch(req: Request, prov: SimProvider) -> Response:
    op = op_of(req)
    if op == "other":
        return as_json({"error": {"code": "NOT_FOUND", "message": "No such endpoint"}}, 404)
    key = key_of(req)
    account = prov.account(key)
    cat = prov.catalogue

    if op == "balance":
        return as_json({"balance": f"{account.balance:.2f}", "currency": "USD"})
    if op == "countries":
        return _page(req, [{"iso": c.iso, "name": c.name, "slug": c.slug}
                           for c in cat.countries])
    if op == "services":
        return _page(req, [{"code": code, "slug": code, "name": name}
                           for code, name in cat.services.items()])
    if op == "offers":
        match = _SVC.match(req.path)
        service = match.group(1) if match else req.query.get("service")
        if service and service not in cat.services:
            raise SimError("bad_service")
        only = (req.query.get("country") or "").upper() or None
        if only and only not in cat.by_iso:
            raise SimError("bad_country")

        def build() -> list[object]:
            rows: list[object] = []
            for (iso, code) in cat.offers:
                if (only and iso != only) or (service and code != service):
                    continue
                offer = prov.offer(iso, code)
                assert offer is not None
                rows.append({"serviceCode": code, "serviceName": cat.services[code],
                             "countryIso": iso, "countryName": cat.by_iso[iso].name,
                             "price": f"{offer.price:.2f}", "stock": offer.stock,
                             "avgArrivalSeconds": 5 + (offer.stock % 40)})
            return rows

        return _page(req, prov.rows(("rest", only, service), build))
    if op == "buy":
        body = req.json()
        service = body.get("serviceCode")
        iso = str(body.get("countryIso", "")).upper()
        if not isinstance(service, str) or not service or not iso:
            raise SimError("not_offered")
        if iso not in cat.by_iso:
            raise SimError("bad_country")
        cap = None
        if body.get("maxPrice") is not None:
            try:
                cap = Decimal(str(body["maxPrice"]))
            except InvalidOperation:
                raise SimError("not_offered") from None
        return as_json(_activation(prov.buy(key, service, iso, cap, id_style="cuid")), 201)
    if op == "list":
        return _page(req, [_activation(a) for a in prov.active(key)])

    match = _ACT.match(req.path)
    assert match is not None
    aid = match.group(1)
    if op == "status":
        return as_json(_activation(prov.get(key, aid)))
    if op == "cancel":
        return as_json(_activation(prov.cancel(key, aid)))
    return as_json(_activation(prov.complete(key, aid)))


_handle = guarded(_dispatch, refuse)
