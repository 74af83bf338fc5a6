"""Numbers that are not numbers, over real HTTP: a typed ProtocolError, quickly, never
a hang, a MemoryError or a bare ValueError.

Stock counts run in a child process under a time limit: before they were bounded,
``int(Decimal("1e999999999"))`` held the GIL for minutes.
"""

from __future__ import annotations

import math
import time
from decimal import Decimal

import pytest

from bloomdesk.providers import connect
from bloomdesk.providers.errors import ProtocolError, RateLimited
from tests.hostile import (
    DIALECT_KINDS,
    KEY,
    HostileServer,
    balance_answer,
    json_reply,
    prices_answer,
    reply,
    run_child,
    script_catalogue_prelude,
)

BIG = "9" * 5000


@pytest.mark.parametrize("kind", DIALECT_KINDS)
@pytest.mark.parametrize("literal", [
    "1e999999999", '"1e999999999"', "-1e999999999", "1e-999999999", '"1e-999999999"',
    BIG, f'"{BIG}"', f"0.{BIG}", "1e99999999999999999999999", "NaN", "Infinity", "-5",
    '"12,50"', '"0x10"', "1000000000.5",
])
async def test_a_balance_beyond_bounds(server: HostileServer, kind: str, literal: str) -> None:
    server.answer(balance_answer(kind, literal))
    async with connect(kind, api_key=KEY, base_url=server.url_for(kind)) as provider:
        began = time.monotonic()
        with pytest.raises(ProtocolError) as caught:
            await provider.balance()
        assert time.monotonic() - began < 1.0
    assert len(caught.value.message) < 200


@pytest.mark.parametrize("kind", DIALECT_KINDS)
@pytest.mark.parametrize("literal", ['"12.5085"', "12.5085", "0", '"1000000000"'])
async def test_a_balance_within_bounds(server: HostileServer, kind: str, literal: str) -> None:
    server.answer(balance_answer(kind, literal))
    async with connect(kind, api_key=KEY, base_url=server.url_for(kind)) as provider:
        assert await provider.balance() == Decimal(literal.strip('"'))


@pytest.mark.parametrize("kind", DIALECT_KINDS)
@pytest.mark.parametrize("price", ["1e999999999", '"1e999999999"', "1e-999999999", BIG,
                                   '"-0.50"', "Infinity"])
async def test_a_price_beyond_bounds(server: HostileServer, kind: str, price: str) -> None:
    script_catalogue_prelude(server, kind)
    server.answer(prices_answer(kind, price=price))
    async with connect(kind, api_key=KEY, base_url=server.url_for(kind)) as provider:
        with pytest.raises(ProtocolError):
            await provider.offers()


@pytest.mark.parametrize("kind", DIALECT_KINDS)
@pytest.mark.parametrize("stock", ['"1e999999999"', "1e999999999", BIG, f'"{BIG}"', "-1",
                                   "Infinity"])
def test_a_stock_beyond_bounds(server: HostileServer, kind: str, stock: str) -> None:
    script_catalogue_prelude(server, kind)
    server.answer(prices_answer(kind, stock=stock))
    result = run_child(kind, server.url_for(kind), "offers", timeout=5.0, limit=20.0)
    assert result.error == "ProtocolError", result
    assert result.elapsed < 1.0


@pytest.mark.parametrize("kind", DIALECT_KINDS)
async def test_a_price_list_within_bounds(server: HostileServer, kind: str) -> None:
    """The PHP float artefact a live server may print still reads, to the digit."""
    script_catalogue_prelude(server, kind)
    server.answer(prices_answer(kind, price="0.30000000000000004", stock='"1546"'))
    async with connect(kind, api_key=KEY, base_url=server.url_for(kind)) as provider:
        (offer,) = await provider.offers()
    assert offer.price == Decimal("0.30000000000000004") and offer.stock == 1546


@pytest.mark.parametrize("kind", DIALECT_KINDS)
@pytest.mark.parametrize(("retry_after", "expected"), [
    ("1e400", 300.0), ("inf", 300.0), ("86400", 300.0), ("-20", 0.0), ("nan", None),
    ("Fri, 31 Dec 9999 23:59:59 GMT", 300.0), ("17", 17.0),
])
async def test_retry_after_is_bounded(server: HostileServer, kind: str, retry_after: str,
                                      expected: float | None) -> None:
    body = '{"title": "RATE_LIMIT"}' if kind == "sms-activate" else \
        '{"status": "error", "data": null, "errors": {"code": "RATE_LIMITED"}}' \
        if kind == "bloomsms" else '{"error": {"code": "RATE_LIMITED"}}'
    server.answer(json_reply(body, 429, {"Retry-After": retry_after}))
    async with connect(kind, api_key=KEY, base_url=server.url_for(kind)) as provider:
        with pytest.raises(RateLimited) as caught:
            await provider.balance()
    got = caught.value.retry_after
    assert got == expected
    assert got is None or math.isfinite(got)


async def test_a_minimum_price_beyond_bounds_is_dropped(server: HostileServer) -> None:
    from bloomdesk.providers.errors import NoNumbers

    server.answer(reply("WRONG_MAX_PRICE:1e999999999"))
    async with connect("sms-activate", api_key=KEY,
                       base_url=server.url_for("sms-activate")) as provider:
        with pytest.raises(NoNumbers) as caught:
            await provider.buy("tg", "187", Decimal("0.10"))
    assert caught.value.min_price is None
