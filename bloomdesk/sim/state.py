"""The simulator's providers: accounts, activations and each provider's money rule.

All state is guarded by one lock held by the caller (the HTTP handler threads and
the ticker thread).  Time comes from an injectable clock so tests can run minutes of
provider time in seconds; by default it is the wall clock.
"""

from __future__ import annotations

import collections
import itertools
import math
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from .catalogue import Catalogue, SimOffer


@dataclass
class Rules:
    """How one simulated provider behaves.  Defaults follow the specs."""

    requests_per_minute: int | None = None  # None: no limit enforced
    charge_silent_after: float | None = None  # BloomSMS legacy: 120 s
    cancel_not_before: float | None = None  # SMS-Activate family: 120 s
    lifetime: float = 20 * 60
    code_delay: float | None = 4.0  # None: codes never arrive
    retry_delay: float = 4.0  # delay of the next SMS after "request another"
    rerent_window: float = 20 * 60  # how long after purchase a number may be re-rented


@dataclass
class Account:
    key: str
    balance: Decimal
    webhook_url: str | None = None
    suspended: bool = False
    banned_until: str | None = None


# Internal states; each wire module renders them in its own words.
WAITING, RECEIVED, RETRY, COMPLETED, CANCELLED, EXPIRED = (
    "waiting", "received", "retry", "completed", "cancelled", "expired")
ACTIVE = (WAITING, RECEIVED, RETRY)


@dataclass
class SimActivation:
    id: str
    key: str
    service: str
    iso: str
    phone: str
    price: Decimal
    created: float
    expires: float
    status: str = WAITING
    code: str | None = None
    text: str | None = None
    code_at: float | None = None  # when the next code arrives (None: never)
    codes: list[str] = field(default_factory=list)
    code_times: list[float] = field(default_factory=list)  # when each code arrived
    refunded: bool = False
    operator: str | None = None  # as asked for at purchase (None: any)
    by_call: bool = False  # the next code comes by a voice call

    @property
    def charged(self) -> bool:
        return not self.refunded


class SimError(Exception):
    """A refusal, in the simulator's own words; each wire module renders it."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(reason)
        self.reason = reason  # one of the REASONS below
        self.detail = detail


REASONS = ("bad_key", "suspended", "banned", "no_balance", "no_numbers", "price_cap",
           "bad_service", "bad_country", "not_found", "bad_state", "early_cancel",
           "rate_limited", "not_offered")


class SimProvider:
    """One simulated provider (a family of wire dialects sharing accounts and wallet)."""

    def __init__(self, name: str, catalogue: Catalogue, rules: Rules,
                 clock: Callable[[], float], seed: int) -> None:
        self.name = name
        self.catalogue = catalogue
        self.rules = rules
        self.clock = clock
        self.accounts: dict[str, Account] = {}
        self.activations: dict[str, SimActivation] = {}
        self.stock: dict[tuple[str, str], int] = {}  # overrides of catalogue stock
        self.next_delays: collections.deque[float | None] = collections.deque()
        self.on_code: Callable[[SimProvider, SimActivation], None] | None = None
        self._rng = random.Random(seed)
        # Ids continue from the clock (in ms), so a restarted simulator never hands out
        # an id it gave before, as a real provider never does.
        self._ids = itertools.count(int(clock() * 1000) + seed)
        self._windows: dict[str, collections.deque[float]] = {}
        self.requests = 0
        self.rate_limited = 0
        self.stock_version = 0  # bumped whenever a price-list row changes
        self._rows: dict[object, list[object]] = {}

    # ------------------------------------------------------------------ helpers
    def new_id(self, style: str = "number") -> str:
        n = next(self._ids)
        if style == "cuid":
            return "c" + "".join(self._rng.choice("0123456789abcdefghijklmnopqrstuvwxyz")
                                 for _ in range(24))
        return str(n)

    def account(self, key: str | None) -> Account:
        account = self.accounts.get(key or "")
        if account is None:
            raise SimError("bad_key")
        if account.banned_until:
            raise SimError("banned", account.banned_until)
        if account.suspended:
            raise SimError("suspended")
        return account

    def offer(self, iso: str, service: str) -> SimOffer | None:
        base = self.catalogue.offers.get((iso, service))
        if base is None:
            return None
        stock = self.stock.get((iso, service))
        return base if stock is None else SimOffer(base.price, stock)

    def rows(self, shape: object, build: Callable[[], list[object]]) -> list[object]:
        """A rendered price list, cached until stock changes (lists are paged)."""
        cached = self._rows.get(shape)
        if cached is None or cached[0] != self.stock_version:
            cached = [self.stock_version, build()]
            self._rows[shape] = cached
        rows = cached[1]
        assert isinstance(rows, list)
        return rows

    def set_stock(self, iso: str, service: str, stock: int) -> None:
        self.stock[(iso, service)] = stock
        self.stock_version += 1

    def admit(self, key: str) -> float | None:
        """Count a request against the key's budget; the Retry-After if over it."""
        self.requests += 1
        limit = self.rules.requests_per_minute
        if not limit:
            return None
        now = self.clock()
        window = self._windows.setdefault(key, collections.deque())
        while window and window[0] <= now - 60:
            window.popleft()
        if len(window) >= limit:
            self.rate_limited += 1
            return max(1.0, math.ceil(window[0] + 60 - now))
        window.append(now)
        return None

    # ------------------------------------------------------------------ lifecycle
    def advance(self, act: SimActivation, now: float | None = None) -> None:
        now = self.clock() if now is None else now
        if act.status in (WAITING, RETRY) and act.code_at is not None and now >= act.code_at:
            act.code = f"{self._rng.randrange(10**6):06d}"
            act.codes.append(act.code)
            act.code_times.append(now)
            act.text = f"Your {self.catalogue.services.get(act.service, act.service)} " \
                       f"code is {act.code}. Do not share it."
            act.status, act.code_at = RECEIVED, None
            if self.on_code is not None:
                self.on_code(self, act)
        if act.status in ACTIVE and now >= act.expires:
            if not act.codes:
                self._settle_silent(act, now)
            act.status = EXPIRED

    def tick(self) -> None:
        now = self.clock()
        for act in list(self.activations.values()):
            if act.status in ACTIVE:
                self.advance(act, now)

    def _settle_silent(self, act: SimActivation, now: float) -> None:
        """An order ends with no code: refund it unless this provider charges silence."""
        limit = self.rules.charge_silent_after
        if limit is not None and now - act.created > limit:
            return  # charged: the user did not cancel in time
        self._refund(act)

    def _refund(self, act: SimActivation) -> None:
        if not act.refunded:
            act.refunded = True
            self.accounts[act.key].balance += act.price

    # ------------------------------------------------------------------ actions
    def buy(self, key: str, service: str, iso: str, max_price: Decimal | None,
            phone: str | None = None, id_style: str = "number") -> SimActivation:
        account = self.account(key)
        if service not in self.catalogue.services:
            raise SimError("bad_service")
        offer = self.offer(iso, service)
        if offer is None or offer.stock <= 0:
            raise SimError("no_numbers")
        if max_price is not None and max_price < offer.price:
            raise SimError("price_cap", str(offer.price))
        if account.balance < offer.price:
            raise SimError("no_balance")
        now = self.clock()
        account.balance -= offer.price
        self.set_stock(iso, service, offer.stock - 1)
        delay = self.next_delays.popleft() if self.next_delays else self.rules.code_delay
        act = SimActivation(
            id=self.new_id(id_style),
            key=key, service=service, iso=iso, phone=phone or self._phone(iso),
            price=offer.price, created=now, expires=now + self.rules.lifetime,
            code_at=None if delay is None else now + delay,
        )
        self.activations[act.id] = act
        return act

    def _phone(self, iso: str) -> str:
        prefix = _DIAL.get(iso, str(20 + _stable(iso) % 70))
        return prefix + "".join(str(self._rng.randrange(10)) for _ in range(12 - len(prefix)))

    def get(self, key: str, activation_id: str) -> SimActivation:
        self.account(key)
        act = self.activations.get(activation_id)
        if act is None or act.key != key:
            raise SimError("not_found")
        self.advance(act)
        return act

    def cancel(self, key: str, activation_id: str) -> SimActivation:
        act = self.get(key, activation_id)
        if act.status not in ACTIVE or act.codes:
            raise SimError("bad_state")
        now = self.clock()
        early = self.rules.cancel_not_before
        if early is not None and now - act.created < early:
            raise SimError("early_cancel")
        act.status = CANCELLED
        self._settle_silent(act, now)
        return act

    def complete(self, key: str, activation_id: str) -> SimActivation:
        act = self.get(key, activation_id)
        if act.status not in ACTIVE:
            raise SimError("bad_state")
        act.status = COMPLETED  # finished: paid, with or without a code
        return act

    def request_another(self, key: str, activation_id: str) -> SimActivation:
        act = self.get(key, activation_id)
        if act.status not in (RECEIVED, RETRY) or not act.codes:
            raise SimError("bad_state")
        act.status = RETRY
        act.code_at = self.clock() + self.rules.retry_delay
        return act

    def rerent(self, key: str, activation_id: str) -> SimActivation:
        old = self.get(key, activation_id)
        if not old.codes or self.clock() - old.created > self.rules.rerent_window:
            raise SimError("bad_state")
        if old.status in ACTIVE:
            old.status = COMPLETED
        return self.buy(key, old.service, old.iso, None, phone=old.phone,
                        id_style="cuid" if not old.id.isdigit() else "number")

    def active(self, key: str) -> list[SimActivation]:
        self.account(key)
        found = []
        for act in self.activations.values():
            if act.key == key:
                self.advance(act)
                if act.status in ACTIVE:
                    found.append(act)
        return found


def _stable(text: str) -> int:
    return sum(ord(c) * 31**i for i, c in enumerate(text))


_DIAL = {"US": "1", "CA": "1", "RU": "7", "KZ": "7", "GB": "44", "DE": "49", "FR": "33",
         "TR": "90", "IN": "91", "ID": "62", "PH": "63", "VN": "84", "BR": "55", "UA": "380",
         "PL": "48", "NL": "31", "ES": "34", "IT": "39", "MX": "52", "NG": "234"}
