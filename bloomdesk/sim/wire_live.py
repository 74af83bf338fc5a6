"""``handler_api.php`` as the compatible services of 2026 answer it (PROTOCOL-NOTES
section 5): the shapes of a Hero-SMS-like and a Tiger-SMS-like server, and of the
generic ``sms-activate`` server, where they differ from the basic dialect.

- hero (``/hero-sms/…``): JSON errors with real HTTP statuses (401 ``BAD_KEY``, 404
  ``NOT_FOUND`` and ``BAD_ACTION``, 429 ``RATE_LIMIT``); a bad service on a purchase
  is plain ``UNPROCESSABLE_ENTITY:service:INVALID``; ``getNumberV2``,
  ``getStatusV2``, ``getOperators``, and ``getActiveActivations`` with the rows both
  in ``data`` and in ``activeActivations.rows``.
- tiger (``/tiger-sms/…``): countries as a JSON array with ids as strings, costs as
  strings; plain ``BAD_KEY`` with HTTP 401; ``getNumberV2`` with a bad service is
  ``{"title":"BAD_SERVICE",…}`` with HTTP 200; ``getActiveActivations`` is
  ``{"status":"success","data":[…]}``; no ``getOperators`` (plain ``BAD_ACTION``).

Choices where the notes are silent, written down here: Hero answers a bad country
like a bad service (``UNPROCESSABLE_ENTITY:country:INVALID``) and both with HTTP 422;
``getStatusV2`` answers JSON once a code is there and the basic ``STATUS_*`` token
before (waiting, another SMS asked for) and after a cancel; a code's JSON ``code`` is
a string (a number would lose a leading zero); ``rus`` and ``chn`` names are given
for a few countries only (the client falls back to ``eng``); Hero lists the virtual
USA (12) hidden (``visible: 0``); an operator the country does not have finds no
numbers (``NO_NUMBERS``); ``activationTime`` and ``activationEndTime`` are UTC.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from .catalogue import Catalogue
from .state import SimActivation, SimError
from .wire import Response, as_json, retry_header, text

EXTENDED = ("getNumberV2", "getStatusV2", "getActiveActivations", "getOperators")

# Operators by country: a realistic few, for getOperators and the buy's `operator`
OPERATORS = {
    "RU": ["beeline", "megafon", "mts", "tele2"],
    "US": ["att", "tmobile", "verizon"],
    "GB": ["ee", "o2", "three", "vodafone"],
    "KZ": ["activ", "altel", "beeline", "tele2"],
    "ID": ["axis", "indosat", "smartfren", "telkomsel"],
}
# Names in the other languages getCountries carries, for the most bought countries
NAMES = {
    "RU": ("Россия", "俄罗斯"), "US": ("США", "美国"), "GB": ("Великобритания", "英国"),
    "UA": ("Украина", "乌克兰"), "KZ": ("Казахстан", "哈萨克斯坦"),
    "DE": ("Германия", "德国"), "FR": ("Франция", "法国"), "CN": ("Китай", "中国"),
    "IN": ("Индия", "印度"), "ID": ("Индонезия", "印度尼西亚"),
}
_HERO_ERRORS = {
    "bad_key": (401, "BAD_KEY", "Unauthorized"),
    "not_found": (404, "NOT_FOUND", "Activation Not Found"),
    "no_action": (404, "BAD_ACTION", "Method Not Found"),
    "rate_limited": (429, "RATE_LIMIT", "Too many requests"),
}


def refusal(error: SimError, style: str, action: str,
            retry_after: float | None = None) -> Response | None:
    """A refusal in a live server's own words, or None for the basic plain token."""
    reason = error.reason
    if style == "sms-activate":
        if reason == "bad_key":
            return as_json({"title": "BAD_KEY", "details": "Unauthorized"}, 401)
        return {"bad_country": as_json({"error": "Bad country"}),
                "bad_service": text("WRONG_SERVICE"),
                "not_found": text("WRONG_ACTIVATION_ID")}.get(reason)
    if style == "hero":
        if reason in _HERO_ERRORS:
            status, title, details = _HERO_ERRORS[reason]
            return as_json({"title": title, "details": details}, status,
                           **retry_header(retry_after))
        if reason in ("bad_service", "bad_country"):
            return text(f"UNPROCESSABLE_ENTITY:{reason[4:]}:INVALID", 422)
    if style == "tiger":
        if reason == "bad_key":
            return text("BAD_KEY", 401)
        if reason == "no_action":
            return text("BAD_ACTION")
        if reason == "bad_service" and action == "getNumberV2":
            return as_json({"title": "BAD_SERVICE",
                            "details": "This service/country combination is not available"})
    return None


def stamp(t: float) -> str:
    return datetime.fromtimestamp(t, UTC).strftime("%Y-%m-%d %H:%M:%S")


def countries(cat: Catalogue, ids: dict[str, str], style: str) -> Response:
    """getCountries for the hero (an object by id) and tiger (a list, ids as
    strings, no ``rent``) styles."""
    rows = []
    for c in cat.countries:
        rus, chn = NAMES.get(c.iso, (None, None))
        row: dict[str, Any] = {"id": ids[c.iso] if style == "tiger" else int(ids[c.iso]),
                               "eng": c.name, "visible": 1, "retry": 1}
        row.update({k: v for k, v in (("rus", rus), ("chn", chn)) if v})
        if style == "hero":
            row["rent"] = 1
        rows.append(row)
    if style == "tiger":
        return as_json(rows)
    table = {str(r["id"]): r for r in rows}
    table["12"] = {"id": 12, "eng": "USA (virtual)", "visible": 0, "retry": 0, "rent": 0}
    return as_json(table)


def number_v2(act: SimActivation, country_id: str, cost_as_string: bool) -> Response:
    return as_json({
        "activationId": int(act.id), "phoneNumber": act.phone,
        "activationCost": f"{act.price:.4f}" if cost_as_string else act.price,
        "currency": 840, "countryCode": country_id, "canGetAnotherSms": True,
        "activationTime": stamp(act.created), "activationEndTime": stamp(act.expires),
        "activationOperator": act.operator or "any"})


def status_v2(act: SimActivation, basic: str) -> Response:
    """getStatusV2: JSON once a code is there (an SMS, or a voice call), else the
    basic token (`basic`, what getStatus answers)."""
    if not basic.startswith("STATUS_OK"):
        return text(basic)
    at = stamp(act.code_times[-1]) if act.code_times else stamp(act.created)
    if act.by_call:
        return as_json({"verificationType": 2, "sms": None, "call": {
            "from": "+18005550100", "text": act.text, "code": act.code, "dateTime": at,
            "url": f"https://example.invalid/calls/{act.id}.mp3", "parsingCount": 1}})
    return as_json({"verificationType": 0, "call": None,
                    "sms": {"dateTime": at, "code": act.code, "text": act.text}})


def active(rows: list[dict[str, Any]], shape: str) -> Response:
    """getActiveActivations in the shape of each server."""
    if shape == "hero":
        return as_json({"status": "success", "data": rows, "activeActivations": {
            "affected_rows": 0, "num_rows": len(rows), "row": rows[0] if rows else [],
            "rows": rows}})
    if shape == "tiger" or not rows:
        return as_json({"status": "success", "data": rows})
    return as_json({"status": "success", "activeActivations": rows})


def operators(ids: dict[str, str], country_id: str | None) -> Response:
    """getOperators; PHP's ``[]`` for a country without operators (or unknown)."""
    table = {ids[iso]: names for iso, names in OPERATORS.items() if iso in ids}
    if country_id:
        table = {country_id: table[country_id]} if country_id in table else {}
    return as_json({"status": "success", "countryOperators": table or []})


def check_operator(iso: str, operator: str | None) -> None:
    if operator and operator != "any" and operator not in OPERATORS.get(iso, []):
        raise SimError("no_numbers")
