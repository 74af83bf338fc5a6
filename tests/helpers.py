"""What tests share: waiting for a condition, test keys, running bloomdesk-cli."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bloomdesk.sim import Simulator


async def until(predicate: Callable[[], bool], timeout: float = 15.0,
                what: str = "the condition") -> None:
    """Wait (letting the loop run) until `predicate` holds, or fail after `timeout` s."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.05)


def key_for(kind: str) -> str:
    """A realistic, long test key; long enough for the redaction registry."""
    return f"key-{kind}-7f3a9c1e5b2d"


def cli_env(state: Path, keys: dict[str, str] | None = None,
            keyring: bool = False) -> dict[str, str]:
    """The environment of a bloomdesk-cli process: its state folder, keys by label,
    and no OS keyring (the tests never touch the real one)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("BLOOMDESK_KEY_")}
    env["BLOOMDESK_STATE_DIR"] = str(state)
    if not keyring:
        env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    for label, key in (keys or {}).items():
        env["BLOOMDESK_KEY_" + "".join(c if c.isalnum() else "_" for c in label.upper())] = key
    return env


def run_cli(env: dict[str, str], *args: str, stdin: str | None = None,
            timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bloomdesk.cli", *args], env=env,
                          input=stdin, capture_output=True, text=True, timeout=timeout)


def cli_account(sim: Simulator, state: Path, kind: str, label: str, key: str,
                balance: str = "10.00") -> dict[str, str]:
    """A funded account at the simulator, added with bloomdesk-cli (its key from the
    environment): the environment of the commands that follow."""
    sim.add_account(kind, key, balance)
    env = cli_env(state, {label: key})
    added = run_cli(env, "accounts", "add", "--kind", kind, "--label", label,
                    "--base-url", sim.url(kind))
    assert added.returncode == 0, added.stderr
    return env
