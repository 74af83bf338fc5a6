"""Push instead of poll: a receiver of BloomSMS ``sms.received`` webhooks (spec 001).

Off by default.  It listens on a configured host and port and answers one path only,
``/bloomdesk/<token>``, the token a random secret the user pastes into the provider's
dashboard as part of the URL.  HTTP is parsed by h11 (httpx's own parser); what comes
in is bounded before it is read: head size, body size, a deadline per request, the
number of connections.  Genuine events keep their way under abuse:

- only well-formed events on the secret path count against the event budget;
  everything else (forged paths, garbage) has a budget of its own;
- when every connection slot is taken, the slowest incomplete request is dropped to
  make room (a slow-drip client cannot starve the provider's posts);
- a refusal is a readable HTTP answer (429 with Retry-After, 404, 413…), never a
  reset; the log says what was refused, at most once a minute per reason.

Polling stays on as the safety net (PROTOCOL-NOTES: "the webhook is an accelerator,
never the only path"); a code that arrives both ways is delivered once.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import logging
import time
from collections.abc import Callable
from http import HTTPStatus

import h11

from ..i18n import QT_TRANSLATE_NOOP
from .push import PushedCode, PushOutcome
from .webhook_wire import (
    PATH_PREFIX,
    Budget,
    Refused,
    new_token,
    parse_event,
    split_host_port,
    webhook_url,
)

log = logging.getLogger(__name__)

MAX_HEAD_BYTES = 8192
REQUEST_DEADLINE = 5.0  # seconds for a whole request, head and body
DRAIN = 1.0  # seconds to read what a refused client still sends, so it sees our answer
_OUTCOME_STATUS = {PushOutcome.ACCEPTED: HTTPStatus.OK, PushOutcome.DUPLICATE: HTTPStatus.OK,
                   PushOutcome.STALE: HTTPStatus.OK,  # taken, and rightly ignored
                   PushOutcome.NO_ORDER: HTTPStatus.NOT_FOUND,
                   PushOutcome.PHONE_MISMATCH: HTTPStatus.BAD_REQUEST}


class WebhookReceiver:
    """The HTTP side.  ``deliver(PushedCode)`` takes the code into the order book and
    returns a :class:`PushOutcome`, which this maps to an HTTP status."""

    def __init__(self, deliver: Callable[[PushedCode], PushOutcome], host: str, port: int,
                 token: str, *, max_body: int = 16_384, per_minute: int = 120,
                 junk_per_minute: int = 600, max_connections: int = 32) -> None:
        if len(token) < 16:
            raise ValueError("the webhook token must be at least 16 characters")
        self.deliver = deliver
        self.host, self.port = host, port
        self._token = token
        self._path = (PATH_PREFIX + token).encode()
        self.max_body = max_body
        self.per_minute = per_minute
        self.events = Budget(per_minute)  # well-formed events on the secret path
        self.junk = Budget(junk_per_minute)  # everything else
        self.max_connections = max_connections
        self._server: asyncio.Server | None = None
        self._reading: dict[asyncio.Task[None], float] = {}  # still receiving: since
        self._open = 0
        self.accepted = 0
        self.refused = 0
        self.last_event_at: float | None = None
        self.error: str | None = None
        self._told: dict[str, tuple[float, int]] = {}  # reason -> (last logged, since)

    # ------------------------------------------------------------------ lifecycle
    async def start(self) -> None:
        """Listen; raises OSError (with a plain message) when the port is taken."""
        try:
            self._server = await asyncio.start_server(self._handle, self.host, self.port)
        except OSError as exc:
            self.error = QT_TRANSLATE_NOOP(
                "webhooks", "Cannot listen on {host}:{port}: {error}").format(
                host=self.host, port=self.port, error=exc.strerror or exc)
            raise OSError(exc.errno, self.error) from None
        self.port = self._server.sockets[0].getsockname()[1]  # when 0 asked for any
        self.error = None
        log.info("Webhook receiver listening on %s:%s", self.host, self.port)

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            for task in list(self._reading):
                task.cancel()
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
            return QT_TRANSLATE_NOOP("webhooks", "Not listening.")
        return QT_TRANSLATE_NOOP(
            "webhooks", "Listening on {host}:{port}: {accepted} code(s) received, {refused} "
            "request(s) refused.").format(host=self.host, port=self.port,
                                          accepted=self.accepted, refused=self.refused)

    # ------------------------------------------------------------------ requests
    def _make_room(self) -> bool:
        """A free connection slot, by dropping the slowest incomplete request if need be."""
        if self._open < self.max_connections:
            return True
        if not self._reading:
            return False
        oldest = min(self._reading, key=self._reading.__getitem__)
        self._reading.pop(oldest, None)
        oldest.cancel()
        return True

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        conn = h11.Connection(h11.SERVER, max_incomplete_event_size=MAX_HEAD_BYTES)
        status, body = HTTPStatus.OK, b""
        if not self._make_room():
            status, reason = HTTPStatus.TOO_MANY_REQUESTS, "too many connections"
            self._refuse(reason)
            await self._answer(conn, writer, reader, status, reason)
            return
        self._open += 1
        self._reading[task] = time.monotonic()
        try:
            async with asyncio.timeout(REQUEST_DEADLINE):
                outcome = await self._serve(conn, reader)
            self._reading.pop(task, None)
            self.accepted += outcome is PushOutcome.ACCEPTED
            self.last_event_at = time.monotonic()
            status = _OUTCOME_STATUS[outcome]
            body = json.dumps({"ok": status == HTTPStatus.OK, "result": outcome.value}).encode()
            await self._answer(conn, writer, reader, status, None, body)
        except Refused as exc:
            self._reading.pop(task, None)
            self._refuse(exc.reason)
            await self._answer(conn, writer, reader, exc.status, exc.reason)
        except (TimeoutError, h11.RemoteProtocolError, ConnectionError) as exc:
            self._reading.pop(task, None)
            reason = "a slow request" if isinstance(exc, TimeoutError) else \
                "a malformed or broken request"
            self._refuse(reason)
            hint = getattr(exc, "error_status_hint", 400)
            with contextlib.suppress(Exception):
                await self._answer(conn, writer, reader, HTTPStatus(hint) if not isinstance(
                    exc, TimeoutError) else HTTPStatus.REQUEST_TIMEOUT, reason)
        except asyncio.CancelledError:
            self._refuse("a slow request dropped to make room")
            writer.close()
        finally:
            self._reading.pop(task, None)
            self._open -= 1

    async def _serve(self, conn: h11.Connection, reader: asyncio.StreamReader) -> PushOutcome:
        request = await self._next(conn, reader)
        if not isinstance(request, h11.Request):
            raise Refused(HTTPStatus.BAD_REQUEST, "not an HTTP request")
        path = request.target.split(b"?", 1)[0]
        if not hmac.compare_digest(path, self._path):
            if not self.junk.take():
                raise Refused(HTTPStatus.TOO_MANY_REQUESTS, "over the bound for other requests")
            raise Refused(HTTPStatus.NOT_FOUND, "a request to an unknown path")
        if request.method != b"POST":
            raise Refused(HTTPStatus.METHOD_NOT_ALLOWED, "a method other than POST")
        headers = {name.lower(): value for name, value in request.headers}
        if b"chunked" in headers.get(b"transfer-encoding", b"").lower() or \
                b"content-length" not in headers:
            raise Refused(HTTPStatus.LENGTH_REQUIRED, "a body without a Content-Length")
        if int(headers[b"content-length"]) > self.max_body:
            raise Refused(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "a body over the size bound")
        body = bytearray()
        while True:
            event = await self._next(conn, reader)
            if isinstance(event, h11.Data):
                body += event.data
            elif isinstance(event, h11.EndOfMessage):
                break
            else:
                raise Refused(HTTPStatus.BAD_REQUEST, "an incomplete request")
        try:
            pushed = parse_event(bytes(body))
        except Refused:
            if not self.junk.take():
                raise Refused(HTTPStatus.TOO_MANY_REQUESTS,
                              "over the bound for other requests") from None
            raise
        if not self.events.take():
            raise Refused(HTTPStatus.TOO_MANY_REQUESTS, "over the event bound")
        return self.deliver(pushed)

    @staticmethod
    async def _next(conn: h11.Connection, reader: asyncio.StreamReader) -> object:
        while True:
            event = conn.next_event()
            if event is h11.NEED_DATA:
                conn.receive_data(await reader.read(4096))
                continue
            if isinstance(event, h11.ConnectionClosed):
                raise ConnectionError("the client closed the connection")
            return event

    async def _answer(self, conn: h11.Connection, writer: asyncio.StreamWriter,
                      reader: asyncio.StreamReader, status: HTTPStatus, reason: str | None,
                      body: bytes | None = None) -> None:
        """Answer, then let the client finish sending (so it reads our answer rather
        than a reset), then close."""
        if body is None:
            body = json.dumps({"ok": False, "error": reason}).encode()
        headers = [("Content-Type", "application/json"), ("Content-Length", str(len(body))),
                   ("Connection", "close")]
        if status is HTTPStatus.TOO_MANY_REQUESTS:
            headers.append(("Retry-After", "60"))
        try:
            if conn.our_state in (h11.IDLE, h11.SEND_RESPONSE):
                data = conn.send(h11.Response(status_code=status.value, headers=headers))
                data = (data or b"") + (conn.send(h11.Data(data=body)) or b"") + \
                    (conn.send(h11.EndOfMessage()) or b"")
            else:  # h11 cannot answer in this state: say it the plain way
                data = (f"HTTP/1.1 {status.value} {status.phrase}\r\nContent-Length: "
                        f"{len(body)}\r\nConnection: close\r\n\r\n").encode() + body
            writer.write(data)
            await writer.drain()
            if writer.can_write_eof():
                writer.write_eof()
            with contextlib.suppress(TimeoutError, ConnectionError):
                async with asyncio.timeout(DRAIN):
                    while await reader.read(65536):
                        pass
        except (ConnectionError, h11.LocalProtocolError):
            pass
        finally:
            writer.close()
            with contextlib.suppress(ConnectionError):
                await writer.wait_closed()

    def _refuse(self, reason: str) -> None:
        """Count a refusal; log it the first time, then at most once a minute."""
        self.refused += 1
        now = time.monotonic()
        last, since = self._told.get(reason, (0.0, 0))
        if now - last >= 60.0:
            more = f" ({since} more since the last line)" if since else ""
            log.warning("Webhook refused: %s%s", reason, more)
            self._told[reason] = (now, 0)
        else:
            self._told[reason] = (last, since + 1)


__all__ = ["PushedCode", "Refused", "WebhookReceiver", "new_token", "parse_event",
           "split_host_port", "webhook_url"]
