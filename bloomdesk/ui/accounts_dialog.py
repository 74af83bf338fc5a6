"""The accounts dialog: add, edit, test and remove accounts of every provider kind.

Keys go to the OS keyring through the Desk's KeyStore and nowhere else: the key field
is a password field, an edit that leaves it empty keeps the saved key, and no key is
ever shown back.  "Test connection" asks the provider for the balance with the details
as typed, before anything is saved.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from decimal import Decimal
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core import Desk
from ..domain import AccountInfo
from ..providers import KINDS, PROFILES
from ..providers.errors import ProviderError
from ..providers.profiles import ACTIVE_LIST, REQUEST_ANOTHER_SMS, RERENT
from ..store import StoreError
from .format import money

log = logging.getLogger(__name__)

KEY_SOURCES = {"keyring": "in the keyring", "session": "this session only",
               "environment": "from the environment", "missing": "missing: edit to add"}
OK_STYLE = "color: #1e7b34;"
ERROR_STYLE = "color: #b3261e;"


def describe(kind: str) -> str:
    """What a provider kind offers, in a line, for the editor."""
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
    return f"{', '.join(has) or lacks}; {rate}{silent}"


class _Async:
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
    if isinstance(exc, ProviderError | StoreError):
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
        self._async = _Async()
        self.setWindowTitle("Edit account" if account else "Add an account")
        self.setObjectName("account-editor")
        self.setMinimumWidth(520)
        self.kind = QComboBox(self)
        for kind in KINDS:
            self.kind.addItem(PROFILES[kind].title, kind)
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
            self.kind.setCurrentIndex(KINDS.index(account.kind))
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
        return str(self.kind.currentData())

    def _kind_changed(self, *_: object) -> None:
        profile = PROFILES[self.chosen_kind()]
        self.about.setText(describe(profile.kind))
        if profile.needs_base_url:
            self.base_url.setPlaceholderText("required: the provider's handler_api.php URL")
        else:
            self.base_url.setPlaceholderText(f"default: {profile.base_url}")
        self.outcome.clear()

    def _reveal(self, on: bool) -> None:
        self.key.setEchoMode(QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password)
        self.reveal.setText("Hide" if on else "Show")

    def _show_result(self, text: str, ok: bool) -> None:
        self.outcome.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.outcome.setText(text)

    def _problem(self) -> str | None:
        """What stops saving or testing, in the user's words."""
        profile = PROFILES[self.chosen_kind()]
        url = self.base_url.text().strip()
        if profile.needs_base_url and not url:
            return f"{profile.title} needs its address (the handler_api.php URL)."
        if url and not url.startswith(("http://", "https://")):
            return "The address must start with https:// (or http://)."
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
                self.chosen_kind(), self.key.text(), self.base_url.text().strip() or None,
                label=label)
        except Exception as exc:  # shown, never raised into Qt
            self._show_result(error_text(exc), False)
        else:
            self._show_result(f"Connected. Balance: {money(Decimal(balance))}", True)
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
                                                        url or None)
            else:
                self.desk.update_account(label, key=key or None, base_url=url)
                self.key_stored = self.desk.keys.source(label) != "session"
        except (ProviderError, StoreError) as exc:
            self._show_result(error_text(exc), False)
            return
        self.key.clear()
        self.saved_label = label
        self.accept()


class AccountsDialog(QDialog):
    accountsChanged = Signal()  # noqa: N815

    COLUMNS = ("Name", "Provider", "Address", "Key", "Balance")

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self._async = _Async()
        self.setWindowTitle("Accounts")
        self.setObjectName("accounts-dialog")
        self.resize(860, 360)
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setHorizontalHeaderLabels(self.COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self.edit)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for name, text, slot in (("add", "Add…", self.add), ("edit", "Edit…", self.edit),
                                 ("test", "Test connection", self.test),
                                 ("remove", "Remove…", self.remove)):
            button = QPushButton(text, self)
            button.setObjectName(f"account-{name}")
            button.clicked.connect(slot)
            self.buttons[name] = button
            row.addWidget(button)
        row.addStretch(1)
        close = QPushButton("Close", self)
        close.clicked.connect(self.accept)
        row.addWidget(close)
        self.status = QLabel(self)
        self.status.setObjectName("accounts-status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        self.notice = QLabel(desk.keys.notice or "", self)
        self.notice.setObjectName("no-keyring")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("background: #fff3cd; color: #5c4300; padding: 6px;")
        self.notice.setVisible(bool(desk.keys.notice))
        layout.addWidget(self.notice)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(row)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.finished.connect(self._async.cancel)
        self.editor: AccountEditor | None = None
        self.reload()

    # ------------------------------------------------------------------ table
    def reload(self, select: str | None = None) -> None:
        accounts = self.desk.accounts()
        self.table.setRowCount(len(accounts))
        for r, account in enumerate(accounts):
            profile = PROFILES[account.kind]
            balance = self.desk.balances.get(account.label)
            cells = (account.label, profile.title, account.base_url or profile.base_url or "",
                     KEY_SOURCES[self.desk.keys.source(account.label)],
                     money(balance[0]) if balance else "")
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 0:
                    item.setData(Qt.ItemDataRole.UserRole, account.label)
                self.table.setItem(r, c, item)
            if account.label == select:
                self.table.selectRow(r)
        self._selection_changed()

    def selected(self) -> AccountInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        label = self.table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)
        return next((a for a in self.desk.accounts() if a.label == label), None)

    def _selection_changed(self) -> None:
        chosen = self.selected() is not None
        for name in ("edit", "test", "remove"):
            self.buttons[name].setEnabled(chosen)
            self.buttons[name].setToolTip("" if chosen else "Select an account first.")

    def _say(self, text: str, ok: bool) -> None:
        self.status.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.status.setText(text)

    # ------------------------------------------------------------------ actions
    def add(self) -> None:
        self._open_editor(None)

    def edit(self, *_: object) -> None:
        account = self.selected()
        if account is not None:
            self._open_editor(account)

    def _open_editor(self, account: AccountInfo | None) -> None:
        editor = AccountEditor(self.desk, account, self)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.accepted.connect(partial(self._saved, editor))
        self.editor = editor
        editor.open()

    def _saved(self, editor: AccountEditor) -> None:
        label = editor.saved_label
        self.reload(select=label)
        if not editor.key_stored:
            self._say(f"{label} saved. Its key is kept for this session only: no keyring "
                      "is available.", False)
        else:
            self._say(f"{label} saved; its key is in the system keyring.", True)
        self.accountsChanged.emit()

    def test(self) -> None:
        account = self.selected()
        if account is None:
            return
        self.buttons["test"].setEnabled(False)
        self._say(f"Asking {account.label} for its balance…", True)
        self._async.run(self._test(account.label))

    async def _test(self, label: str) -> None:
        try:
            balance = await self.desk.balance(label)
        except Exception as exc:  # shown, never raised into Qt
            self._say(f"{label}: {error_text(exc)}", False)
        else:
            self._say(f"{label}: connected. Balance: {money(balance)}", True)
            self.reload(select=label)
        finally:
            self.buttons["test"].setEnabled(self.selected() is not None)

    def remove(self) -> None:
        account = self.selected()
        if account is None:
            return
        box = QMessageBox(QMessageBox.Icon.Warning, "Remove account",
                          f"Remove {account.label}? Its key is deleted from the keyring; "
                          "its order history stays in the journal.",
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("confirm-remove")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(partial(self._remove_confirmed, account.label))
        box.open()

    def _remove_confirmed(self, label: str, result: int) -> None:
        if result == QMessageBox.StandardButton.Yes:
            self._async.run(self._remove(label))

    async def _remove(self, label: str) -> None:
        try:
            await self.desk.remove_account(label)
        except Exception as exc:  # shown, never raised into Qt
            self._say(error_text(exc), False)
            return
        self.reload()
        self._say(f"{label} removed.", True)
        self.accountsChanged.emit()
