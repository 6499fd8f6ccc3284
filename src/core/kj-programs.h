/* kj-programs.h — the two programs: knee-journal (no GTK) and knee-journal-ui (the window)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define KJ_PROGRAM_CLI "knee-journal"
#define KJ_PROGRAM_UI  "knee-journal-ui"

char *kj_programs_find_ui  (void);
char *kj_programs_find_cli (void);

G_END_DECLS
