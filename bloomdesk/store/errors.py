"""What can go wrong with the journal, classified by SQLite's primary error code.

Like qutebrowser's ``misc/sql.py``: the environment's faults (a full disk, a journal
busy in another process, a read-only folder) get their own types and plain words;
anything else is a failure of ours, quoted.  The words say what happened to the
journal, never what it means for an order: only the caller knows that (a full disk
before a buy means "not bought", after it "bought but not yet recorded").
"""

from __future__ import annotations

import sqlite3

from ..i18n import QT_TRANSLATE_NOOP

# SQLite's primary result codes (https://sqlite.org/rescode.html)
SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_NOMEM, SQLITE_READONLY = 3, 5, 6, 7, 8
SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 10, 11, 13, 14, 26


class StoreError(Exception):
    """The journal could not be read or written; the message is fit to show a person
    (marked for translation, context ``store``: the window shows it translated)."""


class JournalFull(StoreError):
    """The disk (or the journal's size limit) is full."""


class JournalBusy(StoreError):
    """Another process holds the journal's write lock longer than we wait."""


class JournalUnwritable(StoreError):
    """Read-only or not permitted: the folder's permissions."""


class JournalDamaged(StoreError):
    """Not a journal, or a damaged one: refused untouched."""


class SchemaTooNew(StoreError):
    pass


class Conflict(StoreError):
    """An order changed in the journal since it was read (another process wrote it):
    re-read it and derive the change again, never overwrite it."""


def classify(exc: sqlite3.Error) -> StoreError:
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    if primary == SQLITE_FULL:
        return JournalFull(QT_TRANSLATE_NOOP(
            "store", "The disk is full: the order journal cannot be written."))
    if primary in (SQLITE_BUSY, SQLITE_LOCKED):
        return JournalBusy(QT_TRANSLATE_NOOP(
            "store", "The order journal is busy in another BloomDesk; try again."))
    if primary in (SQLITE_READONLY, SQLITE_PERM, SQLITE_CANTOPEN):
        return JournalUnwritable(QT_TRANSLATE_NOOP(
            "store", "The order journal cannot be written: check the state folder's "
            "permissions."))
    if primary in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return JournalDamaged(QT_TRANSLATE_NOOP(
            "store", "The order journal is damaged or is not a BloomDesk journal; it was "
            "left untouched."))
    if primary == SQLITE_IOERR:
        return StoreError(QT_TRANSLATE_NOOP(
            "store", "The disk failed while writing the order journal ({name}).").format(
            name=getattr(exc, "sqlite_errorname", "I/O error")))
    return StoreError(QT_TRANSLATE_NOOP("store", "The order journal failed ({error}).").format(
        error=f"{type(exc).__name__}: {exc}"))
