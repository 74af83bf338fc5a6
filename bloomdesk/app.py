"""``bloomdesk``: start the desktop app (qasync loop, logging, clean shutdown)."""

from __future__ import annotations

import argparse
import asyncio
import logging
import logging.handlers
import os
import signal
import sys
import time
from pathlib import Path
from typing import Any

from . import __version__
from .redact import install_log_redaction

log = logging.getLogger("bloomdesk")


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="bloomdesk", description="BloomDesk desktop app")
    parser.add_argument("--version", action="version", version=f"BloomDesk {__version__}")
    parser.add_argument("--demo", action="store_true",
                        help="run on the built-in simulator, with throwaway state")
    parser.add_argument("--debug", action="store_true", help="log at DEBUG level")
    parser.add_argument("--state-dir", help="where the order journal lives "
                        "(or BLOOMDESK_STATE_DIR); not with --demo")
    parser.add_argument("--smoke-test", action="store_true",
                        help="open the window on the demo, wait until every account has "
                        "answered and the prices are shown, then exit (0: all well)")
    args = parser.parse_args(argv)
    if args.state_dir and (args.demo or args.smoke_test):
        # Kept state would outlive the simulator that made it: orders of a provider
        # that no longer exists. Said at once rather than silently ignored.
        parser.error("--state-dir cannot be used with --demo: the demo's state is always "
                     "throwaway (a fresh folder, removed when the demo ends). Leave out "
                     "--demo to keep your own orders in that folder.")
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
    app.setWindowIcon(app_icon())
    import qasync

    try:
        return int(qasync.run(run(app, args)))
    except KeyboardInterrupt:
        return 130


def _wake_python() -> None:
    """Nothing to do: running any Python lets pending signal handlers run."""


async def run(app: object, args: argparse.Namespace) -> int:
    """Open the window, wait for quit, then close everything before returning
    (tasks left pending after the loop stops would never run)."""
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from .cli import journal_path, state_dir
    from .core import Desk
    from .demo import Demo
    from .secrets import KeyStore
    from .store import Store, StoreError
    from .ui.main_window import MainWindow

    assert isinstance(app, QApplication)
    app.setQuitOnLastWindowClosed(False)
    quit_event = asyncio.Event()
    app.aboutToQuit.connect(quit_event.set)
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: quit_event.set())
    # Python runs signal handlers only between bytecodes: wake it while Qt waits.
    heartbeat = QTimer()
    heartbeat.start(250)
    heartbeat.timeout.connect(_wake_python)

    if getattr(args, "smoke_test", False):
        args.demo = True  # the smoke test never touches real accounts
    demo = Demo() if args.demo else None
    try:
        if demo is not None:
            desk = demo.start()
            directory = demo.dir
        else:
            directory = state_dir(args.state_dir)
            desk = Desk(Store(journal_path(directory)), KeyStore())
    except StoreError as exc:
        QMessageBox.critical(None, "BloomDesk cannot start", str(exc))
        return 1
    settings = QSettings(str(directory / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(desk, settings)
    window.quitRequested.connect(quit_event.set)
    if demo is not None:
        window.setWindowTitle("BloomDesk — demo (simulated providers)")
    window.show()
    notice = desk.key_notice()  # none when every key comes from the environment
    if notice:
        window.report(notice, error=True)
    await desk.start()
    window.start()
    if demo is not None:  # the simulated BloomSMS posts its codes to the receiver
        window.webhooks.listening.connect(demo.point_webhooks)
    await window.webhooks.apply()
    window.statusBar().showMessage("Ready", 3000)
    code = 0
    try:
        if getattr(args, "smoke_test", False):
            code = await smoke_test(window, quit_event)
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


async def smoke_test(window: Any, quit_event: asyncio.Event, timeout: float = 60.0) -> int:
    """Ready means: the window is shown, every account's balance has been read (its
    first successful request) and the price table holds the first account's prices."""
    started = time.monotonic()
    desk = window.desk
    labels = [a.label for a in desk.accounts()]

    def missing() -> list[str]:
        gaps = [f"no answer yet from {label}" for label in labels if label not in desk.balances]
        if window.prices.model.total == 0:
            gaps.append("no prices in the table")
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
        await asyncio.sleep(0.02)
    print(f"SMOKE OK: {len(labels)} accounts answered, {window.prices.model.total:,} prices "
          f"shown, {time.monotonic() - started:.2f} s after the window opened", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
