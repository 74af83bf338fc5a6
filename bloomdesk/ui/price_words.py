"""What the price table says of itself: the line under it (how many offers show, of
how many, and the prices' age), the text an empty table shows, and why Enter bought
nothing; in the user's language, numbers as the locale writes them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from .offer_rows import Row

translate = QCoreApplication.translate


def count_line(shown: int, total: int, typed: str, state: str) -> tuple[str, str]:
    """(the line under the table, what an empty table says)."""
    text = " ".join(typed.split())
    number = QLocale().toString
    if total == 0:
        line = state or translate("PricePanel", "Loading prices…")
        return line, line
    after = f" · {state}" if state else ""
    if shown == 0:
        empty = translate("PricePanel", "No offers match “{text}” (of {total}).").format(
            text=text, total=number(total)) if text else translate(
            "PricePanel", "All {total} offers are out of stock.").format(total=number(total))
        return empty + after, empty
    return translate("PricePanel", "{shown} of {total} offers").format(
        shown=number(shown), total=number(total)) + after, ""


def why_nothing(total: int, shown: int, typed: str, chosen: Row | None) -> str:
    """Why Enter (or Buy) bought nothing."""
    text = " ".join(typed.split())
    if total == 0:
        return translate("PricePanel", "There are no prices to buy from yet.")
    if shown == 0:
        return translate("PricePanel", "No offers match “{text}”: nothing to buy.").format(
            text=text)
    if chosen is not None:
        return translate(
            "PricePanel", "{service} in {place} is hidden by the filter: nothing bought. "
            "Pick a shown offer, then press Enter.").format(service=chosen.service_name,
                                                            place=chosen.place)
    return translate("PricePanel", "No offer is selected: pick one with the arrow keys or a "
                     "click, then press Enter.")


def no_accounts() -> str:
    return translate("PriceController", "No accounts yet: add one with File → Accounts… "
                     "(Ctrl+Shift+A). To look around first, start bloomdesk --demo.")
