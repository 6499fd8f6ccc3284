#!/usr/bin/env bash
# check-spdx.sh SRCDIR — every source file of src/, tests/, build-aux/ and .ci/
# (C, headers, shell scripts, meson.build) names its licence in an
# SPDX-License-Identifier line, and the licence named is the one in COPYING.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

top=$1
status=0
count=0

grep -q 'GNU GENERAL PUBLIC LICENSE' "$top/COPYING" && grep -q 'Version 3, 29 June 2007' "$top/COPYING" \
  || { echo "COPYING: not the text of the GPL version 3"; status=1; }

# tests/data holds fixtures (files the importers read), not sources
while IFS= read -r -d '' f; do
  count=$((count + 1))
  rel=${f#"$top"/}
  case $(grep -m1 -o 'SPDX-License-Identifier: .*' "$f" || true) in
    'SPDX-License-Identifier: GPL-3.0-or-later'*) ;;
    '') echo "no SPDX-License-Identifier line: $rel"; status=1 ;;
    *) echo "another licence than GPL-3.0-or-later: $rel"; status=1 ;;
  esac
done < <(find "$top/src" "$top/tests" "$top/build-aux" "$top/.ci" \
           -path "$top/tests/data" -prune -o -type f \
           \( -name '*.c' -o -name '*.h' -o -name '*.sh' -o -name meson.build \
              -o -path "$top/build-aux/*" -perm -u+x -o -path "$top/.ci/*" \) -print0)

echo "$count files checked"
exit $status
