"""Bounds on what a provider's answer may hold: numbers, Retry-After, ids in paths.

Each bound is checked before any costly conversion, so every case here is quick;
a case that would hang (``int(Decimal("1e999999999"))``) runs under a time limit
in the integration tests (test_hostile_numbers.py) instead.
"""

from __future__ import annotations

import email.utils
import sys
import time
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest

from bloomdesk.providers.answers import int_field, load_json, money, plain_id
from bloomdesk.providers.errors import NoNumbers, ProtocolError, Rejected, from_token
from bloomdesk.providers.http import Reply, parse_retry_after, path_segment
from bloomdesk.providers.limits import RETRY_AFTER_MAX
from bloomdesk.providers.numbers import (
    COUNT_MAX,
    MONEY_MAX,
    count_or_none,
    money_or_none,
)

BILLION_DIGITS = "1e999999999"


@pytest.mark.parametrize(("value", "expected"), [
    ("17", 17.0),
    ("0", 0.0),
    ("2.5", 2.5),
    ("-5", 0.0),
    ("299", 299.0),
    ("301", RETRY_AFTER_MAX),
    ("86400", RETRY_AFTER_MAX),
    ("1e400", RETRY_AFTER_MAX),
    ("inf", RETRY_AFTER_MAX),
    ("Infinity", RETRY_AFTER_MAX),
    ("-inf", 0.0),
    ("9" * 5000, RETRY_AFTER_MAX),
    ("Fri, 31 Dec 9999 23:59:59 GMT", RETRY_AFTER_MAX),
    ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0),
    ("nan", None),
    ("soon", None),
    ("", None),
    (None, None),
    ("x" * 5000, None),
    ("Fri, 99 Foo 99999 99:99:99 GMT", None),
])
def test_retry_after_is_finite_and_capped(value: str | None, expected: float | None) -> None:
    assert parse_retry_after(value) == expected


def test_retry_after_as_a_near_date() -> None:
    soon = email.utils.format_datetime(datetime.fromtimestamp(time.time() + 60, UTC),
                                       usegmt=True)
    seconds = parse_retry_after(soon)
    assert seconds is not None and 55 <= seconds <= 60


@pytest.mark.parametrize("raw", ["0", "0.50", "12.5085", "1000000000", "0.30000000000000004",
                                 Decimal("4.44"), 7, "  3.10 "])
def test_money_within_bounds(raw: Any) -> None:
    amount = money(raw)
    assert isinstance(amount, Decimal) and 0 <= amount <= MONEY_MAX


@pytest.mark.parametrize("raw", [BILLION_DIGITS, "-1e999999999", "1e-999999999",
                                 Decimal(BILLION_DIGITS), "1000000000.01", "1e10", "-0.01",
                                 "NaN", "sNaN", "Infinity", "9" * 5000, "0." + "1" * 30,
                                 "12,50", "", None, True, "0x10", 10**50])
def test_money_beyond_bounds_is_a_protocol_error(raw: Any) -> None:
    began = time.monotonic()
    with pytest.raises(ProtocolError) as caught:
        money(raw, "balance")
    assert time.monotonic() - began < 0.1
    assert "balance" in caught.value.message and len(caught.value.message) < 200
    assert money_or_none(raw) is None


@pytest.mark.parametrize(("raw", "expected"), [
    (0, 0), (157, 157), ("157", 157), (" 12 ", 12), ("12.0", 12), ("1e3", 1000),
    (Decimal("3527"), 3527), (COUNT_MAX, COUNT_MAX),
])
def test_counts_within_bounds(raw: Any, expected: int) -> None:
    assert count_or_none(raw) == expected
    assert int_field({"count": raw}, "count") == expected


@pytest.mark.parametrize("raw", [BILLION_DIGITS, Decimal(BILLION_DIGITS), "9" * 5000, -1, "-1",
                                 COUNT_MAX + 1, str(COUNT_MAX + 1), "NaN", "inf", "lots",
                                 10**4000, "1e-999999999e"])
def test_counts_beyond_bounds_are_protocol_errors(raw: Any) -> None:
    began = time.monotonic()
    assert count_or_none(raw) is None
    with pytest.raises(ProtocolError) as caught:
        int_field({"stock": raw}, "stock")
    assert time.monotonic() - began < 0.1
    assert "stock" in caught.value.message


@pytest.mark.parametrize("body", [
    '{"balance": 0.' + "1" * 5000 + "}",
    '{"balance": 1' + "0" * 100 + ".5}",
])
def test_json_numbers_are_bounded_while_parsing(body: str) -> None:
    with pytest.raises(ProtocolError) as caught:
        load_json(Reply(200, body, None))
    assert "too many digits" in caught.value.message


@pytest.mark.parametrize("int_digits_limit", [0, 4300, 100_000])
def test_json_ints_are_bounded_whatever_the_interpreter_allows(int_digits_limit: int) -> None:
    """CPython bounds int() at 4,300 digits by default; PYTHONINTMAXSTRDIGITS=0 lifts
    that, and then our own check must hold (a 2 MB number would take minutes)."""
    previous = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(int_digits_limit)
    try:
        for digits in (5_000, 200_000):
            began = time.monotonic()
            with pytest.raises(ProtocolError):
                load_json(Reply(200, '{"stock": ' + "9" * digits + "}", None))
            assert time.monotonic() - began < 0.5
        assert load_json(Reply(200, '{"stock": 12}', None)) == {"stock": 12}
    finally:
        sys.set_int_max_str_digits(previous)


@pytest.mark.parametrize("number", ["1e99999999999999999999999", "-1e-99999999999999999999999"])
def test_an_exponent_beyond_decimal_is_a_protocol_error(number: str) -> None:
    """decimal.InvalidOperation is an ArithmeticError, not a ValueError: it used to
    escape load_json untyped."""
    with pytest.raises(ProtocolError):
        load_json(Reply(200, '{"balance": ' + number + "}", None))


def test_json_numbers_still_parse() -> None:
    assert load_json(Reply(200, '{"a": 1, "b": 0.25, "c": 1e3, "d": -7}', None)) == \
        {"a": 1, "b": Decimal("0.25"), "c": Decimal("1E+3"), "d": -7}


def test_a_bounded_minimum_price() -> None:
    floor = from_token("WRONG_MAX_PRICE", detail="0.75")
    assert isinstance(floor, NoNumbers) and floor.min_price == Decimal("0.75")
    bomb = from_token("WRONG_MAX_PRICE", detail=BILLION_DIGITS)
    assert isinstance(bomb, NoNumbers) and bomb.min_price is None


def test_a_ban_date_is_shown_clean() -> None:
    error = from_token("BANNED", detail="2026-12-01\x1b[2J\x1b]0;x\x07")
    assert error is not None and "\x1b" not in error.message and "\x07" not in error.message


@pytest.mark.parametrize("raw", ["38496653", "cuid_xxx", "ckx1a2b3c4d5e6f7g8h9i0j1k",
                                 "123e4567-e89b-12d3-a456-426614174000", "a:b.c_d-e"])
def test_plain_ids(raw: str) -> None:
    assert plain_id(raw) == raw


@pytest.mark.parametrize("raw", ["../../../admin/wipe", "1?status=x", "1#x", "1/2", "..", ".",
                                 "", " 1", "1 ", "1\r\n2", "-1", "_x", "é1", "1" * 65, None,
                                 "1%2F2", "1\x1b[2J"])
def test_odd_ids_are_refused_at_entry(raw: str | None) -> None:
    with pytest.raises(ProtocolError) as caught:
        plain_id(raw)
    assert "\x1b" not in caught.value.message and "\n" not in caught.value.message


@pytest.mark.parametrize(("raw", "segment"), [
    ("38496653", "38496653"),
    ("../../../admin/wipe", "..%2F..%2F..%2Fadmin%2Fwipe"),
    ("1?status=x", "1%3Fstatus%3Dx"),
    ("a b#c", "a%20b%23c"),
    ("%2F", "%252F"),
])
def test_path_segments_are_encoded(raw: str, segment: str) -> None:
    assert path_segment(raw) == segment


@pytest.mark.parametrize("raw", ["", ".", ".."])
def test_dot_segments_are_refused_before_sending(raw: str) -> None:
    with pytest.raises(Rejected) as caught:
        path_segment(raw)
    assert caught.value.token == "BAD_ID"
