"""The double-click app: build it with the README's command and smoke-test the bundle
(slow: about a minute of PyInstaller; CI runs it)."""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from bloomdesk.demo import LABELS

ROOT = Path(__file__).resolve().parent.parent
APP_ID = "io.bloomdesk.BloomDesk"


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux bundle")
def test_bundle_builds_and_passes_its_smoke_test() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "packaging/build.py", "--smoke-test"], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, (done.stdout[-3000:], done.stderr[-3000:])
    # every account of the demo answered (one per kind, and the Hero-SMS-like server)
    assert f"SMOKE OK: {len(LABELS)} accounts answered" in done.stdout
    folder = ROOT / "dist" / "BloomDesk"
    assert (folder / "BloomDesk").is_file() and os.access(folder / "BloomDesk", os.X_OK)
    # keyring's backends and the metadata that declares them made it in
    internal = folder / "_internal"
    assert any(internal.glob("keyring-*.dist-info/entry_points.txt"))
    bundled = (ROOT / "build" / "bloomdesk" / "PYZ-00.toc").read_text()
    for module in ("keyring.backends.SecretService", "keyring.backends.kwallet",
                   "keyring.backends.Windows", "keyring.backends.macOS", "qasync"):
        assert f"'{module}'" in bundled, module
    # Qt trimmed: no QML, no WebEngine, no GTK copied from this machine
    assert not list(internal.rglob("libQt6Qml*")) and not list(internal.rglob("*WebEngine*"))
    assert not list(internal.rglob("libgtk-3*"))
    # the window's languages: our catalogues, and of Qt's only qtbase's in them
    for lang in ("ru", "zh_CN"):
        assert (internal / "bloomdesk" / "i18n" / f"bloomdesk_{lang}.qm").is_file()
        assert list(internal.rglob(f"translations/qtbase_{lang}.qm")), lang
    assert {p.name for p in internal.rglob("translations/*.qm")} == {
        "qtbase_ru.qm", "qtbase_zh_CN.qm"}
    [tarball] = (ROOT / "dist").glob("BloomDesk-*-linux-*.tar.gz")
    with tarfile.open(tarball) as tar:
        names = tar.getnames()
    top = names[0].split("/")[0]
    for needed in (f"{top}/BloomDesk/BloomDesk", f"{top}/install.sh",
                   f"{top}/share/applications/{APP_ID}.desktop",
                   f"{top}/share/metainfo/{APP_ID}.metainfo.xml",
                   f"{top}/share/icons/hicolor/scalable/apps/{APP_ID}.svg",
                   f"{top}/share/icons/hicolor/48x48/apps/{APP_ID}.png",
                   f"{top}/share/icons/hicolor/256x256/apps/{APP_ID}.png"):
        assert needed in names, needed
