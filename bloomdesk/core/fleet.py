"""The pollers, one per account, kept in step with the journal that other processes
share: what they change in the orders wakes the pollers (and refreshes a balance their
buy or cancel moved), an account they add is polled here too, one they remove is let
go, one they re-address is reached at its new address.  What the journal could not
take is written again from here, once a second."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine

from ..domain import AccountInfo, OrderState
from ..store import StoreError
from .accounts import Accounts
from .book import OrderBook
from .crew import Crew
from .events import AccountsChanged
from .poller import Poller
from .sessions import Sessions

log = logging.getLogger(__name__)
TEND_EVERY = 1.0  # seconds between looks at the journal for other processes' changes


class Fleet:
    def __init__(self, book: OrderBook, registry: Accounts, sessions: Sessions,
                 crew: Callable[[], Crew], refresh_balance: Callable[[str], None],
                 later: Callable[[Coroutine[object, object, None]], None]) -> None:
        self.book = book
        self.registry = registry
        self.sessions = sessions
        self._crew = crew
        self._refresh_balance = refresh_balance
        self._later = later
        self.pollers: dict[str, Poller] = {}
        self.running = False
        self._accounts_version: int | None = None
        self._known: dict[str, AccountInfo] = {}  # the accounts as last seen here

    def start(self) -> None:
        """Poll every account, and tend the journal from now on."""
        self.running = True
        try:  # what another process changes in the accounts from now on is taken in
            self._accounts_version = self.book.store.data_version()
            self._known = self.registry.reread()
        except StoreError as exc:
            log.info("Reading the accounts failed: %s", exc)
        for account in self.registry.all():
            self.add(account.label)
        self._later(self._tend())

    def ours(self) -> None:
        """This process changed the accounts: nothing for another to have done."""
        self._known = {a.label: a for a in self.registry.all()}

    def add(self, label: str) -> None:
        if self.running and label not in self.pollers:
            poller = Poller(label, self._crew())
            self.pollers[label] = poller
            poller.start()

    async def remove(self, label: str) -> None:
        poller = self.pollers.pop(label, None)
        if poller is not None:
            await poller.stop()

    async def stop(self) -> None:
        self.running = False
        for poller in list(self.pollers.values()):
            await poller.stop()
        self.pollers.clear()

    def wake(self, label: str | None = None) -> None:
        """Wake one account's poller, or every one."""
        for name, poller in self.pollers.items():
            if label is None or name == label:
                poller.wake()

    async def _tend(self) -> None:
        while True:
            await asyncio.sleep(TEND_EVERY)
            self.book.flush()
            self.sync_accounts()
            had = {o.id: o.provider_id for o in self.book.open_orders()}
            if changed := self.book.sync():
                self.wake()
                # another process bought or cancelled: the balance shown here moved too
                for label in {o.account for o in changed if o.state is OrderState.CANCELLED
                              or (o.provider_id is not None and had.get(o.id) is None)}:
                    if label in self.pollers:
                        self._refresh_balance(label)

    def sync_accounts(self) -> None:
        try:
            version = self.book.store.data_version()
            if version == self._accounts_version:
                return
            self._accounts_version = version
            now = self.registry.reread()
        except StoreError as exc:
            log.info("Reading the accounts failed: %s", exc)
            return
        before, self._known = self._known, now
        added, removed = set(now) - set(before), set(before) - set(now)
        changed = {label for label in set(now) & set(before) if now[label] != before[label]}
        for label in removed | changed:
            poller = self.pollers.pop(label, None)
            if poller is not None:
                self._later(poller.stop())
            self.sessions.forget(label)
        for label in added | changed:
            self.add(label)
        if added or removed or changed:
            log.info("Accounts changed by another process: +%s -%s ~%s", sorted(added),
                     sorted(removed), sorted(changed))
            self.book.bus.publish(AccountsChanged(frozenset(added), frozenset(removed),
                                                  frozenset(changed)))
