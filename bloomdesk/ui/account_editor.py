"""One account in the accounts dialog: provider, name, address, key; tested against
the provider before it is saved.  Keys go to the KeyStore only: the key field is a
password field, an edit that leaves it empty keeps the saved key, and no key is ever
shown back.  Also what both dialogs share: async tasks tied to a dialog, error text.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
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
from ..providers import KINDS, PROFILES
from ..providers.errors import AuthError, ProviderError
from ..providers.presets import PRESETS, preset
from ..providers.profiles import ACTIVE_LIST, REQUEST_ANOTHER_SMS, RERENT
from ..store import StoreError
from .format import money

log = logging.getLogger(__name__)

OK_STYLE = "color: #1e7b34;"
ERROR_STYLE = "color: #b3261e;"


OTHER_COMPATIBLE = "Other SMS-Activate compatible (enter the URL)"


def provider_choices() -> list[tuple[str, str, str | None]]:
    """The editor's list of providers: (title, kind, preset name).  The built-in kinds,
    then every known compatible service by name, then "other" (any URL) last."""
    choices: list[tuple[str, str, str | None]] = [
        (PROFILES[k].title, k, None) for k in KINDS if not PROFILES[k].needs_base_url]
    choices += [(p.title, p.kind, p.name) for p in PRESETS if PROFILES[p.kind].needs_base_url]
    choices += [(OTHER_COMPATIBLE, k, None) for k in KINDS if PROFILES[k].needs_base_url]
    return choices


def describe(kind: str, preset_name: str | None = None) -> str:
    """What a provider offers, in a line, for the editor."""
    profile = PROFILES[kind]
    has = []
    if REQUEST_ANOTHER_SMS in profile.capabilities:
        has.append("another SMS")
    if RERENT in profile.capabilities:
        has.append("re-rent")
    if ACTIVE_LIST in profile.capabilities:
        has.append("batch polling")
    lacks = "" if has else "cancel and complete only"
    rate = f"{profile.requests_per_minute} requests/min"
    silent = (f"; silent orders are charged after {int(profile.charge_silent_after)} s "
              "(auto-cancel on)" if profile.charge_silent_after else "")
    known = preset(preset_name) if preset_name else None
    extra = ""
    if known is not None:
        answers = [a for a, on in known.actions.items() if on]
        extra = (f"; answers {', '.join(answers)}" if answers else "") + \
            (f"; cancels accepted {int(known.cancel_grace) // 60} min after purchase"
             if known.cancel_grace else "")
    return f"{', '.join(has) or lacks}; {rate}{silent}{extra}"


class DialogTasks:
    """Tasks a dialog started, cancelled when it closes."""

    def __init__(self) -> None:
        self.tasks: set[asyncio.Task[Any]] = set()

    def run(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        task = asyncio.ensure_future(coro)
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)
        return task

    def cancel(self) -> None:
        for task in list(self.tasks):
            task.cancel()


def error_text(exc: BaseException) -> str:
    if isinstance(exc, ProviderError | StoreError | LocalError):
        return str(exc)
    log.error("Account action failed", exc_info=exc)
    return f"Failed unexpectedly: {type(exc).__name__}"


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
        self.setWindowTitle("Edit account" if account else "Add an account")
        self.setObjectName("account-editor")
        self.setMinimumWidth(520)
        self.kind = QComboBox(self)
        self.kind.setObjectName("provider")
        for title, kind, name in provider_choices():
            self.kind.addItem(title, f"{kind}|{name or ''}")
        self.label = QLineEdit(self)
        self.label.setPlaceholderText("a name you recognise, e.g. BloomSMS main")
        self.base_url = QLineEdit(self)
        self.key = QLineEdit(self)
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.key.setObjectName("api-key")
        self.reveal = QToolButton(self)
        self.reveal.setText("Show")
        self.reveal.setCheckable(True)
        self.reveal.setToolTip("Show the key while typing it")
        self.reveal.toggled.connect(self._reveal)
        key_row = QHBoxLayout()
        key_row.addWidget(self.key, 1)
        key_row.addWidget(self.reveal)
        self.about = QLabel(self)
        self.about.setWordWrap(True)
        self.about.setStyleSheet("color: palette(mid);")
        self.test_button = QPushButton("Test connection", self)
        self.test_button.clicked.connect(self.test)
        self.outcome = QLabel(self)
        self.outcome.setObjectName("test-result")
        self.outcome.setTextFormat(Qt.TextFormat.PlainText)  # the provider's words
        self.outcome.setWordWrap(True)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        form.addRow("Provider", self.kind)
        form.addRow("", self.about)
        form.addRow("Name", self.label)
        form.addRow("Address", self.base_url)
        form.addRow("API key", key_row)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.outcome, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        notice = desk.keys.notice
        if notice:
            warn = QLabel(notice, self)
            warn.setObjectName("no-keyring")
            warn.setWordWrap(True)
            warn.setStyleSheet("background: #fff3cd; color: #5c4300; padding: 6px;")
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
            self.label.setToolTip("The name keeps the account's order history together; "
                                  "add a new account to use another name.")
            self.base_url.setText(account.base_url or "")
            self.key.setPlaceholderText("leave empty to keep the saved key")
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
        self.base_url.setPlaceholderText(f"default: {default}" if default else
                                         "required: the provider's handler_api.php URL")
        self.outcome.clear()

    def _reveal(self, on: bool) -> None:
        self.key.setEchoMode(QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password)
        self.reveal.setText("Hide" if on else "Show")

    def _show_result(self, text: str, ok: bool) -> None:
        self.outcome.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.outcome.setText(text)

    def _problem(self) -> str | None:
        """What stops saving or testing, in the user's words (the core's one check)."""
        try:
            check(self.chosen_kind(), None, self.base_url.text().strip() or self.default_url())
        except InvalidInput as exc:
            return exc.message
        return None

    def test(self) -> None:
        problem = self._problem()
        if problem:
            self._show_result(problem, False)
            return
        self.test_button.setEnabled(False)
        self._show_result("Asking the provider for the balance…", True)
        self._async.run(self._test())

    async def _test(self) -> None:
        label = self.account.label if self.account else None
        try:
            balance = await self.desk.test_connection(
                self.chosen_kind(), self.key.text(),
                self.base_url.text().strip() or self.default_url(), label=label)
        except AuthError as exc:  # said beside the key field: point at it, keep its answer
            said = exc.token if exc.message == AuthError.default_message and exc.token \
                else str(exc)
            self._show_result("Key not accepted by the provider: check the key typed "
                              f"above. (Its answer: {said})", False)
        except Exception as exc:  # shown, never raised into Qt
            self._show_result(error_text(exc), False)
        else:
            currency = PROFILES[self.chosen_kind()].currency
            self._show_result(f"Connected. Balance: {money(Decimal(balance), currency)}",
                              True)
        finally:
            self.test_button.setEnabled(True)

    def save(self) -> None:
        problem = self._problem()
        label = self.label.text().strip()
        key = self.key.text().strip()
        if not problem and not label:
            problem = "Give the account a name."
        if not problem and self.account is None and not key:
            problem = "Enter the API key (from the provider's dashboard)."
        if not problem and self.account is None and any(
                a.label == label for a in self.desk.accounts()):
            problem = f"An account named {label!r} exists already."
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
