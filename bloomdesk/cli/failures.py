"""Exit codes and how a failure is told (text, or JSON on stderr)."""

from __future__ import annotations

import sys

from ..core.errors import InvalidInput, LocalError
from ..providers.errors import ProviderError, Unavailable
from ..store import StoreError
from .output import json_text, say

EXIT_OK, EXIT_USAGE, EXIT_REFUSED, EXIT_NETWORK, EXIT_LOCAL, EXIT_NO_CODE = 0, 2, 3, 4, 5, 6
EXIT_NOT_POSSIBLE = 7  # BloomDesk itself refused: no such order or account, nothing to do
EXIT_MAYBE_BOUGHT = 8  # a buy got no answer: the provider may have charged (order kept)

class Failure(Exception):
    """A command's own failure: what to say, a token for scripts, the exit code."""

    def __init__(self, message: str, exit_code: int, token: str = "",
                 order: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code
        self.token = token
        self.order = order  # the order the failure is about, where there is one


def exit_code_of(exc: BaseException) -> int:
    if isinstance(exc, Failure):
        return exc.exit_code
    if isinstance(exc, Unavailable):
        return EXIT_NETWORK
    if isinstance(exc, ProviderError):
        return EXIT_REFUSED
    if isinstance(exc, StoreError):
        return EXIT_LOCAL
    if isinstance(exc, InvalidInput):
        return EXIT_LOCAL if exc.token == "NO_KEY" else EXIT_USAGE
    if isinstance(exc, LocalError):
        return EXIT_NOT_POSSIBLE
    return EXIT_LOCAL


def report(exc: Failure | ProviderError | LocalError | StoreError, as_json: bool) -> int:
    code = exit_code_of(exc)
    message = getattr(exc, "message", None) or str(exc)
    token = getattr(exc, "token", None) or type(exc).__name__
    if as_json:
        order = getattr(exc, "order", None)
        print(json_text({"error": message, "token": token, "exit": code,
                         **({"order": order} if order is not None else {})}), file=sys.stderr)
    else:
        say(f"bloomdesk-cli: {message}", sys.stderr)
    return code
