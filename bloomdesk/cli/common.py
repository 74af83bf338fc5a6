"""What the commands share: choosing the account, naming it when its network fails."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import TypeVar
from urllib.parse import urlsplit

from ..core import Desk, OrderState
from ..core.errors import LocalError
from ..i18n import QT_TRANSLATE_NOOP
from ..providers import PROFILES
from ..providers.errors import ProviderError, Unavailable
from .failures import EXIT_MAYBE_BOUGHT, EXIT_NETWORK, EXIT_REFUSED, EXIT_USAGE, Failure

T = TypeVar("T")
NO_ACCOUNT = QT_TRANSLATE_NOOP("cli", "no account yet: add one with `bloomdesk-cli accounts add`")


async def settle(desk: Desk, labels: list[str] | None = None) -> None:
    """Reconcile lost buys with their providers (one list call per account that has
    lost ones, the accounts side by side); a provider that cannot be asked leaves them
    unknown, and says so."""
    labels = [a.label for a in desk.accounts()] if labels is None else labels
    await asyncio.gather(*(desk.reconcile_now([label]) for label in labels))


def host_of(desk: Desk, label: str) -> str:
    account = desk.account(label)
    url = account.base_url or PROFILES[account.kind].base_url or ""
    return urlsplit(url).hostname or url


def unreachable(desk: Desk, label: str, exc: Unavailable,
                order: int | None = None) -> Failure:
    """A network failure, naming the account and its host (never the key)."""
    return Failure(f"{label} ({host_of(desk, label)}): {exc.message}", EXIT_NETWORK,
                   exc.token or "UNAVAILABLE", order)


async def on_account(desk: Desk, label: str, work: Awaitable[T]) -> T:
    """Run a request of `label`; a network failure names the account and its host."""
    try:
        return await work
    except Unavailable as exc:
        raise unreachable(desk, label, exc) from None


def one_account(desk: Desk, label: str | None) -> str:
    labels = [a.label for a in desk.accounts()]
    if label:
        desk.account(label)  # NoSuchAccount: exit 7
        return label
    if len(labels) == 1:
        return labels[0]
    raise Failure(QT_TRANSLATE_NOOP("cli", "several accounts exist: choose one with --account")
                  if labels else NO_ACCOUNT, EXIT_USAGE, "CHOOSE_ACCOUNT")


async def buying(desk: Desk, work: Awaitable[T]) -> T:
    """Run a buy (or a re-rent).  A failure names the order BloomDesk journaled for it;
    one where the provider may have charged without answering says so (exit 8), with
    what BloomDesk does about it, never as a bare network error."""
    try:
        return await work
    except ProviderError as exc:
        if exc.order_id is None:
            raise
        try:
            order = desk.order(exc.order_id)
        except LocalError:
            raise exc from None
        if order.state is OrderState.UNKNOWN:
            raise Failure(QT_TRANSLATE_NOOP(
                "cli", "{account}: {error} The provider may have charged: BloomDesk keeps "
                "order #{order} and checks it with the provider (the next `bloomdesk-cli "
                "orders` does), never buying it twice.").format(
                account=order.account, error=exc.message, order=order.id),
                EXIT_MAYBE_BOUGHT, "MAYBE_BOUGHT", order.id) from None
        if isinstance(exc, Unavailable):
            raise unreachable(desk, order.account, exc, order.id) from None
        raise Failure(exc.message, EXIT_REFUSED, exc.token or type(exc).__name__,
                      order.id) from None
