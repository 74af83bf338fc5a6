"""The journal under stress: two processes at once, a full disk, and the webhook
sender that later versions will receive from."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import threading
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any

import pytest

from bloomdesk.core import Desk, OrderState
from bloomdesk.secrets import KeyStore
from bloomdesk.sim import Simulator
from bloomdesk.store import Store, StoreError

WRITER = """
import sys, time
from dataclasses import replace
from bloomdesk.store import Store
from bloomdesk.core import Order, OrderState
store = Store(sys.argv[1])
for i in range(150):
    o = store.new_order(Order(0, sys.argv[2], "tg", "1", OrderState.PENDING, time.time(),
                              account_uid="uid-" + sys.argv[2]))
    store.update(o, replace(o, state=OrderState.WAITING, provider_id=f"{sys.argv[2]}-{i}"))
"""


def test_two_processes_share_one_journal(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    Store(path).close()
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(path), name])
             for name in ("first", "second")]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    counts = dict(db.execute("SELECT account, COUNT(*) FROM orders GROUP BY account"))
    assert counts == {"first": 150, "second": 150}
    assert db.execute("SELECT COUNT(DISTINCT id) FROM orders").fetchone()[0] == 300


async def test_full_disk_refuses_the_buy_before_sending(tmp_path: Path,
                                                        keyring_memory: object) -> None:
    with Simulator() as sim:
        sim.add_account("bloomsms", "sk_full_disk_test_0001", "10.00")
        desk = Desk(Store(tmp_path / "journal.sqlite3"), KeyStore())
        desk.add_account("bloomsms", "main", "sk_full_disk_test_0001", sim.url("bloomsms"))
        try:
            offer = min((o for o in await desk.offers("main", "tg") if o.stock > 100),
                        key=lambda o: o.price)
            pages = desk.store._c.db.execute("PRAGMA page_count").fetchone()[0]
            desk.store._c.db.execute(f"PRAGMA max_page_count={pages}")  # the disk is now full
            with pytest.raises(StoreError) as full:
                for _ in range(50):  # fill what the last page still holds
                    await desk.buy("main", "tg", offer.country, price=offer.price)
            assert "disk is full" in str(full.value) and "not bought" in str(full.value)
            bought = len(sim.activations("bloomsms"))
            journaled = [o for o in desk.history() if o.provider_id]
            assert bought == len(journaled), "every order that reached the provider is kept"
            assert sim.balance("bloomsms", "sk_full_disk_test_0001") == \
                Decimal("10.00") - sum((o.price or 0 for o in journaled), Decimal(0))
        finally:
            await desk.stop()
            desk.store.close()


def test_simulator_posts_sms_received_webhooks() -> None:
    received: list[dict[str, Any]] = []

    class Receiver(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802
            body = self.rfile.read(int(self.headers["Content-Length"]))
            received.append(json.loads(body))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with Simulator() as sim:
            url = f"http://127.0.0.1:{server.server_port}/hook/secret-token"
            sim.add_account("bloomsms", "sk_webhook_0000001", "5.00", webhook_url=url)
            prov = sim.provider("bloomsms")
            iso = next(iso for (iso, code), o in prov.catalogue.offers.items()
                       if code == "tg" and o.stock > 10)
            with sim.lock:
                act = prov.buy("sk_webhook_0000001", "tg", iso, None)
            sim.deliver("bloomsms", act.id)
            for _ in range(100):
                if received:
                    break
                threading.Event().wait(0.05)
    finally:
        server.shutdown()
    [event] = received
    assert event["event"] == "sms.received"
    assert event["data"]["activation_id"] == act.id
    assert event["data"]["sms"]["code"] == act.code
    assert event["data"]["status"] == "code_received"
    assert sim.webhooks.results == [(url, 204)]
    assert OrderState.RECEIVED.value == "received"


def test_a_write_that_waited_for_the_lock_is_stamped_when_it_is_made(tmp_path: Path) -> None:
    """Another process holds the journal's write lock for a while; our write waits, then
    lands.  Its stamp is when it was made, not when it began to wait: a window that
    looked at the journal meanwhile reads "what changed since my last look" by that
    stamp, and an older one would hide this order's change from it for good."""
    import time
    from dataclasses import replace

    from bloomdesk.core import Order

    path = tmp_path / "journal.sqlite3"
    store = Store(path)
    try:
        order = store.new_order(Order(0, "main", "tg", "1", OrderState.PENDING, time.time(),
                                      account_uid="uid-main"))
        locker = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        locker.execute("BEGIN IMMEDIATE")
        released: list[float] = []

        def release() -> None:
            time.sleep(1.5)
            released.append(time.time())
            locker.execute("COMMIT")

        thread = threading.Thread(target=release)
        thread.start()
        saved = store.update(order, replace(order, state=OrderState.WAITING, provider_id="77"))
        thread.join()
        locker.close()
        assert saved.updated_at is not None and saved.updated_at >= released[0]
        assert store.changed_since(released[0]) == [saved]
    finally:
        store.close()
