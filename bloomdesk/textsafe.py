"""Text from a provider, made harmless before anyone shows it.

A provider's answer is data from a stranger: a "code" can hold ``ESC[2J`` (clear the
screen), ``ESC]52;c;…BEL`` (write the terminal's clipboard), a right-to-left override
that makes ``1234`` read as ``4321``, or ``=HYPERLINK(…)`` waiting for a spreadsheet.
The provider layer passes every code, phone and text through ``clean_*`` here as it
builds an :class:`~bloomdesk.domain.Activation`, so the core, the CLI and the window
only ever see short, printable values.  ``for_terminal`` and ``for_csv`` are the last
step of the two outputs that interpret text themselves: a terminal and a spreadsheet.

No Qt, no I/O: pure functions of strings.
"""

from __future__ import annotations

import re
from typing import overload

# Lengths.  A verification code is 4-8 characters in practice; some services send a
# word or "G-123456".  Anything longer is no longer a code, but it is still shown
# (bounded) rather than dropped: the user paid for it.
CODE_MAX_CHARS = 32
# E.164 allows 15 digits; local formats with a trunk prefix are a little longer.
PHONE_MAX_DIGITS = 20
# A neutralised phone (not digits) is shown escaped, up to this many characters.
PHONE_MAX_CHARS = 40
# An SMS is 160 characters (70 in UCS-2) per part; long texts are a few parts.
TEXT_MAX_CHARS = 1000
# Names of services and countries, statuses and other short labels.
NAME_MAX_CHARS = 120

ELLIPSIS = "…"

# Unicode's bidirectional embeddings, overrides and isolates: invisible, and they
# reorder what a person reads (CVE-2021-42574, "trojan source").
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}
_PHONE_SEPARATORS = str.maketrans("", "", " -().\u00a0")
_PHONE = re.compile(rf"\+?[0-9]{{1,{PHONE_MAX_DIGITS}}}")


def escape_char(ch: str) -> str:
    """``\\x1b``, ``\\n``, ``\\u202e``: a visible stand-in for an invisible character."""
    named = _NAMED.get(ch)
    if named is not None:
        return named
    point = ord(ch)
    if point < 0x100:
        return f"\\x{point:02x}"
    if point < 0x10000:
        return f"\\u{point:04x}"
    return f"\\U{point:08x}"


def _visible(text: str) -> str:
    """Every character Python does not call printable (C0, C1, DEL, format, surrogate,
    private and unassigned code points, separators other than space) shown escaped."""
    if text.isprintable():
        return text  # the common case, in C
    return "".join(ch if ch.isprintable() else escape_char(ch) for ch in text)


def _bounded(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: max(limit - 1, 0)] + ELLIPSIS


@overload
def clean_code(raw: str) -> str | None: ...
@overload
def clean_code(raw: None) -> None: ...
def clean_code(raw: str | None) -> str | None:
    """A verification code as it may be shown and copied: trimmed, printable, short.

    None for no code.  A code with control or escape characters is kept, visibly
    escaped (``123\\x1b[2J``), so that the user sees something is wrong instead of
    pasting it; one longer than :data:`CODE_MAX_CHARS` is cut with an ellipsis.
    """
    if raw is None:
        return None
    text = raw.strip()
    if not text:
        return None
    return _bounded(_visible(text), CODE_MAX_CHARS)


@overload
def clean_phone(raw: str) -> str | None: ...
@overload
def clean_phone(raw: None) -> None: ...
def clean_phone(raw: str | None) -> str | None:
    """A phone number: ASCII digits with an optional leading ``+``.

    Spaces, dashes, dots and parentheses are dropped (``+1 (555) 010-0199`` becomes
    ``+15550100199``).  Anything else (letters, CR/LF, escapes, too many digits) is
    not a phone: it is returned escaped and bounded, never raw, so that an order that
    cost money still shows what the provider sent.
    """
    if raw is None:
        return None
    text = raw.strip()
    if not text:
        return None
    compact = text.translate(_PHONE_SEPARATORS)
    if _PHONE.fullmatch(compact):
        return compact
    return _bounded(_visible(text), PHONE_MAX_CHARS)


@overload
def clean_text(raw: str, limit: int = TEXT_MAX_CHARS) -> str: ...
@overload
def clean_text(raw: None, limit: int = TEXT_MAX_CHARS) -> None: ...
def clean_text(raw: str | None, limit: int = TEXT_MAX_CHARS) -> str | None:
    """A provider's free text (the full SMS, a message, a name) on one line.

    Line breaks, tabs and other white space become single spaces (every place that
    shows it, a table cell, a tray message, a CLI line, a CSV cell, is one line);
    every other non-printable character is shown escaped; at most ``limit``
    characters, cut with an ellipsis.
    """
    if raw is None:
        return None
    if raw.isprintable() and len(raw) <= limit and raw == raw.strip():
        return raw  # names in a 100k-offer price list: the fast path
    flat = " ".join(raw.split())  # str.split() splits on every Unicode white space
    return _bounded(_visible(flat), limit)


def _terminal_table() -> dict[int, str]:
    table = {point: escape_char(chr(point)) for point in range(0x20)}
    table.update({point: escape_char(chr(point)) for point in range(0x7F, 0xA0)})
    table.update({ord(ch): escape_char(ch) for ch in _BIDI})
    table.update({0x2028: "\\u2028", 0x2029: "\\u2029"})
    return table


_TERMINAL = _terminal_table()


def for_terminal(text: str) -> str:
    """Text to print on a terminal: every C0 and C1 control (ESC, BEL, CR, LF, TAB,
    CSI…), DEL, the bidirectional controls and the Unicode line separators shown
    escaped, so that no byte a provider chose is interpreted by the terminal."""
    return text.translate(_TERMINAL)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def for_csv(text: str) -> str:
    """A CSV cell a spreadsheet will not run: a cell starting with ``= + - @``, a tab or
    a CR gets a leading single quote (OWASP's advice for CSV injection).  Quoting of
    commas and quotes stays the csv module's job."""
    if text.startswith(_FORMULA_START):
        return "'" + text
    return text


def is_printable_ascii(text: str) -> bool:
    """Only characters 0x20-0x7E: what an HTTP header or a query can carry as is."""
    return text.isascii() and text.isprintable()
