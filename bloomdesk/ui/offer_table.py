"""The price table's data, Qt aside: the offers of one account or all of them, kept
as the accounts' :class:`~bloomdesk.pricelist.PriceList` columns, one order for the
current sort, and what the filter selects, as byte masks.

Why masks: a filter term matches an offer when it is in the offer's service text or
its country's.  There are a few hundred distinct services and countries for 100k+
offers, so a keystroke tests each distinct text once, then spreads the answers over
every offer with ``bytes.translate`` and big-integer ``&``/``|`` (C, ~1 ms for 500k
offers) instead of a Python test per offer.  The visible rows are never listed:
row ``r`` is found through per-block counts of the mask (:class:`Picked`), so a
keystroke costs the same whether it keeps ten offers or all of them.
"""

from __future__ import annotations

import sys
from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from itertools import accumulate, compress
from typing import Any, NamedTuple

from ..pricelist import INDEX, PriceList

_NONZERO = bytes([0] + [1] * 255)  # translate table: any set byte -> 1
_LOW = 0 if sys.byteorder == "little" else 3  # where an 'I' item's low byte sits
BLOCK = 1024


class Where(NamedTuple):
    """A country as the table shows it (ui.format.Place)."""

    label: str
    name: str
    iso: str | None


class Picked:
    """The set positions of a 0/1 byte mask, found by block counts: ``len``, the k-th
    set position (``select``) and the rank of one (``rank``), each without a list of
    every position."""

    def __init__(self, mask: bytes) -> None:
        self.mask = mask
        count = mask.count
        self.starts = list(accumulate(
            (count(1, i, i + BLOCK) for i in range(0, len(mask), BLOCK)), initial=0))
        self._blocks: dict[int, list[int]] = {}

    def __len__(self) -> int:
        return self.starts[-1]

    def select(self, k: int) -> int:
        b = bisect_right(self.starts, k) - 1
        block = self._blocks.get(b)
        if block is None:
            lo = b * BLOCK
            block = self._blocks[b] = list(compress(range(lo, lo + BLOCK),
                                                    self.mask[lo:lo + BLOCK]))
        return block[k - self.starts[b]]

    def rank(self, position: int) -> int:
        """The k such that ``select(k) == position``, or -1 when it is not set."""
        if not 0 <= position < len(self.mask) or not self.mask[position]:
            return -1
        b = position // BLOCK
        return self.starts[b] + self.mask.count(1, b * BLOCK, position)


class Codes:
    """A column of codes (which service, which country) in sort order, spread into a
    mask by a per-code answer: each offer's low byte goes through ``translate`` to a
    bit for each high byte whose code answers True, and ``&`` keeps the offers whose
    own high-byte bit is set; one pass per 2,048 codes that answer at all (up to
    65,536 codes; past that, a C ``map``)."""

    def __init__(self, codes: array[int], distinct: int) -> None:
        self.n = len(codes)
        self.wide = distinct > 256 * 256
        if self.wide:
            self.codes = codes
            return
        raw = codes.tobytes()
        self.low = raw[_LOW::4]
        self._high = raw[1 if _LOW == 0 else 2::4]
        self._flags: dict[int, int] = {}  # group -> its offers' high-byte bits, as an int

    def _group(self, g: int) -> int:
        flags = self._flags.get(g)
        if flags is None:
            table = bytes((1 << (h - 8 * g)) if 8 * g <= h < 8 * g + 8 else 0
                          for h in range(256))
            flags = self._flags[g] = int.from_bytes(self._high.translate(table), "little")
        return flags

    def mask(self, answers: Sequence[bool]) -> int:
        """An int whose byte i is non-zero where the code at position i answers True."""
        if self.wide:
            return int.from_bytes(bytes(map(answers.__getitem__, self.codes)), "little")
        tables: dict[int, bytearray] = {}
        for code in compress(range(len(answers)), answers):
            table = tables.get(code >> 11)
            if table is None:
                table = tables[code >> 11] = bytearray(256)
            table[code & 255] |= 1 << ((code >> 8) & 7)
        hits = 0
        for g, table in tables.items():
            hits |= int.from_bytes(self.low.translate(table), "little") & self._group(g)
        return hits


class OfferTable:
    """Every offer of the accounts shown, sorted and filtered.  ``where(iso, name)``
    says how a country reads (ui.format.place: flag, one English name, ISO)."""

    def __init__(self, lists: Sequence[tuple[str, PriceList]],
                 where: Callable[[str | None, str | None], Any]) -> None:
        self.lists = list(lists)
        self.accounts = [label for label, _ in self.lists]
        self.offsets = list(accumulate((len(pl) for _, pl in self.lists), initial=0))
        self.total = self.offsets[-1]
        self.service_code: list[str] = []
        self.service_name: list[str] = []
        self.places: list[Where] = []
        services: dict[tuple[str, str], int] = {}
        places: dict[tuple[str | None, str], int] = {}
        self.local_service: list[list[int]] = []  # per account: its index -> global
        self.local_place: list[list[int]] = []
        self.svc, self.place = array(INDEX), array(INDEX)  # global, in row order
        for _, pl in self.lists:
            to_svc = []
            for code, name in zip(pl.services, pl.service_names, strict=True):
                index = services.setdefault((code, name), len(services))
                if index == len(self.service_code):
                    self.service_code.append(code)
                    self.service_name.append(name)
                to_svc.append(index)
            to_place = []
            for cid, cname, iso in zip(pl.countries, pl.country_names, pl.country_isos,
                                       strict=True):
                shown = where(iso, cname or cid)
                index = places.setdefault((shown.iso, shown.name), len(places))
                if index == len(self.places):
                    self.places.append(Where(shown.label, shown.name, shown.iso))
                to_place.append(index)
            self.local_service.append(to_svc)
            self.local_place.append(to_place)
            for column, to, local in ((self.svc, to_svc, pl.svc),
                                      (self.place, to_place, pl.cty)):
                if to == list(range(len(to))):
                    column.extend(local)  # the same numbers (the first list): a copy
                else:
                    column.extend(map(to.__getitem__, local))
        self.service_text = [f"{n} {c}".lower() for c, n in zip(
            self.service_code, self.service_name, strict=True)]
        self.place_text = [f"{p.name} {p.iso or ''}".lower() for p in self.places]
        self.order = array(INDEX)
        self.stocked = b""
        self.every = (1 << (8 * self.total)) // 255  # 0x0101…01: a set byte per offer

    # ------------------------------------------------------------------ one offer
    def locate(self, index: int) -> tuple[int, int]:
        """(account number, row in its list) of the offer at `index`."""
        a = bisect_right(self.offsets, index) - 1
        return a, index - self.offsets[a]

    def index_of(self, account: str, service: str, country: str, hint: int = -1) -> int:
        """Where the offer (account, service, provider-local country) is, or -1;
        `hint` is looked at first (lists come in the same order after a refresh)."""
        if 0 <= hint < self.total and self.key(hint) == (service, country, account):
            return hint
        for a, label in enumerate(self.accounts):
            if label == account:
                i = self.lists[a][1].find(service, country)
                if i >= 0:
                    return self.offsets[a] + i
        return -1

    def key(self, index: int) -> tuple[str, str, str]:
        a, i = self.locate(index)
        pl = self.lists[a][1]
        return pl.services[pl.svc[i]], pl.countries[pl.cty[i]], self.accounts[a]

    # ------------------------------------------------------------------ sorting
    def sort_keys(self, what: str) -> list[int] | array[int]:
        """One int per offer, in row order, ordering as the column reads."""
        if what == "price":
            ranks = _ranks(p for _, pl in self.lists for p in pl.prices)
            out: list[int] = []
            for _, pl in self.lists:
                local = [ranks[p] for p in pl.prices]
                out += map(local.__getitem__, pl.price)
            return out
        if what == "stock":
            stock = array(INDEX)
            for _, pl in self.lists:
                stock += pl.stock
            return stock
        if what == "account":
            ranks = _ranks(self.accounts)
            return [r for a, label in enumerate(self.accounts)
                    for r in [ranks[label]] * (self.offsets[a + 1] - self.offsets[a])]
        if what == "favourite":  # service code, then the place's ISO code or name
            code = _ranks(self.service_code)
            by_code = [code[c] * (len(self.places) + 1) for c in self.service_code]
            where = _ranks(p.iso or p.name for p in self.places)
            by_place = [where[p.iso or p.name] for p in self.places]
            return list(map(int.__add__, map(by_code.__getitem__, self.svc),
                            map(by_place.__getitem__, self.place)))
        texts: list[str] = {
            "service": [n.lower() for n in self.service_name], "code": self.service_code,
            "country": [p.name.casefold() for p in self.places]}[what]
        ranks = _ranks(texts)
        per = [ranks[t] for t in texts]
        return list(map(per.__getitem__, self.place if what == "country" else self.svc))

    def sort(self, what: str, descending: bool) -> None:
        n = self.total
        if what == "price" and not descending and len(self.lists) == 1 and \
                self.lists[0][1].in_price_order:
            self.order = array(INDEX, range(n))  # kept in this order (the cache)
            self._orders_changed()
        else:
            self.sort_by(self.sort_keys(what), descending)

    def sort_by(self, keys: Sequence[Any], descending: bool) -> None:
        """Sort by one key per offer (in row order), equal keys keeping that order."""
        n = self.total
        self.order = array(INDEX, sorted(range(n), key=keys.__getitem__,
                                         reverse=descending))
        self._orders_changed()

    def _orders_changed(self) -> None:
        n = self.total
        stocked = bytearray()
        for _, pl in self.lists:
            stocked += bytes(map(bool, pl.stock))
        if self.order == array(INDEX, range(n)):  # in order already (a cached list)
            svc, place, self.stocked = self.svc, self.place, bytes(stocked)
        else:
            svc = array(INDEX, map(self.svc.__getitem__, self.order))
            place = array(INDEX, map(self.place.__getitem__, self.order))
            self.stocked = bytes(map(stocked.__getitem__, self.order))
        self.svc_codes = Codes(svc, len(self.service_code))
        self.place_codes = Codes(place, len(self.places))

    # ------------------------------------------------------------------ filtering
    def select(self, terms: Iterable[str], hide_empty: bool) -> bytes:
        """A 0/1 byte per position of the sort order: shown or not."""
        n = self.total
        shown = self.every
        for term in terms:
            services = [term in t for t in self.service_text]
            places = [term in t for t in self.place_text]
            hits = 0
            if any(services):
                hits = self.svc_codes.mask(services)
            if any(places):
                hits |= self.place_codes.mask(places)
            shown &= int.from_bytes(hits.to_bytes(n, "little").translate(_NONZERO), "little")
            if not shown:
                break
        if hide_empty:
            shown &= int.from_bytes(self.stocked, "little")
        return shown.to_bytes(n, "little")

    def routes_mask(self, routes: set[tuple[str, str]]) -> bytes:
        """A 0/1 byte per position: the offer's (service code, ISO code or country
        name) is one of `routes` (the favourites)."""
        n = self.total
        hits = 0
        for service, where in routes:
            services = [c == service for c in self.service_code]
            places = [where in (p.iso, p.name) for p in self.places]
            if any(services) and any(places):
                both = self.svc_codes.mask(services)
                if both:
                    ok = int.from_bytes(both.to_bytes(n, "little").translate(_NONZERO),
                                        "little")
                    there = self.place_codes.mask(places)
                    hits |= ok & int.from_bytes(
                        there.to_bytes(n, "little").translate(_NONZERO), "little")
        return hits.to_bytes(n, "little")


def _ranks(values: Iterable[Any]) -> dict[Any, int]:
    """Each distinct value's place in sorted order (equal values share one)."""
    return {v: r for r, v in enumerate(sorted(set(values)))}
