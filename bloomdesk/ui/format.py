"""How values look on screen, one way everywhere: money, phones, countdowns, ages,
countries and their flags, and provider text kept as text.  Numbers, money and times
as the user's locale writes them (QLocale's default: the system's, or the language
chosen in Settings), words in the user's language."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from functools import cache
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale
from PySide6.QtGui import QFontDatabase, Qt

from ..domain import Country

translate = QCoreApplication.translate
# currencies written with a symbol (as the locale places it); any other by its code
SYMBOLS = {"USD": "$", "EUR": "€", "RUB": "₽", "GBP": "£"}
_CENT = Decimal("0.01")


def money(amount: Decimal | None, currency: str = "USD") -> str:
    """One style per currency, in the table, the confirmations and the balances alike,
    as the locale writes money ("$1,234.50", "1 234,50 $").  Exact: the digits come from
    the Decimal itself (2 decimals, 4 under a cent), never through a float."""
    if amount is None:
        return "—"
    locale = QLocale()
    places = 2 if abs(amount) >= _CENT or amount == 0 else 4
    whole, _, fraction = f"{abs(amount):.{places}f}".partition(".")
    before, point, group, digits = _style(locale.name(), int(locale.numberOptions().value),
                                          currency, amount < 0)
    if group:
        whole = group.join(whole[max(0, i - 3):i] for i in range(len(whole), 0, -3)[::-1])
    return f"{before}{whole}{point}{fraction}{digits}".translate(_digits(locale.zeroDigit()))


@cache
def _style(name: str, options: int, currency: str, negative: bool
           ) -> tuple[str, str, str, str]:
    """(what comes before the number, the decimal point, the group separator, what comes
    after), read once per locale from the way it writes 1 of a currency."""
    locale = QLocale(name)
    locale.setNumberOptions(QLocale.NumberOption(options))
    one = locale.toString(1.0, "f", 2)
    symbol = SYMBOLS.get(currency)
    sample = locale.toCurrencyString(1.0, symbol or currency, 2)
    before, found, after = sample.partition(one)
    if not found or symbol is None:  # "12.50 XYZ": the code after the number
        before, after = "", f" {currency}"
    if negative:  # a sign, never an accountant's brackets: "Balance after: -$0.20"
        before = locale.negativeSign() + before
    grouping = not options & QLocale.NumberOption.OmitGroupSeparator.value
    return before, locale.decimalPoint(), locale.groupSeparator() if grouping else "", after


@cache
def _digits(zero: str) -> dict[int, str]:
    """ASCII digits to the locale's own (none to change for "0")."""
    return {} if zero == "0" else {ord("0") + i: chr(ord(zero) + i) for i in range(10)}


def number(value: int) -> str:
    """A count as the locale writes it ("104,528", "104 528")."""
    return QLocale().toString(value)


def day_text(day: date) -> str:
    """A day as the locale writes it ("3/11/26", "11.03.2026", "2026/3/11")."""
    return QLocale().toString(QDate(day.year, day.month, day.day),
                              QLocale.FormatType.ShortFormat)


def date_time(at: float) -> str:
    """A moment as the locale writes it ("3/11/26 3:04 PM", "11.03.2026 15:04")."""
    return QLocale().toString(QDateTime.fromSecsSinceEpoch(int(at)),
                              QLocale.FormatType.ShortFormat)


def clock_time(at: float) -> str:
    """A time of today as the locale writes it ("3:04 PM", "15:04")."""
    return QLocale().toString(QDateTime.fromSecsSinceEpoch(int(at)).time(),
                              QLocale.FormatType.ShortFormat)


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
        return translate("format", "passed")
    s = int(seconds)
    if s >= 3600:
        return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}"
    return f"{s // 60}:{s % 60:02d}"


def age(seconds: float) -> str:
    """"just now", "4 min ago", "2 h ago"."""
    if seconds < 60:
        return translate("format", "just now")
    if seconds < 3600:
        return translate("format", "{minutes} min ago").format(minutes=int(seconds // 60))
    return translate("format", "{hours} h ago").format(hours=int(seconds // 3600))


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


# Country names in the user's language, by ISO code, as providers name them (their
# country lists in "rus" or "chn"): one name per country on every account.
_LOCAL: dict[str, str] = {}


def learn_local_names(countries: Iterable[Country]) -> bool:
    """Take these names (in the user's language) for their countries; whether any
    name shown changed (then :func:`place` answers anew)."""
    found = {c.iso.upper(): c.name for c in countries
             if c.iso and len(c.iso) == 2 and c.name and not c.name.isascii()}
    new = {iso: name for iso, name in found.items() if iso not in _LOCAL}
    _LOCAL.update(new)
    if new:
        place.cache_clear()
    return bool(new)


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
    from the provider's name), then one name for it (in the user's language where a
    provider gave one, else English); a name not recognised is kept as the provider
    wrote it."""
    code = iso.upper() if iso and len(iso) == 2 and iso.isalpha() else None
    if code is None and given:
        candidate = given.strip()
        if len(candidate) == 2 and candidate.isalpha() and _iso_name(candidate.upper()):
            code = candidate.upper()
        else:
            code = _territories().get(_normal(candidate))
    name = (_LOCAL.get(code) or _iso_name(code) if code else None) or (given or "").strip() \
        or code or "?"
    badge = flag(code)
    return Place(f"{badge} {name}" if badge else name, name, code)


def country_name(iso: str | None, given: str | None) -> str:
    """The one English name of a country (see :func:`place`)."""
    return place(iso, given).name


def currency_affixes(currency: str = "USD") -> tuple[str, str]:
    """What the locale writes before and after an amount of `currency` (a spin box's
    prefix and suffix)."""
    locale = QLocale()
    before, _, _, after = _style(locale.name(), int(locale.numberOptions().value),
                                 currency, False)
    return before, after
