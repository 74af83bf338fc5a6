"""Notices inside the window: the error banner, and the code notice that stands in
for a tray notification where the desktop has no tray."""

from __future__ import annotations

import html

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget


class _Notice(QFrame):
    def __init__(self, parent: QWidget, name: str, background: str, border: str,
                 ink: str) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setStyleSheet(f"#{name} {{ background: {background}; border: 1px solid "
                           f"{border}; border-radius: 4px; }} QLabel {{ color: {ink}; }}")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setToolTip("Dismiss")
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.dismiss)
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(8, 4, 4, 4)
        self.row.addWidget(self.label, 1)
        self.row.addWidget(self.close_button)
        self.hide()

    def dismiss(self) -> None:
        self.hide()


class Banner(_Notice):
    """A non-modal notice at the top of the window: the provider's message, dismissable."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, "banner", "#fff3cd", "#e0c36b", "#5c4300")
        self._messages: list[str] = []

    def show_message(self, text: str) -> None:
        """Add a notice (the last three distinct ones stay until dismissed)."""
        if text in self._messages:
            self._messages.remove(text)
        self._messages = [*self._messages, text][-3:]
        self.label.setText("\n".join(self._messages))
        self.show()

    def dismiss(self) -> None:
        self._messages = []
        super().dismiss()


class CodeNotice(_Notice):
    """"Code 123456 for Telegram": the newest code, with a Copy button. Shown where no
    tray can carry the notification; clicking Copy does what clicking one would."""

    copyRequested = Signal(int)  # noqa: N815  (order id)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, "code-notice", "#e6f4ea", "#8cc7a0", "#0f5223")
        self.order_id: int | None = None
        self.copy_button = QPushButton("Copy", self)
        self.copy_button.setObjectName("copy-notified-code")
        self.copy_button.clicked.connect(self._copy)
        self.row.insertWidget(1, self.copy_button)

    def show_code(self, order_id: int, title: str, text: str) -> None:
        self.order_id = order_id
        self.label.setText(f"<b>{html.escape(title)}</b> &nbsp; {html.escape(text)}")
        self.show()

    def _copy(self) -> None:
        if self.order_id is not None:
            self.copyRequested.emit(self.order_id)
        self.hide()
