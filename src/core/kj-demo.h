/* kj-demo.h — the 8-week demo journal behind --demo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kj-types.h"

G_BEGIN_DECLS

#define KJ_DEMO_DAYS 56

/* the temporary folder of a --demo journal: g_dir_make_tmp() template */
#define KJ_DEMO_FOLDER_TEMPLATE "knee-journal-demo-XXXXXX"

KjJournal *kj_demo_journal          (const char  *last_date);
gboolean   kj_demo_remove_folder    (const char  *journal_path,
                                     GError     **error);

G_END_DECLS
