/* kj-missed-day.h — the Today page's offer to log yesterday when it was missed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kj-store.h"

G_BEGIN_DECLS

#define KJ_TYPE_MISSED_DAY (kj_missed_day_get_type ())

G_DECLARE_FINAL_TYPE (KjMissedDay, kj_missed_day, KJ, MISSED_DAY, GtkWidget)

gboolean    kj_missed_day_check     (KjMissedDay *self,
                                     KjStore     *store,
                                     const char  *today);
void        kj_missed_day_refresh   (KjMissedDay *self,
                                     KjStore     *store);
const char *kj_missed_day_get_date  (KjMissedDay *self);
void        kj_missed_day_dismiss   (KjMissedDay *self);

G_END_DECLS
