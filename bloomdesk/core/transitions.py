"""How an order changes with what a provider says: pure functions, no I/O.

Each takes the order as it stands (as the journal last held it) and returns the new
order, or None when nothing changes.  Because they are functions of the current
order, a change that lost a compare-and-set to another process is derived again from
the fresh row rather than written over it.
"""

from __future__ import annotations

from dataclasses import replace

from ..domain import Activation, Order, OrderState, Reason

# One odd answer is a fault, not a fact: an order the provider says it does not know
# ends only after this many such answers in a row, spread over at least GONE_SPAN s
# (or once its expiry has passed).
GONE_AFTER = 3
GONE_SPAN = 60.0
EXPIRY_SLACK = 5.0  # a cancel this close to the expiry is the provider expiring it


def polled(order: Order, act: Activation, now: float) -> Order | None:
    """The order as the provider now describes it (a status poll or a list entry)."""
    if not order.state.is_live:
        return None  # final (or being bought): a poll answer cannot reopen it
    if order.code and not act.code and order.state is OrderState.RECEIVED \
            and OrderState.of(act.status) is OrderState.WAITING:
        return None  # an answer older than the code a webhook already brought
    state = OrderState.of(act.status)
    reason, note = order.reason, order.note
    expires = act.expires_at.timestamp() if act.expires_at is not None else order.expires_at
    if state is OrderState.CANCELLED and order.state is not OrderState.CANCELLED \
            and expires is not None and now >= expires - EXPIRY_SLACK:
        state, reason, note = OrderState.EXPIRED, Reason.EXPIRED, None
    code = act.code or order.code
    new = replace(
        order, state=state, code=code, text=act.text or order.text,
        phone=act.phone or order.phone, price=act.price or order.price,
        expires_at=expires, provider_id=order.provider_id or act.id,
        code_at=now if act.code and act.code != order.code else order.code_at,
        # a list answer does not say how a code came; a status answer may: once known
        # read out in a call, the code stays so (until another code comes)
        by_call=act.by_call if act.code and act.code != order.code
        else order.by_call or (act.by_call and act.code == order.code),
        reason=reason, note=note)
    if new.state is OrderState.RECEIVED and new.expires_at and now > new.expires_at:
        new = replace(new, state=OrderState.EXPIRED, reason=Reason.ENDED_AT_EXPIRY)
    return new if new != order else None


def not_found(order: Order, misses: int, first_miss: float, now: float) -> Order | None:
    """The provider said it does not know the order (`misses` times in a row, the first
    at `first_miss`): final only when that is consistent, or the order has expired."""
    if not order.state.is_live:
        return None
    expired = order.expires_at is not None and now >= order.expires_at
    if expired or (misses >= GONE_AFTER and now - first_miss >= GONE_SPAN):
        return replace(order, state=OrderState.EXPIRED, reason=Reason.GONE, note=None)
    return None


def bought(order: Order, act: Activation, now: float, lifetime: float,
           waited: float = 0.0) -> Order | None:
    """A buy's answer: the activation the provider gave, whatever the journal holds
    meanwhile (an answer in hand beats a reconciliation's guess from absence).  None
    when the row is bound to another activation: the caller journals this one as an
    order of its own rather than lose either.  `waited`: how long the request waited
    for rate-budget room after the order was journaled; the provider's clock started
    only when it was sent, so the deadlines stamped at journaling move by that much."""
    expires = act.expires_at.timestamp() if act.expires_at else now + lifetime
    if order.provider_id not in (None, act.id):
        return None
    state = OrderState.of(act.status)
    if order.provider_id == act.id and order.state is not OrderState.PENDING \
            and order.state is not OrderState.UNKNOWN and order.state is not OrderState.FAILED:
        return order  # already recorded (and moved on) by another process
    late = max(0.0, waited) if order.provider_id is None else 0.0
    return replace(
        order, state=state if state.is_live else OrderState.WAITING, provider_id=act.id,
        free_cancel_until=order.free_cancel_until + late
        if order.free_cancel_until is not None else None,
        cancel_not_before=order.cancel_not_before + late
        if order.cancel_not_before is not None else None,
        phone=act.phone or order.phone, price=act.price or order.price,
        service=act.service or order.service, country=act.country or order.country,
        code=act.code or order.code, code_at=now if act.code else order.code_at,
        expires_at=expires, reason=None, note=None, lease_until=None, owner=None)


def buy_failed(order: Order, *, maybe_sent: bool, reason: Reason,
               message: str) -> Order | None:
    """A buy that got no activation: UNKNOWN when it may have reached the provider,
    FAILED (nothing charged) when it surely did not or was refused."""
    if order.state is OrderState.FAILED and maybe_sent and order.provider_id is None \
            and order.reason in (Reason.NOT_AT_PROVIDER, Reason.DISMISSED):
        # settled from absence (or by hand) while its request still ran: the request
        # may have bought after all, so it is to be checked again
        return replace(order, state=OrderState.UNKNOWN, reason=reason, note=message,
                       lease_until=None, owner=None)
    if order.state is not OrderState.PENDING:
        return None  # another process settled it meanwhile
    state = OrderState.UNKNOWN if maybe_sent else OrderState.FAILED
    return replace(order, state=state, reason=reason, note=message, lease_until=None,
                   owner=None)


def adopted(order: Order, act: Activation, now: float, lifetime: float) -> Order | None:
    """A lost buy found in the provider's list of active orders."""
    if order.provider_id is not None or order.state not in (OrderState.UNKNOWN,
                                                            OrderState.PENDING):
        return None
    found = polled(replace(order, state=OrderState.WAITING), act, now) or \
        replace(order, state=OrderState.WAITING)
    return replace(found, provider_id=act.id, reason=Reason.RECOVERED, note=None,
                   lease_until=None, owner=None,
                   expires_at=found.expires_at or order.created_at + lifetime)


def released(order: Order, act_id: str) -> Order | None:
    """A lost buy that reconciliation gave a listed activation, which a buy's own answer
    then showed to be another order's: lost again (to be matched anew, or found never
    bought), rather than two orders on one number."""
    if order.provider_id != act_id or not order.state.is_live:
        return None
    return replace(order, state=OrderState.UNKNOWN, provider_id=None, phone=None, code=None,
                   text=None, code_at=None, by_call=False, pushed_at=None, expires_at=None,
                   reason=Reason.BUY_UNANSWERED, note=None)


def outside(act: Activation, label: str, account_uid: str, now: float,
            lifetime: float) -> Order:
    """An active order the provider lists that no order of ours holds: bought on the
    provider's website.  Adopted so it is seen and its code arrives, but never
    auto-cancelled unless the user turns that on for it."""
    state = OrderState.of(act.status)
    return Order(
        id=0, account=label, service=act.service or "?", country=act.country,
        state=state if state.is_live else OrderState.WAITING, created_at=now,
        provider_id=act.id, phone=act.phone, price=act.price, code=act.code, text=act.text,
        code_at=now if act.code else None,
        expires_at=act.expires_at.timestamp() if act.expires_at else now + lifetime,
        auto_cancel=False, account_uid=account_uid, reason=Reason.OUTSIDE, outside=True)


def not_at_provider(order: Order) -> Order | None:
    """A lost buy the provider's list does not hold: it never went through."""
    if order.provider_id is not None or order.state not in (OrderState.UNKNOWN,
                                                            OrderState.PENDING):
        return None
    return replace(order, state=OrderState.FAILED, reason=Reason.NOT_AT_PROVIDER, note=None,
                   lease_until=None, owner=None)


def cannot_reconcile(order: Order) -> Order | None:
    """A lost buy on a provider with no list of active orders: left for the user."""
    if order.provider_id is not None or order.reason is Reason.NO_LIST or \
            order.state not in (OrderState.UNKNOWN, OrderState.PENDING):
        return None
    return replace(order, state=OrderState.UNKNOWN, reason=Reason.NO_LIST, lease_until=None,
                   owner=None)


def pushed(order: Order, code: str, text: str | None, sent_at: float | None,
           now: float) -> Order | None:
    """A code pushed by webhook: forward only (never reopens a finished order) and only
    when newer than the last pushed event taken (a replay of an older one is not)."""
    if not order.state.is_live or order.provider_id is None:
        return None
    if sent_at is not None and order.pushed_at is not None and sent_at <= order.pushed_at:
        return None
    if order.code == code:  # a duplicate, or the old code while another was asked for
        return None
    return replace(order, state=OrderState.RECEIVED, code=code, text=text or order.text,
                   code_at=now, pushed_at=sent_at if sent_at is not None else order.pushed_at)


def cancelled(order: Order, reason: Reason) -> Order | None:
    """The provider accepted a cancel (by the user, or auto-cancel)."""
    if not order.state.is_live:
        return None
    return replace(order, state=OrderState.CANCELLED, reason=reason, note=None)


def completed(order: Order, reason: Reason = Reason.COMPLETED) -> Order | None:
    """The provider accepted a complete (or the number was re-rented as a new order)."""
    if not order.state.is_live:
        return None
    return replace(order, state=OrderState.COMPLETED, reason=reason, note=None)


def retry_asked(order: Order, now: float) -> Order | None:
    """The provider accepted "another SMS": the last code stands until a new one."""
    if not order.state.is_live:
        return None
    return replace(order, state=OrderState.WAITING_RETRY, reason=Reason.ANOTHER_SMS,
                   note=None, code_at=now)
