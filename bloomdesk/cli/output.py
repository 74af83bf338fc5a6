"""What the CLI prints: orders as JSON objects and as lines, tables, CSV.

Every byte a provider chose is neutralised on its way out: human lines go through
``for_terminal`` (no escape sequence reaches the terminal), JSON keeps control and
direction characters as JSON escapes, and CSV cells that a spreadsheet would run as a
formula are quoted as text.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any, TextIO

from ..domain import Order
from ..textsafe import for_csv, for_terminal
from ..wording import explain

# Characters json.dumps(ensure_ascii=False) leaves raw that a terminal or a reader
# would act on: C1 controls, the bidirectional controls, the line separators.
_RAW = re.compile("[\u0080-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
_PHONE = re.compile(r"\+?[0-9]+")


def iso_time(t: float | None) -> str | None:
    return datetime.fromtimestamp(t).astimezone().isoformat(timespec="seconds") if t else None


def json_text(data: Any) -> str:
    text = json.dumps(data, ensure_ascii=False)
    return _RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def say(line: str, stream: TextIO | None = None) -> None:
    """Print a line for a person, every control character shown escaped."""
    print(for_terminal(line), file=stream or sys.stdout)


def warn(as_json: bool, message: str, account: str | None, kind: str,
         human: str | None = None, **more: Any) -> None:
    """A warning on stderr: a JSON line with `--json` (`warning`, `account`, `kind` and
    `more`), else a line for a person (`human`, or the message after its account)."""
    if as_json:
        print(json_text({"warning": message, "account": account, "kind": kind, **more}),
              file=sys.stderr)
    else:
        line = human or (f"{account}: {message}" if account else message)
        say(f"bloomdesk-cli: {line}", sys.stderr)


def emit(as_json: bool, data: Any, human: Iterable[str] | str) -> None:
    if as_json:
        print(json_text(data))
        return
    for line in [human] if isinstance(human, str) else human:
        say(line)


def order_json(order: Order) -> dict[str, Any]:
    return {
        "id": order.id, "account": order.account, "provider_id": order.provider_id,
        "phone": order.phone, "service": order.service, "country": order.country,
        "status": order.state.value, "code": order.code, "text": order.text,
        "price": str(order.price) if order.price is not None else None,
        "created_at": iso_time(order.created_at), "expires_at": iso_time(order.expires_at),
        "free_cancel_until": iso_time(order.free_cancel_until),
        "auto_cancel": order.auto_cancel, "outside": order.outside,
        "reason": order.reason.value if order.reason else None, "note": explain(order),
    }


def order_line(order: Order) -> str:
    price = f"{order.price}" if order.price is not None else "?"
    code = f"  code {order.code}" if order.code else ""
    note = explain(order)
    note = f"  ({note})" if note else ""
    return (f"#{order.id:<5} {order.account:<14} {order.service:<6} {order.country or '-':<5} "
            f"{order.phone or '-':<15} {price:>7}  {order.state.value:<13}{code}{note}")


def table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> list[str]:
    """Columns as wide as their widest cell; numbers to the right."""
    cells = [list(header)] + [["" if c is None else str(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    numeric = [all(_number(row[i]) for row in cells[1:]) and len(cells) > 1
               for i in range(len(header))]
    return ["  ".join(c.rjust(w) if n else c.ljust(w)
                      for c, w, n in zip(row, widths, numeric, strict=True)).rstrip()
            for row in cells]


def _number(text: str) -> bool:
    return bool(text) and text.replace(".", "", 1).replace(",", "").isdigit()


def history_csv(orders: Iterable[Order], stream: TextIO) -> None:
    writer = csv.writer(stream)
    writer.writerow(["id", "account", "service", "country", "phone", "status", "code",
                     "price", "created_at", "note"])
    for o in orders:
        phone = o.phone if o.phone is None or _PHONE.fullmatch(o.phone) else for_csv(o.phone)
        writer.writerow([o.id, for_csv(o.account), for_csv(o.service), for_csv(o.country or ""),
                         phone,
                         o.state.value, for_csv(o.code or ""), o.price, iso_time(o.created_at),
                         for_csv(explain(o) or "")])
