"""`bloomdesk --demo` and its throwaway state (issue 12, item 13)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bloomdesk import app
from bloomdesk.demo import Demo

ROOT = Path(__file__).resolve().parents[2]
MAKE = "from bloomdesk.demo import Demo; d = Demo(); print(d.dir, flush=True); "


def test_the_demo_says_its_state_is_throwaway(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        app.parse(["--demo", "--state-dir", "kept"])
    assert exited.value.code == 2
    assert "throwaway" in capsys.readouterr().err
    assert app.parse(["--state-dir", "kept"]).state_dir == "kept"


def test_a_killed_demos_folder_goes_with_the_next_demo_and_a_live_ones_stays() -> None:
    killed = subprocess.run(
        [sys.executable, "-c", MAKE + "import os, signal; os.kill(os.getpid(), signal.SIGKILL)"],
        cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert killed.returncode == -9
    left = Path(killed.stdout.strip())
    assert left.is_dir(), "a SIGKILLed demo cannot clean up after itself"
    live = subprocess.Popen([sys.executable, "-c", MAKE + "import sys; sys.stdin.read()"],
                            cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            text=True)
    demo: Demo | None = None
    running = left
    try:
        assert live.stdout is not None
        running = Path(live.stdout.readline().strip())
        demo = Demo()
        assert not left.exists(), "the next demo removes what a killed one left"
        assert running.is_dir(), "a running demo's folder is left alone"
        assert demo.dir.is_dir()
    finally:
        if demo is not None:
            demo.stop()
        live.kill()
        live.wait(10)
        for folder in (left, running):
            shutil.rmtree(folder, ignore_errors=True)
        if live.stdout is not None:
            live.stdout.close()
    assert demo is not None and not demo.dir.exists()
