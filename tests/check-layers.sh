#!/usr/bin/env bash
# check-layers.sh SRCDIR — the core layer (src/core) uses no GTK: no GTK,
# GDK or libadwaita header and no widget type in it. src/core/meson.build
# refuses the dependency; this catches an include that sneaks past it.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

cd "$1/src/core"
status=0

if grep -nE '#include <(gtk|gdk|adwaita)|#include "kj-(application|window|today-page|history-page|trends-page|chart|code-row|day-object|knee-diagram|preferences-window|record-editor|theme)\.h"|\bGtk[A-Z]|\bAdw[A-Z]|\bgtk_|\badw_' ./*.c ./*.h; then
  echo "src/core must not use GTK, libadwaita or the gui layer (above)"
  status=1
fi

ls ../gui/*.c >/dev/null
exit $status
