"""The price side of the main window: accounts, balances, the price table and buying.

A mixin of :class:`~bloomdesk.ui.main_window.MainWindow` (it uses the window's
``desk``, ``spawn``, panels and status bar), kept apart so each file reads in one go.
"""

from __future__ import annotations

import asyncio
import gc
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from ..core import Order
from ..providers import PROFILES
from ..providers.errors import ProviderError
from .format import country_name, flag
from .offers_model import Row, make_rows
from .price_panel import ALL

if TYPE_CHECKING:
    from .main_window import MainWindow

    _Base = MainWindow
else:
    _Base = object


class PricesAndBuying(_Base):
    # ------------------------------------------------------------------ accounts, prices
    def reload_accounts(self) -> None:
        labels = [a.label for a in self.desk.accounts()]
        self.balances.set_accounts(labels)
        self.prices.set_accounts(labels)
        if not labels:
            self.banner.show_message(
                "No accounts yet: add one with File → Accounts… (Ctrl+Shift+A). "
                "To look around first, start bloomdesk --demo.")
            self.prices.set_status("No accounts: no prices to show.")

    def refresh(self) -> None:
        self.refresh_balances()
        for account in self.desk.accounts():
            if not any(key[0] == account.label for key in self.orders_model.country_labels):
                self.spawn(self._load_names(account.label), f"Loading countries of "
                           f"{account.label}")
        self._offers.clear()
        self.show_offers()

    async def _load_names(self, label: str) -> None:
        countries = await self.desk.countries(label)
        for country in countries:
            name = country_name(country.iso, country.name)
            badge = flag(country.iso)
            self.orders_model.country_labels[(label, country.id)] = \
                f"{badge} {name}" if badge else name
        self.orders_model.names_changed()

    def refresh_balances(self) -> None:
        self.statusBar().showMessage("Refreshing balances…", 3000)
        self.spawn(self._refresh_balances(), "Refreshing balances")

    async def _refresh_balances(self) -> None:
        results = await self.desk.refresh_balances()
        for label, result in results.items():
            if isinstance(result, ProviderError):
                self.balances.set_error(label, result.message)

    def show_offers(self, *_: object) -> None:
        chosen = self.prices.chosen()
        labels = [a.label for a in self.desk.accounts()] if chosen == ALL else [chosen]
        if not any(labels):
            return
        missing = [label for label in labels if label and label not in self._offers]
        if missing:
            self.prices.set_status("Loading prices…")
            for label in missing:
                if label not in self._loading:
                    self._loading.add(label)
                    self.spawn(self._load_offers(label), f"Loading prices of {label}")
        self._show_loaded(labels)

    def _show_loaded(self, labels: list[str]) -> None:
        rows: list[Row] = []
        for label in labels:
            rows += self._offers.get(label, [])
        self.prices.set_rows(rows)
        self.prices.apply_filter()

    async def _load_offers(self, label: str) -> None:
        try:
            offers = await self.desk.offers(label)
        finally:
            self._loading.discard(label)
        rows: list[Row] = []
        for start in range(0, len(offers), 2000):  # in chunks: the window keeps breathing
            rows += make_rows(label, offers[start:start + 2000])
            await asyncio.sleep(0)
        self._offers[label] = rows
        # The table is long-lived: keep its ~half a million objects out of the cyclic
        # collector's full passes, which otherwise stall the window ~100 ms at random.
        gc.freeze()
        for row in rows:
            self.orders_model.service_names.setdefault(row.service, row.service_name)
        self.orders_model.names_changed()
        chosen = self.prices.chosen()
        if chosen in (label, ALL):
            self.show_offers()
        self.statusBar().showMessage(f"Prices of {label} loaded ({len(offers):,} offers)", 4000)

    def _save_favourites(self) -> None:
        if self.settings is not None:
            self.settings.setValue("prices/favourites", sorted(self.prices.model.favourites))
            self.settings.sync()

    def focus_filter(self) -> None:
        self.prices.filter.setFocus()
        self.prices.filter.selectAll()

    # ------------------------------------------------------------------ buying
    def request_buy(self, row: Row) -> None:
        if self.buying:
            self.statusBar().showMessage("A purchase is already under way.", 3000)
            return
        if row.stock <= 0:
            self._error(row.account, f"{row.service_name} in {row.country_label} is out of "
                        "stock.")
            return
        balance = self.desk.balances.get(row.account, (None, 0.0))[0]
        after = f"{balance - row.price:.2f} USD" if balance is not None else "unknown"
        text = (f"Buy a {row.service_name} number in {row.country_label} from "
                f"{row.account} for {row.price} USD?\n\nBalance after: {after}")
        if not self.confirm_buys:
            self._buy(row)
            return
        box = QMessageBox(QMessageBox.Icon.Question, "Buy a number", text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        box.setObjectName("confirm-buy")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(partial(self._confirmed, row))
        box.open()

    def _confirmed(self, row: Row, result: int) -> None:
        if result == QMessageBox.StandardButton.Yes:
            self._buy(row)

    def _set_buying(self, on: bool) -> None:
        self.buying = on
        self.prices.buy_button.setEnabled(not on)
        self.prices.buy_button.setText("Buying…" if on else "Buy (Enter)")

    def _buy(self, row: Row) -> None:
        self._set_buying(True)
        kind = next(a.kind for a in self.desk.accounts() if a.label == row.account)
        cap = row.price if PROFILES[kind].takes_max_price else None

        async def go() -> Order:
            try:
                order = await self.desk.buy(row.account, row.service, row.country,
                                            max_price=cap, price=row.price)
            finally:
                self._set_buying(False)
            self.orders.select_order(order.id)
            self.statusBar().showMessage(f"Order #{order.id}: {order.phone} — waiting for "
                                         "the code", 6000)
            return order

        self.spawn(go(), "Buying")

