"""A hostile HTTP server on loopback, scriptable per test, and a child-process client.

The simulator (``bloomdesk.sim``) plays providers that follow their specs and fail in
documented ways; this server plays one that attacks: a body of hundreds of MB, an
endless chunked body, a gzip bomb, a byte every few seconds, headers that never end,
numbers with a billion digits, codes that clear the screen, ids that climb out of
``/activations/``.  Each answer is written on the raw socket, so nothing in a server
framework softens it, and streamed, so the server never holds a big body in memory.

    with HostileServer() as server:
        server.answer(gzip_bomb())                 # the next request gets this
        server.answer(reply("BAD_KEY"), when=action("getBalance"), times=None)
        result = run_child("sms-activate", server.url_for("sms-activate"), "balance")
        server.requests                            # what it received, in order

Every answer closes its connection.  ``stop()`` ends every streaming answer, closes
every connection and joins every thread, so no test leaves a thread behind.

The client side of the limits tests runs in a child process (:func:`run_child`): its
time and its peak memory are measured alone, an unbounded read cannot take the test
run down with it (it gets an address-space limit and a wall-clock limit), and a hang
in C (``int()`` of a billion-digit number holds the GIL) is a failed test, not a stuck
run.
"""

from __future__ import annotations

import functools
import json
import os
import socket
import struct
import subprocess
import sys
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

ROOT = Path(__file__).resolve().parent.parent
MB = 1024 * 1024
BLOCK = 64 * 1024
HANDLER_KINDS = ("bloomsms-legacy", "smsbulk-legacy", "sms-activate")
DIALECT_KINDS = ("sms-activate", "bloomsms", "smsbulk")  # one kind per wire dialect
KEY = "hostile-key-5f1e9a7c3b"


# --------------------------------------------------------------------------- requests


@dataclass(frozen=True)
class Seen:
    """One request as the server received it, before any decoding of the path."""

    method: str
    path: str  # the raw path, percent-escapes kept, without the query
    raw_query: str
    query: tuple[tuple[str, str], ...]
    headers: dict[str, str]  # names in lower case
    body: bytes

    def param(self, name: str) -> str | None:
        return next((v for k, v in self.query if k == name), None)


Matcher = Callable[[Seen], bool]


def action(name: str) -> Matcher:
    """A handler_api.php request for ``action=name``."""
    return lambda seen: seen.param("action") == name


def path_endswith(suffix: str) -> Matcher:
    return lambda seen: seen.path.endswith(suffix)


# --------------------------------------------------------------------------- answers


class Out:
    """The answer's side of one connection: raw writes, and sleeps that end at stop."""

    def __init__(self, sock: socket.socket, stopping: threading.Event) -> None:
        self._sock = sock
        self._stopping = stopping

    def send(self, data: bytes) -> None:
        self._sock.sendall(data)

    def wait(self, seconds: float) -> bool:
        """Sleep; False when the server is stopping (the answer should end)."""
        return not self._stopping.wait(seconds)

    @property
    def stopping(self) -> bool:
        return self._stopping.is_set()

    def head(self, status: int = 200, headers: dict[str, str] | None = None,
             reason: str = "Whatever") -> None:
        lines = [f"HTTP/1.1 {status} {reason}", "Connection: close"]
        lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
        self.send(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))


@dataclass
class Answer:
    """How the server answers one request: ``write`` does it on the raw socket."""

    write: Callable[[Out, Seen], None]
    label: str = "answer"


def reply(body: str | bytes = b"", status: int = 200, headers: dict[str, str] | None = None,
          content_type: str = "text/plain; charset=utf-8") -> Answer:
    """Any status, headers and body, sent as given (nothing escaped or checked)."""
    data = body.encode("utf-8") if isinstance(body, str) else body

    def write(out: Out, seen: Seen) -> None:
        out.head(status, {"Content-Type": content_type, "Content-Length": str(len(data)),
                          **(headers or {})})
        out.send(data)

    return Answer(write, f"reply {status} {data[:40]!r}")


def json_reply(text: str, status: int = 200, headers: dict[str, str] | None = None) -> Answer:
    """A JSON body given as text, so that it can hold what json.dumps never writes
    (``1e999999999``, a 5,000-digit number)."""
    return reply(text, status, headers, "application/json")


def echo(make: Callable[[Seen], str], status: int = 200) -> Answer:
    """A body computed from the request (a server that echoes what it was sent)."""

    def write(out: Out, seen: Seen) -> None:
        reply(make(seen), status).write(out, seen)

    return Answer(write, "echo")


def html_404() -> Answer:
    page = ("<!DOCTYPE html><html><head><title>404 Not Found</title></head><body>"
            "<h1>Not Found</h1><p>The requested URL was not found on this server.</p>"
            "<hr><address>Apache Server</address></body></html>")
    return reply(page, 404, content_type="text/html; charset=iso-8859-1")


def huge(megabytes: int = 200) -> Answer:
    """``megabytes`` of body with its Content-Length, streamed in 64 kB blocks."""
    total = megabytes * MB

    def write(out: Out, seen: Seen) -> None:
        out.head(200, {"Content-Type": "text/plain", "Content-Length": str(total)})
        block = b"7" * BLOCK
        for _ in range(total // BLOCK):
            if out.stopping:
                return
            out.send(block)

    return Answer(write, f"huge {megabytes} MB")


def endless_chunked() -> Answer:
    """A chunked body that never ends (until the client leaves or the server stops)."""

    def write(out: Out, seen: Seen) -> None:
        out.head(200, {"Content-Type": "application/json", "Transfer-Encoding": "chunked"})
        chunk = f"{BLOCK:x}\r\n".encode() + b"[" * BLOCK + b"\r\n"
        while not out.stopping:
            out.send(chunk)

    return Answer(write, "endless chunked")


@functools.cache
def gzip_bomb_bytes(size: int = 1024 * MB) -> bytes:
    """``size`` bytes of zeros as one valid gzip member, about 1/1000 of that on the wire.

    Made once per process by streaming zeros through zlib: after a full flush the
    compressor forgets what came before, so every MB of zeros compresses to the same
    ~1 kB piece, which is repeated (0.2 s instead of 2 s of compressing).
    """
    zeros = b"\0" * MB
    deflate = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    piece = deflate.compress(zeros) + deflate.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    for _ in range(size // MB):
        crc = zlib.crc32(zeros, crc)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"  # gzip, deflate, no name, no time
    trailer = struct.pack("<II", crc, size & 0xFFFFFFFF)
    return header + piece * (size // MB) + deflate.flush() + trailer


def gzip_bomb() -> Answer:
    """1 GB of zeros behind ``Content-Encoding: gzip``, ~1 MB on the wire."""
    bomb = gzip_bomb_bytes()

    def write(out: Out, seen: Seen) -> None:
        out.head(200, {"Content-Type": "application/json", "Content-Encoding": "gzip",
                       "Content-Length": str(len(bomb))})
        for start in range(0, len(bomb), BLOCK):
            if out.stopping:
                return
            out.send(bomb[start:start + BLOCK])

    return Answer(write, "gzip bomb")


def drip(every: float, length: int = 10_000, status: int = 200) -> Answer:
    """Headers at once (``length`` announced), then one byte of body every ``every`` s."""

    def write(out: Out, seen: Seen) -> None:
        out.head(status, {"Content-Type": "text/plain", "Content-Length": str(length)})
        for _ in range(length):
            out.send(b"1")
            if not out.wait(every):
                return

    return Answer(write, f"drip every {every} s")


def slow_headers(every: float) -> Answer:
    """A status line, then one more header line every ``every`` s, never the end."""

    def write(out: Out, seen: Seen) -> None:
        out.send(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n")
        n = 0
        while out.wait(every):
            n += 1
            out.send(f"X-Still-Coming-{n}: yes\r\n".encode())

    return Answer(write, f"slow headers every {every} s")


def not_scripted() -> Answer:
    return reply("NOT_SCRIPTED: the hostile server has no answer for this request", 500)


# --------------------------------------------------------------------------- server


@dataclass
class _Rule:
    answer: Answer
    when: Matcher | None
    times: int | None  # None: for ever


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def setup(self) -> None:
        super().setup()
        self.server.track(self.connection, add=True)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.track(self.connection, add=False)

    def _any(self) -> None:
        parts = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(min(length, MB)) if length else b""
        seen = Seen(self.command, parts.path, parts.query,
                    tuple(parse_qsl(parts.query, keep_blank_values=True)),
                    {k.lower(): v for k, v in self.headers.items()}, body)
        answer = self.server.owner.next_answer(seen)
        self.close_connection = True
        try:
            answer.write(Out(self.connection, self.server.owner.stopping), seen)
        except OSError:
            pass  # the client left: exactly what a bounded client does

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = _any

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # HostileServer.stop() joins, with a time limit

    def __init__(self, owner: HostileServer) -> None:
        self.owner = owner
        self._connections: set[socket.socket] = set()
        self._lock = threading.Lock()
        self.threads: list[threading.Thread] = []
        super().__init__(("127.0.0.1", 0), _Handler)

    def process_request(self, request: Any, client_address: Any) -> None:
        thread = threading.Thread(target=self.process_request_thread,
                                  args=(request, client_address), daemon=True,
                                  name="hostile-answer")
        with self._lock:
            self.threads = [t for t in self.threads if t.is_alive()] + [thread]
        thread.start()

    def track(self, sock: socket.socket, *, add: bool) -> None:
        with self._lock:
            if add:
                self._connections.add(sock)
            else:
                self._connections.discard(sock)

    def cut_all(self) -> None:
        with self._lock:
            connections = list(self._connections)
        for sock in connections:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that hangs up mid-answer is the point of these tests


class HostileServer:
    def __init__(self) -> None:
        self.stopping = threading.Event()
        self._rules: list[_Rule] = []
        self._seen: list[Seen] = []
        self._lock = threading.Lock()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self.default: Answer = not_scripted()

    # lifecycle
    def start(self) -> HostileServer:
        self._server = _Server(self)
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        kwargs={"poll_interval": 0.05}, daemon=True,
                                        name="hostile-server")
        self._thread.start()
        return self

    def stop(self) -> None:
        """End every answer, close every connection, join every thread (5 s at most)."""
        server = self._server
        if server is None:
            return
        self.stopping.set()
        server.shutdown()
        server.cut_all()
        server.server_close()
        deadline = time.monotonic() + 5.0
        for thread in [self._thread, *server.threads]:
            if thread is not None:
                thread.join(max(0.0, deadline - time.monotonic()))
        stuck = [t for t in server.threads if t.is_alive()]
        self._server = None
        assert not stuck, f"hostile server threads still running: {stuck}"

    def __enter__(self) -> HostileServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # addresses
    @property
    def port(self) -> int:
        assert self._server is not None, "start() first"
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url_for(self, kind: str) -> str:
        """The base URL a provider of ``kind`` takes (as its docs write it)."""
        return self.url + ("/stubs/handler_api.php" if kind in HANDLER_KINDS else "/api/v1")

    # scripting
    def answer(self, answer: Answer, *, when: Matcher | None = None,
               times: int | None = 1) -> None:
        """Answer the next ``times`` requests that ``when`` matches (all when None,
        for ever when ``times`` is None).  Rules are tried in the order given."""
        with self._lock:
            self._rules.append(_Rule(answer, when, times))

    def next_answer(self, seen: Seen) -> Answer:
        with self._lock:
            self._seen.append(seen)
            for rule in self._rules:
                if rule.when is None or rule.when(seen):
                    if rule.times is not None:
                        rule.times -= 1
                        if rule.times == 0:
                            self._rules.remove(rule)
                    return rule.answer
        return self.default

    @property
    def requests(self) -> list[Seen]:
        with self._lock:
            return list(self._seen)


# --------------------------------------------------------------------------- bodies
# What each wire dialect answers, with the hostile part given as raw text: a JSON
# literal (``1e999999999``, ``"1e999999999"``) for the JSON dialects, the same text
# without quotes for handler_api.php.


def dialect(kind: str) -> str:
    return "handler" if kind in HANDLER_KINDS else kind


def _plain(literal: str) -> str:
    return literal[1:-1] if literal.startswith('"') and literal.endswith('"') else literal


def balance_answer(kind: str, literal: str) -> Answer:
    if dialect(kind) == "handler":
        return reply(f"ACCESS_BALANCE:{_plain(literal)}")
    if dialect(kind) == "bloomsms":
        return json_reply(f'{{"status": "success", "data": {{"balance": {literal}}}, '
                          '"errors": null}')
    return json_reply(f'{{"balance": {literal}, "currency": "USD"}}')


def order_answer(kind: str, order_id: str, phone: str = "+15550100199",
                 code: str | None = None, text: str | None = None) -> Answer:
    """A bought order (no code) or a status with ``code`` and ``text``; every value
    written as given (JSON-escaped for the JSON dialects, raw for the handler)."""
    if dialect(kind) == "handler":
        if code is None:
            return reply(f"ACCESS_NUMBER:{order_id}:{phone}")
        return reply(f"STATUS_OK:{code}")
    if dialect(kind) == "bloomsms":
        data: dict[str, Any] = {
            "activation_id": order_id, "phone_number": phone, "service": "tg",
            "country": "187", "price": "0.50",
            "activation_status": "code_received" if code else "waiting",
            "expires_at": "2030-01-01T00:00:00Z"}
        if code is not None:
            data["sms"] = {"code": code, "full_text": text if text is not None else code}
        return json_reply(json.dumps({"status": "success", "data": data, "errors": None}))
    body: dict[str, Any] = {
        "id": order_id, "phoneNumber": phone, "serviceCode": "tg", "countryIso": "US",
        "userCost": "0.50", "status": "RECEIVED" if code else "WAITING",
        "expiresAt": "2030-01-01T00:00:00Z"}
    if code is not None:
        body.update(smsCode=code, smsText=text if text is not None else code)
    return json_reply(json.dumps(body))


def prices_answer(kind: str, price: str = '"0.50"', stock: str = "10",
                  name: str = '"Whatsapp"') -> Answer:
    """A one-offer price list (``wa`` in the USA) with ``price``, ``stock`` and the
    service's ``name`` as raw JSON literals (the handler dialect takes names from the
    services list instead: see :func:`script_catalogue_prelude`)."""
    if dialect(kind) == "handler":
        return json_reply(f'{{"187": {{"wa": {{"cost": {price}, "count": {stock}}}}}}}')
    if dialect(kind) == "bloomsms":
        return json_reply(
            '{"status": "success", "data": {"prices": [{"country": "187", "service": "wa", '
            f'"name": {name}, "price": {price}, "stock": {stock}}}]}}, "errors": null}}')
    return json_reply(f'{{"data": [{{"serviceCode": "wa", "serviceName": {name}, '
                      f'"countryIso": "US", "price": {price}, "stock": {stock}}}], '
                      '"nextCursor": null}')


def script_catalogue_prelude(server: HostileServer, kind: str,
                             name: str | None = None) -> None:
    """Sane answers, for ever, to what ``offers()`` asks before the price list (the
    services list, the countries), so that a test's answer meets the price list.
    ``name``: a raw JSON literal naming ``wa`` in the handler's services list."""
    if dialect(kind) == "handler":
        services = (reply("BAD_ACTION") if name is None else
                    json_reply(f'{{"services": [{{"code": "wa", "name": {name}}}]}}'))
        server.answer(services, when=action("getServicesList"), times=None)
        server.answer(json_reply('[{"id": 187, "iso": "US", "eng": "USA"}]'),
                      when=action("getCountries"), times=None)
    elif dialect(kind) == "bloomsms":
        server.answer(json_reply('{"status": "success", "data": {"countries": '
                                 '[{"id": "187", "name": "United States", "iso": "US"}]}, '
                                 '"errors": null}'),
                      when=path_endswith("/countries"), times=None)
    else:
        server.answer(json_reply('{"data": [{"iso": "US", "name": "United States"}], '
                                 '"nextCursor": null}'),
                      when=path_endswith("/countries"), times=None)


# --------------------------------------------------------------------------- child


@dataclass
class ChildResult:
    """What :func:`child_main` reports: the outcome of one provider call."""

    error: str | None  # the exception's class name, None on success
    message: str = ""
    token: str | None = None
    maybe_sent: bool | None = None
    value: Any = None
    elapsed: float = 0.0  # seconds, the call alone
    baseline_kb: int = 0  # VmRSS just before the call
    peak_kb: int = 0  # VmHWM after it
    stderr: str = field(default="", repr=False)

    @property
    def growth_mb(self) -> float:
        return (self.peak_kb - self.baseline_kb) / 1024


def _status_kb(name: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(name + ":"):
            return int(line.split()[1])
    return 0


def _summary(value: Any) -> Any:
    from dataclasses import asdict, is_dataclass

    if isinstance(value, list):
        return {"count": len(value), "first": _summary(value[0]) if value else None}
    if is_dataclass(value) and not isinstance(value, type):
        return {k: _summary(v) for k, v in asdict(value).items()}
    if isinstance(value, dict):
        return {k: _summary(v) for k, v in value.items()}
    if value is None or isinstance(value, bool | int | str):
        return value
    return str(value)


def child_main() -> None:
    """Run one provider call described by argv[1] (JSON); print a ChildResult as JSON.

    An address-space limit (``spare_mb`` over what the process has at the start)
    turns an unbounded read into a MemoryError here instead of a starved machine.
    """
    import resource

    job = json.loads(sys.argv[1])
    spare = job.get("spare_mb", 1024) * MB
    size = _status_kb("VmSize") * 1024
    resource.setrlimit(resource.RLIMIT_AS, (size + spare, size + spare))

    import asyncio

    from bloomdesk.providers import connect
    from bloomdesk.providers.errors import ProviderError, Unavailable

    async def call() -> ChildResult:
        provider = connect(job["kind"], api_key=job.get("key", KEY), base_url=job["url"],
                           timeout=job["timeout"])
        async with provider:
            baseline = _status_kb("VmRSS")
            began = time.monotonic()
            try:
                value = await getattr(provider, job["op"])(*job.get("args", []))
            except ProviderError as exc:
                outcome = ChildResult(
                    type(exc).__name__, exc.message, exc.token,
                    exc.maybe_sent if isinstance(exc, Unavailable) else None)
            except BaseException as exc:  # noqa: B036 - reported, the point of the test
                outcome = ChildResult(type(exc).__name__, repr(exc)[:300])
            else:
                outcome = ChildResult(None, value=_summary(value))
            outcome.elapsed = time.monotonic() - began
            outcome.baseline_kb = baseline
            outcome.peak_kb = _status_kb("VmHWM")
            return outcome

    outcome = asyncio.run(call())
    payload = {k: v for k, v in outcome.__dict__.items() if k != "stderr"}
    print("RESULT " + json.dumps(payload))


def run_child(kind: str, url: str, op: str, *args: str, timeout: float = 2.0,
              limit: float = 30.0, spare_mb: int = 1024, key: str = KEY) -> ChildResult:
    """Run ``provider.op(*args)`` in a child process; fail the test if the child does
    not end within ``limit`` seconds (its start-up included)."""
    import pytest

    job = {"kind": kind, "url": url, "op": op, "args": list(args), "timeout": timeout,
           "spare_mb": spare_mb, "key": key}
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    try:
        done = subprocess.run(
            [sys.executable, "-c", "from tests.hostile import child_main; child_main()",
             json.dumps(job)],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=limit)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{op} on {kind} did not end within {limit} s")
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith("RESULT ")]
    if not lines:
        pytest.fail(f"the child reported nothing (exit {done.returncode}):\n"
                    f"{done.stderr[-3000:]}")
    result = ChildResult(**json.loads(lines[-1][len("RESULT "):]))
    result.stderr = done.stderr
    return result
