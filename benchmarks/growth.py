"""How each figure grows with the catalogue: 10k, 100k and 500k offers.

The payloads are BloomSMS price lists made from the simulator's catalogue (cut to
10k; repeated with new service codes up to 500k), parsed the way the app parses them
(``price_rows.bloomsms``, no HTTP: the provider's time is not ours) and loaded into
the model; keystrokes as in prices.py; peak memory in a fresh process
(``python -m benchmarks.growth child N`` prints it in MB).
"""

from __future__ import annotations

import gc
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from .common import ROOT, Series, env, percentile

SIZES = (10_000, 100_000, 500_000)


def payload(size: int) -> tuple[str, list[Any]]:
    from bloomdesk.domain import Country
    from bloomdesk.sim.catalogue import default_catalogue

    cat = default_catalogue()
    ids = {c.iso: str(c.canonical_id) for c in cat.countries}
    base = [(ids[iso], code, cat.services[code], f"{offer.price:.2f}", offer.stock)
            for (iso, code), offer in cat.offers.items()]
    rows = []
    for n in range(size):
        cid, code, name, price, stock = base[n % len(base)]
        lap = n // len(base)
        rows.append({"country": cid, "service": f"{code}{lap or ''}",
                     "name": f"{name} {lap}" if lap else name, "price": price, "stock": stock})
    text = json.dumps({"status": "success", "data": {"prices": rows}, "errors": None})
    countries = [Country(str(c.canonical_id), c.name, c.iso) for c in cat.countries]
    return text, countries


def parse(text: str, countries: list[Any]) -> Any:
    from bloomdesk.providers import PROFILES
    from bloomdesk.providers.http import Reply
    from bloomdesk.providers.price_rows import bloomsms

    return bloomsms(Reply(200, text, None), countries, PROFILES["bloomsms"])


def child(path: str) -> None:
    """The payload's text read, then parsed and shown: the peak before and after."""
    from PySide6.QtWidgets import QApplication

    from bloomdesk.domain import Country
    from bloomdesk.sim.catalogue import default_catalogue
    from bloomdesk.ui.price_panel import PricePanel

    from .memory import peak_mb

    app = QApplication(sys.argv[:1])
    panel = PricePanel()
    panel.resize(1200, 600)
    panel.show()
    for _ in range(5):
        app.processEvents()
    countries = [Country(str(c.canonical_id), c.name, c.iso)
                 for c in default_catalogue().countries]
    text = Path(path).read_text(encoding="utf-8")
    gc.collect()
    before = rss_mb()
    panel.set_lists([("bench", parse(text, countries))])
    for _ in range(20):
        app.processEvents()
    # the payload's text is what the HTTP layer hands over: counted in `before`; the
    # peak above it is the parse's and the model's
    print(f"{peak_mb():.1f} {before:.1f}", flush=True)


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def run(repeat: int) -> dict[int, dict[str, Series]]:
    from PySide6.QtWidgets import QApplication

    from bloomdesk.ui.price_panel import PricePanel

    from .prices import keystrokes

    app = QApplication.instance() or QApplication([])
    out: dict[int, dict[str, Series]] = {}
    for size in SIZES:
        text, countries = payload(size)
        floor, load, keys = (Series("json.loads", "s"), Series("parse + model", "s"),
                             Series("keystroke", "ms"))
        for _ in range(repeat):
            start = time.perf_counter()
            json.loads(text)
            floor.values.append(time.perf_counter() - start)
            panel = PricePanel()
            panel.resize(1200, 600)
            panel.show()
            start = time.perf_counter()
            panel.set_lists([("bench", parse(text, countries))])
            load.values.append(time.perf_counter() - start)
            app.processEvents()
            keys.values += keystrokes(panel, app, ("telegram", "whatsapp united kingdom"))
            panel.hide()
            panel.deleteLater()
            app.processEvents()
        with tempfile.TemporaryDirectory() as tmp:
            (Path(tmp) / "prices.json").write_text(text, encoding="utf-8")
            done = subprocess.run([sys.executable, "-m", "benchmarks.growth", "child",
                                   str(Path(tmp) / "prices.json")], env=env(), cwd=ROOT,
                                  capture_output=True, text=True, timeout=300)
        if done.returncode != 0:
            raise RuntimeError(done.stderr[-2000:])
        peak, before = map(float, done.stdout.split())
        out[size] = {"floor": floor, "load": load, "keys": keys,
                     "mb": Series("peak RSS, parse and model", "MB", [peak - before])}
    return out


def p95(series: Series) -> float:
    return percentile(series.values, 95)


if __name__ == "__main__":
    child(sys.argv[2])
