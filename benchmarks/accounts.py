"""Every account at once: the "All accounts" view over the demo's five kinds of
account (~520k offers), loaded as the window loads it (each account's
``price_rows()`` at once, then one ``set_lists``), against ``json.loads`` of the five
payloads one after another (the floor); then keystrokes over all of them, and the
peak memory of a window showing them (memory.py, in its own process).
"""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

from bloomdesk.providers import connect

from . import memory
from .common import Series, SimProcess
from .prices import CPU, fetch_raw, keystrokes, timed

KINDS = ("bloomsms", "smsbulk", "sms-activate", "bloomsms-legacy", "smsbulk-legacy")


async def load_all(info: dict[str, Any], model: Any) -> tuple[int, list[Any]]:
    cpu = time.process_time()

    async def one(kind: str) -> Any:
        async with connect(kind, api_key=info["keys"][kind], base_url=info["urls"][kind],
                           timeout=120) as provider:
            return await provider.price_rows()

    lists = list(zip(KINDS, await asyncio.gather(*(one(kind) for kind in KINDS)),
                     strict=True))
    model.set_lists(lists)
    CPU.append(time.process_time() - cpu)
    return sum(len(pl) for _, pl in lists), lists


def best_view(panel: Any, lists: list[Any], app: Any) -> tuple[float, int, list[float]]:
    """The best view (a row per route) over the same lists, as the window builds it:
    its build time, its rows, and keystrokes over it."""
    from bloomdesk.ui.best import best_lists

    start = time.perf_counter()
    rows, others = best_lists(lists)
    panel.model.set_lists(rows, others)
    built = time.perf_counter() - start
    app.processEvents()
    return built, sum(len(pl) for _, pl in rows), keystrokes(panel, app)


async def fetch_all(info: dict[str, Any]) -> list[list[bytes]]:
    return list(await asyncio.gather(*(fetch_raw(k, info["urls"][k], info["keys"][k])
                                       for k in KINDS)))


def run(repeat: int, memory_repeat: int) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication

    from bloomdesk.ui.price_panel import PricePanel

    app = QApplication.instance() or QApplication([])
    floor = Series("5 × json.loads of the payloads", "s")
    fetch = Series("the five fetches alone, at once (the simulator's time)", "s")
    whole = Series("five fetches, parses and one load into the model", "s")
    keys_ms: list[float] = []
    best_ms: list[float] = []
    best_build = Series("the best view built from the loaded lists", "s")
    routes = count = 0
    CPU.clear()
    # unlimited: each load of SMSBulk is 22 pages, on one wallet with its compatible API
    with SimProcess("--kinds", ",".join(KINDS), "--unlimited") as sim:
        payloads = [p for pages in asyncio.run(fetch_all(sim.info)) for p in pages]
        for _ in range(repeat):
            start = time.perf_counter()
            for payload in payloads:
                json.loads(payload)
            floor.values.append(time.perf_counter() - start)
            fetch.values.append(timed(fetch_all(sim.info))[0])
            panel = PricePanel()
            panel.resize(1200, 600)
            panel.show()
            seconds, (count, lists) = timed(load_all(sim.info, panel.model))
            whole.values.append(seconds)
            app.processEvents()
            keys_ms += keystrokes(panel, app)
            built, routes, typed = best_view(panel, lists, app)
            best_build.values.append(built)
            best_ms += typed
            panel.hide()
            panel.deleteLater()
            app.processEvents()
    mem = memory.run(memory_repeat, 200, KINDS)
    ours = Series("the load less the fetches (ours)", "s",
                  [w - f for w, f in zip(whole.values, fetch.values, strict=True)])
    return {"floor": floor, "fetch": fetch, "load": whole, "ours": ours,
            "cpu": Series("the load, this process's CPU time only", "s", list(CPU)),
            "keys": Series("filter keystroke", "ms", keys_ms), "offers": count,
            "best_keys": Series("filter keystroke, best view", "ms", best_ms),
            "best_build": best_build, "routes": routes,
            "payload_mb": sum(map(len, payloads)) / 1e6, "mem_floor": mem["floor"],
            "mem": mem["app"]}
