"""Render the app icon's PNG sizes from its SVG: `python scripts/make_icons.py`.

Writes the freedesktop hicolor tree under ``bloomdesk/resources/icons`` (used by the
window, the tray and the Linux bundle), plus ``.ico`` and ``.icns`` for the Windows and
macOS bundles.  Run it again after changing ``bloomdesk/resources/bloomdesk.svg``.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent / "bloomdesk" / "resources"
APP_ID = "io.bloomdesk.BloomDesk"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main() -> None:
    _app = QGuiApplication([])
    svg = ROOT / "bloomdesk.svg"
    renderer = QSvgRenderer(str(svg))
    icons = ROOT / "icons" / "hicolor"
    scalable = icons / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(svg, scalable / f"{APP_ID}.svg")
    for size in SIZES:
        folder = icons / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        render(renderer, size).save(str(folder / f"{APP_ID}.png"))
    # Qt writes .ico (Windows); .icns needs Qt's icns plugin, present in PySide6 wheels
    render(renderer, 256).save(str(ROOT / "bloomdesk.ico"))
    if not render(renderer, 512).save(str(ROOT / "bloomdesk.icns")):
        print("no icns writer here: bloomdesk.icns not made")
    print(f"icons written under {ROOT}")


if __name__ == "__main__":
    main()
