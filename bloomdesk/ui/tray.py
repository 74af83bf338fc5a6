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
        self.show_action = QAction(self.tr("&Show BloomDesk"), self.menu)
        self.show_action.setStatusTip(self.tr("Bring the window to the front"))
        self.show_action.triggered.connect(self.showRequested)
        self.copy_action = QAction(self.tr("&Copy newest code"), self.menu)
        self.copy_action.setStatusTip(self.tr("Copy the code that arrived last"))
        self.copy_action.triggered.connect(self.copyNewestRequested)
        self.quit_action = QAction(self.tr("&Quit BloomDesk"), self.menu)
        self.quit_action.setStatusTip(self.tr("Stop polling and close BloomDesk"))
        self.quit_action.triggered.connect(self.quitRequested)
        self.menu.setAccessibleName(self.tr("BloomDesk tray menu"))
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
        self.icon.setToolTip(self.tr("BloomDesk: no active orders") if active == 0 else
                             self.tr("BloomDesk: 1 active order") if active == 1 else
                             self.tr("BloomDesk: {count} active orders").format(count=active))

    def notify_code(self, order: Order, service: str) -> None:
        """Tell the user a code arrived (if they want to be told)."""
        if not self.enabled or not order.code:
            return
        title = self.tr("Code {code}").format(code=order.code)
        text = f"{service} · {phone(order.phone)} · {order.account}"
        if self.available:
            self.pending = order.id
            self.icon.showMessage(title, text + "\n" + self.tr("Click to copy it."),
                                  QSystemTrayIcon.MessageIcon.Information, 15_000)
        else:
            self.notice.show_code(order.id, title, text)

    def say_still_running(self) -> None:
        """The window closed to the tray: said once, so that nobody thinks it quit."""
        self.say(self.tr("BloomDesk is still running"), self.tr(
            "Orders are still polled and codes still notified. Quit from the tray menu."))

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
