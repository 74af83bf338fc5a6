"""The settings dialog: edits a copy of the Preferences; the window applies and saves
them when the user presses OK."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..core.webhook import new_token as new_webhook_token
from ..core.webhook import webhook_url
from .preferences import POLL_SPEEDS, Preferences


class SettingsDialog(QDialog):
    def __init__(self, prefs: Preferences, *, tray: bool, webhook_status: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.setObjectName("settings-dialog")
        self.setMinimumWidth(560)
        self._token = prefs.webhook_token
        self._base = prefs

        self.poll_speed = QComboBox(self)
        for speed, text in POLL_SPEEDS.items():
            self.poll_speed.addItem(text, speed)
        self.poll_speed.setCurrentIndex(list(POLL_SPEEDS).index(prefs.poll_speed))
        self.poll_speed.setToolTip("How often active orders are checked. Every account "
                                   "stays within its provider's rate limit whatever you "
                                   "choose.")
        self.auto_cancel = QCheckBox("Cancel silent orders 20 s before their free-cancel "
                                     "deadline, where silence costs money", self)
        self.auto_cancel.setChecked(prefs.auto_cancel)
        self.clear_after = QSpinBox(self)
        self.clear_after.setRange(0, 3600)
        self.clear_after.setSuffix(" s")
        self.clear_after.setSpecialValueText("Never")
        self.clear_after.setValue(prefs.clear_clipboard_after)
        self.clear_after.setToolTip("A copied code is cleared from the clipboard after this "
                                    "long, and on quit, if the clipboard still holds it.")
        self.auto_copy = QCheckBox("Copy each new code to the clipboard as it arrives", self)
        self.auto_copy.setChecked(prefs.auto_copy)
        self.notifications = QCheckBox("Notify me when a code arrives", self)
        self.notifications.setChecked(prefs.notifications)
        self.warn_below = QDoubleSpinBox(self)
        self.warn_below.setRange(0, 100_000)
        self.warn_below.setDecimals(2)
        self.warn_below.setPrefix("$")
        self.warn_below.setValue(float(prefs.warn_below))
        self.close_to_tray = QCheckBox("Keep running in the tray when the window is closed",
                                       self)
        self.close_to_tray.setChecked(prefs.close_to_tray and tray)
        if not tray:
            self.close_to_tray.setEnabled(False)
            self.close_to_tray.setToolTip("This desktop has no system tray: closing the "
                                          "window quits BloomDesk.")

        for spin in (self.clear_after, self.warn_below):
            spin.setMaximumWidth(140)
        self.poll_speed.setMaximumWidth(260)

        general = QGroupBox("Orders and codes", self)
        form = QFormLayout(general)
        form.addRow("Polling", self.poll_speed)
        form.addRow("Auto-cancel", self.auto_cancel)
        form.addRow("Clear copied codes after", self.clear_after)
        form.addRow("", self.auto_copy)
        form.addRow("Notifications", self.notifications)
        form.addRow("Warn when a balance is under", self.warn_below)
        form.addRow("Window", self.close_to_tray)

        hook = QGroupBox("BloomSMS webhook (codes pushed the instant they arrive)", self)
        self.webhook = QCheckBox("Receive sms.received events", self)
        self.webhook.setChecked(prefs.webhook_enabled)
        self.webhook_host = QLineEdit(prefs.webhook_host, self)
        self.webhook_host.setToolTip("127.0.0.1 with a tunnel or port forward; 0.0.0.0 "
                                     "listens on every interface.")
        self.webhook_port = QSpinBox(self)
        self.webhook_port.setRange(1024, 65535)
        self.webhook_port.setValue(prefs.webhook_port)
        self.webhook_url = QLineEdit(self)
        self.webhook_url.setReadOnly(True)
        self.webhook_url.setObjectName("webhook-url")
        copy = QPushButton("Copy", self)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(
            self.webhook_url.text()))
        renew = QPushButton("New secret", self)
        renew.setToolTip("Make a new secret path; the old URL stops working.")
        renew.clicked.connect(self._renew)
        url_row = QHBoxLayout()
        url_row.addWidget(self.webhook_url, 1)
        url_row.addWidget(copy)
        url_row.addWidget(renew)
        explain = QLabel("Paste this URL into the BloomSMS dashboard, reached through your "
                         "tunnel or port forward (replace the host with your public "
                         "address). Polling continues, slower, as a safety net.", self)
        explain.setWordWrap(True)
        self.webhook_status = QLabel(webhook_status, self)
        self.webhook_status.setObjectName("webhook-status")
        self.webhook_status.setWordWrap(True)
        hook_form = QFormLayout(hook)
        hook_form.addRow(self.webhook)
        listen = QHBoxLayout()
        listen.addWidget(self.webhook_host, 1)
        listen.addWidget(QLabel("port", self))
        listen.addWidget(self.webhook_port)
        hook_form.addRow("Listen on", listen)
        hook_form.addRow("URL", url_row)
        hook_form.addRow(explain)
        hook_form.addRow(self.webhook_status)
        for widget in (self.webhook_host, self.webhook_port):
            widget.setEnabled(prefs.webhook_enabled)
        self.webhook.toggled.connect(self.webhook_host.setEnabled)
        self.webhook.toggled.connect(self.webhook_port.setEnabled)
        self.webhook_host.textChanged.connect(self._update_url)
        self.webhook_port.valueChanged.connect(self._update_url)
        self._update_url()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(general)
        layout.addWidget(hook)
        layout.addWidget(buttons)

    def _renew(self) -> None:
        self._token = new_webhook_token()
        self._update_url()

    def _update_url(self, *_: object) -> None:
        prefs = self.preferences()
        self.webhook_url.setText(webhook_url(prefs.webhook_host, prefs.webhook_port,
                                             prefs.webhook_token))

    def preferences(self) -> Preferences:
        """The preferences as the dialog shows them."""
        base = self._base
        return dataclasses.replace(
            base,
            poll_speed=float(self.poll_speed.currentData()),
            auto_cancel=self.auto_cancel.isChecked(),
            clear_clipboard_after=self.clear_after.value(),
            notifications=self.notifications.isChecked(),
            auto_copy=self.auto_copy.isChecked(),
            warn_below=Decimal(f"{self.warn_below.value():.2f}"),
            close_to_tray=self.close_to_tray.isChecked() if self.close_to_tray.isEnabled()
            else base.close_to_tray,
            webhook_enabled=self.webhook.isChecked(),
            webhook_host=self.webhook_host.text().strip() or "127.0.0.1",
            webhook_port=self.webhook_port.value(),
            webhook_token=self._token,
        )

