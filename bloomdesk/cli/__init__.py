"""``bloomdesk-cli``: the console face of the Desk, for scripts and headless use.

Exit codes say who refused: 0 success, 2 usage, 3 refused by the provider, 4 network
failure, 5 local failure (journal, keyring, a webhook port), 6 no code (``NO_CODE``:
the wait timed out; ``ENDED``: the order ended without one), 7 refused by BloomDesk
itself (no such order or account, nothing to do for the order), 8 a buy that got no
answer and may have charged (``MAYBE_BOUGHT``: the order is kept as unknown and checked
with the provider, never bought twice).  With ``--json`` stderr is JSON Lines: warnings
as they happen, ``{"warning", "account", "kind"}``, and the error last, ``{"error",
"token", "exit"}`` with ``"order"`` where the failure concerns one.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from collections.abc import Sequence

from ..core import Desk
from ..core.errors import LocalError
from ..paths import journal_path, state_dir
from ..providers.errors import ProviderError
from ..redact import install_log_redaction
from ..secrets import KeyStore
from ..store import Store, StoreError
from . import parser as grammar
from .commands import run
from .failures import (
    EXIT_LOCAL,
    EXIT_MAYBE_BOUGHT,
    EXIT_NETWORK,
    EXIT_NO_CODE,
    EXIT_NOT_POSSIBLE,
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_USAGE,
    Failure,
    report,
)

__all__ = ["EXIT_LOCAL", "EXIT_MAYBE_BOUGHT", "EXIT_NETWORK", "EXIT_NOT_POSSIBLE",
           "EXIT_NO_CODE", "EXIT_OK", "EXIT_REFUSED", "EXIT_USAGE", "journal_path", "main",
           "state_dir"]


def disable_core_dumps() -> None:
    """A core dump of this process would hold API keys in clear: none, where the OS
    lets a process say so."""
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ImportError, ValueError, OSError):
        pass  # Windows has no rlimits (and writes no core files)


def main(argv: Sequence[str] | None = None) -> int:
    disable_core_dumps()
    install_log_redaction()
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)
    args = grammar.build().parse_args(argv)
    try:
        store = Store(journal_path(state_dir(args.state_dir)))
    except StoreError as exc:
        return report(exc, args.json)
    try:
        return asyncio.run(run(args, Desk(store, KeyStore())))
    except (Failure, ProviderError, LocalError, StoreError) as exc:
        return report(exc, args.json)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `… | head` stopped reading: the rest is not wanted
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # nor a traceback when Python flushes it
        return 141  # 128 + SIGPIPE, as a shell tool killed by it says
    finally:
        store.close()
