"""Push instead of poll: the simulator's BloomSMS posts sms.received events to the
Desk's receiver; polling slows to a safety net and speeds up again when no event comes;
whatever is forged, malformed, unknown, oversized or flooding changes nothing."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import pytest

from bloomdesk.core import Desk, DeskSettings, OrderState
from bloomdesk.core.events import CodeReceived
from bloomdesk.core.webhook import Refused, parse_event, split_host_port
from bloomdesk.secrets import KeyStore
from bloomdesk.sim import Simulator
from bloomdesk.store import Store
from tests.conftest import Clock
from tests.helpers import until

KEY = "sk_webhook_test_0000000001"
TOKEN = "t0ken-for-the-webhook-tests-0123456789"
LABEL = "main"

Make = Callable[..., Awaitable[Desk]]


@pytest.fixture
async def make_desk(sim: Simulator, clock: Clock, tmp_path: Path) -> AsyncIterator[Make]:
    desks: list[Desk] = []

    async def make(*, webhook: bool = True, settings: DeskSettings | None = None) -> Desk:
        desk = Desk(Store(tmp_path / "journal.sqlite3"), KeyStore(memory_only=True),
                    settings=settings or DeskSettings(timeout=5), clock=clock)
        desks.append(desk)
        url = None
        if webhook:
            url = (await desk.start_webhook("127.0.0.1", 0, TOKEN)).url
        sim.add_account("bloomsms", KEY, "10.00", webhook_url=url)
        desk.add_account("bloomsms", LABEL, KEY, sim.url("bloomsms"))
        await desk.start()
        return desk

    yield make
    for desk in desks:
        await desk.stop()
        desk.store.close()


async def buy(desk: Desk) -> int:
    offers = [o for o in await desk.offers(LABEL, "tg") if o.stock > 50]
    best = min(offers, key=lambda o: o.price)
    return (await desk.buy(LABEL, "tg", best.country, price=best.price)).id


def codes_seen(desk: Desk) -> list[CodeReceived]:
    seen: list[CodeReceived] = []
    desk.subscribe(lambda e: seen.append(e) if isinstance(e, CodeReceived) else None)
    return seen


async def test_a_pushed_code_arrives_within_a_second_while_polling_rests(
        make_desk: Make, sim: Simulator) -> None:
    # a safety-net poll 6 s after the buy, when the code has come by webhook at 4 s
    desk = await make_desk(settings=DeskSettings(timeout=5, push_safety_interval=6))
    seen = codes_seen(desk)
    sim.next_codes("bloomsms", 4.0)
    order_id = await buy(desk)
    polls_before = sim.sent("bloomsms", "status")
    await until(lambda: len(seen) == 1, timeout=10)
    arrived = time.monotonic()
    [posted] = sim.webhooks.posted_at
    assert arrived - posted < 1.0, f"{arrived - posted:.3f} s from the post to the order"
    order = desk.order(order_id)
    assert order.state is OrderState.RECEIVED
    assert order.code == sim.activation("bloomsms", order.provider_id or "").code
    assert sim.sent("bloomsms", "status") == polls_before, "no poll was needed"
    assert desk.store.events(order_id)[-1][1] == "code (webhook)"
    # the same code by the safety-net poll is not delivered twice
    await until(lambda: sim.sent("bloomsms", "status") > polls_before, timeout=10)
    await asyncio.sleep(0.3)
    assert len(seen) == 1 and desk.order(order_id).code == order.code
    # and a replay of the event is acknowledged as a duplicate, changing nothing
    receiver = desk.receiver
    assert receiver is not None
    act = sim.activation("bloomsms", order.provider_id or "")
    body = json.dumps({"event": "sms.received", "data": {
        "activation_id": act.id, "sms": {"code": act.code}, "status": "code_received"}})
    assert await asyncio.to_thread(sim.webhooks.post, receiver.url, body.encode()) == 200
    assert len(seen) == 1


async def test_polling_resumes_when_no_event_comes(make_desk: Make, sim: Simulator,
                                                   clock: Clock) -> None:
    desk = await make_desk()
    sim.next_codes("bloomsms", None)  # the code never comes: no event either
    await buy(desk)
    polls = sim.sent("bloomsms", "status")
    await asyncio.sleep(3)
    assert sim.sent("bloomsms", "status") == polls, "resting while the webhook covers it"
    clock.advance(DeskSettings().push_grace + 1)  # past the usual delivery time
    await until(lambda: sim.sent("bloomsms", "status") >= polls + 2, timeout=15)


async def test_without_a_receiver_polling_keeps_its_pace(make_desk: Make,
                                                         sim: Simulator) -> None:
    """The control for the test above: the same silent order, no receiver; and when a
    receiver stops, its orders are polled at the normal pace again at once."""
    desk = await make_desk(webhook=False)
    sim.next_codes("bloomsms", None, None)
    await buy(desk)
    polls = sim.sent("bloomsms", "status")
    await until(lambda: sim.sent("bloomsms", "status") >= polls + 1, timeout=5)
    await desk.start_webhook("127.0.0.1", 0, TOKEN)
    await buy(desk)
    await asyncio.sleep(1.5)
    polls = sim.sent("bloomsms", "status")
    await asyncio.sleep(3)
    assert sim.sent("bloomsms", "status") == polls, "both rest while a receiver covers them"
    await desk.stop_webhook()
    await until(lambda: sim.sent("bloomsms", "status") >= polls + 2, timeout=5)


def journal_snapshot(desk: Desk) -> object:
    orders = desk.history()
    return [(o, desk.store.events(o.id)) for o in orders]


async def test_forged_malformed_unknown_oversized_and_flooding_posts_change_nothing(
        make_desk: Make, sim: Simulator) -> None:
    desk = await make_desk()
    seen = codes_seen(desk)
    sim.next_codes("bloomsms", None)
    order_id = await buy(desk)
    order = desk.order(order_id)
    receiver = desk.receiver
    assert receiver is not None
    url = receiver.url
    valid = {"event": "sms.received", "timestamp": "2026-11-22T10:00:00+00:00",
             "data": {"activation_id": order.provider_id, "phone_number": order.phone,
                      "service": "tg", "sms": {"code": "424242", "full_text": "code 424242"},
                      "status": "code_received"}}
    before = journal_snapshot(desk)

    async def post(target: str, body: bytes | str) -> int | str:
        data = body.encode() if isinstance(body, str) else body
        return await asyncio.to_thread(sim.webhooks.post, target, data)

    forged = url.rsplit("/", 1)[0] + "/not-the-token-000000000000"
    assert await post(forged, json.dumps(valid)) == 404
    assert await post(url + "x", json.dumps(valid)) == 404
    assert await post(url, b"{not json") == 400
    assert await post(url, b"\xff\xfe garbage") == 400
    assert await post(url, json.dumps({**valid, "event": "sms.sent"})) == 400
    no_code = json.loads(json.dumps(valid))
    no_code["data"]["sms"]["code"] = "<script>"
    assert await post(url, json.dumps(no_code)) == 400
    unknown = json.loads(json.dumps(valid))
    unknown["data"]["activation_id"] = "999999999"
    assert await post(url, json.dumps(unknown)) == 404
    other_phone = json.loads(json.dumps(valid))
    other_phone["data"]["phone_number"] = "+10000000000"
    assert await post(url, json.dumps(other_phone)) == 400
    huge = json.loads(json.dumps(valid))
    huge["data"]["sms"]["full_text"] = "x" * 40_000
    assert await post(url, json.dumps(huge)) == 413
    get = urllib.request.Request(url, method="GET")
    with pytest.raises(urllib.error.HTTPError) as refused:
        await asyncio.to_thread(urllib.request.urlopen, get, None, 5)
    assert refused.value.code == 405
    assert journal_snapshot(desk) == before and seen == []
    # a flood: past the bound every request is refused at once with 429
    # (a refusal before the body is read may reach the sender as a reset connection)
    outcomes = await asyncio.gather(*(post(url, json.dumps(unknown)) for _ in range(160)))
    assert outcomes.count(404) <= receiver.per_minute
    assert set(outcomes) <= {404, 429, "URLError", "ConnectionResetError"}
    assert journal_snapshot(desk) == before and seen == []
    assert receiver.running and desk.order(order_id).state is OrderState.WAITING


def test_parse_event_accepts_the_specs_example_only() -> None:
    example = {"event": "sms.received", "timestamp": "2025-05-05T14:30:00+00:00",
               "data": {"activation_id": "123456789", "phone_number": "1234567890",
                        "service": "wa", "sms": {"code": "852508",
                                                 "full_text": "Your WhatsApp code: 852508"},
                        "status": "code_received"}}
    pushed = parse_event(json.dumps(example).encode())
    assert (pushed.activation_id, pushed.code) == ("123456789", "852508")
    for broken in ([], {"event": "sms.received"}, {"event": "sms.received", "data": []},
                   {**example, "data": {**example["data"], "activation_id": "../../x"}},
                   {**example, "data": {**example["data"], "status": "cancelled"}},
                   {**example, "data": {**example["data"], "sms": {"code": ""}}},
                   {**example, "data": {**example["data"], "sms": {"code": True}}}):
        with pytest.raises(Refused) as caught:
            parse_event(json.dumps(broken).encode())
        assert caught.value.status == 400


def test_host_port_forms() -> None:
    assert split_host_port("127.0.0.1:9000") == ("127.0.0.1", 9000)
    assert split_host_port("[::1]:9001") == ("::1", 9001)
    assert split_host_port(":9002") == ("127.0.0.1", 9002)
    assert split_host_port("0.0.0.0") == ("0.0.0.0", 8765)
    with pytest.raises(ValueError):
        split_host_port("host:99999")


def test_cli_wait_receives_the_webhook(tmp_path: Path, sim: Simulator) -> None:
    """`bloomdesk-cli wait ORDER --webhook HOST:PORT` with the window's token from
    settings.ini: the code comes by webhook, before any status poll."""
    import os
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    (tmp_path / "settings.ini").write_text(f"[webhook]\ntoken={TOKEN}\n")
    url = f"http://127.0.0.1:{port}/bloomdesk/{TOKEN}"
    sim.add_account("bloomsms", KEY, "10.00", webhook_url=url)
    env = dict(os.environ, BLOOMDESK_STATE_DIR=str(tmp_path), BLOOMDESK_KEY_MAIN=KEY,
               PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "bloomdesk.cli", *args], env=env,
                              capture_output=True, text=True, timeout=60)

    assert cli("accounts", "add", "--kind", "bloomsms", "--label", LABEL,
               "--base-url", sim.url("bloomsms")).returncode == 0
    sim.next_codes("bloomsms", 5.0)
    bought = cli("buy", "tg", "--json")
    assert bought.returncode == 0, bought.stderr
    order = json.loads(bought.stdout)
    polls = sim.sent("bloomsms", "status")
    waited = cli("--json", "wait", str(order["id"]), "--webhook", f"127.0.0.1:{port}",
                 "--timeout", "30")
    assert waited.returncode == 0, waited.stderr
    assert f"receiving webhooks at 127.0.0.1:{port}" in waited.stderr
    assert TOKEN not in waited.stderr, "the secret path is printed only when asked"
    assert json.loads(waited.stdout)["code"] == sim.activation("bloomsms",
                                                               order["provider_id"]).code
    assert sim.webhooks.results == [(url, 200)]
    assert sim.sent("bloomsms", "status") == polls, "the webhook brought it"
    store = Store(tmp_path / "journal.sqlite3")
    try:
        assert [e[1] for e in store.events(order["id"])][-1] == "code (webhook)"
    finally:
        store.close()

