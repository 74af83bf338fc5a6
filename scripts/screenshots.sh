#!/usr/bin/env bash
# Redo the screenshots in docs/ from the demo, in a real X server (Xvfb).
# Needs: apt-get install xvfb fonts-noto-color-emoji libxcb-cursor0 libxkbcommon-x11-0
#        libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-render-util0 libxcb-image0
set -euo pipefail
cd "$(dirname "$0")/.."
exec xvfb-run -a -s "-screen 0 1400x900x24" python scripts/screenshot.py
