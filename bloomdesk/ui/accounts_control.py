"""The accounts as the window follows them: the Accounts dialog opened from the menu,
and what changes when accounts change, here or in another BloomDesk on the journal
(the CLI, a second window): the price side, the balances and an open dialog."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from ..core import Desk
    from ..core.events import AccountsChanged
    from .accounts_dialog import AccountsDialog
    from .notices import Banner
    from .price_controller import PriceController
    from .tasks import Messages


class AccountsControl(QObject):
    def __init__(self, desk: Desk, side: PriceController, banner: Banner, report: Messages,
                 parent: QWidget) -> None:
        super().__init__(parent)
        self.desk, self.side, self.banner, self.report = desk, side, banner, report
        self.window = parent
        self.dialog: AccountsDialog | None = None  # while it is open

    def open(self) -> None:
        from .accounts_dialog import AccountsDialog

        dialog = AccountsDialog(self.desk, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accountsChanged.connect(self.changed)
        dialog.finished.connect(self._closed)
        self.dialog = dialog
        dialog.open()

    def _closed(self) -> None:
        self.dialog = None

    def changed(self) -> None:
        self.banner.dismiss()
        self.side.reload_accounts()
        self.side.refresh()

    def changed_elsewhere(self, event: AccountsChanged) -> None:
        """Another window or the CLI added, removed or re-addressed accounts."""
        for label in event.changed:
            self.side.account_changed(label)
        self.changed()
        if self.dialog is not None:
            self.dialog.reload()
        self.report(self.tr("The accounts were changed by another BloomDesk"), timeout=5000)


