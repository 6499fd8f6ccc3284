/* kj-day-records.h — the Today page's treatments and runs of one day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kj-store.h"

G_BEGIN_DECLS

#define KJ_TYPE_DAY_RECORDS (kj_day_records_get_type ())

G_DECLARE_FINAL_TYPE (KjDayRecords, kj_day_records, KJ, DAY_RECORDS, GtkWidget)

KjStore      *kj_day_records_get_store       (KjDayRecords *self);
void          kj_day_records_set_store       (KjDayRecords *self,
                                              KjStore      *store);
const char   *kj_day_records_get_date        (KjDayRecords *self);
void          kj_day_records_set_date        (KjDayRecords *self,
                                              const char   *date);
gboolean      kj_day_records_get_has_records (KjDayRecords *self);
GActionGroup *kj_day_records_get_actions     (KjDayRecords *self);

G_END_DECLS
