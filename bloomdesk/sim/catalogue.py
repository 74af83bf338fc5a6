"""A deterministic catalogue of realistic size for the simulator.

Built from real lists (``data/``: 811 services, 194 countries as a live
SMS-Activate compatible provider names them).  Which pairs are offered, their
prices and their stock come from a CRC of the pair, so every run, test and benchmark
sees the same ~100k offers.  Each provider kind numbers countries its own way, as the
specs say; internally the simulator keys countries by ISO code.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class SimCountry:
    iso: str
    name: str
    canonical_id: int  # the SMS-Activate id (187 = USA, 0 = Russia)

    @property
    def slug(self) -> str:
        return "-".join(self.name.lower().split())


@dataclass(frozen=True, slots=True)
class SimOffer:
    price: Decimal
    stock: int


# Popular services cost more, as on real price lists.
_PREMIUM = {"wa": 3, "tg": 3, "go": 2, "fb": 2, "ig": 2, "dr": 4, "am": 2, "tw": 2, "ds": 2}


def _hash(text: str) -> int:
    return zlib.crc32(text.encode())


class Catalogue:
    def __init__(self, density: float = 0.66) -> None:
        data = resources.files("bloomdesk.sim") / "data"
        raw_countries = json.loads((data / "countries.json").read_text("utf-8"))["countries"]
        raw_services = json.loads((data / "services.json").read_text("utf-8"))["services"]
        self.countries = [SimCountry(c["iso"], c["name"], c["id"]) for c in raw_countries]
        self.by_iso = {c.iso: c for c in self.countries}
        self.services: dict[str, str] = {s["code"]: s["name"].strip() for s in raw_services}
        self.offers: dict[tuple[str, str], SimOffer] = {}
        cutoff = int(density * 1000)
        prices: dict[int, Decimal] = {}  # a few hundred distinct prices over 100k offers
        for country in self.countries:
            for code in self.services:
                h = _hash(f"{country.iso}:{code}")
                if h % 1000 >= cutoff and code not in _PREMIUM:
                    continue
                cents = (2 + (h >> 10) % 180) * _PREMIUM.get(code, 1)
                price = prices.get(cents)
                if price is None:
                    price = prices[cents] = Decimal(cents) / 100
                stock = 0 if (h >> 20) % 100 < 7 else 1 + (h >> 4) % 4000
                self.offers[(country.iso, code)] = SimOffer(price, stock)


@cache
def default_catalogue() -> Catalogue:
    return Catalogue()


# Provider-local country ids.  Each maps ISO -> the id that provider uses.
def _canonical(cat: Catalogue) -> dict[str, str]:
    return {c.iso: str(c.canonical_id) for c in cat.countries}


def country_ids(kind: str, cat: Catalogue) -> dict[str, str]:
    ids = _canonical(cat)
    if kind == "bloomsms-legacy":  # 0 is the USA (spec 000); Russia takes 187
        ids["US"], ids["RU"] = "0", "187"
    elif kind == "smsbulk-legacy":  # TR = 187, US = 12, RU = 0 (spec 003)
        ids["US"], ids["TR"] = "12", "187"
    elif kind == "smsbulk":
        ids = {iso: iso for iso in ids}
    # bloomsms (0 = Russia, 187 = United States) and sms-activate use the canonical ids
    return ids
