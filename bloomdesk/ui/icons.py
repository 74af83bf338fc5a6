"""The app icon, and the same icon with a count of active orders for the tray."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QIcon, QPainter, QPixmap

from .look import badge_colours

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
APP_ID = "io.bloomdesk.BloomDesk"

_icon: QIcon | None = None


def app_icon() -> QIcon:
    """Every PNG size of the icon (Qt picks the nearest; no SVG plugin needed)."""
    global _icon
    if _icon is None:
        _icon = QIcon()
        for png in sorted((RESOURCES / "icons" / "hicolor").glob(f"*/apps/{APP_ID}.png")):
            _icon.addFile(str(png))
    return _icon


def badge_icon(count: int, size: int = 64) -> QIcon:
    """The app icon with a red badge holding `count` (none at zero; 99+ above 99)."""
    base = app_icon().pixmap(size, size)
    if count <= 0:
        return QIcon(base)
    pixmap = QPixmap(base)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    text = str(count) if count < 100 else "99+"
    diameter = size * (0.56 if len(text) < 3 else 0.66)
    rect = QRectF(size - diameter, 0, diameter, diameter)
    painter.setPen(Qt.PenStyle.NoPen)
    fill, ink = badge_colours()
    painter.setBrush(fill)
    painter.drawEllipse(rect)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(int(diameter * (0.62 if len(text) == 1 else 0.48)))
    painter.setFont(font)
    painter.setPen(ink)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return QIcon(pixmap)
