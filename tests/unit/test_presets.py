"""The presets a user picks instead of pasting a handler URL: each speaks a kind
BloomDesk knows, over https, and says only what the extended actions are."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from bloomdesk.providers import KINDS, PROFILES, connect
from bloomdesk.providers.presets import PRESETS, Preset, preset
from bloomdesk.providers.profiles import EXTENDED_ACTIONS

ROOT = Path(__file__).resolve().parents[2]


def test_presets_load_with_known_kinds_and_https_urls() -> None:
    names = [p.name for p in PRESETS]
    assert {"hero-sms", "smsbower", "tiger-sms", "grizzly-sms", "smshub", "sms-man",
            "smsbulk-legacy"} <= set(names)
    assert len(set(names)) == len(names)
    for p in PRESETS:
        assert isinstance(p, Preset) and p.title and p.name == p.name.strip().lower()
        assert p.kind in KINDS
        assert p.base_url.startswith("https://") and p.base_url.endswith(
            "/stubs/handler_api.php"), p.name
        assert set(p.actions) == set(EXTENDED_ACTIONS)
        assert all(v in (True, False, None) for v in p.actions.values())
        assert p.cancel_grace is None or p.cancel_grace >= 0
        assert p.get_only in (True, False, None)


def test_what_the_notes_say_of_each_server() -> None:
    hero = preset("hero-sms")
    assert (hero.title, hero.kind) == ("Hero-SMS", "sms-activate")
    assert hero.base_url == "https://hero-sms.com/stubs/handler_api.php"
    assert all(hero.actions.values())
    bower = preset("smsbower")
    assert bower.get_only is True and bower.cancel_grace == 120
    assert bower.actions["getActiveActivations"] is False
    assert preset("smsbulk-legacy").kind == "smsbulk-legacy"
    assert preset("tiger-sms").base_url == "https://api.tiger-sms.com/stubs/handler_api.php"


def test_an_unknown_preset_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        preset("sms-activate.org")


def test_a_preset_seeds_what_a_provider_knows() -> None:
    p = preset("smsbower")
    provider = connect(p.kind, api_key="key-preset-7f3a9c1e5b2d", base_url=p.base_url)
    provider.learn(p.actions)
    assert provider.traits == {"getActiveActivations": False}
    assert "active_list" not in provider.capabilities
    legacy = preset("smsbulk-legacy")
    other = connect(legacy.kind, api_key="key-preset-7f3a9c1e5b2d", base_url=legacy.base_url)
    other.learn(legacy.actions)
    assert other.traits == {}, "a kind that never probes learns nothing"
    assert PROFILES[legacy.kind].probes == frozenset()


def test_the_data_ships_with_the_package() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    data = config["tool"]["setuptools"]["package-data"]["bloomdesk.providers"]
    assert "data/*.json" in data
    assert (ROOT / "bloomdesk" / "providers" / "data" / "presets.json").is_file()
