"""Every answer is bounded in size (decoded bytes) and in total time, over real HTTP.

The calls that could blow up run in a child process (tests/hostile.py run_child): its
own clock and its own peak memory (VmHWM) are what is asserted, and an address-space
limit keeps an unbounded read from starving the machine.
"""

from __future__ import annotations

import gzip
import time
import zlib
from collections.abc import Callable
from decimal import Decimal

import pytest

from bloomdesk.providers import KINDS, connect
from bloomdesk.providers.errors import ProtocolError, Unavailable
from bloomdesk.providers.limits import (
    ANSWER_MAX_BYTES,
    CATALOGUE_DEADLINE_FACTOR,
    CATALOGUE_MAX_BYTES,
)
from tests.hostile import (
    KEY,
    MB,
    Answer,
    HostileServer,
    balance_answer,
    dialect,
    drip,
    endless_chunked,
    gzip_bomb,
    huge,
    json_reply,
    order_answer,
    prices_answer,
    reply,
    run_child,
    script_catalogue_prelude,
    slow_headers,
)

GROWTH_LIMIT_MB = 150  # peak RSS over the child's own baseline, for any answer


BIG: dict[str, Callable[[], Answer]] = {
    "200 MB body": lambda: huge(200),
    "endless chunked body": endless_chunked,
    "gzip bomb": gzip_bomb,
}


@pytest.mark.parametrize(("answer", "kind", "op"), [
    ("200 MB body", "bloomsms", "balance"),
    ("200 MB body", "sms-activate", "offers"),
    ("endless chunked body", "smsbulk", "balance"),
    ("endless chunked body", "bloomsms", "offers"),
    ("gzip bomb", "sms-activate", "balance"),
    ("gzip bomb", "smsbulk", "offers"),
])
def test_oversized_answers_stop_at_the_cap(server: HostileServer, answer: str, kind: str,
                                           op: str) -> None:
    """A balance stops at ANSWER_MAX_BYTES, a price list at CATALOGUE_MAX_BYTES, both
    counted on decoded bytes: quickly, and with memory bounded by the cap."""
    if op == "offers":
        script_catalogue_prelude(server, kind)
    server.answer(BIG[answer]())
    timeout = 10.0
    result = run_child(kind, server.url_for(kind), op, timeout=timeout, limit=60)
    assert result.error == "ProtocolError", result
    assert "too large" in result.message
    cap = CATALOGUE_MAX_BYTES if op == "offers" else ANSWER_MAX_BYTES
    assert f"{cap // MB} MB" in result.message
    assert result.elapsed < timeout, "the cap ended it, not the deadline"
    assert result.growth_mb < GROWTH_LIMIT_MB, \
        f"peak RSS grew {result.growth_mb:.0f} MB reading a {answer}"


SLOW: dict[str, Callable[[], Answer]] = {
    "a byte every 0.3 s": lambda: drip(0.3),
    "a header line every 0.3 s": lambda: slow_headers(0.3),
}


@pytest.mark.parametrize(("answer", "kind", "op"), [
    ("a byte every 0.3 s", "bloomsms-legacy", "balance"),
    ("a byte every 0.3 s", "bloomsms", "offers"),
    ("a header line every 0.3 s", "smsbulk", "balance"),
    ("a header line every 0.3 s", "sms-activate", "offers"),
])
def test_slow_answers_end_at_the_deadline(server: HostileServer, answer: str, kind: str,
                                          op: str) -> None:
    """Each read comes well within the 1 s timeout, so only a total deadline ends the
    call: the timeout for a balance, CATALOGUE_DEADLINE_FACTOR times it for a list."""
    if op == "offers":
        script_catalogue_prelude(server, kind)
    server.answer(SLOW[answer]())
    timeout = 1.0
    deadline = timeout * (CATALOGUE_DEADLINE_FACTOR if op == "offers" else 1.0)
    result = run_child(kind, server.url_for(kind), op, timeout=timeout, limit=deadline + 20)
    assert result.error == "Unavailable", result
    assert result.maybe_sent is True
    assert deadline * 0.9 <= result.elapsed <= deadline + 1.0, result.elapsed


@pytest.mark.parametrize("kind", KINDS)
async def test_a_buy_past_its_deadline_is_unknown(server: HostileServer, kind: str) -> None:
    """A buy whose answer drips past the deadline may exist: Unavailable(maybe_sent),
    so the core keeps it as "unknown" and reconciles; it was sent exactly once."""
    server.answer(drip(0.15, length=100))
    async with connect(kind, api_key=KEY, base_url=server.url_for(kind), timeout=0.6) as p:
        began = time.monotonic()
        with pytest.raises(Unavailable) as caught:
            await p.buy("tg", "187" if kind != "smsbulk" else "US")
        took = time.monotonic() - began
    assert caught.value.maybe_sent is True
    assert 0.5 <= took <= 1.6
    assert len(server.requests) == 1, "a buy is never sent twice"


@pytest.mark.parametrize("kind", ["sms-activate", "bloomsms", "smsbulk"])
async def test_catalogues_get_the_larger_cap(server: HostileServer, kind: str) -> None:
    """A 10 MB price list (here: one offer and 10 MB of JSON white space) is read; a
    10 MB balance is not, and neither is a price list past CATALOGUE_MAX_BYTES' share."""
    script_catalogue_prelude(server, kind)
    padding = " " * (10 * MB)
    listing = prices_answer(kind)
    server.answer(Answer(lambda out, seen: json_reply(
        _body_of(listing, seen) + padding).write(out, seen)))
    server.answer(balance_answer(kind, '"12.50"' + padding if dialect(kind) != "handler"
                                 else "12.50" + padding))
    async with connect(kind, api_key=KEY, base_url=server.url_for(kind), timeout=5) as p:
        offers = await p.offers()
        assert [(o.service, o.price, o.stock) for o in offers] == [("wa", Decimal("0.50"), 10)]
        with pytest.raises(ProtocolError) as caught:
            await p.balance()
    assert "too large" in caught.value.message and "2 MB" in caught.value.message


def _body_of(answer: Answer, seen: object) -> str:
    """The body an Answer would send (to wrap it in padding)."""
    sent: list[bytes] = []

    class Capture:
        def head(self, *args: object, **kwargs: object) -> None:
            pass

        def send(self, data: bytes) -> None:
            sent.append(data)

    answer.write(Capture(), seen)  # type: ignore[arg-type]
    return b"".join(sent).decode()


@pytest.mark.parametrize("kind", ["sms-activate", "bloomsms", "smsbulk"])
@pytest.mark.parametrize("encoding", ["gzip", "deflate", "raw deflate"])
async def test_compressed_answers_still_read(server: HostileServer, kind: str,
                                             encoding: str) -> None:
    """The bounded decoder reads what httpx read before: gzip, deflate in its zlib
    wrapper, and deflate sent raw."""
    plain = _body_of(balance_answer(kind, '"12.50"'), None).encode()
    if encoding == "gzip":
        body = gzip.compress(plain)
    elif encoding == "deflate":
        body = zlib.compress(plain)
    else:
        squeeze = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
        body = squeeze.compress(plain) + squeeze.flush()
    header = encoding.replace("raw ", "")
    server.answer(reply(body, headers={"Content-Encoding": header}))
    async with connect(kind, api_key=KEY, base_url=server.url_for(kind), timeout=5) as p:
        assert await p.balance() == Decimal("12.50")
    assert server.requests[0].headers["accept-encoding"] == "gzip, deflate"


async def test_a_corrupt_gzip_answer_is_a_protocol_error(server: HostileServer) -> None:
    server.answer(reply(b"\x1f\x8b\x08\x00garbage" * 10, headers={"Content-Encoding": "gzip"}))
    async with connect("bloomsms", api_key=KEY, base_url=server.url_for("bloomsms")) as p:
        with pytest.raises(ProtocolError):
            await p.balance()


async def test_a_bought_order_within_limits_still_reads(server: HostileServer) -> None:
    """The limits cost nothing to a normal answer."""
    server.answer(order_answer("smsbulk", "cuid_abc123", "+15550100199"))
    async with connect("smsbulk", api_key=KEY, base_url=server.url_for("smsbulk")) as p:
        bought = await p.buy("tg", "US")
    assert (bought.id, bought.phone) == ("cuid_abc123", "+15550100199")
