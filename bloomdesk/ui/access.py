"""The main window for a screen reader and a keyboard: a name and a description on
each control that has no words of its own (a field, a list, a table, a choice), and
one tab order through the window, the way the work goes: find an offer, buy it, watch
the order, copy its code.

Tables hand Tab on to the next control (inside them the arrow keys move), so that Tab
never gets stuck in a 100,000-row table.  Buttons are named by their text and
described by their tooltip, as Qt does by itself; a dialog's standard buttons are
described by what they do (:func:`described`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractItemView, QDialogButtonBox, QWidget

if TYPE_CHECKING:
    from .codes import CodesPane
    from .orders_panel import OrdersPanel
    from .price_panel import PricePanel

translate = QCoreApplication.translate


def arrange(prices: PricePanel, orders: OrdersPanel, codes: CodesPane, last: QWidget) -> None:
    """Name and describe the window's controls; set the tab order (`last`: the balances'
    refresh button, after the codes)."""
    for widget, name, about in (
            (prices.filter, translate("MainWindow", "Filter offers"), translate(
                "MainWindow", "Type part of a service or a country; Down or Enter goes to "
                "the offers")),
            (prices.account, translate("MainWindow", "Accounts shown"), translate(
                "MainWindow", "One account's offers, every account's, or the best offer of "
                "each route")),
            (prices.table, translate("MainWindow", "Prices"), translate(
                "MainWindow", "Offers: Enter buys the selected one, Shift+Enter the best "
                "route, F pins it as a favourite")),
            (orders.table, translate("MainWindow", "Active orders"), translate(
                "MainWindow", "Your live orders with their countdowns; Tab reaches their "
                "actions, Ctrl+Shift+P copies the phone number")),
            (codes.list, translate("MainWindow", "Codes"), translate(
                "MainWindow", "Received codes, newest first: Enter or Ctrl+C copies the "
                "selected one"))):
        widget.setAccessibleName(name)
        widget.setAccessibleDescription(about)
    for view in (prices.table, orders.table, codes.list):
        if isinstance(view, QAbstractItemView):
            view.setTabKeyNavigation(False)
    chain: list[QWidget] = [prices.filter, prices.table, prices.account, prices.hide_empty,
                            prices.buy_button, prices.best_button, orders.table,
                            *orders.buttons.values(), codes.list, last]
    for before, after in zip(chain, chain[1:], strict=False):
        QWidget.setTabOrder(before, after)


def described(buttons: QDialogButtonBox, accept: str, reject: str) -> None:
    """A dialog's standard buttons (OK, Save, Cancel…) described by what they do."""
    for button in buttons.buttons():
        role = buttons.buttonRole(button)
        button.setToolTip(accept if role == QDialogButtonBox.ButtonRole.AcceptRole
                          else reject if role == QDialogButtonBox.ButtonRole.RejectRole
                          else button.toolTip())
