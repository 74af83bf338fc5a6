"""The benchmarks' quick variant, so they cannot rot: it runs every benchmark at small
sizes and judges no goal (the recorded results are benchmarks/RESULTS.md)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_quick_benchmarks_run_and_report(tmp_path: Path) -> None:
    out = tmp_path / "quick.md"
    done = subprocess.run([sys.executable, "-m", "benchmarks", "--quick", "--output", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    report = out.read_text()
    for section in ("## 1. Startup", "## 2. Price table", "## 3. Polling", "## 4. Memory",
                    "## 6. Every account at once", "## 7. Growth with the catalogue"):
        assert section in report
    assert "104,400 offers" in report
    # every code of the small polling run reached the window, and no 429 was earned
    assert re.search(r"30 delivered in", report)
    assert re.search(r"\| all \| \d+ \| [\d.]+ \| 0 \|", report)
    assert "not judged (quick run)" in report
