"""What the user does to an order: cancel, complete, another SMS, re-rent, dismiss,
keep past the deadline.  Every action says what it came to, on the status line and
on the order's row, in the provider's words when it refused; the one that costs
money (re-rent) asks first, with the price and the balance after."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from PySide6.QtCore import QObject

from ..core import Desk, Order
from ..core.errors import LocalError
from ..providers import PROFILES
from ..providers.errors import ProviderError, Unavailable
from ..store import StoreError
from .format import money, phone
from .names import Names
from .orders_panel import OrdersPanel
from .spending import ask_to_spend, balance_of
from .tasks import Report, Tasks, error_text

# action -> (its name, in flight on the row, in flight at length)
WORDS = {"cancel": ("Cancel", "cancelling…", "Asking the provider to cancel"),
         "complete": ("Complete", "completing…", "Telling the provider the code was used"),
         "request_another_sms": ("Another SMS", "asking for another SMS…",
                                 "Asking the provider for another SMS"),
         "rerent": ("Re-rent", "renting again…", "Renting the number again")}
BUSY = "Waiting for the provider's answer to your last action on this order."


class OrderActions(QObject):
    def __init__(self, desk: Desk, panel: OrdersPanel, names: Names, report: Report,
                 tasks: Tasks, *, confirm: bool = True, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.panel = panel
        self.model = panel.model
        self.names = names
        self.report = report
        self.tasks = tasks
        self.confirm = confirm
        self._busy: set[int] = set()  # orders with an action in flight
        panel.actionRequested.connect(self.act)
        panel.table.selectionModel().selectionChanged.connect(self.update)

    # ------------------------------------------------------------------ the buttons
    def order_changed(self, order: Order) -> None:
        self.model.upsert(order)
        selected = self.panel.selected()
        if selected is None or selected.id == order.id:  # the buttons speak of that one
            self.update()

    def tick(self) -> None:
        self.model.tick()
        self.update()

    def update(self, *_: object) -> None:
        order = self.panel.selected()
        blockers: dict[str, str | None] | None = None
        if order is not None:
            row = self.model.row_of(order.id)
            current = self.model.order_at(row) or order
            try:
                blockers = dict(self.desk.blockers(current))
            except (ProviderError, LocalError):  # the account is gone
                blockers = None
            else:
                blockers["keep"] = self._keep_blocker(current)
                if current.id in self._busy:
                    blockers.update({name: BUSY for name in WORDS})
        self.panel.update_actions(blockers)

    def _keep_blocker(self, order: Order) -> str | None:
        profile = PROFILES[self.desk.account(order.account).kind]
        if profile.charge_silent_after is None:
            refund = " and refunds a cancelled order" if profile.refund_on_cancel else ""
            return (f"Auto-cancel is not needed at {profile.title}: it charges nothing for "
                    f"silence{refund}.")
        if not order.auto_cancel:
            return "Auto-cancel is already off for this order: silence past the deadline " \
                   "will be charged."
        if not order.silent:
            return "Only a silent order is auto-cancelled; this one has its code."
        return None

    # ------------------------------------------------------------------ the actions
    def act(self, name: str, order: Order) -> None:
        if name == "dismiss":
            self._now(order, "Dismiss", lambda: self.desk.dismiss(order.id),
                      f"Order #{order.id} dismissed: marked failed here; nothing was sent "
                      "to the provider.")
        elif name == "keep":
            self._now(order, "Keep past deadline",
                      lambda: self.desk.set_auto_cancel(order.id, False),
                      f"Order #{order.id} will not be auto-cancelled: if it stays silent "
                      "past its free-cancel deadline, it will be charged.")
        elif name == "rerent":
            self._ask_rerent(order)
        else:
            call = {"cancel": self.desk.cancel, "complete": self.desk.complete,
                    "request_another_sms": self.desk.request_another_sms}[name]
            self._run(name, order, call)

    def _now(self, order: Order, what: str, call: Callable[[], object], said: str) -> None:
        try:
            call()
        except (LocalError, StoreError) as exc:
            self._refused(what, order, exc)
            return
        self.model.clear_outcome(order.id)
        self.report(said, timeout=8000)
        self.update()

    def _ask_rerent(self, order: Order) -> None:
        if not self.confirm:
            self._run("rerent", order, self.desk.rerent)
            return
        currency = self.names.currency(order.account)
        ask_to_spend(
            self.panel.window(), title="Rent the number again", name="confirm-rerent",
            question=f"Rent {phone(order.phone)} again for "
            f"{self.names.service(order.service)} from {order.account} for "
            f"{money(order.price, currency)}, the price of this order?",
            price=order.price, balance=balance_of(self.desk, order.account),
            currency=currency, yes="Rent again",
            on_yes=lambda: self._run("rerent", order, self.desk.rerent))

    def _run(self, name: str, order: Order, call: Callable[[int], Awaitable[Order]]) -> None:
        what, short, whole = WORDS[name]
        self._busy.add(order.id)
        self.model.set_outcome(order.id, short, f"{whole}…")
        self.update()

        async def go() -> None:
            try:
                result = await call(order.id)
            finally:
                self._busy.discard(order.id)
            self.model.clear_outcome(order.id)
            self.report(self._done(name, order, result), timeout=8000)
            if name == "rerent":
                self.panel.select_order(result.id)
            self.update()

        self.tasks.spawn(go(), f"{what} of order #{order.id}",
                         failed=lambda exc: self._refused(what, order, exc))

    def _refused(self, what: str, order: Order, exc: BaseException) -> None:
        self._busy.discard(order.id)
        message = error_text(exc)
        if isinstance(exc, Unavailable):
            short, verb = f"{what.lower()} failed", "failed"
        elif isinstance(exc, ProviderError):
            short, verb = f"{what.lower()} refused", f"refused by {order.account}"
        else:
            short, verb = f"{what.lower()} not sent", "not sent"
        self.model.set_outcome(order.id, short, f"{what} {verb}: {message}", error=True)
        self.report(f"{what} of order #{order.id} {verb}: {message}", error=True)
        self.update()

    def _done(self, name: str, order: Order, result: Order) -> str:
        number = f"Order #{order.id} ({phone(order.phone)})"
        if name == "cancel":
            profile = PROFILES[self.desk.account(order.account).kind]
            back = f"; {money(order.price, self.names.currency(order.account))} goes back " \
                   f"to {order.account}" if profile.refund_on_cancel and order.price else ""
            return f"{number} cancelled{back}."
        if name == "complete":
            return f"{number} completed."
        if name == "request_another_sms":
            return f"{number}: another SMS asked for; its code will show here."
        return (f"{phone(result.phone)} rented again as order #{result.id} for "
                f"{money(result.price, self.names.currency(result.account))}.")
