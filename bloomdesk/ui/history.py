"""History you can read (issue 17): the window's helper that opens the history view
(View → History…, Ctrl+H) over the Desk's journal, with each account's money rule,
and keeps it current while it is open: an order that ends is taken from the Desk's
events, without reading the journal again."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, SignalInstance
from PySide6.QtWidgets import QWidget

from ..domain import Order
from ..providers import PROFILES
from .history_view import LIMIT, HistoryDialog
from .names import Names

if TYPE_CHECKING:
    from ..core import Desk


class History(QObject):
    """The history view of the Desk's journal: opened on demand, then kept current by
    the orders that finish (`changed`: the bridge's orderChanged) while it is open."""

    def __init__(self, desk: Desk, names: Names, changed: SignalInstance | None,
                 parent: QWidget) -> None:
        super().__init__(parent)
        self.desk = desk
        self.names = names
        self.window = parent
        self.dialog: HistoryDialog | None = None
        self._pending: dict[int, Order] = {}
        self._later = QTimer(self)  # a burst of finishing orders taken in one go
        self._later.setSingleShot(True)
        self._later.setInterval(300)
        self._later.timeout.connect(self._take_pending)
        if changed is not None:
            changed.connect(self._changed)

    def open(self) -> HistoryDialog:
        if self.dialog is None:
            self.dialog = HistoryDialog(self.names, self.window)
            screen = self.window.screen().availableGeometry()
            self.dialog.resize(min(1180, screen.width() - 40), min(760, screen.height() - 60))
        self.reload()
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog

    def reload(self) -> None:
        if self.dialog is None:
            return
        kinds = {a.label: a.kind for a in self.desk.accounts()}
        orders = self.desk.history(LIMIT)
        self._pending.clear()
        self.dialog.set_orders(orders, lambda label: bool(
            label in kinds and PROFILES[kinds[label]].charge_silent_after),
            capped=len(orders) >= LIMIT)

    def _changed(self, order: Order) -> None:
        if self.dialog is not None and self.dialog.isVisible() and order.state.is_final:
            self._pending[order.id] = order
            self._later.start()

    def _take_pending(self) -> None:
        if self.dialog is not None:
            self.dialog.add(self._pending.values())
        self._pending.clear()
