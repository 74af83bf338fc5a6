"""The simulator's sender of BloomSMS ``sms.received`` webhooks (spec 001).

A background thread POSTs each event as JSON to the account's configured URL, as the
provider would from its dashboard setting.  Outcomes are kept for tests.  The same
sender can post an arbitrary body (a forgery, garbage, a flood) for receiver tests.
"""

from __future__ import annotations

import json
import queue
import threading
import time
import urllib.error
import urllib.request
from typing import Any


class WebhookSender:
    def __init__(self, timeout: float = 5.0) -> None:
        self.timeout = timeout
        self.results: list[tuple[str, int | str]] = []  # (url, HTTP status or error)
        self.posted_at: list[float] = []  # time.monotonic() as each post started
        self._queue: queue.Queue[tuple[str, bytes] | None] = queue.Queue()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="sim-webhooks", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join(timeout=self.timeout + 1)
            self._thread = None

    def send(self, url: str, event: dict[str, Any]) -> None:
        """Queue an event; it is posted from the sender's thread."""
        self._queue.put((url, json.dumps(event).encode()))

    def post(self, url: str, body: bytes, content_type: str = "application/json") -> int | str:
        """Post now and return the HTTP status (or the error's name)."""
        self.posted_at.append(time.monotonic())
        request = urllib.request.Request(url, data=body, method="POST",
                                         headers={"Content-Type": content_type,
                                                  "User-Agent": "BloomSMS-Webhooks/1.0"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                outcome: int | str = response.status
        except urllib.error.HTTPError as exc:
            outcome = exc.code
        except (urllib.error.URLError, OSError) as exc:
            outcome = type(exc).__name__
        self.results.append((url, outcome))
        return outcome

    def _run(self) -> None:
        while (item := self._queue.get()) is not None:
            self.post(*item)
