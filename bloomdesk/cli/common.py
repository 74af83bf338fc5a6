"""What the commands share: choosing the account, naming it when its network fails."""

from __future__ import annotations

from collections.abc import Awaitable
from typing import TypeVar
from urllib.parse import urlsplit

from ..core import Desk
from ..i18n import QT_TRANSLATE_NOOP
from ..providers import PROFILES
from ..providers.errors import Unavailable
from .failures import EXIT_NETWORK, EXIT_USAGE, Failure

T = TypeVar("T")
NO_ACCOUNT = QT_TRANSLATE_NOOP("cli", "no account yet: add one with `bloomdesk-cli accounts add`")


async def settle(desk: Desk) -> None:
    """Reconcile lost buys with their providers (one list call per account that has
    lost ones); a provider that cannot be asked leaves them unknown, and says so."""
    await desk.reconcile_now()


def host_of(desk: Desk, label: str) -> str:
    account = desk.account(label)
    url = account.base_url or PROFILES[account.kind].base_url or ""
    return urlsplit(url).hostname or url


async def on_account(desk: Desk, label: str, work: Awaitable[T]) -> T:
    """Run a request of `label`; a network failure names the account and its host."""
    try:
        return await work
    except Unavailable as exc:
        raise Failure(f"{label} ({host_of(desk, label)}): {exc.message}", EXIT_NETWORK,
                      exc.token or "UNAVAILABLE") from None


def one_account(desk: Desk, label: str | None) -> str:
    labels = [a.label for a in desk.accounts()]
    if label:
        desk.account(label)  # NoSuchAccount: exit 7
        return label
    if len(labels) == 1:
        return labels[0]
    raise Failure(QT_TRANSLATE_NOOP("cli", "several accounts exist: choose one with --account")
                  if labels else NO_ACCOUNT, EXIT_USAGE, "CHOOSE_ACCOUNT")
