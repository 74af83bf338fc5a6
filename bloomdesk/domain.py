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
    can_retry: bool | None = None  # another SMS possible (getNumberV2); None: not said
    operator: str | None = None  # the mobile operator, where the provider names it
    by_call: bool = False  # the code came by a voice call, not an SMS

class OrderState(enum.StrEnum):
    PENDING = "pending"  # journaled, the buy request about to leave or in flight
    UNKNOWN = "unknown"  # the buy's answer never came: the order may exist
    WAITING = "waiting"
    RECEIVED = "received"
    WAITING_RETRY = "waiting_retry"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    EXPIRED = "expired"
    FAILED = "failed"  # the buy was refused or never sent: no money moved

    @property
    def is_final(self) -> bool:
        return self in (OrderState.COMPLETED, OrderState.CANCELLED, OrderState.EXPIRED,
                        OrderState.FAILED)

    @property
    def is_live(self) -> bool:
        """The provider holds a live number for it: poll it."""
        return self in (OrderState.WAITING, OrderState.RECEIVED, OrderState.WAITING_RETRY)

    @classmethod
    def of(cls, status: Status) -> OrderState:
        return cls(status.value)


@dataclass(frozen=True, slots=True)
class AccountInfo:
    label: str
    kind: str
    base_url: str | None = None
    # The account's identity: a new account under a removed account's label is another
    # account (another provider, another wallet), so orders and budgets key on this.
    uid: str = ""
    preset: str | None = None  # the known service it was made from ("hero-sms")


class Reason(enum.StrEnum):
    """Why an order stands as it does: data for the window and the CLI to word."""

    BUYING = "buying"  # journaled, the buy request about to leave or in flight
    BUY_UNANSWERED = "buy_unanswered"  # the answer never came: maybe bought
    NO_LIST = "no_list"  # unknown, and the provider cannot list active orders
    BUY_REFUSED = "buy_refused"  # the provider refused: nothing charged
    NOT_SENT = "not_sent"  # never reached the provider: nothing charged
    NOT_AT_PROVIDER = "not_at_provider"  # reconciled: the provider holds no such order
    RECOVERED = "recovered"  # reconciled: the provider's order adopted
    DISMISSED = "dismissed"  # the user settled an unknown buy
    CANCELLED = "cancelled"  # by the user
    AUTO_CANCELLED = "auto_cancelled"  # before the free-cancel deadline
    COMPLETED = "completed"  # by the user
    RERENTED = "rerented"  # finished by re-renting the number as a new order
    ANOTHER_SMS = "another_sms"  # another SMS asked for
    EXPIRED = "expired"  # ended at the provider at its expiry
    ENDED_AT_EXPIRY = "ended_at_expiry"  # a received order past its expiry
    GONE = "gone"  # the provider said, again and again, that it does not know it
    ID_REUSED = "id_reused"  # the provider gave this order's id to a new order
    OUTSIDE = "outside"  # found at the provider, bought outside BloomDesk


@dataclass(frozen=True, slots=True)
class Order:
    id: int  # BloomDesk's own order number: stable before the provider answers
    account: str  # the account's label, as the user knows it
    service: str
    country: str | None
    state: OrderState
    created_at: float
    provider_id: str | None = None
    phone: str | None = None
    price: Decimal | None = None
    max_price: Decimal | None = None
    code: str | None = None
    text: str | None = None
    expires_at: float | None = None
    free_cancel_until: float | None = None  # silence after this costs money
    cancel_not_before: float | None = None  # the provider refuses a cancel before this
    auto_cancel: bool = False
    note: str | None = None  # why it stands as it does, in words (the provider's own)
    updated_at: float = 0.0
    code_at: float | None = None  # when the current code came (or another was asked for)
    account_uid: str = ""  # the account's identity (AccountInfo.uid)
    reason: Reason | None = None  # why it stands as it does, as data
    version: int = 0  # bumped by every journaled change: compare-and-set
    lease_until: float | None = None  # a PENDING order is being bought until then ...
    owner: str | None = None  # ... by this process, while it lives (store.owners)
    pushed_at: float | None = None  # provider time of the newest webhook event taken
    outside: bool = False  # bought outside BloomDesk (on the provider's site), adopted
    by_call: bool = False  # the current code was read out in a voice call

    @property
    def silent(self) -> bool:
        return self.code is None and self.state in (OrderState.WAITING, OrderState.PENDING)
