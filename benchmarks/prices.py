"""The price table: fetch, parse and load ~104k offers (194 countries x up to 811
services, the simulator's catalogue) into the window's model the way the window does
(``Provider.price_rows()`` then ``set_lists``), against ``json.loads`` of the same
payload (the floor); then the filter keystroke latency on the full table.

The simulator runs in its own process.  Its own time (building and sending 9 MB of
JSON) is in the wall time of a load; "the fetch alone" measures it (a plain GET, the
body read, nothing parsed), so that what is ours is the rest.  The keystroke time is
what one keystroke costs the window once the debounce fires: the model's selection
and the view's update (``apply_filter`` plus the event processing that repaints).
"""

from __future__ import annotations

import asyncio
import cProfile
import io
import json
import pstats
import time
from typing import Any

import httpx

from bloomdesk.providers import connect

from .common import Series, SimProcess

KIND = "bloomsms"
QUERIES = ("telegram", "whatsapp united kingdom", "google usa", "viber", "tg indon",
           "discord", "uber brazil", "amazon")


async def fetch_raw(kind: str, url: str, key: str) -> list[bytes]:
    """The whole price list as the provider sends it (every page), unparsed."""
    async with httpx.AsyncClient(timeout=60) as client:
        if kind == "bloomsms":
            got = await client.get(url + "/prices", headers={"Authorization": f"Bearer {key}"})
            return [got.content]
        if kind == "smsbulk":
            pages, cursor = [], None
            while True:
                got = await client.get(url + "/prices", headers={"X-API-Key": key},
                                       params={"limit": 5000, **({"cursor": cursor}
                                                                 if cursor else {})})
                pages.append(got.content)
                cursor = json.loads(got.content).get("nextCursor")
                if not cursor:
                    return pages
        got = await client.get(url, params={"api_key": key, "action": "getPrices"})
        return [got.content]


CPU: list[float] = []  # this process's CPU time of each load: the provider's excluded


async def load(kind: str, url: str, key: str, model: Any, label: str = "bench") -> int:
    cpu = time.process_time()
    async with connect(kind, api_key=key, base_url=url, timeout=60) as provider:
        prices = await provider.price_rows()
    model.set_lists([(label, prices)])
    CPU.append(time.process_time() - cpu)
    return len(prices)


def keystrokes(panel: Any, app: Any, queries: tuple[str, ...] = QUERIES) -> list[float]:
    """Type each query a letter at a time, then erase it; each keystroke's cost in ms."""
    times = []
    for query in queries:
        typed = [query[:n] for n in range(1, len(query) + 1)]
        erased = [query[:n] for n in range(len(query) - 1, -1, -1)]
        for text in typed + erased:
            panel.filter.blockSignals(True)
            panel.filter.setText(text)
            panel.filter.blockSignals(False)
            start = time.perf_counter()
            panel.apply_filter()
            app.processEvents()
            times.append((time.perf_counter() - start) * 1000)
    return times


def timed(coro: Any) -> tuple[float, Any]:
    start = time.perf_counter()
    out = asyncio.run(coro)
    return time.perf_counter() - start, out


def run(repeat: int) -> dict[str, object]:
    from PySide6.QtWidgets import QApplication

    from bloomdesk.ui.price_panel import PricePanel

    app = QApplication.instance() or QApplication([])
    floor = Series("json.loads of the payload", "s")
    fetch = Series("the fetch alone (the simulator's time)", "s")
    whole = Series("fetch + parse + load into the model", "s")
    keys_ms: list[float] = []
    profile_text = ""
    count = 0
    CPU.clear()
    with SimProcess("--kinds", KIND) as sim:
        url, key = sim.info["urls"][KIND], sim.info["keys"][KIND]
        payload = asyncio.run(fetch_raw(KIND, url, key))[0]
        for n in range(repeat):
            start = time.perf_counter()
            json.loads(payload)
            floor.values.append(time.perf_counter() - start)
            fetch.values.append(timed(fetch_raw(KIND, url, key))[0])
            panel = PricePanel()
            panel.resize(1200, 600)
            panel.show()
            seconds, count = timed(load(KIND, url, key, panel.model))
            whole.values.append(seconds)
            if n == repeat - 1:  # the last run is profiled, apart from the timings
                profile_text = profile(payload, url, key)
            app.processEvents()
            panel.apply_filter()
            app.processEvents()
            keys_ms += keystrokes(panel, app)
            panel.hide()
            panel.deleteLater()
            app.processEvents()
    ours = Series("the load less the fetch (ours)", "s",
                  [w - f for w, f in zip(whole.values, fetch.values, strict=True)])
    cpu = Series("the load, this process's CPU time only", "s", CPU[:len(whole.values)])
    return {"floor": floor, "fetch": fetch, "load": whole, "ours": ours, "cpu": cpu,
            "keys": Series("filter keystroke", "ms", keys_ms), "offers": count,
            "payload_mb": len(payload) / 1e6, "profile": profile_text}


def profile(payload: bytes, url: str, key: str) -> str:
    """What is ours in a load, profiled: the parse (which the load runs in a worker
    thread, where cProfile does not see it) and the model, on the fetched payload."""
    from bloomdesk.providers import PROFILES
    from bloomdesk.providers.http import Reply
    from bloomdesk.providers.price_rows import bloomsms
    from bloomdesk.ui.price_panel import PricePanel

    async def countries() -> Any:
        async with connect(KIND, api_key=key, base_url=url, timeout=60) as provider:
            return await provider.countries()

    known = asyncio.run(countries())
    panel = PricePanel()
    reply = Reply(200, payload.decode("utf-8"), None)
    profiler = cProfile.Profile()
    profiler.enable()
    panel.model.set_lists([("bench", bloomsms(reply, known, PROFILES[KIND]))])
    profiler.disable()
    panel.deleteLater()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(12)
    return trim(out.getvalue())


def trim(text: str) -> str:
    lines = [line.rstrip() for line in text.splitlines()]
    start = next((i for i, line in enumerate(lines) if line.strip().startswith("ncalls")), 0)
    return "\n".join(line.replace("/work/main/", "") for line in lines[start:] if line.strip())
