#!/bin/sh
# Install KontenOPD's desktop integration from the unpacked bundle: the menu entry (.desktop),
# the AppStream metainfo, the .kontenopd MIME type and the icons, for this user (~/.local) or,
# with PREFIX=/usr/local (as root), for everyone. The bundle stays where it is; the menu entry
# starts it there. `install.sh --uninstall` removes what it added (never the user's drafts).
#
#   KontenOPD-<version>/share/install.sh            # per user
#   sudo PREFIX=/usr/local KontenOPD-<version>/share/install.sh
set -eu
ID=id.go.kontenopd.KontenOPD
SHARE_SRC=$(cd "$(dirname "$0")" && pwd)
# the bundle's executable: share/ sits in _internal/ (PyInstaller 6) or beside the executable
if [ -x "$SHARE_SRC/../../KontenOPD" ]; then
  APP=$(cd "$SHARE_SRC/../.." && pwd)/KontenOPD
else
  APP=$(cd "$SHARE_SRC/.." && pwd)/KontenOPD
fi
if [ -n "${PREFIX:-}" ]; then
  DEST="$PREFIX/share"
else
  DEST="${XDG_DATA_HOME:-$HOME/.local/share}"
fi

if [ "${1:-}" = "--uninstall" ]; then
  rm -f "$DEST/applications/$ID.desktop" "$DEST/metainfo/$ID.metainfo.xml" \
        "$DEST/mime/packages/kontenopd-mime.xml"
  rm -f "$DEST"/icons/hicolor/*/apps/$ID.png
else
  mkdir -p "$DEST/applications" "$DEST/metainfo" "$DEST/mime/packages"
  # Exec: the absolute path of this bundle (quoted: it may contain spaces)
  sed "s|^Exec=.*|Exec=\"$APP\" %f|" "$SHARE_SRC/applications/$ID.desktop" \
    > "$DEST/applications/$ID.desktop"
  cp "$SHARE_SRC/metainfo/$ID.metainfo.xml" "$DEST/metainfo/"
  cp "$SHARE_SRC/mime/packages/kontenopd-mime.xml" "$DEST/mime/packages/"
  for icon in "$SHARE_SRC"/icons/hicolor/*/apps/$ID.png; do
    size=$(basename "$(dirname "$(dirname "$icon")")")
    mkdir -p "$DEST/icons/hicolor/$size/apps"
    cp "$icon" "$DEST/icons/hicolor/$size/apps/"
  done
fi
# refresh the caches when the tools are there (they are optional)
if command -v update-mime-database >/dev/null 2>&1; then
  update-mime-database "$DEST/mime" >/dev/null 2>&1 || true
fi
if command -v update-desktop-database >/dev/null 2>&1; then
  update-desktop-database "$DEST/applications" >/dev/null 2>&1 || true
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1; then
  gtk-update-icon-cache -q -t "$DEST/icons/hicolor" >/dev/null 2>&1 || true
fi
if [ "${1:-}" = "--uninstall" ]; then done=removed; else done=installed; fi
echo "KontenOPD: desktop integration $done in $DEST"
