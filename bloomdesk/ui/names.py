"""The one cache of names the tables show: service names by code, and countries by
(account, provider-local country id), shown as ``format.place`` says (flag, then the
name in the user's language where one is known).  The price side fills it as lists
arrive; both table models read it; ``changed`` tells them to repaint."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal

from ..domain import Country
from .format import place


class Names(QObject):
    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._services: dict[str, str] = {}
        self._countries: dict[tuple[str, str], tuple[str | None, str]] = {}  # (iso, name)
        self._accounts: set[str] = set()  # whose country list has been read
        self._lists: dict[str, list[Country]] = {}  # those lists, as read
        self._currencies: dict[str, str] = {}

    def set_currencies(self, currencies: dict[str, str]) -> None:
        """Each account's currency (its provider profile's)."""
        self._currencies = dict(currencies)

    def currency(self, account: str) -> str:
        return self._currencies.get(account, "USD")

    def service(self, code: str) -> str:
        """The service's name, or its code while no list has named it."""
        return self._services.get(code, code)

    def service_label(self, code: str) -> str:
        name = self._services.get(code)
        return f"{name} ({code})" if name and name != code else code

    def country(self, account: str, country_id: str | None) -> str:
        """How a country of this account reads: the same on every account."""
        if not country_id:
            return "—"
        known = self._countries.get((account, country_id))
        return place(*known).label if known else country_id

    def knows_countries(self, account: str) -> bool:
        return account in self._accounts

    def countries_of(self, account: str) -> list[Country]:
        """The account's country list as last read (empty when never read)."""
        return list(self._lists.get(account, ()))

    def learn_countries(self, account: str, countries: Iterable[Country]) -> None:
        countries = self._lists[account] = list(countries)
        for c in countries:
            self._countries[(account, c.id)] = (c.iso, c.name)
        self._accounts.add(account)
        self.changed.emit()

    def learn(self, account: str, services: Iterable[tuple[str, str]],
              countries: Iterable[tuple[str, str | None, str | None]]) -> None:
        """From a price list: (code, name) of services, (id, name, ISO) of countries."""
        for code, service in services:
            self._services.setdefault(code, service)
        for country_id, name, iso in countries:
            self._countries.setdefault((account, country_id), (iso, name or country_id))
        self.changed.emit()

    def forget(self, account: str) -> None:
        """An account was edited or removed: its ids may mean other places now."""
        self._accounts.discard(account)
        self._lists.pop(account, None)
        for key in [k for k in self._countries if k[0] == account]:
            del self._countries[key]
