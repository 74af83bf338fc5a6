"""Provider sessions: one connection and one rate budget per account, and a typed call.

Every request of an account goes through ``call``: it waits for room in the
account's budget (shared with every process on the journal, and with its kin: the
accounts that are one key at the provider, whose requests it counts as one), and a
rate-limit
answer, whatever its wrapping (``429``, ``RATE_LIMITED``, ``TOO_MANY_REQUESTS``),
pauses the budget because it is a :class:`RateLimited`, not because of its words.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import logging
import time
from collections.abc import Awaitable, Callable
from decimal import Decimal
from functools import partial
from typing import TypeVar

import httpx

from ..domain import AccountInfo
from ..i18n import QT_TRANSLATE_NOOP
from ..providers import Provider, connect
from ..providers.errors import RateLimited
from ..providers.presets import preset
from ..redact import register_secret
from ..secrets import KeyStore
from ..store import StoreError
from .accounts import Accounts, check
from .errors import InvalidInput, LocalError
from .kin import digest, kin
from .ratelimit import RateBudget, SharedWindow
from .settings import DeskSettings

T = TypeVar("T")
log = logging.getLogger(__name__)
DEFAULT_PAUSE = 10.0  # a rate-limit answer that names no Retry-After
# The priority of the call a request belongs to: (user, urgent).  Background (polls)
# unless a call says otherwise.
_PRIORITY: contextvars.ContextVar[tuple[bool, bool]] = contextvars.ContextVar(
    "priority", default=(False, False))


class Sessions:
    def __init__(self, accounts: Accounts, keys: KeyStore, settings: DeskSettings,
                 transport: httpx.AsyncBaseTransport | None = None) -> None:
        self.accounts = accounts
        self.keys = keys
        self.settings = settings
        self._transport = transport
        self._providers: dict[str, Provider] = {}
        self._budgets: dict[str, RateBudget] = {}
        self._digests: dict[str, bytes | None] = {}  # label -> its key's digest (kin.py)
        self._closing: set[asyncio.Task[None]] = set()
        # calls under way per connection: a connection let go (the account edited here
        # or in another process) is closed once they end, never under a running buy
        self._busy: dict[int, int] = {}
        self._retired: dict[int, Provider] = {}

    def provider(self, label: str) -> Provider:
        provider = self._providers.get(label)
        if provider is None:
            account = self.accounts.get(label)
            key = self.keys.get(label)
            if not key:
                raise InvalidInput(QT_TRANSLATE_NOOP(
                    "errors", "No API key is known for {label}: enter it in the account "
                    "settings.").format(label=label), token="NO_KEY")
            provider = connect(account.kind, api_key=key, base_url=account.base_url,
                               timeout=self.settings.timeout, transport=self._transport)
            self._digests[label] = digest(key)
            self._remember(provider, account)

            async def pace() -> None:  # every HTTP request, each page of a list included
                user, urgent = _PRIORITY.get()
                await self.budget(label).acquire(user=user, urgent=urgent)

            provider.pace_with(pace)
            self._providers[label] = provider
        return provider

    def _remember(self, provider: Provider, account: AccountInfo) -> None:
        """What the server was found to answer before (or its preset knows) is not
        probed again; what a probe learns is kept for the next run."""
        store = self.accounts.store
        if account.preset:
            with contextlib.suppress(KeyError):
                provider.learn(preset(account.preset).actions)
        try:
            provider.learn(store.traits(account.uid))
        except StoreError as exc:
            log.info("Traits of %s not read: %s", account.label, exc)

        def keep(traits: dict[str, bool]) -> None:
            try:
                store.set_traits(account.uid, traits)
            except StoreError as exc:  # probed again next run: no harm
                log.info("Traits of %s not kept: %s", account.label, exc)

        provider.on_traits = keep

    def key_digest(self, label: str) -> bytes | None:
        """The digest of the account's key (kin.py), read from the keyring once."""
        if label not in self._digests:
            key = self.keys.get(label)
            self._digests[label] = digest(key) if key else None
        return self._digests[label]

    def budget(self, label: str) -> RateBudget:
        """The account's budget; its kin's sends and pauses count in it, as the
        provider counts one key's requests, whichever of them sends."""
        budget = self._budgets.get(label)
        if budget is None:
            account = self.accounts.get(label)
            window = SharedWindow(self.accounts.store.ledger, account.uid,
                                  partial(self._kin_uids, label))
            budget = RateBudget(self.accounts.profile(label).requests_per_minute,
                                clock=time.time, window=window)
            self._budgets[label] = budget
        return budget

    def _kin_uids(self, label: str) -> tuple[str, ...]:
        try:
            return tuple(a.uid for a in kin(self.accounts, self.key_digest, label)[1:])
        except LocalError:  # the account is gone meanwhile: its own count only
            return ()

    async def call(self, label: str, fn: Callable[[Provider], Awaitable[T]], *,
                   user: bool = True, urgent: bool = False) -> T:
        """One call of an account's provider; each HTTP request it makes waits for room
        in the account's budget (`user` first; `urgent` goes through a Retry-After
        pause, never past the limit)."""
        provider = self.provider(label)  # a missing key fails before waiting for room
        token = _PRIORITY.set((user, urgent))
        self._busy[id(provider)] = self._busy.get(id(provider), 0) + 1
        try:
            return await fn(provider)
        except RateLimited as exc:
            self.budget(label).pause(exc.retry_after if exc.retry_after is not None
                                     else DEFAULT_PAUSE)
            raise
        finally:
            _PRIORITY.reset(token)
            self._done(provider)

    def _done(self, provider: Provider) -> None:
        left = self._busy.pop(id(provider)) - 1
        if left:
            self._busy[id(provider)] = left
        elif self._retired.pop(id(provider), None) is not None:
            self._close(provider)

    def _close(self, provider: Provider) -> None:
        task = asyncio.ensure_future(provider.aclose())
        self._closing.add(task)
        task.add_done_callback(self._closing.discard)

    async def test(self, kind: str, key: str | None, base_url: str | None = None,
                   label: str | None = None) -> Decimal:
        """Ask a provider for the balance with the details as entered (nothing saved).
        Without a key, the saved key of account `label` is used."""
        key = (key or "").strip() or (self.keys.get(label) if label else None) or ""
        check(kind, None, base_url, key)
        register_secret(key)
        if label is not None:  # an existing account: stay inside its rate budget
            await self.budget(label).acquire(user=True)
        async with connect(kind, api_key=key, base_url=base_url or None,
                           timeout=self.settings.timeout, transport=self._transport) as probe:
            return await probe.balance()

    def forget(self, label: str) -> None:
        """Drop the account's connection (its key or address changed, or it is gone);
        what its budget spent is in the ledger, under its uid."""
        self._digests.pop(label, None)
        budget = self._budgets.pop(label, None)
        if budget is not None:
            budget.flush()
        provider = self._providers.pop(label, None)
        if provider is not None:
            if id(provider) in self._busy:  # a buy may be under way on it: after it
                self._retired[id(provider)] = provider
            else:
                self._close(provider)

    async def aclose(self) -> None:
        for budget in self._budgets.values():
            budget.flush()
        providers, self._providers = list(self._providers.values()), {}
        providers += self._retired.values()
        self._retired = {}
        for provider in providers:
            await provider.aclose()
        await asyncio.gather(*self._closing, return_exceptions=True)


def warm_up() -> None:
    """What the first request of a run would otherwise load on the event loop."""
    import importlib

    from ..providers.http import tls_context

    # httpx imports httpcore with its first client, httpcore anyio's asyncio backend
    # with its first request: ~60 ms each of module code
    for name in ("httpcore", "anyio", "anyio._backends._asyncio"):
        with contextlib.suppress(ImportError):  # another version lays them out otherwise
            importlib.import_module(name)
    tls_context()
