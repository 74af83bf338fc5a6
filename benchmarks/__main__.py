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
BUNDLE = "## 5. Bundle"


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
    from . import accounts, growth, memory, polling, prices, startup

    quick = args.quick
    repeat = 1 if quick else args.repeat
    began = time.monotonic()
    log = print
    log("startup…", flush=True)
    results: dict[str, Any] = {"start": startup.run(repeat)}
    log("price table…", flush=True)
    results["table"] = prices.run(max(1, repeat if quick else 3))
    log("polling…", flush=True)
    results["poll"] = polling.run(30, (2.0, 6.0), 60.0) if quick else polling.run()
    log("memory…", flush=True)
    results["mem"] = memory.run(1 if quick else 3, 30 if quick else 200)
    log("every account at once…", flush=True)
    results["all"] = accounts.run(1 if quick else 3, 1 if quick else 2)
    log("growth…", flush=True)
    results["growth"] = growth.run(1)
    took = time.monotonic() - began
    report = render(results, quick=quick, repeat=repeat, took=took)
    output = args.output or (None if quick else str(HERE / "RESULTS.md"))
    previous = HERE / "RESULTS.md"
    head, later = report.split("\n## 6.", 1)
    bundle = ""
    if output and Path(output) == previous and previous.exists():
        # the bundle's section is measured by packaging/build.py --record: keep it
        kept = previous.read_text(encoding="utf-8").split(BUNDLE, 1)
        if len(kept) == 2:
            bundle = BUNDLE + kept[1].split("\n## ", 1)[0].rstrip() + "\n\n"
    report = head.rstrip() + "\n\n" + bundle + "## 6." + later
    if output:
        Path(output).write_text(report, encoding="utf-8")
        log(f"wrote {output} ({took:.0f} s)")
    else:
        log(report)
    return 0


class Goals:
    """Each goal's line, judged (or not, in a quick run), and the list of verdicts."""

    def __init__(self, quick: bool) -> None:
        self.quick = quick
        self.all: list[tuple[str, str, str, str]] = []  # figure, goal, measured, verdict

    def judge(self, figure: str, value: float, goal: float, unit: str, fmt: str = ".1f"
              ) -> str:
        ok = value <= goal
        verdict = "not judged (quick run)" if self.quick else "**met**" if ok else \
            f"**missed** (by {value - goal:{fmt}}{unit})"
        self.all.append((figure, f"≤ {goal:{fmt}}{unit}", f"{value:{fmt}}{unit}", verdict))
        return f"{figure}: **{value:{fmt}}{unit}**, goal ≤ {goal:{fmt}}{unit}: {verdict}."


def table(*series: Series, floor: Series | None = None) -> list[str]:
    rows = ["| measure | median | spread |", "| --- | --- | --- |"]
    if floor is not None:
        rows.append(f"| {floor.name} (floor) | {floor.cell()} | {floor.spread()} |")
    return rows + [f"| {s.name} | {s.cell()} | {s.spread()} |" for s in series]


def keys_row(keys: Series) -> str:
    v = keys.values
    return (f"| filter keystroke, p50 / p95 / max of {len(v)} | {percentile(v, 50):.1f} / "
            f"{percentile(v, 95):.1f} / {max(v):.1f} ms | |")


def render(r: dict[str, Any], *, quick: bool, repeat: int, took: float) -> str:
    m = machine()
    goals = Goals(quick)
    notes = _notes()
    lines = ["# Benchmark results", "",
             "Written by `python -m benchmarks` (this file is its latest output; the notes "
             "under each table are kept in `benchmarks/notes.md` and copied in).", "",
             f"- date: {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')}",
             f"- machine: {m['cpu']}, {m['cores']} cores; {m['os']}",
             f"- Python {m['python']}, PySide6 {m['pyside6']}, Qt offscreen platform",
             f"- runs: {repeat} of each (polling: one long run); whole command "
             f"{took:.0f} s" + (" — QUICK variant, sizes reduced" if quick else ""),
             "- every ratio below compares numbers measured in this same run", "",
             "GOALS_TABLE", ""]

    s = r["start"]
    floor = s["floor"].median
    lines += ["## 1. Startup", "", *table(s["shown"], s["loaded"], s["warm"], floor=s["floor"]),
              "", goals.judge("Warm start to a painted price table / floor",
                              s["warm"].median / floor, 2.0, "×"),
              goals.judge("Demo cold start to the window shown / floor",
                          s["shown"].median / floor, 3.0, "×"),
              f"Demo cold start to its data loaded / floor: {s['loaded'].median / floor:.1f}× "
              "(no goal: five accounts read over HTTP, 104k prices parsed).", "",
              notes.get("startup", ""), ""]

    t = r["table"]
    keys = t["keys"]
    lines += ["## 2. Price table", "",
              f"{t['offers']:,} offers, a {t['payload_mb']:.1f} MB JSON payload from the "
              "simulator (own process).", "",
              *table(t["fetch"], t["load"], t["ours"], t["cpu"], floor=t["floor"]),
              keys_row(keys), "",
              goals.judge("Load (fetch, parse, into the model) / json.loads",
                          t["load"].median / t["floor"].median, 3.0, "×"),
              f"Without the simulator's own time (the load less the fetch alone): "
              f"**{t['ours'].median / t['floor'].median:.1f}×**; this process's CPU: "
              f"**{t['cpu'].median / t['floor'].median:.1f}×**.",
              goals.judge("Filter keystroke on 104k rows, p95", percentile(keys.values, 95),
                          8.0, " ms"), "",
              notes.get("prices", ""), "", "Profile of one load (cProfile, by own time):", "",
              "```", t["profile"], "```", ""]

    lines += _polling(r["poll"], goals)

    mem = r["mem"]
    lines += ["## 4. Memory", "", "| process | peak RSS, median | spread |",
              "| --- | --- | --- |",
              *(f"| {x.name} | {x.cell()} | {x.spread()} |" for x in (mem["floor"], mem["app"])),
              "", goals.judge("Peak RSS with 104k offers and 200 orders, over the bare window",
                              mem["app"].median - mem["floor"].median, 60.0, " MB", ".0f"), "",
              notes.get("memory", ""), ""]

    a = r["all"]
    lines += ["## 6. Every account at once", "",
              f"{a['offers']:,} offers from five accounts (one of each kind but Hero-SMS), "
              f"{a['payload_mb']:.1f} MB of JSON, the simulator in its own process.", "",
              *table(a["fetch"], a["load"], a["ours"], a["cpu"], floor=a["floor"]),
              keys_row(a["keys"]),
              f"| {a['mem_floor'].name}, peak RSS | {a['mem_floor'].cell()} | "
              f"{a['mem_floor'].spread()} |",
              f"| {a['mem'].name}, peak RSS | {a['mem'].cell()} | {a['mem'].spread()} |", "",
              goals.judge("All accounts: load / 5 × json.loads",
                          a["load"].median / a["floor"].median, 3.0, "×"),
              f"Without the simulator's own time: **{a['ours'].median / a['floor'].median:.1f}×**"
              f"; this process's CPU: **{a['cpu'].median / a['floor'].median:.1f}×**.",
              goals.judge("All accounts: keystroke p95", percentile(a["keys"].values, 95),
                          16.0, " ms"),
              goals.judge("All accounts: peak RSS over the bare window",
                          a["mem"].median - a["mem_floor"].median, 200.0, " MB", ".0f"), "",
              f"The best view over them ({a['routes']:,} routes, a row each): built in "
              f"{a['best_build'].cell()}.", "",
              goals.judge("Best view: keystroke p95", percentile(a["best_keys"].values, 95),
                          16.0, " ms"), "",
              notes.get("accounts", ""), ""]

    g = r["growth"]
    lines += ["## 7. Growth with the catalogue", "",
              "| offers | json.loads | parse + model | ratio | keystroke p95 | "
              "peak RSS of parse + model |", "| --- | --- | --- | --- | --- | --- |"]
    for size, x in g.items():
        lines.append(f"| {size:,} | {x['floor'].cell()} | {x['load'].cell()} | "
                     f"{x['load'].median / x['floor'].median:.1f}× | "
                     f"{percentile(x['keys'].values, 95):.1f} ms | {x['mb'].cell()} |")
    lines += ["", notes.get("growth", ""), ""]
    summary = ["| figure | goal | measured | verdict |", "| --- | --- | --- | --- |",
               *(f"| {f} | {goal} | {v} | {verdict} |" for f, goal, v, verdict in goals.all)]
    text = "\n".join(lines).replace("GOALS_TABLE", "\n".join(summary))
    return text.rstrip() + "\n"


def _polling(poll: dict[str, Any], goals: Goals) -> list[str]:
    lat_all = [x for v in poll["latency"].values() for x in v]
    req = sum(poll["requests"].values())
    limited = sum(poll["rate_limited"].values())
    split = ", ".join(f"{k}: {n}" for k, n in poll["per_kind"].items())
    lines = ["## 3. Polling", "",
             f"{poll['orders']} active orders ({split}), codes arriving at random times; "
             f"{poll['delivered']} delivered in {poll['seconds']:.0f} s. Poll interval of a "
             f"young order: {poll['interval']:.0f} s.", "",
             "| account | requests | per delivered code | 429s | latency p50 | p95 |",
             "| --- | --- | --- | --- | --- | --- |"]
    for kind, values in poll["latency"].items():
        n = max(1, len(values))
        lines.append(f"| {kind} | {poll['requests'][kind]} | "
                     f"{poll['requests'][kind] / n:.2f} | {poll['rate_limited'][kind]} | "
                     f"{percentile(values, 50):.1f} s | {percentile(values, 95):.1f} s |")
    lines += [f"| all | {req} | {req / max(1, len(lat_all)):.2f} | {limited} | "
              f"{percentile(lat_all, 50):.1f} s | {percentile(lat_all, 95):.1f} s |", "",
              goals.judge("429 answers while polling", limited, 0, "", ".0f"),
              goals.judge("Longest event-loop stall while polling", poll["stall_ms"], 50.0,
                          " ms", ".0f") + f" (p99 of 10 ms ticks late by "
              f"{poll['stall_p99_ms']:.1f} ms)", "", _notes().get("polling", ""), ""]
    return lines


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
