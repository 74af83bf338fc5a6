"""What the account dialogs share: the providers to choose from and what each offers
(in the user's language), async tasks tied to a dialog, an error in words, and the
style of the no-keyring notice."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from typing import Any

from PySide6.QtCore import QCoreApplication

from ..core.errors import LocalError
from ..i18n import QT_TRANSLATE_NOOP
from ..providers import KINDS, PROFILES
from ..providers.errors import ProviderError
from ..providers.presets import PRESETS, preset
from ..providers.profiles import ACTIVE_LIST, REQUEST_ANOTHER_SMS, RERENT
from ..redact import redact
from ..store import StoreError
from .look import Tone, css, wash
from .words import translated

translate = QCoreApplication.translate
log = logging.getLogger(__name__)

OTHER_COMPATIBLE = QT_TRANSLATE_NOOP("AccountEditor",
                                     "Other SMS-Activate compatible (enter the URL)")


def warning_style() -> str:
    """A notice to read before acting (no keyring): a wash of the warning tone."""
    return f"background: {css(wash(Tone.WARNING))}; padding: 6px;"


def provider_choices() -> list[tuple[str, str, str | None]]:
    """The editor's list of providers: (title, kind, preset name).  The built-in kinds,
    then every known compatible service by name, then "other" (any URL) last."""
    choices: list[tuple[str, str, str | None]] = [
        (PROFILES[k].title, k, None) for k in KINDS if not PROFILES[k].needs_base_url]
    choices += [(p.title, p.kind, p.name) for p in PRESETS if PROFILES[p.kind].needs_base_url]
    choices += [(translated(OTHER_COMPATIBLE), k, None) for k in KINDS
                if PROFILES[k].needs_base_url]
    return choices


def describe(kind: str, preset_name: str | None = None) -> str:
    """What a provider offers, in a line, for the editor."""
    profile = PROFILES[kind]
    has = []
    if REQUEST_ANOTHER_SMS in profile.capabilities:
        has.append(translate("AccountEditor", "another SMS"))
    if RERENT in profile.capabilities:
        has.append(translate("AccountEditor", "re-rent"))
    if ACTIVE_LIST in profile.capabilities:
        has.append(translate("AccountEditor", "batch polling"))
    parts = [", ".join(has) or translate("AccountEditor", "cancel and complete only"),
             translate("AccountEditor", "{rate} requests/min").format(
                 rate=profile.requests_per_minute)]
    if profile.charge_silent_after:
        parts.append(translate("AccountEditor", "silent orders are charged after {seconds} s "
                               "(auto-cancel on)").format(
            seconds=int(profile.charge_silent_after)))
    known = preset(preset_name) if preset_name else None
    if known is not None:
        answers = [a for a, on in known.actions.items() if on]
        if answers:
            parts.append(translate("AccountEditor", "answers {actions}").format(
                actions=", ".join(answers)))
        if known.cancel_grace:
            parts.append(translate("AccountEditor", "cancels accepted {minutes} min after "
                                   "purchase").format(minutes=int(known.cancel_grace) // 60))
    return "; ".join(parts)


class DialogTasks:
    """Tasks a dialog started, cancelled when it closes."""

    def __init__(self) -> None:
        self.tasks: set[asyncio.Task[Any]] = set()

    def run(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        task = asyncio.ensure_future(coro)
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)
        return task

    def cancel(self) -> None:
        for task in list(self.tasks):
            task.cancel()


def error_text(exc: BaseException) -> str:
    """The error in the user's language, with the provider's token where it sent one."""
    if isinstance(exc, ProviderError):
        said = redact(translated(exc.message))
        return f"{said} [{exc.token}]" if exc.token else said
    if isinstance(exc, LocalError):
        return translated(exc.message)
    if isinstance(exc, StoreError):
        return translated(exc.args[0]) if exc.args and isinstance(exc.args[0], str) \
            else str(exc)
    log.error("Account action failed", exc_info=exc)
    return translate("AccountEditor", "Failed unexpectedly: {error}").format(
        error=type(exc).__name__)


