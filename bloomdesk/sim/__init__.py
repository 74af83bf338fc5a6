"""The simulator: a real HTTP server on loopback that speaks every provider kind.

It stands in for the providers everywhere (``bloomdesk --demo``, the tests and the
benchmarks), follows ``specs/`` faithfully (their errors, limits and money rules),
and can be scripted to misbehave::

    with Simulator() as sim:
        sim.add_account("bloomsms", "sk_test", balance="10")
        provider = connect("bloomsms", api_key="sk_test", base_url=sim.url("bloomsms"))
        sim.fault("bloomsms", Fault("timeout_after_create", op="buy", seconds=5))

Paths: ``/<family>/stubs/handler_api.php`` for the handler kinds and
``/<family>/api/v1/…`` for the REST kinds, where the family is ``bloomsms-legacy``,
``bloomsms``, ``smsbulk`` (REST and its SMS-Activate compatible endpoint, one wallet)
or ``sms-activate``.  Two more servers of kind ``sms-activate`` stand for the
compatible services of 2026, each with its own wallet and accounts (wire_live.py):
``hero-sms`` and ``tiger-sms``.  Every method taking a ``kind`` takes these names
too::

    sim.add_account("hero-sms", "hero_key", balance="5")
    connect("sms-activate", api_key="hero_key", base_url=sim.url("hero-sms"))
"""

from __future__ import annotations

import collections
import threading
import time
from collections.abc import Callable
from decimal import Decimal

from .catalogue import Catalogue, default_catalogue
from .server import Fault, _Handler, _Server, html_page, not_found, route
from .state import Account, Rules, SimActivation, SimError, SimProvider
from .webhooks import WebhookSender
from .wire import Response

__all__ = ["FAMILY", "KIND", "Fault", "Rules", "Simulator"]

FAMILY = {"bloomsms-legacy": "bloomsms-legacy", "bloomsms": "bloomsms", "smsbulk": "smsbulk",
          "smsbulk-legacy": "smsbulk", "sms-activate": "sms-activate",
          "hero-sms": "hero-sms", "tiger-sms": "tiger-sms"}
PATHS = {"bloomsms-legacy": "/bloomsms-legacy/stubs/handler_api.php",
         "bloomsms": "/bloomsms/api/v1", "smsbulk": "/smsbulk/api/v1",
         "smsbulk-legacy": "/smsbulk/stubs/handler_api.php",
         "sms-activate": "/sms-activate/stubs/handler_api.php",
         "hero-sms": "/hero-sms/stubs/handler_api.php",
         "tiger-sms": "/tiger-sms/stubs/handler_api.php"}
# The provider kind a client uses for each simulated server
KIND = {name: "sms-activate" if name in ("hero-sms", "tiger-sms") else name for name in PATHS}


def default_rules() -> dict[str, Rules]:
    return {
        "bloomsms-legacy": Rules(charge_silent_after=120.0),
        "bloomsms": Rules(requests_per_minute=60),
        "smsbulk": Rules(requests_per_minute=120),
        "sms-activate": Rules(cancel_not_before=120.0),
        # a lifetime other than the 20 minutes BloomDesk assumes: the end time the
        # server gives (getNumberV2) is seen to be the one used
        "hero-sms": Rules(cancel_not_before=120.0, lifetime=15 * 60),
        "tiger-sms": Rules(cancel_not_before=120.0),
    }


class Simulator:
    def __init__(self, *, host: str = "127.0.0.1", port: int = 0,
                 clock: Callable[[], float] = time.time, catalogue: Catalogue | None = None,
                 rules: dict[str, Rules] | None = None, latency: float = 0.0,
                 seed: int = 1) -> None:
        self.host, self.port = host, port
        self.clock = clock
        self.latency = latency
        self.lock = threading.RLock()
        cat = catalogue or default_catalogue()
        merged = default_rules()
        merged.update(rules or {})
        self.providers = {name: SimProvider(name, cat, r, clock, seed + i)
                          for i, (name, r) in enumerate(merged.items())}
        self.webhooks = WebhookSender()
        for prov in self.providers.values():
            prov.on_code = self._code_arrived
        self._faults: list[tuple[str, Fault]] = []
        self.counts: collections.Counter[tuple[str, str]] = collections.Counter()
        self._stop = threading.Event()
        self._server: _Server | None = None
        self._threads: list[threading.Thread] = []

    # ------------------------------------------------------------------ lifecycle
    def start(self) -> Simulator:
        self._server = _Server((self.host, self.port), self)
        self.port = self._server.server_address[1]
        self._stop.clear()
        self._threads = [
            threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.1},
                             name="sim-http", daemon=True),
            threading.Thread(target=self._tick, name="sim-tick", daemon=True),
        ]
        for thread in self._threads:
            thread.start()
        self.webhooks.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        self.webhooks.stop()
        for thread in self._threads:
            thread.join(timeout=5)

    def __enter__(self) -> Simulator:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _tick(self) -> None:
        while not self._stop.wait(0.05):
            with self.lock:
                for prov in self.providers.values():
                    prov.tick()

    # ------------------------------------------------------------------ addresses
    @property
    def base(self) -> str:
        return f"http://{self.host}:{self.port}"

    def url(self, kind: str) -> str:
        """The base URL to give ``connect(kind, …)``, written as the docs write it."""
        return self.base + PATHS[kind]

    # ------------------------------------------------------------------ scripting
    def provider(self, kind: str) -> SimProvider:
        return self.providers[FAMILY[kind]]

    def add_account(self, kind: str, key: str, balance: Decimal | str = "10.00",
                    webhook_url: str | None = None) -> Account:
        with self.lock:
            account = Account(key, Decimal(balance), webhook_url=webhook_url)
            self.provider(kind).accounts[key] = account
            return account

    def balance(self, kind: str, key: str) -> Decimal:
        with self.lock:
            return self.provider(kind).accounts[key].balance

    def activation(self, kind: str, activation_id: str) -> SimActivation:
        with self.lock:
            prov = self.provider(kind)
            act = prov.activations[activation_id]
            prov.advance(act)
            return act

    def activations(self, kind: str) -> list[SimActivation]:
        with self.lock:
            return list(self.provider(kind).activations.values())

    def fault(self, kind: str, fault: Fault) -> None:
        with self.lock:
            self._faults.append((FAMILY[kind], fault))

    def next_codes(self, kind: str, *delays: float | None) -> None:
        """Code delays for the next buys on `kind` (None: that order never gets one)."""
        with self.lock:
            self.provider(kind).next_delays.extend(delays)

    def set_stock(self, kind: str, service: str, iso: str, stock: int) -> None:
        with self.lock:
            self.provider(kind).set_stock(iso, service, stock)

    def deliver(self, kind: str, activation_id: str, by_call: bool = False) -> SimActivation:
        """Make the next code of an order arrive now (`by_call`: by a voice call)."""
        with self.lock:
            prov = self.provider(kind)
            act = prov.activations[activation_id]
            act.code_at, act.by_call = self.clock(), by_call
            prov.advance(act)
            return act

    def sent(self, kind: str, op: str | None = None) -> int:
        """How many requests reached `kind`'s provider (of one operation, or all)."""
        family = FAMILY[kind]
        with self.lock:
            return sum(n for (fam, o), n in self.counts.items()
                       if fam == family and op in (None, o))

    def stats(self, kind: str) -> dict[str, int]:
        with self.lock:
            prov = self.provider(kind)
            return {"requests": prov.requests, "rate_limited": prov.rate_limited}

    def _take_fault(self, family: str, op: str) -> Fault | None:
        with self.lock:
            for i, (fam, fault) in enumerate(self._faults):
                if fam == family and fault.op in (op, "any"):
                    fault.times -= 1
                    if fault.times <= 0:
                        del self._faults[i]
                    return fault
        return None

    def _code_arrived(self, prov: SimProvider, act: SimActivation) -> None:
        account = prov.accounts.get(act.key)
        if prov.name == "bloomsms" and account is not None and account.webhook_url:
            self.webhooks.send(account.webhook_url, {
                "event": "sms.received",
                "timestamp": time.strftime("%Y-%m-%dT%H:%M:%S+00:00",
                                           time.gmtime(self.clock())),
                "data": {"activation_id": act.id, "phone_number": act.phone,
                         "service": act.service,
                         "sms": {"code": act.code, "full_text": act.text},
                         "status": "code_received"},
            })

    # ------------------------------------------------------------------ serving
    def serve(self, handler: _Handler) -> None:
        path = handler.path.split("?", 1)[0]
        _, family, rest = (path.split("/", 2) + ["", ""])[:3]
        found = route(self, family, "/" + rest)
        if found is None:
            handler.request_body()
            handler.reply(not_found())
            return
        request = handler.as_request("/" + rest)
        op = found.op_of(request)
        with self.lock:
            self.counts[(family, op)] += 1
        fault = self._take_fault(family, op)
        delay = self.latency + (fault.seconds if fault and fault.kind == "latency" else 0)
        if delay and self._stop.wait(delay):
            handler.reset()
            return
        kind = fault.kind if fault else ""
        if kind == "reset":
            handler.reset()
            return
        if kind == "answer" and fault is not None:
            handler.reply(Response(fault.status, fault.body.encode(),
                                   "application/json" if fault.body[:1] in "{[" else
                                   "text/plain; charset=utf-8", dict(fault.headers or {})))
            return
        if kind in ("http500", "html", "garbage"):
            handler.reply({
                "http500": lambda: Response(500, b"Internal Server Error"),
                "html": lambda: html_page(fault.status if fault else 502),
                "garbage": lambda: Response(200, bytes(range(256))[::-3] * 3,
                                            "application/octet-stream"),
            }[kind]())
            return
        with self.lock:
            retry_after = found.provider.admit(found.key_of(request))
            if retry_after is not None:
                response = found.refuse(SimError("rate_limited"), retry_after)
            else:
                response = found.handle(request, found.provider)
        if kind == "truncated":
            handler.truncated(response)
        elif kind == "timeout_after_create":
            self._stop.wait(fault.seconds if fault and fault.seconds else 60.0)
            handler.reset()
        elif kind == "reset_after":
            handler.reset()
        elif kind == "error_after":  # a gateway gave up while the provider went on
            handler.reply(html_page(fault.status if fault else 504))
        elif kind == "latency_after":  # carried out at once, answered late
            if fault is not None and self._stop.wait(fault.seconds):
                handler.reset()
            else:
                handler.reply(response)
        else:
            handler.reply(response)


def demo_accounts() -> list[tuple[str, str, str]]:
    """One account of every kind, and one on the Hero-SMS-like server: (name, key,
    balance), the name a kind or a simulated server (KIND gives its kind); one is low
    on funds."""
    return [("bloomsms-legacy", "demo-legacy-key-0001", "4.20"),
            ("bloomsms", "sk_demo_bloomsms_0001", "25.00"),
            ("smsbulk", "smsbulk_demo_0001", "12.50"),
            ("smsbulk-legacy", "smsbulk_demo_0001", "12.50"),
            ("sms-activate", "demo-sa-key-0001", "0.35"),
            ("hero-sms", "demo-hero-key-0001", "8.00")]
