"""The window for a screen reader and a keyboard (issue 18, item 4): every control
has a name and a description as Qt's accessibility interface reads them (what a
screen reader says), fields are named by their labels, and Tab walks the window in
the order of the work, out of the tables too."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import qasync
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMenu,
    QWidget,
)

from bloomdesk.sim import Simulator
from bloomdesk.ui.main_window import MainWindow
from tests.gui.harness import buy, run_window, until, visible_box

Role = QAccessible.Role
CONTROLS = {Role.Button, Role.PushButton, Role.CheckBox, Role.RadioButton, Role.ComboBox,
            Role.EditableText, Role.SpinBox, Role.Table, Role.List, Role.Tree,
            Role.ButtonMenu, Role.ButtonDropDown, Role.Slider, Role.PageTab}


def interface(widget: QWidget) -> QAccessibleInterface:
    found = QAccessible.queryAccessibleInterface(widget)
    assert found is not None and found.isValid(), widget
    return found


def unnamed(root: QWidget) -> list[str]:
    """The controls under `root` (shown) whose name or description is empty, as the
    accessibility interface says them."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        iface = interface(widget)
        if iface.role() not in CONTROLS:
            continue
        name = iface.text(QAccessible.Text.Name).strip()
        about = iface.text(QAccessible.Text.Description).strip()
        if not name or not about:
            found.append(f"{type(widget).__name__} {widget.objectName()!r} "
                         f"({iface.role().name}): name {name!r}, description {about!r}")
    return found


def unnamed_items(menu: QMenu) -> list[str]:
    """Menu items without a name or a description (separators aside).  Qt's menu item
    interface has no description: an action's is its status tip (said as it is
    hovered, shown on a status line)."""
    iface, found = interface(menu), []
    actions = [a for a in menu.actions() if not a.isSeparator()]
    items = [iface.child(i) for i in range(iface.childCount())]
    items = [item for item in items if item is not None and item.role() == Role.MenuItem]
    assert len(items) == len(actions)
    for item, action in zip(items, actions, strict=True):
        name = item.text(QAccessible.Text.Name)
        if not name.strip() or not action.statusTip().strip():
            found.append(f"menu item {name!r}: description {action.statusTip()!r}")
    return found


def unlabelled(root: QWidget) -> list[str]:
    """Fields that no label names (setBuddy), the fields a screen reader names by it."""
    buddies = {id(label.buddy()) for label in root.findChildren(QLabel) if label.buddy()}
    fields = [w for w in root.findChildren(QWidget)
              if isinstance(w, QLineEdit | QAbstractSpinBox | QComboBox)
              and not isinstance(w.parent(), QAbstractSpinBox | QComboBox)]
    return [f"{type(w).__name__} {w.objectName()!r}" for w in fields if id(w) not in buddies]


def test_every_control_has_a_name_and_a_description(
        qloop: qasync.QEventLoop, qtbot: Any, tmp_path: Path) -> None:
    async def scenario(window: MainWindow, sim: Simulator) -> None:
        await until(lambda: window.prices.model.total > 0 and len(window.desk.balances) == 2)
        order_id, _ = await buy(window.desk, "bloomsms")
        await until(lambda: window.code_notice.isVisible())  # its buttons too
        window.orders.select_order(order_id)
        window.report("A notice", error=True)  # the banner and its close button
        assert not unnamed(window), "\n".join(unnamed(window))
        for label in window.balances.labels():  # the balances: each read out whole
            chip = interface(window.balances.chip(label))
            assert label in chip.text(QAccessible.Text.Name)
            assert "$" in chip.text(QAccessible.Text.Name)
            assert chip.text(QAccessible.Text.Description).strip()
        assert not unnamed_items(window.tray.menu)
        for action in window.menuBar().actions():
            menu = action.menu()
            assert isinstance(menu, QMenu) and action.text()
            assert all(a.text() for a in menu.actions() if not a.isSeparator())

        window.open_settings()
        dialog = window.settings_dialog
        await until(dialog.isVisible)
        assert not unnamed(dialog), "\n".join(unnamed(dialog))
        assert not unlabelled(dialog), unlabelled(dialog)
        dialog.reject()

        window.open_accounts()
        accounts = window.accounts_dialog
        accounts.table.selectRow(0)
        assert not unnamed(accounts), "\n".join(unnamed(accounts))
        accounts.add()
        editor = accounts.editor
        assert editor is not None
        await until(editor.isVisible)
        assert not unnamed(editor), "\n".join(unnamed(editor))
        assert not unlabelled(editor), unlabelled(editor)
        [key_label] = [lb for lb in editor.findChildren(QLabel) if lb.buddy() is editor.key]
        assert "API" in key_label.text()  # the API key row is named by its label
        assert interface(editor.key).text(QAccessible.Text.Name) == "API key"
        editor.reject()
        accounts.accept()

        history = window.history.open()
        await until(history.isVisible)
        assert not unnamed(history), "\n".join(unnamed(history))
        assert not unlabelled(history), unlabelled(history)
        history.reject()

        window.prices.hide_empty.setChecked(True)
        window.prices.apply_filter()
        window.prices.table.selectRow(0)
        window.prices.buy_button.click()
        await until(lambda: visible_box() is not None)
        box = visible_box()
        assert box is not None
        assert not unnamed(box), "\n".join(unnamed(box))
        assert not unlabelled(box), unlabelled(box)  # the operator's choice
        box.reject()

    run_window(qloop, qtbot, tmp_path, scenario, tray=False)


def test_tab_walks_the_window_in_the_order_of_the_work(
        qloop: qasync.QEventLoop, qtbot: Any, tmp_path: Path) -> None:
    """From the filter, Tab reaches the price table, the buy button, the orders, each
    action the selected order allows, the codes, and comes back round to the filter
    (a table hands Tab on: the arrow keys move inside it)."""
    async def scenario(window: MainWindow, sim: Simulator) -> None:
        await until(lambda: window.prices.model.total > 0)
        order_id, _ = await buy(window.desk, "bloomsms")
        await until(lambda: window.codes.count() >= 1)
        window.orders.select_order(order_id)
        prices, orders = window.prices, window.orders
        prices.filter.setFocus()
        await until(lambda: QApplication.focusWidget() is prices.filter)
        visited: list[QWidget] = []
        for _ in range(40):
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
            focus = QApplication.focusWidget()
            assert focus is not None
            visited.append(focus)
            if focus is prices.filter:
                break
        assert visited[-1] is prices.filter, "Tab comes back round"
        enabled = [b for b in orders.buttons.values() if b.isEnabled()]
        assert enabled, "the selected order allows something"
        wanted = [prices.table, prices.buy_button, orders.table, *enabled, window.codes.list]
        order = [visited.index(w) for w in wanted]  # each one reached ...
        assert order == sorted(order), [type(visited[i]).__name__ for i in order]  # in turn
        # the keyboard does what a click does: Enter on a code copies it
        window.codes.list.setFocus()
        window.codes.list.setCurrentRow(0)
        qtbot.keyClick(window.codes.list, Qt.Key.Key_Return)
        code = window.desk.order(order_id).code
        assert code and QApplication.clipboard().text() == code

    run_window(qloop, qtbot, tmp_path, scenario)
