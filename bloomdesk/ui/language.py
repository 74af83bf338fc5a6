"""Which language the window speaks, and loading it: BloomDesk's catalogue
(``bloomdesk/i18n/bloomdesk_<code>.qm``, compiled from the ``.ts`` sources by
``scripts/translations.py``) and Qt's own (``qtbase_<code>.qm``: the standard buttons,
Yes, No, Cancel, the line edit's menu), both installed before the first widget.

The language is the system's (its UI languages, in the user's order of preference)
unless Settings names one; English where the system's is none of ours.  Numbers,
money and dates follow the system's locale, or the chosen language's when one is
chosen (a Russian window with a Russian decimal comma).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ..i18n import CATALOGUES

log = logging.getLogger(__name__)

# code -> the language's own name (shown as is in the Settings: a user who cannot read
# the current language still finds theirs)
LANGUAGES = {"en": "English", "ru": "Русский", "zh_CN": "简体中文"}
SYSTEM = ""  # the preference's value for "as the system says"
# the names providers' country lists carry (Provider.countries(language=…))
PROVIDER_LANGUAGES = {"en": "eng", "ru": "rus", "zh_CN": "chn"}


def from_locale_names(names: Iterable[str]) -> str:
    """Ours of the user's preferred languages ("ru-RU", "zh-Hans-CN"…), else English."""
    for name in names:
        lang = name.replace("_", "-").split("-")[0].lower()
        if lang == "ru":
            return "ru"
        if lang == "zh":  # Simplified is the one we have: closer than English to zh-TW
            return "zh_CN"
        if lang == "en":
            return "en"
    return "en"


def choose(preference: str = SYSTEM) -> str:
    """The language to speak: the preference where it names one of ours, else the
    system's."""
    if preference in LANGUAGES:
        return preference
    return from_locale_names(QLocale.system().uiLanguages())


def qt_catalogues() -> list[Path]:
    """Where Qt's own ``qtbase_*.qm`` may be: Qt's translations folder (the wheel's, or
    the bundle's copy beside PySide6)."""
    import PySide6

    places = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
              Path(PySide6.__file__).resolve().parent / "Qt" / "translations"]
    return [p for i, p in enumerate(places) if p not in places[:i]]


@dataclass
class Installed:
    """The language in use and its translators (kept alive: Qt does not own them)."""

    code: str
    translators: list[QTranslator] = field(default_factory=list)
    locale: QLocale | None = None  # the default locale before, where this one changed it

    @property
    def provider_language(self) -> str:
        return PROVIDER_LANGUAGES.get(self.code, "eng")

    def remove(self) -> None:
        """Back to English (tests that change the language put it back)."""
        for translator in self.translators:
            QCoreApplication.removeTranslator(translator)
        self.translators.clear()
        if self.locale is not None:
            QLocale.setDefault(self.locale)
            self.locale = None


_current = Installed("en")


def current() -> Installed:
    """The language installed last (English until one is)."""
    return _current


def install(code: str, *, locale: bool = True) -> Installed:
    """Load `code`'s catalogues into the application (English loads none).  `locale`:
    numbers and dates in that language's locale too (when the user chose it, or a test
    does); else the system's."""
    global _current
    _current.remove()
    made = Installed(code if code in LANGUAGES else "en")
    if made.code != "en":
        ours = QTranslator()
        if ours.load(str(CATALOGUES / f"bloomdesk_{made.code}.qm")):
            made.translators.append(ours)
        for folder in qt_catalogues():
            qt = QTranslator()
            if qt.load(f"qtbase_{made.code}", str(folder)):
                made.translators.append(qt)
                break
        for translator in made.translators:
            QCoreApplication.installTranslator(translator)
        log.info("Speaking %s: %s", made.code, ", ".join(
            t.filePath() for t in made.translators) or "no catalogue found")
    # A bare C locale (LANG=C, a container) writes money as "4.20$" with no digit
    # groups: there, too, the language's own locale reads better.
    if locale or QLocale.system().language() == QLocale.Language.C:
        made.locale = QLocale()
        QLocale.setDefault(QLocale("en_US" if made.code == "en" else made.code))
    _current = made
    return made
