"""A copied code carries the marks that keep it out of clipboard histories and cloud
clipboards on every OS, and is cleared only while it is still ours."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from bloomdesk.ui.codes import SecretClipboard
from bloomdesk.ui.secret_marks import MAC_CONCEALED_MIME, windows_format


def test_a_copied_code_is_marked_secret_for_every_system(qapp: QApplication,
                                                         qtbot: Any) -> None:
    clip = SecretClipboard(0)
    clip.copy("482910")
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.text() == "482910"
    assert bytes(mime.data("x-kde-passwordManagerHint")) == b"secret"  # KDE, wl-clip
    formats = set(mime.formats())
    assert windows_format("ExcludeClipboardContentFromMonitorProcessing") in formats
    for name in ("CanIncludeInClipboardHistory", "CanUploadToCloudClipboard"):
        assert bytes(mime.data(windows_format(name))) == b"\x00\x00\x00\x00"  # DWORD 0
    assert MAC_CONCEALED_MIME in formats  # org.nspasteboard.ConcealedType on macOS
    clip.clear_if_ours()
    assert QGuiApplication.clipboard().text() == ""
