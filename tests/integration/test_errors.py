"""Every documented error of every dialect, and every scripted fault, over real HTTP.

Where money must not move (a refused or failed buy), the balance is checked too.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Awaitable, Callable
from decimal import Decimal

import pytest

from bloomdesk.providers import KINDS, Provider, connect
from bloomdesk.providers.errors import (
    AuthError,
    Banned,
    InsufficientFunds,
    NoNumbers,
    NotFound,
    ProtocolError,
    ProviderError,
    RateLimited,
    Rejected,
    Unavailable,
)
from bloomdesk.sim import Fault, Simulator

START = Decimal("10.00")
HANDLER_KINDS = ("bloomsms-legacy", "smsbulk-legacy", "sms-activate")


def key_for(kind: str) -> str:
    return f"key-{kind}-7f3a9c1e5b2d"


@pytest.fixture
async def open_provider(sim: Simulator) -> AsyncIterator[Callable[..., Awaitable[Provider]]]:
    opened: list[Provider] = []

    async def make(kind: str, timeout: float = 5.0, key: str | None = None) -> Provider:
        sim.add_account(kind, key_for(kind), START)
        provider = connect(kind, api_key=key or key_for(kind), base_url=sim.url(kind),
                           timeout=timeout)
        opened.append(provider)
        return provider

    yield make
    for provider in opened:
        await provider.aclose()


async def call(provider: Provider, op: str) -> object:
    if op == "buy":
        return await provider.buy("tg", None)
    if op == "status":
        return await provider.activation("12345678")
    if op == "cancel":
        return await provider.cancel("12345678")
    if op == "offers":
        return await provider.offers(service="wa")
    return await provider.balance()


# (body, HTTP status, headers, operation, error class, token)
HANDLER_TOKENS = [
    ("BAD_KEY", 200, {}, "balance", AuthError, "BAD_KEY"),
    ("BAD_ACTION", 200, {}, "balance", Rejected, "BAD_ACTION"),
    ("WRONG_ACTION", 200, {}, "balance", Rejected, "WRONG_ACTION"),
    ("BAD_SERVICE", 200, {}, "buy", Rejected, "BAD_SERVICE"),
    ("WRONG_SERVICE", 200, {}, "buy", Rejected, "WRONG_SERVICE"),
    ("BAD_COUNTRY", 200, {}, "buy", Rejected, "BAD_COUNTRY"),
    ("BAD_STATUS", 200, {}, "cancel", Rejected, "BAD_STATUS"),
    ("NO_BALANCE", 200, {}, "buy", InsufficientFunds, "NO_BALANCE"),
    ("NO_NUMBERS", 200, {}, "buy", NoNumbers, "NO_NUMBERS"),
    ("WRONG_MAX_PRICE:0.75", 200, {}, "buy", NoNumbers, "WRONG_MAX_PRICE"),
    ("NO_ACTIVATION", 200, {}, "status", NotFound, "NO_ACTIVATION"),
    ("WRONG_ACTIVATION_ID", 200, {}, "status", NotFound, "WRONG_ACTIVATION_ID"),
    ("ERROR_SQL", 200, {}, "balance", Unavailable, "ERROR_SQL"),
    ("RATE_LIMITED", 429, {"Retry-After": "17"}, "balance", RateLimited, "RATE_LIMITED"),
    ("RATE_LIMITED", 200, {}, "status", RateLimited, "RATE_LIMITED"),
    ("ACCOUNT_INACTIVE", 200, {}, "balance", Banned, "ACCOUNT_INACTIVE"),
    ("BANNED:2026-12-01 10:00:00", 200, {}, "buy", Banned, "BANNED"),
    ("EARLY_CANCEL_DENIED", 200, {}, "cancel", Rejected, "EARLY_CANCEL_DENIED"),
    ('{"title":"BAD_KEY","details":"Unauthorized"}', 401, {}, "balance", AuthError, "BAD_KEY"),
    ('{"title":"NOT_FOUND","details":"x"}', 404, {}, "status", NotFound, "NOT_FOUND"),
    ('{"title":"VALIDATION","errors":{"service":["required"]}}', 422, {}, "buy", Rejected, None),
    ('{"title":"RATE_LIMIT"}', 429, {"Retry-After": "3"}, "balance", RateLimited, "RATE_LIMIT"),
    ('{"error":"Bad country"}', 200, {}, "buy", Rejected, "BAD_COUNTRY"),
]

BLOOMSMS_CODES = [
    (401, "INVALID_API_KEY", "balance", AuthError),
    (402, "INSUFFICIENT_FUNDS", "buy", InsufficientFunds),
    (403, "ACCOUNT_SUSPENDED", "balance", Banned),
    (404, "ACTIVATION_NOT_FOUND", "status", NotFound),
    (404, "SERVICE_NOT_FOUND", "buy", Rejected),
    (400, "NO_NUMBERS_AVAILABLE", "buy", NoNumbers),
    (400, "MAX_RENTALS_EXCEEDED", "buy", Rejected),
    (422, "INVALID_PARAMETER", "buy", Rejected),
    (429, "RATE_LIMITED", "balance", RateLimited),
    (502, "PROVIDER_ERROR", "buy", Unavailable),
    (503, "MAINTENANCE", "balance", Unavailable),
]

SMSBULK_CODES = [
    (401, "UNAUTHORIZED", "balance", AuthError),
    (402, "INSUFFICIENT_BALANCE", "buy", InsufficientFunds),
    (403, "ACCOUNT_SUSPENDED", "balance", Banned),
    (404, "NOT_FOUND", "status", NotFound),
    (409, "NO_NUMBERS", "buy", NoNumbers),
    (409, "INVALID_STATE", "cancel", Rejected),
    (422, "VALIDATION_ERROR", "buy", Rejected),
    (429, "RATE_LIMITED", "balance", RateLimited),
]


@pytest.mark.parametrize("kind", HANDLER_KINDS)
@pytest.mark.parametrize(("body", "status", "headers", "op", "cls", "token"), HANDLER_TOKENS)
async def test_handler_tokens(sim: Simulator, open_provider: Callable[..., Awaitable[Provider]],
                              kind: str, body: str, status: int, headers: dict[str, str],
                              op: str, cls: type[ProviderError], token: str | None) -> None:
    provider = await open_provider(kind)
    sim.fault(kind, Fault("answer", body=body, status=status, headers=headers))
    with pytest.raises(cls) as caught:
        await call(provider, op)
    assert type(caught.value) is cls
    if token:
        assert caught.value.token == token
    assert caught.value.message and "key-" not in str(caught.value)
    if "Retry-After" in headers:
        assert isinstance(caught.value, RateLimited)
        assert caught.value.retry_after == float(headers["Retry-After"])
    if token == "WRONG_MAX_PRICE":
        assert isinstance(caught.value, NoNumbers) and caught.value.min_price == Decimal("0.75")
    assert sim.balance(kind, key_for(kind)) == START


@pytest.mark.parametrize(("status", "code", "op", "cls"), BLOOMSMS_CODES)
async def test_bloomsms_codes(sim: Simulator, open_provider: Callable[..., Awaitable[Provider]],
                              status: int, code: str, op: str, cls: type[ProviderError]) -> None:
    provider = await open_provider("bloomsms")
    body = {"status": "error", "data": None, "errors": {"code": code, "message": "from spec"}}
    sim.fault("bloomsms", Fault("answer", body=json.dumps(body), status=status,
                                headers={"Retry-After": "9"} if status == 429 else None))
    with pytest.raises(cls) as caught:
        await call(provider, op)
    assert type(caught.value) is cls and caught.value.token == code
    if status == 429:
        assert isinstance(caught.value, RateLimited) and caught.value.retry_after == 9.0


@pytest.mark.parametrize(("status", "code", "op", "cls"), SMSBULK_CODES)
async def test_smsbulk_codes(sim: Simulator, open_provider: Callable[..., Awaitable[Provider]],
                             status: int, code: str, op: str, cls: type[ProviderError]) -> None:
    provider = await open_provider("smsbulk")
    body = {"error": {"code": code, "message": "from the simulator's documented choice"}}
    sim.fault("smsbulk", Fault("answer", body=json.dumps(body), status=status))
    with pytest.raises(cls) as caught:
        await call(provider, op)
    assert type(caught.value) is cls and caught.value.token == code


# ----------------------------------------------------------- errors the simulator makes


@pytest.mark.parametrize("kind", KINDS)
async def test_refusals_made_by_the_simulator(sim: Simulator,
                                              open_provider: Callable[..., Awaitable[Provider]],
                                              kind: str) -> None:
    provider = await open_provider(kind)
    offers = await provider.offers(service="tg")
    offer = next(o for o in offers if o.stock > 0)
    with pytest.raises(Rejected):
        await provider.buy("no-such-service", offer.country)
    with pytest.raises(Rejected):
        await provider.buy("tg", "ZZ" if kind == "smsbulk" else "98765")
    sim.set_stock(kind, "tg", offer.country_iso or _iso(sim, kind, offer.country), 0)
    with pytest.raises(NoNumbers):
        await provider.buy("tg", offer.country)
    with pytest.raises(NotFound):
        await provider.activation("31337")
    pricey = max((o for o in await provider.offers(service="wa") if o.stock), key=lambda o: o.price)
    sim.provider(kind).accounts[key_for(kind)].balance = pricey.price - Decimal("0.01")
    with pytest.raises(InsufficientFunds):
        await provider.buy("wa", pricey.country)
    assert sim.balance(kind, key_for(kind)) == pricey.price - Decimal("0.01")
    bad = connect(kind, api_key="wrong-key-000000000", base_url=sim.url(kind))
    async with bad:
        with pytest.raises(AuthError):
            await bad.balance()


def _iso(sim: Simulator, kind: str, country_id: str) -> str:
    from bloomdesk.sim.catalogue import country_ids

    ids = country_ids(kind, sim.provider(kind).catalogue)
    return next(iso for iso, cid in ids.items() if cid == country_id)


async def test_rate_limit_of_bloomsms(sim: Simulator,
                                      open_provider: Callable[..., Awaitable[Provider]]) -> None:
    provider = await open_provider("bloomsms")
    for _ in range(60):
        await provider.balance()
    with pytest.raises(RateLimited) as caught:
        await provider.balance()
    assert caught.value.token == "RATE_LIMITED"
    assert caught.value.retry_after is not None and 0 < caught.value.retry_after <= 60
    assert sim.stats("bloomsms")["rate_limited"] == 1


# ----------------------------------------------------------------------------- faults


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("fault", ["http500", "html", "reset", "garbage"])
async def test_failed_buy_moves_no_money(sim: Simulator,
                                         open_provider: Callable[..., Awaitable[Provider]],
                                         kind: str, fault: str) -> None:
    provider = await open_provider(kind)
    offer = next(o for o in await provider.offers(service="tg") if o.stock > 0)
    sim.fault(kind, Fault(fault, op="buy"))
    expected = ProtocolError if fault == "garbage" else Unavailable
    with pytest.raises(expected):
        await provider.buy(offer.service, offer.country)
    assert sim.sent(kind, "buy") == 1, "a buy is never retried"
    assert sim.activations(kind) == []
    assert sim.balance(kind, key_for(kind)) == START


@pytest.mark.parametrize("kind", KINDS)
async def test_timeout_after_create_is_ambiguous(sim: Simulator,
                                                 open_provider: Callable[..., Awaitable[Provider]],
                                                 kind: str) -> None:
    provider = await open_provider(kind, timeout=1.0)
    offer = next(o for o in await provider.offers(service="tg") if o.stock > 0)
    sim.fault(kind, Fault("timeout_after_create", op="buy", seconds=3))
    with pytest.raises(Unavailable) as caught:
        await provider.buy(offer.service, offer.country)
    assert caught.value.maybe_sent, "the caller must treat this buy as unknown"
    assert sim.sent(kind, "buy") == 1
    created = sim.activations(kind)
    assert len(created) == 1, "the order exists server-side"
    assert sim.balance(kind, key_for(kind)) == START - created[0].price


@pytest.mark.parametrize("kind", KINDS)
async def test_latency_within_and_beyond_the_timeout(
        sim: Simulator, open_provider: Callable[..., Awaitable[Provider]], kind: str) -> None:
    provider = await open_provider(kind, timeout=1.0)
    sim.fault(kind, Fault("latency", op="balance", seconds=0.3))
    assert await provider.balance() == START
    sim.fault(kind, Fault("latency", op="balance", seconds=2.5))
    with pytest.raises(Unavailable) as caught:
        await provider.balance()
    assert caught.value.maybe_sent


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("fault", ["truncated", "garbage"])
async def test_broken_answers_are_protocol_errors(
        sim: Simulator, open_provider: Callable[..., Awaitable[Provider]], kind: str,
        fault: str) -> None:
    provider = await open_provider(kind)
    sim.fault(kind, Fault(fault, op="balance"))
    with pytest.raises(ProtocolError) as caught:
        await provider.balance()
    assert len(caught.value.excerpt) <= 81
    assert await provider.balance() == START


@pytest.mark.parametrize("kind", KINDS)
async def test_html_error_page(sim: Simulator, open_provider: Callable[..., Awaitable[Provider]],
                               kind: str) -> None:
    provider = await open_provider(kind)
    sim.fault(kind, Fault("html", op="balance", status=502))
    with pytest.raises(Unavailable) as bad_gateway:
        await provider.balance()
    assert bad_gateway.value.http_status == 502
    sim.fault(kind, Fault("html", op="balance", status=200))
    with pytest.raises(ProtocolError) as page:
        await provider.balance()
    assert "html" in page.value.excerpt.lower()


async def test_probe_drops_a_missing_active_list(
        sim: Simulator, open_provider: Callable[..., Awaitable[Provider]]) -> None:
    provider = await open_provider("sms-activate")
    assert "active_list" in provider.capabilities
    sim.fault("sms-activate", Fault("answer", op="list", body="BAD_ACTION", status=200))
    with pytest.raises(Rejected):
        await provider.active_activations()
    assert "active_list" not in provider.capabilities
    before = sim.sent("sms-activate")
    with pytest.raises(Rejected):
        await provider.active_activations()
    assert sim.sent("sms-activate") == before


# ------------------------------------------------------- answers seen on live servers
# PROTOCOL-NOTES section 5: each shape as a live server sent it, on the operation it
# came from.  (body, HTTP status, operation, the simulator's op the answer replaces,
# error class, token kept)
LIVE_SHAPES = [
    ("TOO_MANY_REQUESTS", 200, "balance", "balance", RateLimited, "TOO_MANY_REQUESTS"),
    ("UNPROCESSABLE_ENTITY:service:INVALID", 200, "buy", "buy", Rejected,
     "UNPROCESSABLE_ENTITY"),
    ("UNPROCESSABLE_ENTITY:service:INVALID", 422, "buy", "buy", Rejected,
     "UNPROCESSABLE_ENTITY"),
    ('{"title":"NOT_FOUND","details":"Activation Not Found"}', 404, "status", "status",
     NotFound, "NOT_FOUND"),
    ('{"title":"BAD_SERVICE","details":"Service is not available"}', 200, "buy", "buy",
     Rejected, "BAD_SERVICE"),
    ('{"status":0,"message":"No access","data":[]}', 401, "balance", "balance", AuthError,
     "NO_ACCESS"),
    ("BAD_KEY", 401, "balance", "balance", AuthError, "BAD_KEY"),
    ('{"error":"BAD_SERVICE"}', 200, "offers", "offers", Rejected, "BAD_SERVICE"),
    ('{"error":"Bad service"}', 200, "offers", "offers", Rejected, "BAD_SERVICE"),
    ('{"error":"Bad country"}', 200, "offers", "offers", Rejected, "BAD_COUNTRY"),
    ('{"title":"BAD_ACTION","details":"Method Not Found"}', 404, "balance", "balance",
     Rejected, "BAD_ACTION"),
    ('{"title":"RATE_LIMIT","details":"Too many requests"}', 429, "status", "status",
     RateLimited, "RATE_LIMIT"),
]


@pytest.mark.parametrize("kind", HANDLER_KINDS)
@pytest.mark.parametrize(("body", "status", "op", "sim_op", "cls", "token"), LIVE_SHAPES)
async def test_live_server_shapes(sim: Simulator,
                                  open_provider: Callable[..., Awaitable[Provider]],
                                  kind: str, body: str, status: int, op: str, sim_op: str,
                                  cls: type[ProviderError], token: str) -> None:
    provider = await open_provider(kind)
    sim.fault(kind, Fault("answer", op=sim_op, body=body, status=status))
    with pytest.raises(cls) as caught:
        await call(provider, op)
    assert type(caught.value) is cls and caught.value.token == token
    assert caught.value.message and "key-" not in str(caught.value)
    assert sim.balance(kind, key_for(kind)) == START


async def test_hero_sms_bad_action_drops_the_active_list(
        sim: Simulator, open_provider: Callable[..., Awaitable[Provider]]) -> None:
    """Hero-SMS answers an action it lacks with 404 {"title":"BAD_ACTION"}: the probe
    reads that as "not offered", like the plain BAD_ACTION of other servers."""
    provider = await open_provider("sms-activate")
    sim.fault("sms-activate", Fault("answer", op="list", status=404,
                                    body='{"title":"BAD_ACTION","details":"Method Not Found"}'))
    with pytest.raises(Rejected) as caught:
        await provider.active_activations()
    assert caught.value.token == "BAD_ACTION"
    assert "active_list" not in provider.capabilities


HTML_404 = ("<!DOCTYPE html><html><head><title>404 Not Found</title></head><body>"
            "<h1>Not Found</h1><p>The requested URL was not found on this server.</p>"
            "</body></html>")


@pytest.mark.parametrize("kind", KINDS)
async def test_an_html_404_on_a_status_poll_is_unavailable(
        sim: Simulator, open_provider: Callable[..., Awaitable[Provider]], kind: str) -> None:
    """A 404 web page is a web server or proxy that does not know the path (a wrong
    base URL, maintenance), not the provider's API saying the order is unknown: it is
    Unavailable, so the order is polled again and never concluded gone on a page's
    word (a JSON or token 404 stays NotFound: test_handler_tokens)."""
    provider = await open_provider(kind)
    sim.fault(kind, Fault("answer", op="status", body=HTML_404, status=404))
    with pytest.raises(Unavailable) as caught:
        await provider.activation("12345678")
    assert caught.value.http_status == 404


async def test_php_empty_array_is_an_empty_price_list(
        sim: Simulator, open_provider: Callable[..., Awaitable[Provider]]) -> None:
    provider = await open_provider("sms-activate")
    await provider.countries()
    sim.fault("sms-activate", Fault("answer", op="offers", body="[]", status=200))
    assert await provider.offers(service="wa") == []
