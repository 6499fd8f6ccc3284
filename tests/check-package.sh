#!/usr/bin/env bash
# check-package.sh SRCDIR KJ_GEN — the Debian package: build-aux/package builds
# the .deb (lintian at error level included), dpkg -x unpacks it into a
# temporary root (no chroot, no root needed), and the installed binary runs
# from there headless: --version, an import and --summary of a generated
# journal in English and in German with the package's own .mo, and the window
# (knee-journal-ui, run by knee-journal) for a few seconds when there is a display. Slow (a full package build):
# suite "package", left out of the default run (meson test --suite package).
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

top=$1
kj_gen=$2
id=io.github.kneejournal.KneeJournal
start=$(date +%s)

if ! command -v dh >/dev/null 2>&1 && [ "$(id -u)" -ne 0 ] && ! sudo -n true 2>/dev/null; then
  echo "debhelper is missing and cannot be installed here (not root)"
  exit 77
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
root="$tmp/root"
status=0
fail () { echo "FAIL: $*"; status=1; }

# The tree's own suites run the tests; the package build skips them (nocheck).
DEB_BUILD_OPTIONS="nocheck ${DEB_BUILD_OPTIONS:-}" "$top/build-aux/package" "$tmp/out"
built=$(date +%s)
echo "package built in $((built - start)) s"

debs=("$tmp"/out/knee-journal_*.deb)
dpkg -x "${debs[0]}" "$root"

version=$(dpkg-deb -f "${debs[0]}" Version)
for f in \
  usr/bin/knee-journal \
  usr/libexec/knee-journal-ui \
  usr/libexec/knee-journal-full \
  usr/share/applications/$id.desktop \
  usr/share/metainfo/$id.metainfo.xml \
  usr/share/glib-2.0/schemas/$id.gschema.xml \
  usr/share/icons/hicolor/scalable/apps/$id.svg \
  usr/share/icons/hicolor/symbolic/apps/$id-symbolic.svg \
  usr/share/locale/de/LC_MESSAGES/knee-journal.mo \
  usr/share/doc/knee-journal/copyright \
  usr/share/man/man1/knee-journal.1.gz
do
  [ -s "$root/$f" ] && echo "packaged: /$f" || fail "not in the package: /$f"
done
[ ! -e "$root/usr/share/licenses" ] || fail "the package ships a second copy of the GPL"

# The .deb holds no compiled schema (dpkg's trigger makes it); compile it here.
mkdir "$tmp/schemas"
glib-compile-schemas --strict --targetdir="$tmp/schemas" "$root/usr/share/glib-2.0/schemas"

export LD_LIBRARY_PATH="$root/usr/lib/$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || echo x86_64-linux-gnu)${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
export XDG_DATA_DIRS="$root/usr/share:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}"
export GSETTINGS_SCHEMA_DIR="$tmp/schemas"
export GSETTINGS_BACKEND=memory
export XDG_DATA_HOME="$tmp/home/data" XDG_CONFIG_HOME="$tmp/home/config" XDG_CACHE_HOME="$tmp/home/cache"
export LC_ALL=C.UTF-8 LANGUAGE=
# the binary looks in /usr/share/locale (compiled in); KJ_LOCALEDIR points it into the root
export KJ_LOCALEDIR="$root/usr/share/locale"
kj="$root/usr/bin/knee-journal"

# (ldd's list is read whole before grep -q: in a pipe under pipefail, grep
# quitting at the first match can kill ldd with SIGPIPE, a failure at random)
# the command line without GTK, cairo, Pango or libxml2; the window's program
# with GTK; the program of the report and the run files with cairo and libxml2
if grep -qE 'libgtk-4|libadwaita-1|libcairo|libpango|libxml2' <<<"$(ldd "$kj")"; then
  fail "knee-journal loads more than the core's light part: $(ldd "$kj" \
    | grep -E 'libgtk-4|libadwaita-1|libcairo|libpango|libxml2' | tr -s ' \t\n' ' ')"
else
  echo "knee-journal: no GTK, cairo, Pango or libxml2 ($(ldd "$kj" | wc -l) libraries)"
fi
grep -q 'libadwaita-1' <<<"$(ldd "$root/usr/libexec/knee-journal-ui")" || fail "knee-journal-ui does not link libadwaita"
grep -q 'libcairo' <<<"$(ldd "$root/usr/libexec/knee-journal-full")" && grep -q 'libxml2' <<<"$(ldd "$root/usr/libexec/knee-journal-full")" \
  || fail "knee-journal-full does not link cairo and libxml2"

out=$("$kj" --version) || fail "--version exits $?"
[ "$out" = "knee-journal $version" ] && echo "--version: $out" || fail "--version says '$out', the package is $version"

"$kj_gen" --seed 7 --days 60 --scenario improving --last 2026-11-01 -o "$tmp/journal.json"
"$kj" --db "$tmp/journal.db" --import-json "$tmp/journal.json" >/dev/null || fail "--import-json exits $?"

# the report and the run files, by the packaged knee-journal-full (found under the same root)
out=$("$kj" --db "$tmp/runs.db" --import-runs "$top/tests/data/tracks/garmin.gpx") || fail "--import-runs exits $?"
grep -q '^garmin.gpx: a run of ' <<<"$out" && echo "--import-runs: $(head -1 <<<"$out")" \
  || fail "--import-runs did not import the run: $out"
"$kj" --db "$tmp/journal.db" --export-pdf "$tmp/report.pdf" >/dev/null || fail "--export-pdf exits $?"
[ "$(head -c 5 "$tmp/report.pdf")" = "%PDF-" ] && echo "--export-pdf: a PDF" || fail "--export-pdf wrote no PDF"

out=$("$kj" --db "$tmp/journal.db" --summary --as-of 2026-11-01) || fail "--summary exits $?"
grep -q '^Knee Journal' <<<"$out" && grep -q 'Improving' <<<"$out" \
  && echo "--summary (English): $(head -1 <<<"$out")" || fail "--summary in English: $out"

out=$(LANGUAGE=de "$kj" --db "$tmp/journal.db" --summary --as-of 2026-11-01) || fail "--summary in German exits $?"
if grep -q '^Knie-Tagebuch' <<<"$out" && grep -q 'Besser' <<<"$out" && grep -q 'Behandlungsbeginn' <<<"$out" \
   && ! grep -qE 'Improving|Treatment start|This is a summary' <<<"$out"; then
  echo "--summary (German): $(head -1 <<<"$out")"
else
  fail "--summary in German with the packaged .mo: $out"
fi

# The window, from the root's schema, icons and resources, for 4 seconds
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  rc=0
  NO_AT_BRIDGE=1 GTK_A11Y=none timeout 4 "$kj" --db "$tmp/journal.db" 2>"$tmp/window.err" || rc=$?
  if [ "$rc" -ne 124 ]; then
    fail "the window exited with $rc before 4 s: $(cat "$tmp/window.err")"
  elif grep -qE 'CRITICAL|WARNING|ERROR' "$tmp/window.err"; then
    fail "the window warned: $(cat "$tmp/window.err")"
  else
    echo "window: ran 4 s without a warning"
  fi
else
  echo "window: no display, not started"
fi

echo "check-package: $(( $(date +%s) - start )) s in all"
exit $status
