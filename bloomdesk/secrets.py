"""API keys: in the OS keyring and nowhere else.

``BLOOMDESK_KEY_<LABEL>`` (label upper-cased, other characters as ``_``) supplies a
key and wins over the keyring, for scripts and headless use.  Where no keyring backend
works (headless Linux selects ``fail.Keyring``), keys are kept for this session only
and :attr:`KeyStore.notice` says so plainly; nothing is ever written to a file.
"""

from __future__ import annotations

import logging
import os
import re

import keyring
import keyring.errors

from .i18n import QT_TRANSLATE_NOOP
from .redact import register_secret

log = logging.getLogger(__name__)

SERVICE = "bloomdesk"
NO_KEYRING = QT_TRANSLATE_NOOP(
    "errors", "No system keyring is available, so API keys are kept for this session only "
    "and must be entered again after a restart (or set BLOOMDESK_KEY_<LABEL> in the "
    "environment).")


def env_name(label: str) -> str:
    return "BLOOMDESK_KEY_" + re.sub(r"[^A-Z0-9]", "_", label.upper())


class KeyStore:
    def __init__(self, service: str = SERVICE, *, memory_only: bool = False) -> None:
        """`memory_only` (the demo) never touches the OS keyring."""
        self.service = service
        self._session: dict[str, str] = {}
        self.memory_only = memory_only
        self.keyring_ok = False if memory_only else self._probe()

    @property
    def notice(self) -> str | None:
        return None if self.keyring_ok or self.memory_only else NO_KEYRING

    def _probe(self) -> bool:
        try:
            backend = keyring.get_keyring()
        except Exception:  # a broken backend configuration
            return False
        name = type(backend).__module__ + "." + type(backend).__name__
        return not name.startswith(("keyring.backends.fail", "keyring.backends.null"))

    def get(self, label: str) -> str | None:
        from_env = os.environ.get(env_name(label))
        if from_env:
            register_secret(from_env.strip())
            return from_env.strip()
        key = self._session.get(label)
        if key is None and self.keyring_ok:
            try:
                key = keyring.get_password(self.service, label)
            except keyring.errors.KeyringError as exc:
                log.warning("Keyring lookup failed: %s", type(exc).__name__)
        if key:
            register_secret(key)
        return key

    def source(self, label: str) -> str:
        """Where the key of `label` comes from: environment, keyring, session or missing
        (for the accounts dialog; the key itself is not returned)."""
        if os.environ.get(env_name(label), "").strip():
            return "environment"
        if label in self._session:
            return "session"
        if self.keyring_ok:
            try:
                if keyring.get_password(self.service, label):
                    return "keyring"
            except keyring.errors.KeyringError:
                pass
        return "missing"

    def set(self, label: str, key: str) -> bool:
        """Store a key; False when it is kept for this session only."""
        key = key.strip()
        register_secret(key)
        if self.keyring_ok:
            try:
                keyring.set_password(self.service, label, key)
                self._session.pop(label, None)
                return True
            except keyring.errors.KeyringError as exc:
                log.warning("Keyring refused the key: %s", type(exc).__name__)
        self._session[label] = key
        return False

    def delete(self, label: str) -> None:
        self._session.pop(label, None)
        if self.keyring_ok:
            try:
                keyring.delete_password(self.service, label)
            except keyring.errors.PasswordDeleteError:
                pass
            except keyring.errors.KeyringError as exc:
                log.warning("Keyring could not delete the key: %s", type(exc).__name__)
