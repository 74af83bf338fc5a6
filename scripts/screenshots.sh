#!/usr/bin/env bash
# Redo the screenshots in docs/ from the demo, in a real X server (Xvfb): the window
# at 1360x860 and at 800x600, the accounts dialog, the account editor, the settings.
# Needs: apt-get install xvfb fonts-noto-color-emoji, and the xcb libraries listed in
# the README (Qt's xcb platform plugin aborts without any one of them).
set -euo pipefail
cd "$(dirname "$0")/.."
exec xvfb-run -a -s "-screen 0 1400x900x24" python scripts/screenshot.py
