"""SMS-Activate's canonical country ids as ISO 3166 codes: the table covers every id
live servers list, agrees with the simulator's own pairs, and each kind reads ids the
way its spec numbers them."""

from __future__ import annotations

import json
from pathlib import Path

from bloomdesk.providers import PROFILES
from bloomdesk.providers.countries import canonical_iso, iso_for

SHARED = Path("/work/shared/catalogue/sms-activate-countries.json")
SIM = Path(__file__).resolve().parents[2] / "bloomdesk" / "sim" / "data" / "countries.json"


def test_the_table_covers_every_listed_id() -> None:
    table = canonical_iso()
    sim = {str(c["id"]): c["iso"] for c in json.loads(SIM.read_text("utf-8"))["countries"]}
    assert len(table) >= 190
    assert all(len(iso) == 2 and iso.isascii() and iso.isupper() for iso in table.values())
    for cid, iso in sim.items():
        assert table[cid] == iso, cid
    if SHARED.is_file():  # the live list (shared/, beside the project)
        assert set(json.loads(SHARED.read_text("utf-8"))) <= set(table)
    assert (table["0"], table["1"], table["2"], table["6"], table["16"]) == (
        "RU", "UA", "KZ", "ID", "GB")
    assert table["187"] == table["12"] == "US"
    isos = list(table.values())
    assert [i for i in set(isos) if isos.count(i) > 1] == ["US"], "one country, one id"


def test_each_kind_reads_ids_its_own_way() -> None:
    sa, legacy = PROFILES["sms-activate"], PROFILES["bloomsms-legacy"]
    compat, bloom, rest = (PROFILES["smsbulk-legacy"], PROFILES["bloomsms"],
                           PROFILES["smsbulk"])
    assert (iso_for(sa, "0"), iso_for(sa, "187"), iso_for(sa, "62")) == ("RU", "US", "TR")
    assert (iso_for(bloom, "0"), iso_for(bloom, "187")) == ("RU", "US")
    assert (iso_for(compat, "187"), iso_for(compat, "12"), iso_for(compat, "0")) == (
        "TR", "US", "RU")
    assert (iso_for(legacy, "0"), iso_for(legacy, "187")) == ("US", None), \
        "spec 000 gives one id: 0 is the USA"
    assert (iso_for(rest, "us"), iso_for(rest, "Atlantis")) == ("US", None)
    assert iso_for(sa, "9999") is None
    assert iso_for(legacy, "187", "ru") == "RU", "the server's own code wins"
