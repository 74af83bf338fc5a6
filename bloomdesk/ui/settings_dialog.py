"""The settings dialog: edits a copy of the Preferences; the window applies and saves
them when the user presses OK (the language at the next start: every widget is made
in the language loaded before it)."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from PySide6.QtGui import QGuiApplication, QPalette
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
from .access import described
from .format import currency_affixes
from .language import LANGUAGES, SYSTEM, choose
from .preferences import POLL_SPEEDS, Preferences
from .words import translated


class SettingsDialog(QDialog):
    def __init__(self, prefs: Preferences, *, tray: bool, webhook_status: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setObjectName("settings-dialog")
        self.setMinimumWidth(560)
        self._token = prefs.webhook_token
        self._base = prefs

        self.poll_speed = QComboBox(self)
        for speed, text in POLL_SPEEDS.items():
            self.poll_speed.addItem(translated(text), speed)
        self.poll_speed.setCurrentIndex(list(POLL_SPEEDS).index(prefs.poll_speed))
        self.poll_speed.setToolTip(self.tr("How often active orders are checked. Every "
                                           "account stays within its provider's rate limit "
                                           "whatever you choose."))
        self.auto_cancel = QCheckBox(self.tr("Cancel silent orders 20 s before their "
                                             "free-cancel deadline, where silence costs "
                                             "money"), self)
        self.auto_cancel.setChecked(prefs.auto_cancel)
        self.auto_cancel.setToolTip(self.tr("At providers that charge for a number that "
                                            "got no SMS: cancelled while it is still free"))
        self.clear_after = QSpinBox(self)
        self.clear_after.setRange(0, 3600)
        self.clear_after.setSuffix(self.tr(" s"))
        self.clear_after.setSpecialValueText(self.tr("Never"))
        self.clear_after.setValue(prefs.clear_clipboard_after)
        self.clear_after.setToolTip(self.tr("A copied code is cleared from the clipboard "
                                            "after this long, and on quit, if the clipboard "
                                            "still holds it."))
        self.auto_copy = QCheckBox(self.tr("Copy each new code to the clipboard as it "
                                           "arrives"), self)
        self.auto_copy.setChecked(prefs.auto_copy)
        self.auto_copy.setToolTip(self.tr("Also in the Edit menu"))
        self.notifications = QCheckBox(self.tr("Notify me when a code arrives"), self)
        self.notifications.setChecked(prefs.notifications)
        self.notifications.setToolTip(self.tr("A desktop notification (or a notice in the "
                                              "window) with the code; a click copies it"))
        self.warn_below = QDoubleSpinBox(self)
        self.warn_below.setRange(0, 100_000)
        self.warn_below.setDecimals(2)
        before, after = currency_affixes("USD")
        self.warn_below.setPrefix(before)
        self.warn_below.setSuffix(after)
        self.warn_below.setValue(float(prefs.warn_below))
        self.warn_below.setToolTip(self.tr("A balance under this shows red."))
        self.close_to_tray = QCheckBox(self.tr("Keep running in the tray when the window is "
                                               "closed"), self)
        self.close_to_tray.setChecked(prefs.close_to_tray and tray)
        self.close_to_tray.setToolTip(self.tr("Orders are still polled and codes notified; "
                                              "quit from the tray menu"))
        if not tray:
            self.close_to_tray.setEnabled(False)
            self.close_to_tray.setToolTip(self.tr("This desktop has no system tray: closing "
                                                  "the window quits BloomDesk."))
        self.language = QComboBox(self)
        self.language.addItem(self.tr("As the system ({language})").format(
            language=LANGUAGES[choose()]), SYSTEM)
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(prefs.language)))
        self.language.setToolTip(self.tr("The language of the window. It changes at the "
                                          "next start of BloomDesk."))

        for spin in (self.clear_after, self.warn_below):
            spin.setMaximumWidth(140)
        for combo in (self.poll_speed, self.language):
            combo.setMaximumWidth(260)

        general = QGroupBox(self.tr("Orders and codes"), self)
        form = QFormLayout(general)
        form.addRow(self.tr("&Polling"), self.poll_speed)
        form.addRow(self.tr("Auto-cancel"), self.auto_cancel)
        form.addRow(self.tr("C&lear copied codes after"), self.clear_after)
        form.addRow("", self.auto_copy)
        form.addRow(self.tr("Notifications"), self.notifications)
        form.addRow(self.tr("&Warn when a balance is under"), self.warn_below)
        form.addRow(self.tr("Window"), self.close_to_tray)
        language_row = QVBoxLayout()
        language_row.addWidget(self.language)
        applies = QLabel(self.tr("Applies at the next start."), self)
        applies.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        language_row.addWidget(applies)
        self.language_label = QLabel(self.tr("L&anguage"), self)
        self.language_label.setBuddy(self.language)
        form.addRow(self.language_label, language_row)

        hook = QGroupBox(self.tr("BloomSMS webhook (codes pushed the instant they arrive)"),
                         self)
        self.webhook = QCheckBox(self.tr("&Receive sms.received events"), self)
        self.webhook.setChecked(prefs.webhook_enabled)
        self.webhook.setToolTip(self.tr("BloomSMS then pushes each code the moment it "
                                        "arrives"))
        self.webhook_host = QLineEdit(prefs.webhook_host, self)
        self.webhook_host.setToolTip(self.tr("127.0.0.1 with a tunnel or port forward; "
                                             "0.0.0.0 listens on every interface."))
        self.webhook_port = QSpinBox(self)
        self.webhook_port.setRange(1024, 65535)
        self.webhook_port.setValue(prefs.webhook_port)
        self.webhook_port.setToolTip(self.tr("The port the receiver listens on."))
        self.webhook_url = QLineEdit(self)
        self.webhook_url.setReadOnly(True)
        self.webhook_url.setObjectName("webhook-url")
        self.webhook_url.setToolTip(self.tr("The address to paste into the BloomSMS "
                                            "dashboard (its path is a secret)."))
        copy = QPushButton(self.tr("&Copy"), self)
        copy.setToolTip(self.tr("Copy the URL"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(
            self.webhook_url.text()))
        renew = QPushButton(self.tr("New s&ecret"), self)
        renew.setToolTip(self.tr("Make a new secret path; the old URL stops working."))
        renew.clicked.connect(self._renew)
        url_row = QHBoxLayout()
        url_row.addWidget(self.webhook_url, 1)
        url_row.addWidget(copy)
        url_row.addWidget(renew)
        explain = QLabel(self.tr("Paste this URL into the BloomSMS dashboard, reached "
                                 "through your tunnel or port forward (replace the host with "
                                 "your public address). Polling continues, slower, as a "
                                 "safety net."), self)
        explain.setWordWrap(True)
        self.webhook_status = QLabel(translated(webhook_status), self)
        self.webhook_status.setObjectName("webhook-status")
        self.webhook_status.setWordWrap(True)
        hook_form = QFormLayout(hook)
        hook_form.addRow(self.webhook)
        listen = QHBoxLayout()
        listen.addWidget(self.webhook_host, 1)
        port = QLabel(self.tr("p&ort"), self)
        port.setBuddy(self.webhook_port)
        listen.addWidget(port)
        listen.addWidget(self.webhook_port)
        listen_label = QLabel(self.tr("Listen o&n"), self)
        listen_label.setBuddy(self.webhook_host)
        hook_form.addRow(listen_label, listen)
        url_label = QLabel(self.tr("&URL"), self)
        url_label.setBuddy(self.webhook_url)
        hook_form.addRow(url_label, url_row)
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
        described(buttons, self.tr("Save these settings"), self.tr("Close without saving"))
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
        self.webhook_url.setCursorPosition(0)  # its start in view, however narrow

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
            language=str(self.language.currentData()),
        )

