#!/usr/bin/env bash
# check-install.sh BUILDDIR — meson install puts every part of the app into a prefix.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

build=$1
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT

meson install -C "$build" --destdir "$dest" --no-rebuild --quiet >/dev/null

option () {
  meson introspect "$build" --buildoptions | python3 -c \
    'import json, sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == sys.argv[1]))' "$1"
}
prefix=$(option prefix)
root="$dest$prefix"
# libexecdir: relative to the prefix, or absolute
libexecdir=$(option libexecdir)
case "$libexecdir" in
  /*) libexecdir=${libexecdir#"$prefix"/} ;;
esac
id=io.github.kneejournal.KneeJournal
status=0

for f in \
  bin/knee-journal \
  "$libexecdir/knee-journal-ui" \
  share/applications/$id.desktop \
  share/metainfo/$id.metainfo.xml \
  share/glib-2.0/schemas/$id.gschema.xml \
  share/icons/hicolor/scalable/apps/$id.svg \
  share/icons/hicolor/symbolic/apps/$id-symbolic.svg \
  share/locale/de/LC_MESSAGES/knee-journal.mo \
  share/help/C/$id/index.page \
  share/help/de/$id/index.page
do
  if [ -s "$root/$f" ]; then
    echo "installed: $f"
  else
    echo "missing:   $f"
    status=1
  fi
done

# the installed binary runs, without GTK, and the desktop file is translated
"$root/bin/knee-journal" --version | grep -q '^knee-journal ' || { echo "installed binary does not run"; status=1; }
if ldd "$root/bin/knee-journal" | grep -qE 'libgtk-4|libadwaita-1'; then
  echo "knee-journal loads GTK: $(ldd "$root/bin/knee-journal" | grep -E 'libgtk-4|libadwaita-1' | tr -s ' \t\n' ' ')"
  status=1
fi
ldd "$root/$libexecdir/knee-journal-ui" | grep -q 'libadwaita-1' || { echo "knee-journal-ui is not the window's program"; status=1; }
# knee-journal finds knee-journal-ui under the same root: --background with the
# reminder off is run by knee-journal-ui, which ends at once (no display needed)
glib-compile-schemas --targetdir="$dest" "$root/share/glib-2.0/schemas"
GSETTINGS_SCHEMA_DIR="$dest" GSETTINGS_BACKEND=memory "$root/bin/knee-journal" --background \
  || { echo "knee-journal did not run knee-journal-ui"; status=1; }
grep -q '^Name\[de\]=' "$root/share/applications/$id.desktop" || { echo "desktop file is not translated"; status=1; }
exit $status
