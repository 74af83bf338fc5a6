"""What the price side keeps and says: each list read written to the cache off the
event loop (and waited for at quit), and the line under the table (the prices' age,
a refresh under way or failed)."""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from ..domain import AccountInfo, Country, Offer
from ..pricelist import PriceList
from .format import age
from .tasks import Tasks

if TYPE_CHECKING:
    import asyncio

    from ..core import Desk
    from .offer_rows import Row

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


class Keeper:
    """Writes price lists to the cache (store/cache.py) in a worker thread."""

    def __init__(self, tasks: Tasks) -> None:
        self.tasks = tasks
        self._saving: set[asyncio.Task[None]] = set()  # caches being written

    def save(self, state: Path, account: AccountInfo, currency: str, prices: PriceList,
             countries: list[Country]) -> None:
        saving = self.tasks.spawn(self._save(state, account, currency, prices, countries),
                                  f"Caching the prices of {account.label}",
                                  failed=lambda exc: log.warning("Prices not cached: %s", exc))
        self._saving.add(saving)
        saving.add_done_callback(self._saving.discard)

    @staticmethod
    async def _save(state: Path, account: AccountInfo, currency: str, prices: PriceList,
                    countries: list[Country]) -> None:
        import asyncio

        from ..store import cache

        await asyncio.to_thread(cache.save, state, account, currency, prices, countries)

    async def flush(self, timeout: float = 3.0) -> None:
        """Let the caches being written finish (a quit right after a refresh)."""
        if self._saving:
            import asyncio

            await asyncio.wait(list(self._saving), timeout=timeout)


async def reread_row(desk: Desk, base: PriceList | None, row: Row) -> PriceList | None:
    """`base` with the offer of `row` as its provider sells it now (none in stock when
    it no longer does); None when there is no list to change."""
    fresh = await desk.price_list(row.account, row.service, row.country)
    if base is None:
        return None
    i = fresh.find(row.service, row.country)
    offer = fresh.offer(i) if i >= 0 else Offer(
        row.service, row.service_name, row.country, row.price, 0, row.place, row.iso)
    return base.with_offer(offer)


def describe(labels: Sequence[str], lists: Mapping[str, PriceList],
             failed: Mapping[str, str], loading: Sequence[str]) -> str:
    """What the line under the table says of the prices of `labels`: their age, a
    refresh under way (`loading`) or failed, or why there are none."""
    loaded = [label for label in labels if label in lists]
    parts: list[str] = []
    if loaded:
        oldest = min(lists[label].read_at for label in loaded)
        parts.append(translate("PricePanel", "prices from {age}").format(
            age=age(time.time() - oldest)))
    elif loading:
        parts.append(translate("PricePanel", "Loading prices of {accounts}…").format(
            accounts=", ".join(loading)))
    if loaded and loading:
        parts.append(translate("PricePanel", "refreshing…"))
    for label in labels:
        if label not in failed:
            continue
        said = {"account": label, "error": failed[label]}
        if label in loaded:
            parts.append((translate("PricePanel", "refresh failed of {account}: {error} (F5 "
                                    "tries again)") if len(labels) > 1 else translate(
                "PricePanel", "refresh failed: {error} (F5 tries again)")).format(**said))
        else:
            parts.append(translate("PricePanel", "could not load the prices of {account}: "
                                   "{error} (F5 tries again)").format(**said))
    return " · ".join(parts)
