"""The bundle's entry point: the same as the `bloomdesk` command."""

from bloomdesk.app import main

if __name__ == "__main__":
    raise SystemExit(main())
