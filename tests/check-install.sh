#!/usr/bin/env bash
# check-install.sh BUILDDIR SRCDIR — meson install puts every part of the app into a prefix.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

build=$1
src=$2
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
  "$libexecdir/knee-journal-full" \
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

# (ldd's list is read whole before grep -q: in a pipe under pipefail, grep
# quitting at the first match can kill ldd with SIGPIPE, a failure at random)
# the installed binary runs, without GTK, cairo, Pango or libxml2, and the desktop file is translated
"$root/bin/knee-journal" --version | grep -q '^knee-journal ' || { echo "installed binary does not run"; status=1; }
if grep -qE 'libgtk-4|libadwaita-1|libcairo|libpango|libxml2' <<<"$(ldd "$root/bin/knee-journal")"; then
  echo "knee-journal loads more than the core's light part: $(ldd "$root/bin/knee-journal" \
    | grep -E 'libgtk-4|libadwaita-1|libcairo|libpango|libxml2' | tr -s ' \t\n' ' ')"
  status=1
fi
grep -q 'libcairo' <<<"$(ldd "$root/$libexecdir/knee-journal-full")" || { echo "knee-journal-full does not link cairo"; status=1; }
# knee-journal finds knee-journal-full under the same root: the run files and the report
out=$("$root/bin/knee-journal" --db "$dest/journal.db" --import-runs "$src/tests/data/tracks/garmin.gpx") || true
grep -q '^garmin.gpx: a run of ' <<<"$out" || { echo "knee-journal did not import runs with knee-journal-full: $out"; status=1; }
"$root/bin/knee-journal" --db "$dest/journal.db" --export-pdf "$dest/report.pdf" >/dev/null \
  && [ "$(head -c 5 "$dest/report.pdf")" = "%PDF-" ] \
  || { echo "knee-journal did not write the report with knee-journal-full"; status=1; }
grep -q 'libadwaita-1' <<<"$(ldd "$root/$libexecdir/knee-journal-ui")" || { echo "knee-journal-ui is not the window's program"; status=1; }
# knee-journal finds knee-journal-ui under the same root: --background with the
# reminder off is run by knee-journal-ui, which ends at once (no display needed)
glib-compile-schemas --targetdir="$dest" "$root/share/glib-2.0/schemas"
GSETTINGS_SCHEMA_DIR="$dest" GSETTINGS_BACKEND=memory "$root/bin/knee-journal" --background \
  || { echo "knee-journal did not run knee-journal-ui"; status=1; }
grep -q '^Name\[de\]=' "$root/share/applications/$id.desktop" || { echo "desktop file is not translated"; status=1; }
exit $status
