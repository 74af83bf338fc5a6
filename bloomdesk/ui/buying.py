"""Buying the offer the user chose: one purchase at a time, confirmed with the price
and the balance after, the row's price sent as the cap where the provider takes one.
A refusal at that cap (the price moved since the row was read, perhaps from the cache)
says so, and the row is read again (``side.reread``).  "Buy best" (Shift+Enter) buys
the row's route (its service in its country) on the account that sells it cheapest,
then the next while one answers it has no numbers, never two numbers, the chain shown
as it goes ("Sweden on SMSBulk: no numbers → Sweden on BloomSMS: bought")."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QComboBox

from ..core import Desk, Order
from ..core.routes import DEFAULT_ATTEMPTS, Attempt, Route
from ..providers import PROFILES
from ..providers.errors import NoNumbers
from ..providers.profiles import Capability
from .format import money, phone
from .names import Names
from .offers_model import Row
from .price_controller import PriceController
from .price_panel import PricePanel
from .spending import ask_to_spend, balance_of
from .tasks import Report, Tasks, error_text
from .words import translated


class Buyer(QObject):
    def __init__(self, desk: Desk, panel: PricePanel, names: Names, report: Report,
                 tasks: Tasks, bought: Callable[[Order], None], *, confirm: bool = True,
                 side: PriceController | None = None, parent: QObject | None = None) -> None:
        """`bought` is told of each new order (the window selects it); `side` (the price
        side) of an offer whose price the provider would not sell at (its row is read
        again), and it has every account's prices for Buy best."""
        super().__init__(parent)
        self.desk = desk
        self.panel = panel
        self.names = names
        self.report = report
        self.tasks = tasks
        self.bought = bought
        self.confirm = confirm
        self.side = side
        self.busy = False
        panel.buyRequested.connect(self.request)
        panel.buyBestRequested.connect(self.request_best)
        panel.nothingChosen.connect(lambda why: self.report(why, timeout=6000))

    def request(self, row: Row) -> None:
        if self.busy:
            self.report(self._already(), timeout=4000)
            return
        if row.stock <= 0:
            self.report(self.tr("{service} in {place} is out of stock at {account}: nothing "
                                "bought.").format(service=row.service_name, place=row.place,
                                                  account=row.account), timeout=6000)
            return
        if not self.confirm:
            self._buy(row)
            return
        currency = self.names.currency(row.account)
        operator = (self._operators(row)
                    if Capability.OPERATORS in self.desk.capabilities(row.account) else None)
        ask_to_spend(
            self.panel.window(), title=self.tr("Buy a number"), name="confirm-buy",
            question=self.tr("Buy a {service} number in {country} from {account} for "
                             "{price}?").format(service=row.service_name,
                                                country=row.country_label, account=row.account,
                                                price=money(row.price, currency)),
            price=row.price, balance=balance_of(self.desk, row.account), currency=currency,
            yes=self.tr("&Buy"),
            on_yes=lambda: self._buy(row, operator.currentData() if operator else None),
            choice=(self.tr("&Operator"), operator) if operator else None)

    def _operators(self, row: Row) -> QComboBox:
        """"Any operator", and the provider's operators in that country once they come
        (the question does not wait for them)."""
        box = QComboBox()
        box.setObjectName("operator")
        box.addItem(self.tr("Any operator"), None)
        box.setToolTip(self.tr("Where the provider offers a choice of mobile operator"))

        async def load() -> None:
            names = await self.desk.operators(row.account, row.country)
            if shiboken6.isValid(box):  # the question may be answered already
                for name in names:
                    box.addItem(name, name)

        self.tasks.spawn(load(), self.tr("Reading the operators"),
                         failed=lambda exc: box.setToolTip(self.tr(
                             "The operators could not be read: {error}").format(
                             error=error_text(exc))))
        return box

    def _set_busy(self, on: bool) -> None:
        self.busy = on
        self.panel.buy_button.setEnabled(not on)
        self.panel.buy_button.setText(self.panel.buy_text(on))

    def _buy(self, row: Row, operator: str | None = None) -> None:
        self._set_busy(True)
        kind = self.desk.account(row.account).kind
        cap = row.price if PROFILES[kind].takes_max_price else None
        self.report(self.tr("Buying {service} in {place} from {account}…").format(
            service=row.service_name, place=row.place, account=row.account), timeout=20_000)

        async def go() -> None:
            try:
                order = await self.desk.buy(row.account, row.service, row.country,
                                            max_price=cap, price=row.price,
                                            operator=operator)
            finally:
                self._set_busy(False)
            self.bought(order)
            self.report(self.tr("Order #{order}: {phone} for {service} — waiting for the "
                                "code").format(order=order.id, phone=phone(order.phone),
                                               service=row.service_name), timeout=8000)

        def failed(exc: BaseException) -> None:
            if cap is not None and isinstance(exc, NoNumbers):
                self.report(self.moved_text(row, exc.min_price), error=True)
                if self.side is not None:
                    self.side.reread(row)
                return
            self.report(f"{row.account}: {error_text(exc)}", error=True)

        self.tasks.spawn(go(), self.tr("Buying"), failed=failed)

    def request_best(self, row: Row) -> None:
        """Buy the row's route on the best account, falling back (confirmed first with
        the first route's price and that account's balance after)."""
        from ..core.routes import place_of
        from .best import routes_for

        if self.busy:
            self.report(self._already(), timeout=4000)
            return
        lists = self.side.all_lists() if self.side is not None else []
        rates = self.side.rates if self.side is not None else {}
        routes = routes_for(lists, row.service, place_of(row.iso, row.place, row.country),
                            rates)
        if not routes:
            self.report(self.tr("No account has {service} in {place} in stock: nothing "
                                "bought.").format(service=row.service_name, place=row.place),
                        timeout=6000)
            return
        if not self.confirm:
            self._buy_best(row, routes)
            return
        first, currency = routes[0], self.names.currency(routes[0].account)
        more = len(routes) - 1
        question = self.tr("Buy a {service} number in {country} on {account} for "
                           "{price}?").format(service=row.service_name,
                                              country=row.country_label, account=first.account,
                                              price=money(first.price, currency))
        if more:
            question += "\n\n" + self.tr(
                "If it has none, the next of the {more} other account(s) selling it, at most "
                "{tries} tries in all, each at its own price. Never two numbers.").format(
                more=more, tries=DEFAULT_ATTEMPTS)
        ask_to_spend(
            self.panel.window(), title=self.tr("Buy the best route"), name="confirm-buy-best",
            question=question, price=first.price,
            balance=balance_of(self.desk, first.account), currency=currency,
            yes=self.tr("Buy &best"), on_yes=lambda: self._buy_best(row, routes))

    def _buy_best(self, row: Row, routes: list[Route]) -> None:
        self._set_busy(True)
        chain: list[str] = []

        def told(attempt: Attempt) -> None:
            chain.append(self.tr("{place} on {account}: {outcome}").format(
                place=row.place, account=attempt.account, outcome=translated(attempt.outcome)))
            self.report(" → ".join(chain), timeout=20_000)

        self.report(self.tr("Buying {service} in {place} on the best account…").format(
            service=row.service_name, place=row.place), timeout=20_000)

        async def go() -> None:
            try:
                order, _ = await self.desk.buy_best(routes, DEFAULT_ATTEMPTS, told)
            finally:
                self._set_busy(False)
            if order is None:
                self.report(" → ".join(chain) + self.tr(". Nothing was bought."), error=True)
                return
            self.bought(order)
            self.report(" → ".join(chain) + self.tr(
                ". Order #{order}: {phone}, waiting for the code").format(
                order=order.id, phone=phone(order.phone)), timeout=15_000)

        def failed(exc: BaseException) -> None:
            said = " → ".join(chain)
            self.report((said + ". " if said else "") + error_text(exc), error=True)

        self.tasks.spawn(go(), self.tr("Buying the best route"), failed=failed)

    def moved_text(self, row: Row, cheapest: Decimal | None) -> str:
        currency = self.names.currency(row.account)
        said = {"account": row.account, "service": row.service_name, "place": row.place,
                "price": money(row.price, currency), "now": money(cheapest, currency)}
        return (self.tr("{account} has no {service} number in {place} at {price} (now "
                        "{now}): the price moved or the stock ran out since the prices were "
                        "read. Nothing was bought; that offer is being read again.")
                if cheapest is not None and cheapest > row.price else self.tr(
                    "{account} has no {service} number in {place} at {price}: the price "
                    "moved or the stock ran out since the prices were read. Nothing was "
                    "bought; that offer is being read again.")).format(**said)

    def _already(self) -> str:
        return self.tr("A purchase is already under way: wait for its answer.")
