"""The rate budget's memory, shared by every process on one journal.

A provider counts every request of a key, whichever program sent it: the window and
a script running ``bloomdesk-cli`` on the same account spend one budget.  So the send
times live in the journal's database (table ``sends``), written through a connection
of their own with ``synchronous=NORMAL``: a request time lost in a power cut costs
nothing, and an fsync per request would.  A ``Retry-After`` pause is shared the same
way (table ``pauses``).

Every request asks the ledger on the event loop, so its connection waits for another
process's lock only briefly (``BUSY_TIMEOUT``): a window must not freeze for the
journal's 3 s; the caller goes on in memory for a while instead (``SharedWindow``).
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from .db import Connection
from .errors import classify

PRUNE_EVERY = 200  # sends between two clean-ups of old rows
BUSY_TIMEOUT = 0.05  # seconds a write waits for another process's lock (on the loop)


class Ledger:
    def __init__(self, path: Path, *, busy_timeout: float = BUSY_TIMEOUT) -> None:
        self._c = Connection(path, synchronous="NORMAL", busy_timeout=busy_timeout)
        self._c.db.execute("PRAGMA synchronous=NORMAL")
        self._count = 0

    @property
    def busy_timeout(self) -> float:
        return self._c.busy_timeout

    def close(self) -> None:
        self._c.close()

    def wait(self, account_uid: str, now: float, room: int, window: float,
             ignore_pause: bool = False, kin: tuple[str, ...] = ()) -> float:
        """Seconds until one more request fits (0: now), without taking it.  A read:
        another process's write lock does not hold it up.  `kin`: accounts that are
        one key at the provider with this one: their sends and pauses count too."""
        try:
            return self._wait(self._c.db, (account_uid, *kin), now, room, window,
                              ignore_pause)
        except sqlite3.Error as exc:
            raise classify(exc) from None

    def record(self, account_uid: str, sends: tuple[tuple[float, bool], ...], paused: float,
               now: float, window: float) -> None:
        """Put in sends (and a pause) made while the ledger could not be written, those
        still inside the window, so that every process counts them."""
        with self._c.tx() as db:
            db.executemany("INSERT INTO sends (account_uid, at, user) VALUES (?,?,?)",
                           [(account_uid, at, int(by_user)) for at, by_user in sends
                            if at > now - window])
            if paused > now:
                db.execute("INSERT INTO pauses (account_uid, until) VALUES (?, ?) ON "
                           "CONFLICT(account_uid) DO UPDATE SET until = "
                           "max(until, excluded.until)", (account_uid, paused))

    def take(self, account_uid: str, now: float, room: int, window: float, user: bool,
             ignore_pause: bool = False,
             earlier: tuple[tuple[float, bool], ...] = (), kin: tuple[str, ...] = ()) -> float:
        """Record a request if it fits now (0 returned) or say how long to wait; the
        check and the record are one transaction, so two processes never both take the
        last place.  `earlier`: sends made while the ledger could not be written, put
        in first (those still inside the window), so that every process counts them."""
        with self._c.tx() as db:
            db.executemany("INSERT INTO sends (account_uid, at, user) VALUES (?,?,?)",
                           [(account_uid, at, int(by_user)) for at, by_user in earlier
                            if at > now - window])
            wait = self._wait(db, (account_uid, *kin), now, room, window, ignore_pause)
            if wait <= 0:
                db.execute("INSERT INTO sends (account_uid, at, user) VALUES (?,?,?)",
                           (account_uid, now, int(user)))
                self._count += 1
                if self._count % PRUNE_EVERY == 0:
                    db.execute("DELETE FROM sends WHERE at < ?", (now - 4 * window,))
        return wait

    @staticmethod
    def _wait(db: sqlite3.Connection, uids: tuple[str, ...], now: float, room: int,
              window: float, ignore_pause: bool) -> float:
        wait = 0.0
        among = f"account_uid IN ({','.join('?' * len(uids))})"
        if not ignore_pause:
            paused = db.execute(f"SELECT MAX(until) FROM pauses WHERE {among}",
                                uids).fetchone()
            if paused is not None and paused[0] is not None:
                wait = max(0.0, float(paused[0]) - now)
        # the oldest send that still blocks: the room-th most recent inside the window
        row = db.execute(f"SELECT at FROM sends WHERE {among} AND at > ? "
                         "ORDER BY at DESC LIMIT 1 OFFSET ?",
                         (*uids, now - window, max(0, room - 1))).fetchone()
        if row is not None:
            wait = max(wait, float(row[0]) + window - now)
        return wait

    def used(self, account_uid: str, now: float, window: float,
             kin: tuple[str, ...] = ()) -> int:
        uids = (account_uid, *kin)
        return int(self._c.read(
            f"SELECT COUNT(*) FROM sends WHERE account_uid IN ({','.join('?' * len(uids))}) "
            "AND at > ?", (*uids, now - window))[0][0])

    def pause(self, account_uid: str, until: float) -> None:
        with self._c.tx() as db:
            db.execute("INSERT INTO pauses (account_uid, until) VALUES (?, ?) ON CONFLICT"
                       "(account_uid) DO UPDATE SET until = max(until, excluded.until)",
                       (account_uid, until))


def wall_clock() -> float:
    """The ledger's clock: shared by processes, so the wall clock, not a monotonic one."""
    return time.time()
