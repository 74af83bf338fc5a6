"""Every action that costs money asks first, the same way: what is bought, its price,
and the account's balance after.  Opened with ``open()``, answered through
``finished`` (never ``exec()`` from async code)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QWidget,
)

from ..core import Desk
from .format import money

translate = QCoreApplication.translate
# A confirmation takes no key for this long after it opens (a mouse click it takes at
# once): the Enter that opened it, pressed again or held, must not pay.
ARMED_AFTER_MS = 400
_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space, Qt.Key.Key_Select)


class KeyGuard(QObject):
    """Swallows the keys that answer a confirmation while it is young, and any held
    (auto-repeated) one: holding or hammering Enter in the price table opened box
    after box, each bought by the next Enter."""

    def __init__(self, box: QMessageBox) -> None:
        super().__init__(box)
        self.since = QElapsedTimer()
        self.since.start()
        box.installEventFilter(self)
        for button in box.buttons():
            button.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease) \
                and isinstance(event, QKeyEvent) and event.key() in _KEYS:
            return event.isAutoRepeat() or self.since.elapsed() < ARMED_AFTER_MS
        return False


def balance_of(desk: Desk, account: str) -> Decimal | None:
    """The account's balance as last read, or None."""
    known = desk.balances.get(account)
    return known[0] if known else None


def balance_after(balance: Decimal | None, price: Decimal | None, currency: str) -> str:
    """The "Balance after" line of a confirmation."""
    if balance is None:
        return translate("spending", "Balance after: unknown (the balance has not been read "
                         "yet)")
    if price is None:
        return translate("spending", "Balance now: {balance} (the provider sets the "
                         "price)").format(balance=money(balance, currency))
    line = translate("spending", "Balance after: {balance}").format(
        balance=money(balance - price, currency))
    if balance < price:
        line += "\n" + translate("spending", "The balance ({balance}) is below the price: "
                                 "the provider will most likely refuse.").format(
            balance=money(balance, currency))
    return line


def _add_choice(box: QMessageBox, caption: str, field: QWidget) -> None:
    """A labelled field in a message box, between its text and its buttons."""
    grid = box.layout()
    buttons = box.findChild(QDialogButtonBox)
    if not isinstance(grid, QGridLayout) or buttons is None:
        return
    grid.removeWidget(buttons)
    row = grid.rowCount()
    line = QHBoxLayout()
    label = QLabel(caption, box)
    label.setBuddy(field)
    line.addWidget(label)
    line.addWidget(field, 1)
    grid.addLayout(line, row, 0, 1, grid.columnCount())
    grid.addWidget(buttons, row + 1, 0, 1, grid.columnCount())


def ask_to_spend(parent: QWidget, *, title: str, question: str, price: Decimal | None,
                 balance: Decimal | None, currency: str, yes: str, name: str,
                 on_yes: Callable[[], None],
                 choice: tuple[str, QWidget] | None = None) -> QMessageBox:
    """Ask; `on_yes` runs only if the user says yes (Enter says yes, unless the
    balance is below the price).  `choice`: a labelled field shown above the buttons
    (the operator of a number, say)."""
    text = f"{question}\n\n{balance_after(balance, price, currency)}"
    box = QMessageBox(QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    if choice is not None:
        _add_choice(box, *choice)
    box.setTextFormat(Qt.TextFormat.PlainText)  # provider names are text, not markup
    box.button(QMessageBox.StandardButton.Yes).setText(yes)
    box.button(QMessageBox.StandardButton.Yes).setToolTip(translate(
        "spending", "Pay the price shown"))
    box.button(QMessageBox.StandardButton.No).setToolTip(translate(
        "spending", "Spend nothing"))
    short = balance is not None and price is not None and balance < price
    box.setDefaultButton(QMessageBox.StandardButton.No if short  # Enter: no refusal
                         else QMessageBox.StandardButton.Yes)
    box.setObjectName(name)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    KeyGuard(box)

    def finished(result: int) -> None:
        if result == QMessageBox.StandardButton.Yes:
            on_yes()

    box.finished.connect(finished)
    box.open()
    return box
