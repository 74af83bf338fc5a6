"""Where BloomDesk keeps things on this computer: one place for every platform folder
(platformdirs), so the window, the CLI and the benchmarks agree."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP = "BloomDesk"
STATE_ENV = "BLOOMDESK_STATE_DIR"


def state_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The journal's folder: as given, else $BLOOMDESK_STATE_DIR, else the platform's
    user data folder."""
    chosen = explicit or os.environ.get(STATE_ENV)
    return Path(chosen) if chosen else Path(platformdirs.user_data_dir(APP, False))


def journal_path(directory: Path) -> Path:
    return directory / "journal.sqlite3"


def settings_path(directory: Path) -> Path:
    """The window's settings.ini, beside the journal."""
    return directory / "settings.ini"


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP, False))
