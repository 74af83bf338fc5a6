"""``--service`` and ``--country`` by code or by name, as a person types them.

A code wins when one matches exactly (case-insensitive); a country also matches its
ISO code.  Otherwise names are matched case-insensitively, whole name first, then as
a part of the name; more than one match is a usage error that lists them.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..domain import Country, Offer
from ..i18n import QT_TRANSLATE_NOOP


class Ambiguous(ValueError):
    pass


def _pick(wanted: str, items: Iterable[tuple[str, str, tuple[str, ...]]],
          what: str, plural: str, parts: bool = True) -> str:
    """`items`: (value, name, other codes that also name it); `parts`: whether a part
    of a name may match."""
    key = wanted.strip().casefold()
    pool = list(items)
    for value, _, codes in pool:
        if key == value.casefold() or key in (c.casefold() for c in codes):
            return value
    whole = {value: name for value, name, _ in pool if name.casefold() == key}
    if len(whole) == 1:
        return next(iter(whole))
    part = whole or ({value: name for value, name, _ in pool if key in name.casefold()}
                     if parts else {})
    if len(part) == 1:
        return next(iter(part))
    if not part:
        raise Ambiguous(QT_TRANSLATE_NOOP("cli", "no {what} is called {wanted!r} here").format(
            what=what, wanted=wanted))
    shown = ", ".join(f"{name} ({value})" for value, name in sorted(part.items())[:8])
    more = QT_TRANSLATE_NOOP("cli", " and {count} more").format(count=len(part) - 8) \
        if len(part) > 8 else ""
    raise Ambiguous(QT_TRANSLATE_NOOP(
        "cli", "{wanted!r} matches several {plural}: {shown}{more}; give the code").format(
        wanted=wanted, plural=plural, shown=shown, more=more))


def service_code(wanted: str, offers: Iterable[Offer]) -> str:
    names = {o.service: o.service_name for o in offers}
    return _pick(wanted, ((code, name, ()) for code, name in names.items()),
                 QT_TRANSLATE_NOOP("cli", "service"), QT_TRANSLATE_NOOP("cli", "services"))


def country_id(wanted: str, countries: Iterable[Country]) -> str:
    # Two letters are an ISO code, never a part of a name ("SE" is not in "Seychelles")
    is_iso = len(wanted.strip()) == 2 and wanted.strip().isalpha()
    return _pick(wanted, ((c.id, c.name, (c.iso,) if c.iso else ()) for c in countries),
                 QT_TRANSLATE_NOOP("cli", "country"), QT_TRANSLATE_NOOP("cli", "countries"),
                 parts=not is_iso)


def looks_like_code(text: str) -> bool:
    """Short and plain: worth asking the provider for before loading every name."""
    return 0 < len(text) <= 8 and text.replace("_", "").isalnum() and " " not in text
