"""The price list parsed straight into the table's columns (``Provider.price_rows``,
issue 16) reads exactly what ``offers()`` reads, over real HTTP, for every dialect and
simulated server, and refuses what ``offers()`` refuses: numbers beyond bounds, text
that is not text, lists of another shape."""

from __future__ import annotations

import time
from decimal import Decimal

import pytest

from bloomdesk.providers import connect
from bloomdesk.providers.errors import AuthError, ProtocolError
from bloomdesk.sim import KIND, Simulator, demo_accounts
from tests.hostile import (
    DIALECT_KINDS,
    KEY,
    HostileServer,
    json_reply,
    prices_answer,
    reply,
    script_catalogue_prelude,
)

BIG = "9" * 5000


@pytest.mark.parametrize("name", [name for name, _, _ in demo_accounts()])
async def test_the_columns_hold_what_offers_reads(sim: Simulator, name: str) -> None:
    key = next(k for n, k, _ in demo_accounts() if n == name)
    sim.add_account(name, key, "10")
    async with connect(KIND[name], api_key=key, base_url=sim.url(name)) as provider:
        offers = await provider.offers()
        rows = await provider.price_rows()
        one = await provider.price_rows(offers[7].country, offers[7].service)
    assert len(offers) > 50_000
    assert list(rows.offers()) == offers
    assert len(rows.services) < 1000 and len(rows.prices) < 5000  # each value once
    assert offers[7] in list(one.offers())
    assert abs(rows.read_at - time.time()) < 60


@pytest.mark.parametrize("kind", DIALECT_KINDS)
@pytest.mark.parametrize("price", ["1e999999999", '"1e999999999"', "1e-999999999", BIG,
                                   '"-0.50"', "Infinity", "NaN", "true", '{"a": 1}'])
async def test_a_price_beyond_bounds_is_refused_alike(server: HostileServer, kind: str,
                                                      price: str) -> None:
    script_catalogue_prelude(server, kind)
    server.answer(prices_answer(kind, price=price), times=2)
    async with connect(kind, api_key=KEY, base_url=server.url_for(kind)) as provider:
        with pytest.raises(ProtocolError):
            await provider.offers()
        began = time.monotonic()
        with pytest.raises(ProtocolError):
            await provider.price_rows()
        assert time.monotonic() - began < 1.0


@pytest.mark.parametrize("kind", DIALECT_KINDS)
@pytest.mark.parametrize("stock", ['"1e999999999"', "1e999999999", BIG, f'"{BIG}"', "-1",
                                   "Infinity"])
async def test_a_stock_beyond_bounds_is_refused_at_once(server: HostileServer, kind: str,
                                                        stock: str) -> None:
    script_catalogue_prelude(server, kind)
    server.answer(prices_answer(kind, stock=stock))
    async with connect(kind, api_key=KEY, base_url=server.url_for(kind)) as provider:
        began = time.monotonic()
        with pytest.raises(ProtocolError):
            await provider.price_rows()
        assert time.monotonic() - began < 1.0


@pytest.mark.parametrize("kind", DIALECT_KINDS)
async def test_names_are_cleaned_and_numbers_read_to_the_digit(server: HostileServer,
                                                               kind: str) -> None:
    hostile = '"\\u001b[2JWhats\\u202eapp\\n"'
    script_catalogue_prelude(server, kind, name=hostile)
    answer = prices_answer(kind, price="0.30000000000000004", stock='"1546"', name=hostile)
    server.answer(answer, times=2)
    async with connect(kind, api_key=KEY, base_url=server.url_for(kind)) as provider:
        (offer,) = await provider.offers()
        (row,) = list((await provider.price_rows()).offers())
    assert row == offer
    assert row.price == Decimal("0.30000000000000004") and row.stock == 1546
    assert "\x1b" not in row.service_name and "\u202e" not in row.service_name


@pytest.mark.parametrize("kind", DIALECT_KINDS)
@pytest.mark.parametrize("body", ['{"unexpected": [1, 2]}', "[1, 2, 3]", '"prices"',
                                  '{"data": {"prices": [{"code": "wa"}]}}'])
async def test_another_shape_is_refused(server: HostileServer, kind: str, body: str) -> None:
    script_catalogue_prelude(server, kind)
    server.answer(json_reply(body))
    async with connect(kind, api_key=KEY, base_url=server.url_for(kind)) as provider:
        with pytest.raises(ProtocolError):
            await provider.price_rows()


async def test_a_refusal_in_words_is_still_classified(server: HostileServer) -> None:
    script_catalogue_prelude(server, "sms-activate")
    server.answer(reply("BAD_KEY"))
    async with connect("sms-activate", api_key=KEY,
                       base_url=server.url_for("sms-activate")) as provider:
        with pytest.raises(AuthError):
            await provider.price_rows()
