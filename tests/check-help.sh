#!/usr/bin/env bash
# check-help.sh SRCDIR BUILDDIR — the user manual (help/): the Mallard pages are valid and their links resolve,
# help/de/de.po translates every message of them, and meson install puts the English and the German manual
# where the help: URI finds them (share/help/<lang>/io.github.kneejournal.KneeJournal), valid too.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

src=$1
build=$2
id=io.github.kneejournal.KneeJournal
status=0

for tool in yelp-check itstool msgmerge; do
  command -v "$tool" >/dev/null 2>&1 || { echo "$tool is missing (Debian: yelp-tools, itstool, gettext)"; exit 77; }
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# the sources
yelp-check validate "$src"/help/C/*.page || status=1
yelp-check links "$src/help/C" || status=1
yelp-check orphans "$src/help/C" || status=1

# every message of the pages is translated, none fuzzy
(cd "$src/help" && itstool -o "$tmp/help.pot" C/*.page C/legal.xml)
for po in "$src"/help/*/*.po; do
  msgfmt --check -o /dev/null "$po" || status=1
  msgmerge --quiet --no-fuzzy-matching "$po" "$tmp/help.pot" -o "$tmp/merged.po"
  untranslated=$(msgattrib --untranslated --no-obsolete "$tmp/merged.po" | grep -c '^msgid ' || true)
  fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$po" | grep -c '^msgid ' || true)
  # msgattrib prints the header entry too when there is anything to print
  [ "$untranslated" -gt 0 ] && untranslated=$((untranslated - 1))
  [ "$fuzzy" -gt 0 ] && fuzzy=$((fuzzy - 1))
  echo "${po#"$src"/}: $untranslated untranslated, $fuzzy fuzzy"
  [ "$untranslated" -eq 0 ] && [ "$fuzzy" -eq 0 ] || status=1
done

# installed: English and every language of help/LINGUAS
meson install -C "$build" --destdir "$tmp/root" --no-rebuild --quiet >/dev/null
prefix=$(meson introspect "$build" --buildoptions | python3 -c \
  'import json, sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == "prefix"))')
for lang in C $(grep -v '^#' "$src/help/LINGUAS"); do
  dir="$tmp/root$prefix/share/help/$lang/$id"
  if [ ! -s "$dir/index.page" ]; then
    echo "missing: share/help/$lang/$id/index.page"
    status=1
    continue
  fi
  echo "installed: share/help/$lang/$id ($(ls "$dir" | wc -l) files)"
  yelp-check validate "$dir"/*.page || status=1
  yelp-check links "$dir" || status=1
done

exit $status
