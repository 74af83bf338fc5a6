"""The tray: an icon counting active orders, a message when a code arrives, and a menu.

Where the desktop has no tray (offscreen, some Wayland sessions, a bare X server) the
same notification appears inside the window as a :class:`CodeNotice`, and closing the
window quits instead of hiding it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget

from ..domain import Order
from .format import phone
from .icons import badge_icon
from .notices import CodeNotice


def tray_available() -> bool:
    return QSystemTrayIcon.isSystemTrayAvailable()


class Tray(QObject):
    showRequested = Signal()  # noqa: N815
    copyRequested = Signal(int)  # noqa: N815  (order id): a notification was clicked
    copyNewestRequested = Signal()  # noqa: N815
    quitRequested = Signal()  # noqa: N815

    def __init__(self, window: QWidget, notice: CodeNotice, *,
                 available: bool | None = None) -> None:
        super().__init__(window)
        self.available = tray_available() if available is None else available
        self.enabled = True  # the user's "notify when a code arrives"
        self.notice = notice
        self.notice.copyRequested.connect(self.copyRequested)
        self.pending: int | None = None  # the order the last tray message speaks of
        self.count = -1
        self.menu = QMenu(window)
        self.show_action = QAction("Show BloomDesk", self.menu)
        self.show_action.triggered.connect(self.showRequested)
        self.copy_action = QAction("Copy newest code", self.menu)
        self.copy_action.triggered.connect(self.copyNewestRequested)
        self.quit_action = QAction("Quit BloomDesk", self.menu)
        self.quit_action.triggered.connect(self.quitRequested)
        self.menu.addAction(self.show_action)
        self.menu.addAction(self.copy_action)
        self.menu.addSeparator()
        self.menu.addAction(self.quit_action)
        self.icon = QSystemTrayIcon(window)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self.icon.messageClicked.connect(self._message_clicked)
        # its icon (and so its showing) waits for the first count: after the first paint

    def set_count(self, active: int) -> None:
        if active == self.count:
            return
        first, self.count = self.count < 0, active
        self.icon.setIcon(badge_icon(active))
        if first and self.available:
            self.icon.show()
        self.icon.setToolTip("BloomDesk: no active orders" if active == 0 else
                             f"BloomDesk: {active} active order{'s' if active != 1 else ''}")

    def notify_code(self, order: Order, service: str) -> None:
        """Tell the user a code arrived (if they want to be told)."""
        if not self.enabled or not order.code:
            return
        title = f"Code {order.code}"
        text = f"{service} · {phone(order.phone)} · {order.account}"
        if self.available:
            self.pending = order.id
            self.icon.showMessage(title, text + "\nClick to copy it.",
                                  QSystemTrayIcon.MessageIcon.Information, 15_000)
        else:
            self.notice.show_code(order.id, title, text)

    def say(self, title: str, text: str) -> None:
        if self.available:
            self.icon.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 8_000)

    def _message_clicked(self) -> None:
        if self.pending is not None:
            self.copyRequested.emit(self.pending)
            self.pending = None

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger,
                      QSystemTrayIcon.ActivationReason.DoubleClick):
            self.showRequested.emit()

    def close(self) -> None:
        self.icon.hide()
