"""The core's words in the user's language.

The core hands the window sentences marked for translation (:class:`bloomdesk.i18n.Phrase`:
the English, its source string and the values filled into it); here the source is
looked up in the catalogue and the same values are filled into the translation.  A
provider's own words, and anything unmarked, pass through as they are.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from ..domain import Order
from ..i18n import Phrase
from ..wording import REASONS

# Where the core's fixed sentences live, tried for text that lost its Phrase on the
# way (a provider's refusal kept in the journal as an order's note, say).
_CONTEXTS = ("providers", "errors", "store", "reasons", "blockers", "webhooks")


def translated(text: str | None) -> str:
    """`text` in the user's language where the catalogue has it."""
    if text is None:
        return ""
    if not isinstance(text, Phrase):
        return known(text)
    source = QCoreApplication.translate(text.context, text.source)
    if not text.values:
        return source
    values = {name: _value(value) for name, value in text.values.items()}
    try:
        return source.format(**values)
    except (KeyError, IndexError, ValueError):  # a broken translation: the English
        return str(text)


def _value(value: Any) -> Any:
    return translated(value) if isinstance(value, Phrase) else value


def known(text: str) -> str:
    """A plain string that is one of the core's fixed sentences, translated; any other
    text (a provider's own words) as it is."""
    if not text or "{" in text:
        return text
    for context in _CONTEXTS:
        said = QCoreApplication.translate(context, text)
        if said != text:
            return said
    return text


def explain(order: Order) -> str | None:
    """Why the order stands as it does (wording.explain), in the user's language; the
    provider's own words as the provider wrote them."""
    text = translated(REASONS[order.reason]) if order.reason else None
    note = known(order.note) if order.note else None
    if note and text:
        return QCoreApplication.translate("words", "{reason} ({note})").format(
            reason=text, note=note)
    return text or note
