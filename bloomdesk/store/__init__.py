"""The order journal (SQLite, WAL): accounts, orders and their events, and the rate
budgets every process on the journal shares."""

from .errors import (
    Conflict,
    JournalBusy,
    JournalDamaged,
    JournalFull,
    JournalUnwritable,
    SchemaTooNew,
    StoreError,
)
from .journal import Store
from .ledger import Ledger
from .migrations import SCHEMA_VERSION

__all__ = ["SCHEMA_VERSION", "Conflict", "JournalBusy", "JournalDamaged", "JournalFull",
           "JournalUnwritable", "Ledger", "SchemaTooNew", "Store", "StoreError"]
