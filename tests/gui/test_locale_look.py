"""Numbers by the user's locale, and colours that read on a light palette and a dark
one, taken again when the palette changes (issue 18, items 2 and 3)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import qasync
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QWidget

from bloomdesk.sim import Simulator
from bloomdesk.ui import language
from bloomdesk.ui.format import age, countdown, money
from bloomdesk.ui.look import CONTRAST, Tone, contrast, dark_palette, ink, is_dark, wash
from bloomdesk.ui.main_window import MainWindow
from bloomdesk.ui.orders_model import CODE
from tests.gui.harness import KEYS, buy, run_window, until


@pytest.fixture
def russian(qapp: QApplication) -> Iterator[None]:
    installed = language.install("ru")
    try:
        yield
    finally:
        installed.remove()


def test_money_is_the_decimal_itself_written_as_the_locale_writes_money() -> None:
    big = Decimal("12345678901234.57")  # past a double's 15-16 digits: no float touched it
    assert money(big) == "$12,345,678,901,234.57"
    assert money(Decimal("0.0049")) == "$0.0049" and money(Decimal("-0.2")) == "-$0.20"
    QLocale.setDefault(QLocale("ru_RU"))
    try:
        assert money(big) == "12\u00a0345\u00a0678\u00a0901\u00a0234,57\u00a0$"
        assert money(Decimal("0.06")) == "0,06\u00a0$"
    finally:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def test_ages_and_countdowns_in_the_users_language(russian: None) -> None:
    assert (age(30), age(240), age(7200)) == ("только что", "4 мин назад", "2 ч назад")
    assert countdown(0) == "истекло" and countdown(65) == "1:05"


def test_warnings_and_successes_read_on_light_and_dark_as_the_palette_changes(
        qloop: qasync.QEventLoop, qtbot: Any, tmp_path: Path) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    light = app.palette()

    async def scenario(window: MainWindow, sim: Simulator) -> None:
        await until(lambda: len(window.desk.balances) == 2)
        sim.provider("smsbulk").accounts[KEYS["smsbulk"]].balance = Decimal("0.40")
        order_id, _ = await buy(window.desk, "bloomsms")
        qtbot.keyClick(window, Qt.Key.Key_F5)
        await until(lambda: window.balances.is_low("smsbulk"))
        await until(lambda: bool(window.desk.order(order_id).code))
        window.report("Something went wrong", error=True)
        chip = window.balances.chip("smsbulk")
        model = window.orders_model
        for palette in (dark_palette(), light):
            app.setPalette(palette)
            await until(lambda p=palette: css_of(ink(Tone.ERROR, p)) in chip.styleSheet())
            base = palette.color(QPalette.ColorRole.Base)
            assert is_dark(palette) == (palette is not light)
            # low: red ink on a red wash, both from this palette, and it reads
            assert contrast(ink(Tone.ERROR), wash(Tone.ERROR)) >= CONTRAST
            assert painted(chip, wash(Tone.ERROR).rgb())
            # a code arrived: green that reads on this palette's base
            row = model.row_of(order_id)
            green = model.index(row, CODE).data(Qt.ItemDataRole.ForegroundRole)
            assert green == ink(Tone.SUCCESS) and contrast(green, base) >= CONTRAST
            # the banner: its text (the palette's) on its wash
            assert css_of(wash(Tone.WARNING)) in window.banner.styleSheet()
            text = palette.color(QPalette.ColorRole.WindowText)
            assert contrast(text, wash(Tone.WARNING)) >= CONTRAST

    try:
        run_window(qloop, qtbot, tmp_path, scenario)
    finally:
        app.setPalette(light)


def css_of(colour: Any) -> str:
    return str(colour.name())


def painted(widget: QWidget, rgb: int) -> bool:
    image = widget.grab().toImage()
    return any(image.pixel(x, y) == rgb for x in range(0, image.width(), 3)
               for y in range(0, image.height(), 3))


def test_the_language_is_the_systems_unless_the_settings_choose_one(
        qapp: QApplication, tmp_path: Path) -> None:
    from PySide6.QtCore import QCoreApplication, QSettings

    from bloomdesk.app import speak
    from bloomdesk.ui import preferences
    from bloomdesk.ui.settings_dialog import SettingsDialog

    assert language.from_locale_names(["de-DE", "ru-RU"]) == "ru"
    assert language.from_locale_names(["zh-Hant-TW"]) == "zh_CN"
    assert language.from_locale_names(["fr-FR", "pt-BR"]) == "en"
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    dialog = SettingsDialog(preferences.load(settings), tray=False)
    assert dialog.language.currentData() == language.SYSTEM  # until the user chooses
    dialog.language.setCurrentIndex(dialog.language.findData("ru"))
    preferences.save(settings, dialog.preferences())
    dialog.deleteLater()
    try:
        speak(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat), None)
        assert language.current().code == "ru"
        assert QCoreApplication.translate("MainWindow", "Ready") == "Готово"
        assert money(Decimal("1.5")) == "1,50\u00a0$"  # and Russian numbers with it
        speak(settings, "zh_CN")  # bloomdesk --language zh_CN wins for that run
        assert QCoreApplication.translate("MainWindow", "Ready") == "就绪"
    finally:
        language.current().remove()
    assert QCoreApplication.translate("MainWindow", "Ready") == "Ready"
    assert money(Decimal("1.5")) == "$1.50"
