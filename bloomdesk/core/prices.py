"""Price lists as the window's table wants them: columns, no object per offer.

A provider that parses its price list straight into columns (``price_rows``) is
asked for them; any other is asked for its general offers, turned into columns.
The CLI and the API keep :meth:`Desk.offers` and the general ``Offer``.
"""

from __future__ import annotations

import time
from typing import Any

from ..pricelist import PriceList, from_offers

__all__ = ["PriceList", "price_list"]


async def price_list(provider: Any, service: str | None = None,
                     country: str | None = None) -> PriceList:
    direct = getattr(provider, "price_rows", None)
    if direct is not None:
        rows: PriceList = await direct(country=country, service=service)
        return rows
    return from_offers(await provider.offers(country=country, service=service), time.time())
