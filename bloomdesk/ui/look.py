"""The window's colours, taken from the palette so that they read on a light theme and
a dark one alike, and taken again when the system's colour scheme changes.

Plain text, backgrounds and muted text are the palette's own roles (``Text``, ``Base``,
``PlaceholderText``…).  What the palette has no role for, a meaning (an error, a
low balance, a success, a warning, a favourite), is a hue made as light or as dark as
the palette's text needs to stay readable on the palette's base and window (WCAG
contrast 4.5:1 at the least), and a background wash of that hue over the base.  When
the application's palette changes (the system switched to dark, say) :class:`Look`
derives them again and tells every widget that painted with them
(:attr:`Look.changed`); models are asked for their colours at each paint.
"""

from __future__ import annotations

import enum
from functools import cache

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

CONTRAST = 4.5  # WCAG AA for text
WASH = 0.14  # how much of a tone a background takes


class Tone(enum.Enum):
    """A meaning and its hue (degrees)."""

    ERROR = 2
    WARNING = 40
    SUCCESS = 135
    FAVOURITE = 45


def luminance(colour: QColor) -> float:
    """WCAG relative luminance."""
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) \
        + 0.0722 * channel(colour.blueF())


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def is_dark(palette: QPalette | None = None) -> bool:
    """Whether the palette is a dark one (light text on a dark window)."""
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < \
        palette.color(QPalette.ColorRole.WindowText).lightness()


def ink(tone: Tone, palette: QPalette | None = None) -> QColor:
    """Text of `tone`, readable on the palette's base and window."""
    palette = palette or QGuiApplication.palette()
    return _ink(tone, palette.color(QPalette.ColorRole.Base).rgb(),
                palette.color(QPalette.ColorRole.Window).rgb(),
                palette.color(QPalette.ColorRole.Text).lightness())


@cache
def _ink(tone: Tone, base: int, window: int, text_lightness: int) -> QColor:
    darker = text_lightness < 128  # light theme: the ink goes darker until it reads
    hue, saturation = tone.value / 360, 0.8 if darker else 0.65
    lightness = 0.45 if darker else 0.6
    while True:
        colour = QColor.fromHslF(hue, saturation, max(0.0, min(1.0, lightness)))
        # on the base, the window, and its own wash (a low balance's chip)
        grounds = (QColor.fromRgb(base), QColor.fromRgb(window),
                   mix(QColor.fromRgb(base), colour, WASH))
        if min(contrast(colour, g) for g in grounds) >= CONTRAST or \
                not 0.0 < lightness < 1.0:
            return colour
        lightness += -0.02 if darker else 0.02


def wash(tone: Tone, palette: QPalette | None = None, strength: float = WASH) -> QColor:
    """A background of `tone` over the palette's base (its text stays the palette's)."""
    palette = palette or QGuiApplication.palette()
    return mix(palette.color(QPalette.ColorRole.Base), ink(tone, palette), strength)


def mix(a: QColor, b: QColor, share: float) -> QColor:
    """`share` of `b` over `a`."""
    return QColor.fromRgbF(a.redF() + (b.redF() - a.redF()) * share,
                           a.greenF() + (b.greenF() - a.greenF()) * share,
                           a.blueF() + (b.blueF() - a.blueF()) * share)


def css(colour: QColor) -> str:
    return colour.name(QColor.NameFormat.HexRgb)


def muted(palette: QPalette | None = None) -> QColor:
    """Secondary text (what an empty list says, an out-of-stock row)."""
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.PlaceholderText)


def badge_colours() -> tuple[QColor, QColor]:
    """The tray badge's disc and digits: painted on the desktop's panel, not on the
    window, so the same on every theme (white on the error hue, 5.4:1)."""
    return QColor.fromHslF(Tone.ERROR.value / 360, 0.75, 0.46), QColor.fromHslF(0, 0, 1)


def bold(widget: QWidget) -> None:
    font = widget.font()
    font.setBold(True)
    widget.setFont(font)


def tone_text(widget: QWidget, tone: Tone | None) -> None:
    """Text of `widget` in `tone` (None: the palette's own), kept so when the palette
    changes."""
    widget.setProperty("bloomdesk-tone", tone.name if tone else "")
    widget.setStyleSheet(f"color: {css(ink(tone))};" if tone else "")


class Look(QObject):
    """Tells the widgets that derive colours from the palette to derive them again."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._later = QTimer(self)  # one change told once, after the palette settled
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(self._retone)
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        if isinstance(app, QGuiApplication):
            app.styleHints().colorSchemeChanged.connect(self._scheme_changed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is QCoreApplication.instance() and \
                event.type() == QEvent.Type.ApplicationPaletteChange:
            self._later.start()
        return False

    def _scheme_changed(self, *_: object) -> None:
        fit_style()
        self._later.start()

    def _retone(self) -> None:
        for widget in QApplication.allWidgets():
            name = widget.property("bloomdesk-tone")
            if name:
                tone_text(widget, Tone[str(name)])
        self.changed.emit()


_look: list[Look] = []


def look() -> Look:
    """The application's one Look (made with the first widget that asks)."""
    if not _look:
        _look.append(Look(QCoreApplication.instance()))
    return _look[0]


def fit_style() -> None:
    """Windows' classic style ("windowsvista") paints light whatever the system says:
    in a dark session, Fusion, which follows the system's dark palette."""
    app = QCoreApplication.instance()
    if isinstance(app, QApplication) and \
            app.styleHints().colorScheme() == Qt.ColorScheme.Dark and \
            app.style().name().lower() == "windowsvista":
        app.setStyle("Fusion")



def dark_palette() -> QPalette:
    """A dark palette as Fusion paints one on a dark desktop, for a session whose
    platform reports no scheme (a bare X server: the screenshots, the tests)."""
    def grey(lightness: int) -> QColor:
        return QColor.fromHsl(0, 0, lightness)

    palette = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    for name, colour in ((role.Window, grey(45)), (role.WindowText, grey(232)),
                         (role.Base, grey(31)), (role.AlternateBase, grey(42)),
                         (role.Text, grey(232)), (role.Button, grey(58)),
                         (role.ButtonText, grey(232)), (role.BrightText, grey(255)),
                         (role.Highlight, QColor.fromHsl(220, 160, 120)),
                         (role.HighlightedText, grey(255)),
                         (role.Link, QColor.fromHsl(218, 200, 190)),
                         (role.ToolTipBase, grey(58)), (role.ToolTipText, grey(232)),
                         (role.PlaceholderText, grey(154)), (role.Light, grey(74)),
                         (role.Midlight, grey(63)), (role.Mid, grey(42)), (role.Dark, grey(26)),
                         (role.Shadow, grey(0))):
        palette.setColor(name, colour)
    for name in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(group.Disabled, name, grey(122))
    return palette
