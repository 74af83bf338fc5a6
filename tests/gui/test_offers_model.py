"""The price table's fast paths (narrowing, recent selections, presorting, pinned
favourites) always show exactly what a plain filter-and-sort would."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from bloomdesk.domain import Offer
from bloomdesk.ui.offers_model import PRICE, SERVICE, STOCK, OffersModel, Row, make_rows

SERVICES = [("wa", "Whatsapp"), ("bye", "WhatsApp Business"), ("tg", "Telegram"),
            ("go", "Google,youtube,Gmail"), ("ds", "Discord")]
COUNTRIES = [("US", "USA"), ("GB", "United Kingdom"), ("UA", "Ukraine"), ("IN", "India")]
OFFERS = [
    Offer(code, name, iso, Decimal(1 + (i * 7 + j * 3) % 11) / 10, (i + j) % 4, cname, iso)
    for i, (code, name) in enumerate(SERVICES) for j, (iso, cname) in enumerate(COUNTRIES)]
ROWS: list[Row] = []  # built once a QApplication exists (flags ask the font database)

edits = st.lists(st.one_of(st.sampled_from("waustlegibn "), st.just("<"), st.just("*"),
                           st.just("h")), max_size=25)


def expected(text: str, hide: bool, favs: set[str], column: int, desc: bool) -> list[Row]:
    terms = text.lower().split()
    keep = [r for r in ROWS if all(t in r.search for t in terms) and (r.stock > 0 or not hide)]
    key = {PRICE: lambda r: r.price, STOCK: lambda r: r.stock,
           SERVICE: lambda r: r.service_name.lower()}[column]
    keep.sort(key=key, reverse=desc)
    return [r for r in keep if r.favourite_key in favs] + \
        [r for r in keep if r.favourite_key not in favs]


@settings(max_examples=150, deadline=None)
@given(keys=edits, column=st.sampled_from([PRICE, STOCK, SERVICE]), desc=st.booleans())
def test_fast_paths_show_what_a_plain_filter_would(qapp: QApplication, keys: list[str],
                                                   column: int, desc: bool) -> None:
    if not ROWS:
        ROWS.extend(make_rows("acct", OFFERS))
    model = OffersModel()
    model.set_rows(ROWS)
    model.sort(column, Qt.SortOrder.DescendingOrder if desc else Qt.SortOrder.AscendingOrder)
    text, hide = "", False
    for key in keys:
        if key == "<":
            text = text[:-1]
        elif key == "*":
            if model.rowCount():
                model.toggle_favourite(0)
            continue
        elif key == "h":
            hide = not hide
        else:
            text += key
        model.set_filter(text, hide)
        shown = [model.offer_at(i) for i in range(model.rowCount())]
        want = expected(text, hide, model.favourites, column, desc)
        assert [r.favourite_key for r in shown if r] == [r.favourite_key for r in want]
        if column == PRICE:
            assert [r.price for r in shown if r] == [r.price for r in want]
