"""Parsers survive garbage: whatever a server answers, only ProviderError escapes,
and a successful call returns well-typed values (never a guessed code)."""

from __future__ import annotations

import asyncio
import json
from decimal import Decimal
from typing import Any

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bloomdesk.domain import Activation, Country, Offer, Status
from bloomdesk.providers import KINDS, connect
from bloomdesk.providers.answers import ACTIVATION_ID as PLAIN_ID
from bloomdesk.providers.errors import ProviderError

TOKENS = ["ACCESS_BALANCE", "ACCESS_NUMBER", "STATUS_OK", "STATUS_WAIT_CODE", "STATUS_WAIT_RETRY",
          "STATUS_CANCEL", "ACCESS_CANCEL", "ACCESS_ACTIVATION", "ACCESS_READY", "BAD_KEY",
          "BANNED", "WRONG_MAX_PRICE", "NO_NUMBERS", "RATE_LIMITED", "ERROR_SQL"]

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True)
    | st.text(max_size=12) | st.sampled_from(["success", "error", "waiting", "RECEIVED", "0.5"]),
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.sampled_from(
        ["status", "data", "errors", "error", "balance", "countries", "services", "prices",
         "id", "iso", "name", "code", "price", "stock", "cost", "count", "sms", "title",
         "activation_id", "phone_number", "activation_status", "phoneNumber", "smsCode",
         "userCost", "nextCursor", "187", "wa", "activeActivations", "expires_at"]),
        inner, max_size=5),
    max_leaves=20)

# Numbers and texts that once escaped as ValueError, OverflowError or a hang.
HOSTILE = [
    "ACCESS_BALANCE:1e999999999", '{"balance": 1e999999999}', '{"balance": "1e999999999"}',
    '{"187": {"wa": {"cost": 0.5, "count": "1e999999999"}}}',
    '{"187": {"wa": {"cost": 0.5, "count": 1e999999999}}}',
    '{"187": {"wa": {"cost": 0.5, "count": Infinity}}}',
    '{"187": {"wa": {"cost": 0.5, "count": "' + "9" * 5000 + '"}}}',
    '{"data": {"prices": [{"service": "wa", "price": "1e-999999999", "stock": -1}]}}',
    '{"data": [{"serviceCode": "wa", "price": 1e99999999999999999999999, "stock": 1}]}',
    '{"status": "success", "data": {"activation_id": "../../x", "phone_number": "1"}}',
    '{"id": "1?status=x", "phoneNumber": "1", "status": "WAITING"}',
    "ACCESS_NUMBER:../../admin:79990001122", "STATUS_OK:\x1b]52;c;eA==\x07",
    "WRONG_MAX_PRICE:1e999999999", "BANNED:\x1b[2J",
]

bodies = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(max_size=60),
    st.binary(max_size=60).map(lambda b: b.decode("latin-1")),
    json_values.map(lambda v: json.dumps(v, default=str)),
    st.tuples(st.sampled_from(TOKENS), st.text(max_size=20)).map(lambda t: f"{t[0]}:{t[1]}"),
)
answers = st.tuples(st.sampled_from([200, 200, 200, 201, 400, 401, 404, 422, 429, 500, 502]),
                    bodies, st.sampled_from([None, "5", "soon", "Wed, 21 Oct 2026 07:28:00 GMT"]))


async def exercise(kind: str, status: int, body: str, retry_after: str | None) -> None:
    def reply(request: httpx.Request) -> httpx.Response:
        headers = {"Retry-After": retry_after} if retry_after else {}
        return httpx.Response(status, text=body, headers=headers)

    provider = connect(kind, api_key="fuzz-key-0123456789", base_url="http://sim.invalid/x",
                       transport=httpx.MockTransport(reply))
    calls: list[Any] = [
        (provider.balance, (), Decimal), (provider.countries, (), list),
        (provider.offers, (), list), (provider.offers, (None, "wa"), list),
        (provider.buy, ("wa", "187"), Activation), (provider.activation, ("1",), Activation),
        (provider.cancel, ("1",), type(None)), (provider.complete, ("1",), type(None)),
        (provider.request_another_sms, ("1",), type(None)), (provider.rerent, ("1",), Activation),
        (provider.active_activations, (), list),
    ]
    async with provider:
        for method, args, expected in calls:
            try:
                result = await method(*args)
            except ProviderError:
                continue
            assert isinstance(result, expected)
            if result is None:
                continue
            items = result if isinstance(result, list) else [result]
            for item in items:
                if isinstance(item, Offer):
                    assert isinstance(item.price, Decimal) and isinstance(item.stock, int)
                elif isinstance(item, Activation):
                    assert isinstance(item.status, Status)
                    if item.status is Status.RECEIVED:
                        assert item.code
                    for text in (item.code, item.phone, item.text, item.service):
                        assert text is None or text.isprintable(), "cleaned (textsafe)"
                    assert PLAIN_ID.fullmatch(item.id)
                elif isinstance(item, Decimal):
                    assert item.is_finite()
                else:
                    assert isinstance(item, Country | Offer | Activation | Decimal)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kind=st.sampled_from(KINDS), answer=answers)
def test_only_provider_errors_escape(kind: str, answer: tuple[int, str, str | None]) -> None:
    asyncio.run(exercise(kind, *answer))


def test_a_known_answer_still_parses() -> None:
    """The fuzz harness itself works: a sane answer goes through."""
    asyncio.run(exercise("bloomsms-legacy", 200, "ACCESS_BALANCE:14.50", None))
