"""Startup: process start to the main window shown with the demo's data loaded, against
a bare PySide6 QMainWindow started the same way (the floor).

The app is `bloomdesk --smoke-test` (the demo: simulator in-process, five accounts,
the first account's ~104k prices); it prints "SMOKE OK … X s after the window opened"
when every account has answered and the prices are shown.  The floor is a process that
imports PySide6, shows an empty QMainWindow and prints READY once it is exposed.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time

from .common import ROOT, Series, env

BARE = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.resize(1280, 820); w.show()
while not w.windowHandle().isExposed():
    app.processEvents()
app.processEvents()
print("READY", flush=True)
"""


def _time_until(cmd: list[str], marker: str) -> tuple[float, str]:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            env=env(), cwd=ROOT)
    assert proc.stdout is not None
    for line in proc.stdout:
        if marker in line:
            elapsed = time.perf_counter() - start
            proc.wait(60)
            return elapsed, line.strip()
    proc.wait(60)
    raise RuntimeError(f"{cmd[-1]!r} ended without {marker!r}")


def bare() -> float:
    return _time_until([sys.executable, "-c", BARE], "READY")[0]


def app() -> tuple[float, float]:
    """(to the window shown, to the data loaded) in seconds."""
    total, line = _time_until([sys.executable, "-m", "bloomdesk.app", "--smoke-test"],
                              "SMOKE OK")
    after = re.search(r"([\d.]+) s after the window opened", line)
    loading = float(after.group(1)) if after else 0.0
    return total - loading, total


def run(repeat: int) -> dict[str, Series]:
    floor = Series("bare QMainWindow shown", "s")
    shown = Series("BloomDesk window shown", "s")
    loaded = Series("BloomDesk window with demo data loaded", "s")
    bare()  # warm the file cache for both
    for _ in range(repeat):
        floor.values.append(bare())
        window, data = app()
        shown.values.append(window)
        loaded.values.append(data)
    return {"floor": floor, "shown": shown, "loaded": loaded}
