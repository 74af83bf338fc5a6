"""The accounts: who they are (the journal keeps them, the keyring keeps their keys),
and one check of what makes an account possible, used by the Desk, the CLI and the
account editor alike."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlsplit

from ..domain import AccountInfo
from ..i18n import QT_TRANSLATE_NOOP
from ..providers import PROFILES, Profile
from ..providers.presets import PRESETS, Preset, preset
from ..secrets import KeyStore
from ..store import Store
from .errors import InvalidInput, NoSuchAccount, OpenOrders

MAX_LABEL = 64


def check(kind: str, label: str | None = None, base_url: str | None = None,
          key: str | None = None) -> Profile:
    """Raise InvalidInput (with words for the user) unless an account of `kind` could
    exist with these details; only the details given are checked."""
    profile = PROFILES.get(kind)
    if profile is None:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "Unknown provider kind {kind!r}; known: {known}.").format(
            kind=kind, known=", ".join(PROFILES)), token="UNKNOWN_KIND")
    if label is not None:
        if not label.strip():
            raise InvalidInput(QT_TRANSLATE_NOOP("errors", "An account needs a name."),
                               token="NO_LABEL")
        if len(label) > MAX_LABEL or not label.isprintable():
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "errors", "An account name is up to {most} printable characters.").format(
                most=MAX_LABEL), token="BAD_LABEL")
    if profile.needs_base_url and not base_url:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "{title} needs its address (the provider's …/stubs/handler_api.php "
            "URL).").format(title=profile.title), token="NO_BASE_URL")
    if base_url:
        parts = urlsplit(base_url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "errors", "The address must start with https:// (or http://) and name a "
                "host."), token="BAD_URL")
        if parts.query or parts.fragment or "@" in parts.netloc:
            # a key pasted into the address would sit in the journal and in `accounts
            # list` in clear: keys belong in the keyring only
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "errors", "The address must not carry a key or other parameters (nothing "
                "after ?, # or before @): give the API key in its own field."),
                token="URL_WITH_SECRET")
    if key is not None:
        key = key.strip()
        if not key:
            raise InvalidInput(QT_TRANSLATE_NOOP("errors", "Enter the API key first."),
                               token="NO_KEY")
        if not (key.isascii() and key.isprintable()) or " " in key:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "errors", "The API key contains characters a key never has (spaces, "
                "letters outside ASCII): check it was copied whole."),
                token="BAD_KEY_FORMAT")
    return profile


def find_preset(name: str) -> Preset:
    """A known service by its short name, or InvalidInput listing them."""
    try:
        return preset(name)
    except KeyError:
        known = ", ".join(p.name for p in PRESETS)
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "No preset is called {name!r}; known: {known}.").format(
            name=name, known=known), token="NO_PRESET") from None


class Accounts:
    """Every account, from memory: the journal is read once and after each change
    made here (pollers ask for an account on every step)."""

    def __init__(self, store: Store, keys: KeyStore) -> None:
        self.store = store
        self.keys = keys
        self._cache: dict[str, AccountInfo] | None = None

    def all(self) -> list[AccountInfo]:
        if self._cache is None:
            self._cache = {a.label: a for a in self.store.accounts()}
        return list(self._cache.values())

    def get(self, label: str) -> AccountInfo:
        self.all()
        assert self._cache is not None
        account = self._cache.get(label)
        if account is None:
            raise NoSuchAccount(QT_TRANSLATE_NOOP(
                "errors", "There is no account named {label!r}.").format(label=label))
        return account

    def profile(self, label: str) -> Profile:
        """The account's provider as data: its kind's profile, with what the account's
        preset knows better (its title, its cancel grace)."""
        account = self.get(label)
        profile = PROFILES[account.kind]
        if account.preset:
            try:
                known = preset(account.preset)
            except KeyError:  # a preset this version no longer knows: the kind's data
                return profile
            profile = replace(profile, title=known.title,
                              cancel_not_before=known.cancel_grace
                              if known.cancel_grace is not None
                              else profile.cancel_not_before)
        return profile

    def reread(self) -> dict[str, AccountInfo]:
        """Read the journal's accounts again (another process may have changed them)."""
        self._cache = None
        self.all()
        assert self._cache is not None
        return dict(self._cache)

    def add(self, kind: str, label: str, key: str | None, base_url: str | None = None,
            preset_name: str | None = None) -> tuple[AccountInfo, bool]:
        """Add an account (of a preset: its kind and address unless given); the bool
        is True when its key went to the keyring (False: kept for this session only, or
        given by the environment)."""
        if preset_name is not None:
            known = find_preset(preset_name)
            kind, base_url = known.kind, base_url or known.base_url
        check(kind, label, base_url, key)
        account = self.store.add_account(AccountInfo(label, kind, base_url or None,
                                                     preset=preset_name))
        self._cache = None
        stored = self.keys.set(label, key) if key else self.keys.keyring_ok
        return account, stored

    def update(self, label: str, *, key: str | None = None,
               base_url: str | None = None) -> None:
        account = self.get(label)
        check(account.kind, None, base_url or account.base_url, key if key else None)
        if base_url is not None:
            self.store.update_account(AccountInfo(label, account.kind, base_url or None,
                                                  account.uid))
            self._cache = None
        if key:
            self.keys.set(label, key)

    def remove(self, label: str) -> None:
        """Remove the account and its key; OpenOrders while the journal holds open
        orders of it, whichever process journaled them (a buy may be running there)."""
        self.get(label)
        held = self.store.remove_account(label)
        if held:
            raise OpenOrders.of(label, held)
        self._cache = None
        self.keys.delete(label)
