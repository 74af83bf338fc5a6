"""What the user does to an order: cancel, complete, another SMS, re-rent, dismiss,
keep past the deadline.  Every action says what it came to, on the status line and
on the order's row, in the provider's words when it refused; the one that costs
money (re-rent) asks first, with the price and the balance after."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from PySide6.QtCore import QObject

from ..core import Desk, Order
from ..core.errors import LocalError
from ..i18n import QT_TRANSLATE_NOOP
from ..providers import PROFILES
from ..providers.errors import ProviderError, Unavailable
from ..store import StoreError
from ..wording import STATES
from .format import money, phone
from .names import Names
from .orders_panel import OrdersPanel
from .spending import ask_to_spend, balance_of
from .tasks import Report, Tasks, error_text
from .words import explain, translated

# action -> (its name, in flight on the row, in flight at length)
WORDS = {"cancel": (QT_TRANSLATE_NOOP("OrderActions", "Cancel"),
                    QT_TRANSLATE_NOOP("OrderActions", "cancelling…"),
                    QT_TRANSLATE_NOOP("OrderActions", "Asking the provider to cancel…")),
         "complete": (QT_TRANSLATE_NOOP("OrderActions", "Complete"),
                      QT_TRANSLATE_NOOP("OrderActions", "completing…"),
                      QT_TRANSLATE_NOOP("OrderActions",
                                        "Telling the provider the code was used…")),
         "request_another_sms": (QT_TRANSLATE_NOOP("OrderActions", "Another SMS"),
                                 QT_TRANSLATE_NOOP("OrderActions", "asking for another SMS…"),
                                 QT_TRANSLATE_NOOP("OrderActions",
                                                   "Asking the provider for another SMS…")),
         "rerent": (QT_TRANSLATE_NOOP("OrderActions", "Re-rent"),
                    QT_TRANSLATE_NOOP("OrderActions", "renting again…"),
                    QT_TRANSLATE_NOOP("OrderActions", "Renting the number again…"))}
BUSY = QT_TRANSLATE_NOOP("OrderActions", "Waiting for the provider's answer to your last "
                         "action on this order.")


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
        before = self.model.order_at(self.model.row_of(order.id))
        self.model.upsert(order)
        if before is not None and order.state.is_final and order.id not in self._busy:
            # it leaves the list by no action of the user here (auto-cancel, expiry, the
            # provider's word, another BloomDesk): said, never a silent disappearance
            why = explain(order) or translated(STATES[order.state])
            self.report(self.tr("Order #{order} ({phone}) left the list: {why}").format(
                order=order.id, phone=phone(order.phone), why=why), timeout=20_000)
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
            return (self.tr("Auto-cancel is not needed at {title}: it charges nothing for "
                            "silence and refunds a cancelled order.")
                    if profile.refund_on_cancel else self.tr(
                        "Auto-cancel is not needed at {title}: it charges nothing for "
                        "silence.")).format(title=profile.title)
        if not order.auto_cancel:
            return self.tr("Auto-cancel is already off for this order: silence past the "
                           "deadline will be charged.")
        if not order.silent:
            return self.tr("Only a silent order is auto-cancelled; this one has its code.")
        return None

    # ------------------------------------------------------------------ the actions
    def act(self, name: str, order: Order) -> None:
        if name == "dismiss":
            self._now(order, self.tr("Dismiss"), lambda: self.desk.dismiss(order.id),
                      self.tr("Order #{order} dismissed: marked failed here; nothing was "
                              "sent to the provider.").format(order=order.id))
        elif name == "keep":
            self._now(order, self.tr("Keep past deadline"),
                      lambda: self.desk.set_auto_cancel(order.id, False),
                      self.tr("Order #{order} will not be auto-cancelled: if it stays silent "
                              "past its free-cancel deadline, it will be charged.").format(
                          order=order.id))
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
            self.panel.window(), title=self.tr("Rent the number again"), name="confirm-rerent",
            question=self.tr("Rent {phone} again for {service} from {account} for {price}, "
                             "the price of this order?").format(
                phone=phone(order.phone), service=self.names.service(order.service),
                account=order.account, price=money(order.price, currency)),
            price=order.price, balance=balance_of(self.desk, order.account),
            currency=currency, yes=self.tr("Rent again"),
            on_yes=lambda: self._run("rerent", order, self.desk.rerent))

    def _run(self, name: str, order: Order, call: Callable[[int], Awaitable[Order]]) -> None:
        what, short, whole = (translated(word) for word in WORDS[name])
        self._busy.add(order.id)
        self.model.set_outcome(order.id, short, whole)
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

        self.tasks.spawn(go(), what, failed=lambda exc: self._refused(what, order, exc))

    def _refused(self, what: str, order: Order, exc: BaseException) -> None:
        self._busy.discard(order.id)
        said = {"action": what, "lower": what.lower(), "order": order.id,
                "account": order.account, "message": error_text(exc)}
        if isinstance(exc, Unavailable):
            short, whole, report = (self.tr("{lower} failed"), self.tr(
                "{action} failed: {message}"), self.tr(
                "{action} of order #{order} failed: {message}"))
        elif isinstance(exc, ProviderError):
            short, whole, report = (self.tr("{lower} refused"), self.tr(
                "{action} refused by {account}: {message}"), self.tr(
                "{action} of order #{order} refused by {account}: {message}"))
        else:
            short, whole, report = (self.tr("{lower} not sent"), self.tr(
                "{action} not sent: {message}"), self.tr(
                "{action} of order #{order} not sent: {message}"))
        self.model.set_outcome(order.id, short.format(**said), whole.format(**said), error=True)
        self.report(report.format(**said), error=True)
        self.update()

    def _done(self, name: str, order: Order, result: Order) -> str:
        said = {"order": order.id, "phone": phone(order.phone), "account": order.account,
                "price": money(order.price, self.names.currency(order.account))}
        if name == "cancel":
            profile = PROFILES[self.desk.account(order.account).kind]
            return (self.tr("Order #{order} ({phone}) cancelled; {price} goes back to "
                            "{account}.") if profile.refund_on_cancel and order.price else
                    self.tr("Order #{order} ({phone}) cancelled.")).format(**said)
        if name == "complete":
            return self.tr("Order #{order} ({phone}) completed.").format(**said)
        if name == "request_another_sms":
            return self.tr("Order #{order} ({phone}): another SMS asked for; its code will "
                           "show here.").format(**said)
        return self.tr("{phone} rented again as order #{order} for {price}.").format(
            phone=phone(result.phone), order=result.id,
            price=money(result.price, self.names.currency(result.account)))
