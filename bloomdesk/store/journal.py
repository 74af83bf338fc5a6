"""The order journal: SQLite in WAL mode with ``synchronous=FULL``.

An order is written before its buy request leaves and updated with every answer;
nothing is ever deleted (finished orders are history, with their cost); no key is
ever stored here.  Several processes may share one journal (the window and
``bloomdesk-cli``), so an update is a compare-and-set on the row's version that
writes only the fields it changed: a stale copy can never overwrite newer facts.
"""

from __future__ import annotations

import json
import secrets
import sqlite3
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from ..domain import AccountInfo, Order, OrderState
from ..i18n import QT_TRANSLATE_NOOP
from .db import Connection
from .errors import Conflict, SchemaTooNew, StoreError, classify
from .ledger import Ledger
from .migrations import SCHEMA_VERSION, migrate, version_of
from .owners import Owners
from .rows import FIELDS, cell, changed_fields, from_row, to_row

_FINAL = tuple(s.value for s in OrderState if s.is_final)
_OPEN = f"state NOT IN ({','.join('?' * len(_FINAL))})"

Change = tuple[Order, Order, str | None, str | None]  # before, after, event, detail


class Store:
    def __init__(self, path: str | Path, *, busy_timeout: float = 3.0) -> None:
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._c = Connection(self.path, synchronous="FULL", busy_timeout=busy_timeout)
        except OSError as exc:
            raise StoreError(QT_TRANSLATE_NOOP(
                "store", "The order journal at {path} cannot be opened: {error}.").format(
                path=self.path, error=exc.strerror or exc)) from None
        except sqlite3.Error as exc:
            raise classify(exc) from None
        try:
            version = version_of(self._c.db)
            if version > SCHEMA_VERSION:
                raise SchemaTooNew(QT_TRANSLATE_NOOP(
                    "store", "The order journal at {path} was written by a newer BloomDesk "
                    "(schema {version}, this version knows {known}). It was left "
                    "untouched: update BloomDesk to open it.").format(
                    path=self.path, version=version, known=SCHEMA_VERSION))
            self._c.setup()
            migrate(self._c.db)
        except sqlite3.Error as exc:
            self._c.close()
            raise classify(exc) from None
        except StoreError:
            self._c.close()
            raise
        self.ledger = Ledger(self.path)  # its own short wait: it runs on the event loop
        self.owners = Owners(self.path.parent)

    def close(self) -> None:
        self.owners.close()
        self.ledger.close()
        self._c.close()

    def data_version(self) -> int:
        """Changes when another connection (another process) committed to the journal."""
        return int(self._c.read("PRAGMA data_version")[0][0])

    # ------------------------------------------------------------------ accounts
    def add_account(self, account: AccountInfo) -> AccountInfo:
        """Add an account under a new identity, and return it with that identity."""
        added = replace(account, uid=secrets.token_hex(8))
        with self._c.tx() as db:
            if db.execute("SELECT 1 FROM accounts WHERE label=?", (account.label,)).fetchone():
                raise StoreError(QT_TRANSLATE_NOOP(
                    "store", "An account named {label!r} exists already.").format(
                    label=account.label))
            db.execute("INSERT INTO accounts (label, kind, base_url, created_at, uid, preset) "
                       "VALUES (?,?,?,?,?,?)", (added.label, added.kind, added.base_url,
                                                time.time(), added.uid, added.preset))
        return added

    def update_account(self, account: AccountInfo) -> None:
        with self._c.tx() as db:
            db.execute("UPDATE accounts SET kind=?, base_url=? WHERE label=?",
                       (account.kind, account.base_url, account.label))

    def remove_account(self, label: str) -> int:
        """Delete the account, unless the journal holds open orders of it (another
        process may be buying on it right now): how many it holds (0: deleted)."""
        with self._c.tx() as db:
            held = db.execute(f"SELECT COUNT(*) FROM orders WHERE {_OPEN} AND account_uid IN "
                              "(SELECT uid FROM accounts WHERE label=?)",
                              (*_FINAL, label)).fetchone()[0]
            if not held:
                db.execute("DELETE FROM accounts WHERE label=?", (label,))
        return int(held)

    def accounts(self) -> list[AccountInfo]:
        return [AccountInfo(r["label"], r["kind"], r["base_url"], r["uid"], r["preset"])
                for r in self._c.read("SELECT * FROM accounts ORDER BY created_at, label")]

    def traits(self, account_uid: str) -> dict[str, bool]:
        """What the account's server was found to answer (extended actions)."""
        rows = self._c.read("SELECT traits FROM accounts WHERE uid=?", (account_uid,))
        try:
            found = json.loads(rows[0][0]) if rows else {}
        except ValueError:
            return {}
        return {str(k): v for k, v in found.items() if isinstance(v, bool)} \
            if isinstance(found, dict) else {}

    def set_traits(self, account_uid: str, traits: dict[str, bool]) -> None:
        with self._c.tx() as db:
            db.execute("UPDATE accounts SET traits=? WHERE uid=?",
                       (json.dumps(traits, sort_keys=True), account_uid))

    # ------------------------------------------------------------------ orders
    def new_order(self, order: Order) -> Order:
        """Journal a new order (durably) and return it with its number and version 1.
        An order without an account identity takes its account's."""
        with self._c.tx() as db:
            if not order.account_uid:
                found = db.execute("SELECT uid FROM accounts WHERE label=?",
                                   (order.account,)).fetchone()
                if found is None:
                    raise StoreError(QT_TRANSLATE_NOOP(
                        "store", "There is no account named {label!r}.").format(
                        label=order.account))
                order = replace(order, account_uid=found[0])
            order = replace(order, version=1, updated_at=time.time())
            cursor = db.execute(f"INSERT INTO orders ({','.join(FIELDS)}) "
                                f"VALUES ({','.join('?' * len(FIELDS))})", to_row(order))
            number = cursor.lastrowid
            assert number is not None
            db.execute("INSERT INTO events (order_id, at, what, detail) VALUES (?,?,?,?)",
                       (number, time.time(), order.state.value,
                        order.reason.value if order.reason else None))
        return replace(order, id=number)

    def update(self, before: Order, after: Order, event: str | None = None,
               detail: str | None = None) -> Order:
        """Write what changed from `before` to `after`, if the journal still holds
        `before`'s version; :class:`Conflict` if another process changed it since."""
        result = self.update_many([(before, after, event, detail)])[0]
        if result is None:
            raise Conflict(QT_TRANSLATE_NOOP(
                "store", "Order {order} changed in another BloomDesk meanwhile.").format(
                order=before.id))
        return result

    def update_many(self, changes: Sequence[Change]) -> list[Order | None]:
        """Several orders' changes in one durable transaction (one fsync, not N); each
        is a compare-and-set of its own: None where the journal held a newer version,
        or where it would give an order an activation another open order of the
        account already holds (two processes adopting one activation for two lost
        buys); a process recording its own buy's answer is never refused."""
        results: list[Order | None] = []
        with self._c.tx() as db:
            # stamped once the write lock is ours, not before waiting for it: another
            # process reads what changed since its last look (OrderBook.sync), and a
            # stamp older than that look would hide this write from it for good
            now = time.time()
            for before, after, event, detail in changes:
                fields = changed_fields(before, after)
                if not fields and not event:
                    results.append(before)
                    continue
                if before.provider_id is None and after.provider_id is not None \
                        and before.owner != self.owners.token and db.execute(
                            f"SELECT 1 FROM orders WHERE account_uid=? AND provider_id=? "
                            f"AND id!=? AND {_OPEN}", (before.account_uid, after.provider_id,
                                                       before.id, *_FINAL)).fetchone():
                    results.append(None)
                    continue
                if fields:
                    saved = replace(after, version=before.version + 1, updated_at=now,
                                    account_uid=before.account_uid)
                    sets = ",".join(f"{name}=?" for name in fields)
                    cursor = db.execute(
                        f"UPDATE orders SET {sets}, version=?, updated_at=? "
                        "WHERE id=? AND version=?",
                        (*(cell(getattr(saved, name)) for name in fields), saved.version,
                         now, before.id, before.version))
                    if cursor.rowcount != 1:
                        results.append(None)
                        continue
                else:
                    saved = before
                if event:
                    db.execute("INSERT INTO events (order_id, at, what, detail) "
                               "VALUES (?,?,?,?)", (before.id, now, event, detail))
                results.append(saved)
        return results

    def adopt(self, order: Order) -> Order | None:
        """Journal an order the provider holds and we did not buy, unless an open order
        of the account holds that activation already (another process adopted it), or
        an open order of the account has no activation yet: a buy in flight in some
        process, whose activation this may well be."""
        with self._c.tx() as db:
            if db.execute(f"SELECT 1 FROM orders WHERE account_uid=? AND {_OPEN} AND "
                          "(provider_id=? OR provider_id IS NULL)",
                          (order.account_uid, *_FINAL, order.provider_id)).fetchone():
                return None
            order = replace(order, version=1, updated_at=time.time())
            cursor = db.execute(f"INSERT INTO orders ({','.join(FIELDS)}) "
                                f"VALUES ({','.join('?' * len(FIELDS))})", to_row(order))
            assert cursor.lastrowid is not None
            db.execute("INSERT INTO events (order_id, at, what, detail) VALUES (?,?,?,?)",
                       (cursor.lastrowid, time.time(), "adopted", "bought outside BloomDesk"))
        return replace(order, id=cursor.lastrowid)

    def bought(self, account: str | None = None, service: str | None = None) -> list[Order]:
        """Every order that reached a provider (it has a provider id), oldest first: the
        user's own record, for statistics."""
        where, args = ["provider_id IS NOT NULL"], []
        if account is not None:
            where.append("account=?")
            args.append(account)
        if service is not None:
            where.append("service=?")
            args.append(service)
        return [from_row(r) for r in self._c.read(
            f"SELECT * FROM orders WHERE {' AND '.join(where)} ORDER BY id", tuple(args))]

    def get(self, order_id: int) -> Order | None:
        rows = self._c.read("SELECT * FROM orders WHERE id=?", (order_id,))
        return from_row(rows[0]) if rows else None

    def open_orders(self) -> list[Order]:
        return [from_row(r) for r in self._c.read(
            f"SELECT * FROM orders WHERE {_OPEN} ORDER BY id", _FINAL)]

    def orders(self, limit: int = 1000) -> list[Order]:
        return [from_row(r) for r in self._c.read(
            "SELECT * FROM orders ORDER BY id DESC LIMIT ?", (limit,))]

    def changed_since(self, updated_after: float) -> list[Order]:
        """Orders written at or after a time (what another process did meanwhile)."""
        return [from_row(r) for r in self._c.read(
            "SELECT * FROM orders WHERE updated_at >= ? ORDER BY id", (updated_after,))]

    def events(self, order_id: int) -> list[tuple[float, str, str | None]]:
        return [(r["at"], r["what"], r["detail"]) for r in self._c.read(
            "SELECT at, what, detail FROM events WHERE order_id=? ORDER BY id", (order_id,))]

    def claimed_ids(self, account_uid: str, since: float) -> set[str]:
        """Provider ids our orders of this account hold: every open order's, and those
        of orders made since `since` (a provider may reuse an old, finished id)."""
        return {r[0] for r in self._c.read(
            f"SELECT provider_id FROM orders WHERE account_uid=? AND provider_id IS NOT "
            f"NULL AND ({_OPEN} OR created_at >= ?)", (account_uid, *_FINAL, since))}


__all__ = ["Conflict", "SchemaTooNew", "Store", "StoreError"]
