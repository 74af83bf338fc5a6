"""Take the README's screenshots of the demo window: `scripts/screenshots.sh`.

Runs the real demo (simulator, one account of every kind), buys a few numbers the
way a user would, waits for codes, and saves ``docs/screenshot.png`` (1360x860) and
``docs/screenshot-800x600.png`` (a small screen); then opens the accounts dialog
(``accounts.png``, ``account-editor.png``) and the settings dialog (``settings.png``).

``--language ru --only screenshot-ru.png`` takes the window alone, in that language,
at ``--size`` (1400x900 for the languages' and the dark one's); ``--dark`` paints it
with a dark palette (Fusion), as on a desktop in dark mode.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from pathlib import Path

import qasync
from PySide6.QtWidgets import QApplication

from bloomdesk.demo import Demo
from bloomdesk.ui import language
from bloomdesk.ui.look import dark_palette, look
from bloomdesk.ui.main_window import MainWindow

OUT = Path(__file__).resolve().parent.parent / "docs"


async def until(predicate: object, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise SystemExit("the demo did not get there in time")
        await asyncio.sleep(0.1)


async def main(args: argparse.Namespace) -> None:
    demo = Demo(code_delay=3.0)
    desk = demo.start()
    window = MainWindow(desk)
    width, height = (int(n) for n in args.size.split("x"))
    window.resize(width, height)
    window.show()
    await desk.start()
    window.start()
    await until(lambda: window.prices.model.total > 100_000)
    await until(lambda: all("…" not in window.balances.text_of(a.label)
                            for a in desk.accounts()))
    demo.sim.next_codes("bloomsms", 2.0, None)
    demo.sim.next_codes("smsbulk", 2.5)
    demo.sim.next_codes("bloomsms-legacy", None)
    for label, service in (("BloomSMS", "tg"), ("BloomSMS", "wa"), ("SMSBulk", "ds"),
                           ("BloomSMS legacy", "go")):
        offers = [o for o in await desk.offers(label, service) if o.stock > 50]
        best = min(offers, key=lambda o: o.price)
        await desk.buy(label, service, best.country, price=best.price)
    await until(lambda: window.codes.count() >= 2)
    window.prices.filter.setText("whatsapp")
    window.prices.apply_filter()
    window.prices.table.selectRow(2)
    window.orders.select_order(desk.open_orders()[1].id)
    await asyncio.sleep(1.5)
    OUT.mkdir(exist_ok=True)
    if args.only:
        window.grab().save(str(OUT / args.only))
        print(f"saved {OUT / args.only}")
        await finish(window, desk, demo)
        return
    window.grab().save(str(OUT / "screenshot.png"))
    window.resize(800, 600)
    await asyncio.sleep(1.0)
    window.grab().save(str(OUT / "screenshot-800x600.png"))
    window.resize(1360, 860)
    print(f"saved {OUT / 'screenshot.png'} and screenshot-800x600.png")
    # the accounts dialog, with one connection tested, and the settings dialog
    window.open_accounts()
    accounts = window.accounts_dialog
    accounts.table.selectRow(1)
    accounts.test()
    await until(lambda: "connected" in accounts.status.text())
    await asyncio.sleep(0.3)
    accounts.grab().save(str(OUT / "accounts.png"))
    accounts.buttons["add"].click()
    editor = accounts.editor
    assert editor is not None
    editor.kind.setCurrentIndex(4)
    editor.label.setText("My SMS-Activate")
    editor.base_url.setText(demo.sim.url("sms-activate"))
    editor.key.setText("demo-key-that-is-wrong")
    editor.test()
    await until(lambda: "not accepted" in editor.outcome.text())
    await asyncio.sleep(0.3)
    editor.grab().save(str(OUT / "account-editor.png"))
    editor.reject()
    accounts.accept()
    window.open_settings()
    await asyncio.sleep(0.5)
    window.settings_dialog.grab().save(str(OUT / "settings.png"))
    window.settings_dialog.reject()
    print(f"saved {OUT / 'accounts.png'}, account-editor.png, settings.png")
    await finish(window, desk, demo)


async def finish(window: MainWindow, desk: object, demo: Demo) -> None:
    await window.shutdown()
    await desk.stop()  # type: ignore[attr-defined]
    desk.store.close()  # type: ignore[attr-defined]
    demo.stop()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--language", choices=("en", "ru", "zh_CN"), default="en")
    parser.add_argument("--dark", action="store_true", help="a dark palette (Fusion)")
    parser.add_argument("--size", default="1360x860")
    parser.add_argument("--only", metavar="NAME", help="the window alone, as docs/NAME")
    options = parser.parse_args()
    app = QApplication(sys.argv[:1])
    language.install(options.language)
    if options.dark:
        app.setStyle("Fusion")
        app.setPalette(dark_palette())
    look()
    qasync.run(main(options))
