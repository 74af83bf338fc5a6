"""Keys go to the keyring and nowhere else; the environment wins; no keyring is said."""

from __future__ import annotations

import pytest

from bloomdesk.secrets import NO_KEYRING, KeyStore, env_name


def test_keys_live_in_the_keyring(keyring_memory: object) -> None:
    keys = KeyStore()
    assert keys.keyring_ok and keys.notice is None
    assert keys.set("My Bloom", "sk-abcdef-123456") is True
    assert keyring_memory.entries == {("bloomdesk", "My Bloom"): "sk-abcdef-123456"}  # type: ignore[attr-defined]
    assert KeyStore().get("My Bloom") == "sk-abcdef-123456"
    keys.delete("My Bloom")
    assert KeyStore().get("My Bloom") is None


def test_environment_wins(keyring_memory: object, monkeypatch: pytest.MonkeyPatch) -> None:
    KeyStore().set("bulk-2", "from-keyring-000000")
    assert env_name("bulk-2") == "BLOOMDESK_KEY_BULK_2"
    monkeypatch.setenv("BLOOMDESK_KEY_BULK_2", "from-env-0000000")
    assert KeyStore().get("bulk-2") == "from-env-0000000"


def test_without_a_keyring_keys_are_kept_for_the_session(no_keyring: None) -> None:
    keys = KeyStore()
    assert not keys.keyring_ok and keys.notice == NO_KEYRING
    assert keys.set("legacy", "sk-session-only-1") is False
    assert keys.get("legacy") == "sk-session-only-1"
    assert KeyStore().get("legacy") is None, "nothing was written anywhere"
