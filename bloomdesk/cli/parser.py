"""The command line's grammar: every command and option, each with its help."""

from __future__ import annotations

import argparse

from .. import __version__
from ..core.actions import BY_NAME
from ..providers import KINDS

EPILOG = """exit codes: 0 success, 2 usage, 3 refused by the provider, 4 network failure,
5 local failure (journal, keyring, a webhook port), 6 no code (NO_CODE: --timeout
passed; ENDED: the order ended without one), 7 refused by BloomDesk itself (no such
order or account, nothing to do for the order), 8 a buy whose answer never came
(MAYBE_BOUGHT: the provider may have charged; the order is kept as unknown and checked
with the provider, never bought twice)"""

# CLI command -> order action (core/actions.ACTIONS); "retry" is the CLI's short name
COMMANDS = {"cancel": "cancel", "complete": "complete", "retry": "request_another_sms",
            "rerent": "rerent", "dismiss": "dismiss"}

WEBHOOK_HELP = ("also receive BloomSMS sms.received webhooks there while waiting (the path "
                "token is the window's, from settings.ini; polling continues, slower)")
SHOW_URL_HELP = "print the webhook URL, secret path included, to stderr"


def build() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bloomdesk-cli", description="BloomDesk from the command line.", epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    state_help = "the journal's folder (default: $BLOOMDESK_STATE_DIR, else the user's " \
        "data folder)"
    json_help = "print JSON objects (errors too, on stderr)"
    parser.add_argument("--state-dir", help=state_help)
    parser.add_argument("--json", action="store_true", help=json_help)
    # The same options after a subcommand; SUPPRESS keeps a subparser from resetting
    # what was given before it.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--state-dir", default=argparse.SUPPRESS, help=state_help)
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                        help=json_help)
    parser.add_argument("--version", action="version", version=f"BloomDesk {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    accounts = sub.add_parser("accounts", parents=[common], help="add, list or remove accounts")
    acc = accounts.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = acc.add_parser("add", parents=[common], help="add an account (the key is read from "
                         "BLOOMDESK_KEY_<LABEL> or stdin, and checked with the provider)")
    add.add_argument("--kind", choices=KINDS, help="the provider's kind (or --preset)")
    add.add_argument("--preset", metavar="NAME", help="a known compatible service by name "
                     "(see `accounts presets`): its kind and address")
    add.add_argument("--label", required=True, help="a name for the account")
    add.add_argument("--base-url", help="the provider's address (sms-activate without a "
                     "preset: its …/stubs/handler_api.php URL; with one: overrides it)")
    add.add_argument("--no-check", action="store_true",
                     help="save without asking the provider (offline setup)")
    acc.add_parser("list", parents=[common], help="every account")
    acc.add_parser("presets", parents=[common], help="the known compatible services")
    remove = acc.add_parser("remove", parents=[common], help="remove an account (its history "
                            "stays; its key leaves the keyring)")
    remove.add_argument("label", help="the account's name")

    balance = sub.add_parser("balance", parents=[common], help="every account's balance")
    balance.add_argument("--account", help="only this account")
    offers = sub.add_parser("offers", parents=[common], help="prices and stock, cheapest first")
    offers.add_argument("--account", help="only this account (default: every account)")
    offers.add_argument("--service", help="a service code or name (tg, Telegram)")
    offers.add_argument("--country", help="a country id, ISO code or name (SE, Sweden)")
    offers.add_argument("--limit", type=int, default=50, help="at most this many (50)")

    buy = sub.add_parser("buy", parents=[common], help="buy a number for SERVICE")
    buy.add_argument("service", help="a service code or name (tg, Telegram)")
    buy.add_argument("--account", help="the account to buy from (needed when several)")
    buy.add_argument("--country", help="a country id, ISO code or name (default: the "
                     "cheapest in stock)")
    buy.add_argument("--max-price", help="never pay more than this")
    buy.add_argument("--operator", help="a mobile operator, where the provider offers the "
                     "choice (default: any)")
    buy.add_argument("--wait", action="store_true", help="then wait for the code")
    buy.add_argument("--best", action="store_true", help="the best route across every "
                     "account: cheapest in stock first; when one has no numbers, the next "
                     "(the same country on another account first), never two numbers")
    buy.add_argument("--any-country", action="store_true",
                     help="with --best: other countries too, once the asked one has none")
    buy.add_argument("--attempts", type=int, default=3,
                     help="with --best: try at most this many routes (3)")
    _waiting(buy)

    sub.add_parser("orders", parents=[common], help="open orders")
    wait = sub.add_parser("wait", parents=[common], help="print the order's code when it comes")
    wait.add_argument("order", type=int, help="the order's number")
    _waiting(wait)
    for command, name in COMMANDS.items():  # the one table of order actions
        action = sub.add_parser(command, parents=[common], help=BY_NAME[name].tip)
        action.add_argument("order", type=int, help="the order's number")
    stats = sub.add_parser("stats", parents=[common], help="your delivery record per route: "
                           "orders, share that got a code, median time to it, money")
    stats.add_argument("--account", help="only this account")
    stats.add_argument("--service", help="only this service code")
    history = sub.add_parser("history", parents=[common], help="every order with its cost")
    history.add_argument("--csv", action="store_true", help="as CSV")
    history.add_argument("--limit", type=int, default=1000, help="the newest N (1000)")
    return parser


def _waiting(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--timeout", type=float, default=None,
                        help="seconds to wait at most (default: until the order ends)")
    parser.add_argument("--webhook", metavar="HOST:PORT", help=WEBHOOK_HELP)
    parser.add_argument("--show-webhook-url", action="store_true", help=SHOW_URL_HELP)
