"""The window's side of the webhook receiver (the receiver itself is core/webhook.py)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from ..core import Desk
from .preferences import Preferences
from .tasks import Report, Tasks
from .words import translated


class WebhookControl(QObject):
    """Starts, restarts and stops the Desk's webhook receiver as the preferences say;
    a port it cannot listen on is a banner, not a crash."""

    listening = Signal(str)  # the receiver's URL

    def __init__(self, desk: Desk, prefs: Callable[[], Preferences], report: Report,
                 tasks: Tasks, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.prefs = prefs
        self.report = report
        self.tasks = tasks
        self._lock = asyncio.Lock()  # one start or stop at a time, in the order asked

    def status(self) -> str:
        receiver = self.desk.receiver
        if receiver is not None:
            return translated(receiver.status())
        return self.tr("Off.") if not self.prefs().webhook_enabled else \
            self.tr("Not listening.")

    def restart(self) -> None:
        self.tasks.spawn(self.apply(), self.tr("Webhook receiver"))

    async def apply(self) -> None:
        async with self._lock:
            prefs, desk = self.prefs(), self.desk
            if not prefs.webhook_enabled:
                await desk.stop_webhook()
                return
            try:
                receiver = await desk.start_webhook(prefs.webhook_host, prefs.webhook_port,
                                                    prefs.webhook_token)
            except OSError as exc:
                self.report(self.tr("Webhooks are off: {error}").format(
                    error=translated(exc.strerror or str(exc))), error=True)
                return
        self.listening.emit(receiver.url)
        self.report(self.tr("Receiving webhooks at {url}").format(url=receiver.url))
