"""Words below the window, marked for Qt's translation without importing Qt.

The core, the providers and the CLI speak English (scripts parse the CLI, tests read
the core), yet every sentence they hand the window must be translatable.  So each one
is written as a fixed source string marked with :func:`QT_TRANSLATE_NOOP`, which
``pyside6-lupdate`` extracts into the ``.ts`` catalogues beside this file, and its
values are filled in afterwards with :meth:`Phrase.format`, never inside the source:

    QT_TRANSLATE_NOOP("blockers", "Wait {wait} s before cancelling.").format(wait=3)

What comes back is a :class:`Phrase`: a ``str`` whose value is the English sentence,
byte for byte what the code printed before, which also remembers its context, its
source and its values, so that the window can translate the source and fill the same
values into the translation (``ui/words.py``).  A Phrase glued to other text becomes
a plain ``str`` again: English, as before.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

CATALOGUES = Path(__file__).resolve().parent  # bloomdesk_<lang>.ts and .qm

_EMPTY: Mapping[str, Any] = MappingProxyType({})


class Phrase(str):
    """English text that knows the source string (and values) it was made from."""

    context: str
    source: str
    values: Mapping[str, Any]

    def __new__(cls, context: str, source: str, text: str | None = None,
                values: Mapping[str, Any] = _EMPTY) -> Phrase:
        made = super().__new__(cls, source if text is None else text)
        made.context, made.source, made.values = context, source, values
        return made

    def format(self, *args: object, **values: Any) -> Phrase:
        """The source filled with `values` (by name only: a translation may reorder
        them), as a Phrase that remembers them."""
        if args:
            raise TypeError("a Phrase takes its values by name")
        return Phrase(self.context, self.source, self.source.format(**values),
                      MappingProxyType(dict(values)))

    def __reduce__(self) -> tuple[Any, ...]:
        return (Phrase, (self.context, self.source, str(self), dict(self.values)))


def QT_TRANSLATE_NOOP(context: str, source: str) -> Phrase:  # noqa: N802 - lupdate's name
    """Mark `source` for translation in `context`; its English is the source itself."""
    return Phrase(context, source)

