"""History you can read (issue 17): every finished order, narrowed by account, service,
outcome and dates to exactly the orders and money they should; the chart's aggregates
(spend per day per account, success per service); the CSV export of what is shown,
a formula-looking code made text; and the view opening from View → History… and
Ctrl+H on the real window, kept current as an order ends."""

from __future__ import annotations

import csv
import io
import time
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import qasync
from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from bloomdesk.cli.output import history_csv
from bloomdesk.core import Desk
from bloomdesk.domain import AccountInfo, Order, OrderState, Reason
from bloomdesk.secrets import KeyStore
from bloomdesk.sim import Simulator
from bloomdesk.store import Store
from bloomdesk.ui.chart_colors import accent, contrast, series_colors
from bloomdesk.ui.format import day_text, money
from bloomdesk.ui.history import History
from bloomdesk.ui.history_data import Outcome
from bloomdesk.ui.history_model import BOUGHT, NOTE, NUM, OUTCOME, PRICE
from bloomdesk.ui.history_view import HistoryDialog
from bloomdesk.ui.main_window import MainWindow
from bloomdesk.ui.names import Names
from tests.gui.harness import buy, run_window, until

D0, D1, D2 = date(2026, 3, 10), date(2026, 3, 11), date(2026, 3, 13)
FORMULA = "=HYPERLINK(\"http://x.example\",\"open\")"


def usd(amount: str) -> str:
    """Money as the window shows it (ui/format.py: one look everywhere)."""
    return money(Decimal(amount), "USD")


def at(day: date, hour: int = 12) -> float:
    return datetime(day.year, day.month, day.day, hour).timestamp()


# (account, service, price, state, code, day, bought): legacy keeps the money of an
# order that expires silent (BloomSMS legacy); bulk refunds it (SMSBulk)
KNOWN = [
    ("legacy", "tg", "0.50", OrderState.COMPLETED, "1234", D0, True),
    ("legacy", "tg", "0.50", OrderState.EXPIRED, None, D0, True),  # charged
    ("legacy", "wa", "0.20", OrderState.CANCELLED, None, D1, True),  # refunded
    ("bulk", "tg", "0.30", OrderState.EXPIRED, None, D1, True),  # refunded
    ("bulk", "wa", "0.40", OrderState.COMPLETED, FORMULA, D2, True),
    ("bulk", "tg", "0.30", OrderState.FAILED, None, D2, False),  # refused: not bought
    ("bulk", "tg", "0.25", OrderState.WAITING, None, D2, True),  # open: not history
    ("legacy", "tg", "0.50", OrderState.RECEIVED, "777", D2, True),  # open too
]


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Desk]:
    """A Desk (not started) over a real SQLite journal of the orders above."""
    store = Store(tmp_path / "journal.sqlite3")
    store.add_account(AccountInfo("legacy", "bloomsms-legacy"))
    store.add_account(AccountInfo("bulk", "smsbulk"))
    for n, (account, service, price, state, code, day, bought) in enumerate(KNOWN):
        store.new_order(Order(
            id=0, account=account, service=service, country="46", state=state,
            created_at=at(day), provider_id=f"p{n}" if bought else None,
            phone=f"46700000{n:03d}" if bought else None, price=Decimal(price), code=code,
            code_at=at(day) + 40 if code else None,
            reason=Reason.BUY_REFUSED if state is OrderState.FAILED else None,
            note="<b>NO_BALANCE</b>" if state is OrderState.FAILED else None))
    desk = Desk(store, KeyStore(memory_only=True))
    yield desk
    store.close()


@pytest.fixture
def parent(qapp: QApplication) -> Iterator[QWidget]:
    """What the window is to the view; deleted, with the view, before the next test
    (a view left on screen would be painted in the next one as its parent goes)."""
    made = QWidget()
    yield made
    made.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def opened(desk: Desk, parent: QWidget) -> HistoryDialog:
    return History(desk, Names(parent), None, parent).open()


def pick(combo: Any, value: object) -> None:
    combo.setCurrentIndex(combo.findData(value))


def totals(dialog: HistoryDialog) -> tuple[int, int, Decimal, Decimal]:
    s = dialog.model.summary
    return s.orders, s.with_code, s.spent.get("USD", Decimal(0)), \
        s.refunded.get("USD", Decimal(0))


def test_filters_narrow_the_rows_and_the_totals(journal: Desk, parent: QWidget) -> None:
    dialog = opened(journal, parent)
    model = dialog.model
    assert model.rowCount() == 6, "the finished orders only, failed buys included"
    assert totals(dialog) == (6, 2, Decimal("1.90"), Decimal("0.50"))
    assert dialog.totals.text() == (
        f"Orders: 6 · with a code: 2 (33%) · spent: {usd('1.90')} · refunded: {usd('0.50')}"
        f" · net: {usd('1.40')}")
    pick(dialog.account, "legacy")
    assert model.rowCount() == 3
    assert totals(dialog) == (3, 1, Decimal("1.20"), Decimal("0.20"))
    pick(dialog.account, None)
    pick(dialog.service, "tg")
    assert totals(dialog) == (4, 1, Decimal("1.30"), Decimal("0.30"))
    pick(dialog.service, None)
    pick(dialog.outcome, Outcome.EXPIRED.value)  # silence: legacy kept it, bulk gave back
    assert totals(dialog) == (2, 0, Decimal("0.80"), Decimal("0.30"))
    rows = {model.row_at(i).account: i for i in range(2)}  # type: ignore[union-attr]
    assert model.data(model.index(rows["legacy"], PRICE)) == usd("0.50")
    assert model.data(model.index(rows["bulk"], PRICE)) == usd("0.30") + ", refunded"
    pick(dialog.outcome, None)
    dialog.first.setDate(QDate(2026, 3, 11))
    dialog.last.setDate(QDate(2026, 3, 13))
    assert totals(dialog) == (4, 1, Decimal("0.90"), Decimal("0.50"))
    pick(dialog.account, "bulk")
    pick(dialog.outcome, Outcome.FAILED.value)
    assert totals(dialog) == (1, 0, Decimal(0), Decimal(0))
    assert model.data(model.index(0, OUTCOME)) == "failed, not bought"
    assert model.data(model.index(0, PRICE)) == "—", "nothing was charged"
    tip = model.data(model.index(0, NOTE), Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;NO_BALANCE" in tip, "the provider's words as plain text, not markup"
    dialog.last.setDate(QDate(2026, 3, 12))
    assert model.rowCount() == 0 and not dialog.export_button.isEnabled()
    assert dialog.totals.text() == "No finished order matches these filters."
    dialog.reset_dates()
    pick(dialog.outcome, None)
    assert model.rowCount() == 3


def test_the_charts_aggregates(journal: Desk, parent: QWidget, qtbot: Any) -> None:
    dialog = opened(journal, parent)
    dialog.first.setDate(QDate(2026, 3, 10))
    dialog.last.setDate(QDate(2026, 3, 13))
    s, chart = dialog.model.summary, dialog.chart
    assert s.by_day == {
        D0: {"legacy": (Decimal("1.00"), Decimal(0))},
        D1: {"legacy": (Decimal("0.20"), Decimal("0.20")),
             "bulk": (Decimal("0.30"), Decimal("0.30"))},
        D2: {"bulk": (Decimal("0.40"), Decimal(0))}}
    assert [(r.service, r.received, r.orders) for r in s.by_service] == [
        ("tg", 1, 3), ("wa", 1, 2)], "bought orders only, most first"
    assert chart.accounts == ["legacy", "bulk"], "most spent first"
    assert chart.span == (D0, D2)
    dialog.resize(1100, 700)
    dialog.show()
    qtbot.waitExposed(dialog)
    chart.grab()  # paints; the tooltips of what it painted follow
    tips = [tip for _, tip in chart._hits]
    assert (f"{day_text(D1)}\nlegacy: {usd('0.20')} ({usd('0.20')} refunded)\n"
            f"bulk: {usd('0.30')} ({usd('0.30')} refunded)") in tips
    assert f"{day_text(date(2026, 3, 12))}: nothing spent" in tips  # the locale's date
    assert "tg: 1 of 3 numbers bought got a code" in tips
    drawn = {(a, day): (kept.height(), back.height()) for a, day, kept, back in chart.segments}
    assert set(drawn) == {("legacy", D0), ("legacy", D1), ("bulk", D1), ("bulk", D2)}
    assert drawn[("legacy", D1)][0] == 0 < drawn[("legacy", D1)][1], "all given back: hatched"
    assert drawn[("bulk", D2)][1] == 0 < drawn[("bulk", D2)][0], "all kept: solid"
    assert abs(drawn[("legacy", D0)][0] - 2.5 * drawn[("bulk", D2)][0]) < 0.01  # $1.00, $0.40
    pick(dialog.service, "wa")  # the chart follows the filters
    assert dialog.model.summary.by_day == {
        D1: {"legacy": (Decimal("0.20"), Decimal("0.20"))},
        D2: {"bulk": (Decimal("0.40"), Decimal(0))}}
    assert [(r.service, r.received, r.orders) for r in dialog.model.summary.by_service] \
        == [("wa", 1, 2)]


def test_csv_export_writes_the_filtered_orders_a_formula_made_text(
        journal: Desk, parent: QWidget, qtbot: Any, tmp_path: Path) -> None:
    dialog = opened(journal, parent)
    pick(dialog.account, "bulk")
    shown = dialog.model.shown_orders()
    assert [o.state for o in shown] == [OrderState.FAILED, OrderState.COMPLETED,
                                        OrderState.EXPIRED], "newest first, as shown"
    target = tmp_path / "out" / "history.csv"
    target.parent.mkdir()
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    files = [w for w in QApplication.topLevelWidgets()
             if isinstance(w, QFileDialog) and w.isVisible()]
    assert len(files) == 1
    files[0].selectFile(str(target))
    files[0].accept()
    assert target.exists() and not target.with_name("history.csv.part").exists()
    text = target.read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["id", "account", "service", "country", "phone", "status", "code",
                       "price", "created_at", "note"]
    assert [r[5] for r in rows[1:]] == ["failed", "completed", "expired"]
    assert rows[2][6] == "'" + FORMULA, "a spreadsheet reads it as text, not a formula"
    assert rows[2][7] == "0.40" and rows[2][4] == "46700000004"
    assert rows[1][9].startswith("The provider refused the buy") and "NO_BALANCE" in rows[1][9]
    cli = io.StringIO()
    history_csv(shown, cli)
    assert text.splitlines() == cli.getvalue().splitlines(), "the CLI's columns and cells"
    assert "3 orders written to" in dialog.said.text()


def test_sorts_by_when_bought_not_by_number(parent: QWidget) -> None:
    dialog = HistoryDialog(Names(parent), parent)
    dialog.set_orders([  # the second found at the provider, bought there earlier
        Order(id=1, account="a", service="tg", country="46", state=OrderState.COMPLETED,
              created_at=at(D1), provider_id="1", price=Decimal("0.10"), code="1"),
        Order(id=2, account="a", service="tg", country="46", state=OrderState.EXPIRED,
              created_at=at(D0), provider_id="2", price=Decimal("0.10"), outside=True)],
        lambda account: False)
    dialog.table.sortByColumn(BOUGHT, Qt.SortOrder.AscendingOrder)
    assert [dialog.model.row_at(i).id for i in range(2)] == [2, 1]  # type: ignore[union-attr]
    dialog.table.sortByColumn(NUM, Qt.SortOrder.AscendingOrder)
    assert [dialog.model.row_at(i).id for i in range(2)] == [1, 2]  # type: ignore[union-attr]


def test_colours_read_on_light_and_dark_palettes(qapp: QApplication) -> None:
    light, dark = QPalette(QColor("#efefef")), QPalette(QColor("#353535"))
    light.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    dark.setColor(QPalette.ColorRole.Highlight, QColor("#2a82da"))
    for palette in (light, dark, qapp.palette()):
        base = palette.color(QPalette.ColorRole.Base)
        colors = series_colors(palette, 6)
        assert all(contrast(c, base) >= 3.0 for c in [*colors, accent(palette)])
        assert len({c.name() for c in colors}) == 6


def test_stays_quick_over_thousands_of_orders(parent: QWidget) -> None:
    dialog = HistoryDialog(Names(parent), parent)
    start = time.time() - 200 * 86400
    orders = [Order(id=n, account=f"acc{n % 4}", service=("tg", "wa", "ds", "vk")[n % 7 % 4],
                    country="46", state=(OrderState.COMPLETED, OrderState.CANCELLED,
                                         OrderState.EXPIRED)[n % 3],
                    created_at=start + n * 864, provider_id=str(n), price=Decimal("0.31"),
                    code="1234" if n % 3 == 0 else None) for n in range(1, 20_001)]
    began = time.perf_counter()
    dialog.set_orders(orders, lambda account: account == "acc1")
    loaded = time.perf_counter() - began
    began = time.perf_counter()
    pick(dialog.account, "acc2")
    narrowed = time.perf_counter() - began
    assert dialog.model.summary.orders == 5000
    assert dialog.model.summary.with_code == sum(1 for o in orders if o.account == "acc2"
                                                 and o.code)
    assert loaded < 2.0 and narrowed < 0.5, (loaded, narrowed)


def test_opens_from_its_menu_entry_and_ctrl_h_and_keeps_current(
        qloop: qasync.QEventLoop, qtbot: Any, tmp_path: Path) -> None:
    async def scenario(window: MainWindow, sim: Simulator) -> None:
        view = window.menuBar().actions()[2].menu()
        entry = next(a for a in view.actions() if a.text().replace("&", "") == "History…")
        assert entry.shortcut().toString() == "Ctrl+H"
        qtbot.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
        dialog = window.history.dialog
        assert dialog is not None and dialog.isVisible()
        assert dialog.model.rowCount() == 0
        assert dialog.totals.text().startswith("No finished orders yet")
        dialog.close()
        desk = window.desk
        first, _ = await buy(desk, "smsbulk")
        await until(lambda: desk.order(first).code is not None)
        await desk.complete(first)
        entry.trigger()
        assert dialog.isVisible() and dialog.model.rowCount() == 1, "the same view, read again"
        order_id, price = await buy(desk, "smsbulk")
        await desk.cancel(order_id)  # while the view is open
        await until(lambda: dialog.model.rowCount() == 2)
        row = dialog.model.row_at(0)
        assert row is not None and row.id == order_id and row.outcome is Outcome.CANCELLED
        assert dialog.model.summary.refunded == {"USD": price}
        shown = dialog.model.data(dialog.model.index(0, PRICE))
        assert shown == money(price, "USD") + ", refunded"
        assert dialog.table.columnWidth(PRICE) > \
            dialog.table.fontMetrics().horizontalAdvance(shown), "read whole, not elided"
        dialog.close()

    run_window(qloop, qtbot, tmp_path, scenario, kinds=("smsbulk",))
