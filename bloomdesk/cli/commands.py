"""The commands: accounts, balances, offers, orders, history and the order actions
(buying and waiting are in ``buying``)."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import os
import sys
from decimal import Decimal
from urllib.parse import urlsplit

from ..core import Desk
from ..core.accounts import check, find_preset
from ..core.errors import LocalError
from ..core.events import ErrorKind, ErrorRaised
from ..i18n import QT_TRANSLATE_NOOP
from ..providers import PROFILES
from ..providers.errors import ProviderError, Unavailable
from ..providers.presets import PRESETS
from ..secrets import env_name
from .best import buy_best, stats
from .buying import buy, unwatched, wait
from .catalogue import offers
from .common import buying, on_account, one_account, settle
from .failures import (
    EXIT_LOCAL,
    EXIT_NETWORK,
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_USAGE,
    Failure,
    exit_code_of,
)
from .output import emit, history_csv, order_json, order_line, say, table, warn

NO_ACCOUNTS = QT_TRANSLATE_NOOP("cli", "no accounts")


async def run(args: argparse.Namespace, desk: Desk) -> int:
    told: set[str] = set()

    def on_event(event: object) -> None:  # what the engine reports while we work, once
        # a failed buy or balance is the command's own failure, told once at the end
        if isinstance(event, ErrorRaised) and event.kind not in (ErrorKind.BUY,
                                                                ErrorKind.BALANCE):
            text = f"{event.account}: {event.message}" if event.account else event.message
            if text not in told:
                told.add(text)
                warn(args.json, event.message, event.account, event.kind.value)

    desk.subscribe(on_event)
    try:
        return await dispatch(args, desk)
    finally:
        await desk.stop()
        for order in desk.open_orders():
            problem = desk.book.unsaved(order.id)
            if problem:
                say("bloomdesk-cli: " + QT_TRANSLATE_NOOP(
                    "cli", "order #{order} ({account}, phone {phone}, provider id {pid}) is "
                    "not in the journal: {problem} Keep these details.").format(
                    order=order.id, account=order.account, phone=order.phone or "?",
                    pid=order.provider_id or "?", problem=problem), sys.stderr)


async def dispatch(args: argparse.Namespace, desk: Desk) -> int:
    cmd = args.command
    if cmd == "accounts":
        return await accounts(args, desk)
    if cmd == "balance":
        return await balances(args, desk)
    if cmd == "offers":
        return await offers(args, desk)
    if cmd == "buy":
        return await (buy_best(args, desk) if args.best else buy(args, desk))
    if cmd == "stats":
        return stats(args, desk)
    if cmd in ("orders", "history"):
        await settle(desk)  # what is printed below is true, not a stale guess
    if cmd == "orders":
        orders = desk.open_orders()
        emit(args.json, [order_json(o) for o in orders],
             [order_line(o) for o in orders] or QT_TRANSLATE_NOOP("cli", "no open orders"))
        return EXIT_OK
    if cmd == "history":
        orders = desk.history(args.limit)
        if args.csv:
            history_csv(orders, sys.stdout)
        else:
            emit(args.json, [order_json(o) for o in orders],
                 [order_line(o) for o in orders] or QT_TRANSLATE_NOOP("cli", "no orders yet"))
        return EXIT_OK
    order = desk.order(args.order)
    if order.provider_id is None:  # a lost buy: what the provider holds decides first
        await settle(desk, [order.account])
    if cmd == "wait":
        return await wait(args, desk, args.order)
    if cmd == "dismiss":
        order = desk.dismiss(args.order)
    elif cmd == "rerent":
        order = await buying(desk, desk.rerent(args.order))
        emit(args.json, order_json(order), order_line(order))
        unwatched(order, args.json)
        return EXIT_OK
    else:
        action = {"cancel": desk.cancel, "complete": desk.complete,
                  "retry": desk.request_another_sms}[cmd]
        order = await on_account(desk, order.account, action(args.order))
    emit(args.json, order_json(order), order_line(order))
    return EXIT_OK


async def balances(args: argparse.Namespace, desk: Desk) -> int:
    labels = [one_account(desk, args.account)] if args.account else \
        [a.label for a in desk.accounts()]
    results = await asyncio.gather(*(on_account(desk, label, desk.balance(label))
                                     for label in labels), return_exceptions=True)
    rows, failed = [], []
    for label, result in zip(labels, results, strict=True):
        currency = PROFILES[desk.account(label).kind].currency
        if isinstance(result, Decimal):
            rows.append({"account": label, "balance": str(result), "currency": currency,
                         "error": None, "token": None})
        elif isinstance(result, Failure | ProviderError | LocalError):
            failed.append(result)
            rows.append({"account": label, "balance": None, "currency": currency,
                         "error": getattr(result, "message", str(result)),
                         "token": getattr(result, "token", None)})
        elif isinstance(result, BaseException):
            raise result
    emit(args.json, rows, table(
        ("account", "balance", "currency", "problem"),
        ((r["account"], r["balance"] or "failed", r["currency"], r["error"] or "")
         for r in rows)) if rows else NO_ACCOUNTS)
    return exit_code_of(failed[0]) if failed else EXIT_OK


async def accounts(args: argparse.Namespace, desk: Desk) -> int:
    if args.action == "list":
        rows = desk.accounts()
        emit(args.json, [{"label": a.label, "kind": a.kind, "base_url": a.base_url,
                          "key": desk.keys.source(a.label)} for a in rows],
             table(("label", "kind", "address", "key"),
                   ((a.label, a.kind, a.base_url or "", desk.keys.source(a.label))
                    for a in rows)) if rows else NO_ACCOUNTS)
        return EXIT_OK
    if args.action == "presets":
        emit(args.json, [{"name": p.name, "title": p.title, "kind": p.kind,
                          "base_url": p.base_url} for p in PRESETS],
             table(("name", "title", "kind", "address"),
                   ((p.name, p.title, p.kind, p.base_url) for p in PRESETS)))
        return EXIT_OK
    if args.action == "remove":
        await desk.remove_account(args.label)
        emit(args.json, {"removed": args.label}, QT_TRANSLATE_NOOP(
            "cli", "removed {label}").format(label=args.label))
        return EXIT_OK
    return await add_account(args, desk)


async def add_account(args: argparse.Namespace, desk: Desk) -> int:
    kind, label, url = args.kind, args.label, args.base_url
    if args.preset:
        known = find_preset(args.preset)  # InvalidInput: a usage error, listing them
        if kind not in (None, known.kind):
            raise Failure(QT_TRANSLATE_NOOP("cli", "{title} speaks {known}, not {kind}").format(
                title=known.title, known=known.kind, kind=kind), EXIT_USAGE, "KIND_MISMATCH")
        kind, url = known.kind, url or known.base_url
    elif kind is None:
        raise Failure(QT_TRANSLATE_NOOP("cli", "say which provider: --kind KIND or --preset NAME"),
                      EXIT_USAGE, "NO_KIND")
    check(kind, label, url)
    if any(a.label == label for a in desk.accounts()):
        raise Failure(QT_TRANSLATE_NOOP("cli", "an account named {label!r} exists already").format(
            label=label), EXIT_USAGE, "EXISTS")
    variable = env_name(label)
    from_env = bool(os.environ.get(variable, "").strip())
    if not from_env and not desk.keys.keyring_ok:
        raise Failure(QT_TRANSLATE_NOOP(
            "cli", "no system keyring is available to keep {label}'s key: export "
            "{variable}=<the key> and run this again (BloomDesk then reads the key from the "
            "environment every time); nothing was saved").format(
            label=label, variable=variable), EXIT_LOCAL, "NO_KEYRING")
    key = os.environ.get(variable, "") if from_env else \
        getpass.getpass(QT_TRANSLATE_NOOP("cli", "API key: ")) if sys.stdin.isatty() \
        else sys.stdin.readline()
    key = key.strip()
    if not key:
        raise Failure(QT_TRANSLATE_NOOP("cli", "no key given: pipe it on stdin or set {variable}")
                      .format(variable=variable), EXIT_USAGE, "NO_KEY")
    check(kind, label, url, key)
    balance = None
    if not args.no_check:
        where = urlsplit(url or PROFILES[kind].base_url or "").hostname or \
            QT_TRANSLATE_NOOP("cli", "the provider")
        try:
            balance = await desk.test_connection(kind, key, url)
        except Unavailable as exc:
            raise Failure(QT_TRANSLATE_NOOP(
                "cli", "could not reach {where}: {error} Nothing was saved; --no-check saves "
                "it without asking.").format(where=where, error=exc.message), EXIT_NETWORK,
                exc.token or "UNAVAILABLE") from None
        except ProviderError as exc:
            raise Failure(QT_TRANSLATE_NOOP(
                "cli", "{where} refused the key: {error} Nothing was saved.").format(
                where=where, error=exc.message), EXIT_REFUSED,
                exc.token or type(exc).__name__) from None
    in_keyring = desk.add_account(kind, label, None if from_env else key, url, args.preset)
    source = "environment" if from_env else "keyring" if in_keyring else "session"
    if source == "session":
        say("bloomdesk-cli: " + QT_TRANSLATE_NOOP(
            "cli", "the keyring refused {label}'s key, so it is not kept: export "
            "{variable}=<the key> before the next command").format(
            label=label, variable=variable), sys.stderr)
    checked = QT_TRANSLATE_NOOP("cli", ", balance {balance}").format(balance=balance) \
        if balance is not None else QT_TRANSLATE_NOOP("cli", " (not checked)")
    emit(args.json, {"label": label, "kind": kind, "base_url": url, "preset": args.preset,
                     "key": source,
                     "keyring": in_keyring and not from_env,
                     "balance": str(balance) if balance is not None else None},
         QT_TRANSLATE_NOOP("cli", "added {label} ({kind}), key from the {source}{checked}")
         .format(label=label, kind=kind, source=source, checked=checked))
    return EXIT_OK

