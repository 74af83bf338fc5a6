"""How the window's parts tell the user something, and run work on the loop.

``report`` is the one message bridge (after qutebrowser's ``utils/message.py``): any
controller says what happened through it, and the window decides where that shows
(the status line; errors also in the banner).  ``Tasks.spawn`` runs a coroutine on
the qasync loop and turns its failure into words, the provider's own where it
refused; nothing a provider says is ever raised into Qt.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QStatusBar

from .notices import Banner
from .words import translated

if TYPE_CHECKING:
    import asyncio

    from ..core.events import ErrorRaised
    from .balances import BalanceBar

log = logging.getLogger(__name__)


class Report(Protocol):
    def __call__(self, text: str, *, error: bool = False, timeout: int = 5000) -> None: ...


Failed = Callable[[BaseException], None]


def error_text(exc: BaseException) -> str:
    """An error in words fit to show: the provider's own, or BloomDesk's in the user's
    language."""
    from ..core.errors import LocalError  # here: the window paints before the core loads
    from ..providers.errors import ProviderError
    from ..redact import redact
    from ..store import StoreError

    if isinstance(exc, ProviderError | LocalError):
        return redact(translated(exc.message))
    if isinstance(exc, StoreError):
        return translated(exc.args[0]) if exc.args and isinstance(exc.args[0], str) \
            else str(exc)
    log.error("Unexpected failure", exc_info=exc)
    return QCoreApplication.translate(
        "Tasks", "Failed unexpectedly ({error}); the log has the details.").format(
        error=type(exc).__name__)


class Messages:
    """Where a report shows: the status line, and for errors the banner too."""

    def __init__(self, status: QStatusBar, banner: Banner) -> None:
        self.status = status
        self.banner = banner

    def __call__(self, text: str, *, error: bool = False, timeout: int = 5000) -> None:
        if error:
            self.banner.show_message(text)
            timeout = max(timeout, 10_000)
        self.status.showMessage(text, timeout)


class Tasks:
    """The window's background work: each task's failure reported, all cancelled on
    shutdown."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self._tasks: set[asyncio.Task[Any]] = set()

    def spawn(self, coro: Coroutine[Any, Any, Any], what: str,
              failed: Failed | None = None) -> asyncio.Task[Any]:
        """Run `coro`; a failure goes to `failed` when given, else it is reported as
        "`what`: the error"."""
        import asyncio  # here: the window paints before asyncio is imported

        task = asyncio.ensure_future(coro)
        self._tasks.add(task)

        def done(t: asyncio.Task[Any]) -> None:
            self._tasks.discard(t)
            if t.cancelled():
                return
            exc = t.exception()
            if exc is None:
                return
            if failed is not None:
                failed(exc)
            else:
                self.report(f"{what}: {error_text(exc)}", error=True)

        task.add_done_callback(done)
        return task

    async def cancel_all(self) -> None:
        import asyncio

        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)


def route_error(event: ErrorRaised, report: Report, balances: BalanceBar, *,
                buying: bool) -> None:
    """An error the Desk raised, routed by its kind: a balance's marks that balance; a
    buy's is the busy buyer's to tell (`buying`); each shows in the user's language."""
    from ..core.events import ErrorKind

    if event.kind is ErrorKind.BUY and buying:
        return
    if event.kind is ErrorKind.BALANCE and event.account:
        balances.set_error(event.account, event.message)
    said = translated(event.message)
    report(f"{event.account}: {said}" if event.account else said, error=True)
