"""``bloomdesk-cli``: the console face of the Desk, for scripts and headless use.

Exit codes: 0 success, 2 usage error, 3 refused by the provider, 4 network failure
(including a buy whose answer never came: the order is kept as unknown), 5 local
failure (journal, keyring), 6 an order ended or the wait timed out without a code.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import getpass
import json
import logging
import os
import sys
from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import platformdirs

from . import __version__
from .core import Desk, Order
from .core.errors import LocalError
from .core.webhook import split_host_port
from .providers import KINDS, PROFILES
from .providers.errors import ProviderError, Unavailable
from .redact import install_log_redaction
from .secrets import KeyStore, env_name
from .store import Store, StoreError

EXIT_OK, EXIT_USAGE, EXIT_REFUSED, EXIT_NETWORK, EXIT_LOCAL, EXIT_NO_CODE = 0, 2, 3, 4, 5, 6
EXIT_NOT_POSSIBLE = 7  # BloomDesk itself refused: no such order or account, nothing to do


class UsageError(Exception):
    pass


def state_dir(explicit: str | None) -> Path:
    chosen = explicit or os.environ.get("BLOOMDESK_STATE_DIR")
    return Path(chosen) if chosen else Path(platformdirs.user_data_dir("BloomDesk", False))


def journal_path(directory: Path) -> Path:
    return directory / "journal.sqlite3"


def order_json(order: Order) -> dict[str, Any]:
    return {
        "id": order.id, "account": order.account, "provider_id": order.provider_id,
        "phone": order.phone, "service": order.service, "country": order.country,
        "status": order.state.value, "code": order.code,
        "price": str(order.price) if order.price is not None else None,
        "created_at": _iso(order.created_at), "expires_at": _iso(order.expires_at),
        "auto_cancel": order.auto_cancel, "note": order.note,
    }


def _iso(t: float | None) -> str | None:
    return datetime.fromtimestamp(t).astimezone().isoformat(timespec="seconds") if t else None


def order_line(order: Order) -> str:
    price = f"{order.price}" if order.price is not None else "?"
    code = f"  code {order.code}" if order.code else ""
    note = f"  ({order.note})" if order.note else ""
    return (f"#{order.id:<5} {order.account:<14} {order.service:<6} {order.country or '-':<5} "
            f"{order.phone or '-':<15} {price:>7}  {order.state.value:<13}{code}{note}")


WEBHOOK_HELP = ("also receive BloomSMS sms.received webhooks there while waiting (the path "
                "token is the window's, from settings.ini; polling continues, slower)")


def webhook_token(directory: Path) -> str:
    """The window's secret path token (settings.ini beside the journal), so the URL in
    the provider's dashboard works for both; a fresh one when the window has none."""
    import configparser

    from .core.webhook import new_token

    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(directory / "settings.ini", encoding="utf-8")
        token = parser.get("webhook", "token", fallback="").strip().strip('"')
    except (configparser.Error, OSError, UnicodeDecodeError):
        token = ""
    return token if len(token) >= 16 else new_token()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="bloomdesk-cli",
                                     description="BloomDesk from the command line.")
    parser.add_argument("--state-dir", help="the journal's folder (or BLOOMDESK_STATE_DIR)")
    parser.add_argument("--json", action="store_true", help="print JSON objects")
    # The same options after a subcommand; SUPPRESS keeps a subparser from resetting
    # what was given before it.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--state-dir", default=argparse.SUPPRESS)
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS)
    parser.add_argument("--version", action="version", version=f"BloomDesk {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    accounts = sub.add_parser("accounts", parents=[common], help="add, list or remove accounts")
    acc = accounts.add_subparsers(dest="action", required=True)
    add = acc.add_parser("add", parents=[common],
                         help="add an account; the key is read from stdin or the environment")
    add.add_argument("--kind", required=True, choices=KINDS)
    add.add_argument("--label", required=True)
    add.add_argument("--base-url")
    acc.add_parser("list", parents=[common])
    remove = acc.add_parser("remove", parents=[common])
    remove.add_argument("label")

    balance = sub.add_parser("balance", parents=[common], help="balance of every account")
    balance.add_argument("--account")
    offers = sub.add_parser("offers", parents=[common], help="prices and stock")
    offers.add_argument("--account")
    offers.add_argument("--service")
    offers.add_argument("--country")
    offers.add_argument("--limit", type=int, default=50)
    buy = sub.add_parser("buy", parents=[common], help="buy a number for SERVICE")
    buy.add_argument("service")
    buy.add_argument("--account")
    buy.add_argument("--country")
    buy.add_argument("--max-price")
    buy.add_argument("--wait", action="store_true", help="then wait for the code")
    buy.add_argument("--timeout", type=float, default=None, help="seconds to wait at most")
    buy.add_argument("--webhook", metavar="HOST:PORT", help=WEBHOOK_HELP)
    sub.add_parser("orders", parents=[common], help="open orders")
    wait = sub.add_parser("wait", parents=[common], help="print the order's code when it comes")
    wait.add_argument("order", type=int)
    wait.add_argument("--timeout", type=float, default=None)
    wait.add_argument("--webhook", metavar="HOST:PORT", help=WEBHOOK_HELP)
    for name, text in (("cancel", "cancel an order (refund)"), ("complete", "finish an order"),
                       ("retry", "ask for another SMS"), ("rerent", "rent the same number again"),
                       ("dismiss", "settle an order whose buy never answered")):
        action = sub.add_parser(name, parents=[common], help=text)
        action.add_argument("order", type=int)
    history = sub.add_parser("history", parents=[common], help="every order with its cost")
    history.add_argument("--csv", action="store_true")
    history.add_argument("--limit", type=int, default=1000)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    install_log_redaction()
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)
    args = _parser().parse_args(argv)
    try:
        store = Store(journal_path(state_dir(args.state_dir)))
    except StoreError as exc:
        print(f"bloomdesk-cli: {exc}", file=sys.stderr)
        return EXIT_LOCAL
    try:
        return asyncio.run(_run(args, Desk(store, KeyStore())))
    except UsageError as exc:
        print(f"bloomdesk-cli: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except Unavailable as exc:
        print(f"bloomdesk-cli: {exc}", file=sys.stderr)
        return EXIT_NETWORK
    except ProviderError as exc:
        print(f"bloomdesk-cli: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    except StoreError as exc:
        print(f"bloomdesk-cli: {exc}", file=sys.stderr)
        return EXIT_LOCAL
    except LocalError as exc:
        print(f"bloomdesk-cli: {exc}", file=sys.stderr)
        return EXIT_NOT_POSSIBLE
    except KeyboardInterrupt:
        return 130
    finally:
        store.close()


def _out(args: argparse.Namespace, data: Any, human: str) -> None:
    print(json.dumps(data, ensure_ascii=False) if args.json else human)


def _account(desk: Desk, label: str | None) -> str:
    labels = [a.label for a in desk.accounts()]
    if label:
        if label not in labels:
            raise UsageError(f"no account named {label!r} (see `bloomdesk-cli accounts list`)")
        return label
    if len(labels) == 1:
        return labels[0]
    raise UsageError("several accounts exist: choose one with --account" if labels
                     else "no account yet: add one with `bloomdesk-cli accounts add`")


async def _run(args: argparse.Namespace, desk: Desk) -> int:
    try:
        return await _command(args, desk)
    finally:
        await desk.stop()


async def _command(args: argparse.Namespace, desk: Desk) -> int:
    cmd = args.command
    if cmd == "accounts":
        return await _accounts(args, desk)
    if cmd == "balance":
        labels = [_account(desk, args.account)] if args.account else \
            [a.label for a in desk.accounts()]
        rows = {label: await desk.balance(label) for label in labels}
        _out(args, {k: str(v) for k, v in rows.items()},
             "\n".join(f"{k:<16} {v}" for k, v in rows.items()) or "no accounts")
        return EXIT_OK
    if cmd == "offers":
        label = _account(desk, args.account)
        offers = sorted(await desk.offers(label, args.service, args.country),
                        key=lambda o: (o.price, o.service, o.country))[: max(1, args.limit)]
        _out(args, [{"account": label, "service": o.service, "name": o.service_name,
                     "country": o.country, "country_name": o.country_name,
                     "price": str(o.price), "stock": o.stock} for o in offers],
             "\n".join(f"{o.service:<6} {o.service_name[:24]:<24} {o.country:<5} "
                       f"{(o.country_name or '')[:20]:<20} {o.price:>8} {o.stock:>6}"
                       for o in offers))
        return EXIT_OK
    if cmd == "buy":
        return await _buy(args, desk)
    if cmd == "orders":
        orders = desk.open_orders()
        _out(args, [order_json(o) for o in orders],
             "\n".join(order_line(o) for o in orders) or "no open orders")
        return EXIT_OK
    if cmd == "wait":
        return await _wait(args, desk, args.order)
    if cmd == "history":
        orders = desk.history(args.limit)
        if args.csv:
            writer = csv.writer(sys.stdout)
            writer.writerow(["id", "account", "service", "country", "phone", "status", "code",
                             "price", "created_at"])
            for o in orders:
                writer.writerow([o.id, o.account, o.service, o.country, o.phone,
                                 o.state.value, o.code, o.price, _iso(o.created_at)])
        else:
            _out(args, [order_json(o) for o in orders],
                 "\n".join(order_line(o) for o in orders) or "no orders yet")
        return EXIT_OK
    desk.order(args.order)
    if cmd == "dismiss":
        order = desk.dismiss(args.order)
    else:
        action = {"cancel": desk.cancel, "complete": desk.complete,
                  "retry": desk.request_another_sms, "rerent": desk.rerent}[cmd]
        order = await action(args.order)
    _out(args, order_json(order), order_line(order))
    return EXIT_OK


async def _accounts(args: argparse.Namespace, desk: Desk) -> int:
    if args.action == "list":
        rows = desk.accounts()
        _out(args, [{"label": a.label, "kind": a.kind, "base_url": a.base_url} for a in rows],
             "\n".join(f"{a.label:<16} {a.kind:<16} {a.base_url or ''}" for a in rows)
             or "no accounts")
        return EXIT_OK
    if args.action == "remove":
        await desk.remove_account(args.label)
        _out(args, {"removed": args.label}, f"removed {args.label}")
        return EXIT_OK
    key = os.environ.get(env_name(args.label))
    if not key:
        key = getpass.getpass("API key: ") if sys.stdin.isatty() else sys.stdin.readline()
    key = (key or "").strip()
    if not key:
        raise UsageError(f"no key given: pipe it on stdin or set {env_name(args.label)}")
    if PROFILES[args.kind].needs_base_url and not args.base_url:
        raise UsageError(f"--base-url is required for {args.kind}")
    in_keyring = desk.add_account(args.kind, args.label, key, args.base_url)
    if not in_keyring and not os.environ.get(env_name(args.label)):
        print(f"bloomdesk-cli: {desk.keys.notice}", file=sys.stderr)
    _out(args, {"label": args.label, "kind": args.kind, "base_url": args.base_url,
                "keyring": in_keyring}, f"added {args.label} ({args.kind})")
    return EXIT_OK


async def _buy(args: argparse.Namespace, desk: Desk) -> int:
    label = _account(desk, args.account)
    cap = None
    if args.max_price:
        try:
            cap = Decimal(args.max_price)
        except InvalidOperation:
            raise UsageError(f"--max-price {args.max_price!r} is not a number") from None
    offers = [o for o in await desk.offers(label, args.service, args.country) if o.stock > 0
              and (cap is None or o.price <= cap)]
    if not offers:
        print(f"bloomdesk-cli: no {args.service} number in stock"
              + (f" at or below {cap}" if cap is not None else ""), file=sys.stderr)
        return EXIT_REFUSED
    offer = min(offers, key=lambda o: o.price)
    await desk.start()
    try:
        order = await desk.buy(label, args.service, offer.country, cap, price=offer.price)
    except Unavailable:
        unknown = [o for o in desk.open_orders() if o.state.value == "unknown"]
        if unknown:
            print(f"bloomdesk-cli: order #{unknown[-1].id} is unknown: its buy may have gone "
                  "through; BloomDesk will reconcile it", file=sys.stderr)
        raise
    if not args.wait:
        _out(args, order_json(order), order_line(order))
        return EXIT_OK
    if not args.json:
        print(order_line(order), file=sys.stderr)
    return await _wait(args, desk, order.id)


async def _wait(args: argparse.Namespace, desk: Desk, order_id: int) -> int:
    desk.order(order_id)
    hook = getattr(args, "webhook", None)
    if hook:
        try:
            host, port = split_host_port(hook)
        except ValueError as exc:
            raise UsageError(f"--webhook wants HOST:PORT ({exc})") from None
        try:
            receiver = await desk.start_webhook(host, port, webhook_token(
                state_dir(args.state_dir)))
        except OSError as exc:
            raise StoreError(str(exc.strerror or exc)) from None  # local trouble: exit 5
        print(f"bloomdesk-cli: receiving webhooks at {receiver.url}", file=sys.stderr)
    await desk.start()
    try:
        order = await desk.wait_for_code(order_id, args.timeout)
    except TimeoutError:
        print(f"bloomdesk-cli: no code for order #{order_id} yet", file=sys.stderr)
        return EXIT_NO_CODE
    if not order.code:
        print(f"bloomdesk-cli: order #{order_id} ended {order.state.value} without a code"
              + (f": {order.note}" if order.note else ""), file=sys.stderr)
        return EXIT_NO_CODE
    _out(args, order_json(order), order.code)
    return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
