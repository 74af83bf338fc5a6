"""30 active orders on one bloomsms key (60 requests a minute) for three minutes:
no 429, every code delivered, code-to-event latency recorded."""

from __future__ import annotations

import asyncio
import random
import statistics
import time
from pathlib import Path

import pytest

from bloomdesk.core import Desk, DeskSettings
from bloomdesk.core.events import CodeReceived
from bloomdesk.secrets import KeyStore
from bloomdesk.sim import Simulator
from bloomdesk.store import Store

KIND, KEY = "bloomsms", "sk_rate_test_key_000000001"


@pytest.mark.slow
async def test_thirty_orders_within_sixty_requests_a_minute(
        tmp_path: Path, keyring_memory: object, record_property: object) -> None:
    rng = random.Random(7)
    with Simulator() as sim:
        sim.add_account(KIND, KEY, "100.00")
        desk = Desk(Store(tmp_path / "j.sqlite3"), KeyStore(), settings=DeskSettings())
        desk.add_account(KIND, "bloom", KEY, sim.url(KIND))
        seen: dict[int, float] = {}
        desk.subscribe(lambda e: seen.setdefault(e.order.id, time.time())
                       if isinstance(e, CodeReceived) else None)
        await desk.start()
        try:
            offers = [o for o in await desk.offers("bloom", "tg") if o.stock > 5]
            offer = min(offers, key=lambda o: o.price)
            # codes arrive over the first two minutes, as real ones do (most within seconds)
            delays = [rng.choice([rng.uniform(2, 15), rng.uniform(15, 120)]) for _ in range(30)]
            sim.next_codes(KIND, *delays)
            orders = [await desk.buy("bloom", "tg", offer.country, price=offer.price)
                      for _ in range(30)]
            deadline = time.time() + 180
            while len(seen) < 30 and time.time() < deadline:
                await asyncio.sleep(0.5)
        finally:
            await desk.stop()
        stats = sim.stats(KIND)
        latencies = []
        for order in orders:
            act = sim.activation(KIND, order.provider_id or "")
            if order.id in seen and act.code_times:
                latencies.append(seen[order.id] - act.code_times[0])
    assert stats["rate_limited"] == 0, "no 429 answer"
    assert len(seen) == 30, f"{30 - len(seen)} codes never reached the app"
    summary = {"requests": stats["requests"], "p50_s": round(statistics.median(latencies), 2),
               "p95_s": round(sorted(latencies)[int(0.95 * len(latencies)) - 1], 2),
               "max_s": round(max(latencies), 2)}
    record_property("code_to_event_latency", summary)
    print(f"\nrate test: {summary}")
