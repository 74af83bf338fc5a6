"""The price side of the window: accounts, balances, loading and refreshing prices.

Handed what it uses (the price panel, the balance bar, the name cache, a ``report``
and a ``spawn``), as Vorta hands a helper its tab, and the Desk once there is one
(:meth:`PriceController.attach`).  Before that, :meth:`preview` shows each account's
cached prices the moment the window opens; a refresh keeps the prices on screen, with
their age, until new ones arrive (a failed one says so).  The best view: ui/best.py.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings

from ..pricelist import PriceList
from . import favourites, language
from .balances import BalanceBar
from .format import learn_local_names, number
from .layout import timer
from .names import Names
from .offers_model import Row
from .price_keeping import Keeper, describe, reread_row
from .price_panel import ALL, BEST, PricePanel
from .price_words import no_accounts
from .tasks import Report, Tasks, error_text

if TYPE_CHECKING:
    from ..core import Desk
    from ..store.cache import Cached

log = logging.getLogger(__name__)


class PriceController(QObject):
    def __init__(self, panel: PricePanel, balances: BalanceBar, names: Names,
                 report: Report, tasks: Tasks, settings: QSettings | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.desk: Desk | None = None
        self.state: Path | None = None  # where the cache lives (the journal's folder)
        self.panel = panel
        self.balances = balances
        self.names = names
        self.report = report
        self.tasks = tasks
        self.settings = settings
        self._accounts: list[str] = []  # every account's label, in the Desk's order
        self._uids: dict[str, str] = {}
        self._lists: dict[str, PriceList] = {}  # the last prices read, per account
        self._cached: set[str] = set()  # lists from the cache, not read again yet
        self._failed: dict[str, str] = {}  # the last refresh's error, per account
        self._loading: set[str] = set()
        self._countries: set[str] = set()  # whose country list was read this run
        self.keeper = Keeper(tasks)
        self._record_timer = timer(self, 1000, self.refresh_record)  # once, a second later
        self._record_timer.setSingleShot(True)
        self.rates: dict[tuple[str, str, str], float] = {}  # the user's record, per route
        panel.accountChosen.connect(self.show_offers)
        panel.favouriteToggled.connect(self.save_favourites)
        balances.refresh_button.clicked.connect(self.refresh)
        self.load_favourites()

    # ------------------------------------------------------------------ accounts
    def preview(self, cached: Sequence[Cached], labels: Sequence[str]) -> None:
        """Before the Desk: the accounts the journal lists and their cached prices."""
        self._set_accounts(list(labels), {c.label: c.currency for c in cached})
        for c in cached:
            self._adopt(c)
        self._show()

    def _adopt(self, c: Cached) -> None:
        self._lists[c.label] = c.prices
        self._cached.add(c.label)
        if c.countries:
            self.names.learn_countries(c.label, c.countries)
        self._learn(c.label, c.prices)

    def attach(self, desk: Desk) -> None:
        """The Desk arrives: its accounts, and the cached prices not previewed."""
        from ..store import cache

        self.desk = desk
        self.state = desk.store.path.parent
        self.reload_accounts()
        self.refresh_record()
        desk.subscribe(self._event)
        for account in desk.accounts():
            if account.label not in self._lists:
                found = cache.load(self.state, account)
                if found is not None:
                    self._adopt(found)
        self._show()

    def account_labels(self) -> list[str]:
        return list(self._accounts)

    def showing_cached(self) -> bool:
        """Whether the table shows some account's cached prices, not yet read again."""
        return any(label in self._cached for label in self.labels())

    def reload_accounts(self) -> None:
        if self.desk is None:
            return
        from ..providers import PROFILES

        accounts = self.desk.accounts()
        self._uids = {a.label: a.uid for a in accounts}
        self._set_accounts([a.label for a in accounts],
                           {a.label: PROFILES[a.kind].currency for a in accounts})
        if not accounts:
            self.report(no_accounts(), error=True)
            self.panel.set_state(self.tr("No accounts: no prices to show."))

    def _set_accounts(self, labels: list[str], currencies: dict[str, str]) -> None:
        self._accounts = labels
        self.names.set_currencies(currencies)
        self.balances.set_accounts(labels, currencies)
        self.panel.set_accounts(labels)
        for label in [k for k in self._lists if k not in labels]:
            self._forget(label)

    def account_changed(self, label: str) -> None:
        """An account was edited: its prices and country ids may be another's now."""
        self._forget(label)
        self.names.forget(label)
        self._countries.discard(label)
        uid = self._uids.get(label)
        if uid and self.state is not None:
            from ..store import cache

            cache.forget(self.state, uid)

    def _forget(self, label: str) -> None:
        self._lists.pop(label, None)
        self._cached.discard(label)
        self._failed.pop(label, None)

    def labels(self) -> list[str]:
        """The accounts the table shows now."""
        chosen = self.panel.chosen()
        return list(self._accounts) if chosen in (ALL, BEST) else \
            [chosen] if chosen in self._accounts else []

    # ------------------------------------------------------------------ refreshing
    def refresh(self, *_: object) -> None:
        """Balances and the prices on show, read again; what is shown stays meanwhile."""
        if self.desk is None:
            return
        self.refresh_balances()
        for label in self._accounts:
            if label not in self._countries:
                self.tasks.spawn(self._load_names(label), "Countries",
                                 failed=lambda exc: log.info("No country list: %s", exc))
        for label in self.labels():
            self._load(label)
        self.update_state()

    def refresh_balances(self) -> None:
        if self.desk is None:
            return
        self.report(self.tr("Refreshing balances…"), timeout=3000)
        # each failure arrives as an ErrorRaised(kind=BALANCE) event: see the window
        self.tasks.spawn(self.desk.refresh_balances(), self.tr("Refreshing balances"))

    async def _load_names(self, label: str) -> None:
        assert self.desk is not None
        self._countries.add(label)
        try:  # named in the user's language where the provider can (rus, chn)
            countries = await self.desk.countries(label, language.current().provider_language)
        except BaseException:
            self._countries.discard(label)
            raise
        if learn_local_names(countries):
            self._show()  # some countries now named in the user's language
        self.names.learn_countries(label, countries)

    def show_offers(self, *_: object) -> None:
        """The account chosen changed: show what is known, load what is not."""
        for label in self.labels():
            if label not in self._lists or label in self._cached:
                self._load(label)
        self._show()

    def _load(self, label: str) -> None:
        if label not in self._loading and self.desk is not None:
            self._loading.add(label)
            self.tasks.spawn(self._load_offers(label), f"Prices of {label}",
                             failed=partial(self._load_failed, label))

    async def _load_offers(self, label: str) -> None:
        assert self.desk is not None
        try:
            prices = await self.desk.price_list(label)
        finally:
            self._loading.discard(label)
        self._lists[label] = prices
        self._cached.discard(label)
        self._failed.pop(label, None)
        self._learn(label, prices)
        if label in self.labels():
            self._show()
        self.report(self.tr("Prices of {account} read ({count} offers)").format(
            account=label, count=number(len(prices))), timeout=4000)
        if self.state is not None:
            from ..providers import PROFILES

            account = self.desk.account(label)
            self.keeper.save(self.state, account, PROFILES[account.kind].currency, prices,
                             self.names.countries_of(label))

    async def flush(self) -> None:
        await self.keeper.flush()

    def _load_failed(self, label: str, exc: BaseException) -> None:
        self._loading.discard(label)
        message = error_text(exc)
        self._failed[label] = message
        self.report(f"{label}: {message}", error=True)
        self.update_state()

    def reread(self, row: Row) -> None:
        """One offer read again (a buy said its price moved): its row, and no other."""
        if self.desk is not None:
            self.tasks.spawn(self._reread(row), f"The price of {row.service_name}",
                             failed=lambda exc: log.info("Offer not read again: %s", exc))

    async def _reread(self, row: Row) -> None:
        assert self.desk is not None
        base = await reread_row(self.desk, self._lists.get(row.account), row)
        if base is not None:
            self._lists[row.account] = base
            self._show()

    def _learn(self, label: str, prices: PriceList) -> None:
        self.names.learn(label, zip(prices.services, prices.service_names, strict=True),
                         zip(prices.countries, prices.country_names, prices.country_isos,
                             strict=True))

    def _show(self) -> None:
        shown = [(label, self._lists[label]) for label in self.labels()
                 if label in self._lists]
        if self.panel.chosen() == BEST:  # one row per route (ui/best.py)
            from .best import best_lists, sellers_text

            lists, others = best_lists(shown, self.rates)
            self.panel.model.sellers = lambda row: sellers_text(shown, row, self.names)
            self.panel.set_lists(lists, others)
        else:
            self.panel.model.sellers = None
            self.panel.set_lists(shown)
        self.panel.apply_filter()
        self.update_state()

    def all_lists(self) -> list[tuple[str, PriceList]]:
        """Every account's last prices (what Buy best chooses from)."""
        return [(label, self._lists[label]) for label in self._accounts
                if label in self._lists]

    def refresh_record(self, *_: object) -> None:
        """The user's own record of each route (Desk.stats): two columns where there is
        one, and the tie-break of the best view."""
        if self.desk is None:
            return
        stats = [s for s in self.desk.stats() if s.success_rate is not None]
        self.rates = {(s.account, s.service, s.country): s.success_rate or 0.0
                       for s in stats}
        self.panel.model.record = {(s.account, s.service, s.country): (
            s.success_rate or 0.0, s.orders, s.median_seconds) for s in stats}
        self.panel.show_record(bool(stats))
        self.panel.table.viewport().update()

    def _event(self, event: object) -> None:
        order = getattr(event, "order", None)  # an order that ended or got its code
        if order is not None and (order.state.is_final or order.code) and \
                not self._record_timer.isActive():
            self._record_timer.start()

    def update_state(self) -> None:
        """The prices' age, a refresh under way or failed, or why none (each tick)."""
        labels = self.labels()
        loading = [label for label in labels if label in self._loading or (
            label in self._cached and label not in self._failed)]
        self.panel.set_state(describe(labels, self._lists, self._failed, loading))

    # ------------------------------------------------------------------ favourites
    def load_favourites(self) -> None:
        self.panel.model.favourites = favourites.load(self.settings)

    def save_favourites(self) -> None:
        favourites.save(self.settings, self.panel.model.favourites)

    def focus_filter(self) -> None:
        self.panel.filter.setFocus()
        self.panel.filter.selectAll()
