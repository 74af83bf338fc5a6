"""Each account's last price list, kept in the state folder so that the window shows
prices the moment it opens (with their age) while fresh ones are read behind.

One file per account, ``prices/<uid>.cache`` beside the journal, keyed by the
account's identity (``AccountInfo.uid``), never its label: a label re-added at
another provider is another account.  A file is a magic line, one JSON header line
(format version, byte order, sizes, a CRC-32 of the body), a JSON block of
the distinct texts and prices, then the price list's four columns as raw ``array``
bytes, so loading 104k offers is a checksum, a ``frombytes`` and a few hundred strings
(~5 ms, 1.7 MB), where a table of one row per offer in the journal took ~110 ms to read
back and ~115 ms to write (12.6 MB; both measured, see benchmarks/notes.md).  A file
that is damaged, truncated, of another version or another machine's byte order is
ignored with a log line, never a crash.

What is written is what providers sent (cleaned on the way in) and the account's
label, kind and currency: never a key.  A body in which a key registered with
``redact`` appears is not written at all.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sqlite3
import sys
import tempfile
import zlib
from array import array
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from ..domain import AccountInfo, Country
from ..pricelist import INDEX, PriceList
from ..redact import redact
from ..textsafe import NAME_MAX_CHARS, clean_text

log = logging.getLogger(__name__)

MAGIC = b"BLOOMDESK-PRICES\n"
VERSION = 1
FOLDER = "prices"
_UID = re.compile(r"[A-Za-z0-9_-]{1,64}")
_PRICE_MAX = Decimal(10) ** 9


@dataclass
class Cached:
    """What the window shows of an account before its provider answers."""

    uid: str
    label: str
    kind: str
    currency: str
    prices: PriceList
    countries: list[Country] = field(default_factory=list)


def folder(state: Path) -> Path:
    return state / FOLDER


def path_of(state: Path, uid: str) -> Path | None:
    return folder(state) / f"{uid}.cache" if _UID.fullmatch(uid) else None


def accounts_in(journal: Path) -> list[AccountInfo]:
    """The accounts as the journal lists them, read only and at once: no migration,
    no recovery, no keyring (what the window needs before its first paint).  An
    empty list when the journal is missing, locked, older or damaged: the Desk opens
    it properly next."""
    if not journal.exists():
        return []
    try:
        db = sqlite3.connect(journal.resolve().as_uri() + "?mode=ro", uri=True, timeout=0.2)
        try:
            rows = db.execute("SELECT label, kind, base_url, uid FROM accounts "
                              "ORDER BY created_at, label").fetchall()
        finally:
            db.close()
    except sqlite3.Error as exc:
        log.info("Accounts not read ahead from the journal: %s", exc)
        return []
    return [AccountInfo(str(label), str(kind), base_url, str(uid))
            for label, kind, base_url, uid in rows]


def save(state: Path, account: AccountInfo, currency: str, prices: PriceList,
         countries: list[Country] | None = None) -> bool:
    """Write the account's cache (atomically: a reader sees the old file or the new);
    False when it was not written (logged)."""
    target = path_of(state, account.uid)
    if target is None:
        return False
    prices = prices.by_price()  # the table's default order: its first sort is free
    texts = json.dumps({
        "label": account.label, "kind": account.kind, "currency": currency,
        "services": prices.services, "service_names": prices.service_names,
        "countries": prices.countries, "country_names": prices.country_names,
        "country_isos": prices.country_isos, "prices": [str(p) for p in prices.prices],
        "country_list": [[c.id, c.name, c.iso] for c in countries or []],
    }, ensure_ascii=False, separators=(",", ":"))
    if redact(texts) != texts:
        log.warning("The price cache of %s was not written: it would hold a key",
                    account.label)
        return False
    body = texts.encode("utf-8") + b"".join(
        column.tobytes() for column in (prices.svc, prices.cty, prices.price, prices.stock))
    header = {"version": VERSION, "byteorder": sys.byteorder, "itemsize": prices.svc.itemsize,
              "uid": account.uid, "read_at": prices.read_at, "rows": len(prices),
              "texts": len(texts.encode("utf-8")), "order": "price",
              "crc32": zlib.crc32(body)}
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
        with os.fdopen(fd, "wb") as out:
            out.write(MAGIC + json.dumps(header).encode() + b"\n" + body)
        os.replace(tmp, target)
    except OSError as exc:
        log.warning("The price cache of %s was not written: %s", account.label,
                    exc.strerror or exc)
        return False
    return True


def load(state: Path, account: AccountInfo) -> Cached | None:
    """The account's cache, or None: missing, or ignored with a log line when it is
    damaged, of another version or of another account."""
    target = path_of(state, account.uid)
    if target is None or not target.exists():
        return None
    try:
        return _read(target.read_bytes(), account)
    except OSError as exc:
        log.warning("The price cache of %s could not be read (%s): ignored", account.label,
                    exc.strerror or exc)
    except (ValueError, KeyError, TypeError, IndexError, InvalidOperation) as exc:
        log.warning("The price cache of %s is damaged or of another version (%s): ignored",
                    account.label, exc)
    return None


def forget(state: Path, uid: str) -> None:
    target = path_of(state, uid)
    if target is not None:
        try:
            target.unlink(missing_ok=True)
        except OSError as exc:
            log.info("A price cache was not removed: %s", exc.strerror or exc)


def _read(data: bytes, account: AccountInfo) -> Cached:
    if not data.startswith(MAGIC):
        raise ValueError("not a price cache")
    line_end = data.index(b"\n", len(MAGIC))
    header = json.loads(data[len(MAGIC):line_end])
    if not isinstance(header, dict) or header.get("version") != VERSION:
        raise ValueError(f"version {header.get('version') if isinstance(header, dict) else '?'}"
                         f", this BloomDesk reads {VERSION}")
    if header.get("byteorder") != sys.byteorder or header.get("itemsize") != \
            array(INDEX).itemsize:
        raise ValueError("written on another kind of machine")
    if header.get("uid") != account.uid:
        raise ValueError("another account's")
    body = memoryview(data)[line_end + 1:]  # sliced below without a copy
    if zlib.crc32(body) != header.get("crc32"):
        raise ValueError("its checksum does not match")
    size, rows = int(header["texts"]), int(header["rows"])
    texts = json.loads(bytes(body[:size]).decode("utf-8"))
    columns = []
    width = rows * array(INDEX).itemsize
    for n in range(4):
        column = array(INDEX)
        column.frombytes(body[size + n * width:size + (n + 1) * width])
        columns.append(column)
    if size + 4 * width != len(body):
        raise ValueError("its columns are not the size its header says")
    prices = PriceList(
        _names(texts["services"]), _names(texts["service_names"]),
        _names(texts["countries"]), _names(texts["country_names"], True),
        _names(texts["country_isos"], True), [_price(p) for p in texts["prices"]],
        columns[0], columns[1], columns[2], columns[3], float(header["read_at"]))
    prices.check()
    prices.in_price_order = header.get("order") == "price"
    countries = [Country(*_names(c[:2]), *_names(c[2:3], True))
                 for c in texts["country_list"]]
    return Cached(account.uid, account.label, str(texts["kind"]), str(texts["currency"]),
                  prices, countries)


def _names(values: Any, optional: bool = False) -> list[Any]:
    """Texts as written, cleaned again (a cache is a file anyone could edit)."""
    if not isinstance(values, list):
        raise TypeError("a list of texts expected")
    out: list[str | None] = []
    for v in values:
        if v is None and optional:
            out.append(None)
        elif isinstance(v, str):
            out.append(clean_text(v, NAME_MAX_CHARS))
        else:
            raise TypeError("a text expected")
    return out


def _price(text: Any) -> Decimal:
    if not isinstance(text, str) or len(text) > 40:
        raise ValueError("a price expected")
    amount = Decimal(text)
    if not amount.is_finite() or not 0 <= amount <= _PRICE_MAX:
        raise ValueError("a price out of bounds")
    return amount
