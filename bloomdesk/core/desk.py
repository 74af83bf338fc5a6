"""The Desk: accounts, the order book and every action on an order.

Rules that protect money, enforced here:
- an order is journaled before its buy request leaves, and saved with every answer;
- a buy whose answer never came is UNKNOWN, reconciled with the provider's list of
  active orders where one exists, otherwise left for the user: never bought again;
- every request of an account goes through that account's rate budget.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from http import HTTPStatus

import httpx

from ..domain import AccountInfo, Activation, Country, Offer, Order, OrderState
from ..providers import PROFILES, Provider, connect
from ..providers.errors import ProtocolError, ProviderError, Unavailable
from ..redact import register_secret
from ..secrets import KeyStore
from ..store import Store
from .errors import InvalidInput, NoSuchAccount, NoSuchOrder, NothingToDo, OpenOrders
from .events import (
    BalanceChanged,
    CodeReceived,
    ErrorKind,
    ErrorRaised,
    EventBus,
    OrderAdded,
    OrderChanged,
)
from .poller import Poller
from .ratelimit import RateBudget
from .webhook import PushedCode, Refused, WebhookReceiver

log = logging.getLogger(__name__)


@dataclass
class DeskSettings:
    auto_cancel: bool = True  # where silence costs money; per order it can be turned off
    auto_cancel_margin: float = 20.0  # seconds before the free-cancel deadline
    poll_speed: float = 1.0  # >1 polls faster, <1 slower (within the rate budget)
    fast_interval: float = 3.0  # orders younger than a minute: codes come in seconds
    medium_interval: float = 8.0  # younger than five minutes
    slow_interval: float = 20.0
    balance_interval: float = 120.0
    timeout: float = 20.0
    # while a webhook receiver covers an account, waiting orders are polled this
    # rarely, until they have waited `push_grace` s (codes usually come well before)
    push_safety_interval: float = 60.0
    push_grace: float = 90.0


def check_kind(kind: str, base_url: str | None) -> None:
    """An account of `kind` can exist: a known provider, and its address where needed."""
    profile = PROFILES.get(kind)
    if profile is None:
        raise InvalidInput(f"Unknown provider kind {kind!r}.", token="UNKNOWN_KIND")
    if profile.needs_base_url and not base_url:
        raise InvalidInput(f"{profile.title} needs its base URL.", token="NO_BASE_URL")


def warm_up() -> None:
    """What the first request of a run would otherwise load on the event loop."""
    import importlib

    from ..providers.http import tls_context

    # httpx imports httpcore with its first client, httpcore anyio's asyncio backend
    # with its first request: ~60 ms each of module code
    for name in ("httpcore", "anyio", "anyio._backends._asyncio"):
        try:
            importlib.import_module(name)
        except ImportError:  # another version lays them out otherwise: no harm done
            pass
    tls_context()


class Desk:
    def __init__(self, store: Store, keys: KeyStore, *, settings: DeskSettings | None = None,
                 clock: Callable[[], float] = time.time,
                 transport: httpx.AsyncBaseTransport | None = None) -> None:
        self.store = store
        self.keys = keys
        self.settings = settings or DeskSettings()
        self.clock = clock
        self.bus = EventBus()
        self.subscribe = self.bus.subscribe
        self._transport = transport
        self._providers: dict[str, Provider] = {}
        self._budgets: dict[str, RateBudget] = {}
        self._pollers: dict[str, Poller] = {}
        self._open: dict[int, Order] = {o.id: o for o in store.open_orders()}
        self.balances: dict[str, tuple[Decimal, float]] = {}
        self.buying: set[int] = set()  # orders whose buy request is running in this process
        self._background: set[asyncio.Task[None]] = set()
        self._refreshing: set[str] = set()
        self._started = False
        self.receiver: WebhookReceiver | None = None
        self._accounts: dict[str, AccountInfo] | None = None

    # ------------------------------------------------------------------ accounts
    def accounts(self) -> list[AccountInfo]:
        """Every account, from memory: the journal is read once and after each change
        made here (the pollers ask for an account on every step)."""
        if self._accounts is None:
            self._accounts = {a.label: a for a in self.store.accounts()}
        return list(self._accounts.values())

    def account(self, label: str) -> AccountInfo:
        if self._accounts is None:
            self.accounts()
        assert self._accounts is not None
        account = self._accounts.get(label)
        if account is None:
            raise NoSuchAccount(f"There is no account named {label!r}.")
        return account

    def add_account(self, kind: str, label: str, key: str | None,
                    base_url: str | None = None) -> bool:
        """Add an account; True when its key went to the keyring (False: session only)."""
        check_kind(kind, base_url)
        if not label.strip():
            raise InvalidInput("An account needs a name.", token="NO_LABEL")
        self.store.add_account(AccountInfo(label, kind, base_url))
        self._accounts = None
        stored = self.keys.set(label, key) if key else self.keys.keyring_ok
        if self._started:
            self._start_poller(label)
        return stored

    def update_account(self, label: str, *, key: str | None = None,
                       base_url: str | None = None) -> None:
        account = self.account(label)
        if base_url is not None:
            self.store.update_account(AccountInfo(label, account.kind, base_url or None))
            self._accounts = None
        if key:
            self.keys.set(label, key)
        self._forget_provider(label)

    async def remove_account(self, label: str) -> None:
        self.account(label)
        live = [o for o in self._open.values() if o.account == label]
        if live:
            raise OpenOrders(f"{label} still has {len(live)} open order(s): finish or cancel "
                             "them first.")
        poller = self._pollers.pop(label, None)
        if poller:
            await poller.stop()
        provider = self._providers.pop(label, None)
        if provider:
            await provider.aclose()
        self.store.remove_account(label)
        self._accounts = None
        self.keys.delete(label)

    async def test_connection(self, kind: str, key: str | None, base_url: str | None = None,
                              label: str | None = None) -> Decimal:
        """Ask a provider for the balance with the details as entered (nothing saved).
        Without a key, the saved key of account `label` is used."""
        check_kind(kind, base_url)
        key = (key or "").strip() or (self.keys.get(label) if label else None)
        if not key:
            raise InvalidInput("Enter the API key first.", token="NO_KEY")
        register_secret(key)
        if label is not None:  # an existing account: stay inside its rate budget
            await self.budget(label).acquire(user=True)
        async with connect(kind, api_key=key, base_url=base_url or None,
                           timeout=self.settings.timeout, transport=self._transport) as probe:
            return await probe.balance()

    def provider(self, label: str) -> Provider:
        provider = self._providers.get(label)
        if provider is None:
            account = self.account(label)
            key = self.keys.get(label)
            if not key:
                raise InvalidInput(f"No API key is known for {label}: enter it in the account "
                                   "settings.", token="NO_KEY")
            provider = connect(account.kind, api_key=key, base_url=account.base_url,
                               timeout=self.settings.timeout, transport=self._transport)
            self._providers[label] = provider
        return provider

    def _later(self, coro: Coroutine[object, object, None]) -> None:
        """Run in the background; stop() cancels it."""
        task = asyncio.ensure_future(coro)
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    def _forget_provider(self, label: str) -> None:
        provider = self._providers.pop(label, None)
        if provider is not None:
            self._later(provider.aclose())

    def budget(self, label: str) -> RateBudget:
        budget = self._budgets.get(label)
        if budget is None:
            profile = PROFILES[self.account(label).kind]
            budget = self._budgets[label] = RateBudget(profile.requests_per_minute)
        return budget

    async def call(self, label: str, fn: Callable[[Provider], Awaitable[object]],
                   user: bool = True) -> object:
        """One request of an account, within its budget, with pacing on refusals."""
        budget = self.budget(label)
        await budget.acquire(user=user)
        try:
            return await fn(self.provider(label))
        except ProviderError as exc:
            retry_after = getattr(exc, "retry_after", None)
            if exc.token in ("RATE_LIMITED", "RATE_LIMIT") or exc.http_status == 429:
                budget.pause(retry_after if retry_after is not None else 10.0)
            raise

    # ------------------------------------------------------------------ lifecycle
    async def start(self) -> None:
        """Resume every open order and start polling every account."""
        # The first client of a run imports httpx's transport and loads the CA bundle:
        # ~130 ms that would stall the window at its first poll. Done aside instead.
        await asyncio.to_thread(warm_up)
        self._started = True
        for account in self.accounts():
            self._start_poller(account.label)

    def _start_poller(self, label: str) -> None:
        if label not in self._pollers:
            poller = Poller(self, label)
            self._pollers[label] = poller
            poller.start()

    async def stop(self) -> None:
        self._started = False
        await self.stop_webhook()
        for poller in list(self._pollers.values()):
            await poller.stop()
        self._pollers.clear()
        for task in list(self._background):
            task.cancel()
        await asyncio.gather(*self._background, return_exceptions=True)
        for provider in list(self._providers.values()):
            await provider.aclose()
        self._providers.clear()

    def set_poll_speed(self, speed: float) -> None:
        """Poll faster (>1) or slower (<1), from now on; the rate budget still rules."""
        old, self.settings.poll_speed = self.settings.poll_speed, speed
        if old != speed:
            for poller in self._pollers.values():
                poller.rescale(max(0.1, old) / max(0.1, speed))

    def wake(self, label: str) -> None:
        poller = self._pollers.get(label)
        if poller is not None:
            poller.wake()

    # ------------------------------------------------------------------ webhooks
    async def start_webhook(self, host: str, port: int, token: str) -> WebhookReceiver:
        """Receive BloomSMS sms.received events (replacing a running receiver); raises
        OSError with a plain message when it cannot listen."""
        await self.stop_webhook()
        receiver = WebhookReceiver(self.pushed, host, port, token)
        await receiver.start()
        self.receiver = receiver
        for label, poller in self._pollers.items():
            if self.push_covers(label):
                poller.replan()  # waiting orders rest from now on
        return receiver

    async def stop_webhook(self) -> None:
        receiver, self.receiver = self.receiver, None
        if receiver is not None:
            await receiver.stop()
            for poller in self._pollers.values():
                poller.replan()  # back to the normal pace at once

    def push_covers(self, label: str) -> bool:
        """Whether codes of this account arrive by webhook (spec 001: BloomSMS v1)."""
        receiver = self.receiver
        return receiver is not None and receiver.running and \
            self.account(label).kind == "bloomsms"

    def pushed(self, push: PushedCode) -> str:
        """A code pushed by the provider: journaled once, for an open order only."""
        kinds = {a.label: a.kind for a in self.accounts()}
        order = next((o for o in self._open.values() if o.provider_id == push.activation_id
                      and kinds.get(o.account) == "bloomsms"), None)
        if order is None:
            raise Refused(HTTPStatus.NOT_FOUND, "an event for no open order")
        if push.phone and order.phone and \
                push.phone.lstrip("+") != order.phone.lstrip("+"):
            raise Refused(HTTPStatus.BAD_REQUEST, "the phone number does not match")
        if order.code == push.code or not order.state.is_live:
            return "duplicate"
        self.save(order.but(state=OrderState.RECEIVED, code=push.code,
                            text=push.text or order.text, code_at=self.clock()),
                  "code (webhook)")
        return "accepted"

    # ------------------------------------------------------------------ orders
    def open_orders(self) -> list[Order]:
        return sorted(self._open.values(), key=lambda o: o.id)

    def open_order(self, order_id: int) -> Order | None:
        """The order as it stands, while it is open (None once it is final)."""
        return self._open.get(order_id)

    def order(self, order_id: int) -> Order:
        order = self._open.get(order_id) or self.store.get(order_id)
        if order is None:
            raise NoSuchOrder(f"There is no order {order_id}.")
        return order

    def history(self, limit: int = 1000) -> list[Order]:
        return self.store.orders(limit)

    def save(self, order: Order, event: str | None = None, detail: str | None = None) -> Order:
        """Journal an order's new state and tell every listener."""
        return self.save_many([order], event, detail)[0]

    def save_many(self, orders: list[Order], event: str | None = None,
                  detail: str | None = None) -> list[Order]:
        """Journal several orders in one transaction, then tell every listener."""
        previous = [self._open.get(o.id) for o in orders]
        saved = self.store.save_many([(o, event or o.state.value, detail) for o in orders])
        for order, before in zip(saved, previous, strict=True):
            if order.state.is_final:
                self._open.pop(order.id, None)
            else:
                self._open[order.id] = order
            self.bus.publish(OrderChanged(order))
            if order.code and (before is None or before.code != order.code):
                self.bus.publish(CodeReceived(order))
        return saved

    def merge(self, order: Order, act: Activation) -> Order:
        """An order updated with what the provider just said of it."""
        now = self.clock()
        state = OrderState.of(act.status)
        code = act.code or order.code
        expires = act.expires_at.timestamp() if isinstance(act.expires_at, datetime) \
            else order.expires_at
        note = order.note
        if state is OrderState.CANCELLED and order.state is not OrderState.CANCELLED \
                and expires is not None and now >= expires - 5:
            state, note = OrderState.EXPIRED, "Expired at the provider."
        changed = order.but(
            state=state, code=code, text=act.text or order.text,
            phone=act.phone or order.phone, price=act.price or order.price,
            expires_at=expires, provider_id=order.provider_id or act.id,
            code_at=now if act.code and act.code != order.code else order.code_at,
            note=note)
        return changed

    # ------------------------------------------------------------------ buying
    async def offers(self, label: str, service: str | None = None,
                     country: str | None = None) -> list[Offer]:
        result = await self.call(label, lambda p: p.offers(country=country, service=service))
        assert isinstance(result, list)
        return result

    async def countries(self, label: str) -> list[Country]:
        result = await self.call(label, lambda p: p.countries(), user=False)
        assert isinstance(result, list)
        return result

    async def buy(self, label: str, service: str, country: str | None = None,
                  max_price: Decimal | None = None, price: Decimal | None = None) -> Order:
        """Buy a number.  `price` is the offer's price as shown, kept where the provider
        does not repeat it; `max_price` is sent as the cap where the provider takes one."""
        return await self._purchase(
            label, service, country, price, max_price,
            lambda p: p.buy(service, country, max_price), "bought")

    async def rerent(self, order_id: int) -> Order:
        old = self.order(order_id)
        provider = self.provider(old.account)
        provider.require("rerent")
        assert old.provider_id is not None
        pid = old.provider_id
        new = await self._purchase(old.account, old.service, old.country, old.price, None,
                                   lambda p: p.rerent(pid), f"re-rented from order {old.id}")
        if not old.state.is_final:
            self.save(old.but(state=OrderState.COMPLETED, note=f"Re-rented as order {new.id}."))
        return new

    async def _purchase(self, label: str, service: str, country: str | None,
                        price: Decimal | None, max_price: Decimal | None,
                        send: Callable[[Provider], Awaitable[Activation]], what: str) -> Order:
        profile = PROFILES[self.account(label).kind]
        self.provider(label)  # a missing key fails here, before anything is journaled
        now = self.clock()
        order = self.store.new_order(Order(
            id=0, account=label, service=service, country=country, state=OrderState.PENDING,
            created_at=now, price=price, max_price=max_price,
            auto_cancel=self.settings.auto_cancel and profile.auto_cancel_default,
            free_cancel_until=now + profile.charge_silent_after
            if profile.charge_silent_after else None,
            cancel_not_before=now + profile.cancel_not_before
            if profile.cancel_not_before else None,
            note="Buying…", updated_at=now))
        self._open[order.id] = order
        self.bus.publish(OrderAdded(order))
        self.buying.add(order.id)
        try:
            act = await self.call(label, send)
        except (Unavailable, ProtocolError) as exc:
            sent = isinstance(exc, ProtocolError) or exc.maybe_sent
            if sent:
                self.save(order.but(state=OrderState.UNKNOWN,
                                    note=f"The answer to the buy never came ({exc.message}) "
                                    "Checking with the provider; it will not be bought twice."),
                          "unknown", exc.message)
                self.wake(label)
            else:
                self.save(order.but(state=OrderState.FAILED, note=exc.message), "failed",
                          exc.message)
            self.bus.publish(ErrorRaised(label, exc.message, order.id, ErrorKind.BUY))
            raise
        except ProviderError as exc:
            self.save(order.but(state=OrderState.FAILED, note=exc.message), "failed", exc.token)
            self.bus.publish(ErrorRaised(label, exc.message, order.id, ErrorKind.BUY))
            raise
        finally:
            self.buying.discard(order.id)
        assert isinstance(act, Activation)
        merged = self.merge(order, act).but(
            service=act.service or service, country=act.country or country,
            expires_at=act.expires_at.timestamp() if act.expires_at
            else now + profile.activation_lifetime,
            note=None)
        order = self.save(merged, "bought", what)
        self.wake(label)
        self._refresh_soon(label)
        return order

    # ------------------------------------------------------------------ actions
    def _live(self, order_id: int) -> Order:
        order = self.order(order_id)
        if not order.state.is_live or order.provider_id is None:
            raise NothingToDo(f"Order {order_id} is {order.state.value}: nothing to do.",
                              token="NOT_ACTIVE")
        return order

    def cancel_blocker(self, order: Order) -> str | None:
        """Why a cancel cannot be sent now, or None."""
        if not order.state.is_live or order.provider_id is None:
            return f"The order is {order.state.value}."
        if order.code:
            return "A code arrived: the number was used, so it cannot be refunded."
        if order.cancel_not_before and self.clock() < order.cancel_not_before:
            wait = int(order.cancel_not_before - self.clock()) + 1
            return f"The provider accepts a cancel 2 minutes after purchase: wait {wait} s."
        return None

    def blockers(self, order: Order) -> dict[str, str | None]:
        """For each action on an order, why it is not possible now (None: it is)."""
        profile = PROFILES[self.account(order.account).kind]
        caps, title = profile.capabilities, profile.title
        live = order.state.is_live and order.provider_id is not None
        not_live = None if live else f"The order is {order.state.value}."
        another = not_live or (None if order.code else "No code has arrived yet.")
        return {
            "cancel": self.cancel_blocker(order),
            "complete": not_live,
            "request_another_sms": f"{title} does not offer another SMS."
            if "request_another_sms" not in caps else another,
            "rerent": f"{title} does not offer renting the same number again."
            if "rerent" not in caps else (None if order.code and order.provider_id
                                          else "Only a number that received a code can be "
                                          "rented again."),
            "dismiss": None if order.state in (OrderState.UNKNOWN, OrderState.PENDING)
            and order.id not in self.buying else "Only an unknown purchase can be dismissed.",
        }

    async def cancel(self, order_id: int, reason: str = "Cancelled by you.") -> Order:
        order = self._live(order_id)
        blocker = self.cancel_blocker(order)
        if blocker:
            raise NothingToDo(blocker, token="CANCEL_BLOCKED")
        pid = order.provider_id
        assert pid is not None
        await self.call(order.account, lambda p: p.cancel(pid))
        order = self.save(self._open.get(order.id, order).but(
            state=OrderState.CANCELLED, note=reason), "cancelled", reason)
        self._refresh_soon(order.account)
        return order

    async def complete(self, order_id: int) -> Order:
        order = self._live(order_id)
        pid = order.provider_id
        assert pid is not None
        await self.call(order.account, lambda p: p.complete(pid))
        return self.save(self._open.get(order.id, order).but(
            state=OrderState.COMPLETED, note="Completed."), "completed")

    async def request_another_sms(self, order_id: int) -> Order:
        order = self._live(order_id)
        self.provider(order.account).require("request_another_sms")
        pid = order.provider_id
        assert pid is not None
        await self.call(order.account, lambda p: p.request_another_sms(pid))
        order = self.save(self._open.get(order.id, order).but(
            state=OrderState.WAITING_RETRY, note="Another SMS requested.", code_at=None),
            "retry")
        self.wake(order.account)
        return order

    def dismiss(self, order_id: int) -> Order:
        """The user settles an order whose buy never answered."""
        order = self.order(order_id)
        if order.state not in (OrderState.UNKNOWN, OrderState.PENDING):
            raise NothingToDo("Only an order whose purchase is unknown can be dismissed.",
                              token="NOT_UNKNOWN")
        return self.save(order.but(state=OrderState.FAILED, note="Dismissed by you."),
                         "dismissed")

    def set_auto_cancel(self, order_id: int, enabled: bool) -> Order:
        order = self.order(order_id)
        return self.save(order.but(auto_cancel=enabled),
                         "auto-cancel on" if enabled else "auto-cancel off")

    async def wait_for_code(self, order_id: int, timeout: float | None = None) -> Order:
        """Until the order has a code (returned) or ends (returned as it ended)."""
        order = self.order(order_id)
        if order.code and order.state is not OrderState.WAITING_RETRY or order.state.is_final:
            return order
        done: asyncio.Future[Order] = asyncio.get_running_loop().create_future()

        def listen(event: object) -> None:
            if isinstance(event, OrderChanged) and event.order.id == order_id and \
                    not done.done():
                o = event.order
                if (o.code and o.state is not OrderState.WAITING_RETRY) or o.state.is_final:
                    done.set_result(o)

        unsubscribe = self.subscribe(listen)
        try:
            return await asyncio.wait_for(done, timeout)
        finally:
            unsubscribe()

    # ------------------------------------------------------------------ balances
    async def balance(self, label: str, user: bool = True) -> Decimal:
        result = await self.call(label, lambda p: p.balance(), user=user)
        assert isinstance(result, Decimal)
        self.balances[label] = (result, self.clock())
        self.bus.publish(BalanceChanged(label, result, self.clock()))
        return result

    async def refresh_balances(self) -> dict[str, Decimal | ProviderError]:
        labels = [a.label for a in self.accounts()]
        results = await asyncio.gather(*(self.balance(label) for label in labels),
                                       return_exceptions=True)
        out: dict[str, Decimal | ProviderError] = {}
        for label, result in zip(labels, results, strict=True):
            if isinstance(result, ProviderError):
                self.bus.publish(ErrorRaised(label, result.message, kind=ErrorKind.BALANCE))
                out[label] = result
            elif isinstance(result, Decimal):
                out[label] = result
            elif isinstance(result, BaseException):
                raise result
        return out

    def _refresh_soon(self, label: str) -> None:
        """One pending balance refresh per account, however many orders asked for it
        (fifty buys landing together must not queue fifty balance requests)."""
        if label not in self._refreshing:
            self._refreshing.add(label)
            self._later(self._refresh_quietly(label))

    async def _refresh_quietly(self, label: str) -> None:
        try:
            await asyncio.sleep(0.5)  # let a burst of buys or cancels settle first
            self._refreshing.discard(label)
            await self.balance(label, user=False)
        except ProviderError as exc:
            log.info("Balance refresh of %s failed: %s", label, exc)
        finally:
            self._refreshing.discard(label)
