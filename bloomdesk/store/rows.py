"""Orders to journal rows and back, and the difference between two versions of one."""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from typing import Any

from ..domain import Order, OrderState, Reason

# Every journaled field of an order, in the table's column names (id apart).
FIELDS = ("account", "service", "country", "state", "created_at", "provider_id", "phone",
          "price", "max_price", "code", "text", "expires_at", "free_cancel_until",
          "cancel_not_before", "auto_cancel", "note", "updated_at", "code_at",
          "account_uid", "reason", "version", "lease_until", "owner", "pushed_at", "outside",
          "by_call")
# What a change may write; the version and the time of the change are the store's own.
CHANGEABLE = tuple(f for f in FIELDS if f not in ("version", "updated_at", "account",
                                                  "account_uid", "created_at"))


def cell(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, OrderState | Reason):
        return value.value
    if isinstance(value, bool):
        return int(value)
    return value


def to_row(order: Order) -> tuple[Any, ...]:
    return tuple(cell(getattr(order, name)) for name in FIELDS)


def changed_fields(before: Order, after: Order) -> list[str]:
    """The fields a change writes: only those it changed, never a whole row."""
    return [name for name in CHANGEABLE if getattr(before, name) != getattr(after, name)]


def from_row(row: sqlite3.Row) -> Order:
    def money(name: str) -> Decimal | None:
        return Decimal(row[name]) if row[name] is not None else None

    reason = row["reason"]
    return Order(
        id=row["id"], account=row["account"], service=row["service"], country=row["country"],
        state=OrderState(row["state"]), created_at=row["created_at"],
        provider_id=row["provider_id"], phone=row["phone"], price=money("price"),
        max_price=money("max_price"), code=row["code"], text=row["text"],
        expires_at=row["expires_at"], free_cancel_until=row["free_cancel_until"],
        cancel_not_before=row["cancel_not_before"], auto_cancel=bool(row["auto_cancel"]),
        note=row["note"], updated_at=row["updated_at"], code_at=row["code_at"],
        account_uid=row["account_uid"],
        reason=Reason(reason) if reason in Reason._value2member_map_ else None,
        version=row["version"], lease_until=row["lease_until"], owner=row["owner"],
        pushed_at=row["pushed_at"], outside=bool(row["outside"]),
        by_call=bool(row["by_call"]),
    )
