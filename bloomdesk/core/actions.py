"""What can be done to an order, and why not: one table, a pure rule, the actions.

The table names each action once for the orders panel, the window's menus and the
CLI; ``blockers`` says for each, as a pure function of the order, its provider and
the time, why it is not possible now (None: it is).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from ..domain import Order, OrderState, Reason
from ..i18n import QT_TRANSLATE_NOOP
from ..providers import Profile
from ..providers.profiles import REQUEST_ANOTHER_SMS, RERENT
from ..wording import STATES
from . import pacing, transitions
from .accounts import Accounts
from .book import OrderBook
from .errors import NothingToDo
from .sessions import Sessions


@dataclass(frozen=True, slots=True)
class OrderAction:
    name: str  # as the CLI and the code call it
    label: str  # on its button
    tip: str  # its tooltip when it is possible
    capability: str | None = None  # a provider capability it needs
    costs_money: bool = False  # confirm with the price and the balance after


ACTIONS: tuple[OrderAction, ...] = (
    OrderAction("cancel", QT_TRANSLATE_NOOP("actions", "Cancel"), QT_TRANSLATE_NOOP(
        "actions", "Cancel the number (refunded where the provider allows)")),
    OrderAction("complete", QT_TRANSLATE_NOOP("actions", "Complete"), QT_TRANSLATE_NOOP(
        "actions", "Finish the order: the code was used")),
    OrderAction("request_another_sms", QT_TRANSLATE_NOOP("actions", "Another SMS"),
                QT_TRANSLATE_NOOP("actions", "Ask the provider to send another SMS to "
                                  "this number"), REQUEST_ANOTHER_SMS),
    OrderAction("rerent", QT_TRANSLATE_NOOP("actions", "Re-rent"), QT_TRANSLATE_NOOP(
        "actions", "Rent the same number again for another code (a new order, charged "
        "again)"), RERENT, costs_money=True),
    OrderAction("dismiss", QT_TRANSLATE_NOOP("actions", "Dismiss"), QT_TRANSLATE_NOOP(
        "actions", "Settle a purchase whose answer never came: it is marked failed here "
        "and nothing is sent to the provider. Check the provider's site first: if it was "
        "bought there, it may be charged.")),
)
BY_NAME = {action.name: action for action in ACTIONS}


def blockers(order: Order, profile: Profile, now: float,
             buying: bool = False) -> dict[str, str | None]:
    """For each action, why it is not possible now (None: it is): sentences marked for
    translation (context ``blockers``), their values filled in by name."""
    caps, title = profile.capabilities, profile.title
    live = order.state.is_live and order.provider_id is not None
    not_live = None if live else QT_TRANSLATE_NOOP(
        "blockers", "The order is {state}.").format(state=STATES[order.state])
    cancel = not_live
    if cancel is None and order.code:
        cancel = QT_TRANSLATE_NOOP(
            "blockers", "A code arrived: the number was used, so it cannot be refunded.")
    if cancel is None and order.cancel_not_before and now < order.cancel_not_before:
        wait = int(order.cancel_not_before - now) + 1
        grace = int(profile.cancel_not_before or 0)
        cancel = QT_TRANSLATE_NOOP(
            "blockers", "{title} accepts a cancel {minutes} minutes after purchase: wait "
            "{wait} s.").format(title=title, minutes=grace // 60, wait=wait) \
            if grace >= 60 else QT_TRANSLATE_NOOP(
                "blockers", "Wait {wait} s before cancelling.").format(wait=wait)
    another = QT_TRANSLATE_NOOP("blockers", "{title} does not offer another SMS.").format(
        title=title) if REQUEST_ANOTHER_SMS not in caps else not_live or (
        None if order.code else QT_TRANSLATE_NOOP("blockers", "No code has arrived yet."))
    rerent = QT_TRANSLATE_NOOP(
        "blockers", "{title} does not offer renting the same number again.").format(
        title=title) if RERENT not in caps \
        else None if order.code and order.provider_id \
        else QT_TRANSLATE_NOOP(
            "blockers", "Only a number that received a code can be rented again.")
    unknown = order.state in (OrderState.UNKNOWN, OrderState.PENDING)
    dismiss = None if unknown and not buying else QT_TRANSLATE_NOOP(
        "blockers", "Being bought right now: wait for the provider's answer.") if unknown \
        else QT_TRANSLATE_NOOP(
            "blockers", "Only a purchase whose answer never came can be dismissed.")
    return {"cancel": cancel, "complete": not_live, "request_another_sms": another,
            "rerent": rerent, "dismiss": dismiss}


class Actions:
    """Cancel, complete, another SMS, dismiss, auto-cancel on or off."""

    def __init__(self, book: OrderBook, sessions: Sessions, accounts: Accounts,
                 clock: Callable[[], float], buying: Callable[[int], bool],
                 after: Callable[[Order], None]) -> None:
        self.book = book
        self.sessions = sessions
        self.accounts = accounts
        self.clock = clock
        self.buying = buying
        self.after = after  # wake the poller, refresh the balance

    def blockers(self, order: Order) -> dict[str, str | None]:
        return blockers(order, self.accounts.profile(order.account), self.clock(),
                        self.buying(order.id))

    def _allowed(self, order_id: int, action: str) -> Order:
        order = self.book.order(order_id)
        reason = self.blockers(order)[action]
        if reason is not None:
            raise NothingToDo(reason, token="NOT_NOW")
        return order

    async def cancel(self, order_id: int, reason: Reason = Reason.CANCELLED,
                     urgent: bool = False) -> Order:
        """Cancel at the provider.  `urgent` (auto-cancel) goes through a Retry-After
        pause; so does the user's cancel when waiting out the pause would carry it
        within the auto-cancel margin of its free-cancel deadline."""
        order = self._allowed(order_id, "cancel")
        pid = order.provider_id
        assert pid is not None
        if not urgent and order.free_cancel_until is not None:
            wait = self.sessions.budget(order.account).delay(user=True)
            urgent = pacing.cancel_urgent(order, self.clock(), wait,
                                          self.sessions.settings.auto_cancel_margin)
        await self.sessions.call(order.account, lambda p: p.cancel(pid), urgent=urgent)
        done = self.book.change(order.id, lambda o: transitions.cancelled(o, reason),
                                "cancelled", reason.value)
        order = done or self.book.order(order.id)
        self.after(order)
        return order

    async def complete(self, order_id: int) -> Order:
        order = self._allowed(order_id, "complete")
        pid = order.provider_id
        assert pid is not None
        await self.sessions.call(order.account, lambda p: p.complete(pid))
        done = self.book.change(order.id, transitions.completed, "completed")
        return done or self.book.order(order.id)

    async def request_another_sms(self, order_id: int) -> Order:
        order = self._allowed(order_id, "request_another_sms")
        pid = order.provider_id
        assert pid is not None
        await self.sessions.call(order.account, lambda p: p.request_another_sms(pid))
        now = self.clock()
        done = self.book.change(order.id, lambda o: transitions.retry_asked(o, now), "retry")
        order = done or self.book.order(order.id)
        self.after(order)
        return order

    def dismiss(self, order_id: int) -> Order:
        """The user settles an order whose buy never answered."""
        self._allowed(order_id, "dismiss")

        def settle(o: Order) -> Order | None:
            if o.state not in (OrderState.UNKNOWN, OrderState.PENDING) or o.provider_id:
                return None
            return replace(o, state=OrderState.FAILED, reason=Reason.DISMISSED, note=None,
                           lease_until=None, owner=None)

        done = self.book.change(order_id, settle, "dismissed")
        if done is None:
            raise NothingToDo(QT_TRANSLATE_NOOP(
                "errors", "Order {order} changed meanwhile: it is {state} now.").format(
                order=order_id, state=STATES[self.book.order(order_id).state]))
        return done

    def set_auto_cancel(self, order_id: int, enabled: bool) -> Order:
        self.book.order(order_id)
        done = self.book.change(order_id, lambda o: replace(o, auto_cancel=enabled),
                                "auto-cancel on" if enabled else "auto-cancel off")
        return done or self.book.order(order_id)
