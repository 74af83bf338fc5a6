"""The journal's schema as numbered steps, each applied once (Vorta's migrations).

``PRAGMA user_version`` holds the number of steps applied.  A new journal runs them
all; an older one runs what it lacks; a newer one is refused untouched.  Each step
runs in its own ``BEGIN IMMEDIATE`` transaction and re-reads the version inside it, so
two processes opening a journal at once apply every step exactly once.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

Step = Callable[[sqlite3.Connection], None]


def _v1_first_schema(db: sqlite3.Connection) -> None:
    db.execute("""CREATE TABLE IF NOT EXISTS accounts (
        label TEXT PRIMARY KEY, kind TEXT NOT NULL, base_url TEXT,
        created_at REAL NOT NULL)""")
    db.execute("""CREATE TABLE IF NOT EXISTS orders (
        id INTEGER PRIMARY KEY AUTOINCREMENT, account TEXT NOT NULL, service TEXT NOT NULL,
        country TEXT, state TEXT NOT NULL, created_at REAL NOT NULL, provider_id TEXT,
        phone TEXT, price TEXT, max_price TEXT, code TEXT, text TEXT, expires_at REAL,
        free_cancel_until REAL, cancel_not_before REAL,
        auto_cancel INTEGER NOT NULL DEFAULT 0, note TEXT, updated_at REAL NOT NULL,
        code_at REAL)""")
    db.execute("CREATE INDEX IF NOT EXISTS orders_state ON orders(state)")
    db.execute("""CREATE UNIQUE INDEX IF NOT EXISTS orders_provider
        ON orders(account, provider_id) WHERE provider_id IS NOT NULL""")
    db.execute("""CREATE TABLE IF NOT EXISTS events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        order_id INTEGER NOT NULL REFERENCES orders(id), at REAL NOT NULL,
        what TEXT NOT NULL, detail TEXT)""")


def _v2_identity_versions_and_budgets(db: sqlite3.Connection) -> None:
    """An order belongs to an account's identity, not its label (a label re-added at
    another provider is another account); a provider id may come again once the
    earlier order is finished; every row carries a version for compare-and-set; a
    PENDING order carries the lease of the process buying it; requests of every
    process on this journal share one rate budget per account."""
    db.execute("ALTER TABLE accounts ADD COLUMN uid TEXT NOT NULL DEFAULT ''")
    db.execute("UPDATE accounts SET uid = lower(hex(randomblob(8))) WHERE uid = ''")
    for column in ("account_uid TEXT NOT NULL DEFAULT ''",
                   "reason TEXT", "version INTEGER NOT NULL DEFAULT 1",
                   "lease_until REAL", "owner TEXT", "pushed_at REAL"):
        db.execute(f"ALTER TABLE orders ADD COLUMN {column}")
    db.execute("""UPDATE orders SET account_uid = COALESCE(
        (SELECT uid FROM accounts WHERE accounts.label = orders.account),
        'removed:' || orders.account)""")
    db.execute("DROP INDEX IF EXISTS orders_provider")
    db.execute("CREATE INDEX orders_provider ON orders(account_uid, provider_id)")
    db.execute("CREATE INDEX IF NOT EXISTS events_order ON events(order_id)")
    db.execute("CREATE INDEX orders_updated ON orders(updated_at)")
    db.execute("""CREATE TABLE sends (
        account_uid TEXT NOT NULL, at REAL NOT NULL, user INTEGER NOT NULL)""")
    db.execute("CREATE INDEX sends_account ON sends(account_uid, at)")
    db.execute("""CREATE TABLE pauses (
        account_uid TEXT PRIMARY KEY, until REAL NOT NULL)""")


def _v3_orders_bought_elsewhere(db: sqlite3.Connection) -> None:
    """An order found at the provider that BloomDesk did not buy (bought on the
    provider's website) is adopted and marked, so it is never auto-cancelled unasked."""
    db.execute("ALTER TABLE orders ADD COLUMN outside INTEGER NOT NULL DEFAULT 0")


def _v4_presets_and_traits(db: sqlite3.Connection) -> None:
    """An account made from a preset (Hero-SMS, Tiger SMS…) keeps its name, and what a
    server was found to answer (getNumberV2, getActiveActivations…) is remembered, so
    each server is probed once, not at every start."""
    db.execute("ALTER TABLE accounts ADD COLUMN preset TEXT")
    db.execute("ALTER TABLE accounts ADD COLUMN traits TEXT NOT NULL DEFAULT '{}'")


def _v5_codes_by_call(db: sqlite3.Connection) -> None:
    """A code read out in a voice call (getStatusV2's ``call``) is marked, so the user
    knows where it came from."""
    db.execute("ALTER TABLE orders ADD COLUMN by_call INTEGER NOT NULL DEFAULT 0")


STEPS: list[Step] = [_v1_first_schema, _v2_identity_versions_and_budgets,
                     _v3_orders_bought_elsewhere, _v4_presets_and_traits, _v5_codes_by_call]
SCHEMA_VERSION = len(STEPS)


def version_of(db: sqlite3.Connection) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def migrate(db: sqlite3.Connection) -> None:
    """Apply the steps this journal lacks (the caller refuses a newer journal first)."""
    while version_of(db) < SCHEMA_VERSION:
        db.execute("BEGIN IMMEDIATE")
        try:
            done = version_of(db)  # another process may have applied it meanwhile
            if done < SCHEMA_VERSION:
                STEPS[done](db)
                db.execute(f"PRAGMA user_version={done + 1}")
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
