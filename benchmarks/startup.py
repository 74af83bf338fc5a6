"""Startup, timed from outside from the process start, against a bare PySide6
QMainWindow started the same way (the floor):

- the demo's cold start to its window shown (``SMOKE SHOWN``: the first paint, before
  the simulator is even built) and to its data loaded (``SMOKE OK``: every account
  answered, fresh prices shown);
- a warm start: five accounts on ``python -m bloomdesk.sim`` in its own process, their
  last prices kept, to a painted price table (``--smoke-test --until shown
  --state-dir X``: the cached prices painted).

Every module is byte-compiled first, as an installed app has it (this environment
sets PYTHONDONTWRITEBYTECODE, so otherwise each start would compile ~40 of ours).
"""

from __future__ import annotations

import compileall
import subprocess
import sys
import time

from .common import ROOT, Series, env
from .warm import WarmState

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


def _times(cmd: list[str], markers: tuple[str, ...], environ: dict[str, str] | None = None
           ) -> dict[str, float]:
    """Seconds from the spawn to each marker's first line."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            env=environ or env(), cwd=ROOT)
    assert proc.stdout is not None
    seen: dict[str, float] = {}
    for line in proc.stdout:
        for marker in markers:
            if marker in line and marker not in seen:
                seen[marker] = time.perf_counter() - start
    proc.wait(120)
    if len(seen) < len(markers):
        raise RuntimeError(f"{cmd[-1]!r} ended without {set(markers) - set(seen)}")
    return seen


def bare() -> float:
    return _times([sys.executable, "-c", BARE], ("READY",))["READY"]


def demo() -> tuple[float, float]:
    """(to the window shown, to the data loaded) in seconds."""
    seen = _times([sys.executable, "-m", "bloomdesk.app", "--smoke-test"],
                  ("SMOKE SHOWN", "SMOKE OK"))
    return seen["SMOKE SHOWN"], seen["SMOKE OK"]


def warm(state: WarmState) -> float:
    return _times([sys.executable, "-m", "bloomdesk.app", "--smoke-test", "--until", "shown",
                   "--state-dir", str(state.dir)], ("SMOKE OK",), state.env())["SMOKE OK"]


def run(repeat: int) -> dict[str, Series]:
    compileall.compile_dir(str(ROOT / "bloomdesk"), quiet=1)
    floor = Series("bare QMainWindow shown", "s")
    shown = Series("demo, cold: window shown", "s")
    loaded = Series("demo, cold: every account answered, fresh prices shown", "s")
    painted = Series("warm: five accounts, cached prices painted", "s")
    with WarmState() as state:
        state.fill()
        bare()  # warm the file cache for all
        warm(state)
        for _ in range(repeat):
            floor.values.append(bare())
            window, data = demo()
            shown.values.append(window)
            loaded.values.append(data)
            painted.values.append(warm(state))
    return {"floor": floor, "shown": shown, "loaded": loaded, "warm": painted}
