"""``python -m benchmarks``: run every benchmark, several times, and write RESULTS.md.

``--quick`` is the variant CI runs (smaller sizes, one repeat, no goals judged) so the
benchmarks cannot rot; its report goes to a file of your choice (``--output``), never
over the recorded results unless asked.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .common import Series, machine, percentile

HERE = Path(__file__).resolve().parent


def verdict(ok: bool, quick: bool) -> str:
    return "not judged (quick run)" if quick else ("**met**" if ok else "**missed**")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--quick", action="store_true",
                        help="small sizes, one run each, no goals judged (what CI runs)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--output", default=None,
                        help="where to write the report (default benchmarks/RESULTS.md; "
                        "a quick run writes nothing unless given)")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    _app = QApplication.instance() or QApplication(sys.argv[:1])
    from . import memory, polling, prices, startup

    quick = args.quick
    repeat = 1 if quick else args.repeat
    began = time.monotonic()
    log = print
    log("startup…", flush=True)
    start = startup.run(repeat)
    log("price table…", flush=True)
    table = prices.run(max(1, repeat if quick else 3))
    log("polling…", flush=True)
    poll = polling.run(30, (2.0, 6.0), 60.0) if quick else polling.run()
    log("memory…", flush=True)
    mem = memory.run(1 if quick else 3, 30 if quick else 200)
    took = time.monotonic() - began
    report = render(start, table, poll, mem, quick=quick, repeat=repeat, took=took)
    output = args.output or (None if quick else str(HERE / "RESULTS.md"))
    previous = HERE / "RESULTS.md"
    if output and Path(output) == previous and previous.exists():
        # the bundle's section is measured by packaging/build.py --record: keep it
        bundle = previous.read_text(encoding="utf-8").split("## 5. Bundle", 1)
        if len(bundle) == 2:
            report += "\n## 5. Bundle" + bundle[1]
    if output:
        Path(output).write_text(report, encoding="utf-8")
        log(f"wrote {output} ({took:.0f} s)")
    else:
        log(report)
    return 0


def render(start: dict[str, Series], table: dict[str, Any], poll: dict[str, Any],
           mem: dict[str, Series], *, quick: bool, repeat: int, took: float) -> str:
    m = machine()
    lines = ["# Benchmark results", "",
             "Written by `python -m benchmarks` (this file is its latest output; the notes "
             "under each table are kept in `benchmarks/notes.md` and copied in).", "",
             f"- date: {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')}",
             f"- machine: {m['cpu']}, {m['cores']} cores; {m['os']}",
             f"- Python {m['python']}, PySide6 {m['pyside6']}, Qt offscreen platform",
             f"- runs: {repeat} of each (polling: one long run); whole command "
             f"{took:.0f} s" + (" — QUICK variant, sizes reduced" if quick else ""),
             "- every ratio below compares numbers measured in this same run", ""]
    notes = _notes()

    # 1. startup
    floor, shown, loaded = start["floor"], start["shown"], start["loaded"]
    r_loaded = loaded.median / floor.median
    r_shown = shown.median / floor.median
    lines += ["## 1. Startup", "",
              "| measure | median | spread |", "| --- | --- | --- |",
              *(f"| {s.name} | {s.cell()} | {s.spread()} |" for s in (floor, shown, loaded)),
              "",
              f"Ratio, window shown / floor: **{r_shown:.1f}×**; window with the demo's data "
              f"loaded / floor: **{r_loaded:.1f}×**. Goal ≤ 2.0: "
              f"{verdict(r_loaded <= 2.0, quick)}"
              + ("" if quick or r_loaded <= 2.0 else
                 f" (by {r_loaded - 2.0:.1f}×, {loaded.median - 2 * floor.median:.2f} s)") + ".",
              "", notes.get("startup", ""), ""]

    # 2. price table
    tf, tl, keys = table["floor"], table["load"], table["keys"]
    r_load = tl.median / tf.median
    p50, p95 = percentile(keys.values, 50), percentile(keys.values, 95)
    lines += ["## 2. Price table", "",
              f"{table['offers']:,} offers, a {table['payload_mb']:.1f} MB JSON payload "
              "from the simulator (own process).", "",
              "| measure | median | spread |", "| --- | --- | --- |",
              f"| {tf.name} (floor) | {tf.cell()} | {tf.spread()} |",
              f"| {tl.name} | {tl.cell()} | {tl.spread()} |",
              f"| {table['cpu'].name} | {table['cpu'].cell()} | {table['cpu'].spread()} |",
              f"| filter keystroke, p50 / p95 / max of {len(keys.values)} | {p50:.1f} / "
              f"{p95:.1f} / {max(keys.values):.1f} ms | |", "",
              f"Load ratio: **{r_load:.1f}×** the floor ({table['cpu'].median / tf.median:.1f}× "
              "counting this process's CPU only). Goal ≤ 3×: "
              f"{verdict(r_load <= 3.0, quick)}"
              + ("" if quick or r_load <= 3.0 else f" (by {r_load - 3.0:.1f}×)") + ". "
              f"Keystroke p95 **{p95:.1f} ms**. Goal < 30 ms: {verdict(p95 < 30, quick)}"
              + ("" if quick or p95 < 30 else f" (by {p95 - 30:.1f} ms)") + ".", "",
              notes.get("prices", ""), "",
              "Profile of one load (cProfile, by own time):", "", "```",
              table["profile"], "```", ""]

    # 3. polling
    lat_all = [x for v in poll["latency"].values() for x in v]
    req = sum(poll["requests"].values())
    limited = sum(poll["rate_limited"].values())
    split = ", ".join(f"{k}: {n}" for k, n in poll["per_kind"].items())
    lines += ["## 3. Polling", "",
              f"{poll['orders']} active orders ({split}), "
              f"codes arriving at random times; {poll['delivered']} delivered in "
              f"{poll['seconds']:.0f} s. Poll interval of a young order: "
              f"{poll['interval']:.0f} s.", "",
              "| account | requests | per delivered code | 429s | latency p50 | p95 |",
              "| --- | --- | --- | --- | --- | --- |"]
    for kind, values in poll["latency"].items():
        n = max(1, len(values))
        lines.append(f"| {kind} | {poll['requests'][kind]} | "
                     f"{poll['requests'][kind] / n:.2f} | {poll['rate_limited'][kind]} | "
                     f"{percentile(values, 50):.1f} s | {percentile(values, 95):.1f} s |")
    lines += [f"| all | {req} | {req / max(1, len(lat_all)):.2f} | {limited} | "
              f"{percentile(lat_all, 50):.1f} s | {percentile(lat_all, 95):.1f} s |", "",
              f"429 answers: {limited}. Goal 0: {verdict(limited == 0, quick)}. "
              f"Longest event-loop stall: **{poll['stall_ms']:.0f} ms** (p99 of 10 ms ticks "
              f"late by {poll['stall_p99_ms']:.1f} ms). Goal < 50 ms: "
              f"{verdict(poll['stall_ms'] < 50, quick)}"
              + ("" if quick or poll["stall_ms"] < 50 else
                 f" (by {poll['stall_ms'] - 50:.0f} ms)") + ".", "",
              notes.get("polling", ""), ""]

    # 4. memory
    mf, ma = mem["floor"], mem["app"]
    extra = ma.median - mf.median
    lines += ["## 4. Memory", "", "| process | peak RSS, median | spread |",
              "| --- | --- | --- |", f"| {mf.name} (floor) | {mf.cell()} | {mf.spread()} |",
              f"| {ma.name} | {ma.cell()} | {ma.spread()} |", "",
              f"Above the floor: **{extra:.0f} MB**. Goal ≤ 80 MB: "
              f"{verdict(extra <= 80, quick)}"
              + ("" if quick or extra <= 80 else f" (by {extra - 80:.0f} MB)") + ".", "",
              notes.get("memory", ""), ""]
    return "\n".join(lines).rstrip() + "\n"


def _notes() -> dict[str, str]:
    """Sections of benchmarks/notes.md (## startup, ## prices…): the why, by a human."""
    path = HERE / "notes.md"
    if not path.exists():
        return {}
    out: dict[str, str] = {}
    current = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            current = line[3:].strip().lower()
            out[current] = ""
        elif current:
            out[current] += line + "\n"
    return {k: v.strip() for k, v in out.items()}


if __name__ == "__main__":
    raise SystemExit(main())
