"""The window in each of its languages (issue 18): every word a user reads, in the
main window, its dialogs (settings, accounts, the account editor, the buy question,
the history), the tray menu and the notices, is in the language loaded; nothing
shows an English source string or an unfilled {placeholder}.

Words from elsewhere are data, not untranslated: account names, provider and service
names, countries a provider names only in English, addresses, API method names. The
Latin words a translation itself uses (SMS, API, URL, Ctrl…) are allowed too.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import qasync
from PySide6.QtCore import QLocale, QModelIndex, Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDoubleSpinBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QSpinBox,
    QWidget,
)

from bloomdesk.providers import PROFILES
from bloomdesk.providers.presets import EXTENDED_ACTIONS, PRESETS
from bloomdesk.sim import Simulator
from bloomdesk.sim.server import Fault
from bloomdesk.ui import language
from bloomdesk.ui.main_window import MainWindow
from tests.gui.harness import buy, run_window, until, visible_box

ROOT = Path(__file__).resolve().parents[2]
FIELD = re.compile(r"\{[a-z_]+(![rs])?(:[^{}]*)?\}")
FOREIGN = re.compile(r"[\u0400-\u04ff\u3000-\u9fff\uff00-\uffef]")  # Cyrillic, CJK


def catalogue(lang: str) -> list[tuple[str, str]]:
    """(source, translation) of every message of `lang` (the sources, for English)."""
    name = "ru" if lang == "en" else lang
    tree = ET.parse(ROOT / "bloomdesk" / "i18n" / f"bloomdesk_{name}.ts")
    return [(m.findtext("source") or "", m.findtext("translation") or "")
            for m in tree.getroot().iter("message")]


@pytest.fixture(params=["en", "ru", "zh_CN"])
def speaking(request: pytest.FixtureRequest) -> Iterator[str]:
    """The language loaded (catalogue, Qt's own, locale) for one test, then English."""
    installed = language.install(request.param)
    try:
        yield request.param
    finally:
        installed.remove()


def shown(text: str, fmt: Qt.TextFormat = Qt.TextFormat.PlainText) -> str:
    if fmt == Qt.TextFormat.PlainText or not GuiQt.mightBeRichText(text):
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def words_of(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) of every word the widget and its children show or say."""
    found: list[tuple[str, str]] = [(root.objectName(), root.windowTitle())]
    for w in [root, *root.findChildren(QWidget)]:
        where = f"{type(w).__name__}:{w.objectName()}"
        found += [(where, text) for text in (shown(w.toolTip(), Qt.TextFormat.AutoText),
                                              w.statusTip(), w.accessibleName(),
                                              w.accessibleDescription())]
        if isinstance(w, QLabel):
            found.append((where, shown(w.text(), w.textFormat())))
        if isinstance(w, QAbstractButton):
            found.append((where, w.text()))
        if isinstance(w, QLineEdit):
            found.append((where, w.placeholderText()))
        if isinstance(w, QComboBox):
            found += [(where, w.itemText(i)) for i in range(w.count())]
        if isinstance(w, QGroupBox):
            found.append((where, w.title()))
        if isinstance(w, QAbstractSpinBox):
            found.append((where, w.specialValueText()))
        if isinstance(w, QSpinBox | QDoubleSpinBox):
            found += [(where, w.prefix()), (where, w.suffix())]
        if isinstance(w, QMenu):
            found += menu_words(w)
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            found += model_words(w)
    for action in root.actions():
        found += [("action", action.text()), ("action", action.statusTip())]
    return found


def menu_words(menu: QMenu) -> list[tuple[str, str]]:
    found = [("menu", menu.title())]
    for action in menu.actions():
        found += [("menu", action.text()), ("menu", action.statusTip()),
                  ("menu", action.toolTip() if action.toolTip() != action.text() else "")]
        if action.menu() is not None:
            found += menu_words(action.menu())  # type: ignore[arg-type]
    return found


def model_words(view: QAbstractItemView) -> list[tuple[str, str]]:
    """Headers, and the cells that hold words rather than data (a status, a stock,
    the line under a code), of the first rows."""
    model, found, top = view.model(), [], QModelIndex()
    try:
        columns = model.columnCount(top)
    except TypeError:  # a list widget's model: one column, not asked
        columns = 1
    for section in range(columns):
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            found.append(("header", str(model.headerData(section, Qt.Orientation.Horizontal,
                                                         role) or "")))
    for row in range(min(model.rowCount(top), 40)):
        for col in range(columns):
            index = model.index(row, col)
            roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.UserRole + 2) \
                if columns == 1 else (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
            for role in roles:  # a code's line under it, not its SMS (the sender's)
                value = index.data(role)
                if isinstance(value, str):
                    found.append((f"cell {col}", shown(value, Qt.TextFormat.AutoText)))
    return found


def data_words(window: MainWindow) -> list[str]:
    """What the providers and the user named: shown as they wrote it."""
    found = [a.label for a in window.desk.accounts()]
    found += [p.title for p in PROFILES.values()] + [p.title for p in PRESETS]
    found += list(EXTENDED_ACTIONS) + list(language.LANGUAGES.values())
    for _, prices in window.price_side.all_lists():
        found += list(prices.service_names) + list(prices.services)
        found += [n for n in prices.country_names if n]
    found += [window.names.country(label, cid) for label in found[:2]
              for cid in ("0", "1")]
    for territory in QLocale.Country:
        found.append(QLocale.territoryToString(territory))
    return sorted({w for w in found if w}, key=len, reverse=True)


def without(text: str, data: list[str]) -> str:
    """`text` with every whole name of `data` blanked out."""
    pattern = "|".join(re.escape(w) for w in data)
    return re.sub(f"(?<![A-Za-z])(?:{pattern})(?![A-Za-z])", " ", text)


def problems(texts: list[tuple[str, str]], lang: str, data: list[str]) -> list[str]:
    pairs = catalogue(lang)
    english = {s.replace("&", "") for s, t in pairs if s != t}
    templates = [re.compile(".+?".join(re.escape(p) for p in FIELD.split(s)[::3]) + "$",
                            re.S) for s, t in pairs if FIELD.search(s) and s != t
                 and len(FIELD.sub("", s)) > 12]
    allowed = {w.casefold() for _, t in pairs for w in re.findall(r"[A-Za-z_]{3,}", t)}
    found = []
    for where, text in texts:
        if not text or not text.strip():
            continue
        if FIELD.search(text):
            found.append(f"{where}: unfilled placeholder in {text!r}")
        if lang == "en":
            if FOREIGN.search(without(text, data)):
                found.append(f"{where}: not English: {text!r}")
            continue
        plain = text.replace("&", "")
        if plain in english or any(t.match(plain) for t in templates):
            found.append(f"{where}: untranslated: {text!r}")
            continue
        rest = without(re.sub(r"https?://\S+|\S+@\S+", " ", plain), data)
        foreign = [w for w in re.findall(r"[A-Za-z_]{3,}", rest) if w.casefold() not in allowed]
        if foreign:
            found.append(f"{where}: English words {foreign} in {text!r}")
    return sorted(set(found))


def test_every_word_shown_is_in_the_language_loaded(
        speaking: str, qloop: qasync.QEventLoop, qtbot: Any, tmp_path: Path) -> None:
    seen: list[tuple[str, str]] = []
    said: dict[str, str] = {}

    async def scenario(window: MainWindow, sim: Simulator) -> None:
        desk = window.desk
        await until(lambda: window.prices.model.total > 0 and len(desk.balances) == 2)
        order_id, _ = await buy(desk, "bloomsms")
        await until(lambda: window.codes.count() >= 1 and window.code_notice.isVisible())
        window.orders.select_order(order_id)
        sim.fault("smsbulk", Fault("http500", op="balance"))
        qtbot.keyClick(window, Qt.Key.Key_F5)
        await until(window.banner.isVisible)
        seen.extend(words_of(window))
        seen.extend(words_of(window.tray.menu))
        seen.append(("status", window.statusBar().currentMessage()))
        seen.append(("tray", window.tray.icon.toolTip()))

        window.open_settings()
        seen.extend(words_of(window.settings_dialog))
        window.settings_dialog.reject()

        window.open_accounts()
        accounts = window.accounts_dialog
        accounts.table.selectRow(0)
        accounts.test()
        await until(lambda: accounts.buttons["test"].isEnabled())  # answered
        seen.extend(words_of(accounts))
        accounts.add()
        editor = accounts.editor
        assert editor is not None
        editor.test()  # no key typed: the core's refusal, in the window's language
        await until(lambda: bool(editor.outcome.text()))
        seen.extend(words_of(editor))
        editor.reject()
        accounts.accept()

        history = window.history.open()
        seen.extend(words_of(history))
        history.reject()

        prices = window.prices
        prices.hide_empty.setChecked(True)
        prices.apply_filter()
        prices.table.selectRow(0)
        prices.buy_button.click()
        await until(lambda: visible_box() is not None)
        box = visible_box()
        assert box is not None
        seen.extend(words_of(box))
        said["no"] = box.button(QMessageBox.StandardButton.No).text()
        box.button(QMessageBox.StandardButton.No).click()
        said["data"] = "\n".join(data_words(window))

    run_window(qloop, qtbot, tmp_path, scenario, tray=False)
    data = said["data"].split("\n")
    texts = [(where, text) for where, text in seen if where != "data"]
    assert len(texts) > 300
    found = problems(texts, speaking, data)
    assert not found, "\n".join(found)
    if speaking != "en":  # Qt's own words too (its catalogue: qtbase_*.qm)
        assert said["no"].replace("&", "") != "No", said["no"]
    QApplication.processEvents()
