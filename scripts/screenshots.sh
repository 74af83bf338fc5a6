#!/usr/bin/env bash
# Redo the screenshots in docs/ from the demo, in a real X server (Xvfb): the window
# at 1360x860 and at 800x600, the accounts dialog, the account editor, the settings;
# then the window at 1400x900 in Russian, in Simplified Chinese and on a dark palette.
# Needs: apt-get install xvfb fonts-noto-color-emoji fonts-noto-cjk, and the xcb
# libraries listed in the README (Qt's xcb platform plugin aborts without any one).
set -euo pipefail
cd "$(dirname "$0")/.."
run() { xvfb-run -a -s "-screen 0 1400x900x24" python scripts/screenshot.py "$@"; }
run
run --language ru --size 1400x900 --only screenshot-ru.png
run --language zh_CN --size 1400x900 --only screenshot-zh.png
run --dark --size 1400x900 --only screenshot-dark.png
