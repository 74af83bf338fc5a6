"""A state folder as a returning user has it: five accounts (one of every kind) on
``python -m bloomdesk.sim`` running in its own process, their keys in the
environment (``BLOOMDESK_KEY_<LABEL>``), and the prices the app itself kept on its
last run (``prices/<uid>.cache``, written by ``bloomdesk --smoke-test --state-dir``)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .common import ROOT, env

KINDS = ("bloomsms", "bloomsms-legacy", "smsbulk", "smsbulk-legacy", "sms-activate")


class WarmState:
    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="bloomdesk-bench-warm-"))
        self.sim = subprocess.Popen([sys.executable, "-m", "bloomdesk.sim", "--port", "0",
                                     "--code-delay", "-1"], stdout=subprocess.PIPE,
                                    stderr=subprocess.DEVNULL, text=True, env=env(), cwd=ROOT)
        assert self.sim.stdout is not None
        found: dict[str, tuple[str, str]] = {}
        for line in self.sim.stdout:
            match = re.match(r"\s+(\S+)\s+(http\S+)\s+key=(\S+)", line)
            if match:
                found[match[1]] = (match[2], match[3])
            if line.startswith("Try it"):
                break
        self.keys: dict[str, str] = {}
        from bloomdesk.domain import AccountInfo
        from bloomdesk.secrets import env_name
        from bloomdesk.store import Store

        store = Store(self.dir / "journal.sqlite3")
        for kind in KINDS:
            url, key = found[kind]
            store.add_account(AccountInfo(kind, kind, url))
            self.keys[env_name(kind)] = key
        store.close()

    def env(self) -> dict[str, str]:
        return env(**self.keys)

    def fill(self) -> None:
        """One run of the app that reads the prices and keeps them (its smoke test)."""
        done = subprocess.run([sys.executable, "-m", "bloomdesk.app", "--smoke-test",
                               "--state-dir", str(self.dir)], env=self.env(), cwd=ROOT,
                              capture_output=True, text=True, timeout=180)
        if done.returncode != 0 or not list((self.dir / "prices").glob("*.cache")):
            raise RuntimeError("the warm-up run kept no prices: " + done.stdout[-500:]
                               + done.stderr[-1500:])

    def close(self) -> None:
        self.sim.terminate()
        try:
            self.sim.wait(10)
        except subprocess.TimeoutExpired:
            self.sim.kill()
        shutil.rmtree(self.dir, ignore_errors=True)

    def __enter__(self) -> WarmState:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
