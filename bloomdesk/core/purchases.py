"""Purchases: journal first, then buy; whatever happens after the provider answered,
the activation it gave is kept.

- the order is journaled PENDING (durably) before the request leaves, leased to this
  process: other processes on the journal leave it alone while we live;
- a refusal is FAILED (nothing charged); a request that surely never reached the
  provider is FAILED too; no answer, an odd one or a server's error status is UNKNOWN
  (maybe bought: it is reconciled, never bought twice); an answer is the order,
  journaled at once, and kept in memory if the journal cannot take it (it is written
  when it can); an order that reconciliation gave that activation meanwhile (a guess
  from the provider's list) gives it up and is lost again, reconciled anew;
- the free-cancel deadlines run from when the request was sent: a buy that waited for
  rate-budget room (a Retry-After pause) does not arrive already near its deadline.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import replace
from decimal import Decimal
from functools import partial

from ..domain import Activation, Order, OrderState, Reason
from ..i18n import QT_TRANSLATE_NOOP
from ..providers import Provider
from ..providers.errors import ProtocolError, ProviderError, Unavailable
from ..providers.http import SENT_AT
from ..store import StoreError
from . import transitions
from .accounts import Accounts
from .book import OrderBook
from .errors import LocalError, NothingToDo
from .events import ErrorKind, ErrorRaised
from .kin import kin
from .sessions import Sessions
from .settings import DeskSettings

log = logging.getLogger(__name__)


class Purchases:
    def __init__(self, accounts: Accounts, sessions: Sessions, book: OrderBook,
                 settings: DeskSettings, clock: Callable[[], float],
                 after: Callable[[str], None]) -> None:
        self.accounts = accounts
        self.sessions = sessions
        self.book = book
        self.settings = settings
        self.clock = clock
        self.after = after  # wake the account's poller, refresh its balance
        self.buying: set[int] = set()  # orders whose buy request runs in this process

    async def buy(self, label: str, service: str, country: str | None = None,
                  max_price: Decimal | None = None, price: Decimal | None = None,
                  operator: str | None = None) -> Order:
        """Buy a number.  `price` is the offer's price as shown, kept where the provider
        does not repeat it; `max_price` is sent as the cap where the provider takes one;
        `operator` where the provider offers a choice (None or "any": its own)."""
        return await self._purchase(
            label, service, country, price, max_price,
            lambda p: p.buy(service, country, max_price, operator=operator), "bought")

    async def rerent(self, order_id: int) -> Order:
        old = self.book.order(order_id)
        self.sessions.provider(old.account).require("rerent")
        if not old.code or old.provider_id is None:
            raise NothingToDo(QT_TRANSLATE_NOOP(
                "blockers", "Only a number that received a code can be rented again."))
        pid = old.provider_id
        new = await self._purchase(old.account, old.service, old.country, old.price, None,
                                   lambda p: p.rerent(pid), f"re-rented from order {old.id}")
        self.book.change(old.id, lambda o: transitions.completed(o, Reason.RERENTED),
                         "re-rented", f"as order {new.id}")
        return new

    async def _purchase(self, label: str, service: str, country: str | None,
                        price: Decimal | None, max_price: Decimal | None,
                        send: Callable[[Provider], Awaitable[Activation]], what: str) -> Order:
        account = self.accounts.get(label)
        profile = self.accounts.profile(label)
        self.sessions.provider(label)  # a missing key fails here, before anything is kept
        now = self.clock()
        try:
            order = self.book.add(Order(
                id=0, account=label, service=service, country=country,
                state=OrderState.PENDING, created_at=now, price=price, max_price=max_price,
                auto_cancel=self.settings.auto_cancel and profile.auto_cancel_default,
                free_cancel_until=now + profile.charge_silent_after
                if profile.charge_silent_after else None,
                cancel_not_before=now + profile.cancel_not_before
                if profile.cancel_not_before else None,
                account_uid=account.uid, reason=Reason.BUYING,
                lease_until=now + self.settings.lease, owner=self.book.store.owners.token))
        except StoreError as exc:
            raise type(exc)(f"{exc} The order was not sent, so it was not bought.") from None
        self.buying.add(order.id)
        sent: list[float] = []  # when each request left, after waiting for room
        queued, token = time.time(), SENT_AT.set(sent)
        try:
            act = await self.sessions.call(label, send)
        except ProviderError as exc:
            exc.order_id = order.id
            if isinstance(exc, Unavailable | ProtocolError):
                self._unanswered(label, order.id, exc)
                raise
            self.book.change(order.id, partial(
                transitions.buy_failed, maybe_sent=False, reason=Reason.BUY_REFUSED,
                message=exc.message), "failed", exc.token)
            self._tell(label, exc, order.id)
            raise
        finally:
            SENT_AT.reset(token)
            self.buying.discard(order.id)
        return self._bought(order, act, what, sent[-1] - queued if sent else 0.0)

    def _unanswered(self, label: str, order_id: int, exc: Unavailable | ProtocolError) -> None:
        """No activation came back.  Only a request that surely never reached the
        provider is "nothing charged": an odd answer, a timeout, or any HTTP status from
        the server's side (a 5xx, a gateway's 504 while the provider went on) may have
        bought, so the order is UNKNOWN and checked with the provider, never bought
        again."""
        maybe = isinstance(exc, ProtocolError) or exc.maybe_sent or \
            (exc.http_status or 0) >= 500
        message = exc.message
        self.book.change(order_id, partial(
            transitions.buy_failed, maybe_sent=maybe, message=message,
            reason=Reason.BUY_UNANSWERED if maybe else Reason.NOT_SENT),
            "unknown" if maybe else "failed", message)
        self._tell(label, exc, order_id)
        if maybe:
            self.after(label)  # reconcile soon

    def _bought(self, order: Order, act: Activation, what: str, waited: float) -> Order:
        lifetime = self.accounts.profile(order.account).activation_lifetime
        now = self.clock()

        def record(order_id: int) -> Order | None:
            return self.book.change(
                order_id, lambda o: transitions.bought(o, act, now, lifetime, waited),
                "bought", what)

        done = record(order.id)
        if done is None and self.book.order(order.id).provider_id != act.id \
                and self._take_back(order, act.id):
            done = record(order.id)  # the guess gave way: this order takes its activation
        if done is None:
            current = self.book.order(order.id)
            if current.provider_id == act.id:
                done = current
            else:  # the row went to another activation: never lose this one
                log.error("Order %s holds %s; journaling %s as an order of its own",
                          order.id, current.provider_id, act.id)
                fresh = replace(order, id=0, state=OrderState.PENDING, version=0)
                added = self.book.add(fresh)
                done = record(added.id) or added
        if done.provider_id == act.id:
            self._take_back(done, act.id)
        self.book.tell_unsaved(done, order.account)
        self.after(order.account)
        return done

    def _take_back(self, order: Order, act_id: str) -> bool:
        """A buy's answer says whose the activation is: an order that reconciliation
        (here or in another process) gave it meanwhile, guessing from the provider's
        list, gives it up and is lost again, to be reconciled anew.  True when one did."""
        try:
            uids = {a.uid for a in kin(self.accounts, self.sessions.key_digest, order.account)}
        except LocalError:  # the account is gone meanwhile, say: its own orders still
            uids = {order.account_uid}
        try:
            rows = {o.id: o for o in self.book.store.open_orders()}
            rows.update((o.id, o) for o in self.book.open_orders() if self.book.unsaved(o.id))
            guessed = [o for o in rows.values() if o.provider_id == act_id
                       and o.id != order.id and o.account_uid in uids
                       and (o.reason is Reason.RECOVERED or ("reconciled", "adopted") in
                            {(e[1], e[2]) for e in self.book.store.events(o.id)})]
        except StoreError as exc:
            log.warning("Whether another order holds %s is not known: %s", act_id, exc)
            return False
        released = False
        for other in guessed:
            log.warning("Order %s held %s by reconciliation; it is order %s's, so order %s "
                        "is lost again", other.id, act_id, order.id, other.id)
            released |= self.book.change(
                other.id, partial(transitions.released, act_id=act_id), "released",
                f"its activation is order {order.id}'s") is not None
        return released

    def _tell(self, label: str, exc: ProviderError, order_id: int) -> None:
        self.book.bus.publish(ErrorRaised(label, exc.message, order_id, ErrorKind.BUY))
