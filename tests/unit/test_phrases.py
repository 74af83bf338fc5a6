"""The core's words are English and translatable at once: a Phrase is the English
sentence, byte for byte, and remembers the source and the values the window
translates (ui/words.py)."""

from __future__ import annotations

import json
import pickle

import pytest

from bloomdesk.core.actions import blockers
from bloomdesk.core.errors import OpenOrders, no_such_order
from bloomdesk.domain import Order, OrderState
from bloomdesk.i18n import QT_TRANSLATE_NOOP, Phrase
from bloomdesk.providers import PROFILES
from bloomdesk.providers.errors import AuthError, from_token
from bloomdesk.wording import REASONS, STATES


def test_a_phrase_is_its_english_and_remembers_its_source() -> None:
    said = QT_TRANSLATE_NOOP("blockers", "Wait {wait} s before cancelling.").format(wait=3)
    assert said == "Wait 3 s before cancelling." and isinstance(said, str)
    assert (said.context, said.source, dict(said.values)) == (
        "blockers", "Wait {wait} s before cancelling.", {"wait": 3})
    assert json.dumps({"error": said}) == '{"error": "Wait 3 s before cancelling."}'
    again = pickle.loads(pickle.dumps(said))
    assert again == said and again.source == said.source and dict(again.values) == {"wait": 3}
    assert type(f"{said}!") is str  # glued to other text: plain English again
    with pytest.raises(TypeError):
        QT_TRANSLATE_NOOP("x", "{0}").format(1)  # by name only: translations reorder


def test_the_core_hands_phrases_to_the_window() -> None:
    order = Order(id=1, account="a", service="tg", country="0", state=OrderState.CANCELLED,
                  created_at=0.0, provider_id="9")
    reason = blockers(order, PROFILES["bloomsms"], 0.0)["cancel"]
    assert isinstance(reason, Phrase) and reason == "The order is cancelled."
    assert isinstance(reason.values["state"], Phrase)  # a word the window translates too
    assert all(isinstance(text, Phrase) for text in REASONS.values())
    assert all(STATES[state] == state.value for state in OrderState)
    assert isinstance(no_such_order(4).message, Phrase)
    assert OpenOrders.of("x", 2).message == "x still has 2 open order(s): finish or cancel " \
        "them first."
    banned = from_token("BANNED", detail="2026-01-01")
    assert banned is not None and isinstance(banned.message, Phrase)
    assert banned.message == "The provider has banned this key until 2026-01-01."
    assert isinstance(AuthError().message, Phrase)
    assert not isinstance(AuthError("Key 'x' is wrong").message, Phrase)  # the provider's
