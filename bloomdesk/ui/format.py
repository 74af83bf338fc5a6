"""How values look on screen, one way everywhere: money, phones, countdowns, ages,
countries and their flags, and provider text kept as text."""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from functools import cache
from typing import NamedTuple

from PySide6.QtCore import QLocale
from PySide6.QtGui import QFontDatabase, Qt


def money(amount: Decimal | None, currency: str = "USD") -> str:
    """One style per currency, in the table, the confirmations and the balances alike."""
    if amount is None:
        return "—"
    digits = f"{amount:,.2f}" if abs(amount) >= Decimal("0.01") or amount == 0 \
        else f"{amount:,.4f}"
    if currency == "USD":
        return f"−${digits[1:]}" if digits.startswith("-") else f"${digits}"
    return f"{digits} {currency}"


def phone(number: str | None) -> str:
    """A number as the user dials it: digits only and 10 or more of them is an
    international number (a provider sending 79991234567 for Russia means +7…)."""
    if not number:
        return "—"
    if number.isdigit() and len(number) >= 10:
        return "+" + number
    return number


def countdown(seconds: float | None) -> str:
    if seconds is None:
        return ""
    if seconds <= 0:
        return "passed"
    s = int(seconds)
    if s >= 3600:
        return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}"
    return f"{s // 60}:{s % 60:02d}"


def age(seconds: float) -> str:
    """"just now", "4 min ago", "2 h ago"."""
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        return f"{int(seconds // 60)} min ago"
    return f"{int(seconds // 3600)} h ago"


def plain_tip(text: str) -> str:
    """A tooltip showing `text` literally (Qt renders a tooltip that looks like markup
    as markup, so provider words are converted, never passed as they came)."""
    return Qt.convertFromPlainText(text) if Qt.mightBeRichText(text) else text


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


class Place(NamedTuple):
    label: str  # as shown: flag (or [ISO]), then the name
    name: str  # the plain name
    iso: str | None  # where known or recognised from the name


# Names providers use that Qt's territory names do not match once normalised.
_ALIASES = {"usa": "US", "us": "US", "united states of america": "US", "uk": "GB",
            "great britain": "GB", "england": "GB", "uae": "AE", "czech": "CZ",
            "czech republic": "CZ", "dr congo": "CD", "congo dr": "CD", "ivory coast": "CI",
            "turkey": "TR", "bosnia": "BA", "salvador": "SV", "papua": "PG",
            "swaziland": "SZ", "reunion": "RE", "congo": "CG", "hong kong": "HK",
            "macao": "MO", "macau": "MO", "myanmar": "MM", "burma": "MM",
            "palestine": "PS", "russian federation": "RU", "south korea": "KR",
            "korea": "KR", "north macedonia": "MK", "macedonia": "MK", "laos": "LA",
            "vietnam": "VN", "moldova": "MD", "gambia": "GM", "cape verde": "CV",
            "east timor": "TL", "vatican": "VA"}


def _normal(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    text = text.casefold().replace("&", " and ").replace("saint ", "st ")
    words = "".join(c if c.isalnum() else " " for c in text).split()
    return " ".join(w for w in words if w != "the")


@cache
def _territories() -> dict[str, str]:
    """Normalised English territory name -> ISO code, from Qt's own table."""
    table: dict[str, str] = {}
    for territory in QLocale.Country:
        if territory == QLocale.Country.AnyTerritory:
            continue
        code = QLocale.territoryToCode(territory)
        if len(code) == 2:
            table[_normal(QLocale.territoryToString(territory))] = code
    table.update({_normal(alias): code for alias, code in _ALIASES.items()})
    return table


def _iso_name(iso: str) -> str | None:
    territory = QLocale.codeToTerritory(iso)
    if territory == QLocale.Country.AnyTerritory:
        return None
    return QLocale.territoryToString(territory)


@cache
def place(iso: str | None, given: str | None) -> Place:
    """A country as shown on every account alike: the ISO code (given, or recognised
    from the provider's name), then one English name for it; a name not recognised
    is kept as the provider wrote it."""
    code = iso.upper() if iso and len(iso) == 2 and iso.isalpha() else None
    if code is None and given:
        candidate = given.strip()
        if len(candidate) == 2 and candidate.isalpha() and _iso_name(candidate.upper()):
            code = candidate.upper()
        else:
            code = _territories().get(_normal(candidate))
    name = (_iso_name(code) if code else None) or (given or "").strip() or code or "?"
    badge = flag(code)
    return Place(f"{badge} {name}" if badge else name, name, code)


def country_name(iso: str | None, given: str | None) -> str:
    """The one English name of a country (see :func:`place`)."""
    return place(iso, given).name
