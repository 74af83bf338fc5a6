"""Colours for the history's chart, taken from the palette so that a dark theme works:
the accent (the success bars) is the palette's Highlight; the series (one per account)
go round the colour wheel from it by the golden angle, so that no account wears the
accent; each colour is made to stand out from the chart's background (Base) by at
least 3:1, the contrast WCAG asks of graphics."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

GOLDEN_ANGLE = 137.508  # degrees: successive hues as far from each other as can be
MIN_CONTRAST = 3.0


def luminance(color: QColor) -> float:
    """WCAG's relative luminance."""
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    return (0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF())
            + 0.0722 * channel(color.blueF()))


def contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def readable(color: QColor, background: QColor, at_least: float = MIN_CONTRAST) -> QColor:
    """`color`, darkened on a light background or lightened on a dark one until it
    stands out from `background` by `at_least`."""
    dark = luminance(background) < 0.18
    hue, sat, light = color.hslHueF(), color.hslSaturationF(), color.lightnessF()
    out = QColor(color)
    while contrast(out, background) < at_least and 0.0 < light < 1.0:
        light = min(1.0, light + 0.03) if dark else max(0.0, light - 0.03)
        out = QColor.fromHslF(max(hue, 0.0), sat, light)
    return out


def series_colors(palette: QPalette, count: int) -> list[QColor]:
    """`count` colours, told apart by hue, each readable on the palette's Base."""
    base = palette.color(QPalette.ColorRole.Base)
    start = palette.color(QPalette.ColorRole.Highlight).hslHueF()
    start = 0.58 if start < 0 else start  # a grey highlight has no hue: a blue
    dark = luminance(base) < 0.18
    out = []
    for n in range(1, count + 1):
        hue = (start + n * GOLDEN_ANGLE / 360) % 1.0
        out.append(readable(QColor.fromHslF(hue, 0.62, 0.66 if dark else 0.45), base))
    return out


def accent(palette: QPalette) -> QColor:
    """The colour apart from the series (the success bars): the palette's Highlight."""
    return readable(palette.color(QPalette.ColorRole.Highlight),
                    palette.color(QPalette.ColorRole.Base))
