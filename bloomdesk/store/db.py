"""One SQLite connection with BloomDesk's transaction and error policy."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .errors import classify


class Connection:
    """A connection in autocommit mode whose writes are explicit ``BEGIN IMMEDIATE``
    transactions (taking the write lock up front, so two processes never deadlock in
    an upgrade), and whose every SQLite error leaves as a classified StoreError."""

    def __init__(self, path: Path, *, synchronous: str, busy_timeout: float) -> None:
        self.busy_timeout = busy_timeout  # seconds a write waits for another's lock
        self.db = sqlite3.connect(path, timeout=busy_timeout, isolation_level=None)
        self.db.row_factory = sqlite3.Row
        self.db.execute(f"PRAGMA busy_timeout={int(busy_timeout * 1000)}")
        self.synchronous = synchronous

    def setup(self) -> None:
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute(f"PRAGMA synchronous={self.synchronous}")
        self.db.execute("PRAGMA foreign_keys=ON")

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def tx(self) -> Iterator[sqlite3.Connection]:
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise classify(exc) from None
        try:
            yield self.db
            self.db.execute("COMMIT")
        except sqlite3.Error as exc:
            self.rollback()  # keep the original error: it says what went wrong
            raise classify(exc) from None
        except BaseException:
            self.rollback()
            raise

    def rollback(self) -> None:
        # SQLite already rolls back on some errors (a full disk): only roll back what
        # is still open, and never let a failed rollback hide the real error.
        if self.db.in_transaction:
            try:
                self.db.execute("ROLLBACK")
            except sqlite3.Error:
                pass

    def read(self, sql: str, args: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
        try:
            return self.db.execute(sql, args).fetchall()
        except sqlite3.Error as exc:
            raise classify(exc) from None
