"""Where a provider offers a choice of mobile operator, the buy confirmation offers it
(any operator by default), and the number bought is on the operator chosen."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import qasync
from PySide6.QtWidgets import QComboBox, QMessageBox

from bloomdesk.sim import Simulator
from bloomdesk.ui.main_window import MainWindow
from bloomdesk.ui.offer_rows import make_rows
from tests.gui.harness import run_window, until, visible_box

HERO_KEY = "hero-operator-choice-key-01"


def test_the_buy_confirmation_offers_the_providers_operators(
        qloop: qasync.QEventLoop, qtbot: Any, tmp_path: Path) -> None:
    async def scenario(window: MainWindow, sim: Simulator) -> None:
        desk = window.desk
        sim.add_account("hero-sms", HERO_KEY, "5.00")
        desk.add_account("sms-activate", "hero", HERO_KEY, sim.url("hero-sms"), "hero-sms")
        offers = [o for o in await desk.offers("hero", "tg") if o.stock > 10
                  and o.country_iso in ("GB", "US", "KZ", "ID")]  # they have operators
        [row] = make_rows("hero", [min(offers, key=lambda o: o.price)])
        expected = await desk.operators("hero", row.country)
        assert expected, "the simulated Hero-SMS offers operators here"
        window.buyer.request(row)
        await until(lambda: visible_box() is not None)
        box = visible_box()
        assert isinstance(box, QMessageBox)
        choice = box.findChild(QComboBox, "operator")
        assert choice is not None and choice.currentText() == "Any operator"
        await until(lambda: choice.count() == 1 + len(expected))
        choice.setCurrentIndex(choice.findData(expected[-1]))
        box.button(QMessageBox.StandardButton.Yes).click()
        await until(lambda: len(sim.activations("hero-sms")) == 1)
        [bought] = sim.activations("hero-sms")
        assert bought.operator == expected[-1]

        # BloomSMS has no choice of operator: its confirmation offers none
        [plain] = make_rows("bloomsms", [min(await desk.offers("bloomsms", "tg"),
                                             key=lambda o: o.price)])
        await until(lambda: not window.buyer.busy and visible_box() is None)
        window.buyer.request(plain)
        await until(lambda: visible_box() is not None)
        box = visible_box()
        assert isinstance(box, QMessageBox) and "from bloomsms" in box.text()
        assert box.findChild(QComboBox, "operator") is None
        box.reject()

    run_window(qloop, qtbot, tmp_path, scenario, kinds=("bloomsms",))


def test_the_codes_pane_shows_the_sms_and_a_code_read_out_in_a_call(
        qloop: qasync.QEventLoop, qtbot: Any, tmp_path: Path) -> None:
    from bloomdesk.ui.codes import _TEXT

    async def scenario(window: MainWindow, sim: Simulator) -> None:
        desk = window.desk
        sim.add_account("hero-sms", HERO_KEY, "5.00")
        desk.add_account("sms-activate", "hero", HERO_KEY, sim.url("hero-sms"), "hero-sms")
        sim.next_codes("hero-sms", None, None)
        offers = [o for o in await desk.offers("hero", "tg") if o.stock > 10]
        best = min(offers, key=lambda o: o.price)
        by_sms = await desk.buy("hero", "tg", best.country, price=best.price)
        by_call = await desk.buy("hero", "tg", best.country, price=best.price)
        sim.deliver("hero-sms", by_sms.provider_id or "")
        sim.deliver("hero-sms", by_call.provider_id or "", by_call=True)
        await until(lambda: window.codes.count() == 2, timeout=20)

        def lines() -> dict[int, str]:
            return {getattr(window.codes.nth(i), "id", 0):
                    str(window.codes.list.item(i).data(_TEXT)) for i in range(2)}

        # a code that came in a list answer: its full message is asked for at once
        await until(lambda: "by voice call" in lines()[by_call.id], timeout=10)
        sms = sim.activation("hero-sms", by_sms.provider_id or "")
        assert sms.code in lines()[by_sms.id] and "voice call" not in lines()[by_sms.id]

    run_window(qloop, qtbot, tmp_path, scenario, kinds=("bloomsms",))
