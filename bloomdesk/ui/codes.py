"""Received codes, newest first, and a clipboard that treats a code as a secret.

The clipboard copy carries ``x-kde-passwordManagerHint: secret`` so clipboard managers
keep no history of it, and is cleared after a delay and on quit, but only if the
clipboard still holds that code (as KeePassXC does).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QFontMetrics,
    QGuiApplication,
    QPainter,
    QPalette,
)
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from ..domain import Order
from .format import phone, plain_tip
from .look import bold
from .secret_marks import KDE_HINT, install_mac_converter, secret_mime

SECRET_HINT = KDE_HINT  # the KDE mark; secret_marks.MARKS has every system's


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
        install_mac_converter()
        QGuiApplication.clipboard().setMimeData(secret_mime(text))
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
        self.list.setToolTip(self.tr("Click or Ctrl+C copies a code; Ctrl+Shift+C the "
                                     "newest; Ctrl+1…9 the n-th"))
        self.list.setItemDelegate(CodeDelegate(self.list))
        self.empty = QLabel(self.tr("Codes appear here the moment they arrive."), self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.title = title = QLabel(self.tr("Codes"), self)
        title.setBuddy(self.list)
        bold(title)
        self.setMinimumWidth(190)  # a code and its service stay readable
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        self.list.itemClicked.connect(self._clicked)
        self.list.itemActivated.connect(self._clicked)  # Enter copies, as a click does
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

    def add(self, order: Order, service: str | None = None) -> None:
        """Show a new code, with the service's name (its code when not given)."""
        if not order.code or (order.id, order.code) in self._seen:
            return
        key = len(self._seen)
        self._seen.add((order.id, order.code))
        self._orders[key] = order
        item = QListWidgetItem(order.code)
        item.setData(_ROLE, key)
        item.setData(_META, self.tr("{service} · {phone} · order #{order}").format(
            service=service or order.service, phone=phone(order.phone), order=order.id))
        item.setData(_TEXT, sms_line(order))
        item.setToolTip(plain_tip(order.text or order.code))
        self.list.insertItem(0, item)
        self.empty.hide()

    def refresh_order(self, order: Order) -> None:
        """An order whose code is shown changed (its full message came, say)."""
        for row in range(self.list.count()):
            item = self.list.item(row)
            key = int(item.data(_ROLE))
            shown = self._orders.get(key)
            if shown is not None and shown.id == order.id and shown.code == order.code:
                self._orders[key] = order
                item.setData(_TEXT, sms_line(order))
                item.setToolTip(plain_tip(order.text or order.code or ""))
                return

    def nth(self, n: int) -> Order | None:
        return self._order_of(self.list.item(n))

    def selected(self) -> Order | None:
        items = self.list.selectedItems()
        return self._order_of(items[0]) if items else None

    def count(self) -> int:
        return self.list.count()


_ROLE = Qt.ItemDataRole.UserRole + 1
_META = Qt.ItemDataRole.UserRole + 2
_TEXT = Qt.ItemDataRole.UserRole + 3


def sms_line(order: Order) -> str:
    """The line under a code: the message it came in (where the provider gives it),
    and whether it was read out in a voice call."""
    call = QCoreApplication.translate("CodesPane", "☎ by voice call") if order.by_call else ""
    text = order.text if order.text and order.text != order.code else ""
    return " · ".join(part for part in (call, text) if part)


class CodeDelegate(QStyledItemDelegate):
    """Paints a code large and monospace with its service and phone small beneath,
    lazily and only for visible rows (a widget per code cost ~0.6 ms each, in bursts)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.code_font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.code_font.setPointSize(max(18, self.code_font.pointSize() + 10))
        self.code_font.setWeight(QFont.Weight.Bold)
        self.meta_font = QFont()
        self._code_h = QFontMetrics(self.code_font).height()
        self._meta_h = QFontMetrics(self.meta_font).height()

    def sizeHint(self, option: QStyleOptionViewItem, index: Any) -> QSize:  # noqa: N802
        lines = 2 if index.data(_TEXT) else 1  # the meta line, and the SMS where known
        return QSize(option.rect.width(), self._code_h + lines * self._meta_h + 14)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Any) -> None:
        self.initStyleOption(option, index)
        option.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        rect = option.rect.adjusted(10, 4, -8, -4)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setFont(self.code_font)
        painter.setPen(option.palette.highlightedText().color() if selected
                       else option.palette.text().color())
        painter.drawText(rect.x(), rect.y(), rect.width(), self._code_h,
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         str(index.data(Qt.ItemDataRole.DisplayRole) or ""))
        painter.setFont(self.meta_font)
        if not selected:
            painter.setPen(option.palette.color(QPalette.ColorRole.PlaceholderText))
        meta = QFontMetrics(self.meta_font).elidedText(
            str(index.data(_META) or ""), Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect.x(), rect.y() + self._code_h + 2, rect.width(), self._meta_h,
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         meta)
        sms = str(index.data(_TEXT) or "")
        if sms:
            line = QFontMetrics(self.meta_font).elidedText(sms, Qt.TextElideMode.ElideRight,
                                                           rect.width())
            painter.drawText(rect.x(), rect.y() + self._code_h + self._meta_h + 2,
                             rect.width(), self._meta_h,
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             line)
        painter.restore()
