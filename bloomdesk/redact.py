"""Keep API keys out of every log record, message and excerpt.

Keys are registered when a provider is created.  :func:`redact` removes registered
keys, in plain or percent-encoded form (a server may echo the query it got, and
``+`` or ``/`` in a key arrive as ``%2B``, ``%2f``…), and anything that looks like a
credential in a URL or header.  The log record
factory installed by :func:`install_log_redaction` redacts each record as it is
made, so every handler (file, console, a test's capture) only ever sees clean text,
httpx's own request lines included.
"""

from __future__ import annotations

import logging
import re
import threading
from typing import Any

_lock = threading.Lock()
_secrets: set[str] = set()
_pattern: re.Pattern[str] | None = None

# Credentials that may appear in text even when the key itself is not registered.
_GENERIC = re.compile(
    r"(?i)(api_key=|apikey=|x-api-key:\s*|bearer\s+|authorization:\s*)[^\s&\"',;)]+"
)
MASK = "***"


def encoded_pattern(secret: str) -> str:
    """A regular expression matching ``secret`` whatever percent-encoding it went
    through: each character as itself or as its UTF-8 bytes in ``%XX`` form with hex
    digits of either case, a space also as ``+``.

    This covers ``quote`` (with any safe set), ``quote_plus``, httpx's query encoding
    and upper- or lower-case hex in one pattern, and mixtures of them.
    """
    parts = []
    for ch in secret:
        escaped = "".join(f"%{byte:02X}" for byte in ch.encode("utf-8"))
        either_case = re.sub(r"[A-F]", lambda m: f"[{m[0]}{m[0].lower()}]", escaped)
        forms = [re.escape(ch), either_case] + ([r"\+"] if ch == " " else [])
        parts.append("(?:" + "|".join(forms) + ")")
    return "".join(parts)


def register_secret(secret: str) -> None:
    """Remember a secret so that :func:`redact` removes it wherever it appears, plain
    or percent-encoded (see :func:`encoded_pattern`)."""
    global _pattern
    if not secret or len(secret) < 4:
        return  # too short to redact without mangling ordinary text
    with _lock:
        if secret in _secrets:
            return
        _secrets.add(secret)
        parts = sorted(_secrets, key=len, reverse=True)
        _pattern = re.compile("|".join(encoded_pattern(p) for p in parts))


def redact(text: str) -> str:
    pattern = _pattern
    if pattern is not None:
        text = pattern.sub(MASK, text)
    return _GENERIC.sub(lambda m: m.group(1) + MASK, text)


_installed = False


def install_log_redaction() -> None:
    """Redact every log record at creation (idempotent)."""
    global _installed
    with _lock:
        if _installed:
            return
        _installed = True
    previous = logging.getLogRecordFactory()

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must not hide the record
            message = str(record.msg)
        record.msg = redact(message)
        record.args = None
        if record.exc_info and record.exc_info[1] is not None:
            # Format the traceback now, redacted, so no handler formats the raw one.
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        return record

    logging.setLogRecordFactory(factory)
