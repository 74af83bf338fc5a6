"""Numbers from a provider, bounded before they are converted.

A number on the wire is text a stranger wrote.  ``Decimal("1e999999999")`` is cheap,
but ``int()`` of it, or formatting it with ``:f``, builds a billion digits (minutes,
gigabytes); ``int()`` of a 5,000-digit string raises a bare ``ValueError`` on 3.11,
and hangs where ``PYTHONINTMAXSTRDIGITS=0``.  So every number is checked first for
its length, then for its range and scale, and only then converted.  These functions
answer None beyond the bounds; ``http.money`` and ``http.int_field`` turn that into a
:class:`ProtocolError`, never a hang, a ``MemoryError`` or a ``ValueError``.

The checks are cheap on the price-list path: the length check is one ``len``, and
the range checks compare a ``Decimal``'s exponent, not its digits.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

# The longest number text read at all.  A money amount within the bounds below needs
# at most 10 integer digits, a point and 20 decimals (31 characters); a count 10.
# 40 leaves room for signs, exponents and zeros, and keeps every conversion below a
# microsecond.
NUMBER_MAX_CHARS = 40
# Money (prices, balances): 0 to a billion, whatever the currency; beyond that no
# activation service's figure is real.
MONEY_MAX = Decimal(10) ** 9
# Decimal places of money.  Real answers have 2 to 4; 20 admits the float artefacts
# PHP servers print (0.30000000000000004, 17 places) while refusing 1e-999999999,
# whose ``:f`` form is a billion characters.
MONEY_MAX_PLACES = 20
# Counts (stock, numbers available): 0 to a billion.
COUNT_MAX = 10**9
_COUNT_DIGITS = len(str(COUNT_MAX))
_MAX_BITS = 140  # an int of ~42 decimal digits: as long as NUMBER_MAX_CHARS allows


class NumberTooLong(ValueError):
    """A JSON number with more characters than :data:`NUMBER_MAX_CHARS`.

    A ``ValueError`` so that ``json.loads`` callers catching bad JSON catch it too.
    """


def json_int(text: str) -> int:
    """``parse_int`` for ``json.loads``: the digits' length checked before ``int()``."""
    if len(text) > NUMBER_MAX_CHARS:
        raise NumberTooLong(text[:20])
    return int(text)


def json_float(text: str) -> Decimal:
    """``parse_float`` for ``json.loads``: a Decimal (never a float), length checked."""
    if len(text) > NUMBER_MAX_CHARS:
        raise NumberTooLong(text[:20])
    return Decimal(text)


def as_decimal(value: Any) -> Decimal | None:
    """A provider's number as a Decimal, or None when it is not one or too long."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool) or value is None or isinstance(value, dict | list):
        return None
    if isinstance(value, int):
        return Decimal(value) if value.bit_length() <= _MAX_BITS else None
    text = str(value).strip()
    if not text or len(text) > NUMBER_MAX_CHARS:
        return None
    try:
        return Decimal(text)
    except (InvalidOperation, ValueError):
        return None


def money_or_none(value: Any) -> Decimal | None:
    """Money within bounds, or None: finite, 0 to :data:`MONEY_MAX`, at most
    :data:`MONEY_MAX_PLACES` decimals.  Checked on the exponent, never on digits."""
    amount = as_decimal(value)
    if amount is None or not amount.is_finite() or (amount.is_signed() and amount != 0):
        return None
    if amount > MONEY_MAX:  # compares exponents first: cheap even for 1e999999999
        return None
    exponent = amount.as_tuple().exponent  # an int for a finite number
    if isinstance(exponent, int) and -exponent > MONEY_MAX_PLACES:
        return None
    return amount


def count_or_none(value: Any) -> int | None:
    """A count (stock) from 0 to :data:`COUNT_MAX`, or None.

    A plain int or digit string is the fast path (the price list's 100k counts); a
    decimal form (``"12.0"``, ``1e3``) is read through Decimal after its range is
    checked, so ``"1e999999999"`` never reaches ``int()``.  A fraction is truncated.
    """
    if type(value) is int:
        return value if 0 <= value <= COUNT_MAX else None
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        text = value.strip()
        if text.isascii() and text.isdigit() and len(text) <= _COUNT_DIGITS:
            number = int(text)
            return number if number <= COUNT_MAX else None
    amount = as_decimal(value)
    if amount is None or not amount.is_finite() or not 0 <= amount <= COUNT_MAX:
        return None
    return int(amount)  # bounded above: at most ten digits before the point
