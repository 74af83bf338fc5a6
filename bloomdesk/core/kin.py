"""Accounts that are one account at the provider ("kin"): the same host and the same
key, as SMSBulk's two dialects on one key are.  Each lists what the other bought, and
the provider counts their requests as one key's: their orders count together (for
lost buys, for orders bought outside BloomDesk) and so does their rate budget.

A key is not enough alone (one key may serve two providers' sites) and neither is a
host (two people's accounts at one provider; a provider may number each one's orders
from 1).  An account without a key is kin to none.  Keys are compared as a digest
salted per process and kept in memory only.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Callable
from urllib.parse import urlsplit

from ..domain import AccountInfo
from .accounts import Accounts

_SALT = secrets.token_bytes(16)


def digest(key: str) -> bytes:
    return hmac.new(_SALT, key.encode(), hashlib.sha256).digest()


def host_of(accounts: Accounts, account: AccountInfo) -> str:
    url = account.base_url or accounts.profile(account.label).base_url or ""
    return (urlsplit(url).hostname or "").lower()


def kin(accounts: Accounts, key_digest: Callable[[str], bytes | None],
        label: str) -> list[AccountInfo]:
    """The accounts that are one account at the provider with `label`, itself first."""
    me = accounts.get(label)
    found = [me]
    host = host_of(accounts, me)
    others = [a for a in accounts.all() if a.label != label and host_of(accounts, a) == host]
    if others:
        mine = key_digest(label)
        if mine is not None:
            found += [a for a in others if key_digest(a.label) == mine]
    return found
