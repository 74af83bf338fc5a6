"""One account in the accounts dialog: provider, name, address, key; tested against
the provider before it is saved.  Keys go to the KeyStore only: the key field is a
password field, an edit that leaves it empty keeps the saved key, and no key is ever
shown back.  What both dialogs share is in :mod:`.account_parts`.
"""

from __future__ import annotations

import logging
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core import Desk
from ..core.accounts import check
from ..core.errors import InvalidInput, LocalError
from ..domain import AccountInfo
from ..providers import PROFILES
from ..providers.errors import AuthError, ProviderError
from ..providers.presets import preset
from ..store import StoreError
from .access import described
from .account_parts import (
    OTHER_COMPATIBLE,
    DialogTasks,
    describe,
    error_text,
    provider_choices,
    warning_style,
)
from .format import money
from .look import Tone, tone_text
from .words import translated

__all__ = ["OTHER_COMPATIBLE", "AccountEditor", "DialogTasks", "error_text", "warning_style"]

log = logging.getLogger(__name__)

class AccountEditor(QDialog):
    """One account: provider, name, address, key; test before saving."""

    def __init__(self, desk: Desk, account: AccountInfo | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.account = account
        self.saved_label: str | None = None
        self.key_stored = True
        self._async = DialogTasks()
        self.setWindowTitle(self.tr("Edit account") if account else self.tr("Add an account"))
        self.setObjectName("account-editor")
        self.setMinimumWidth(520)
        self.kind = QComboBox(self)
        self.kind.setObjectName("provider")
        for title, kind, name in provider_choices():
            self.kind.addItem(title, f"{kind}|{name or ''}")
        self.label = QLineEdit(self)
        self.label.setPlaceholderText(self.tr("a name you recognise, e.g. BloomSMS main"))
        self.label.setToolTip(self.tr("How BloomDesk names this account"))
        self.base_url = QLineEdit(self)
        self.base_url.setToolTip(self.tr("The provider's API address; empty: its default"))
        self.key = QLineEdit(self)
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.key.setObjectName("api-key")
        self.key.setToolTip(self.tr("The API key from the provider's dashboard; it goes to "
                                    "the system keyring only"))
        self.kind.setToolTip(self.tr("The service this account belongs to"))
        self.reveal = QToolButton(self)
        self.reveal.setText(self.tr("Show"))
        self.reveal.setCheckable(True)
        self.reveal.setToolTip(self.tr("Show the key while typing it"))
        self.reveal.setAccessibleName(self.tr("Show the key"))
        self.reveal.toggled.connect(self._reveal)
        key_row = QHBoxLayout()
        key_row.addWidget(self.key, 1)
        key_row.addWidget(self.reveal)
        self.about = QLabel(self)
        self.about.setWordWrap(True)
        self.about.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.test_button = QPushButton(self.tr("&Test connection"), self)
        self.test_button.setToolTip(self.tr("Ask the provider for the balance with these "
                                            "details, before anything is saved"))
        self.test_button.clicked.connect(self.test)
        self.outcome = QLabel(self)
        self.outcome.setObjectName("test-result")
        self.outcome.setTextFormat(Qt.TextFormat.PlainText)  # the provider's words
        self.outcome.setWordWrap(True)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        form.addRow(self.tr("&Provider"), self.kind)
        form.addRow("", self.about)
        form.addRow(self.tr("&Name"), self.label)
        form.addRow(self.tr("A&ddress"), self.base_url)
        key_label = QLabel(self.tr("API &key"), self)
        key_label.setBuddy(self.key)
        form.addRow(key_label, key_row)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.outcome, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.save)
        described(self.buttons, self.tr("Save the account; its key goes to the system "
                                        "keyring"), self.tr("Close without saving"))
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        notice = desk.keys.notice
        if notice:
            warn = QLabel(translated(notice), self)
            warn.setObjectName("no-keyring")
            warn.setWordWrap(True)
            warn.setStyleSheet(warning_style())
            layout.addWidget(warn)
        layout.addLayout(test_row)
        layout.addWidget(self.buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        if account is not None:
            self.kind.setCurrentIndex(max(0, self.kind.findData(
                f"{account.kind}|{account.preset or ''}")))
            self.kind.setEnabled(False)
            self.label.setText(account.label)
            self.label.setReadOnly(True)
            self.label.setToolTip(self.tr("The name keeps the account's order history "
                                          "together; add a new account to use another name."))
            self.base_url.setText(account.base_url or "")
            self.key.setPlaceholderText(self.tr("leave empty to keep the saved key"))
        self._kind_changed()
        self.finished.connect(self._async.cancel)

    def chosen_kind(self) -> str:
        return str(self.kind.currentData()).partition("|")[0]

    def chosen_preset(self) -> str | None:
        return str(self.kind.currentData()).partition("|")[2] or None

    def default_url(self) -> str | None:
        """The address used when the field is left empty: the preset's, or the kind's."""
        name = self.chosen_preset()
        return preset(name).base_url if name else PROFILES[self.chosen_kind()].base_url

    def _kind_changed(self, *_: object) -> None:
        self.about.setText(describe(self.chosen_kind(), self.chosen_preset()))
        default = self.default_url()
        self.base_url.setPlaceholderText(
            self.tr("default: {url}").format(url=default) if default else
            self.tr("required: the provider's handler_api.php URL"))
        self.outcome.clear()

    def _reveal(self, on: bool) -> None:
        self.key.setEchoMode(QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password)
        self.reveal.setText(self.tr("Hide") if on else self.tr("Show"))

    def _show_result(self, text: str, ok: bool) -> None:
        tone_text(self.outcome, Tone.SUCCESS if ok else Tone.ERROR)
        self.outcome.setText(text)

    def _problem(self) -> str | None:
        """What stops saving or testing, in the user's words (the core's one check)."""
        try:
            check(self.chosen_kind(), None, self.base_url.text().strip() or self.default_url())
        except InvalidInput as exc:
            return translated(exc.message)
        return None

    def test(self) -> None:
        problem = self._problem()
        if problem:
            self._show_result(problem, False)
            return
        self.test_button.setEnabled(False)
        self._show_result(self.tr("Asking the provider for the balance…"), True)
        self._async.run(self._test())

    async def _test(self) -> None:
        label = self.account.label if self.account else None
        try:
            balance = await self.desk.test_connection(
                self.chosen_kind(), self.key.text(),
                self.base_url.text().strip() or self.default_url(), label=label)
        except AuthError as exc:  # said beside the key field: point at it, keep its answer
            said = exc.token if exc.message == AuthError.default_message and exc.token \
                else error_text(exc)
            self._show_result(self.tr("Key not accepted by the provider: check the key typed "
                                      "above. (Its answer: {answer})").format(answer=said),
                              False)
        except Exception as exc:  # shown, never raised into Qt
            self._show_result(error_text(exc), False)
        else:
            currency = PROFILES[self.chosen_kind()].currency
            self._show_result(self.tr("Connected. Balance: {balance}").format(
                balance=money(Decimal(balance), currency)), True)
        finally:
            self.test_button.setEnabled(True)

    def save(self) -> None:
        problem = self._problem()
        label = self.label.text().strip()
        key = self.key.text().strip()
        if not problem and not label:
            problem = self.tr("Give the account a name.")
        if not problem and self.account is None and not key:
            problem = self.tr("Enter the API key (from the provider's dashboard).")
        if not problem and self.account is None and any(
                a.label == label for a in self.desk.accounts()):
            problem = self.tr("An account named {label!r} exists already.").format(label=label)
        if problem:
            self._show_result(problem, False)
            return
        url = self.base_url.text().strip()
        try:
            if self.account is None:
                self.key_stored = self.desk.add_account(self.chosen_kind(), label, key,
                                                        url or None, self.chosen_preset())
            else:
                self.desk.update_account(label, key=key or None, base_url=url)
                self.key_stored = self.desk.keys.source(label) != "session"
        except (ProviderError, StoreError, LocalError) as exc:
            self._show_result(error_text(exc), False)
            return
        self.key.clear()
        self.saved_label = label
        self.accept()
