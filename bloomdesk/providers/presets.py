"""Known SMS-Activate compatible services, so that nobody has to find and paste a
handler URL: each preset names the provider kind it speaks, its address, and what is
known of its server (``data/presets.json``, from PROTOCOL-NOTES section 5).

The account (core) keeps the chosen preset's name and applies its title and cancel
grace; ``Provider.learn(preset.actions)`` seeds what is known of the extended actions,
so that only the unknown ones (None) are probed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from .profiles import EXTENDED_ACTIONS, PROFILES


@dataclass(frozen=True, slots=True)
class Preset:
    name: str  # short and stable: stored with the account ("hero-sms")
    title: str  # what a person reads ("Hero-SMS")
    kind: str  # the provider kind it speaks (a key of PROFILES)
    base_url: str  # the handler URL, as the service documents it
    get_only: bool | None  # True: POST is refused (seen); None: not known
    cancel_grace: float | None  # s after purchase before a cancel is accepted; None: unknown
    # each extended action (profiles.EXTENDED_ACTIONS): True answered, False lacking,
    # None unknown (probed once per account)
    actions: dict[str, bool | None] = field(default_factory=dict, hash=False)


def _preset(raw: dict[str, Any]) -> Preset:
    """One entry of the data file, checked: a broken file is a bug to fail on at once,
    never an account pointed at a wrong address."""
    name, kind, url = str(raw["name"]), str(raw["kind"]), str(raw["base_url"])
    if kind not in PROFILES:
        raise ValueError(f"preset {name!r}: unknown kind {kind!r}")
    if not url.startswith("https://"):
        raise ValueError(f"preset {name!r}: its URL must be https")
    actions = raw.get("actions") or {}
    if set(actions) - set(EXTENDED_ACTIONS) or any(
            v not in (True, False, None) for v in actions.values()):
        raise ValueError(f"preset {name!r}: actions must be {EXTENDED_ACTIONS} -> bool|null")
    grace = raw.get("cancel_grace")
    get_only = raw.get("get_only")
    return Preset(name=name, title=str(raw["title"]), kind=kind, base_url=url,
                  get_only=None if get_only is None else bool(get_only),
                  cancel_grace=None if grace is None else float(grace),
                  actions={a: actions.get(a) for a in EXTENDED_ACTIONS})


@cache
def _load() -> tuple[Preset, ...]:
    text = (resources.files("bloomdesk.providers") / "data" / "presets.json").read_text("utf-8")
    presets = tuple(_preset(raw) for raw in json.loads(text)["presets"])
    if len({p.name for p in presets}) != len(presets):
        raise ValueError("two presets share a name")
    return presets


PRESETS: tuple[Preset, ...] = _load()


def preset(name: str) -> Preset:
    """The preset called `name`; KeyError when there is none."""
    for known in PRESETS:
        if known.name == name:
            return known
    raise KeyError(name)
