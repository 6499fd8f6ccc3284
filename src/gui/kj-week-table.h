/* kj-week-table.h — Trends' Week by Week: a table where it fits, else a list with the values under each week
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kj-format.h"
#include "kj-types.h"

G_BEGIN_DECLS

#define KJ_TYPE_WEEK_TABLE (kj_week_table_get_type ())

G_DECLARE_FINAL_TYPE (KjWeekTable, kj_week_table, KJ, WEEK_TABLE, GtkWidget)

void kj_week_table_update (KjWeekTable     *self,
                           const KjJournal *journal,
                           const char      *today_date,
                           const char      *from,
                           KjUnits          units);

G_END_DECLS
