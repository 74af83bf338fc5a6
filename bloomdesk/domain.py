"""Plain domain objects shared by every layer.

Money is always :class:`~decimal.Decimal`; a float never touches a price or a
balance.  Nothing here imports Qt or does I/O.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal


class Status(enum.StrEnum):
    """Where an activation stands, as one vocabulary for every provider."""

    WAITING = "waiting"  # number issued, no code yet
    RECEIVED = "received"  # a code arrived
    WAITING_RETRY = "waiting_retry"  # another SMS was asked for; `code` keeps the last one
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    EXPIRED = "expired"

    @property
    def is_final(self) -> bool:
        return self in _FINAL


_FINAL = frozenset({Status.COMPLETED, Status.CANCELLED, Status.EXPIRED})


@dataclass(frozen=True, slots=True)
class Country:
    """A country as one provider names it.  `id` is provider-local: compare by `iso`."""

    id: str
    name: str
    iso: str | None = None


@dataclass(frozen=True, slots=True)
class Offer:
    """One row of a provider's price list."""

    service: str
    service_name: str
    country: str  # the provider-local id (ISO code for the REST dialect)
    price: Decimal
    stock: int
    country_name: str | None = None
    country_iso: str | None = None


@dataclass(frozen=True, slots=True)
class Activation:
    """An order for one number as the provider last described it.

    Fields a provider did not send are None: a status poll on the handler dialect
    does not repeat the phone or the price, and the caller keeps what it knew.
    """

    id: str
    phone: str | None
    service: str | None
    country: str | None
    price: Decimal | None
    status: Status
    code: str | None = None
    text: str | None = None
    expires_at: datetime | None = None
    extra: dict[str, str] = field(default_factory=dict, compare=False)
