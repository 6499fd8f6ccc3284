/* kj-programs.h — the programs: knee-journal (core light part), knee-journal-full (whole core), knee-journal-ui (the window)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define KJ_PROGRAM_CLI "knee-journal"
#define KJ_PROGRAM_UI  "knee-journal-ui"
#define KJ_PROGRAM_FULL "knee-journal-full"

char *kj_programs_find_ui  (void);
char *kj_programs_find_cli (void);
char *kj_programs_find_full (void);

G_END_DECLS
