#!/usr/bin/env bash
# check-po.sh SRCDIR — every file with translatable strings is in po/POTFILES.in,
# and po/de.po translates every message of the sources, none of them fuzzy.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

src=$1
cd "$src"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0

listed=$(grep -v '^#' po/POTFILES.in | sed '/^$/d')

for f in $listed; do
  if [ ! -f "$f" ]; then
    echo "po/POTFILES.in lists $f, which does not exist"
    status=1
  fi
done

for f in $(grep -lE '\b(N?_|C_)\(|translatable="yes"' src/*.c src/core/*.c src/gui/*.c ui/*.ui 2>/dev/null) data/*.desktop.in data/*.metainfo.xml.in data/*.gschema.xml; do
  # not `printf | grep -q`: grep stops at the first match, and under
  # pipefail printf's SIGPIPE then fails the check at random
  if ! grep -qxF "$f" <<<"$(printf '%s\n' $listed)"; then
    echo "$f has translatable strings but is not in po/POTFILES.in"
    status=1
  fi
done

xgettext --from-code=UTF-8 --add-comments --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 --flag=g_set_error:4:c-format \
  --files-from=<(printf '%s\n' $listed) -o "$tmp/knee-journal.pot"

msgfmt --check --check-format -o /dev/null po/de.po

msgmerge --quiet --no-fuzzy-matching po/de.po "$tmp/knee-journal.pot" -o "$tmp/de.po"
untranslated=$(msgattrib --untranslated --no-obsolete "$tmp/de.po" | grep -c '^msgid ' || true)
fuzzy=$(msgattrib --only-fuzzy --no-obsolete po/de.po | grep -c '^msgid ' || true)

# msgattrib prints the header entry too when there is anything to print
[ "$untranslated" -gt 0 ] && untranslated=$((untranslated - 1))
[ "$fuzzy" -gt 0 ] && fuzzy=$((fuzzy - 1))

if [ "$untranslated" -ne 0 ]; then
  echo "po/de.po leaves $untranslated messages untranslated:"
  msgattrib --untranslated --no-obsolete "$tmp/de.po" | grep -A1 '^msgid ' | head -40
  status=1
fi
if [ "$fuzzy" -ne 0 ]; then
  echo "po/de.po has $fuzzy fuzzy messages"
  status=1
fi

total=$(grep -c '^msgid ' "$tmp/knee-journal.pot")
echo "de.po: $((total - 1)) messages, $untranslated untranslated, $fuzzy fuzzy"
exit $status
