"""The window's side of the webhook receiver (the receiver itself is core/webhook.py)."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from .main_window import MainWindow


class WebhookControl(QObject):
    """Starts, restarts and stops the Desk's webhook receiver as the settings say;
    a port it cannot listen on is a banner, not a crash."""

    listening = Signal(str)  # the receiver's URL

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._lock = asyncio.Lock()  # one start or stop at a time, in the order asked

    def status(self) -> str:
        receiver = self.window.desk.receiver
        if receiver is not None:
            return str(receiver.status())
        return "Off." if not self.window.prefs.webhook_enabled else "Not listening."

    def restart(self) -> None:
        self.window.spawn(self.apply(), "Webhook receiver")

    async def apply(self) -> None:
        async with self._lock:
            prefs, desk = self.window.prefs, self.window.desk
            if not prefs.webhook_enabled:
                await desk.stop_webhook()
                return
            try:
                receiver = await desk.start_webhook(prefs.webhook_host, prefs.webhook_port,
                                                    prefs.webhook_token)
            except OSError as exc:
                self.window.banner.show_message(f"Webhooks are off: {exc.strerror or exc}")
                return
        self.listening.emit(receiver.url)
        self.window.statusBar().showMessage(f"Receiving webhooks at {receiver.url}", 5000)
