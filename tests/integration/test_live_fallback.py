"""A server that lacks an extended action says so as ``BAD_ACTION`` or
``WRONG_ACTION`` in its own wrapping; whichever, the basic action does the job, the
user sees no error, and what was learned is told once (``on_traits``) so that it is
never asked again.  Over real HTTP: the Hero-like simulator, its answer replaced.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from decimal import Decimal

import pytest

from bloomdesk.domain import Status
from bloomdesk.providers import Provider, connect
from bloomdesk.providers.errors import ProtocolError
from bloomdesk.sim import Fault, Simulator

START = Decimal("10.00")
KEY = "key-hero-fallback-7f3a9c1e5b2d"

# (body, HTTP status): every wrapping of "this server has no such action" seen live
LACKING = [
    ("BAD_ACTION", 200),
    ("WRONG_ACTION", 200),
    ('{"title":"BAD_ACTION","details":"Method Not Found"}', 404),
    ('{"error":"BAD_ACTION"}', 200),
    ('{"status":"error","message":"WRONG_ACTION"}', 200),
]


@pytest.fixture
async def hero(sim: Simulator) -> AsyncIterator[Provider]:
    sim.add_account("hero-sms", KEY, START)
    async with connect("sms-activate", api_key=KEY, base_url=sim.url("hero-sms"),
                       timeout=5) as provider:
        yield provider


def lacking(sim: Simulator, op: str, body: str, status: int) -> None:
    sim.fault("hero-sms", Fault("answer", op=op, body=body, status=status))


@pytest.mark.parametrize(("body", "status"), LACKING)
async def test_a_buy_falls_back_to_getnumber(sim: Simulator, hero: Provider, body: str,
                                             status: int) -> None:
    told: list[dict[str, bool]] = []
    hero.on_traits = told.append
    lacking(sim, "buy", body, status)
    bought = await hero.buy("tg", "0")
    (act,) = sim.activations("hero-sms")
    assert bought.id == act.id and bought.phone == act.phone, "one number, bought once"
    assert sim.balance("hero-sms", KEY) == START - act.price
    assert told == [{"getNumberV2": False}]
    before = sim.sent("hero-sms", "buy")
    await hero.buy("tg", "0")
    assert sim.sent("hero-sms", "buy") == before + 1, "never asked again"


@pytest.mark.parametrize(("body", "status"), LACKING)
async def test_a_poll_falls_back_to_getstatus(sim: Simulator, hero: Provider, body: str,
                                              status: int) -> None:
    hero.learn({"getStatusV2": True})  # believed present: the server changed since
    told: list[dict[str, bool]] = []
    hero.on_traits = told.append
    bought = await hero.buy("tg", "0")
    sent = sim.deliver("hero-sms", bought.id)
    lacking(sim, "status", body, status)
    got = await hero.activation(bought.id)
    assert got.status is Status.RECEIVED and got.code == sent.code
    assert told[-1]["getStatusV2"] is False and hero.traits["getStatusV2"] is False


@pytest.mark.parametrize(("body", "status"), LACKING)
async def test_no_operators_is_no_choice(sim: Simulator, hero: Provider, body: str,
                                         status: int) -> None:
    told: list[dict[str, bool]] = []
    hero.on_traits = told.append
    lacking(sim, "operators", body, status)
    assert await hero.operators("0") == []
    assert told == [{"getOperators": False}] and "operators" not in hero.capabilities


@pytest.mark.parametrize(("body", "status"), LACKING)
async def test_a_missing_list_is_learned_and_told(sim: Simulator, hero: Provider,
                                                  body: str, status: int) -> None:
    """The list cannot fall back (an empty list would say every order is gone): the
    refusal is raised once, and the capability is dropped for good."""
    from bloomdesk.providers.errors import Rejected

    told: list[dict[str, bool]] = []
    hero.on_traits = told.append
    lacking(sim, "list", body, status)
    with pytest.raises(Rejected):
        await hero.active_activations()
    assert told == [{"getActiveActivations": False}]
    assert "active_list" not in hero.capabilities


async def test_what_is_learned_is_not_probed_again(sim: Simulator, hero: Provider) -> None:
    hero.learn({"getNumberV2": False, "getStatusV2": False, "getOperators": False,
                "getActiveActivations": None, "notAnAction": True})
    assert set(hero.traits) == {"getNumberV2", "getStatusV2", "getOperators"}
    bought = await hero.buy("tg", "0")
    sim.deliver("hero-sms", bought.id)
    assert (await hero.activation(bought.id)).code
    assert await hero.operators("0") == []
    assert sim.sent("hero-sms", "buy") == 1 and sim.sent("hero-sms", "status") == 1
    assert sim.sent("hero-sms", "operators") == 0
    assert bought.price is None, "getNumber tells no price: the caller keeps its own"


async def test_a_refusal_is_not_a_lacking_action(sim: Simulator, hero: Provider) -> None:
    lacking(sim, "buy", "NO_NUMBERS", 200)
    from bloomdesk.providers.errors import NoNumbers

    with pytest.raises(NoNumbers):
        await hero.buy("tg", "0")
    assert "getNumberV2" not in hero.traits and not sim.activations("hero-sms")


async def test_a_v2_purchase_with_odd_extras_is_still_the_number_bought(
        sim: Simulator, hero: Provider) -> None:
    """Charged already: an unreadable price or end time is left out, never a failed buy;
    an end time without activationTime is read as UTC only when plausible."""
    lacking(sim, "buy", '{"activationId": 4242, "phoneNumber": "79990001122", '
                        '"activationCost": "lots", "activationEndTime": "2099-01-01 00:00:00",'
                        ' "canGetAnotherSms": "1"}', 200)
    bought = await hero.buy("tg", "0")
    assert (bought.id, bought.phone, bought.price) == ("4242", "79990001122", None)
    assert bought.can_retry is True and bought.expires_at is not None
    assert bought.expires_at.year < 2099, "a stamp that far is not this order's end"
    lacking(sim, "buy", '{"activationCost": 1}', 200)
    with pytest.raises(ProtocolError):
        await hero.buy("tg", "0")
