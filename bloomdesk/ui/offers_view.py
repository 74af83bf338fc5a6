"""The price table's view: Enter buys, Shift+Enter buys the best route, F pins; an
empty table says why it is empty; it notes what its last paint showed."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QTableView, QWidget

from .look import muted


class OffersTable(QTableView):
    """Enter buys, F pins; an empty table says why it is empty."""

    enterPressed = Signal()  # noqa: N815
    bestPressed = Signal()  # noqa: N815 - Shift+Enter
    favouriteKey = Signal()  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.empty_text = ""
        self.painted_total = 0  # offers in the model at the last paint (the smoke test)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.isAutoRepeat():
                return  # a held Enter asks once, never again and again
            shifted = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            (self.bestPressed if shifted else self.enterPressed).emit()
            return
        if event.key() == Qt.Key.Key_F and not event.modifiers():
            self.favouriteKey.emit()
            return
        super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        self.painted_total = self.model().total  # type: ignore[attr-defined]
        if self.empty_text and self.model().rowCount() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(muted(self.palette()))
            painter.drawText(self.viewport().rect().adjusted(12, 12, -12, -12),
                             int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                             self.empty_text)
            painter.end()
