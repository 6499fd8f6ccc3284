#!/usr/bin/env bash
# check-layers.sh SRCDIR — the core layer (src/core) uses no GTK: no GTK,
# GDK or libadwaita header and no widget type in it, and its light part no
# cairo, Pango or libxml2. src/core/meson.build refuses the dependencies;
# this catches an include that sneaks past it.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

cd "$1/src/core"
status=0

if grep -nE '#include <(gtk|gdk|adwaita)|#include "kj-(application|window|today-page|history-page|trends-page|chart|code-row|day-object|knee-diagram|preferences-window|record-editor|theme)\.h"|\bGtk[A-Z]|\bAdw[A-Z]|\bgtk_|\badw_' ./*.c ./*.h; then
  echo "src/core must not use GTK, libadwaita or the gui layer (above)"
  status=1
fi

# The core's light part (kj_core_light_sources in meson.build), all that
# knee-journal links: no cairo, Pango or libxml2, nor a header of the files
# part that brings them (doc/architecture.md, “Programs”)
light=$(sed -n "/^kj_core_light_sources = files(/,/^)/s/^ *'\(kj-[a-z-]*\.c\)',$/\1/p" meson.build)
[ -n "$light" ] || { echo "no kj_core_light_sources in src/core/meson.build"; status=1; }
for f in $light; do
  if grep -nE '#include <(cairo|pango|libxml)|#include "kj-(adherence-render|chart-private|chart-render|knee-render|pdf-writer|questionnaire-render|report-private)\.h"' "$f"; then
    echo "$f is in the core's light part but uses cairo, Pango or libxml2 (above)"
    status=1
  fi
done

ls ../gui/*.c >/dev/null
exit $status
