"""Which processes on one state directory are alive, as the OS sees it.

Each process holds an exclusive lock on a small file of its own (``live/<token>``)
for as long as it runs; the OS drops the lock when the process ends, however it ends
(SIGKILL included).  Another process can then tell at once that the owner of a
PENDING order is gone and reconcile the order, and that an owner still runs however
long its buy waits for rate-budget room.  A process that cannot hold a lock file (the
folder refuses it) says so in its token: of its orders, others can tell nothing, and
go by their lease alone.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path
from typing import IO

from ..filelock import try_lock

UNTOLD = "nolock-"  # the token of a process that holds no lock file: its life untold


class Owners:
    def __init__(self, directory: Path) -> None:
        self.directory = directory / "live"
        self.token = secrets.token_hex(8)
        self._handle: IO[bytes] | None = None
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            handle = open(self.directory / self.token, "wb")  # noqa: SIM115 - held open
        except OSError:
            handle = None
        if handle is not None and try_lock(handle):
            self._handle = handle
            return
        if handle is not None:
            handle.close()
            with contextlib.suppress(OSError):
                os.unlink(self.directory / self.token)
        # no lock file: others must not read our absence as our death
        self.token = UNTOLD + self.token

    def alive(self, token: str | None) -> bool | None:
        """Whether the process that wrote `token` still runs (ours always does); None
        when that cannot be told (the caller then goes by the order's lease)."""
        if not token:
            return False
        if token == self.token:
            return True
        if token.startswith(UNTOLD):
            return None
        path = self.directory / token
        if len(token) != 16 or not all(c in "0123456789abcdef" for c in token):
            return False
        try:
            handle = open(path, "rb+")  # noqa: SIM115
        except FileNotFoundError:
            return False
        except OSError:
            return None  # cannot tell (a permission, say)
        with handle:
            if not try_lock(handle):
                return True
        with contextlib.suppress(OSError):
            os.unlink(path)  # its owner is gone: tidy up
        return False

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None
            with contextlib.suppress(OSError):
                os.unlink(self.directory / self.token)
