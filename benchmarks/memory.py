"""Memory: peak RSS of the window holding one account's ~104k-offer table (or every
account's, ~520k) and 200 active orders, against a bare PySide6 QMainWindow (the
floor).  Each runs in a fresh process (peak RSS only grows); the simulator runs in a
third.

``python -m benchmarks.memory app KIND=URL=KEY[,…] ORDERS`` / ``python -m
benchmarks.memory bare`` print the peak in MB.
"""

from __future__ import annotations

import asyncio
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


def app(accounts: list[tuple[str, str, str]], orders: int) -> None:
    """The window with `orders` active orders and the prices of `accounts` ((kind, url,
    key) each), read as the window reads them (Desk.price_list, every account at once)
    and shown all together."""
    from PySide6.QtWidgets import QApplication

    from bloomdesk.core import AccountInfo, Desk, Order, OrderState
    from bloomdesk.secrets import KeyStore
    from bloomdesk.store import Store
    from bloomdesk.ui.main_window import MainWindow

    qt = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "journal.sqlite3")
        keys = KeyStore(memory_only=True)
        for kind, url, key in accounts:
            store.add_account(AccountInfo(kind, kind, url))  # orders belong to one
            keys.set(kind, key)
        now = time.time()
        for n in range(orders):
            store.new_order(Order(
                id=0, account=accounts[0][0], service="tg", country="187",
                state=OrderState.WAITING, created_at=now, price=Decimal("0.55"),
                provider_id=str(9_000_000 + n), phone=f"+1555{n:07d}",
                expires_at=now + 1200, updated_at=now))
        desk = Desk(store, keys)
        window = MainWindow(desk, confirm_buys=False, tray=False)
        window.show()

        async def load() -> list[tuple[str, object]]:
            lists = await asyncio.gather(*(desk.price_list(kind) for kind, _, _ in accounts))
            await desk.stop()
            return [(kind, pl) for (kind, _, _), pl in zip(accounts, lists, strict=True)]

        window.prices.set_lists(asyncio.run(load()))  # type: ignore[arg-type]
        for _ in range(20):
            qt.processEvents()
        assert window.orders_model.rowCount() == orders and window.prices.model.total > 0
        print(f"{peak_mb():.1f}", flush=True)
        store.close()


def _child(*args: str) -> float:
    out = subprocess.run([sys.executable, "-m", "benchmarks.memory", *args], env=env(),
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    if out.returncode != 0:
        raise RuntimeError(out.stderr[-2000:])
    return float(out.stdout.strip().splitlines()[-1])


def run(repeat: int, orders: int = 200, kinds: tuple[str, ...] = ("bloomsms",)
        ) -> dict[str, Series]:
    floor = Series("bare QMainWindow", "MB")
    full = Series(f"window, {len(kinds)} account(s) of prices, {orders} orders", "MB")
    with SimProcess("--kinds", ",".join(kinds), "--unlimited") as sim:
        spec = ",".join(f"{k}={sim.info['urls'][k]}={sim.info['keys'][k]}" for k in kinds)
        for _ in range(repeat):
            floor.values.append(_child("bare"))
            full.values.append(_child("app", spec, str(orders)))
    return {"floor": floor, "app": full}


if __name__ == "__main__":
    if sys.argv[1] == "bare":
        bare()
    else:
        app([tuple(item.split("=", 2)) for item in sys.argv[2].split(",")],  # type: ignore[misc]
            int(sys.argv[3]))
