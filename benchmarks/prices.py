"""The price table: fetch, parse and load ~104k offers (194 countries x up to 811
services, the simulator's catalogue) into the window's model, against ``json.loads``
of the same payload (the floor); then the filter keystroke latency on the full table.

The simulator runs in its own process.  The keystroke time is what one keystroke costs
the window once the debounce fires: the model's selection and the view's update
(``apply_filter`` plus the event processing that repaints the table).
"""

from __future__ import annotations

import asyncio
import cProfile
import io
import json
import pstats
import time

import httpx

from bloomdesk.providers import connect

from .common import Series, SimProcess

KIND = "bloomsms"
QUERIES = ("telegram", "whatsapp united kingdom", "google usa", "viber", "tg indon",
           "discord", "uber brazil", "amazon")


async def _fetch_raw(url: str, key: str) -> bytes:
    async with httpx.AsyncClient(timeout=60) as client:
        reply = await client.get(url + "/prices", headers={"Authorization": f"Bearer {key}"})
        reply.raise_for_status()
        return reply.content


CPU: list[float] = []  # this process's CPU time of each load: the provider's excluded


async def _load(url: str, key: str, model: object) -> tuple[float, int]:
    from bloomdesk.ui.offers_model import make_rows

    start, cpu = time.perf_counter(), time.process_time()
    async with connect(KIND, api_key=key, base_url=url, timeout=60) as provider:
        offers = await provider.offers()
    rows = make_rows("bench", offers)
    model.set_rows(rows)  # type: ignore[attr-defined]
    CPU.append(time.process_time() - cpu)
    return time.perf_counter() - start, len(rows)


def _keystrokes(panel: object, app: object) -> list[float]:
    """Type each query a letter at a time, then erase it; each keystroke's cost in ms."""
    times = []
    for query in QUERIES:
        typed = [query[:n] for n in range(1, len(query) + 1)]
        erased = [query[:n] for n in range(len(query) - 1, -1, -1)]
        for text in typed + erased:
            panel.filter.blockSignals(True)  # type: ignore[attr-defined]
            panel.filter.setText(text)  # type: ignore[attr-defined]
            panel.filter.blockSignals(False)  # type: ignore[attr-defined]
            start = time.perf_counter()
            panel.apply_filter()  # type: ignore[attr-defined]
            app.processEvents()  # type: ignore[attr-defined]
            times.append((time.perf_counter() - start) * 1000)
    return times


def run(repeat: int) -> dict[str, object]:
    from PySide6.QtWidgets import QApplication

    from bloomdesk.ui.price_panel import PricePanel

    app = QApplication.instance() or QApplication([])
    floor = Series("json.loads of the payload", "s")
    load = Series("fetch + parse + load into the model", "s")
    keys_ms: list[float] = []
    profile_text = ""
    count = 0
    with SimProcess("--kinds", KIND) as sim:
        url, key = sim.info["urls"][KIND], sim.info["keys"][KIND]
        payload = asyncio.run(_fetch_raw(url, key))
        for n in range(repeat):
            start = time.perf_counter()
            json.loads(payload)
            floor.values.append(time.perf_counter() - start)
            panel = PricePanel()
            panel.resize(1200, 600)
            panel.show()
            if n == repeat - 1:  # the last run is profiled, apart from the timings
                seconds, count = asyncio.run(_load(url, key, panel.model))
                load.values.append(seconds)
                profiler = cProfile.Profile()
                panel2 = PricePanel()
                profiler.enable()
                asyncio.run(_load(url, key, panel2.model))
                profiler.disable()
                out = io.StringIO()
                pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(12)
                profile_text = _trim(out.getvalue())
                panel2.deleteLater()
            else:
                seconds, count = asyncio.run(_load(url, key, panel.model))
                load.values.append(seconds)
            app.processEvents()
            panel.apply_filter()
            app.processEvents()
            keys_ms += _keystrokes(panel, app)
            panel.hide()
            panel.deleteLater()
            app.processEvents()
    keys = Series("filter keystroke", "ms", keys_ms)
    cpu = Series("the same, this process's CPU time only", "s", CPU[:len(load.values)])
    return {"floor": floor, "load": load, "cpu": cpu, "keys": keys, "offers": count,
            "payload_mb": len(payload) / 1e6, "profile": profile_text}


def _trim(text: str) -> str:
    lines = [line.rstrip() for line in text.splitlines()]
    start = next((i for i, line in enumerate(lines) if line.strip().startswith("ncalls")), 0)
    return "\n".join(line.replace("/work/main/", "") for line in lines[start:] if line.strip())
