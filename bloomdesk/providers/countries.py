"""Countries that mean the same everywhere: a provider's country id read as an ISO
3166 code, so flags show and one country is recognised across accounts.

Which ids mean what is the profile's data (``countries_by``): SMS-Activate's canonical
ids are read through ``data/country_iso.json``; a kind whose spec numbers some
countries its own way says so in ``iso_overrides``; an ISO code the server sends
itself always wins.  Names come in the language asked for (``eng``, ``rus``, ``chn``,
as the family's ``getCountries`` rows carry them), falling back to English.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from ..domain import Country
from ..i18n import QT_TRANSLATE_NOOP
from ..textsafe import NAME_MAX_CHARS, clean_text
from .answers import text_field
from .errors import ProtocolError
from .profiles import Profile

LANGUAGES = ("eng", "rus", "chn")
_HIDDEN = (0, "0", False, "false")  # a row's "visible" that hides it


@cache
def canonical_iso() -> dict[str, str]:
    """SMS-Activate's canonical country id -> ISO 3166-1 alpha-2 (195 ids)."""
    text = (resources.files("bloomdesk.providers") / "data" / "country_iso.json").read_text(
        "utf-8")
    return {cid: pair[0] for cid, pair in json.loads(text)["ids"].items()}


@cache
def _overrides(pairs: tuple[tuple[str, str], ...]) -> dict[str, str]:
    return dict(pairs)


def iso_for(profile: Profile, cid: str, sent: str | None = None) -> str | None:
    """The ISO code of country `cid` at a provider of `profile`'s kind: the server's
    own (`sent`) first, then what the kind's spec says, else None (unknown)."""
    if sent:
        return clean_text(sent.strip().upper(), NAME_MAX_CHARS) or None
    iso = _overrides(profile.iso_overrides).get(cid)
    if iso is not None:
        return iso
    if profile.countries_by == "canonical":
        return canonical_iso().get(cid)
    if profile.countries_by == "iso" and len(cid) == 2 and cid.isascii() and cid.isalpha():
        return cid.upper()
    return None


@dataclass(frozen=True, slots=True)
class CountryRow:
    """One country as the server listed it, with its names in every language sent."""

    id: str
    iso: str | None
    names: dict[str, str]

    def country(self, language: str = "eng") -> Country:
        name = self.names.get(language) or self.names.get("eng") or self.iso or self.id
        return Country(id=self.id, name=name, iso=self.iso)


def country_rows(body: Any, profile: Profile) -> list[CountryRow]:
    """``getCountries`` as servers of the family send it: an object keyed by id or a
    list (Tiger SMS), ids as numbers or strings; rows with ``visible: 0`` left out."""
    if isinstance(body, dict):
        rows: list[tuple[str, Any]] = [(str(k), v) for k, v in body.items()]
    elif isinstance(body, list):
        rows = [("", v) for v in body]
    else:
        raise ProtocolError(QT_TRANSLATE_NOOP(
            "providers", "The country list has an unexpected shape."))
    found = []
    for key, item in rows:
        if not isinstance(item, dict):
            raise ProtocolError(QT_TRANSLATE_NOOP(
                "providers", "The country list has an unexpected shape."))
        if item.get("visible", 1) in _HIDDEN:
            continue  # the provider hides it: nothing is sold there
        cid = clean_text((text_field(item, "id", required=False) or key).strip(),
                         NAME_MAX_CHARS)
        if not cid:
            raise ProtocolError(QT_TRANSLATE_NOOP(
                "providers", "The provider's country list has a row without an id."))
        names = {}
        for language in LANGUAGES:
            name = text_field(item, language, *(("name", "title") if language == "eng"
                                                 else ()), required=False)
            if name and name.strip():
                names[language] = clean_text(name.strip(), NAME_MAX_CHARS)
        found.append(CountryRow(cid, iso_for(profile, cid, text_field(
            item, "iso", "iso2", required=False)), names))
    return found
