#!/usr/bin/env bash
# check-references.sh SRCDIR — no tracked file refers to a document outside the
# repository: the design and the conventions live in doc/ and HACKING.md.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

cd "$1"

if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  mapfile -t files < <(git ls-files)
else
  mapfile -t files < <(find . -path ./.git -prune -o -path './build*' -prune -o -type f -print | sed 's|^\./||')
fi

# Built from pieces so that this script does not match itself.
shared='\.\./'shared
work='/'work/
design='DESIGN'' §'
design_md='DESIGN''\.md'
style_md='STYLE''\.md'
pattern="$shared|$work|$design|$design_md|$style_md"

status=0
for f in "${files[@]}"; do
  [ -f "$f" ] || continue
  if hits=$(grep -nE -- "$pattern" "$f" 2>/dev/null); then
    while IFS= read -r line; do
      echo "$f:$line: refers to a file outside the repository"
    done <<<"$hits"
    status=1
  fi
done

# README.md and doc/ cite the pages of doc/, never an outside design document.
for f in README.md doc/*.md; do
  [ -f "$f" ] || continue
  if hits=$(grep -n 'DESIGN' "$f"); then
    while IFS= read -r line; do
      echo "$f:$line: names an outside design document"
    done <<<"$hits"
    status=1
  fi
done

if [ "$status" -eq 0 ]; then
  echo "no reference to a file outside the repository in ${#files[@]} files"
fi
exit "$status"
