"""The compatible services of 2026, over real HTTP: the Hero-SMS-like and Tiger-SMS-like
simulated servers (bloomdesk/sim/wire_live.py) spoken to as the ``sms-activate`` kind,
as a user's account would be.

What a user relies on: the price and end time the provider gives on a purchase (not an
assumed lifetime), the full SMS text and a code given by voice call, the operator
chosen, and each server's own error shapes read as the typed error they mean.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from bloomdesk.domain import Status
from bloomdesk.providers import PROFILES, Provider, connect
from bloomdesk.providers.errors import AuthError, NotFound, Rejected
from bloomdesk.sim import Simulator

START = Decimal("10.00")
KIND = "sms-activate"


def key_for(server: str) -> str:
    return f"key-{server}-7f3a9c1e5b2d"


Open = Callable[..., Awaitable[Provider]]


@pytest.fixture
async def open_server(sim: Simulator) -> AsyncIterator[Open]:
    opened: list[Provider] = []

    async def make(server: str, key: str | None = None) -> Provider:
        sim.add_account(server, key_for(server), START)
        provider = connect(KIND, api_key=key or key_for(server), base_url=sim.url(server),
                           timeout=5)
        opened.append(provider)
        return provider

    yield make
    for provider in opened:
        await provider.aclose()


async def test_a_hero_purchase_carries_the_providers_price_and_end_time(
        sim: Simulator, open_server: Open) -> None:
    hero = await open_server("hero-sms")
    bought = await hero.buy("tg", "0")
    act = sim.activation("hero-sms", bought.id)
    assert sim.sent("hero-sms", "buy") == 1, "getNumberV2 alone: one request, one number"
    assert bought.price == act.price and isinstance(bought.price, Decimal)
    assert bought.expires_at is not None
    assert abs(bought.expires_at.timestamp() - act.expires) <= 2
    assumed = PROFILES[KIND].activation_lifetime
    left = (bought.expires_at - datetime.now(UTC)).total_seconds()
    assert 14 * 60 < left <= 15 * 60 < assumed, "the provider's 15 minutes, not 20 assumed"
    assert bought.can_retry is True and bought.operator == "any"
    assert bought.phone and bought.status is Status.WAITING
    assert await hero.balance() == START - act.price


async def test_hero_status_gives_the_full_text_and_a_voice_code(
        sim: Simulator, open_server: Open) -> None:
    hero = await open_server("hero-sms")
    hero.learn({"getStatusV2": True})  # as a preset or an earlier run says
    by_sms = await hero.buy("tg", "0")
    sent = sim.deliver("hero-sms", by_sms.id)
    got = await hero.activation(by_sms.id)
    assert got.status is Status.RECEIVED and got.code == sent.code
    assert got.text == sent.text and sent.code in (got.text or "")
    assert got.by_call is False
    by_call = await hero.buy("tg", "0")
    called = sim.deliver("hero-sms", by_call.id, by_call=True)
    heard = await hero.activation(by_call.id)
    assert heard.status is Status.RECEIVED and heard.code == called.code
    assert heard.by_call is True and heard.text == called.text
    waiting = await hero.buy("tg", "0")
    assert (await hero.activation(waiting.id)).status is Status.WAITING


async def test_the_status_probe_waits_for_a_code_and_is_remembered(
        sim: Simulator, open_server: Open) -> None:
    """With nothing known, polls use getStatus; the first code brings one probe of
    getStatusV2 (only then has it more to say), whose answer is kept and told."""
    hero = await open_server("hero-sms")
    told: list[dict[str, bool]] = []
    hero.on_traits = told.append
    bought = await hero.buy("tg", "0")
    before = sim.sent("hero-sms", "status")
    assert (await hero.activation(bought.id)).status is Status.WAITING
    assert sim.sent("hero-sms", "status") == before + 1 and "getStatusV2" not in hero.traits
    sent = sim.deliver("hero-sms", bought.id)
    got = await hero.activation(bought.id)
    assert got.text == sent.text, "the probe brought the full text"
    assert hero.traits["getStatusV2"] is True and told[-1]["getStatusV2"] is True
    before = sim.sent("hero-sms", "status")
    await hero.activation(bought.id)
    assert sim.sent("hero-sms", "status") == before + 1, "known: one request a poll"


async def test_operators_and_a_buy_on_one(sim: Simulator, open_server: Open) -> None:
    hero = await open_server("hero-sms")
    assert "operators" in hero.capabilities
    assert await hero.operators("0") == ["beeline", "megafon", "mts", "tele2"]
    assert await hero.operators("73") == [], "PHP's [] for a country without operators"
    assert await hero.operators("999") == []
    bought = await hero.buy("tg", "0", operator="mts")
    assert bought.operator == "mts" and sim.activation("hero-sms", bought.id).operator == "mts"
    anyone = await hero.buy("tg", "0", operator="any")
    assert sim.activation("hero-sms", anyone.id).operator is None, "'any' is not sent"


async def test_no_operator_choice_is_quiet_and_refuses_one_before_sending(
        sim: Simulator, open_server: Open) -> None:
    tiger = await open_server("tiger-sms")
    told: list[dict[str, bool]] = []
    tiger.on_traits = told.append
    assert await tiger.operators("0") == [], "BAD_ACTION: no choice, no error"
    assert tiger.traits["getOperators"] is False and told[-1]["getOperators"] is False
    assert "operators" not in tiger.capabilities
    before = sim.sent("tiger-sms")
    assert await tiger.operators("0") == []
    with pytest.raises(Rejected) as caught:
        await tiger.buy("tg", "0", operator="mts")
    assert caught.value.token == "NOT_SUPPORTED" and sim.sent("tiger-sms") == before


async def test_tiger_reads_right(sim: Simulator, open_server: Open) -> None:
    """Countries as a list with ids as strings, costs as strings, its V2 purchase."""
    tiger = await open_server("tiger-sms")
    countries = {c.id: c for c in await tiger.countries()}
    assert countries["0"].iso == "RU" and countries["187"].iso == "US"
    assert countries["16"].iso == "GB" and countries["16"].name == "United Kingdom"
    offers = await tiger.offers(service="tg")
    assert all(isinstance(o.price, Decimal) for o in offers)
    assert {o.country_iso for o in offers if o.country == "187"} == {"US"}
    offer = next(o for o in offers if o.stock > 0)
    bought = await tiger.buy("tg", offer.country)
    assert bought.price == offer.price == sim.activation("tiger-sms", bought.id).price


# Each server's refusals in its own words, to the typed error they mean; no money moves.
async def test_hero_refusals(sim: Simulator, open_server: Open) -> None:
    hero = await open_server("hero-sms")
    with pytest.raises(NotFound) as unknown:
        await hero.activation("12345678")
    assert unknown.value.token == "NOT_FOUND" and unknown.value.http_status == 404
    with pytest.raises(Rejected) as bad:
        await hero.buy("nosuchservice", "0")
    assert bad.value.token == "UNPROCESSABLE_ENTITY" and "service" in bad.value.message
    hero.learn({"getNumberV2": False})
    with pytest.raises(Rejected) as plain:
        await hero.buy("nosuchservice", "0")
    assert plain.value.token == "UNPROCESSABLE_ENTITY"
    wrong = await open_server("hero-sms", key="key-hero-sms-wrong-000000")
    with pytest.raises(AuthError) as denied:
        await wrong.balance()
    assert denied.value.token == "BAD_KEY" and denied.value.http_status == 401
    assert sim.balance("hero-sms", key_for("hero-sms")) == START


async def test_tiger_refusals(sim: Simulator, open_server: Open) -> None:
    tiger = await open_server("tiger-sms")
    with pytest.raises(Rejected) as bad:
        await tiger.buy("nosuchservice", "0")
    assert bad.value.token == "BAD_SERVICE" and bad.value.http_status == 200
    assert tiger.traits.get("getNumberV2") is not False, "a refusal is not a lacking action"
    wrong = await open_server("tiger-sms", key="key-tiger-sms-wrong-000000")
    with pytest.raises(AuthError) as denied:
        await wrong.balance()
    assert denied.value.token == "BAD_KEY" and denied.value.http_status == 401
    for error in (bad.value, denied.value):
        assert error.message and "key-" not in str(error)
    assert sim.balance("tiger-sms", key_for("tiger-sms")) == START


async def test_each_server_has_its_own_wallet(sim: Simulator, open_server: Open) -> None:
    hero = await open_server("hero-sms")
    await open_server("tiger-sms")
    bought = await hero.buy("tg", "0")
    assert sim.balance("tiger-sms", key_for("tiger-sms")) == START
    with pytest.raises(KeyError):
        sim.activation("tiger-sms", bought.id)
