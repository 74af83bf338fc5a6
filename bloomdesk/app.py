"""``bloomdesk``: the command line that starts the desktop app."""

from __future__ import annotations

import argparse
import sys

from . import __version__


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bloomdesk", description=__doc__)
    parser.add_argument("--version", action="version", version=f"BloomDesk {__version__}")
    parser.add_argument("--demo", action="store_true",
                        help="run against the built-in simulator, with throwaway state")
    parser.add_argument("--debug", action="store_true", help="log at DEBUG level")
    parser.add_argument("--state-dir", help="where the order journal lives")
    parser.parse_args(argv)
    print("BloomDesk's main window is not built yet: it comes with the next milestone.\n"
          "Meanwhile `python -m bloomdesk.sim` runs the provider simulator.", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
