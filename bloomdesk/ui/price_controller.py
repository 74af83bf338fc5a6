"""The price side of the window: accounts, balances, loading and refreshing prices.

Handed what it uses (the Desk, the price panel, the balance bar, the name cache, a
``report`` and a ``spawn``), as Vorta hands a helper its tab.  A refresh keeps the
prices on screen, with their age, until new ones arrive; a failed one says so and
keeps them.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import time
from functools import partial

from PySide6.QtCore import QObject, QSettings

from ..core import Desk
from ..providers import PROFILES
from .balances import BalanceBar
from .format import age, place
from .names import Names
from .offers_model import Row, make_rows
from .price_panel import ALL, PricePanel
from .tasks import Report, Tasks, error_text

log = logging.getLogger(__name__)

NO_ACCOUNTS = ("No accounts yet: add one with File → Accounts… (Ctrl+Shift+A). To look "
               "around first, start bloomdesk --demo.")


class PriceController(QObject):
    def __init__(self, desk: Desk, panel: PricePanel, balances: BalanceBar, names: Names,
                 report: Report, tasks: Tasks, settings: QSettings | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.panel = panel
        self.balances = balances
        self.names = names
        self.report = report
        self.tasks = tasks
        self.settings = settings
        self._rows: dict[str, list[Row]] = {}  # the last prices read, per account
        self._read_at: dict[str, float] = {}
        self._failed: dict[str, str] = {}  # the last refresh's error, per account
        self._loading: set[str] = set()
        self._shown: list[str] = []  # the accounts whose rows the table holds
        panel.accountChosen.connect(self.show_offers)
        panel.favouriteToggled.connect(self.save_favourites)
        balances.refresh_button.clicked.connect(self.refresh)
        self.load_favourites()

    # ------------------------------------------------------------------ accounts
    def reload_accounts(self) -> None:
        accounts = self.desk.accounts()
        labels = [a.label for a in accounts]
        currencies = {a.label: PROFILES[a.kind].currency for a in accounts}
        self.names.set_currencies(currencies)
        self.balances.set_accounts(labels, currencies)
        self.panel.set_accounts(labels)
        for label in [k for k in self._rows if k not in labels]:
            self._forget(label)
        if not labels:
            self.report(NO_ACCOUNTS, error=True)
            self.panel.set_state("No accounts: no prices to show.")

    def account_changed(self, label: str) -> None:
        """An account was edited: its prices and country ids may be another's now."""
        self._forget(label)
        self.names.forget(label)

    def _forget(self, label: str) -> None:
        self._rows.pop(label, None)
        self._read_at.pop(label, None)
        self._failed.pop(label, None)

    def labels(self) -> list[str]:
        """The accounts the table shows now."""
        chosen = self.panel.chosen()
        labels = [a.label for a in self.desk.accounts()]
        return labels if chosen == ALL else [chosen] if chosen in labels else []

    # ------------------------------------------------------------------ refreshing
    def refresh(self, *_: object) -> None:
        """Balances and the prices on show, read again; what is shown stays meanwhile."""
        self.refresh_balances()
        for account in self.desk.accounts():
            if not self.names.knows_countries(account.label):
                self.tasks.spawn(self._load_names(account.label), "Countries",
                                 failed=lambda exc: log.info("No country list: %s", exc))
        for label in self.labels():
            self._load(label)
        self.update_state()

    def refresh_balances(self) -> None:
        self.report("Refreshing balances…", timeout=3000)
        # each failure arrives as an ErrorRaised(kind=BALANCE) event: see the window
        self.tasks.spawn(self.desk.refresh_balances(), "Refreshing balances")

    async def _load_names(self, label: str) -> None:
        self.names.learn_countries(label, await self.desk.countries(label))

    def show_offers(self, *_: object) -> None:
        """The account chosen changed: show what is known, load what is not."""
        for label in self.labels():
            if label not in self._rows:
                self._load(label)
        self._show()

    def _load(self, label: str) -> None:
        if label not in self._loading:
            self._loading.add(label)
            self.tasks.spawn(self._load_offers(label), f"Prices of {label}",
                             failed=partial(self._load_failed, label))

    async def _load_offers(self, label: str) -> None:
        try:
            offers = await self.desk.offers(label)
            rows: list[Row] = []
            for start in range(0, len(offers), 2000):  # in chunks: the window breathes
                rows += make_rows(label, offers[start:start + 2000])
                await asyncio.sleep(0)
        finally:
            self._loading.discard(label)
        self._rows[label] = rows
        self._read_at[label] = time.time()
        self._failed.pop(label, None)
        # The table is long-lived: keep its ~half a million objects out of the cyclic
        # collector's full passes, which otherwise stall the window ~100 ms at random.
        gc.freeze()
        self.names.learn(label, {(r.service, r.service_name) for r in rows},
                         {(r.country, r.country_label) for r in rows})
        if label in self.labels():
            self._show()
        self.report(f"Prices of {label} read ({len(offers):,} offers)", timeout=4000)

    def _load_failed(self, label: str, exc: BaseException) -> None:
        self._loading.discard(label)
        message = error_text(exc)
        self._failed[label] = message
        self.report(f"{label}: {message}", error=True)
        self.update_state()

    def _show(self) -> None:
        labels = [label for label in self.labels() if label in self._rows]
        rows: list[Row] = []
        for label in labels:
            rows += self._rows[label]
        self._shown = labels
        self.panel.set_rows(rows)
        self.panel.apply_filter()
        self.update_state()

    def update_state(self) -> None:
        """What the line under the table says of the prices: their age, a refresh
        under way or failed, or why there are none (kept current by the window's tick)."""
        labels = self.labels()
        loaded = [label for label in labels if label in self._read_at]
        failed = [(label, self._failed[label]) for label in labels if label in self._failed]
        loading = [label for label in labels if label in self._loading]
        parts: list[str] = []
        if loaded:
            oldest = min(self._read_at[label] for label in loaded)
            parts.append(f"prices from {age(time.time() - oldest)}")
        elif loading:
            parts.append(f"Loading prices of {', '.join(loading)}…")
        if loaded and loading:
            parts.append("refreshing…")
        for label, message in failed:
            what = "refresh failed" if label in loaded else "could not load the prices"
            who = f" of {label}" if len(labels) > 1 or label not in loaded else ""
            parts.append(f"{what}{who}: {message} (F5 tries again)")
        self.panel.set_state(" · ".join(parts))

    # ------------------------------------------------------------------ favourites
    def load_favourites(self) -> None:
        if self.settings is None:
            return
        saved = self.settings.value("prices/favourites", [])
        items = saved if isinstance(saved, list) else [saved] if saved else []
        self.panel.model.favourites = {_route(str(item)) for item in items}

    def save_favourites(self) -> None:
        if self.settings is not None:
            self.settings.setValue("prices/favourites", sorted(self.panel.model.favourites))
            self.settings.sync()

    def focus_filter(self) -> None:
        self.panel.filter.setFocus()
        self.panel.filter.selectAll()


def _route(key: str) -> str:
    """A favourite saved by name ("tg@Sweden") as the route it names ("tg@SE")."""
    service, _, where = key.rpartition("@")
    iso = place(None, where).iso if where else None
    return f"{service}@{iso}" if service and iso else key
