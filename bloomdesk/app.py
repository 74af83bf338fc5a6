"""``bloomdesk``: start the desktop app (qasync loop, logging, clean shutdown).

The start is in two steps so that the window paints at once.  First, with nothing
but Qt and the window's own modules: the window, the accounts as the journal lists
them (read only) and each shown account's cached prices, painted.  Then, beside the
painted window: asyncio and qasync, the Desk (the journal opened for writing and
recovered, the keyring, httpx), the demo's simulator, fresh prices.
"""

from __future__ import annotations

import time

T0 = time.perf_counter()  # as near the process start as this module gets

import argparse  # noqa: E402
import logging  # noqa: E402
import logging.handlers  # noqa: E402
import os  # noqa: E402
import signal  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import TYPE_CHECKING, Any  # noqa: E402

from . import __version__  # noqa: E402
from .redact import install_log_redaction  # noqa: E402

if TYPE_CHECKING:
    import asyncio

    from .demo import Demo
    from .ui.main_window import MainWindow

log = logging.getLogger("bloomdesk")
_OPENED = [0.0]  # seconds from the start to the window shown (for the smoke test)


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="bloomdesk", description="BloomDesk desktop app")
    parser.add_argument("--version", action="version", version=f"BloomDesk {__version__}")
    parser.add_argument("--demo", action="store_true",
                        help="run on the built-in simulator, with throwaway state")
    parser.add_argument("--debug", action="store_true", help="log at DEBUG level")
    parser.add_argument("--language", choices=("en", "ru", "zh_CN"), help="the window's "
                        "language this time (default: the Settings', else the system's)")
    parser.add_argument("--state-dir", help="where the order journal lives "
                        "(or BLOOMDESK_STATE_DIR); not with --demo")
    parser.add_argument("--smoke-test", action="store_true",
                        help="open the window (on the demo, or with --state-dir on that "
                        "folder's accounts), wait as --until says, print SMOKE OK with the "
                        "times, then exit (0: all well)")
    parser.add_argument("--until", choices=("shown", "loaded"), default="loaded",
                        help="with --smoke-test: 'shown' exits once a price table (cached "
                        "or fresh) is painted; 'loaded' (the default) once every account "
                        "has answered and fresh prices are shown")
    args = parser.parse_args(argv)
    if args.state_dir and args.demo:
        # Kept state would outlive the simulator that made it: orders of a provider
        # that no longer exists. Said at once rather than silently ignored.
        parser.error("--state-dir cannot be used with --demo: the demo's state is always "
                     "throwaway (a fresh folder, removed when the demo ends). Leave out "
                     "--demo to keep your own orders in that folder.")
    if args.smoke_test and not args.state_dir:
        args.demo = True  # a smoke test touches real accounts only when given a folder
    return args


def setup_logging(debug: bool, log_dir: Path) -> Path | None:
    install_log_redaction()
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if debug else logging.INFO)
    # httpx logs every URL at INFO, query strings included: keep it quiet (and redacted)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    console = logging.StreamHandler()
    console.setLevel(logging.DEBUG if debug else logging.WARNING)
    console.setFormatter(fmt)
    root.addHandler(console)
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        path = log_dir / "bloomdesk.log"
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000,
                                                       backupCount=3, encoding="utf-8")
    except OSError as exc:
        log.warning("Logging to a file is off: %s", exc.strerror)
        return None
    handler.setFormatter(fmt)
    root.addHandler(handler)
    return path


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    os.environ.setdefault("QT_API", "pyside6")
    import platformdirs

    setup_logging(args.debug, Path(platformdirs.user_log_dir("BloomDesk", False)))
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("BloomDesk")
    app.setOrganizationName("BloomDesk")
    app.setApplicationVersion(__version__)
    from .ui.icons import APP_ID, app_icon

    app.setDesktopFileName(APP_ID)  # Wayland matches the window to the .desktop file
    window, directory, demo = open_window(app, args)
    app.setWindowIcon(app_icon())  # after the first paint: every window takes it then
    if args.smoke_test and args.until == "shown" and window.prices.table.painted_total:
        print(smoke_line(window, "shown"), flush=True)  # cached prices painted: done
        window.hide()
        return 0
    import qasync

    try:
        return int(qasync.run(run(app, args, window, directory, demo)))
    except KeyboardInterrupt:
        return 130


def open_window(app: Any, args: argparse.Namespace) -> tuple[MainWindow, Path, Demo | None]:
    """The window painted, with each shown account's cached prices: nothing else."""
    from PySide6.QtCore import QCoreApplication, QSettings

    from .paths import journal_path, settings_path, state_dir
    from .ui.main_window import MainWindow

    demo = None
    if getattr(args, "demo", False):
        from .demo import Demo

        demo = Demo()
        directory = demo.dir
    else:
        directory = state_dir(getattr(args, "state_dir", None))
    settings = QSettings(str(settings_path(directory)), QSettings.Format.IniFormat)
    speak(settings, getattr(args, "language", None))
    window = MainWindow(None, settings)
    if demo is not None:
        translate = QCoreApplication.translate
        window.setWindowTitle(translate("MainWindow", "BloomDesk — demo (simulated providers)"))
        window.prices.set_state(translate("MainWindow", "Starting the demo's simulated providers…"))
    else:  # the account shown first, as the journal lists them, and its cached prices
        from .store import cache

        accounts = cache.accounts_in(journal_path(directory))
        first = cache.load(directory, accounts[0]) if accounts else None
        window.preview([first] if first else [], [a.label for a in accounts])
    window.show()
    handle = window.windowHandle()
    while handle is None or not handle.isExposed():
        app.processEvents()
        handle = window.windowHandle()
    app.processEvents()
    _OPENED[0] = time.perf_counter() - T0
    log.info("Window shown %.2f s after the start", _OPENED[0])
    if getattr(args, "smoke_test", False):  # for whoever times it from outside
        print(f"SMOKE SHOWN: the window painted at {_OPENED[0]:.2f} s", flush=True)
    return window, directory, demo


def speak(settings: Any, chosen: str | None) -> None:
    """The language (chosen, else the Settings', else the system's); the colours."""
    from .ui import language, preferences
    from .ui.look import fit_style, look

    preferred = chosen or preferences.load(settings).language
    language.install(language.choose(preferred), locale=bool(preferred))
    fit_style()
    look()


def _wake_python() -> None:
    """Nothing to do: running any Python lets pending signal handlers run."""


async def run(app: object, args: argparse.Namespace, window: MainWindow | None = None,
              directory: Path | None = None, demo: Demo | None = None) -> int:
    """Attach the Desk to the painted window (opened here when not given), wait for
    quit, then close everything before returning (tasks left pending after the loop
    stops would never run)."""
    import asyncio

    from PySide6.QtCore import QCoreApplication, QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from .core import Desk
    from .paths import journal_path
    from .secrets import KeyStore
    from .store import Store, StoreError
    from .ui.tasks import error_text

    assert isinstance(app, QApplication)
    if window is None or directory is None:
        window, directory, demo = open_window(app, args)
    smoke, until = getattr(args, "smoke_test", False), getattr(args, "until", "loaded")
    app.setQuitOnLastWindowClosed(False)
    quit_event = asyncio.Event()
    app.aboutToQuit.connect(quit_event.set)
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: quit_event.set())
    # Python runs signal handlers only between bytecodes: wake it while Qt waits.
    heartbeat = QTimer()
    heartbeat.start(250)
    heartbeat.timeout.connect(_wake_python)
    window.quitRequested.connect(quit_event.set)
    try:
        if demo is not None:  # its simulator starts beside the painted window
            await asyncio.to_thread(demo.start_simulator)
            desk = demo.start()
        else:
            keys = await asyncio.to_thread(KeyStore)  # the keyring's backends load aside
            desk = Desk(Store(journal_path(directory)), keys)
    except StoreError as exc:
        QMessageBox.critical(window, QCoreApplication.translate(
            "MainWindow", "BloomDesk cannot start"), error_text(exc))
        window.hide()
        return 1
    window.attach(desk)
    notice = desk.key_notice()  # none when every key comes from the environment
    if notice:
        window.report(notice, error=True)
    await desk.start()
    window.start()
    if demo is not None:  # the simulated BloomSMS posts its codes to the receiver
        window.webhooks.listening.connect(demo.point_webhooks)
    await window.webhooks.apply()
    window.statusBar().showMessage(QCoreApplication.translate("MainWindow", "Ready"), 3000)
    code = 0
    try:
        if smoke:
            code = await smoke_test(window, quit_event, until=until)
        else:
            await quit_event.wait()
    finally:
        heartbeat.stop()
        await window.shutdown()
        await desk.stop()
        desk.store.close()
        if demo is not None:
            demo.stop()
        window.hide()
        window.deleteLater()
    log.info("BloomDesk closed cleanly")
    return code


def smoke_line(window: Any, until: str) -> str:
    painted = time.perf_counter() - T0
    opened = _OPENED[0] or painted
    model = window.prices.model
    fresh = "cached" if window.price_side.showing_cached() else "fresh"
    labels = window.price_side.account_labels()
    answered = "answered" if until == "loaded" else "listed"
    return (f"SMOKE OK: {len(labels)} accounts {answered}, {model.total:,} prices shown "
            f"({fresh}); window shown at {opened:.2f} s, prices painted at {painted:.2f} s "
            f"from the start, {painted - opened:.2f} s after the window opened")


async def smoke_test(window: Any, quit_event: asyncio.Event, timeout: float = 60.0,
                     until: str = "loaded") -> int:
    """Ready means: the window is shown and its price table painted with prices;
    for 'loaded' also every account's balance read (its first successful request)
    and the table's prices fresh from the providers, not only cached."""
    import asyncio

    started = time.monotonic()
    desk = window.desk
    labels = [a.label for a in desk.accounts()]

    def missing() -> list[str]:
        gaps = []
        if until == "loaded":
            gaps = [f"no answer yet from {x}" for x in labels if x not in desk.balances]
            if window.price_side.showing_cached():
                gaps.append("only cached prices in the table")
        if window.prices.model.total == 0:
            gaps.append("no prices in the table")
        elif not window.prices.table.painted_total:
            gaps.append("the prices are not painted yet")
        if not window.isVisible():
            gaps.append("the window is not shown")
        return gaps

    while missing():
        if quit_event.is_set():
            print("SMOKE FAILED: asked to quit before the app was ready", flush=True)
            return 1
        if time.monotonic() - started > timeout:
            print(f"SMOKE FAILED after {timeout:.0f} s: " + "; ".join(missing()), flush=True)
            return 1
        await asyncio.sleep(0.01)
    print(smoke_line(window, until), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
