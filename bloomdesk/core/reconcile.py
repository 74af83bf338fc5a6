"""Orders whose buy never answered: found in the provider's list, or settled.

A lost order (UNKNOWN, or PENDING with no live process buying it) is matched against
the provider's list of active orders: an activation no order of ours claims, of the
same service (and country where both are known), is adopted; none means the buy
never went through (nothing charged).  Without a list the order stays UNKNOWN for
the user to check.  Nothing is ever bought again.  Never while a buy runs on that
account, here or in another live process: its fresh activation may already be
listed and must not be mistaken for the lost one.  So the journal is read again
once the list has come back (a buy journals its order before its request leaves):
a buy that began meanwhile puts the round off, an order bought meanwhile is no
longer lost, and an activation any order holds is nobody else's.

Two accounts can be one account at the provider (``kin``): each lists what the other
bought, so their orders count together, for lost buys and for orders bought outside
BloomDesk.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial

from ..domain import Activation, Order, OrderState
from ..providers.errors import ProviderError, Rejected
from ..providers.profiles import ACTIVE_LIST
from ..store import StoreError
from . import transitions
from .accounts import Accounts
from .book import OrderBook
from .errors import LocalError
from .events import ErrorKind, ErrorRaised
from .kin import kin
from .sessions import Sessions

log = logging.getLogger(__name__)
CLAIMS_SPAN = 86_400.0  # finished orders younger than this still claim their provider id
LOST = (OrderState.UNKNOWN, OrderState.PENDING)
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

    def _kin(self, label: str) -> tuple[set[str], set[str]]:
        """The account's kin: their uids and labels."""
        near = kin(self.accounts, self.sessions.key_digest, label)
        return {a.uid for a in near}, {a.label for a in near}

    def lost(self, label: str) -> list[Order]:
        """The account's orders to reconcile now; none while one of its buys (or its
        kin's) runs."""
        now = self.clock()
        _, labels = self._kin(label)
        near = [o for o in self.book.open_orders() if o.account in labels
                and o.provider_id is None and o.state in LOST]
        if any(self._being_bought(o, now) for o in near):
            return []
        return [o for o in near if o.account == label]

    def _fresh(self, uids: set[str], labels: set[str]) -> list[Order]:
        """The open orders of these accounts as they stand now: the journal's (another
        process's buy is there before its request leaves), and ours that the journal
        could not take yet."""
        def near(o: Order) -> bool:
            return o.account_uid in uids if o.account_uid else o.account in labels

        rows = {o.id: o for o in self.book.store.open_orders() if near(o)}
        for o in self.book.open_orders():
            if near(o) and self.book.unsaved(o.id):
                rows[o.id] = o
        return sorted(rows.values(), key=lambda o: o.id)

    def _claimed(self, uids: set[str], fresh: list[Order], now: float) -> set[str]:
        """Every provider id an order of these accounts holds (or held lately)."""
        claimed = {o.provider_id for o in fresh if o.provider_id}
        for uid in uids:
            claimed |= self.book.store.claimed_ids(uid, now - CLAIMS_SPAN)
        return claimed

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
            if orders:
                self._settle(label, orders, listed)
            self.adopt_outside(label, listed)
        except ProviderError as exc:
            log.info("Reconciling %s: %s", label, exc)
            self.book.bus.publish(ErrorRaised(label, exc.message, kind=ErrorKind.POLL))

    def _settle(self, label: str, orders: list[Order], listed: list[Activation]) -> None:
        """Match the lost orders to the list as the journal stands now that it came
        back: not at all while a buy runs on the account or its kin (its activation may
        be listed: the next round decides), only orders still lost, never to an
        activation an order already holds.  Every lost order of the account and its
        kin takes part, older first, but only `orders` are settled here: another's
        pick is kept for it."""
        now = self.clock()
        uids, labels = self._kin(label)
        try:
            fresh = self._fresh(uids, labels)
            if any(self._being_bought(o, now) for o in fresh):
                log.info("Reconciling %s waits: a buy runs on it", label)
                return
            claimed = self._claimed(uids, fresh, now)
        except StoreError as exc:
            log.info("Reconciling %s waits: %s", label, exc)
            return
        lifetime = self.accounts.profile(label).activation_lifetime
        mine = {o.id for o in orders}
        lost = [o for o in fresh if o.provider_id is None and o.state in LOST]
        for order, act in match(lost, listed, claimed):
            if order.id not in mine:
                continue
            if act is None:
                self.book.change(order.id, transitions.not_at_provider, "reconciled",
                                 "not found")
            else:
                self.book.change(order.id, partial(transitions.adopted, act=act, now=now,
                                                   lifetime=lifetime),
                                 "reconciled", "adopted")

    def adopt_outside(self, label: str, listed: list[Activation]) -> list[Order]:
        """Orders the provider lists that no order of ours holds were bought elsewhere
        (the provider's website): adopted, once no lost buy of ours could be one of
        them and no buy of ours is running on the account or its kin.  An activation
        a kin account holds is that account's order, listed by both."""
        now = self.clock()
        uids, labels = self._kin(label)
        try:
            fresh = self._fresh(uids, labels)
            if any(o.provider_id is None for o in fresh):
                return []  # lost or running buys first: one of these may be theirs
            claimed = self._claimed(uids, fresh, now)
        except StoreError as exc:
            log.info("Adopting orders of %s waits: %s", label, exc)
            return []
        account = self.accounts.get(label)
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
