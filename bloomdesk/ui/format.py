"""How values look on screen: money, countdowns, countries and their flags."""

from __future__ import annotations

from decimal import Decimal
from functools import cache

from PySide6.QtCore import QLocale
from PySide6.QtGui import QFontDatabase


def money(amount: Decimal | None, currency: str = "USD") -> str:
    if amount is None:
        return "—"
    symbol = "$" if currency == "USD" else currency + " "
    return f"{symbol}{amount:,.2f}" if amount >= Decimal("0.01") or amount == 0 \
        else f"{symbol}{amount:,.4f}"


def countdown(seconds: float | None) -> str:
    if seconds is None:
        return ""
    if seconds <= 0:
        return "passed"
    s = int(seconds)
    if s >= 3600:
        return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}"
    return f"{s // 60}:{s % 60:02d}"


@cache
def _emoji_font() -> bool:
    return any("emoji" in family.lower() for family in QFontDatabase.families())


def flag(iso: str | None) -> str:
    """The flag emoji where a font can draw it, else the ISO code as a badge."""
    if not iso or len(iso) != 2 or not iso.isalpha():
        return ""
    if _emoji_font():
        return "".join(chr(0x1F1E6 + ord(c) - ord("A")) for c in iso.upper())
    return f"[{iso.upper()}]"


@cache
def country_name(iso: str | None, given: str | None) -> str:
    """The provider's own name, or the English name of the ISO code."""
    if given and (not iso or given.upper() != iso.upper()):
        return given
    if iso:
        territory = QLocale.codeToTerritory(iso.upper())
        if territory != QLocale.Country.AnyTerritory:
            return QLocale.territoryToString(territory)
    return given or "?"
