#!/bin/sh
# Install BloomDesk for this user: the app folder under ~/.local/lib, a `bloomdesk`
# command in ~/.local/bin, the menu entry, icons and AppStream metainfo.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
prefix=${PREFIX:-$HOME/.local}
mkdir -p "$prefix/lib" "$prefix/bin" "$prefix/share"
rm -rf "$prefix/lib/BloomDesk"
cp -R "$here/BloomDesk" "$prefix/lib/BloomDesk"
ln -sf "$prefix/lib/BloomDesk/BloomDesk" "$prefix/bin/bloomdesk"
cp -R "$here/share/." "$prefix/share/"
sed -i "s|^Exec=.*|Exec=$prefix/bin/bloomdesk|" \
    "$prefix/share/applications/io.bloomdesk.BloomDesk.desktop"
command -v update-desktop-database >/dev/null && \
    update-desktop-database "$prefix/share/applications" || true
command -v gtk-update-icon-cache >/dev/null && \
    gtk-update-icon-cache -q -t "$prefix/share/icons/hicolor" || true
echo "BloomDesk installed: run 'bloomdesk' or find it in your menu."
