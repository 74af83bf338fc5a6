"""Notices inside the window: the error banner, and the code notice that stands in
for a tray notification where the desktop has no tray.

They float in a corner over the window (a :class:`NoticeStack`), outside every
layout: a notice appearing or going never moves the price table under the mouse,
so a click meant for one offer cannot land on another.  Their text is plain text:
a provider's words are shown as written, never as markup.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsDropShadowEffect,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from .look import Tone, bold, css, ink, look, mix, wash


class _Notice(QFrame):
    shownOrHidden = Signal()  # noqa: N815

    def __init__(self, parent: QWidget, name: str, tone: Tone) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.tone = tone
        self.restyle()
        look().changed.connect(self.restyle)
        shadow = QGraphicsDropShadowEffect(self)
        shadow.setBlurRadius(14)
        shadow.setOffset(0, 2)
        self.setGraphicsEffect(shadow)
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setToolTip(self.tr("Dismiss"))
        self.close_button.setAccessibleName(self.tr("Dismiss"))
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.dismiss)
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(10, 6, 4, 6)
        self.row.addWidget(self.label, 1)
        self.row.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def restyle(self) -> None:
        """Its tone over the palette's base, its text the palette's (any theme)."""
        name = self.objectName()
        self.setStyleSheet(
            f"#{name} {{ background: {css(wash(self.tone))}; border: 1px solid "
            f"{css(mix(wash(self.tone), ink(self.tone), 0.5))}; border-radius: 6px; }}")

    def setVisible(self, visible: bool) -> None:  # noqa: N802
        super().setVisible(visible)
        self.shownOrHidden.emit()

    def dismiss(self) -> None:
        self.hide()


class Banner(_Notice):
    """A non-modal notice: the provider's message, dismissable."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, "banner", Tone.WARNING)
        self.setAccessibleName(self.tr("Notice"))
        self._messages: list[str] = []

    def show_message(self, text: str) -> None:
        """Add a notice (the last three distinct ones stay until dismissed)."""
        if text in self._messages:
            self._messages.remove(text)
        self._messages = [*self._messages, text][-3:]
        self.label.setText("\n".join(self._messages))
        self.show()
        self.shownOrHidden.emit()  # the text changed: its height may have

    def dismiss(self) -> None:
        self._messages = []
        super().dismiss()


class CodeNotice(_Notice):
    """"Code 123456 for Telegram": the newest code, with a Copy button. Shown where no
    tray can carry the notification; clicking Copy does what clicking one would."""

    copyRequested = Signal(int)  # noqa: N815  (order id)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, "code-notice", Tone.SUCCESS)
        self.setAccessibleName(self.tr("New code"))
        self.order_id: int | None = None
        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        # wrapped: its height is then laid out from the glyphs drawn (a fallback font's
        # Chinese is taller than the widget font's metrics say), never clipped
        self.title.setWordWrap(True)
        bold(self.title)
        self.row.removeWidget(self.label)
        lines = QVBoxLayout()  # the code on its own line, whole; what it is beneath
        lines.setSpacing(2)
        lines.addWidget(self.title)
        lines.addWidget(self.label)
        self.row.insertLayout(0, lines, 1)
        self.copy_button = QPushButton(self.tr("Copy"), self)
        self.copy_button.setToolTip(self.tr("Copy this code (the clipboard keeps it secret)"))
        self.copy_button.setObjectName("copy-notified-code")
        self.copy_button.clicked.connect(self._copy)
        self.row.insertWidget(1, self.copy_button, 0, Qt.AlignmentFlag.AlignVCenter)

    def show_code(self, order_id: int, title: str, text: str) -> None:
        self.order_id = order_id
        self.title.setText(title)
        self.label.setText(text)
        self.show()
        self.shownOrHidden.emit()

    def text(self) -> str:
        return f"{self.title.text()} {self.label.text()}"

    def _copy(self) -> None:
        if self.order_id is not None:
            self.copyRequested.emit(self.order_id)
        self.hide()


class NoticeStack(QWidget):
    """Notices stacked in the bottom-right corner of `host`, floating over it: the
    corner a desktop shows its notifications in, over the codes pane's oldest codes
    (the newest are at its top, and a code notice repeats the newest anyway)."""

    MARGIN = 10

    def __init__(self, host: QWidget, notices: list[_Notice], lane: QWidget) -> None:
        """`lane`: the widget they float over (as wide as it, 280 px at the least)."""
        super().__init__(host)
        self.setObjectName("notices")
        self.host = host
        self.lane = lane
        self.notices = notices
        self.stack = QVBoxLayout(self)
        self.stack.setContentsMargins(8, 8, 8, 8)  # room for the shadows
        self.stack.setSpacing(6)
        for notice in notices:
            notice.setParent(self)
            self.stack.addWidget(notice)
            notice.shownOrHidden.connect(self.place)
        host.installEventFilter(self)
        lane.installEventFilter(self)  # a moved splitter resizes it
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched in (self.host, self.lane) and event.type() == QEvent.Type.Resize:
            self.place()
        return False

    def place(self) -> None:
        shown = [n for n in self.notices if not n.isHidden()]
        if not shown:
            self.hide()
            return
        margins = self.stack.contentsMargins()
        width = min(440, max(280, self.lane.width() + margins.right()))
        height = margins.top() + margins.bottom() + self.stack.spacing() * (len(shown) - 1)
        inner = width - margins.left() - margins.right()
        for notice in shown:
            for layout in (notice.row, *notice.findChildren(QLayout)):
                layout.invalidate()  # its text just changed: not the heights they cached
            needed = notice.row.totalHeightForWidth(inner)
            height += needed if needed > 0 else notice.sizeHint().height()
        x = self.host.width() - width - self.MARGIN + margins.right()
        y = self.host.height() - height - self.MARGIN + margins.bottom()
        self.setGeometry(x, max(0, y), width, height)
        self.show()
        self.raise_()
