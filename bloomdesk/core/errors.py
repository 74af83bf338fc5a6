"""Refusals made by BloomDesk itself, before any provider is asked.

They are not the provider's :class:`~bloomdesk.providers.errors.Rejected`: nothing was
sent, and the CLI gives them their own exit code.  Each carries a token for scripts
and a message fit to show a person, marked for translation (context ``errors``): the
CLI prints its English, the window its translation.
"""

from __future__ import annotations

from ..i18n import QT_TRANSLATE_NOOP


class LocalError(Exception):
    """BloomDesk refused the request itself (nothing was sent to a provider)."""

    token = "LOCAL"

    def __init__(self, message: str, *, token: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if token is not None:
            self.token = token

    def __str__(self) -> str:
        return self.message


class NoSuchAccount(LocalError):
    token = "NO_ACCOUNT"


class NoSuchOrder(LocalError):
    token = "NO_ORDER"


class NothingToDo(LocalError):
    """The order's state does not allow this action now."""

    token = "NOTHING_TO_DO"


class OpenOrders(LocalError):
    token = "OPEN_ORDERS"

    @classmethod
    def of(cls, label: str, count: int) -> OpenOrders:
        return cls(QT_TRANSLATE_NOOP(
            "errors", "{label} still has {count} open order(s): finish or cancel them "
            "first.").format(label=label, count=count))


class InvalidInput(LocalError):
    """What the user entered cannot work: an unknown kind, a missing address or key."""

    token = "INVALID_INPUT"


def no_such_order(order_id: int) -> NoSuchOrder:
    return NoSuchOrder(QT_TRANSLATE_NOOP("errors", "There is no order {order}.").format(
        order=order_id))
