"""Price lists as columns, and each account's last list kept in the state folder
(issue 16): read back as written, keyed by the account's identity, ignored with a log
line when damaged or foreign, and never holding a key."""

from __future__ import annotations

import json
import logging
import time
from decimal import Decimal
from pathlib import Path

import pytest

from bloomdesk.domain import AccountInfo, Country, Offer
from bloomdesk.pricelist import from_offers
from bloomdesk.redact import register_secret
from bloomdesk.store import Store, cache

KEY = "sk_cache_test_key_0123456789"
OFFERS = [
    Offer("tg", "Telegram", "73", Decimal("0.30"), 5, "Sweden", "SE"),
    Offer("wa", "WhatsApp", "73", Decimal("0.12"), 0, "Sweden", "SE"),
    Offer("tg", "Telegram", "0", Decimal("0.12"), 1_000_000, "Russia", "RU"),
    Offer("ds", "Discord", "999", Decimal("1.5"), 7, "Atlantis", None),
]
ACCOUNT = AccountInfo("main", "bloomsms", None, "0123456789abcdef")
COUNTRIES = [Country("73", "Sweden", "SE"), Country("0", "Russia", "RU")]


def test_a_price_list_keeps_every_offer_and_sorts_by_price() -> None:
    prices = from_offers(OFFERS, read_at=12.5)
    prices.check()
    assert list(prices.offers()) == OFFERS
    assert len(prices.services) == 3 and len(prices.prices) == 3  # each value once
    cheapest = list(prices.by_price().offers())
    assert [o.price for o in cheapest] == sorted(o.price for o in OFFERS)
    assert cheapest[0] == OFFERS[1], "ties keep the provider's order"
    assert prices.find("tg", "0") == 2 and prices.find("tg", "999") == -1
    moved = prices.with_offer(Offer("tg", "Telegram", "73", Decimal("0.45"), 2, "Sweden", "SE"))
    assert moved.offer(0).price == Decimal("0.45") and len(moved) == 4
    assert list(prices.offers()) == OFFERS, "the list it came from is untouched"


def test_the_cache_reads_back_what_was_written(tmp_path: Path) -> None:
    read_at = time.time() - 240
    assert cache.save(tmp_path, ACCOUNT, "USD", from_offers(OFFERS, read_at), COUNTRIES)
    found = cache.load(tmp_path, ACCOUNT)
    assert found is not None
    assert sorted(found.prices.offers(), key=repr) == sorted(OFFERS, key=repr)
    assert found.prices.read_at == read_at
    assert (found.label, found.kind, found.currency) == ("main", "bloomsms", "USD")
    assert found.countries == COUNTRIES


def test_the_cache_belongs_to_the_accounts_identity_not_its_label(tmp_path: Path) -> None:
    cache.save(tmp_path, ACCOUNT, "USD", from_offers(OFFERS))
    again = AccountInfo("main", "bloomsms", None, "fedcba9876543210")  # re-added elsewhere
    assert cache.load(tmp_path, again) is None
    assert cache.path_of(tmp_path, "../../etc/passwd") is None


@pytest.mark.parametrize("damage", ["truncated", "flipped", "garbage", "version",
                                    "byteorder", "empty"])
def test_a_damaged_or_foreign_cache_is_ignored_with_a_log_line(
        tmp_path: Path, damage: str, caplog: pytest.LogCaptureFixture) -> None:
    cache.save(tmp_path, ACCOUNT, "USD", from_offers(OFFERS))
    path = cache.path_of(tmp_path, ACCOUNT.uid)
    assert path is not None
    data = path.read_bytes()
    magic, header, body = data.split(b"\n", 2)
    meta = json.loads(header)
    if damage == "truncated":
        data = data[:-7]
    elif damage == "flipped":
        data = data[:-3] + bytes([data[-3] ^ 0x40]) + data[-2:]
    elif damage == "garbage":
        data = b"\x00\xff" * 500
    elif damage == "empty":
        data = b""
    else:
        meta["version" if damage == "version" else "byteorder"] = \
            99 if damage == "version" else "middle"
        data = magic + b"\n" + json.dumps(meta).encode() + b"\n" + body
    path.write_bytes(data)
    with caplog.at_level(logging.WARNING, logger="bloomdesk.store.cache"):
        assert cache.load(tmp_path, ACCOUNT) is None
    assert "ignored" in caplog.text


def test_the_cache_never_holds_a_key(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    register_secret(KEY)
    cache.save(tmp_path, ACCOUNT, "USD", from_offers(OFFERS), COUNTRIES)
    path = cache.path_of(tmp_path, ACCOUNT.uid)
    assert path is not None and KEY.encode() not in path.read_bytes()
    # a provider echoing the key back in a name: nothing is written at all
    echoed = [*OFFERS, Offer("zz", f"Echo {KEY}", "73", Decimal(1), 1, "Sweden", "SE")]
    other = AccountInfo("echo", "bloomsms", None, "00000000000000ee")
    assert not cache.save(tmp_path, other, "USD", from_offers(echoed))
    assert "would hold a key" in caplog.text
    assert all(KEY.encode() not in p.read_bytes() for p in tmp_path.rglob("*") if p.is_file())


def test_accounts_are_listed_ahead_from_the_journal_without_changing_it(tmp_path: Path) -> None:
    journal = tmp_path / "journal.sqlite3"
    assert cache.accounts_in(journal) == []
    store = Store(journal)
    added = store.add_account(AccountInfo("bulk", "smsbulk", "http://x/api/v1"))
    store.close()
    assert cache.accounts_in(journal) == [added]
    journal.write_bytes(b"not a database" * 100)
    assert cache.accounts_in(journal) == []  # the Desk will say what is wrong
