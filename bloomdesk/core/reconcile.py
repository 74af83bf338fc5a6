"""Orders whose buy never answered: found in the provider's list, or settled.

A lost order (UNKNOWN, or PENDING with no live process buying it) is matched against
the provider's list of active orders: an activation no order of ours claims, of the
same service (and country where both are known), is adopted; none means the buy
never went through (nothing charged).  Without a list the order stays UNKNOWN for
the user to check.  Nothing is ever bought again.  Never while a buy runs on that
account, here or in another live process: its fresh activation may already be
listed and must not be mistaken for the lost one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial

from ..domain import Activation, Order, OrderState
from ..providers.errors import ProviderError, Rejected
from ..providers.profiles import ACTIVE_LIST
from . import transitions
from .accounts import Accounts
from .book import OrderBook
from .errors import LocalError
from .events import ErrorKind, ErrorRaised
from .sessions import Sessions

log = logging.getLogger(__name__)
CLAIMS_SPAN = 86_400.0  # finished orders younger than this still claim their provider id


def match(lost: list[Order], listed: list[Activation],
          claimed: set[str]) -> list[tuple[Order, Activation | None]]:
    """Pair each lost order (oldest first) with an unclaimed listed activation of its
    service, and its country where both name one; each activation at most once."""
    taken = set(claimed)
    pairs: list[tuple[Order, Activation | None]] = []
    for order in sorted(lost, key=lambda o: o.id):
        found = next((a for a in listed if a.id not in taken
                      and a.service in (None, order.service)
                      and (a.country is None or order.country is None
                           or a.country == order.country)), None)
        if found is not None:
            taken.add(found.id)
        pairs.append((order, found))
    return pairs


class Reconciler:
    def __init__(self, book: OrderBook, sessions: Sessions, accounts: Accounts,
                 clock: Callable[[], float], buying: Callable[[int], bool]) -> None:
        self.book = book
        self.sessions = sessions
        self.accounts = accounts
        self.clock = clock
        self.buying = buying

    def _being_bought(self, order: Order, now: float) -> bool:
        """Whether a buy of this order may be running: here (our buying set says, for
        our own orders), or in another process that still lives, however long its buy
        waits for rate-budget room (minutes, past any lease); where that process's
        life cannot be told, until its lease ends."""
        if self.buying(order.id):
            return True
        if order.state is not OrderState.PENDING:
            return False
        owners = self.book.store.owners
        if order.owner == owners.token:
            return False  # ours, and its buy no longer runs
        alive = owners.alive(order.owner)
        if alive is None:
            return order.lease_until is not None and now < order.lease_until
        return alive


    def lost(self, label: str) -> list[Order]:
        """The account's orders to reconcile now; none while one of its buys runs."""
        now = self.clock()
        mine = [o for o in self.book.open_orders() if o.account == label
                and o.provider_id is None
                and o.state in (OrderState.UNKNOWN, OrderState.PENDING)]
        if any(self._being_bought(o, now) for o in mine):
            return []
        return mine

    async def run(self, label: str, orders: list[Order]) -> None:
        """Reconcile the account's lost orders, then adopt what it holds that no order
        of ours does (one list call for both, where the provider can list)."""
        try:
            provider = self.sessions.provider(label)
            listed = None
            if ACTIVE_LIST in provider.capabilities:
                try:
                    listed = await self.sessions.call(label, lambda p: p.active_activations(),
                                                      user=False)
                except Rejected:
                    if ACTIVE_LIST in provider.capabilities:
                        raise  # a refusal of another kind
            if listed is None:  # no list (or the server just said it has none)
                self.book.change_many([(o.id, transitions.cannot_reconcile) for o in orders],
                                      "unknown", "no list to reconcile with")
                return
            now = self.clock()
            account = self.accounts.get(label)
            lifetime = self.accounts.profile(label).activation_lifetime
            claimed = self.book.store.claimed_ids(account.uid, now - CLAIMS_SPAN)
            for order, act in match(orders, listed, claimed):
                if act is None:
                    self.book.change(order.id, transitions.not_at_provider, "reconciled",
                                     "not found")
                else:
                    self.book.change(order.id, partial(transitions.adopted, act=act, now=now,
                                                       lifetime=lifetime),
                                     "reconciled", "adopted")
            self.adopt_outside(label, listed)
        except ProviderError as exc:
            log.info("Reconciling %s: %s", label, exc)
            self.book.bus.publish(ErrorRaised(label, exc.message, kind=ErrorKind.POLL))

    def adopt_outside(self, label: str, listed: list[Activation]) -> list[Order]:
        """Orders the provider lists that no order of ours holds were bought elsewhere
        (the provider's website): adopted, once no lost buy of ours could be one of
        them and no buy of ours is running on the account."""
        now = self.clock()
        mine = [o for o in self.book.open_orders() if o.account == label]
        if any(o.provider_id is None for o in mine):
            return []  # lost or running buys first: one of these may be theirs
        account = self.accounts.get(label)
        claimed = self.book.store.claimed_ids(account.uid, now - CLAIMS_SPAN)
        lifetime = self.accounts.profile(label).activation_lifetime
        adopted = []
        for act in listed:
            if act.id not in claimed:
                order = self.book.adopt(transitions.outside(act, label, account.uid, now,
                                                            lifetime))
                if order is not None:
                    log.info("Adopted order %s of %s, bought outside BloomDesk", act.id, label)
                    adopted.append(order)
        return adopted

    async def now(self, labels: list[str] | None = None) -> None:
        """One pass over every account with lost orders (the CLI does this before it
        prints orders, so what it prints is true)."""
        for account in self.accounts.all():
            if labels is not None and account.label not in labels:
                continue
            try:
                lost = self.lost(account.label)
                if lost or ACTIVE_LIST in self.sessions.provider(account.label).capabilities:
                    await self.run(account.label, lost)
            except LocalError as exc:  # no key for it, say: the others still count
                self.book.bus.publish(ErrorRaised(account.label, exc.message,
                                                  kind=ErrorKind.ACCOUNT))
