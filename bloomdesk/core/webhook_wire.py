"""The webhook's wire: the URL, the ``sms.received`` payload (spec 001) checked
strictly, and the small budgets the receiver keeps."""

from __future__ import annotations

import json
import re
import secrets
import time
from collections import deque
from datetime import datetime
from http import HTTPStatus

from ..textsafe import clean_text
from .push import PushedCode

PATH_PREFIX = "/bloomdesk/"
_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
_CODE = re.compile(r"[A-Za-z0-9-]{1,32}")


def new_token() -> str:
    """A path secret: 32 URL-safe characters (192 bits)."""
    return secrets.token_urlsafe(24)


class Refused(Exception):
    """A request the receiver turns away: the HTTP status and a reason for the log."""

    def __init__(self, status: HTTPStatus, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


def _matching(value: object, pattern: re.Pattern[str]) -> str | None:
    """A string or integer field as text, when all of it matches `pattern`."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    return value if isinstance(value, str) and pattern.fullmatch(value) else None


def _timestamp(value: object) -> float | None:
    if not isinstance(value, str) or len(value) > 40:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()
    except (ValueError, OverflowError):
        return None


def webhook_url(host: str, port: int, token: str) -> str:
    """The address the provider posts to (the secret is in the path)."""
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"  # IPv6
    return f"http://{host}:{port}{PATH_PREFIX}{token}"


def parse_event(body: bytes) -> PushedCode:
    """Spec 001's ``sms.received`` payload, or :class:`Refused` (400) saying why."""
    def bad(reason: str) -> Refused:
        return Refused(HTTPStatus.BAD_REQUEST, reason)

    try:
        event = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise bad("the body is not JSON") from None
    if not isinstance(event, dict):
        raise bad("the body is not a JSON object")
    if event.get("event") != "sms.received":
        raise bad("not an sms.received event")
    data = event.get("data")
    if not isinstance(data, dict):
        raise bad("no data object")
    activation = _matching(data.get("activation_id"), _ID)
    if activation is None:
        raise bad("no valid activation_id")
    if data.get("status", "code_received") != "code_received":
        raise bad("status is not code_received")
    sms = data.get("sms")
    if not isinstance(sms, dict):
        raise bad("no sms object")
    code = _matching(sms.get("code"), _CODE)
    if code is None:
        raise bad("no valid code")
    text = sms.get("full_text")
    if text is not None and (not isinstance(text, str) or len(text) > 2000):
        raise bad("full_text is not a short string")
    phone = data.get("phone_number")
    if phone is not None and (not isinstance(phone, str) or len(phone) > 32
                              or not phone.lstrip("+").isdigit()):
        raise bad("phone_number is not a phone number")
    return PushedCode(activation, code, clean_text(text), phone,
                      _timestamp(event.get("timestamp")))


class Budget:
    """At most `per_minute` in any 60 s."""

    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self._times: deque[float] = deque()

    def take(self) -> bool:
        now = time.monotonic()
        while self._times and now - self._times[0] > 60.0:
            self._times.popleft()
        if len(self._times) >= self.per_minute:
            return False
        self._times.append(now)
        return True


def split_host_port(text: str, default_port: int = 8765) -> tuple[str, int]:
    """``HOST:PORT`` (``[::1]:PORT`` for IPv6) as given on the command line."""
    text = text.strip()
    if text.startswith("["):
        host, _, rest = text[1:].partition("]")
        port_text = rest.lstrip(":")
    else:
        host, _, port_text = text.rpartition(":") if ":" in text else (text, "", "")
    if not host:
        host = "127.0.0.1"
    port = int(port_text) if port_text else default_port
    if not 0 <= port <= 65535:
        raise ValueError(f"port {port} is out of range")
    return host, port
