"""The extended answers' pure rules: an end time whatever the server's zone, yes/no as
servers write it, the rows of the active list in every shape."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bloomdesk.providers.extended import active_rows, end_time, flag

SENT = datetime(2026, 3, 1, 12, 0, 0, tzinfo=UTC)
LIFE = 20 * 60.0


def test_the_end_time_is_read_against_the_purchase_in_any_zone() -> None:
    for zone_hours in (0, 3, -5):  # UTC, Moscow, New York: the same order
        start = SENT + timedelta(hours=zone_hours, seconds=1)
        stamp = "%Y-%m-%d %H:%M:%S"
        ends = (start + timedelta(minutes=15)).strftime(stamp)
        got = end_time(start.strftime(stamp), ends, SENT, LIFE)
        assert got == SENT + timedelta(minutes=15), zone_hours


def test_without_the_purchase_time_only_a_plausible_utc_end_is_kept() -> None:
    assert end_time(None, "2026-03-01 12:15:00", SENT, LIFE) == SENT + timedelta(minutes=15)
    assert end_time(None, "2026-03-01 15:15:00", SENT, LIFE) is None, "Moscow time: no"
    assert end_time(None, "2026-03-01 11:59:00", SENT, LIFE) is None, "already past"
    for odd in ("", "tomorrow", "2026-13-01 00:00:00", "9" * 200, None):
        assert end_time("2026-03-01 12:00:00", odd, SENT, LIFE) is None


def test_flags() -> None:
    assert [flag(v) for v in (True, 1, "1", "true", False, 0, "0", "false", None, "x", [])] \
        == [True, True, True, True, False, False, False, False, None, None, None]


def test_hero_rows_twice_are_one_order_each() -> None:
    row = {"activationId": "1", "phoneNumber": "7999"}
    other = {"activationId": "2", "phoneNumber": "7998"}
    body = {"status": "success", "data": [row, other],
            "activeActivations": {"affected_rows": 0, "num_rows": 2, "row": row,
                                  "rows": [row, other]}}
    assert active_rows(body) == [row, other]
    assert active_rows({"activeActivations": {"rows": [other]}}) == [other]
