"""Live compatible services from the user's side: an account made from a preset, what
its server answers learned once and kept, the provider's own end time as the order's
countdown, an operator chosen, and an order bought on the website shown as such."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from bloomdesk.core import Desk, DeskSettings
from bloomdesk.providers.presets import PRESETS
from bloomdesk.secrets import KeyStore
from bloomdesk.sim import Simulator
from bloomdesk.store import Store
from tests.helpers import cli_env, run_cli

HERO_KEY = "hero-live-account-key-0001"


def test_presets_on_the_command_line(tmp_path: Path, sim: Simulator) -> None:
    env = cli_env(tmp_path, {"hero": HERO_KEY})
    listed = json.loads(run_cli(env, "--json", "accounts", "presets").stdout)
    assert [p["name"] for p in listed] == [p.name for p in PRESETS]
    assert all(set(p) == {"name", "title", "kind", "base_url"} for p in listed)
    hero = next(p for p in listed if p["name"] == "hero-sms")
    assert hero["kind"] == "sms-activate" and hero["base_url"].startswith("https://")
    sim.add_account("hero-sms", HERO_KEY, "5.00")
    added = run_cli(env, "--json", "accounts", "add", "--preset", "hero-sms", "--label",
                    "hero", "--base-url", sim.url("hero-sms"))
    assert added.returncode == 0, added.stderr
    assert json.loads(added.stdout)["preset"] == "hero-sms"
    unknown = run_cli(env, "accounts", "add", "--preset", "nope", "--label", "x")
    assert unknown.returncode == 2 and "hero-sms" in unknown.stderr


async def test_a_hero_order_counts_down_to_the_providers_end_time(
        tmp_path: Path, sim: Simulator) -> None:
    sim.add_account("hero-sms", HERO_KEY, "5.00")
    store = Store(tmp_path / "journal.sqlite3")
    desk = Desk(store, KeyStore(memory_only=True), settings=DeskSettings(timeout=5))
    desk.add_account("sms-activate", "hero", HERO_KEY, sim.url("hero-sms"), "smshub")
    try:
        offer = min((o for o in await desk.offers("hero", "tg") if o.stock > 10),
                    key=lambda o: o.price)
        operators = await desk.operators("hero", offer.country)
        order = await desk.buy("hero", "tg", offer.country, price=offer.price,
                               operator=operators[0] if operators else None)
        act = sim.activation("hero-sms", order.provider_id or "")
        assert order.expires_at is not None and abs(order.expires_at - act.expires) <= 2
        lifetime = desk.registry.profile("hero").activation_lifetime
        assert order.expires_at < order.created_at + lifetime - 60, "not the assumed 20 min"
        assert order.price == act.price and isinstance(order.price, Decimal)
        if operators:
            assert act.operator == operators[0]
        account = desk.account("hero")
        learned = store.traits(account.uid)
        assert learned.get("getNumberV2") is True, "what the server answers is kept"
        assert desk.registry.profile("hero").title == "SMSHub", "the preset's own name"
    finally:
        await desk.stop()
        store.close()
    again = Desk(Store(tmp_path / "journal.sqlite3"), KeyStore(memory_only=True))
    try:
        again.keys.set("hero", HERO_KEY)
        provider = again.sessions.provider("hero")
        assert provider.traits.get("getNumberV2") is True, "remembered, not probed again"
    finally:
        await again.stop()
        again.store.close()


def test_an_order_bought_on_heros_website_shows_marked_outside(tmp_path: Path,
                                                               sim: Simulator) -> None:
    sim.add_account("hero-sms", HERO_KEY, "5.00")
    env = cli_env(tmp_path, {"hero": HERO_KEY})
    assert run_cli(env, "accounts", "add", "--preset", "hero-sms", "--label", "hero",
                   "--base-url", sim.url("hero-sms")).returncode == 0
    prov = sim.provider("hero-sms")
    with sim.lock:
        iso = next(iso for (iso, code), o in prov.catalogue.offers.items()
                   if code == "wa" and o.stock > 10)
        elsewhere = prov.buy(HERO_KEY, "wa", iso, None)
    shown = run_cli(env, "--json", "orders")
    assert shown.returncode == 0, shown.stderr
    [order] = json.loads(shown.stdout)
    assert (order["provider_id"], order["outside"]) == (elsewhere.id, True)
    assert order["expires_at"] is not None and order["text"] is None
