"""The header: each account's balance.  Red means low (under the user's threshold)
and nothing else; a balance whose last refresh failed keeps the last amount read,
marked ⚠, with the provider's words in its tooltip.  A narrow window cuts the
account's name in the middle, never the amount."""

from __future__ import annotations

import time
from decimal import Decimal

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QToolButton, QWidget

from .format import clock_time, money, plain_tip
from .look import Tone, bold, css, ink, look, mix, muted, wash
from .words import translated

NORMAL = "BalanceChip { background: palette(alternate-base); border: 1px solid " \
    "transparent; border-radius: 4px; }"


def low_style() -> str:
    """Red means low, and only that: a wash of the error tone, its text in that tone."""
    return (f"BalanceChip {{ background: {css(wash(Tone.ERROR))}; border: 1px solid "
            f"{css(mix(wash(Tone.ERROR), ink(Tone.ERROR), 0.45))}; border-radius: 4px; }} "
            f"QLabel {{ color: {css(ink(Tone.ERROR))}; }}")


def failed_style() -> str:
    """A failed refresh: a dashed warning border, the last amount read muted."""
    return (f"BalanceChip {{ background: palette(alternate-base); border: 1px dashed "
            f"{css(ink(Tone.WARNING))}; border-radius: 4px; }} "
            f"QLabel#balance-amount {{ color: {css(muted())}; }}")


class ElidedLabel(QLabel):
    """Plain text that gives up width first, cut with "…" rather than clipped."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(self.fontMetrics().horizontalAdvance("Bl…"), super().minimumSizeHint()
                     .height())

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(self.fontMetrics().horizontalAdvance(self.text()) + 2,
                     super().sizeHint().height())

    def shown(self) -> str:
        """The text as painted at this width: cut in the middle, so that accounts
        named alike ("BloomSMS", "BloomSMS legacy") still read apart ("Bl…MS",
        "Bl…acy"), where cutting the end made both "Bloo…"."""
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideMiddle,
                                             self.width())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.drawText(self.rect(), int(self.alignment()), self.shown())


class BalanceChip(QFrame):
    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"balance:{label}")
        self.name = ElidedLabel(label, self)
        bold(self.name)
        self.amount = QLabel(self)
        self.amount.setObjectName("balance-amount")
        self.amount.setTextFormat(Qt.TextFormat.PlainText)
        self.mark = QLabel("⚠", self)
        self.mark.setObjectName("balance-failed")
        self.mark.hide()
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 3, 8, 3)
        row.setSpacing(6)
        row.addWidget(self.name)
        row.addWidget(self.amount)
        row.addWidget(self.mark)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)


class BalanceBar(QFrame):
    def __init__(self, parent: QWidget | None = None,
                 threshold: Decimal = Decimal("1.00")) -> None:
        super().__init__(parent)
        self.threshold = threshold
        self.setObjectName("balances")
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 2, 0, 2)
        self._chips: dict[str, BalanceChip] = {}
        self._currency: dict[str, str] = {}
        # amount, when it was read, the last refresh's error and when it failed
        self._values: dict[str, tuple[Decimal | None, float | None, str | None, float]] = {}
        self._layout.addStretch(1)
        self.refresh_button = QToolButton(self)
        self.refresh_button.setText(self.tr("⟳ Refresh"))
        self.refresh_button.setToolTip(self.tr("Refresh balances and prices (F5)"))
        self.setAccessibleName(self.tr("Balances"))
        look().changed.connect(self._retone)
        self._layout.addWidget(self.refresh_button)

    def set_accounts(self, labels: list[str], currencies: dict[str, str] | None = None) -> None:
        self._currency = dict(currencies or {})
        for label in labels:
            if label not in self._chips:
                chip = BalanceChip(label, self)
                self._chips[label] = chip
                self._layout.insertWidget(self._layout.count() - 2, chip)
                self._values[label] = (None, None, None, 0.0)
                self._render(label)
        for label in list(self._chips):
            if label not in labels:
                self._chips.pop(label).deleteLater()
                self._values.pop(label, None)

    def _retone(self) -> None:
        for label in self._chips:
            self._render(label)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_names()

    def _fit_names(self) -> None:
        """Share the room left by the amounts fairly: short names stay whole, the
        longest give up width first (a layout would shrink them all alike)."""
        chips = list(self._chips.values())
        if not chips:
            return
        margins = self._layout.contentsMargins()
        fixed = margins.left() + margins.right() + self.refresh_button.sizeHint().width() \
            + self._layout.spacing() * (len(chips) + 1)
        for chip in chips:
            inner = chip.layout()
            shown = [chip.amount] + ([chip.mark] if not chip.mark.isHidden() else [])
            fixed += sum(w.sizeHint().width() for w in shown) + 2 * chip.frameWidth()
            if inner is not None:
                m = inner.contentsMargins()
                fixed += m.left() + m.right() + inner.spacing() * len(shown)
        wants = [chip.name.sizeHint().width() for chip in chips]
        cap = fair_share(wants, max(0, self.width() - fixed))
        for chip, want in zip(chips, wants, strict=True):
            chip.name.setMaximumWidth(max(chip.name.minimumSizeHint().width(),
                                          min(want, cap)))

    def set_balance(self, label: str, amount: Decimal, at: float) -> None:
        if label in self._chips:
            self._values[label] = (amount, at, None, 0.0)
            self._render(label)

    def set_error(self, label: str, message: str) -> None:
        if label in self._chips:
            amount, at, _, _ = self._values[label]
            self._values[label] = (amount, at, message, time.time())
            self._render(label)

    def labels(self) -> list[str]:
        return list(self._chips)

    def chip(self, label: str) -> BalanceChip:
        return self._chips[label]

    def text_of(self, label: str) -> str:
        chip = self._chips[label]
        return f"{chip.name.text()} {chip.amount.text()}" + (" ⚠" if self.failed(label)
                                                             else "")

    def is_low(self, label: str) -> bool:
        amount = self._values.get(label, (None, None, None, 0.0))[0]
        return amount is not None and amount < self.threshold

    def failed(self, label: str) -> bool:
        return self._values.get(label, (None, None, None, 0.0))[2] is not None

    def set_threshold(self, threshold: Decimal) -> None:
        self.threshold = threshold
        for label in self._chips:
            self._render(label)

    def _render(self, label: str) -> None:
        amount, at, error, failed_at = self._values[label]
        chip = self._chips[label]
        currency = self._currency.get(label, "USD")
        chip.amount.setText(money(amount, currency) if amount is not None else "…")
        low = self.is_low(label)
        chip.mark.setVisible(error is not None)
        chip.setStyleSheet(low_style() if low else failed_style() if error is not None
                           else NORMAL)
        lines = [label]
        lines.append(self.tr("{amount}, read at {time}").format(
            amount=money(amount, currency), time=clock_time(at)) if at
            else self.tr("Not read yet"))
        if low:
            lines.append(self.tr("Below your warning threshold of {amount}").format(
                amount=money(self.threshold, currency)))
        if error is not None:
            lines.append(self.tr("⚠ The refresh at {time} failed: {error}").format(
                time=clock_time(failed_at), error=translated(error)))
            if at:
                lines.append(self.tr("The amount shown is the last one read."))
        tip = plain_tip("\n".join(lines))
        chip.setToolTip(tip)
        chip.setAccessibleName(f"{label}: {chip.amount.text()}")
        chip.setAccessibleDescription("\n".join(lines[1:]))
        self._fit_names()


def fair_share(wants: list[int], room: int) -> int:
    """The widest any one may be so that all fit in `room`, the narrow ones whole."""
    remaining, left = room, len(wants)
    for want in sorted(wants):
        share = remaining // left
        if want > share:
            return share
        remaining -= want
        left -= 1
    return max(wants, default=0)
