"""The simulator's HTTP server: a real server on loopback, one thread per connection,
HTTP/1.1 keep-alive, and scripted faults applied on the wire."""

from __future__ import annotations

import socket
import struct
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urlsplit

from . import wire_bloomsms, wire_handler, wire_smsbulk
from .state import SimError, SimProvider
from .wire import Request, Response, text

if TYPE_CHECKING:
    from . import Simulator

FAULT_KINDS = ("latency", "http500", "html", "garbage", "truncated", "reset",
               "reset_after", "timeout_after_create", "error_after", "answer",
               "latency_after")


@dataclass
class Fault:
    """One scripted fault.  ``op`` is the operation it hits ("buy", "status", "balance",
    "offers", "cancel", "complete", "retry", "rerent", "list", "countries" or "any")."""

    kind: str
    op: str = "any"
    times: int = 1
    seconds: float = 0.0  # latency (before or, latency_after, after the request is
    # carried out), or how long a timeout_after_create stalls
    status: int = 502  # the HTTP status of an HTML error page or a scripted answer
    body: str = ""  # a scripted answer: this body, verbatim
    headers: dict[str, str] | None = None

    def __post_init__(self) -> None:
        if self.kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault {self.kind!r}; known: {', '.join(FAULT_KINDS)}")


_HTML = ("<!DOCTYPE html><html><head><title>{0} Bad Gateway</title></head><body>"
         "<center><h1>{0} Bad Gateway</h1></center><hr><center>nginx</center></body></html>")


@dataclass(frozen=True)
class Route:
    provider: SimProvider
    op_of: Callable[[Request], str]
    key_of: Callable[[Request], str]
    handle: Callable[[Request, SimProvider], Response]
    refuse: Callable[[SimError, float | None], Response]


def route(sim: Simulator, family: str, rest: str) -> Route | None:
    prov = sim.providers.get(family)
    if prov is None:
        return None
    if rest == "/stubs/handler_api.php":
        variant = wire_handler.VARIANTS.get(
            {"smsbulk": "smsbulk-legacy"}.get(family, family))
        if variant is None:
            return None
        v = variant
        return Route(prov, lambda r: wire_handler.op_of(r, v), wire_handler.key_of,
                     lambda r, p: wire_handler.handle(r, p, v),
                     lambda e, ra: wire_handler.refuse(e, v, ra))
    if rest.startswith("/api/v1/"):
        module = {"bloomsms": wire_bloomsms, "smsbulk": wire_smsbulk}.get(family)
        if module is None:
            return None
        return Route(prov, module.op_of, module.key_of, module.handle, module.refuse)
    return None


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def do_GET(self) -> None:  # noqa: N802 - the http.server naming
        self.server.sim.serve(self)

    do_POST = do_PATCH = do_DELETE = do_PUT = do_GET  # noqa: N815

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """Silent: an access log would print query strings, keys included."""

    def reply(self, response: Response) -> None:
        self.send_response(response.status)
        self.send_header("Content-Type", response.content_type)
        self.send_header("Content-Length", str(len(response.body)))
        for name, value in response.headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(response.body)

    def reset(self) -> None:
        """Drop the connection with a TCP reset, answering nothing."""
        self.close_connection = True
        try:
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                       struct.pack("ii", 1, 0))
            self.connection.close()
        except OSError:
            pass

    def truncated(self, response: Response) -> None:
        self.close_connection = True
        self.send_response(response.status)
        self.send_header("Content-Type", response.content_type)
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(response.body[: max(1, len(response.body) // 2)])

    def request_body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(min(length, 1 << 20)) if length > 0 else b""

    def as_request(self, rest: str) -> Request:
        url = urlsplit(self.path)
        return Request(self.command, rest, dict(parse_qsl(url.query, keep_blank_values=True)),
                       {k.lower(): v for k, v in self.headers.items()}, self.request_body())


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128

    def __init__(self, address: tuple[str, int], sim: Simulator) -> None:
        self.sim = sim
        super().__init__(address, _Handler)

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that went away (killed, timed out) is normal here, not an error."""
        import sys

        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]


def not_found() -> Response:
    return text("Not Found", 404)


def html_page(status: int) -> Response:
    return Response(status, _HTML.format(status).encode(), "text/html; charset=utf-8")
