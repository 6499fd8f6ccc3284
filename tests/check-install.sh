#!/usr/bin/env bash
# check-install.sh BUILDDIR — meson install puts every part of the app into a prefix.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

build=$1
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT

meson install -C "$build" --destdir "$dest" --no-rebuild --quiet >/dev/null

prefix=$(meson introspect "$build" --buildoptions | python3 -c \
  'import json, sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == "prefix"))')
root="$dest$prefix"
id=io.github.kneejournal.KneeJournal
status=0

for f in \
  bin/knee-journal \
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

# the installed binary runs and the desktop file is translated
"$root/bin/knee-journal" --version | grep -q '^knee-journal ' || { echo "installed binary does not run"; status=1; }
grep -q '^Name\[de\]=' "$root/share/applications/$id.desktop" || { echo "desktop file is not translated"; status=1; }
exit $status
