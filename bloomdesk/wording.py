"""Why an order stands as it does, in words: one table for the window and the CLI.

The core keeps reasons as data (``Reason``) beside the provider's own words
(``Order.note``); this is where both become a sentence for a person.
"""

from __future__ import annotations

from .domain import Order, Reason

REASONS: dict[Reason, str] = {
    Reason.BUYING: "Buying…",
    Reason.BUY_UNANSWERED: "The answer to the buy never came. BloomDesk is checking with "
    "the provider; it will not be bought twice.",
    Reason.NO_LIST: "The buy's answer never came and this provider cannot list active "
    "orders, so BloomDesk cannot tell whether it was bought. Check the provider's site, "
    "then dismiss it.",
    Reason.BUY_REFUSED: "The provider refused the buy: nothing was charged.",
    Reason.NOT_SENT: "The buy never reached the provider: nothing was charged.",
    Reason.NOT_AT_PROVIDER: "The provider holds no such order: the buy never went through, "
    "nothing was charged.",
    Reason.RECOVERED: "Recovered after an interrupted buy.",
    Reason.DISMISSED: "Dismissed by you.",
    Reason.CANCELLED: "Cancelled by you.",
    Reason.AUTO_CANCELLED: "Auto-cancelled: no code came before the free-cancel deadline, "
    "so nothing was charged.",
    Reason.COMPLETED: "Completed.",
    Reason.RERENTED: "Finished: the number was rented again as a new order.",
    Reason.ANOTHER_SMS: "Another SMS requested.",
    Reason.EXPIRED: "Expired at the provider.",
    Reason.ENDED_AT_EXPIRY: "Ended at expiry.",
    Reason.GONE: "The provider no longer knows this order (it said so several times).",
    Reason.ID_REUSED: "The provider gave this order's id to a new order.",
    Reason.OUTSIDE: "Bought outside BloomDesk (found at the provider); it is not "
    "auto-cancelled unless you turn that on for it.",
}


def explain(order: Order) -> str | None:
    """The reason in words, with the provider's own words where it gave some."""
    text = REASONS.get(order.reason) if order.reason else None
    if order.note and text:
        return f"{text} ({order.note})"
    return text or order.note
