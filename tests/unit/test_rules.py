"""The pure rules, on their own: how an order changes with an answer, which actions
are possible and why not, how often to poll, which lost buy an activation belongs to,
and what each provider token means.  No I/O, no clock but the one passed in."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from bloomdesk.core import pacing, transitions
from bloomdesk.core.actions import ACTIONS, blockers
from bloomdesk.core.reconcile import match
from bloomdesk.domain import Activation, Order, OrderState, Reason, Status
from bloomdesk.providers import PROFILES
from bloomdesk.providers.errors import (
    TOKENS,
    AuthError,
    NoNumbers,
    NotFound,
    RateLimited,
    Rejected,
    Unavailable,
    from_token,
)

NOW = 1_800_000_000.0


def order(**changes: object) -> Order:
    base = Order(id=7, account="main", service="tg", country="46", state=OrderState.WAITING,
                 created_at=NOW - 30, provider_id="555", phone="+46700000000",
                 price=Decimal("0.10"), expires_at=NOW + 1170, account_uid="u1", version=3)
    return replace(base, **changes)  # type: ignore[arg-type]


def act(status: Status, code: str | None = None, **changes: object) -> Activation:
    base = Activation(id="555", phone=None, service=None, country=None, price=None,
                      status=status, code=code)
    return replace(base, **changes)  # type: ignore[arg-type]


# ---------------------------------------------------------------- transitions
def test_a_code_arrives() -> None:
    new = transitions.polled(order(), act(Status.RECEIVED, "123456"), NOW)
    assert new is not None and new.state is OrderState.RECEIVED
    assert (new.code, new.code_at) == ("123456", NOW)


def test_the_same_answer_changes_nothing() -> None:
    assert transitions.polled(order(), act(Status.WAITING), NOW) is None


def test_a_poll_never_reopens_a_final_order() -> None:
    for state in (OrderState.CANCELLED, OrderState.COMPLETED, OrderState.EXPIRED,
                  OrderState.FAILED, OrderState.UNKNOWN, OrderState.PENDING):
        assert transitions.polled(order(state=state), act(Status.RECEIVED, "1"), NOW) is None


def test_an_answer_older_than_a_pushed_code_is_ignored() -> None:
    pushed = order(state=OrderState.RECEIVED, code="999999")
    assert transitions.polled(pushed, act(Status.WAITING), NOW) is None


def test_a_cancel_at_expiry_is_the_provider_expiring_it() -> None:
    end = datetime.fromtimestamp(NOW + 2, UTC)
    new = transitions.polled(order(), act(Status.CANCELLED, expires_at=end), NOW)
    assert new is not None and new.state is OrderState.EXPIRED
    assert new.reason is Reason.EXPIRED


def test_a_received_order_past_its_expiry_ends() -> None:
    new = transitions.polled(order(expires_at=NOW - 1), act(Status.RECEIVED, "1"), NOW)
    assert new is not None and new.state is OrderState.EXPIRED
    assert new.reason is Reason.ENDED_AT_EXPIRY


@pytest.mark.parametrize(("misses", "since", "final"), [
    (1, NOW, False), (3, NOW - 10, False), (2, NOW - 120, False), (3, NOW - 60, True)])
def test_not_found_is_final_only_when_consistent(misses: int, since: float,
                                                 final: bool) -> None:
    new = transitions.not_found(order(), misses, since, NOW)
    assert (new is not None) is final
    if new is not None:
        assert new.state is OrderState.EXPIRED and new.reason is Reason.GONE


def test_not_found_past_expiry_is_final_at_once() -> None:
    new = transitions.not_found(order(expires_at=NOW - 1), 1, NOW, NOW)
    assert new is not None and new.state is OrderState.EXPIRED


def test_a_buy_answer_beats_a_reconciliation_guess() -> None:
    pending = order(state=OrderState.PENDING, provider_id=None, phone=None,
                    reason=Reason.BUYING, lease_until=NOW + 60, owner="abc")
    guessed = replace(pending, state=OrderState.FAILED, reason=Reason.NOT_AT_PROVIDER)
    answer = act(Status.WAITING, phone="+46700000001")
    for current in (pending, guessed):
        new = transitions.bought(current, answer, NOW, 1200)
        assert new is not None and new.state is OrderState.WAITING
        assert (new.provider_id, new.phone) == ("555", "+46700000001")
        assert new.lease_until is None and new.owner is None
        assert new.expires_at == NOW + 1200


def test_a_guess_gives_its_number_back_and_is_lost_again() -> None:
    guessed = order(reason=Reason.RECOVERED, state=OrderState.RECEIVED, code="123456",
                    code_at=NOW - 5)
    lost = transitions.released(guessed, "555")
    assert lost is not None and lost.state is OrderState.UNKNOWN
    assert (lost.provider_id, lost.phone, lost.code) == (None, None, None)
    assert lost.reason is Reason.BUY_UNANSWERED
    assert transitions.released(guessed, "556") is None, "another number: not this one"
    assert transitions.released(replace(guessed, state=OrderState.COMPLETED), "555") is None


def test_a_buy_answer_never_rebinds_another_activation() -> None:
    bound = order(state=OrderState.WAITING, provider_id="other")
    assert transitions.bought(bound, act(Status.WAITING), NOW, 1200) is None


def test_a_failed_buy_is_unknown_only_when_it_may_have_been_sent() -> None:
    pending = order(state=OrderState.PENDING, provider_id=None)
    maybe = transitions.buy_failed(pending, maybe_sent=True, reason=Reason.BUY_UNANSWERED,
                                   message="timeout")
    surely = transitions.buy_failed(pending, maybe_sent=False, reason=Reason.NOT_SENT,
                                    message="refused")
    assert maybe is not None and maybe.state is OrderState.UNKNOWN
    assert surely is not None and surely.state is OrderState.FAILED
    assert transitions.buy_failed(order(), maybe_sent=True, reason=Reason.BUY_UNANSWERED,
                                  message="x") is None, "settled elsewhere meanwhile"


def test_a_buy_settled_from_absence_is_checked_again_when_its_request_may_have_bought() -> None:
    """Another process found no such order at the provider while our request still ran;
    the request then failed in a way that may have bought: the order is unknown again,
    never left "failed, nothing charged"."""
    settled = order(state=OrderState.FAILED, provider_id=None, reason=Reason.NOT_AT_PROVIDER)
    again = transitions.buy_failed(settled, maybe_sent=True, reason=Reason.BUY_UNANSWERED,
                                   message="timeout")
    assert again is not None and again.state is OrderState.UNKNOWN
    assert transitions.buy_failed(settled, maybe_sent=False, reason=Reason.NOT_SENT,
                                  message="refused") is None


def test_the_deadlines_run_from_when_the_buy_left() -> None:
    pending = order(state=OrderState.PENDING, provider_id=None, free_cancel_until=NOW + 120,
                    cancel_not_before=NOW + 120)
    new = transitions.bought(pending, act(Status.WAITING), NOW, 1200, waited=30.0)
    assert new is not None
    assert (new.free_cancel_until, new.cancel_not_before) == (NOW + 150, NOW + 150)
    known = replace(pending, provider_id="555", state=OrderState.UNKNOWN)
    again = transitions.bought(known, act(Status.WAITING), NOW, 1200, waited=30.0)
    assert again is not None and again.free_cancel_until == NOW + 120, "stamped once only"


@pytest.mark.parametrize(("held", "pushed_at", "sent_at", "code", "taken"), [
    (None, None, NOW, "111", True),  # the first code
    ("111", NOW, NOW + 60, "222", True),  # a newer event, a new code
    ("222", NOW + 60, NOW, "111", False),  # an older event replayed
    ("111", None, NOW, "111", False),  # the same code again
    ("111", None, None, "222", True),  # no timestamp: a different code is news
])
def test_a_push_goes_forward_only(held: str | None, pushed_at: float | None,
                                  sent_at: float | None, code: str, taken: bool) -> None:
    current = order(code=held, pushed_at=pushed_at,
                    state=OrderState.RECEIVED if held else OrderState.WAITING)
    new = transitions.pushed(current, code, None, sent_at, NOW)
    assert (new is not None) is taken


def test_a_push_never_reopens_a_finished_order() -> None:
    for state in (OrderState.CANCELLED, OrderState.COMPLETED, OrderState.EXPIRED):
        assert transitions.pushed(order(state=state), "1", None, NOW, NOW) is None


# ---------------------------------------------------------------- blockers
def test_blockers_follow_the_order_and_the_provider() -> None:
    legacy, bloom = PROFILES["bloomsms-legacy"], PROFILES["bloomsms"]
    waiting = blockers(order(), bloom, NOW)
    assert waiting["cancel"] is None and waiting["complete"] is None
    assert waiting["request_another_sms"] == "No code has arrived yet."
    assert "does not offer another SMS" in str(blockers(order(), legacy, NOW)
                                               ["request_another_sms"])
    coded = blockers(order(code="1", state=OrderState.RECEIVED), bloom, NOW)
    assert "code arrived" in str(coded["cancel"]) and coded["rerent"] is None
    assert blockers(order(), bloom, NOW)["dismiss"] is not None
    unknown = order(state=OrderState.UNKNOWN, provider_id=None)
    assert blockers(unknown, bloom, NOW)["dismiss"] is None
    assert "Being bought" in str(blockers(unknown, bloom, NOW, buying=True)["dismiss"])


def test_an_early_cancel_waits_for_the_providers_grace() -> None:
    compat = PROFILES["sms-activate"]
    early = order(cancel_not_before=NOW + 90)
    reason = blockers(early, compat, NOW)["cancel"]
    assert reason is not None and "2 minutes" in reason and "wait 91 s" in reason
    assert blockers(early, compat, NOW + 91)["cancel"] is None


def test_every_action_has_a_label_and_a_tip() -> None:
    assert [a.name for a in ACTIONS] == list(blockers(order(), PROFILES["bloomsms"], NOW))
    assert all(a.label and a.tip for a in ACTIONS)
    assert [a.name for a in ACTIONS if a.costs_money] == ["rerent"]


# ---------------------------------------------------------------- pacing
PACE = pacing.Pace()


@pytest.mark.parametrize(("age", "expected"), [(10, 3.0), (120, 8.0), (600, 20.0)])
def test_young_orders_are_polled_often(age: float, expected: float) -> None:
    assert pacing.interval(order(created_at=NOW - age), NOW, PACE, False) == expected


def test_a_received_order_is_only_watched() -> None:
    received = order(state=OrderState.RECEIVED, code="1")
    assert pacing.interval(received, NOW, PACE, False) == 60.0


def test_another_sms_makes_an_order_young_again() -> None:
    retry = order(state=OrderState.WAITING_RETRY, created_at=NOW - 900, code_at=NOW - 5)
    assert pacing.interval(retry, NOW, PACE, False) == 3.0


def test_a_webhook_lets_waiting_orders_rest_until_codes_are_late() -> None:
    assert pacing.interval(order(created_at=NOW - 10), NOW, PACE, True) == 60.0
    assert pacing.interval(order(created_at=NOW - 70), NOW, PACE, True) == 20.0
    assert pacing.interval(order(created_at=NOW - 95), NOW, PACE, True) == 8.0


def test_poll_speed_scales_every_interval() -> None:
    quick = replace(PACE, speed=2.0)
    assert pacing.interval(order(created_at=NOW - 10), NOW, quick, False) == 1.5


def test_auto_cancel_comes_a_margin_before_the_deadline() -> None:
    silent = order(auto_cancel=True, free_cancel_until=NOW + 30)
    assert not pacing.cancel_due(silent, NOW, 20.0, True, None)
    assert pacing.cancel_due(silent, NOW + 10, 20.0, True, None)
    assert not pacing.cancel_due(silent, NOW + 10, 20.0, False, None), "turned off"
    assert not pacing.cancel_due(replace(silent, auto_cancel=False), NOW + 10, 20.0, True,
                                 None), "kept past the deadline by the user"
    assert not pacing.cancel_due(replace(silent, code="1", state=OrderState.RECEIVED),
                                 NOW + 10, 20.0, True, None), "a code came"
    assert not pacing.cancel_due(silent, NOW + 10, 20.0, True, NOW + 12), "retry waits"
    assert [pacing.cancel_retry(w) for w in (0.0, 1.0, 8.0)] == [1.0, 2.0, 10.0]


def test_the_users_cancel_is_urgent_when_waiting_would_reach_the_margin() -> None:
    silent = order(free_cancel_until=NOW + 60)
    assert not pacing.cancel_urgent(silent, NOW, 5.0, 20.0), "a short pause is waited out"
    assert pacing.cancel_urgent(silent, NOW, 40.0, 20.0), "the pause would reach the margin"
    assert pacing.cancel_urgent(silent, NOW + 45, 0.0, 20.0), "inside the margin"
    assert pacing.cancel_urgent(silent, NOW, 300.0, 20.0), "a pause past the deadline"
    assert not pacing.cancel_urgent(silent, NOW + 60, 300.0, 20.0), "too late: no money saved"
    assert not pacing.cancel_urgent(order(), NOW, 300.0, 20.0), "silence costs nothing here"


def test_backoff_doubles_up_to_its_cap() -> None:
    waits, wait = [], 0.0
    for _ in range(10):
        wait = pacing.backoff(wait)
        waits.append(wait)
    assert waits[:4] == [2.0, 4.0, 8.0, 16.0] and waits[-1] == pacing.MAX_BACKOFF


# ---------------------------------------------------------------- reconciliation
def test_each_lost_buy_gets_one_unclaimed_activation_of_its_service() -> None:
    lost = [order(id=1, provider_id=None, state=OrderState.UNKNOWN),
            order(id=2, provider_id=None, state=OrderState.UNKNOWN, service="wa"),
            order(id=3, provider_id=None, state=OrderState.UNKNOWN)]
    listed = [act(Status.WAITING, id="a", service="tg"),
              act(Status.WAITING, id="b", service="tg"),
              act(Status.WAITING, id="c", service="tg")]
    pairs = match(lost, listed, claimed={"a"})
    assert [(o.id, a.id if a else None) for o, a in pairs] == [(1, "b"), (2, None), (3, "c")]


def test_a_listed_activation_of_another_country_is_not_ours() -> None:
    lost = [order(provider_id=None, state=OrderState.UNKNOWN, country="46")]
    elsewhere = [act(Status.WAITING, id="x", service="tg", country="16")]
    assert match(lost, elsewhere, set()) == [(lost[0], None)]


# ---------------------------------------------------------------- the token table
@pytest.mark.parametrize(("token", "kind"), [
    ("BAD_KEY", AuthError), ("NO_NUMBERS", NoNumbers), ("NO_ACTIVATION", NotFound),
    ("RATE_LIMITED", RateLimited), ("RATE_LIMIT", RateLimited),
    ("TOO_MANY_REQUESTS", RateLimited), ("BAD_SERVICE", Rejected),
    ("ERROR_SQL", Unavailable)])
def test_tokens_mean_one_thing_whatever_the_dialect(token: str, kind: type) -> None:
    error = from_token(token)
    assert type(error) is kind and error is not None and error.token == token


def test_every_token_in_the_table_makes_its_error() -> None:
    for token, (kind, _) in TOKENS.items():
        assert isinstance(from_token(token), kind)
