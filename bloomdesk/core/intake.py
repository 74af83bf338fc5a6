"""What a poller's answers do to the book: taken in (the book keeps in memory what the
journal cannot take), "not found" counted until the provider says it consistently,
and trouble said once to whoever shows it, never the end of the poller's task."""

from __future__ import annotations

import logging
from functools import partial

from ..domain import Activation
from ..store import StoreError
from . import transitions
from .crew import Crew
from .events import ErrorKind, ErrorRaised

log = logging.getLogger(__name__)


class Intake:
    def __init__(self, label: str, crew: Crew) -> None:
        self.label = label
        self.crew = crew
        self.misses: dict[int, tuple[int, float]] = {}  # order -> (not-found answers, since)
        self._journal_told: str | None = None  # the journal trouble last reported

    def apply(self, answers: list[tuple[int, Activation]]) -> bool:
        """Take in the answers (the book keeps in memory what the journal cannot take);
        False when the journal could not take them: a fault, said once, backed off."""
        now = self.crew.clock()
        book = self.crew.book
        results = book.change_many([(order_id, partial(transitions.polled, act=act, now=now))
                                    for order_id, act in answers])
        changed = [order.id for order in results if order is not None]
        trouble = next((e for e in map(book.unsaved, changed) if e), None)
        if trouble is not None:
            self.journal_failed(trouble)
            return False
        if changed:  # the journal took them: a later trouble is news again
            self._journal_told = None
        return True

    def not_found(self, order_id: int) -> bool:
        """One more "not found": the order ends only when that is consistent (or it
        has expired); until then it is a fault, retried with backoff."""
        now = self.crew.clock()
        misses, since = self.misses.get(order_id, (0, now))
        misses += 1
        self.misses[order_id] = (misses, since)
        done = self.crew.book.change(
            order_id, lambda o: transitions.not_found(o, misses, since, now), "gone")
        if done is not None:
            self.misses.pop(order_id, None)
            return True
        log.info("Polling %s: order %s not found (%d in a row); asking again later",
                 self.label, order_id, misses)
        return False

    def report(self, message: str, kind: ErrorKind) -> None:
        log.info("Polling %s: %s", self.label, message)
        self.crew.book.bus.publish(ErrorRaised(self.label, message, kind=kind))

    def journal_failed(self, error: StoreError | str) -> None:
        """The journal failed under a background task: said once (until it works
        again), never the end of the task; the caller backs off."""
        message = str(error)
        if self._journal_told != message:
            self._journal_told = message
            self.report(message, ErrorKind.JOURNAL)
