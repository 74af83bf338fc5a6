"""Countries that mean the same everywhere, over real HTTP: every kind's country ids read
as ISO codes the way its spec numbers them, names in the language asked for, and
``getCountries`` read right however a live server writes it."""

from __future__ import annotations

import json

from bloomdesk.providers import KINDS, connect
from bloomdesk.sim import Fault, Simulator
from bloomdesk.sim.catalogue import country_ids, default_catalogue

KEY = "key-countries-7f3a9c1e5b2d"


async def test_every_kind_names_each_country_by_its_iso_code(sim: Simulator) -> None:
    """Each kind numbers countries its own way (spec 000: 0 is the USA; spec 003:
    TR = 187, US = 12; the rest SMS-Activate's canonical ids): the ISO code is the
    same country everywhere, whether or not the server sends one."""
    cat = default_catalogue()
    for kind in KINDS:
        sim.add_account(kind, KEY, "1")
        expected = {cid: iso for iso, cid in country_ids(kind, cat).items()}
        async with connect(kind, api_key=KEY, base_url=sim.url(kind), timeout=5) as provider:
            countries = await provider.countries()
            assert {c.id: c.iso for c in countries} == expected, kind
            offers = await provider.offers(service="wa")
            assert all(o.country_iso == expected[o.country] for o in offers), kind


async def test_names_in_russian_and_chinese_fall_back_to_english(sim: Simulator) -> None:
    for server in ("hero-sms", "tiger-sms"):
        sim.add_account(server, KEY, "1")
        async with connect("sms-activate", api_key=KEY, base_url=sim.url(server)) as p:
            eng = {c.id: c for c in await p.countries()}
            rus = {c.id: c for c in await p.countries(language="rus")}
            chn = {c.id: c for c in await p.countries("chn")}
            assert sim.sent(server, "countries") == 1, "one list, every language"
        assert (eng["0"].name, rus["0"].name, chn["0"].name) == ("Russia", "Россия", "俄罗斯")
        assert rus["187"].name == "США" and chn["187"].iso == "US"
        assert rus["73"].name == eng["73"].name == "Brazil", "no Russian name: English"
        assert set(rus) == set(eng) == set(chn)


async def test_odd_country_lists_are_read_right(sim: Simulator) -> None:
    """Ids as strings, a list instead of an object, hidden countries left out; a
    server's own ISO code wins; offers in a hidden country still carry its ISO."""
    sim.add_account("sms-activate", KEY, "1")
    as_list = [{"id": "0", "eng": "Russia", "visible": 1},
               {"id": "187", "eng": "USA", "visible": "1"},
               {"id": "12", "eng": "USA (virtual)", "visible": 0},
               {"id": 16, "eng": "United Kingdom", "rus": "Великобритания"},
               {"id": "22", "eng": "India", "visible": False},
               {"id": "999", "eng": "Atlantis", "iso": "xa"}]
    as_object = {str(row["id"]): row for row in as_list}
    for body in (as_list, as_object):
        sim.fault("sms-activate", Fault("answer", op="countries", body=json.dumps(body),
                                        status=200))
        async with connect("sms-activate", api_key=KEY,
                           base_url=sim.url("sms-activate")) as provider:
            countries = await provider.countries()
            assert [(c.id, c.name, c.iso) for c in countries] == [
                ("0", "Russia", "RU"), ("187", "USA", "US"),
                ("16", "United Kingdom", "GB"), ("999", "Atlantis", "XA")]
            assert (await provider.countries("rus"))[2].name == "Великобритания"
            sim.fault("sms-activate", Fault("answer", op="offers", status=200, body=json.dumps(
                {"22": {"wa": {"cost": 0.5, "count": 3}}, "12": {"wa": {"cost": "0.7",
                                                                       "count": 1}}})))
            offers = {o.country: o for o in await provider.offers(service="wa")}
            assert offers["22"].country_iso == "IN" and offers["12"].country_iso == "US"


async def test_hero_lists_its_hidden_country_and_it_stays_hidden(sim: Simulator) -> None:
    sim.add_account("hero-sms", KEY, "1")
    async with connect("sms-activate", api_key=KEY, base_url=sim.url("hero-sms")) as p:
        ids = {c.id for c in await p.countries()}
    assert "187" in ids and "12" not in ids
