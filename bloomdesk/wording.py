"""Why an order stands as it does, in words: one table for the window and the CLI.

The core keeps reasons as data (``Reason``) beside the provider's own words
(``Order.note``); this is where both become a sentence for a person.  The sentences
are marked for translation (context ``reasons``): the CLI prints them in English, the
window in the user's language.
"""

from __future__ import annotations

from .domain import Order, OrderState, Reason
from .i18n import QT_TRANSLATE_NOOP, Phrase

REASONS: dict[Reason, Phrase] = {
    Reason.BUYING: QT_TRANSLATE_NOOP("reasons", "Buying…"),
    Reason.BUY_UNANSWERED: QT_TRANSLATE_NOOP(
        "reasons", "The answer to the buy never came. BloomDesk is checking with the "
        "provider; it will not be bought twice."),
    Reason.NO_LIST: QT_TRANSLATE_NOOP(
        "reasons", "The buy's answer never came and this provider cannot list active "
        "orders, so BloomDesk cannot tell whether it was bought. Check the provider's "
        "site, then dismiss it."),
    Reason.BUY_REFUSED: QT_TRANSLATE_NOOP(
        "reasons", "The provider refused the buy: nothing was charged."),
    Reason.NOT_SENT: QT_TRANSLATE_NOOP(
        "reasons", "The buy never reached the provider: nothing was charged."),
    Reason.NOT_AT_PROVIDER: QT_TRANSLATE_NOOP(
        "reasons", "The provider holds no such order: the buy never went through, "
        "nothing was charged."),
    Reason.RECOVERED: QT_TRANSLATE_NOOP("reasons", "Recovered after an interrupted buy."),
    Reason.DISMISSED: QT_TRANSLATE_NOOP("reasons", "Dismissed by you."),
    Reason.CANCELLED: QT_TRANSLATE_NOOP("reasons", "Cancelled by you."),
    Reason.AUTO_CANCELLED: QT_TRANSLATE_NOOP(
        "reasons", "Auto-cancelled: no code came before the free-cancel deadline, so "
        "nothing was charged."),
    Reason.COMPLETED: QT_TRANSLATE_NOOP("reasons", "Completed."),
    Reason.RERENTED: QT_TRANSLATE_NOOP(
        "reasons", "Finished: the number was rented again as a new order."),
    Reason.ANOTHER_SMS: QT_TRANSLATE_NOOP("reasons", "Another SMS requested."),
    Reason.EXPIRED: QT_TRANSLATE_NOOP("reasons", "Expired at the provider."),
    Reason.ENDED_AT_EXPIRY: QT_TRANSLATE_NOOP("reasons", "Ended at expiry."),
    Reason.GONE: QT_TRANSLATE_NOOP(
        "reasons", "The provider no longer knows this order (it said so several times)."),
    Reason.ID_REUSED: QT_TRANSLATE_NOOP(
        "reasons", "The provider gave this order's id to a new order."),
    Reason.OUTSIDE: QT_TRANSLATE_NOOP(
        "reasons", "Bought outside BloomDesk (found at the provider); it is not "
        "auto-cancelled unless you turn that on for it."),
}

# An order's state as a sentence names it ("The order is {state}."): the journal's own
# word in English, a word of the user's language in the window.
STATES: dict[OrderState, Phrase] = {
    OrderState.PENDING: QT_TRANSLATE_NOOP("states", "pending"),
    OrderState.UNKNOWN: QT_TRANSLATE_NOOP("states", "unknown"),
    OrderState.WAITING: QT_TRANSLATE_NOOP("states", "waiting"),
    OrderState.RECEIVED: QT_TRANSLATE_NOOP("states", "received"),
    OrderState.WAITING_RETRY: QT_TRANSLATE_NOOP("states", "waiting_retry"),
    OrderState.COMPLETED: QT_TRANSLATE_NOOP("states", "completed"),
    OrderState.CANCELLED: QT_TRANSLATE_NOOP("states", "cancelled"),
    OrderState.EXPIRED: QT_TRANSLATE_NOOP("states", "expired"),
    OrderState.FAILED: QT_TRANSLATE_NOOP("states", "failed"),
}


def explain(order: Order) -> str | None:
    """The reason in words, with the provider's own words where it gave some."""
    text = REASONS.get(order.reason) if order.reason else None
    if order.note and text:
        return f"{text} ({order.note})"
    return text or order.note
