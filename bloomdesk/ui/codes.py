"""Received codes, newest first, and a clipboard that treats a code as a secret.

The clipboard copy carries ``x-kde-passwordManagerHint: secret`` so clipboard managers
keep no history of it, and is cleared after a delay and on quit, but only if the
clipboard still holds that code (as KeePassXC does).
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QMimeData, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ..core import Order

SECRET_HINT = "x-kde-passwordManagerHint"


class SecretClipboard(QObject):
    copied = Signal(str)
    cleared = Signal()

    def __init__(self, clear_after: float = 30.0, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.clear_after = clear_after  # seconds; 0 keeps it
        self._held: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear_if_ours)

    def copy(self, text: str) -> None:
        mime = QMimeData()
        mime.setText(text)
        mime.setData(SECRET_HINT, b"secret")
        QGuiApplication.clipboard().setMimeData(mime)
        self._held = text
        if self.clear_after > 0:
            self._timer.start(int(self.clear_after * 1000))
        self.copied.emit(text)

    def clear_if_ours(self) -> None:
        self._timer.stop()
        clipboard = QGuiApplication.clipboard()
        if self._held is not None and clipboard.text() == self._held:
            clipboard.clear()
            self.cleared.emit()
        self._held = None


class CodesPane(QWidget):
    """Codes newest first: large and monospace, with service and phone beside each."""

    activated = Signal(object)  # the Order whose code the user picked

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.list = QListWidget(self)
        self.list.setObjectName("codes")
        self.list.setAlternatingRowColors(True)
        self.list.setToolTip("Click or Ctrl+C copies a code; Ctrl+Shift+C the newest; "
                             "Ctrl+1…9 the n-th")
        self._mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self._mono.setPointSize(max(16, self._mono.pointSize() + 8))
        self._mono.setWeight(QFont.Weight.Bold)
        self.empty = QLabel("Codes appear here the moment they arrive.", self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: #777;")
        title = QLabel("<b>Codes</b>", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        self.list.itemClicked.connect(self._clicked)
        # Items carry a plain int key: Python objects inside QVariant are a known
        # source of refcount crashes in PySide6.
        self._orders: dict[int, Order] = {}
        self._seen: set[tuple[int, str]] = set()

    def _clicked(self, item: QListWidgetItem) -> None:
        self.activated.emit(self._order_of(item))

    def _order_of(self, item: QListWidgetItem | None) -> Order | None:
        if item is None:
            return None
        return self._orders.get(int(item.data(_ROLE)))

    def add(self, order: Order) -> None:
        if not order.code or (order.id, order.code) in self._seen:
            return
        key = len(self._seen)
        self._seen.add((order.id, order.code))
        self._orders[key] = order
        item = QListWidgetItem()
        item.setData(_ROLE, key)
        item.setToolTip(order.text or order.code)
        label = QLabel(
            f"<div style='font-family:{self._mono.family()}; font-size:22pt; "
            f"font-weight:bold'>{html.escape(order.code)}</div>"
            f"<div style='color:#666'>{html.escape(order.service)} · "
            f"{html.escape(order.phone or '')} · order #{order.id}</div>")
        label.setContentsMargins(8, 4, 8, 6)
        label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        item.setSizeHint(label.sizeHint())
        self.list.insertItem(0, item)
        self.list.setItemWidget(item, label)
        self.empty.hide()

    def nth(self, n: int) -> Order | None:
        return self._order_of(self.list.item(n))

    def selected(self) -> Order | None:
        items = self.list.selectedItems()
        return self._order_of(items[0]) if items else None

    def count(self) -> int:
        return self.list.count()


_ROLE = Qt.ItemDataRole.UserRole + 1
