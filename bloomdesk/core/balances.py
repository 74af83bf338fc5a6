"""Balances: read on demand, after money moved (coalesced), and for every account."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from decimal import Decimal

from ..providers.errors import ProviderError
from .accounts import Accounts
from .errors import LocalError
from .events import BalanceChanged, ErrorKind, ErrorRaised, EventBus
from .sessions import Sessions

log = logging.getLogger(__name__)
SETTLE = 0.5  # seconds to let a burst of buys or cancels land before one refresh


class Balances:
    def __init__(self, accounts: Accounts, sessions: Sessions, bus: EventBus,
                 clock: Callable[[], float],
                 spawn: Callable[[Coroutine[object, object, None]], None]) -> None:
        self.accounts = accounts
        self.sessions = sessions
        self.bus = bus
        self.clock = clock
        self.spawn = spawn
        self.values: dict[str, tuple[Decimal, float]] = {}  # label -> (balance, when read)
        self._refreshing: set[str] = set()

    async def read(self, label: str, user: bool = True) -> Decimal:
        result = await self.sessions.call(label, lambda p: p.balance(), user=user)
        self.values[label] = (result, self.clock())
        self.bus.publish(BalanceChanged(label, result, self.clock()))
        return result

    async def refresh_all(self) -> dict[str, Decimal | ProviderError | LocalError]:
        """Every account's balance; a failure is that account's result, and told."""
        labels = [a.label for a in self.accounts.all()]
        results = await asyncio.gather(*(self.read(label) for label in labels),
                                       return_exceptions=True)
        out: dict[str, Decimal | ProviderError | LocalError] = {}
        for label, result in zip(labels, results, strict=True):
            if isinstance(result, ProviderError | LocalError):
                self.bus.publish(ErrorRaised(label, result.message, kind=ErrorKind.BALANCE))
                out[label] = result
            elif isinstance(result, Decimal):
                out[label] = result
            elif isinstance(result, BaseException):
                raise result
        return out

    def refresh_soon(self, label: str) -> None:
        """One pending refresh per account, however many orders asked for it (fifty
        buys landing together must not queue fifty balance requests)."""
        if label not in self._refreshing:
            self._refreshing.add(label)
            self.spawn(self._refresh_quietly(label))

    async def _refresh_quietly(self, label: str) -> None:
        try:
            await asyncio.sleep(SETTLE)
            self._refreshing.discard(label)
            await self.read(label, user=False)
        except (ProviderError, LocalError) as exc:
            log.info("Balance refresh of %s failed: %s", label, exc)
        finally:
            self._refreshing.discard(label)
