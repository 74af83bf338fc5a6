"""The history as CSV: the columns of ``bloomdesk-cli history --csv`` (its note
included), one row per order shown, every cell a provider chose made harmless for a
spreadsheet (``textsafe.for_csv``: a code such as ``=HYPERLINK(…)`` becomes text).

Written with a byte-order mark, so that a spreadsheet opened by a double-click reads
the file as UTF-8 (flags, names, the ellipsis), as every CSV reader still does.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import TextIO

from ..domain import Order
from ..textsafe import for_csv
from ..wording import explain

HEADER = ("id", "account", "service", "country", "phone", "status", "code", "price",
          "created_at", "note")
_PHONE = re.compile(r"\+?[0-9]+")  # a number as digits is not a formula: kept as it is


def _time(t: float) -> str:
    return datetime.fromtimestamp(t).astimezone().isoformat(timespec="seconds")


def write_rows(orders: Iterable[Order], stream: TextIO) -> int:
    """The orders as CSV on `stream`; how many were written."""
    writer = csv.writer(stream)
    writer.writerow(HEADER)
    count = 0
    for o in orders:
        number = o.phone if o.phone is None or _PHONE.fullmatch(o.phone) else for_csv(o.phone)
        writer.writerow([o.id, for_csv(o.account), for_csv(o.service),
                         for_csv(o.country or ""), number, o.state.value,
                         for_csv(o.code or ""), o.price, _time(o.created_at),
                         for_csv(explain(o) or "")])
        count += 1
    return count


def export(orders: Iterable[Order], path: str | Path) -> int:
    """Write the file whole or not at all (written beside it, then moved over it);
    OSError when it cannot be written."""
    target = Path(path)
    partial = target.with_name(target.name + ".part")
    try:
        with open(partial, "w", encoding="utf-8-sig", newline="") as stream:
            count = write_rows(orders, stream)
        partial.replace(target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return count
