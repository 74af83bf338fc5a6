"""The header: each account's balance, when it was read, in a warning colour when low."""

from __future__ import annotations

import time
from decimal import Decimal
from typing import Any

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from .format import money


class BalanceBar(QFrame):
    def __init__(self, parent: Any = None, threshold: Decimal = Decimal("1.00")) -> None:
        super().__init__(parent)
        self.threshold = threshold
        self.setObjectName("balances")
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(6, 4, 6, 4)
        self._labels: dict[str, QLabel] = {}
        self._values: dict[str, tuple[Decimal | None, float | None, str | None]] = {}
        self._layout.addStretch(1)
        self.refresh_button = QToolButton(self)
        self.refresh_button.setText("⟳ Refresh (F5)")
        self._layout.addWidget(self.refresh_button)

    def set_accounts(self, labels: list[str]) -> None:
        for label in labels:
            if label not in self._labels:
                widget = QLabel(self)
                widget.setObjectName(f"balance:{label}")
                self._labels[label] = widget
                self._layout.insertWidget(self._layout.count() - 2, widget)
                self._values[label] = (None, None, None)
                self._render(label)
        for label in list(self._labels):
            if label not in labels:
                self._labels.pop(label).deleteLater()
                self._values.pop(label, None)

    def set_balance(self, label: str, amount: Decimal, at: float) -> None:
        if label in self._labels:
            self._values[label] = (amount, at, None)
            self._render(label)

    def set_error(self, label: str, message: str) -> None:
        if label in self._labels:
            amount, at, _ = self._values[label]
            self._values[label] = (amount, at, message)
            self._render(label)

    def labels(self) -> list[str]:
        return list(self._labels)

    def text_of(self, label: str) -> str:
        return self._labels[label].text()

    def is_low(self, label: str) -> bool:
        amount = self._values.get(label, (None, None, None))[0]
        return amount is not None and amount < self.threshold

    def set_threshold(self, threshold: Decimal) -> None:
        self.threshold = threshold
        for label in self._labels:
            self._render(label)

    def _render(self, label: str) -> None:
        amount, at, error = self._values[label]
        widget = self._labels[label]
        when = time.strftime("%H:%M", time.localtime(at)) if at else "…"
        widget.setText(f"<b>{label}</b>&nbsp; {money(amount)} USD "
                       f"<span style='color:#888'>· {when}</span>")
        low = self.is_low(label)
        widget.setStyleSheet(
            "QLabel { padding: 3px 8px; border-radius: 4px; "
            + ("background: #fdecea; color: #b71c1c; }" if low or error
               else "background: palette(alternate-base); }"))
        tip = f"Last read {time.strftime('%H:%M:%S', time.localtime(at))}" if at else "Not read yet"
        if low:
            tip += f"\nBelow your warning threshold of {money(self.threshold)}"
        if error:
            tip += f"\nLast refresh failed: {error}"
        widget.setToolTip(tip)


def spacer(parent: QWidget) -> QWidget:
    widget = QWidget(parent)
    widget.setFixedWidth(8)
    return widget
