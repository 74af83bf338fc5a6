"""Demo mode: the simulator on a free loopback port, one account of every kind, a
throwaway state folder, and keys that never touch the OS keyring."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from .core import Desk
from .secrets import KeyStore
from .sim import Simulator, demo_accounts
from .store import Store

LABELS = {"bloomsms-legacy": "BloomSMS legacy", "bloomsms": "BloomSMS",
          "smsbulk": "SMSBulk", "smsbulk-legacy": "SMSBulk compat",
          "sms-activate": "SMS-Activate"}


class Demo:
    def __init__(self, code_delay: float = 4.0) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="bloomdesk-demo-"))
        self.sim = Simulator()
        for provider in self.sim.providers.values():
            provider.rules.code_delay = code_delay

    def start(self) -> Desk:
        self.sim.start()
        desk = Desk(Store(self.dir / "journal.sqlite3"), KeyStore(memory_only=True))
        for kind, key, balance in demo_accounts():
            self.sim.add_account(kind, key, balance)
            desk.add_account(kind, LABELS[kind], key, self.sim.url(kind))
        return desk

    def point_webhooks(self, url: str) -> None:
        """The simulated BloomSMS account posts sms.received events to `url`."""
        with self.sim.lock:
            for account in self.sim.provider("bloomsms").accounts.values():
                account.webhook_url = url

    def stop(self) -> None:
        self.sim.stop()
        shutil.rmtree(self.dir, ignore_errors=True)
