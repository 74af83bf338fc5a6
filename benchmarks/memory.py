"""Memory: peak RSS of the window holding the ~104k-offer table and 200 active orders,
against a bare PySide6 QMainWindow (the floor).  Each runs in a fresh process (peak
RSS only grows); the simulator runs in a third.

``python -m benchmarks.memory app URL KEY`` / ``python -m benchmarks.memory bare`` print
the peak in MB.
"""

from __future__ import annotations

import asyncio
import gc
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from .common import ROOT, Series, SimProcess, env


def peak_mb() -> float:
    """This process's peak RSS.  VmHWM, not getrusage: ru_maxrss survives exec on
    Linux, so a child would report its parent's peak."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bare() -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1280, 820)
    window.show()
    for _ in range(20):
        app.processEvents()
    print(f"{peak_mb():.1f}", flush=True)


def app(url: str, key: str, orders: int) -> None:
    from PySide6.QtWidgets import QApplication

    from bloomdesk.core import AccountInfo, Desk, Order, OrderState
    from bloomdesk.secrets import KeyStore
    from bloomdesk.store import Store
    from bloomdesk.ui.main_window import MainWindow
    from bloomdesk.ui.offers_model import make_rows

    qt = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "journal.sqlite3")
        store.add_account(AccountInfo("bloomsms", "bloomsms", url))  # orders belong to one
        keys = KeyStore(memory_only=True)
        keys.set("bloomsms", key)
        now = time.time()
        for n in range(orders):
            store.new_order(Order(
                id=0, account="bloomsms", service="tg", country="187",
                state=OrderState.WAITING, created_at=now, price=Decimal("0.55"),
                provider_id=str(9_000_000 + n), phone=f"+1555{n:07d}",
                expires_at=now + 1200, updated_at=now))
        desk = Desk(store, keys)
        window = MainWindow(desk, confirm_buys=False, tray=False)
        window.show()

        async def load() -> tuple[int, list[object]]:
            offers = await desk.offers("bloomsms")
            await desk.stop()
            return len(offers), make_rows("bloomsms", offers)

        count, rows = asyncio.run(load())
        window.prices.set_rows(rows)
        gc.freeze()  # as the window does after loading
        for _ in range(20):
            qt.processEvents()
        assert window.orders_model.rowCount() == orders and window.prices.model.total == count
        print(f"{peak_mb():.1f}", flush=True)
        store.close()


def _child(*args: str) -> float:
    out = subprocess.run([sys.executable, "-m", "benchmarks.memory", *args], env=env(),
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    if out.returncode != 0:
        raise RuntimeError(out.stderr[-2000:])
    return float(out.stdout.strip().splitlines()[-1])


def run(repeat: int, orders: int = 200) -> dict[str, Series]:
    floor = Series("bare QMainWindow", "MB")
    full = Series(f"window, 104k offers, {orders} orders", "MB")
    with SimProcess("--kinds", "bloomsms") as sim:
        url, key = sim.info["urls"]["bloomsms"], sim.info["keys"]["bloomsms"]
        for _ in range(repeat):
            floor.values.append(_child("bare"))
            full.values.append(_child("app", url, key, str(orders)))
    return {"floor": floor, "app": full}


if __name__ == "__main__":
    if sys.argv[1] == "bare":
        bare()
    else:
        app(sys.argv[2], sys.argv[3], int(sys.argv[4]))
