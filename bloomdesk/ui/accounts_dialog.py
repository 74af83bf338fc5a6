"""The accounts dialog: the accounts of every provider kind, listed with where their
key lives and their balance; add and edit (in :class:`AccountEditor`), test, remove.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core import Desk
from ..domain import AccountInfo
from ..i18n import QT_TRANSLATE_NOOP
from ..providers import PROFILES
from .account_editor import AccountEditor, DialogTasks, error_text, warning_style
from .format import money
from .look import Tone, tone_text
from .words import translated

__all__ = ["AccountEditor", "AccountsDialog"]

KEY_SOURCES = {"keyring": QT_TRANSLATE_NOOP("AccountsDialog", "in the keyring"),
               "session": QT_TRANSLATE_NOOP("AccountsDialog", "this session only"),
               "environment": QT_TRANSLATE_NOOP("AccountsDialog", "from the environment"),
               "missing": QT_TRANSLATE_NOOP("AccountsDialog", "missing: edit to add")}


class AccountsDialog(QDialog):
    accountsChanged = Signal()  # noqa: N815

    COLUMNS = (QT_TRANSLATE_NOOP("AccountsDialog", "Name"),
               QT_TRANSLATE_NOOP("AccountsDialog", "Provider"),
               QT_TRANSLATE_NOOP("AccountsDialog", "Address"),
               QT_TRANSLATE_NOOP("AccountsDialog", "Key"),
               QT_TRANSLATE_NOOP("AccountsDialog", "Balance"))

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self._async = DialogTasks()
        self.setWindowTitle(self.tr("Accounts"))
        self.setObjectName("accounts-dialog")
        self.resize(860, 360)
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setHorizontalHeaderLabels([translated(c) for c in self.COLUMNS])
        self.table.setAccessibleName(self.tr("Accounts"))
        self.table.setAccessibleDescription(self.tr(
            "Every account, where its key is kept and its balance; Enter or a double-click "
            "edits the selected one"))
        self.table.setTabKeyNavigation(False)
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
        for name, text, tip, slot in (
                ("add", self.tr("&Add…"), self.tr("Add an account"), self.add),
                ("edit", self.tr("&Edit…"), self.tr("Edit the selected account"), self.edit),
                ("test", self.tr("&Test connection"),
                 self.tr("Ask the provider for the balance with the saved key"), self.test),
                ("remove", self.tr("&Remove…"), self.tr("Remove the selected account"),
                 self.remove)):
            button = QPushButton(text, self)
            button.setProperty("tip", tip)
            button.setToolTip(tip)
            button.setObjectName(f"account-{name}")
            button.clicked.connect(slot)
            self.buttons[name] = button
            row.addWidget(button)
        row.addStretch(1)
        close = QPushButton(self.tr("Close"), self)
        close.setToolTip(self.tr("Close this window"))
        close.clicked.connect(self.accept)
        row.addWidget(close)
        self.status = QLabel(self)
        self.status.setObjectName("accounts-status")
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # provider words, user labels
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        self.notice = QLabel(translated(desk.keys.notice), self)
        self.notice.setObjectName("no-keyring")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(warning_style())
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
            profile = self.desk.registry.profile(account.label)  # a preset's own title
            balance = self.desk.balances.get(account.label)
            cells = (account.label, profile.title, account.base_url or profile.base_url or "",
                     translated(KEY_SOURCES[self.desk.keys.source(account.label)]),
                     money(balance[0], profile.currency) if balance else "")
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
        item = self.table.item(rows[0].row(), 0)
        label = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return next((a for a in self.desk.accounts() if a.label == label), None)

    def _selection_changed(self) -> None:
        chosen = self.selected() is not None
        for name in ("edit", "test", "remove"):
            self.buttons[name].setEnabled(chosen)
            tip = str(self.buttons[name].property("tip"))
            self.buttons[name].setToolTip(tip if chosen else self.tr(
                "Select an account first.") + "\n\n" + tip)

    def _say(self, text: str, ok: bool) -> None:
        tone_text(self.status, Tone.SUCCESS if ok else Tone.ERROR)
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
            self._say(self.tr("{label} saved. Its key is kept for this session only: no "
                              "keyring is available.").format(label=label), False)
        else:
            self._say(self.tr("{label} saved; its key is in the system keyring.").format(
                label=label), True)
        self.accountsChanged.emit()

    def test(self) -> None:
        account = self.selected()
        if account is None:
            return
        self.buttons["test"].setEnabled(False)
        self._say(self.tr("Asking {label} for its balance…").format(label=account.label), True)
        self._async.run(self._test(account.label))

    async def _test(self, label: str) -> None:
        try:
            balance = await self.desk.balance(label)
        except Exception as exc:  # shown, never raised into Qt
            self._say(f"{label}: {error_text(exc)}", False)
        else:
            currency = PROFILES[self.desk.account(label).kind].currency
            self._say(self.tr("{label}: connected. Balance: {balance}").format(
                label=label, balance=money(balance, currency)), True)
            self.reload(select=label)
        finally:
            self.buttons["test"].setEnabled(self.selected() is not None)

    def remove(self) -> None:
        account = self.selected()
        if account is None:
            return
        source = self.desk.keys.source(account.label)
        question = self.tr(
            "Remove {label}? Its key is deleted from the keyring; its order history stays "
            "in the journal.") if source == "keyring" else self.tr(
            "Remove {label}? Its key comes from the environment and stays there; its order "
            "history stays in the journal.") if source == "environment" else self.tr(
            "Remove {label}? Its key, kept for this session only, is forgotten; its order "
            "history stays in the journal.")
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Remove account"),
                          question.format(label=account.label),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("confirm-remove")
        box.setTextFormat(Qt.TextFormat.PlainText)
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
        self._say(self.tr("{label} removed.").format(label=label), True)
        self.accountsChanged.emit()
