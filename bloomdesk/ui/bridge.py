"""Adapts the core's typed events to Qt signals (the only place core meets Qt)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ..core import Desk
from ..core.events import (
    AccountsChanged,
    BalanceChanged,
    CodeReceived,
    ErrorRaised,
    Event,
    OrderAdded,
    OrderChanged,
)


class DeskBridge(QObject):
    orderAdded = Signal(object)  # noqa: N815 - Qt naming
    orderChanged = Signal(object)  # noqa: N815
    codeReceived = Signal(object)  # noqa: N815
    balanceChanged = Signal(str, object, float)  # noqa: N815
    errorRaised = Signal(object)  # noqa: N815 - the ErrorRaised event
    accountsChanged = Signal(object)  # noqa: N815 - the AccountsChanged event

    def __init__(self, desk: Desk, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self._unsubscribe = desk.subscribe(self._on_event)

    def close(self) -> None:
        self._unsubscribe()

    def _on_event(self, event: Event) -> None:
        if isinstance(event, OrderAdded):
            self.orderAdded.emit(event.order)
        elif isinstance(event, OrderChanged):
            self.orderChanged.emit(event.order)
        elif isinstance(event, CodeReceived):
            self.codeReceived.emit(event.order)
        elif isinstance(event, BalanceChanged):
            self.balanceChanged.emit(event.account, event.balance, event.at)
        elif isinstance(event, ErrorRaised):
            self.errorRaised.emit(event)
        elif isinstance(event, AccountsChanged):
            self.accountsChanged.emit(event)
