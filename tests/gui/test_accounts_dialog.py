"""The accounts dialog against the simulator: every kind added, tested, edited and
removed as a user would, with keys in the (in-memory) keyring and nowhere else."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

import pytest
import qasync
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from bloomdesk.providers import KINDS, PROFILES
from bloomdesk.secrets import SERVICE, KeyStore
from bloomdesk.sim import Simulator
from bloomdesk.ui.accounts_dialog import AccountEditor, AccountsDialog
from bloomdesk.ui.main_window import MainWindow
from tests.conftest import MemoryKeyring
from tests.gui.harness import START, run_window, until

Body = Callable[[MainWindow, Simulator], Coroutine[Any, Any, None]]



def choose(editor: AccountEditor, kind: str, preset: str | None = None) -> None:
    """Pick a provider in the editor's list as a user does (a kind, or a preset)."""
    index = editor.kind.findData(f"{kind}|{preset or ''}")
    assert index >= 0, (kind, preset)
    editor.kind.setCurrentIndex(index)

def key(kind: str, n: int = 1) -> str:
    return f"dlg-{kind}-key-{n:04d}-9c1e5b"


def run_empty(qloop: qasync.QEventLoop, qtbot: Any, tmp_path: Path, body: Body) -> None:
    """A started window with no accounts and a real KeyStore (the keyring as the test's
    fixture makes it), on a simulator that knows two keys per kind."""
    async def scenario(window: MainWindow, sim: Simulator) -> None:
        for kind in KINDS:
            sim.add_account(kind, key(kind), START)
            sim.add_account(kind, key(kind, 2), START * 2)
        await body(window, sim)

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    run_window(qloop, qtbot, tmp_path, scenario, kinds=(), tray=False, settings=settings,
               keys=KeyStore())


def open_dialog(window: MainWindow) -> AccountsDialog:
    window.accounts_action.trigger()
    dialog = window.accounts_dialog
    assert dialog.isVisible()
    return dialog


def click(dialog: AccountsDialog, name: str) -> None:
    dialog.buttons[name].click()


def editor_of(dialog: AccountsDialog) -> AccountEditor:
    editor = dialog.editor
    assert editor is not None and editor.isVisible()
    return editor


def save(editor: AccountEditor) -> None:
    editor.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def select(dialog: AccountsDialog, label: str) -> None:
    for row in range(dialog.table.rowCount()):
        if dialog.table.item(row, 0).text() == label:
            dialog.table.selectRow(row)
            return
    raise AssertionError(f"{label} is not listed")


def listed(dialog: AccountsDialog) -> list[str]:
    return [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]


def test_every_kind_added_tested_edited_and_removed(
        qloop: qasync.QEventLoop, qtbot: Any, tmp_path: Path, keyring_memory: MemoryKeyring,
        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)

    async def body(window: MainWindow, sim: Simulator) -> None:
        assert "No accounts yet" in window.banner.label.text()
        dialog = open_dialog(window)
        assert not dialog.notice.isVisible(), "a keyring works: no notice"
        for kind in KINDS:
            label = f"My {kind}"
            click(dialog, "add")
            editor = editor_of(dialog)
            choose(editor, kind)
            editor.label.setText(label)
            if PROFILES[kind].needs_base_url:
                save(editor)  # no address yet: refused, with the reason
                assert "needs its address" in editor.outcome.text() and editor.isVisible()
            editor.base_url.setText(sim.url(kind))
            # a wrong key: the provider's own refusal, nothing saved
            editor.key.setText("wrong-key-0000000000")
            editor.test_button.click()
            await until(lambda e=editor: "not accepted" in e.outcome.text())
            assert label not in listed(dialog)
            # the right one: the balance shows
            editor.key.setText(key(kind))
            editor.test_button.click()
            await until(lambda e=editor: "Balance: $10.00" in e.outcome.text())
            save(editor)
            await until(lambda lb=label: lb in listed(dialog))
            assert keyring_memory.entries[(SERVICE, label)] == key(kind)
            assert "saved" in dialog.status.text() and "keyring" in dialog.status.text()
        # the window now shows every account's balance
        labels = [f"My {kind}" for kind in KINDS]
        await until(lambda: all("$10.00" in window.balances.text_of(lb) for lb in labels))
        assert not window.banner.isVisible()
        # edit: a new key for one account; an empty key field keeps the saved one
        select(dialog, "My smsbulk")
        click(dialog, "edit")
        editor = editor_of(dialog)
        assert editor.key.text() == "" and editor.label.isReadOnly()
        editor.key.setText(key("smsbulk", 2))
        save(editor)
        await until(lambda: dialog.editor is not None and not dialog.editor.isVisible())
        assert keyring_memory.entries[(SERVICE, "My smsbulk")] == key("smsbulk", 2)
        select(dialog, "My smsbulk")
        click(dialog, "test")
        await until(lambda: "Balance: $20.00" in dialog.status.text())
        select(dialog, "My bloomsms")
        click(dialog, "edit")
        save(editor_of(dialog))  # nothing typed in the key field
        assert keyring_memory.entries[(SERVICE, "My bloomsms")] == key("bloomsms")
        # remove, after confirming
        select(dialog, "My bloomsms-legacy")
        click(dialog, "remove")
        box = next(w for w in QApplication.topLevelWidgets()
                   if isinstance(w, QMessageBox) and w.isVisible())
        assert "deleted from the keyring" in box.text()  # it is in the keyring
        box.button(QMessageBox.StandardButton.Yes).click()
        await until(lambda: "My bloomsms-legacy" not in listed(dialog))
        assert (SERVICE, "My bloomsms-legacy") not in keyring_memory.entries
        await until(lambda: "My bloomsms-legacy" not in window.balances.labels())
        dialog.close()
        # keys live in the keyring only: not in the journal, settings or logs
        journal = b"".join(p.read_bytes() for p in tmp_path.glob("journal.sqlite3*"))
        settings = (tmp_path / "settings.ini").read_bytes()
        for kind in KINDS:
            for n in (1, 2):
                secret = key(kind, n).encode()
                assert secret not in journal and secret not in settings
                assert key(kind, n) not in caplog.text

    run_empty(qloop, qtbot, tmp_path, body)


def test_no_keyring_says_so_and_keeps_the_key_for_the_session(
        qloop: qasync.QEventLoop, qtbot: Any, tmp_path: Path, no_keyring: None) -> None:
    async def body(window: MainWindow, sim: Simulator) -> None:
        dialog = open_dialog(window)
        assert dialog.notice.isVisible() and "No system keyring" in dialog.notice.text()
        click(dialog, "add")
        editor = editor_of(dialog)
        assert editor.findChild(type(dialog.notice), "no-keyring").isVisible()
        choose(editor, "bloomsms")
        editor.label.setText("Main")
        editor.base_url.setText(sim.url("bloomsms"))
        editor.key.setText(key("bloomsms"))
        save(editor)
        await until(lambda: "Main" in listed(dialog))
        assert "this session only" in dialog.status.text()
        row = listed(dialog).index("Main")
        assert dialog.table.item(row, 3).text() == "this session only"
        await until(lambda: "$10.00" in window.balances.text_of("Main"))

    run_empty(qloop, qtbot, tmp_path, body)


def test_an_account_with_open_orders_is_not_removed(
        qloop: qasync.QEventLoop, qtbot: Any, tmp_path: Path,
        keyring_memory: MemoryKeyring) -> None:
    async def body(window: MainWindow, sim: Simulator) -> None:
        window.desk.add_account("bloomsms", "Main", key("bloomsms"), sim.url("bloomsms"))
        sim.next_codes("bloomsms", None)
        offers = [o for o in await window.desk.offers("Main", "tg") if o.stock > 50]
        await window.desk.buy("Main", "tg", offers[0].country, price=offers[0].price)
        dialog = open_dialog(window)
        select(dialog, "Main")
        click(dialog, "remove")
        box = next(w for w in QApplication.topLevelWidgets()
                   if isinstance(w, QMessageBox) and w.isVisible())
        box.button(QMessageBox.StandardButton.Yes).click()
        await until(lambda: "open order" in dialog.status.text())
        assert "Main" in listed(dialog)
        assert keyring_memory.entries[(SERVICE, "Main")] == key("bloomsms")
        await asyncio.sleep(0)

    run_empty(qloop, qtbot, tmp_path, body)



def test_an_account_from_a_preset_needs_no_url(qloop: qasync.QEventLoop, qtbot: Any,
                                               tmp_path: Path, keyring_memory: object) -> None:
    """The editor names the compatible services (Other last); choosing Hero-SMS fills its
    address, and the account keeps the preset: its title shows in the list."""
    from bloomdesk.ui.account_editor import OTHER_COMPATIBLE

    async def body(window: MainWindow, sim: Simulator) -> None:
        dialog = open_dialog(window)
        click(dialog, "add")
        editor = editor_of(dialog)
        titles = [editor.kind.itemText(i) for i in range(editor.kind.count())]
        assert {"Hero-SMS", "SMSBower", "Tiger SMS", "Grizzly SMS"} <= set(titles)
        assert titles[-1] == OTHER_COMPATIBLE
        choose(editor, "sms-activate", "hero-sms")
        assert "hero-sms.com" in editor.base_url.placeholderText()
        choose(editor, "sms-activate")
        assert "required" in editor.base_url.placeholderText()
        choose(editor, "sms-activate", "hero-sms")
        sim.add_account("hero-sms", "hero-editor-key-000001", "7.00")
        editor.label.setText("Hero")
        editor.base_url.setText(sim.url("hero-sms"))  # the test's stand-in for the real URL
        editor.key.setText("hero-editor-key-000001")
        editor.test_button.click()
        await until(lambda: "Balance: $7.00" in editor.outcome.text())
        save(editor)
        await until(lambda: "Hero" in listed(dialog))
        account = window.desk.account("Hero")
        assert (account.kind, account.preset) == ("sms-activate", "hero-sms")
        row = next(r for r in range(dialog.table.rowCount())
                   if dialog.table.item(r, 0).text() == "Hero")
        assert dialog.table.item(row, 1).text() == "Hero-SMS"

    run_empty(qloop, qtbot, tmp_path, body)


def test_removing_says_where_the_key_really_is(qloop: qasync.QEventLoop, qtbot: Any,
                                               tmp_path: Path) -> None:
    """Without a keyring the key was kept for the session only: the question says that
    key is forgotten, not that it is "deleted from the keyring" that does not exist."""
    async def scenario(window: MainWindow, sim: Simulator) -> None:
        dialog = open_dialog(window)
        select(dialog, "bloomsms")
        click(dialog, "remove")
        box = next(w for w in QApplication.topLevelWidgets()
                   if isinstance(w, QMessageBox) and w.isVisible())
        assert "session only" in box.text() and "keyring" not in box.text(), box.text()
        box.button(QMessageBox.StandardButton.No).click()
        dialog.close()

    run_window(qloop, qtbot, tmp_path, scenario, kinds=("bloomsms",))
