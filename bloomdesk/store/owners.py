"""Which processes on one state directory are alive, as the OS sees it.

Each process holds an exclusive lock on a small file of its own (``live/<token>``)
for as long as it runs; the OS drops the lock when the process ends, however it ends
(SIGKILL included).  Another process can then tell at once that the owner of a
PENDING order is gone and reconcile the order, instead of waiting out its lease.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path
from typing import IO

from ..filelock import try_lock


class Owners:
    def __init__(self, directory: Path) -> None:
        self.directory = directory / "live"
        self.token = secrets.token_hex(8)
        self._handle: IO[bytes] | None = None
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            handle = open(self.directory / self.token, "wb")  # noqa: SIM115 - held open
        except OSError:
            return  # a read-only folder: others then rely on the lease alone
        if try_lock(handle):
            self._handle = handle
        else:
            handle.close()

    def alive(self, token: str | None) -> bool:
        """Whether the process that wrote `token` still runs (ours always does)."""
        if not token:
            return False
        if token == self.token:
            return True
        path = self.directory / token
        if len(token) != 16 or not all(c in "0123456789abcdef" for c in token):
            return False
        try:
            handle = open(path, "rb+")  # noqa: SIM115
        except FileNotFoundError:
            return False
        except OSError:
            return True  # cannot tell: assume alive, the lease still bounds it
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
