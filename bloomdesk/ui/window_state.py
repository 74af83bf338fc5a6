"""The window's shape kept in ``settings.ini``: geometry, splitters, table columns;
and the small helper that makes a menu action with its shortcut."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

Save = Callable[[], QByteArray]
Restore = Callable[[QByteArray], object]


class WindowState:
    """Each part by its key: how to save it and how to restore it."""

    def __init__(self, settings: QSettings | None, parts: dict[str, tuple[Save, Restore]]
                 ) -> None:
        self.settings = settings
        self.parts = parts

    def restore(self) -> None:
        if self.settings is None:
            return
        for key, (_, restore) in self.parts.items():
            value = self.settings.value(key)
            if isinstance(value, QByteArray | bytes) and value:
                restore(QByteArray(value))

    def save(self) -> None:
        if self.settings is None:
            return
        for key, (save, _) in self.parts.items():
            self.settings.setValue(key, save())
        self.settings.sync()


def add_action(owner: QWidget, text: str, keys: QKeySequence | QKeySequence.StandardKey | str,
               slot: Callable[[], object], menu: QMenu | None = None,
               context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut) -> QAction:
    """An action with its shortcut, live in `owner` (and listed in `menu`)."""
    action = QAction(text, owner)
    action.setShortcut(QKeySequence(keys))
    action.setShortcutContext(context)
    action.triggered.connect(slot)
    owner.addAction(action)
    if menu is not None:
        menu.addAction(action)
    return action
