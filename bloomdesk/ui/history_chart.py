"""The history's chart, drawn with QPainter (a chart library would not earn its size in
the bundle): on the left the money spent per day, a stacked bar per day with a colour
per account and the refunded part hatched; on the right the share of numbers bought
that got a code, per service.  It paints from the Summary computed once per filter
change; the only work at paint time is grouping days into wider bars when the days
outnumber the pixels."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from decimal import Decimal

from PySide6.QtCore import QDate, QEvent, QLocale, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QHelpEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from .chart_colors import accent, series_colors
from .format import day_text, money, plain_tip
from .history_data import Summary

BAR_MIN = 5  # px per bar, gap included: more days than this allows are grouped
BAR_MAX = 36  # px: a few days' bars stay bars, not slabs
STEPS = (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5))
CENT = Decimal("0.01")


def nice_step(top: Decimal, ticks: int = 4) -> Decimal:
    """A round step giving about `ticks` lines: 1, 2, 2.5 or 5 times a power of ten, and
    whole cents (each line's label is money, shown to the cent)."""
    raw = max(top / ticks, CENT)
    power = Decimal(10) ** math.floor(math.log10(raw))
    steps = [s * power for s in STEPS] + [10 * power]
    return next(s for s in steps if s >= raw and s % CENT == 0)


class HistoryChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.summary: Summary | None = None
        self.span: tuple[date, date] | None = None
        self.accounts: list[str] = []  # charted, most spent first
        self.currency = "USD"
        self.left_out = 0  # accounts in another currency, not charted
        self.service_name: Callable[[str], str] = str
        self._hits: list[tuple[QRectF, str]] = []  # tooltips of what was painted
        # each bar's part per account as painted: (account, first day, kept, refunded)
        self.segments: list[tuple[str, date, QRectF, QRectF]] = []

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(720, 12 * self.fontMetrics().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(420, self.sizeHint().height())

    def set_summary(self, summary: Summary, span: tuple[date, date] | None,
                    currency_of: Callable[[str], str],
                    service_name: Callable[[str], str]) -> None:
        """What to draw: the days of `span` (None: those with spending)."""
        totals: dict[str, Decimal] = {}
        for accounts in summary.by_day.values():
            for account, (spent, _) in accounts.items():
                totals[account] = totals.get(account, Decimal(0)) + spent
        by_currency: dict[str, int] = {}
        for account in totals:
            by_currency[currency_of(account)] = by_currency.get(currency_of(account), 0) + 1
        self.currency = max(by_currency, key=lambda c: (by_currency[c], c == "USD"),
                            default="USD")
        self.accounts = sorted((a for a in totals if currency_of(a) == self.currency),
                               key=lambda a: (-totals[a], a))
        self.left_out = len(totals) - len(self.accounts)
        self.summary, self.span, self.service_name = summary, span, service_name
        self.update()

    # ------------------------------------------------------------------ painting
    def paintEvent(self, _: object) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        p.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))
        self._hits, self.segments = [], []
        box = QRectF(self.rect()).adjusted(10, 8, -10, -6)
        split = box.left() + box.width() * 0.6
        self._spend(p, QRectF(box.left(), box.top(), split - box.left() - 16, box.height()))
        p.setPen(QPen(pal.color(QPalette.ColorRole.Mid), 1))
        p.drawLine(QPointF(split, box.top()), QPointF(split, box.bottom()))
        self._success(p, QRectF(split + 16, box.top(), box.right() - split - 16,
                                box.height()))
        p.end()

    def _title(self, p: QPainter, box: QRectF, text: str) -> float:
        font = QFont(self.font())
        font.setBold(True)
        p.setFont(font)
        p.setPen(self.palette().color(QPalette.ColorRole.Text))
        line = self.fontMetrics().height()
        p.drawText(QRectF(box.left(), box.top(), box.width(), line),
                   Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                   self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight,
                                                 int(box.width())))
        p.setFont(self.font())
        return box.top() + line + 4

    def _empty(self, p: QPainter, box: QRectF, text: str) -> None:
        p.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        p.drawText(box, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, text)

    def _days(self) -> list[date]:
        assert self.summary is not None
        days = self.summary.days
        first, last = self.span or ((days[0], days[-1]) if days else (date.today(),) * 2)
        return [first + timedelta(n) for n in range((last - first).days + 1)]

    def _spend(self, p: QPainter, box: QRectF) -> None:
        fm = self.fontMetrics()
        line = fm.height()
        days = self._days() if self.summary else []
        group = max(1, math.ceil(len(days) / max(1.0, (box.width() - 60) / BAR_MIN)))
        title = self.tr("Spent per day, by account") if group == 1 else \
            self.tr("Spent per {days} days, by account").format(days=group)
        top = self._title(p, box, title)
        if self.summary is None or not self.accounts:
            self._empty(p, box.adjusted(0, top - box.top(), 0, 0),
                        self.tr("No money spent in this selection"))
            return
        colors = dict(zip(self.accounts, series_colors(self.palette(), len(self.accounts)),
                          strict=True))
        top = self._legend(p, QRectF(box.left(), top, box.width(), line), colors)
        bars = []  # (first day, last day, {account: (spent, refunded)})
        for start in range(0, len(days), group):
            chunk = days[start:start + group]
            sums: dict[str, tuple[Decimal, Decimal]] = {}
            for day in chunk:
                for account, (spent, back) in self.summary.by_day.get(day, {}).items():
                    if account in colors:
                        was = sums.get(account, (Decimal(0), Decimal(0)))
                        sums[account] = (was[0] + spent, was[1] + back)
            bars.append((chunk[0], chunk[-1], sums))
        high = max((sum((s for s, _ in b[2].values()), Decimal(0)) for b in bars),
                   default=Decimal(0))
        step = nice_step(high)
        ceiling = step * max(1, math.ceil(high / step))
        labels = [money(step * n, self.currency) for n in range(int(ceiling / step) + 1)]
        axis = max(fm.horizontalAdvance(t) for t in labels) + 6
        plot = QRectF(box.left() + axis, top + line / 2, box.width() - axis,
                      box.bottom() - top - line / 2 - line - 4)
        text, mid = (self.palette().color(r) for r in (QPalette.ColorRole.Text,
                                                       QPalette.ColorRole.Mid))
        for n, label in enumerate(labels):
            y = plot.bottom() - plot.height() * n / (len(labels) - 1)
            p.setPen(QPen(mid, 1, Qt.PenStyle.SolidLine if n == 0 else Qt.PenStyle.DotLine))
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            p.setPen(text)
            p.drawText(QRectF(box.left(), y - line / 2, axis - 6, line),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
        width = plot.width() / len(bars)
        scale = plot.height() / float(ceiling)
        for n, (first, last, sums) in enumerate(bars):
            x, y = plot.left() + n * width, plot.bottom()
            for account in self.accounts:
                spent, back = sums.get(account, (Decimal(0), Decimal(0)))
                if not spent:
                    continue
                h, kept = float(spent) * scale, float(spent - back) * scale
                bar = max(1.0, min(width * 0.7, BAR_MAX))
                cell = QRectF(x + (width - bar) / 2, y - h, bar, h)
                solid, hatched = cell.adjusted(0, h - kept, 0, 0), cell.adjusted(0, 0, 0, -kept)
                p.fillRect(solid, colors[account])
                if hatched.height() > 0:  # what came back: hatched and outlined
                    p.fillRect(hatched, QBrush(colors[account], Qt.BrushStyle.BDiagPattern))
                    p.setPen(QPen(colors[account], 1))
                    p.drawRect(hatched.adjusted(0.5, 0.5, -0.5, 0))
                self.segments.append((account, first, solid, hatched))
                y -= h
            self._hits.append((QRectF(x, plot.top(), width, plot.height()),
                               self._bar_tip(first, last, sums)))
        self._day_labels(p, plot, bars, line)

    def _legend(self, p: QPainter, row: QRectF, colors: dict[str, QColor]) -> float:
        """Swatch and name of each account, then the refunded hatch: wrapped onto a
        second line where the chart is narrow; returns where the plot may start."""
        fm, x, y = self.fontMetrics(), row.left(), row.top()
        swatch = fm.ascent() - 2
        hatch = QColor(self.palette().color(QPalette.ColorRole.Text))
        entries = [(a, QBrush(c)) for a, c in colors.items()]
        entries.append((self.tr("refunded"), QBrush(hatch, Qt.BrushStyle.BDiagPattern)))
        if self.left_out:
            entries.append((self.tr("(only {currency} is charted)").format(
                currency=self.currency), QBrush()))
        p.setPen(self.palette().color(QPalette.ColorRole.Text))
        for label, brush in entries:
            need = swatch + 4 + fm.horizontalAdvance(label)
            if x > row.left() and x + need > row.right() and y == row.top():
                x, y = row.left(), y + row.height()  # one more line, no more
            room = row.right() - x - swatch - 4
            if room < fm.horizontalAdvance("M…"):
                break
            if brush.style() != Qt.BrushStyle.NoBrush:
                p.fillRect(QRectF(x, y + (row.height() - swatch) / 2, swatch, swatch), brush)
                x += swatch + 4
            text = fm.elidedText(label, Qt.TextElideMode.ElideRight, int(room))
            p.drawText(QRectF(x, y, room, row.height()),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
            x += fm.horizontalAdvance(text) + 12
        return y + row.height() + 2

    def _day_labels(self, p: QPainter, plot: QRectF, bars: Sequence[tuple[date, date, object]],
                    line: float) -> None:
        fm, locale = self.fontMetrics(), QLocale()
        width = plot.width() / len(bars)
        texts = [locale.toString(QDate(b[0].year, b[0].month, b[0].day), "d MMM")
                 for b in bars]
        every = max(1, math.ceil((max(map(fm.horizontalAdvance, texts)) + 12) / width))
        p.setPen(self.palette().color(QPalette.ColorRole.Text))
        for n in range(0, len(bars), every):
            centre = plot.left() + (n + 0.5) * width
            wide = max(width * every, fm.horizontalAdvance(texts[n]) + 4)
            left = min(max(centre - wide / 2, plot.left() - 8), plot.right() + 8 - wide)
            room = QRectF(left, plot.bottom() + 3, wide, line)
            p.drawText(room, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                       texts[n])

    def _bar_tip(self, first: date, last: date,
                 sums: dict[str, tuple[Decimal, Decimal]]) -> str:
        when = day_text(first) if first == last else f"{day_text(first)} – {day_text(last)}"
        lines = [when]
        for account in self.accounts:
            spent, back = sums.get(account, (Decimal(0), Decimal(0)))
            if not spent:
                continue
            if back:
                lines.append(self.tr("{account}: {spent} ({refunded} refunded)").format(
                    account=account, spent=money(spent, self.currency),
                    refunded=money(back, self.currency)))
            else:
                lines.append(self.tr("{account}: {spent}").format(
                    account=account, spent=money(spent, self.currency)))
        if len(lines) == 1:
            return self.tr("{when}: nothing spent").format(when=when)
        return "\n".join(lines)

    def _success(self, p: QPainter, box: QRectF) -> None:
        top = self._title(p, box, self.tr("Numbers that got a code, per service"))
        rates = self.summary.by_service if self.summary else []
        if not rates:
            self._empty(p, box.adjusted(0, top - box.top(), 0, 0),
                        self.tr("No number bought in this selection"))
            return
        fm, pal = self.fontMetrics(), self.palette()
        line = fm.height() + 5
        fits = max(1, int((box.bottom() - top) // line))
        shown = rates if len(rates) <= fits else rates[:fits - 1]
        names = [self.service_name(r.service) for r in shown]
        name_w = min(max(map(fm.horizontalAdvance, names)) + 2, box.width() * 0.38) + 10
        figures = [self.tr("{rate}% · {got} of {orders}").format(
            rate=round(100 * r.rate), got=r.received, orders=r.orders) for r in shown]
        figure_w = max(map(fm.horizontalAdvance, figures)) + 8
        track = box.width() - name_w - figure_w
        fill, text = accent(pal), pal.color(QPalette.ColorRole.Text)
        groove = QColor(pal.color(QPalette.ColorRole.Mid))
        groove.setAlphaF(0.35)
        for n, (rate, name, figure) in enumerate(zip(shown, names, figures, strict=True)):
            y = top + n * line
            row = QRectF(box.left(), y, box.width(), line)
            p.setPen(text)
            p.drawText(QRectF(box.left(), y, name_w - 8, line), Qt.AlignmentFlag.AlignVCenter,
                       fm.elidedText(name, Qt.TextElideMode.ElideRight, int(name_w - 10)))
            bar = QRectF(box.left() + name_w, y + 4, track, line - 8)
            p.fillRect(bar, groove)
            p.fillRect(QRectF(bar.left(), bar.top(), bar.width() * rate.rate, bar.height()),
                       fill)
            p.setPen(text)
            p.drawText(QRectF(bar.right() + 8, y, figure_w, line),
                       Qt.AlignmentFlag.AlignVCenter, figure)
            self._hits.append((row, self.tr("{service}: {got} of {orders} numbers bought "
                                            "got a code").format(
                service=name, got=rate.received, orders=rate.orders)))
        if len(shown) < len(rates):
            p.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
            p.drawText(QRectF(box.left(), top + len(shown) * line, box.width(), line),
                       Qt.AlignmentFlag.AlignVCenter,
                       self.tr("and {count} more services").format(
                           count=len(rates) - len(shown)))

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ToolTip and isinstance(e, QHelpEvent):
            found = next((tip for rect, tip in self._hits if rect.contains(QPointF(e.pos()))),
                         None)
            if found:
                QToolTip.showText(e.globalPos(), plain_tip(found), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(e)
