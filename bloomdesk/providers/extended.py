"""Reading the handler dialect's extended actions, as live servers answer them
(PROTOCOL-NOTES section 5): ``getNumberV2``, ``getStatusV2``, ``getActiveActivations``
in both shapes seen, ``getOperators``.

These answers only add to what the basic actions say (the real price, the real end
time, the full text, a code by voice call), so an optional field that cannot be read
is left out rather than failing a buy that the provider has already charged for.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from ..domain import Activation, Status
from ..i18n import QT_TRANSLATE_NOOP
from ..textsafe import NAME_MAX_CHARS, clean_code, clean_phone, clean_text
from .answers import optional_money, plain_id, text_field
from .errors import ProtocolError

_STATUS_ANSWERS = {
    "STATUS_WAIT_CODE": Status.WAITING,
    "STATUS_WAIT_RESEND": Status.WAITING_RETRY,
    "STATUS_WAIT_RETRY": Status.WAITING_RETRY,
    "STATUS_OK": Status.RECEIVED,
    "STATUS_CANCEL": Status.CANCELLED,
}
OPERATORS_MAX = 200  # of one country: more is not a list a person chooses from
_TRUE, _FALSE = (True, 1, "1", "true", "True"), (False, 0, "0", "false", "False")


def flag(value: Any) -> bool | None:
    """A yes/no as servers write it (true, 1, "1", "true"); None when not said."""
    if value in _TRUE and not isinstance(value, float):
        return True
    if value in _FALSE and not isinstance(value, float):
        return False
    return None


def _stamp(raw: str | None) -> datetime | None:
    if not raw or len(raw) > 32:
        return None
    try:
        return datetime.strptime(raw.strip(), "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None


def end_time(started: str | None, ends: str | None, sent_at: datetime,
             lifetime: float) -> datetime | None:
    """When an order bought at `sent_at` ends, from ``activationTime`` and
    ``activationEndTime`` (``YYYY-MM-DD HH:MM:SS``, no zone given).

    Which zone?  None is assumed where it can be avoided: SMS-Activate kept Moscow
    time (UTC+3) and its successors may keep theirs, so a stamp read in the wrong zone
    would move a countdown by hours.  The two stamps of one answer share the server's
    zone and ``activationTime`` is the moment of purchase, so their difference is the
    real lifetime whatever the zone; it runs from when the request left (`sent_at`:
    never later than the purchase, so the countdown errs early, never late).  Without
    ``activationTime`` the end is read as UTC (the newer servers' and the simulator's
    zone) and kept only within twice the kind's assumed `lifetime`, so a stamp in
    another zone falls back to that assumption rather than showing hours too many.
    """
    end = _stamp(ends)
    if end is None:
        return None
    start = _stamp(started)
    if start is not None:
        life = (end - start).total_seconds()
    else:
        life = (end.replace(tzinfo=UTC) - sent_at).total_seconds()
        if life > 2 * lifetime:
            return None
    if not 0 < life <= 7 * 24 * 3600:
        return None
    return sent_at + timedelta(seconds=life)


def number_v2(body: Any, service: str, country: str | None, sent_at: datetime,
              lifetime: float) -> Activation:
    """A ``getNumberV2`` answer: id and phone are required, the rest read if sound."""
    if not isinstance(body, dict):
        raise ProtocolError(QT_TRANSLATE_NOOP(
            "providers", "The provider's answer to a purchase has an unexpected shape."))
    phone = clean_phone(text_field(body, "phoneNumber", "phone"))
    if not phone:
        raise ProtocolError(QT_TRANSLATE_NOOP(
            "providers", "The provider's answer lacks the phone number."))
    try:
        price = optional_money(body, "activationCost", "cost")
    except ProtocolError:
        price = None  # charged anyway: the caller keeps the price it offered
    operator = text_field(body, "activationOperator", required=False)
    return Activation(
        id=plain_id(text_field(body, "activationId", "id")),
        phone=phone, service=service,
        country=clean_text(text_field(body, "countryCode", required=False) or "",
                           NAME_MAX_CHARS) or country,
        price=price, status=Status.WAITING,
        expires_at=end_time(text_field(body, "activationTime", required=False),
                            text_field(body, "activationEndTime", required=False),
                            sent_at, lifetime) or sent_at + timedelta(seconds=lifetime),
        can_retry=flag(body.get("canGetAnotherSms")),
        operator=clean_text(operator, NAME_MAX_CHARS) if operator else None,
    )


def status_answer(answer: Any, activation_id: str) -> Activation:
    """An order's state from ``getStatus``'s plain token or ``getStatusV2``'s JSON."""
    if not isinstance(answer, str):
        return status_v2(answer, activation_id)
    head, _, rest = answer.partition(":")
    status = _STATUS_ANSWERS.get(head)
    if status is None:
        raise ProtocolError(excerpt=answer)
    code = clean_code(rest)
    if status is Status.RECEIVED and not code:
        raise ProtocolError(excerpt=answer)
    return Activation(id=activation_id, phone=None, service=None, country=None,
                      price=None, status=status, code=code)


def status_v2(body: Any, activation_id: str) -> Activation:
    """A ``getStatusV2`` JSON answer (its plain ``STATUS_*`` form is the basic one):
    the SMS with its full text, or a code given by a voice call."""
    if not isinstance(body, dict):
        raise ProtocolError(QT_TRANSLATE_NOOP(
            "providers", "The provider's order status has an unexpected shape."))
    sms, call = body.get("sms"), body.get("call")
    sms_code = clean_code(text_field(sms, "code", required=False))
    call_code = clean_code(text_field(call, "code", required=False))
    voice = str(body.get("verificationType", "")) in ("1", "2")  # 0 is an SMS
    by_call = call_code is not None and (sms_code is None or voice)
    source = call if by_call else sms
    code = call_code if by_call else sms_code
    return Activation(id=activation_id, phone=None, service=None, country=None, price=None,
                      status=Status.RECEIVED if code else Status.WAITING, code=code,
                      text=clean_text(text_field(source, "text", required=False)),
                      by_call=by_call)


def active_rows(body: Any) -> list[Any]:
    """The rows of ``getActiveActivations`` in every shape seen live:
    ``{"activeActivations": [...]}``; Hero-SMS's ``{"data": [...], "activeActivations":
    {"rows": [...], ...}}`` (the same rows twice: kept once, by id); Tiger's ``{"data":
    []}``; and the empty forms (``{}``, ``[]``, ``"row": []``)."""
    if isinstance(body, list):
        lists: list[Any] = [body]
    elif isinstance(body, dict):
        nested = body.get("activeActivations")
        lists = [body.get("data"), nested]
        if isinstance(nested, dict):
            lists[1] = nested.get("rows", [])
    else:
        raise ProtocolError(QT_TRANSLATE_NOOP(
            "providers", "The list of active orders has an unexpected shape."))
    rows: list[Any] = []
    seen: set[str] = set()
    for items in lists:
        if items is None or (isinstance(items, dict) and not items):
            continue
        if not isinstance(items, list):
            raise ProtocolError(QT_TRANSLATE_NOOP(
                "providers", "The list of active orders has an unexpected shape."))
        for item in items:
            key = text_field(item, "activationId", "id", required=False)
            if key is None or key not in seen:
                rows.append(item)
                if key is not None:
                    seen.add(key)
    return rows


def parse_active(item: Any) -> Activation:
    """One row of getActiveActivations; every text cleaned (textsafe) as it enters."""
    raw_code = item.get("smsCode") if isinstance(item, dict) else None
    if isinstance(raw_code, list):  # some servers list every code: the last one counts
        raw_code = next((c for c in reversed(raw_code) if isinstance(c, str | int)), None)
        item = {**item, "smsCode": raw_code}
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
        can_retry=flag(item.get("canGetAnotherSms") if isinstance(item, dict) else None),
    )


def operators_of(body: Any, country: str) -> list[str]:
    """``getOperators``: ``{"countryOperators": {"<id>": [...]}}``; PHP's ``[]`` (or
    no entry) for a country it has none for."""
    table = body.get("countryOperators") if isinstance(body, dict) else None
    if table is None or (isinstance(table, list) and not table):
        return []
    if not isinstance(table, dict):
        raise ProtocolError(QT_TRANSLATE_NOOP(
            "providers", "The provider's list of operators has an unexpected shape."))
    names = table.get(str(country), [])
    if not isinstance(names, list):
        raise ProtocolError(QT_TRANSLATE_NOOP(
            "providers", "The provider's list of operators has an unexpected shape."))
    found: list[str] = []
    for raw in names[:OPERATORS_MAX]:
        if isinstance(raw, str) and raw.strip():
            name = clean_text(raw.strip(), NAME_MAX_CHARS)
            if name not in found:
                found.append(name)
    return found
