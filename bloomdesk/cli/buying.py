"""Buying and waiting for a code from the command line."""

from __future__ import annotations

import argparse
import configparser
import sys
from datetime import datetime
from decimal import Decimal, InvalidOperation

from ..core import Desk, Order
from ..core.webhook import new_token, split_host_port
from ..i18n import QT_TRANSLATE_NOOP
from ..paths import settings_path, state_dir
from .catalogue import find
from .common import buying, one_account
from .failures import EXIT_LOCAL, EXIT_NO_CODE, EXIT_OK, EXIT_REFUSED, EXIT_USAGE, Failure
from .output import emit, iso_time, order_json, order_line, say, warn

MAX_PRICE = Decimal(1_000_000)  # no number costs that: a typo, or a number bomb
MAX_PRICE_DIGITS = 12


def price_cap(text: str | None) -> Decimal | None:
    if text is None:
        return None
    try:
        cap = Decimal(text.strip())
    except (InvalidOperation, ValueError):
        cap = None
    if cap is None or not cap.is_finite() or not 0 < cap <= MAX_PRICE or \
            len(cap.as_tuple().digits) > MAX_PRICE_DIGITS:
        raise Failure(QT_TRANSLATE_NOOP(
            "cli", "--max-price {text!r} is not a price above zero").format(text=text),
            EXIT_USAGE, "BAD_MAX_PRICE")
    return cap


def webhook_token(directory: object) -> str:
    """The window's secret path token (settings.ini beside the journal), so the URL in
    the provider's dashboard works for both; a fresh one when the window has none."""
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(settings_path(state_dir(str(directory))), encoding="utf-8")
        token = parser.get("webhook", "token", fallback="").strip().strip('"')
    except (configparser.Error, OSError, UnicodeDecodeError):
        token = ""
    return token if len(token) >= 16 else new_token()


async def buy(args: argparse.Namespace, desk: Desk) -> int:
    label = one_account(desk, args.account)
    cap = price_cap(args.max_price)
    offers = [o for o in await find(desk, label, args.service, args.country)
              if o.stock > 0 and (cap is None or o.price <= cap)]
    if not offers:
        raise Failure((QT_TRANSLATE_NOOP(
            "cli", "no {service} number in stock at {label} at or below {cap}")
            if cap is not None else QT_TRANSLATE_NOOP(
                "cli", "no {service} number in stock at {label}")).format(
            service=args.service, label=label, cap=cap), EXIT_REFUSED, "NO_NUMBERS")
    offer = min(offers, key=lambda o: o.price)
    await desk.start()
    order = await buying(desk, desk.buy(label, offer.service, offer.country, cap,
                                        price=offer.price, operator=args.operator))
    if not args.wait:
        emit(args.json, order_json(order), order_line(order))
        unwatched(order, args.json)
        return EXIT_OK
    if not args.json:
        say(order_line(order), sys.stderr)
    return await wait(args, desk, order.id)


def unwatched(order: Order, as_json: bool) -> None:
    """Where silence costs money, say by when, and what cancels it in time: once this
    command ends, only a running window or a `wait` tends the order."""
    if order.free_cancel_until is None or not order.auto_cancel or not order.state.is_live \
            or order.code:
        return  # nothing charged for silence, or the user let it run
    by = datetime.fromtimestamp(order.free_cancel_until).astimezone().strftime("%H:%M:%S")
    text = QT_TRANSLATE_NOOP(
        "cli", "order #{order} is charged unless a code comes or it is cancelled by {by}: "
        "a running BloomDesk window cancels it in time, or run `bloomdesk-cli wait "
        "{order}`").format(order=order.id, by=by)
    warn(as_json, text, order.account, "deadline", human=text, order=order.id,
         free_cancel_until=iso_time(order.free_cancel_until))


async def wait(args: argparse.Namespace, desk: Desk, order_id: int,
               extra: dict[str, object] | None = None) -> int:
    desk.order(order_id)
    if args.webhook:
        try:
            host, port = split_host_port(args.webhook)
        except ValueError as exc:
            raise Failure(QT_TRANSLATE_NOOP("cli", "--webhook wants HOST:PORT ({error})").format(
                error=exc), EXIT_USAGE, "BAD_WEBHOOK") from None
        try:
            receiver = await desk.start_webhook(host, port, webhook_token(args.state_dir or ""))
        except OSError as exc:
            raise Failure(str(exc.strerror or exc), EXIT_LOCAL, "WEBHOOK_PORT") from None
        where = receiver.url if args.show_webhook_url else f"{host}:{receiver.port}"
        say("bloomdesk-cli: " + QT_TRANSLATE_NOOP("cli", "receiving webhooks at {where}").format(
            where=where), sys.stderr)
    await desk.start()
    try:
        order = await desk.wait_for_code(order_id, args.timeout)
    except TimeoutError:
        unwatched(desk.order(order_id), args.json)  # left to no one from here on
        raise Failure(QT_TRANSLATE_NOOP("cli", "no code for order #{order} yet").format(
            order=order_id), EXIT_NO_CODE, "NO_CODE", order_id) from None
    if not order.code:
        raise Failure(QT_TRANSLATE_NOOP(
            "cli", "order #{order} ended {state} without a code").format(
            order=order_id, state=order.state.value), EXIT_NO_CODE, "ENDED", order_id)
    emit(args.json, {**order_json(order), **(extra or {})}, order.code)
    return EXIT_OK
