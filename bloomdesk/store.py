"""The order journal: SQLite in WAL mode with ``synchronous=FULL``.

An order is written before its buy request leaves and updated with every answer;
nothing is ever deleted (finished orders are history, with their cost).  No key is
ever stored here.  The schema is versioned with ``PRAGMA user_version``: a journal
written by a newer BloomDesk is refused, never overwritten.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

from .domain import AccountInfo, Order, OrderState

SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS accounts (
    label TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    base_url TEXT,
    created_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS orders (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account TEXT NOT NULL,
    service TEXT NOT NULL,
    country TEXT,
    state TEXT NOT NULL,
    created_at REAL NOT NULL,
    provider_id TEXT,
    phone TEXT,
    price TEXT,
    max_price TEXT,
    code TEXT,
    text TEXT,
    expires_at REAL,
    free_cancel_until REAL,
    cancel_not_before REAL,
    auto_cancel INTEGER NOT NULL DEFAULT 0,
    note TEXT,
    updated_at REAL NOT NULL,
    code_at REAL
);
CREATE INDEX IF NOT EXISTS orders_state ON orders(state);
CREATE UNIQUE INDEX IF NOT EXISTS orders_provider
    ON orders(account, provider_id) WHERE provider_id IS NOT NULL;
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    order_id INTEGER NOT NULL REFERENCES orders(id),
    at REAL NOT NULL,
    what TEXT NOT NULL,
    detail TEXT
);
"""

_FIELDS = ("account", "service", "country", "state", "created_at", "provider_id", "phone",
           "price", "max_price", "code", "text", "expires_at", "free_cancel_until",
           "cancel_not_before", "auto_cancel", "note", "updated_at", "code_at")
_FINAL = tuple(s.value for s in OrderState if s.is_final)


class StoreError(Exception):
    """The journal could not be read or written; the message is fit to show a person."""


class SchemaTooNew(StoreError):
    pass


def _message(exc: sqlite3.Error) -> str:
    text = str(exc).lower()
    if "full" in text:
        return "The disk is full: BloomDesk cannot record the order, so it was not bought."
    if "locked" in text or "busy" in text:
        return "The order journal is busy in another BloomDesk; try again."
    if "readonly" in text or "read-only" in text:
        return "The order journal is read-only: check the state folder's permissions."
    return f"The order journal failed ({type(exc).__name__}: {exc})."


class Store:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, timeout=10.0, isolation_level=None)
            self._db.row_factory = sqlite3.Row
            version = self._db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                self._db.close()
                raise SchemaTooNew(
                    f"The order journal at {self.path} was written by a newer BloomDesk "
                    f"(schema {version}, this version knows {SCHEMA_VERSION}). It was left "
                    "untouched: update BloomDesk to open it.")
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._db.execute("PRAGMA busy_timeout=10000")
            # executescript commits on its own; the DDL is idempotent, so two processes
            # opening a new journal at once both succeed.
            self._db.executescript(_SCHEMA)
            self._db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        except OSError as exc:
            raise StoreError(f"The order journal at {self.path} cannot be opened: "
                             f"{exc.strerror or exc}.") from None
        except sqlite3.Error as exc:
            raise StoreError(_message(exc)) from None

    def close(self) -> None:
        self._db.close()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreError(_message(exc)) from None
        try:
            yield self._db
            self._db.execute("COMMIT")
        except sqlite3.Error as exc:
            self._rollback()  # keep the original error: it says what went wrong
            raise StoreError(_message(exc)) from None
        except BaseException:
            self._rollback()
            raise

    def _rollback(self) -> None:
        # SQLite already rolls back on some errors (a full disk): only roll back what
        # is still open, and never let a failed rollback hide the real error.
        if self._db.in_transaction:
            try:
                self._db.execute("ROLLBACK")
            except sqlite3.Error:
                pass

    def _read(self, sql: str, args: tuple[object, ...] = ()) -> list[sqlite3.Row]:
        try:
            return self._db.execute(sql, args).fetchall()
        except sqlite3.Error as exc:
            raise StoreError(_message(exc)) from None

    # ------------------------------------------------------------------ accounts
    def add_account(self, account: AccountInfo) -> None:
        with self._tx() as db:
            if db.execute("SELECT 1 FROM accounts WHERE label=?", (account.label,)).fetchone():
                raise StoreError(f"An account named {account.label!r} exists already.")
            db.execute("INSERT INTO accounts VALUES (?,?,?,?)",
                       (account.label, account.kind, account.base_url, time.time()))

    def update_account(self, account: AccountInfo) -> None:
        with self._tx() as db:
            db.execute("UPDATE accounts SET kind=?, base_url=? WHERE label=?",
                       (account.kind, account.base_url, account.label))

    def remove_account(self, label: str) -> None:
        with self._tx() as db:
            db.execute("DELETE FROM accounts WHERE label=?", (label,))

    def accounts(self) -> list[AccountInfo]:
        return [AccountInfo(r["label"], r["kind"], r["base_url"])
                for r in self._read("SELECT * FROM accounts ORDER BY created_at, label")]

    # ------------------------------------------------------------------ orders
    def new_order(self, order: Order) -> Order:
        """Journal a new order (durably) and return it with its number."""
        row = _row(order)
        with self._tx() as db:
            cursor = db.execute(
                f"INSERT INTO orders ({','.join(_FIELDS)}) VALUES ({','.join('?' * len(row))})",
                row)
            number = cursor.lastrowid
            assert number is not None
            db.execute("INSERT INTO events (order_id, at, what, detail) VALUES (?,?,?,?)",
                       (number, time.time(), order.state.value, order.note))
        return order.but(id=number)

    def save(self, order: Order, event: str | None = None, detail: str | None = None) -> Order:
        return self.save_many([(order, event, detail)])[0]

    def save_many(self, changes: list[tuple[Order, str | None, str | None]]) -> list[Order]:
        """Several orders' new states in one durable transaction (one fsync)."""
        now = time.time()
        saved = [order.but(updated_at=now) for order, _, _ in changes]
        with self._tx() as db:
            for order, (_, event, detail) in zip(saved, changes, strict=True):
                db.execute(f"UPDATE orders SET {','.join(f + '=?' for f in _FIELDS)} "
                           "WHERE id=?", (*_row(order), order.id))
                if event:
                    db.execute("INSERT INTO events (order_id, at, what, detail) "
                               "VALUES (?,?,?,?)", (order.id, now, event, detail))
        return saved

    def get(self, order_id: int) -> Order | None:
        rows = self._read("SELECT * FROM orders WHERE id=?", (order_id,))
        return _order(rows[0]) if rows else None

    def open_orders(self) -> list[Order]:
        marks = ",".join("?" * len(_FINAL))
        return [_order(r) for r in self._read(
            f"SELECT * FROM orders WHERE state NOT IN ({marks}) ORDER BY id", _FINAL)]

    def orders(self, limit: int = 1000) -> list[Order]:
        return [_order(r) for r in self._read(
            "SELECT * FROM orders ORDER BY id DESC LIMIT ?", (limit,))]

    def events(self, order_id: int) -> list[tuple[float, str, str | None]]:
        return [(r["at"], r["what"], r["detail"]) for r in self._read(
            "SELECT at, what, detail FROM events WHERE order_id=? ORDER BY id", (order_id,))]

    def known_provider_ids(self, account: str) -> set[str]:
        return {r[0] for r in self._read(
            "SELECT provider_id FROM orders WHERE account=? AND provider_id IS NOT NULL",
            (account,))}


def _row(order: Order) -> tuple[object, ...]:
    values = []
    for field in _FIELDS:
        value = getattr(order, field)
        if isinstance(value, Decimal):
            value = str(value)
        elif isinstance(value, OrderState):
            value = value.value
        elif isinstance(value, bool):
            value = int(value)
        values.append(value)
    return tuple(values)


def _order(row: sqlite3.Row) -> Order:
    def money(name: str) -> Decimal | None:
        return Decimal(row[name]) if row[name] is not None else None

    return Order(
        id=row["id"], account=row["account"], service=row["service"], country=row["country"],
        state=OrderState(row["state"]), created_at=row["created_at"],
        provider_id=row["provider_id"], phone=row["phone"], price=money("price"),
        max_price=money("max_price"), code=row["code"], text=row["text"],
        expires_at=row["expires_at"], free_cancel_until=row["free_cancel_until"],
        cancel_not_before=row["cancel_not_before"], auto_cancel=bool(row["auto_cancel"]),
        note=row["note"], updated_at=row["updated_at"], code_at=row["code_at"],
    )
