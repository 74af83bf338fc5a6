"""The marks that tell clipboard managers and cloud clipboards a copy is a secret.

- KDE (Klipper) and the Wayland/X11 tools that follow it: ``x-kde-passwordManagerHint:
  secret``.
- Windows: the registered formats ``ExcludeClipboardContentFromMonitorProcessing``
  (present: history and monitors skip it), ``CanIncludeInClipboardHistory`` and
  ``CanUploadToCloudClipboard`` (a DWORD 0: not in Win+V history, not synced).  Qt
  writes a MIME type ``application/x-qt-windows-mime;value="<name>"`` as the
  registered clipboard format of that name.
- macOS: the pasteboard type ``org.nspasteboard.ConcealedType`` (nspasteboard.org),
  which password managers and clipboard tools honour.  Qt maps an unknown MIME type to
  a private UTI, so where PySide6 offers Qt's UTI converter a small one maps our MIME
  type to the real type; elsewhere the mark is simply not understood.
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QMimeData

log = logging.getLogger(__name__)

KDE_HINT = "x-kde-passwordManagerHint"
MAC_CONCEALED_MIME = "application/x-nspasteboard-concealed-type"
MAC_CONCEALED_UTI = "org.nspasteboard.ConcealedType"
_DWORD_ZERO = b"\x00\x00\x00\x00"


def windows_format(name: str) -> str:
    return f'application/x-qt-windows-mime;value="{name}"'


MARKS: dict[str, bytes] = {
    KDE_HINT: b"secret",
    windows_format("ExcludeClipboardContentFromMonitorProcessing"): b"\x01",
    windows_format("CanIncludeInClipboardHistory"): _DWORD_ZERO,
    windows_format("CanUploadToCloudClipboard"): _DWORD_ZERO,
    MAC_CONCEALED_MIME: b"1",
}


def secret_mime(text: str) -> QMimeData:
    """The text, marked secret for every system's clipboard tools."""
    mime = QMimeData()
    mime.setText(text)
    for name, value in MARKS.items():
        mime.setData(name, value)
    return mime


_converter: object | None = None


def install_mac_converter() -> None:
    """On macOS, map MAC_CONCEALED_MIME to the real pasteboard type (once)."""
    global _converter
    if sys.platform != "darwin" or _converter is not None:
        return
    from PySide6 import QtGui

    base = getattr(QtGui, "QUtiMimeConverter", None)
    if base is None:
        log.info("No UTI converter in this PySide6: the macOS concealed mark is not set")
        return

    class Concealed(base):  # type: ignore[misc, valid-type]
        def mimeForUti(self, uti: str) -> str:  # noqa: N802 - Qt's names
            return MAC_CONCEALED_MIME if uti == MAC_CONCEALED_UTI else ""

        def utiForMime(self, mime: str) -> str:  # noqa: N802
            return MAC_CONCEALED_UTI if mime == MAC_CONCEALED_MIME else ""

        def canConvert(self, mime: str, uti: str) -> bool:  # noqa: N802
            return mime == MAC_CONCEALED_MIME and uti == MAC_CONCEALED_UTI

        def convertFromMime(self, mime: str, data: object, uti: str) -> list[bytes]:  # noqa: N802
            return [b"1"]

        def convertToMime(self, mime: str, data: object, uti: str) -> object:  # noqa: N802
            return b"1"

    _converter = Concealed()
