"""Demo mode: the simulator on a free loopback port, one account of every kind, a
throwaway state folder, and keys that never touch the OS keyring.

The state is always throwaway: each demo gets a fresh ``bloomdesk-demo-*`` folder in
the temp directory and removes it when it ends.  A demo that could not end (killed,
power cut) leaves its folder behind; the next demo removes every such folder whose
demo is gone.  A live demo holds a lock on its folder's ``lock`` file, which the OS
releases when the process dies however it dies, so a running demo's folder is never
touched.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import IO, TYPE_CHECKING

from .filelock import try_lock

if TYPE_CHECKING:
    from .core import Desk
    from .sim import Simulator

log = logging.getLogger(__name__)

PREFIX = "bloomdesk-demo-"
LABELS = {"bloomsms-legacy": "BloomSMS legacy", "bloomsms": "BloomSMS",
          "smsbulk": "SMSBulk", "smsbulk-legacy": "SMSBulk compat",
          "sms-activate": "SMS-Activate", "hero-sms": "Hero-SMS"}


def _lock(path: Path) -> IO[bytes] | None:
    """An exclusive lock on `path`, held while the returned file stays open; None
    when another process holds it."""
    handle = open(path, "a+b")  # held open for the demo's life
    if not try_lock(handle):
        handle.close()
        return None
    return handle


def sweep(root: Path | None = None, grace: float = 60.0) -> list[Path]:
    """Remove the folders of demos that are gone (this user's only); returns them.
    A folder without a lock file younger than `grace` s is a demo being made."""
    removed = []
    for folder in Path(root or tempfile.gettempdir()).glob(PREFIX + "*"):
        try:
            info = folder.lstat()
            if not folder.is_dir() or folder.is_symlink() or (
                    hasattr(os, "getuid") and info.st_uid != os.getuid()):
                continue
            lock = folder / "lock"
            if lock.exists():
                held = _lock(lock)
                if held is None:
                    continue  # its demo is running
                held.close()
            elif time.time() - info.st_mtime < grace:
                continue
        except OSError:
            continue
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder)
    if removed:
        log.info("Removed %d folder(s) left by demos that did not end", len(removed))
    return removed


class Demo:
    """The folder at once; the simulator (~0.2 s to build its catalogue) when asked,
    so that the window can paint first and the simulator start beside it."""

    def __init__(self, code_delay: float = 4.0) -> None:
        sweep()
        self.dir = Path(tempfile.mkdtemp(prefix=PREFIX))
        self._held = _lock(self.dir / "lock")
        self.code_delay = code_delay
        self._sim: Simulator | None = None
        self._running = False

    @property
    def sim(self) -> Simulator:
        if self._sim is None:
            from .sim import Simulator

            self._sim = Simulator()
            for provider in self._sim.providers.values():
                provider.rules.code_delay = self.code_delay
        return self._sim

    def start_simulator(self) -> None:
        """Build and start the simulator (fine in a worker thread)."""
        if not self._running:
            self.sim.start()
            self._running = True

    def start(self) -> Desk:
        """The Desk on the running simulator, one account of every kind (call on the
        thread that will use the Desk: its journal connection belongs to it)."""
        from .core import Desk
        from .secrets import KeyStore
        from .sim import KIND, demo_accounts
        from .store import Store

        self.start_simulator()
        desk = Desk(Store(self.dir / "journal.sqlite3"), KeyStore(memory_only=True))
        for name, key, balance in demo_accounts():  # a kind, or a simulated server
            self.sim.add_account(name, key, balance)
            desk.add_account(KIND[name], LABELS[name], key, self.sim.url(name))
        return desk

    def point_webhooks(self, url: str) -> None:
        """The simulated BloomSMS account posts sms.received events to `url`."""
        with self.sim.lock:
            for account in self.sim.provider("bloomsms").accounts.values():
                account.webhook_url = url

    def stop(self) -> None:
        if self._running:
            self.sim.stop()
            self._running = False
        if self._held is not None:
            self._held.close()
        shutil.rmtree(self.dir, ignore_errors=True)
