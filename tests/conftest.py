from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")

import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale

from bloomdesk.redact import install_log_redaction
from bloomdesk.sim import Simulator

install_log_redaction()
# The tests read the window in English with US numbers ("$1,234.50"), whatever the
# machine's locale: the window follows QLocale's default, and tests of other languages
# install theirs (ui.language) and put this one back.
QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))

# The suite runs on several workers (pytest-xdist; most tests wait on the network or
# the clock, not the CPU). Two groups run one test at a time each, so that what waits
# on timers never waits behind what burns the CPU: the window's tests (one window at
# a time, as a user has; their waits are timed), and the tests that hog the CPU (the
# bundle build, the benchmarks, hundreds of MB of hostile answers, 70 CLI processes).
GROUPS = {"gui": ("tests/gui/",),
          "cpu": ("tests/test_bundle.py::", "tests/test_benchmarks.py::",
                  "tests/integration/test_hostile_limits.py::",
                  "test_processes_share_the_rate_budget")}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        for group, parts in GROUPS.items():
            if any(part in item.nodeid for part in parts):
                item.add_marker(pytest.mark.xdist_group(group))
                break


class Clock:
    """Wall-clock time that a test can jump forward (shared by simulator and engine)."""

    def __init__(self) -> None:
        self.offset = 0.0

    def __call__(self) -> float:
        return time.time() + self.offset

    def advance(self, seconds: float) -> None:
        self.offset += seconds


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def sim(clock: Clock) -> Iterator[Simulator]:
    with Simulator(clock=clock) as simulator:
        yield simulator


class MemoryKeyring:
    """An in-memory keyring backend: the OS keyring cannot be real in tests."""

    priority = 1

    def __init__(self) -> None:
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        import keyring.errors

        if (service, username) not in self.entries:
            raise keyring.errors.PasswordDeleteError(username)
        del self.entries[(service, username)]

    def get_credential(self, service: str, username: str | None) -> None:
        return None


def _as_backend(memory: MemoryKeyring) -> object:
    from keyring.backend import KeyringBackend

    class Backend(KeyringBackend):  # type: ignore[misc]
        priority = 1  # type: ignore[assignment]

        def get_password(self, service: str, username: str) -> str | None:
            return memory.get_password(service, username)

        def set_password(self, service: str, username: str, password: str) -> None:
            memory.set_password(service, username, password)

        def delete_password(self, service: str, username: str) -> None:
            memory.delete_password(service, username)

    return Backend()


@pytest.fixture
def keyring_memory() -> Iterator[MemoryKeyring]:
    import keyring

    previous = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(_as_backend(memory))
    try:
        yield memory
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    import keyring
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        yield
    finally:
        keyring.set_keyring(previous)
