"""The Desk: the one face of the engine that the window and the CLI use.

A thin facade over small parts, each a file of one job: ``accounts`` (who they are,
one check), ``sessions`` (connections, shared rate budgets, a typed call), ``book``
(open orders, journaled by compare-and-set, events), ``transitions`` (pure),
``purchases``, ``routes``, ``actions``, ``balances``, ``reconcile``, ``statistics``,
``push`` and the ``fleet`` of pollers, one per account, kept in step with other
processes on the same journal.  The Desk builds, starts and stops them.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Coroutine
from decimal import Decimal
from functools import partial

import httpx

from ..domain import AccountInfo, Country, Offer, Order, OrderState, Reason
from ..pricelist import PriceList
from ..providers import PROFILES
from ..providers.errors import ProviderError
from ..providers.profiles import Capability
from ..secrets import KeyStore
from ..store import Store
from .accounts import Accounts
from .actions import Actions
from .balances import Balances
from .book import OrderBook
from .crew import Crew
from .errors import LocalError, OpenOrders
from .events import EventBus
from .fleet import Fleet
from .purchases import Purchases
from .push import PushedCode, PushIntake, PushOutcome
from .pushing import Webhooks
from .reconcile import Reconciler
from .routes import DEFAULT_ATTEMPTS, Attempt, Route, buy_down
from .sessions import Sessions, warm_up
from .settings import DeskSettings
from .statistics import RouteStats, summarize
from .webhook import WebhookReceiver

__all__ = ["Desk", "DeskSettings"]


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
        self._background: set[asyncio.Task[None]] = set()
        self.registry = Accounts(store, keys)
        self.sessions = Sessions(self.registry, keys, self.settings, transport)
        self.book = OrderBook(store, self.bus)
        # reading orders is the book's: open ones, one open, one (any), the newest N
        self.open_orders, self.open_order = self.book.open_orders, self.book.open_order
        self.order, self.history = self.book.order, self.book.history
        self.purchases = Purchases(self.registry, self.sessions, self.book, self.settings,
                                   clock, self._money_moved)
        self.actions = Actions(self.book, self.sessions, self.registry, clock,
                               self.purchases.buying.__contains__, self._order_acted)
        # why an action is not possible now, and the ones that need no provider
        self.blockers, self.dismiss = self.actions.blockers, self.actions.dismiss
        self.set_auto_cancel, self.wait_for_code = (self.actions.set_auto_cancel,
                                                    self.book.wait_for_code)
        self.balance_book = Balances(self.registry, self.sessions, self.bus, clock,
                                     self._later)
        self.reconciler = Reconciler(self.book, self.sessions, self.registry, clock,
                                     self.purchases.buying.__contains__)
        self.webhooks = Webhooks(PushIntake(self.book, self.registry, clock), self.registry,
                                 self._replan)
        self.fleet = Fleet(self.book, self.registry, self.sessions, self._crew,
                           self.balance_book.refresh_soon, self._later)

    # ------------------------------------------------------------------ accounts
    def accounts(self) -> list[AccountInfo]:
        return self.registry.all()

    def account(self, label: str) -> AccountInfo:
        return self.registry.get(label)

    def key_notice(self) -> str | None:
        """The no-keyring notice, unless every account's key comes from the
        environment (then nothing is lost at a restart, and nothing needs saying)."""
        notice = self.keys.notice
        labels = [a.label for a in self.accounts()]
        if notice and labels and all(self.keys.source(x) == "environment" for x in labels):
            return None
        return notice

    def add_account(self, kind: str, label: str, key: str | None,
                    base_url: str | None = None, preset: str | None = None) -> bool:
        """Add an account (of a preset: its kind and address unless given); True when
        its key went to the keyring (False: session only)."""
        _, stored = self.registry.add(kind, label, key, base_url, preset)
        self.fleet.ours()
        self.fleet.add(label)
        return stored

    def update_account(self, label: str, *, key: str | None = None,
                       base_url: str | None = None) -> None:
        self.registry.update(label, key=key, base_url=base_url)
        self.fleet.ours()
        self.sessions.forget(label)

    async def remove_account(self, label: str) -> None:
        self.registry.get(label)
        live = [o for o in self.book.open_orders() if o.account == label]
        if live:
            raise OpenOrders.of(label, len(live))
        self.registry.remove(label)  # OpenOrders when another process holds some
        self.fleet.ours()
        await self.fleet.remove(label)
        self.sessions.forget(label)

    async def test_connection(self, kind: str, key: str | None, base_url: str | None = None,
                              label: str | None = None) -> Decimal:
        """Ask a provider for the balance with the details as entered (nothing saved)."""
        return await self.sessions.test(kind, key, base_url, label)

    # ------------------------------------------------------------------ lifecycle
    def _later(self, coro: Coroutine[object, object, None]) -> None:
        """Run in the background; stop() cancels it."""
        task = asyncio.ensure_future(coro)
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    async def start(self) -> None:
        """Resume every open order and start polling every account."""
        if self.fleet.running:
            return  # once: `buy --wait` starts for the buy, then again for the wait
        # The first client of a run imports httpx's transport and loads the CA bundle:
        # ~130 ms that would stall the window at its first poll. Done aside instead.
        await asyncio.to_thread(warm_up)
        self.fleet.start()

    def _crew(self) -> Crew:
        return Crew(self.book, self.sessions, self.reconciler, self.settings, self.clock,
                    self.push_covers, partial(self.actions.cancel,
                                              reason=Reason.AUTO_CANCELLED, urgent=True))

    async def stop(self) -> None:
        await self.stop_webhook()
        await self.fleet.stop()
        for task in list(self._background):
            task.cancel()
        await asyncio.gather(*self._background, return_exceptions=True)
        self.book.flush()  # a last chance for what the journal could not take
        await self.sessions.aclose()

    def set_poll_speed(self, speed: float) -> None:
        """Poll faster (>1) or slower (<1), from now on; the rate budget still rules."""
        old, self.settings.poll_speed = self.settings.poll_speed, speed
        if old != speed:
            for poller in self.fleet.pollers.values():
                poller.rescale(max(0.1, old) / max(0.1, speed))

    def wake(self, label: str) -> None:
        self.fleet.wake(label)

    def _money_moved(self, label: str) -> None:
        self.wake(label)
        self.balance_book.refresh_soon(label)

    def _order_acted(self, order: Order) -> None:
        self.wake(order.account)
        if order.state is OrderState.CANCELLED:
            self.balance_book.refresh_soon(order.account)

    # ------------------------------------------------------------------ webhooks
    @property
    def receiver(self) -> WebhookReceiver | None:
        return self.webhooks.receiver

    async def start_webhook(self, host: str, port: int, token: str) -> WebhookReceiver:
        return await self.webhooks.start(host, port, token)

    async def stop_webhook(self) -> None:
        await self.webhooks.stop()

    def push_covers(self, label: str) -> bool:
        return self.webhooks.covers(label)

    def pushed(self, push: PushedCode) -> PushOutcome:
        return self.webhooks.deliver(push)

    def _replan(self, which: Callable[[str], bool]) -> None:
        for label, poller in self.fleet.pollers.items():
            if which(label):
                poller.replan()

    # ------------------------------------------------------------------ orders
    async def reconcile_now(self, labels: list[str] | None = None) -> None:
        """Settle every lost buy now (one list call per account that has one)."""
        await self.reconciler.now(labels)

    async def offers(self, label: str, service: str | None = None,
                     country: str | None = None) -> list[Offer]:
        return await self.sessions.call(
            label, lambda p: p.offers(country=country, service=service))

    async def price_list(self, label: str, service: str | None = None,
                         country: str | None = None) -> PriceList:
        """Offers as the price table's columns (no object per offer, unlike offers())."""
        return await self.sessions.call(label, lambda p: p.price_rows(country, service))

    async def countries(self, label: str, language: str = "eng") -> list[Country]:
        """Names in `language` ("eng", "rus" or "chn") where the provider gives them."""
        return await self.sessions.call(label, lambda p: p.countries(language), user=False)

    async def buy(self, label: str, service: str, country: str | None = None,
                  max_price: Decimal | None = None, price: Decimal | None = None,
                  operator: str | None = None) -> Order:
        return await self.purchases.buy(label, service, country, max_price, price, operator)

    def capabilities(self, label: str) -> frozenset[str]:
        """What the account's provider offers, as known now (probed actions included)."""
        return self.sessions.provider(label).capabilities

    async def operators(self, label: str, country: str) -> list[str]:
        """The operators a buy in `country` may choose ([]: the provider's choice, or
        a provider that offers none)."""
        if Capability.OPERATORS not in self.capabilities(label):
            return []
        return await self.sessions.call(label, lambda p: p.operators(country))

    async def buy_best(self, routes: list[Route], attempts: int = DEFAULT_ATTEMPTS,
                       told: Callable[[Attempt], None] = lambda a: None,
                       ) -> tuple[Order | None, list[Attempt]]:
        """Buy down `routes` (routes.ranked): the first with a number, never two."""
        async def buy(route: Route) -> Order:
            cap = route.price if self.registry.profile(route.account).takes_max_price \
                else None
            return await self.purchases.buy(route.account, route.service, route.country,
                                            cap, price=route.price)

        return await buy_down(routes, attempts, buy, told)

    def stats(self, account: str | None = None,
              service: str | None = None) -> list[RouteStats]:
        """The user's own delivery record per (account, service, country)."""
        kinds = {a.label: a.kind for a in self.accounts()}
        return summarize(self.store.bought(account, service), lambda label: bool(
            label in kinds and PROFILES[kinds[label]].charge_silent_after))

    async def rerent(self, order_id: int) -> Order:
        return await self.purchases.rerent(order_id)

    async def cancel(self, order_id: int) -> Order:
        return await self.actions.cancel(order_id)

    async def complete(self, order_id: int) -> Order:
        return await self.actions.complete(order_id)

    async def request_another_sms(self, order_id: int) -> Order:
        return await self.actions.request_another_sms(order_id)

    # ------------------------------------------------------------------ balances
    @property
    def balances(self) -> dict[str, tuple[Decimal, float]]:
        return self.balance_book.values

    async def balance(self, label: str, user: bool = True) -> Decimal:
        return await self.balance_book.read(label, user)

    async def refresh_balances(self) -> dict[str, Decimal | ProviderError | LocalError]:
        return await self.balance_book.refresh_all()
