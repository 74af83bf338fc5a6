"""Push instead of poll: a receiver of BloomSMS ``sms.received`` webhooks (spec 001).

Off by default.  It listens on a configured host and port and answers one path only,
``/bloomdesk/<token>``, where the token is a random secret the user pastes into the
provider's dashboard as part of the URL.  It is small on purpose (stdlib asyncio
streams, one request per connection) and refuses before it reads:

- a request over the rate bound (429), or beyond the concurrent connections;
- any other path (404, compared in constant time), any method but POST (405);
- a body without a length (411) or over ``max_body`` bytes (413);
- a body that is not a well-formed ``sms.received`` event (400);
- an event for an order that is not open in the journal (404).

A refusal is a log line, never a crash and never a code for an unknown order.
Polling stays on as the safety net (PROTOCOL-NOTES: "the webhook is an accelerator,
never the only path"); a code that arrives both ways is delivered once.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import re
import secrets
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus

log = logging.getLogger(__name__)

PATH_PREFIX = "/bloomdesk/"
MAX_HEADER_BYTES = 8192
MAX_HEADERS = 64
READ_TIMEOUT = 5.0
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


@dataclass(frozen=True, slots=True)
class PushedCode:
    activation_id: str
    code: str
    text: str | None
    phone: str | None


def _matching(value: object, pattern: re.Pattern[str]) -> str | None:
    """A string or integer field as text, when all of it matches `pattern`."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    return value if isinstance(value, str) and pattern.fullmatch(value) else None


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
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
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
    if phone is not None and (not isinstance(phone, str) or len(phone) > 32):
        raise bad("phone_number is not a short string")
    return PushedCode(activation, code, text, phone)


class WebhookReceiver:
    """The HTTP side.  ``deliver(PushedCode)`` does the journal side and returns a short
    outcome ("accepted", "duplicate") or raises :class:`Refused`."""

    def __init__(self, deliver: Callable[[PushedCode], str], host: str, port: int,
                 token: str, *, max_body: int = 16_384, per_minute: int = 120,
                 max_connections: int = 16) -> None:
        if len(token) < 16:
            raise ValueError("the webhook token must be at least 16 characters")
        self.deliver = deliver
        self.host, self.port = host, port
        self._token = token
        self._path = PATH_PREFIX + token
        self.max_body = max_body
        self.per_minute = per_minute
        self.max_connections = max_connections
        self._server: asyncio.Server | None = None
        self._recent: deque[float] = deque()
        self._open = 0
        self.accepted = 0
        self.refused = 0
        self.last_event_at: float | None = None
        self.error: str | None = None

    # ------------------------------------------------------------------ lifecycle
    async def start(self) -> None:
        """Listen; raises OSError (with a plain message) when the port is taken."""
        try:
            self._server = await asyncio.start_server(self._handle, self.host, self.port,
                                                      limit=MAX_HEADER_BYTES)
        except OSError as exc:
            self.error = f"Cannot listen on {self.host}:{self.port}: {exc.strerror or exc}"
            raise OSError(exc.errno, self.error) from None
        self.port = self._server.sockets[0].getsockname()[1]  # when 0 asked for any
        self.error = None
        log.info("Webhook receiver listening on %s:%s", self.host, self.port)

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None

    @property
    def running(self) -> bool:
        return self._server is not None and self._server.is_serving()

    @property
    def url(self) -> str:
        return webhook_url(self.host, self.port, self._token)

    def status(self) -> str:
        if self.error:
            return self.error
        if not self.running:
            return "Not listening."
        return (f"Listening on {self.host}:{self.port}: {self.accepted} code(s) received, "
                f"{self.refused} request(s) refused.")

    # ------------------------------------------------------------------ requests
    def _within_rate(self) -> bool:
        now = time.monotonic()
        while self._recent and now - self._recent[0] > 60.0:
            self._recent.popleft()
        if len(self._recent) >= self.per_minute:
            return False
        self._recent.append(now)
        return True

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._open += 1
        status, body, extra = HTTPStatus.OK, b"", {}
        try:
            if self._open > self.max_connections or not self._within_rate():
                raise Refused(HTTPStatus.TOO_MANY_REQUESTS, "over the rate bound")
            async with asyncio.timeout(READ_TIMEOUT):
                outcome = await self._serve(reader)
            self.accepted += outcome == "accepted"
            body = json.dumps({"ok": True, "result": outcome}).encode()
        except Refused as exc:
            self.refused += 1
            status = exc.status
            body = json.dumps({"ok": False, "error": exc.reason}).encode()
            if status is HTTPStatus.TOO_MANY_REQUESTS:
                extra = {"Retry-After": "60"}
            log.warning("Webhook refused (%d): %s", status.value, exc.reason)
        except (TimeoutError, asyncio.IncompleteReadError, asyncio.LimitOverrunError,
                ValueError, ConnectionError):
            self.refused += 1
            status, body = HTTPStatus.BAD_REQUEST, b'{"ok": false}'
            log.warning("Webhook refused: an incomplete, slow or oversized request")
        except Exception:  # never let a request take the receiver down
            self.refused += 1
            status, body = HTTPStatus.INTERNAL_SERVER_ERROR, b'{"ok": false}'
            log.exception("Webhook request failed")
        finally:
            self._open -= 1
        try:
            head = [f"HTTP/1.1 {status.value} {status.phrase}",
                    "Content-Type: application/json", f"Content-Length: {len(body)}",
                    "Connection: close", *(f"{k}: {v}" for k, v in extra.items())]
            writer.write(("\r\n".join(head) + "\r\n\r\n").encode() + body)
            await writer.drain()
        except ConnectionError:
            pass
        finally:
            writer.close()
            try:
                await writer.wait_closed()
            except ConnectionError:
                pass

    async def _serve(self, reader: asyncio.StreamReader) -> str:
        request_line = (await reader.readline()).decode("latin-1").rstrip("\r\n")
        parts = request_line.split(" ")
        if len(parts) != 3 or not parts[2].startswith("HTTP/1."):
            raise Refused(HTTPStatus.BAD_REQUEST, "not an HTTP/1.x request")
        method, target, _ = parts
        headers: dict[str, str] = {}
        size = 0
        while True:
            line = await reader.readline()
            size += len(line)
            if size > MAX_HEADER_BYTES or len(headers) > MAX_HEADERS:
                raise Refused(HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "headers too large")
            if line in (b"\r\n", b"\n", b""):
                break
            name, _, value = line.decode("latin-1").partition(":")
            headers[name.strip().lower()] = value.strip()
        path = target.split("?", 1)[0]
        if not hmac.compare_digest(path.encode("latin-1"), self._path.encode("latin-1")):
            raise Refused(HTTPStatus.NOT_FOUND, "a request to an unknown path")
        if method != "POST":
            raise Refused(HTTPStatus.METHOD_NOT_ALLOWED, f"method {method[:10]}")
        if "chunked" in headers.get("transfer-encoding", "").lower():
            raise Refused(HTTPStatus.LENGTH_REQUIRED, "chunked bodies are not accepted")
        length_text = headers.get("content-length")
        if length_text is None or not length_text.isdigit():
            raise Refused(HTTPStatus.LENGTH_REQUIRED, "no Content-Length")
        length = int(length_text)
        if length > self.max_body:
            raise Refused(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"a body of {length} bytes")
        body = await reader.readexactly(length)
        pushed = parse_event(body)
        outcome = self.deliver(pushed)
        self.last_event_at = time.monotonic()
        return outcome


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


__all__ = ["PushedCode", "Refused", "WebhookReceiver", "new_token", "parse_event",
           "split_host_port", "webhook_url"]

