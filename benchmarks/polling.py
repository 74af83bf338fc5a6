"""Polling: 200 active orders across three accounts, each within its documented or
assumed limit (BloomSMS 60/min, one request per order; SMSBulk 120/min, one list call
for all; SMS-Activate compatible, assumed 60/min, one list call where the server has
getActiveActivations), with codes arriving at random times.

Measured in the real window on a qasync loop, the simulator in its own process:
requests per delivered code, 429 answers, code-to-screen latency (the code's arrival
at the provider to the window's codes pane) against the poll interval, and the longest
stall of the event loop (a 10 ms timer's worst lateness).
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from .common import SimProcess, percentile

KINDS = ("bloomsms", "smsbulk", "sms-activate")


def run(orders: int = 200, spread: tuple[float, float] = (5.0, 35.0),
        limit: float = 150.0) -> dict[str, Any]:
    import qasync
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from bloomdesk.core import AccountInfo, Desk, DeskSettings, Order, OrderState
    from bloomdesk.secrets import KeyStore
    from bloomdesk.store import Store
    from bloomdesk.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    per_kind = [orders // len(KINDS) + (1 if i < orders % len(KINDS) else 0)
                for i in range(len(KINDS))]
    result: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp, \
            SimProcess("--kinds", ",".join(KINDS), "--orders", str(max(per_kind))) as sim:
        store = Store(Path(tmp) / "journal.sqlite3")
        keys = KeyStore(memory_only=True)
        for kind in KINDS:  # the accounts first: an order belongs to one
            store.add_account(AccountInfo(kind, kind, sim.info["urls"][kind]))
            keys.set(kind, sim.info["keys"][kind])
        kept: dict[str, int] = dict.fromkeys(KINDS, 0)
        for info in sim.info["orders"]:  # the orders, as if bought a moment ago
            kind = info["kind"]
            if kept[kind] >= per_kind[KINDS.index(kind)]:
                continue
            kept[kind] += 1
            store.new_order(Order(
                id=0, account=kind, service=info["service"], country=info["iso"],
                state=OrderState.WAITING, created_at=time.time(),
                price=Decimal(info["price"]), provider_id=info["id"], phone=info["phone"],
                expires_at=info["expires"], updated_at=time.time()))
        desk = Desk(store, keys, settings=DeskSettings(timeout=20))
        window = MainWindow(desk, confirm_buys=False, tray=False)
        window.show()
        seen: dict[str, float] = {}
        window.bridge.codeReceived.connect(
            lambda order: seen.setdefault(f"{order.account}:{order.provider_id}", time.time()))
        stalls: list[float] = []
        last = [time.perf_counter()]

        def tick() -> None:
            now = time.perf_counter()
            stalls.append(now - last[0] - 0.010)
            last[0] = now

        probe = QTimer()
        probe.setInterval(10)
        probe.timeout.connect(tick)
        wanted = sum(per_kind)

        async def main() -> None:
            before = sim.ask("stats")
            arrivals = sim.ask(f"go {spread[0]} {spread[1]}")
            mine = {f"{o.account}:{o.provider_id}" for o in desk.open_orders()}
            arrivals = {k: v for k, v in arrivals.items() if k in mine}
            await desk.start()
            window.start(refresh=False)
            last[0] = time.perf_counter()
            probe.start()
            started = time.monotonic()
            while len(seen) < wanted and time.monotonic() - started < limit:
                await asyncio.sleep(0.1)
            probe.stop()
            after = sim.ask("stats")
            await window.shutdown()
            await desk.stop()
            latency = {kind: [seen[k] - t for k, t in arrivals.items()
                              if k.startswith(kind + ":") and k in seen] for kind in KINDS}
            result.update(
                orders=wanted, delivered=len(seen), seconds=time.monotonic() - started,
                requests={k: after[k]["requests"] - before[k]["requests"] for k in KINDS},
                rate_limited={k: after[k]["rate_limited"] - before[k]["rate_limited"]
                              for k in KINDS},
                latency=latency, stall_ms=max(stalls, default=0.0) * 1000,
                stall_p99_ms=percentile(stalls, 99) * 1000,
                interval=desk.settings.fast_interval,
                per_kind=dict(zip(KINDS, per_kind, strict=True)))

        loop = qasync.QEventLoop(app)
        asyncio.set_event_loop(loop)
        try:
            loop.run_until_complete(main())
        finally:
            window.hide()
            window.deleteLater()
            store.close()
            asyncio.set_event_loop(None)
            loop.close()
    result["when"] = datetime.now(UTC).isoformat(timespec="seconds")
    return result
