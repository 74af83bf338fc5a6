"""The user's preferences, as kept in ``settings.ini`` beside the journal.

One place reads and writes them, so the settings dialog, the window and a restart all
agree; a missing or garbled value falls back to its default instead of failing.
"""

from __future__ import annotations

from base64 import urlsafe_b64encode
from dataclasses import dataclass, field, fields
from decimal import Decimal, InvalidOperation
from os import urandom

from PySide6.QtCore import QSettings

from ..i18n import QT_TRANSLATE_NOOP
from .language import LANGUAGES, SYSTEM

POLL_SPEEDS = {0.5: QT_TRANSLATE_NOOP("Preferences", "Gentle: half as often"),
               1.0: QT_TRANSLATE_NOOP("Preferences", "Normal"),
               2.0: QT_TRANSLATE_NOOP("Preferences", "Quick: twice as often")}


@dataclass
class Preferences:
    poll_speed: float = 1.0  # one of POLL_SPEEDS; always within the provider's rate limit
    auto_cancel: bool = True  # cancel silent orders before their free-cancel deadline
    clear_clipboard_after: int = 30  # seconds; 0 keeps a copied code
    notifications: bool = True  # tray message or in-window notice when a code arrives
    auto_copy: bool = False  # copy each new code as it arrives
    warn_below: Decimal = Decimal("1.00")  # low-balance threshold, USD
    close_to_tray: bool = True  # closing the window keeps polling where a tray exists
    webhook_enabled: bool = False  # BloomSMS sms.received receiver (off by default)
    webhook_host: str = "127.0.0.1"
    webhook_port: int = 8765
    # a path secret as core.webhook_wire.new_token makes it (secrets.token_urlsafe(24)),
    # not imported: the window reads its preferences before its first paint
    webhook_token: str = field(
        default_factory=lambda: urlsafe_b64encode(urandom(24)).rstrip(b"=").decode())
    language: str = SYSTEM  # a code of ui.language.LANGUAGES; "" follows the system


KEYS = {
    "poll_speed": "polling/speed",
    "auto_cancel": "orders/auto_cancel",
    "clear_clipboard_after": "codes/clear_clipboard_after",
    "notifications": "notifications/enabled",
    "auto_copy": "codes/auto_copy",
    "warn_below": "balances/warn_below",
    "close_to_tray": "window/close_to_tray",
    "webhook_enabled": "webhook/enabled",
    "webhook_host": "webhook/host",
    "webhook_port": "webhook/port",
    "webhook_token": "webhook/token",
    "language": "window/language",
}


def _bool(raw: object, default: bool) -> bool:
    if isinstance(raw, bool):
        return raw
    text = str(raw).strip().lower()
    if text in ("true", "1", "yes", "on"):
        return True
    if text in ("false", "0", "no", "off"):
        return False
    return default


def _money(raw: object, default: Decimal) -> Decimal:
    try:
        value = Decimal(str(raw).strip())
    except (InvalidOperation, ValueError):
        return default
    return value if value.is_finite() and value >= 0 else default


def _int(raw: object, default: int, low: int, high: int) -> int:
    try:
        value = int(str(raw).strip())
    except ValueError:
        return default
    return value if low <= value <= high else default


def load(settings: QSettings | None) -> Preferences:
    prefs = Preferences()
    if settings is None:
        return prefs
    defaults = Preferences(webhook_token="")
    raw = {name: settings.value(key) for name, key in KEYS.items()}
    if raw["poll_speed"] is not None:
        try:
            speed = float(str(raw["poll_speed"]))
        except ValueError:
            speed = defaults.poll_speed
        prefs.poll_speed = speed if speed in POLL_SPEEDS else defaults.poll_speed
    for name in ("auto_cancel", "notifications", "auto_copy", "close_to_tray",
                 "webhook_enabled"):
        if raw[name] is not None:
            setattr(prefs, name, _bool(raw[name], getattr(defaults, name)))
    if raw["clear_clipboard_after"] is not None:
        prefs.clear_clipboard_after = _int(raw["clear_clipboard_after"],
                                           defaults.clear_clipboard_after, 0, 3600)
    if raw["warn_below"] is not None:
        prefs.warn_below = _money(raw["warn_below"], defaults.warn_below)
    if raw["webhook_host"]:
        prefs.webhook_host = str(raw["webhook_host"]).strip() or defaults.webhook_host
    if raw["webhook_port"] is not None:
        prefs.webhook_port = _int(raw["webhook_port"], defaults.webhook_port, 1, 65535)
    if raw["language"] is not None and str(raw["language"]) in LANGUAGES:
        prefs.language = str(raw["language"])
    token = str(raw["webhook_token"] or "").strip()
    if len(token) >= 16:
        prefs.webhook_token = token
    else:  # a token is made once and kept: the provider's dashboard holds the URL
        settings.setValue(KEYS["webhook_token"], prefs.webhook_token)
        settings.sync()
    return prefs


def save(settings: QSettings, prefs: Preferences) -> None:
    for f in fields(prefs):
        value = getattr(prefs, f.name)
        settings.setValue(KEYS[f.name], str(value) if isinstance(value, Decimal) else value)
    settings.sync()
