"""bloomdesk-cli as scripts use it, in real processes against the simulator: exit codes
that say who refused, keys checked before they are saved, names for services and
countries, errors as JSON, lost buys reconciled before anything is printed, and
nothing a provider sends ever reaching the terminal or a spreadsheet raw."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from bloomdesk.sim import Fault, Simulator
from tests.helpers import cli_account, cli_env, run_cli

KEY = "smsbulk-cli-test-key-000042"
BLOOM_KEY = "sk_cli_test_bloomsms_000042"


@pytest.fixture
def env(tmp_path: Path, sim: Simulator) -> dict[str, str]:
    """One smsbulk account named "bulk", its key from the environment."""
    sim.add_account("smsbulk", KEY, "20.00")
    env = cli_env(tmp_path, {"bulk": KEY})
    added = run_cli(env, "accounts", "add", "--kind", "smsbulk", "--label", "bulk",
                    "--base-url", sim.url("smsbulk"))
    assert added.returncode == 0, added.stderr
    return env


def test_exit_codes_say_who_refused(env: dict[str, str], sim: Simulator) -> None:
    assert run_cli(env, "buy").returncode == 2  # usage
    for cap in ("0", "-1", "nan", "1e999999"):
        priced = run_cli(env, "buy", "tg", "--max-price", cap)
        assert priced.returncode == 2, (cap, priced.stderr)
    assert run_cli(env, "cancel", "999").returncode == 7  # no such order: BloomDesk says so
    assert run_cli(env, "balance", "--account", "nosuch").returncode == 7
    sim.next_codes("smsbulk", None)
    done = run_cli(env, "buy", "tg", "--json")
    assert "charged unless" not in done.stderr, "SMSBulk charges nothing for silence"
    bought = json.loads(done.stdout)
    dismissed = run_cli(env, "dismiss", str(bought["id"]))
    assert dismissed.returncode == 7 and "never came" in dismissed.stderr
    waited = run_cli(env, "wait", str(bought["id"]), "--timeout", "1")
    assert waited.returncode == 6  # no code (yet)
    sim.fault("smsbulk", Fault("reset", op="balance"))
    assert run_cli(env, "balance").returncode == 4  # network
    sim.provider("smsbulk").accounts[KEY].balance = Decimal("0")
    refused = run_cli(env, "buy", "wa")
    assert refused.returncode == 3 and "balance" in refused.stderr.lower()  # the provider


def test_errors_are_json_on_stderr_with_json(env: dict[str, str]) -> None:
    done = run_cli(env, "--json", "cancel", "999")
    assert done.returncode == 7 and done.stdout == ""
    assert json.loads(done.stderr) == {"error": "There is no order 999.",
                                       "token": "NO_ORDER", "exit": 7}


def test_accounts_add_checks_the_key_first(tmp_path: Path, sim: Simulator) -> None:
    sim.add_account("bloomsms", BLOOM_KEY, "5.00")
    env = cli_env(tmp_path, {"main": "sk_not_the_right_key_000"})
    url = sim.url("bloomsms")
    refused = run_cli(env, "accounts", "add", "--kind", "bloomsms", "--label", "main",
                      "--base-url", url)
    assert refused.returncode == 3 and "nothing was saved" in refused.stderr.lower()
    assert "sk_not_the_right_key_000" not in refused.stderr
    assert run_cli(env, "--json", "accounts", "list").stdout.strip() == "[]"
    offline = run_cli(env, "accounts", "add", "--kind", "bloomsms", "--label", "main",
                      "--base-url", "http://127.0.0.1:9/api/v1")
    assert offline.returncode == 4 and "127.0.0.1" in offline.stderr
    assert "--no-check" in offline.stderr
    unchecked = run_cli(env, "accounts", "add", "--kind", "bloomsms", "--label", "main",
                        "--base-url", url, "--no-check")
    assert unchecked.returncode == 0, unchecked.stderr
    assert [a["label"] for a in json.loads(run_cli(env, "--json", "accounts", "list").stdout)] \
        == ["main"]


def test_without_a_keyring_adding_needs_the_environment(tmp_path: Path,
                                                        sim: Simulator) -> None:
    sim.add_account("bloomsms", BLOOM_KEY, "5.00")
    env = cli_env(tmp_path)  # no keyring, no BLOOMDESK_KEY_MAIN
    piped = run_cli(env, "accounts", "add", "--kind", "bloomsms", "--label", "main",
                    "--base-url", sim.url("bloomsms"), stdin=BLOOM_KEY + "\n")
    assert piped.returncode == 5
    assert "BLOOMDESK_KEY_MAIN" in piped.stderr and "nothing was saved" in piped.stderr
    assert run_cli(env, "--json", "accounts", "list").stdout.strip() == "[]"
    env["BLOOMDESK_KEY_MAIN"] = BLOOM_KEY
    added = run_cli(env, "--json", "accounts", "add", "--kind", "bloomsms", "--label",
                    "main", "--base-url", sim.url("bloomsms"))
    assert added.returncode == 0, added.stderr
    assert json.loads(added.stdout)["key"] == "environment"


def test_services_and_countries_by_name(env: dict[str, str]) -> None:
    by_code = json.loads(run_cli(env, "--json", "offers", "--service", "tg",
                                 "--country", "SE").stdout)
    by_name = json.loads(run_cli(env, "--json", "offers", "--service", "TELEGRAM",
                                 "--country", "sweden").stdout)
    assert by_code == by_name and len(by_code) == 1
    assert by_code[0]["country_iso"] == "SE" and by_code[0]["name"] == "Telegram"
    ambiguous = run_cli(env, "offers", "--service", "mail")
    assert ambiguous.returncode == 2
    assert "Mail.ru (ma)" in ambiguous.stderr and "ProtonMail (dp)" in ambiguous.stderr
    assert "give the code" in ambiguous.stderr
    nowhere = run_cli(env, "offers", "--country", "Atlantis")
    assert nowhere.returncode == 2 and "Atlantis" in nowhere.stderr


def test_balance_and_offers_cover_every_account(env: dict[str, str], sim: Simulator,
                                                tmp_path: Path) -> None:
    sim.add_account("bloomsms", BLOOM_KEY, "7.50")
    env = dict(env, BLOOMDESK_KEY_BLOOM=BLOOM_KEY)
    assert run_cli(env, "accounts", "add", "--kind", "bloomsms", "--label", "bloom",
                   "--base-url", sim.url("bloomsms")).returncode == 0
    rows = json.loads(run_cli(env, "--json", "balance").stdout)
    assert [(r["account"], r["balance"], r["currency"]) for r in rows] == \
        [("bulk", "20.00", "USD"), ("bloom", "7.50", "USD")]
    human = run_cli(env, "offers", "--service", "tg", "--limit", "400").stdout.splitlines()
    assert human[0].split()[:3] == ["account", "service", "name"]
    assert {line.split()[0] for line in human[1:]} == {"bulk", "bloom"}
    sim.fault("bloomsms", Fault("reset", op="balance"))
    partial = run_cli(env, "balance")
    assert partial.returncode == 4
    assert "bulk" in partial.stdout and "20.00" in partial.stdout
    assert "bloom" in partial.stdout and "failed" in partial.stdout
    assert "127.0.0.1" in partial.stdout + partial.stderr


def test_orders_reconciles_a_lost_buy_before_printing(env: dict[str, str],
                                                      sim: Simulator) -> None:
    sim.next_codes("smsbulk", None)
    sim.fault("smsbulk", Fault("timeout_after_create", op="buy", seconds=0.3))
    lost = run_cli(env, "buy", "tg")
    assert lost.returncode == 8, lost.stderr  # may have charged: not a bare network error
    assert "may have charged" in lost.stderr and "never buying it twice" in lost.stderr
    [activation] = sim.activations("smsbulk")
    shown = run_cli(env, "--json", "orders")
    assert shown.returncode == 0, shown.stderr
    [order] = json.loads(shown.stdout)
    assert f"order #{order['id']}" in lost.stderr, "the user is told which order to watch"
    assert order["provider_id"] == activation.id and order["phone"] == activation.phone
    assert order["status"] == "waiting" and order["reason"] == "recovered"
    assert sim.sent("smsbulk", "buy") == 1, "never bought twice"


def test_webhook_url_is_printed_only_when_asked(env: dict[str, str], sim: Simulator,
                                                tmp_path: Path) -> None:
    (tmp_path / "settings.ini").write_text("[webhook]\ntoken=t0ken-secret-for-cli-tests-42\n")
    sim.next_codes("smsbulk", 0.2)
    order = json.loads(run_cli(env, "buy", "tg", "--json").stdout)
    quiet = run_cli(env, "wait", str(order["id"]), "--webhook", "127.0.0.1:0")
    assert quiet.returncode == 0 and "t0ken-secret" not in quiet.stderr
    asked = run_cli(env, "wait", str(order["id"]), "--webhook", "127.0.0.1:0",
                    "--show-webhook-url")
    assert "/bloomdesk/t0ken-secret-for-cli-tests-42" in asked.stderr


def test_nothing_a_provider_sends_reaches_the_terminal_raw(env: dict[str, str],
                                                           sim: Simulator) -> None:
    hostile_phone = "123\r\n#99    bulk   tg  fake line"
    sim.fault("smsbulk", Fault("answer", op="buy", status=201, body=json.dumps(
        {"id": "c1a2b3", "phoneNumber": hostile_phone, "status": "WAITING",
         "serviceCode": "tg", "countryIso": "SE", "userCost": "0.10"})))
    bought = run_cli(env, "buy", "tg", "--country", "SE", "--json")
    assert bought.returncode == 0, bought.stderr
    order_id = json.loads(bought.stdout)["id"]
    lines = run_cli(env, "orders").stdout.splitlines()
    assert len(lines) == 1 and "\r" not in lines[0], "one order, one line"
    escape = "\x1b]52;c;aGVsbG8=\x07\x1b[2J"
    sim.fault("smsbulk", Fault("answer", op="status", status=200, times=50, body=json.dumps(
        {"id": "c1a2b3", "status": "RECEIVED", "smsCode": f"{escape}4242",
         "smsText": f"code {escape}"})))
    waited = run_cli(env, "wait", str(order_id), "--timeout", "20")
    assert waited.returncode == 0, waited.stderr
    assert "\x1b" not in waited.stdout + waited.stderr and "\x07" not in waited.stdout
    assert waited.stdout.startswith("\\x1b]52"), "shown escaped: the user sees it is odd"
    sim.fault("smsbulk", Fault("answer", op="buy", status=201, body=json.dumps(
        {"id": "c9d8e7", "phoneNumber": "+46700000001", "status": "RECEIVED",
         "smsCode": "=HYPERLINK(\"http://x\")", "serviceCode": "tg", "countryIso": "SE"})))
    assert run_cli(env, "buy", "tg", "--country", "SE").returncode == 0
    csv_text = run_cli(env, "history", "--csv").stdout
    assert "=HYPERLINK" in csv_text and ",=HYPERLINK" not in csv_text
    assert "'=HYPERLINK" in csv_text


def test_an_order_bought_on_the_website_shows_marked_outside(env: dict[str, str],
                                                              sim: Simulator) -> None:
    prov = sim.provider("smsbulk")
    with sim.lock:
        iso = next(iso for (iso, code), o in prov.catalogue.offers.items()
                   if code == "wa" and o.stock > 10)
        elsewhere = prov.buy(KEY, "wa", iso, None, id_style="cuid")
    shown = run_cli(env, "--json", "orders")
    assert shown.returncode == 0, shown.stderr
    [order] = json.loads(shown.stdout)
    assert order["provider_id"] == elsewhere.id and order["outside"] is True
    assert order["auto_cancel"] is False and order["phone"].endswith(elsewhere.phone)
    again = json.loads(run_cli(env, "--json", "orders").stdout)
    assert [o["id"] for o in again] == [order["id"]], "adopted once"
    assert "outside BloomDesk" in run_cli(env, "orders").stdout


def test_a_failed_buy_names_its_order_for_scripts(env: dict[str, str], sim: Simulator) -> None:
    """A script can tell "refused, nothing charged" from "may have charged" and find the
    order either way; a wait says whether it timed out or the order ended."""
    sim.fault("smsbulk", Fault("error_after", op="buy", status=504))
    maybe = run_cli(env, "--json", "buy", "tg")
    assert maybe.returncode == 8 and maybe.stdout == ""
    told = json.loads(maybe.stderr.splitlines()[-1])
    assert (told["token"], told["exit"]) == ("MAYBE_BOUGHT", 8)
    [activation] = sim.activations("smsbulk")
    [kept] = json.loads(run_cli(env, "--json", "orders").stdout)
    assert (kept["id"], kept["provider_id"]) == (told["order"], activation.id)

    sim.provider("smsbulk").accounts[KEY].balance = Decimal("0")
    refused = run_cli(env, "--json", "buy", "wa")
    assert refused.returncode == 3
    said = json.loads(refused.stderr.splitlines()[-1])
    failed = [o for o in json.loads(run_cli(env, "--json", "history").stdout)
              if o["id"] == said["order"]]
    assert failed and failed[0]["status"] == "failed", "the refused buy is on record"

    listed = sim.sent("smsbulk", "list")
    cancelled = run_cli(env, "cancel", str(told["order"]))
    assert cancelled.returncode == 0, cancelled.stderr
    assert sim.sent("smsbulk", "list") == listed, "a found order needs no reconciling"
    ended = run_cli(env, "--json", "wait", str(told["order"]), "--timeout", "5")
    assert ended.returncode == 6
    assert json.loads(ended.stderr.splitlines()[-1])["token"] == "ENDED"


@pytest.mark.parametrize("url", ["{url}?api_key=sk-in-the-address-0001",
                                 "http://user:sk-in-the-address-0001@127.0.0.1:9/api/v1",
                                 "{url}#sk-in-the-address-0001"])
def test_an_address_carrying_a_key_is_refused(tmp_path: Path, sim: Simulator,
                                              url: str) -> None:
    """A key pasted into the address would be kept in clear in the journal and shown by
    `accounts list`: refused, nothing saved, and the key not echoed."""
    env = cli_env(tmp_path, {"main": BLOOM_KEY})
    refused = run_cli(env, "accounts", "add", "--kind", "bloomsms", "--label", "main",
                      "--base-url", url.format(url=sim.url("bloomsms")))
    assert refused.returncode == 2 and "own field" in refused.stderr
    assert "sk-in-the-address" not in refused.stdout + refused.stderr
    assert run_cli(env, "--json", "accounts", "list").stdout.strip() == "[]"


def test_a_number_that_costs_money_in_silence_says_by_when(tmp_path: Path,
                                                         sim: Simulator) -> None:
    """BloomSMS legacy keeps the money of a number left silent for two minutes: a buy
    that ends the command says by when it must get a code or be cancelled, and how
    BloomDesk can do that; scripts read the deadline from the JSON."""
    env = cli_account(sim, tmp_path, "bloomsms-legacy", "old", "legacy-cli-deadline-key-0001")
    sim.next_codes("bloomsms-legacy", None)
    bought = run_cli(env, "--json", "buy", "tg")
    assert bought.returncode == 0, bought.stderr
    order = json.loads(bought.stdout)
    assert order["free_cancel_until"] is not None
    [warning] = [json.loads(line) for line in bought.stderr.splitlines()]  # JSON Lines
    assert (warning["order"], warning["kind"]) == (order["id"], "deadline")
    assert warning["free_cancel_until"] == order["free_cancel_until"]
    assert f"bloomdesk-cli wait {order['id']}" in warning["warning"]
    best = run_cli(env, "buy", "tg", "--best")
    assert best.returncode == 0, best.stderr
    assert "is charged unless" in best.stderr, "the best route says it too"
    waited = run_cli(env, "wait", str(order["id"]), "--timeout", "1")
    assert waited.returncode == 6
    assert f"order #{order['id']} is charged unless" in waited.stderr, \
        "a wait that gives up leaves it to no one, and says so"


def test_a_reader_that_stops_early_gets_no_traceback(env: dict[str, str]) -> None:
    """`bloomdesk-cli history | head -1`: the pipe closes early; the command stops
    quietly (exit 141, as for SIGPIPE), never a Python traceback on the terminal."""
    import subprocess
    import sys
    import time

    from bloomdesk.core import Order, OrderState
    from bloomdesk.store import Store

    store = Store(Path(env["BLOOMDESK_STATE_DIR"]) / "journal.sqlite3")
    for _ in range(3000):  # more than a pipe holds
        store.new_order(Order(0, "bulk", "tg", "SE", OrderState.FAILED, time.time()))
    store.close()
    cli = subprocess.Popen([sys.executable, "-m", "bloomdesk.cli", "history", "--limit",
                            "3000"], env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert cli.stdout is not None and cli.stderr is not None
    cli.stdout.readline()
    cli.stdout.close()  # the reader is gone
    errors = cli.stderr.read().decode()
    assert cli.wait(timeout=30) in (0, 141) and "Traceback" not in errors, errors
