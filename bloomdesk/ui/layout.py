"""The window's layout and menus, apart from the window: the splitters that hold the
panels, and the menu entries with their shortcuts (added once the Desk is there,
into menus that exist from the first paint, so the bar never moves the tables)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QSplitter, QVBoxLayout, QWidget

from .notices import Banner, CodeNotice, NoticeStack
from .window_state import add_action


def assemble(window: QMainWindow, balances: QWidget, prices: QWidget, orders: QWidget,
             codes: QWidget, notices: list[Banner | CodeNotice]
             ) -> tuple[QSplitter, QSplitter]:
    """Balances over prices over (orders | codes); notices float over the window,
    outside the layout, so a notice never moves the tables.  (main, bottom) splits."""
    bottom = QSplitter(Qt.Orientation.Horizontal, window)
    bottom.setObjectName("bottom-split")
    bottom.addWidget(orders)
    bottom.addWidget(codes)
    bottom.setCollapsible(1, False)
    bottom.setStretchFactor(0, 3)
    bottom.setStretchFactor(1, 1)
    bottom.setSizes([900, 330])
    main = QSplitter(Qt.Orientation.Vertical, window)
    main.setObjectName("main-split")
    main.addWidget(prices)
    main.addWidget(bottom)
    main.setStretchFactor(0, 3)
    main.setStretchFactor(1, 2)
    main.setSizes([460, 300])
    central = QWidget(window)
    layout = QVBoxLayout(central)
    layout.setContentsMargins(8, 6, 8, 6)
    layout.addWidget(balances)
    layout.addWidget(main, 1)
    window.setCentralWidget(central)
    window.notices = NoticeStack(central, list(notices), codes)  # type: ignore[attr-defined]
    return main, bottom


class PriceSlots(Protocol):
    """What the menus call on the price side."""

    def refresh(self, *_: object) -> None: ...
    def focus_filter(self) -> None: ...


class CodeSlots(Protocol):
    """What the menus call on the codes' side (once the Desk is there)."""

    def copy_selected(self) -> None: ...
    def copy_newest(self) -> None: ...
    def copy_nth(self, n: int, *_: object) -> None: ...
    def copy_selected_phone(self) -> None: ...


def fill_menus(window: QMainWindow, prices: PriceSlots, codes: CodeSlots,
               window_slots: dict[str, Callable[[], object]], hide_empty: QAction | None = None
               ) -> dict[str, QAction]:
    """The File, Edit and View menus' entries; the actions others need, by name."""
    file_menu, edit, view = (a.menu() for a in window.menuBar().actions()[:3])
    assert isinstance(file_menu, QMenu) and isinstance(edit, QMenu) and isinstance(view, QMenu)
    out: dict[str, QAction] = {}
    translate = QCoreApplication.translate
    add_action(window, translate("MainWindow", "&Refresh balances and prices"), "F5",
               prices.refresh, file_menu)
    file_menu.addSeparator()
    out["accounts"] = add_action(window, translate("MainWindow", "&Accounts…"), "Ctrl+Shift+A",
                                 window_slots["accounts"], file_menu)
    out["settings"] = add_action(window, translate("MainWindow", "&Settings…"), "Ctrl+,",
                                 window_slots["settings"], file_menu)
    out["settings"].setMenuRole(QAction.MenuRole.PreferencesRole)
    file_menu.addSeparator()
    add_action(window, translate("MainWindow", "&Quit"), "Ctrl+Q", window_slots["quit"], file_menu)
    add_action(window, translate("MainWindow", "&Find offer"), QKeySequence.StandardKey.Find,
               prices.focus_filter, edit)
    add_action(window, translate("MainWindow", "Copy &selected code"), "Ctrl+C",
               codes.copy_selected, edit)
    add_action(window, translate("MainWindow", "Copy &newest code"), "Ctrl+Shift+C",
               codes.copy_newest, edit)
    add_action(window, translate("MainWindow", "Copy the order's &phone number"),
               "Ctrl+Shift+P", codes.copy_selected_phone, edit)
    for n in range(1, 10):
        add_action(window, translate("MainWindow", "Copy code {n}").format(n=n), f"Ctrl+{n}",
                   partial(codes.copy_nth, n - 1))
    out["auto_copy"] = edit.addAction(translate("MainWindow", "Copy new codes &automatically"))
    out["auto_copy"].setCheckable(True)
    if hide_empty is not None:
        view.addAction(hide_empty)
    out["history"] = add_action(window, translate("MainWindow", "Hi&story…"), "Ctrl+H",
                                window_slots["history"], view)
    return out


def timer(parent: QObject, interval_ms: int, slot: Callable[[], object]) -> QTimer:
    """A repeating timer calling `slot`, not started."""
    made = QTimer(parent)
    made.setInterval(interval_ms)
    made.timeout.connect(slot)
    return made


def fitting(width: int, height: int) -> QSize:
    """A first size of at most `width` × `height` that fits the screen's free area (an
    800×600 screen gets the window whole, not its right half off-screen)."""
    screen = QGuiApplication.primaryScreen()
    if screen is None:
        return QSize(width, height)
    room = screen.availableGeometry()
    return QSize(min(width, room.width()), min(height, room.height()))
