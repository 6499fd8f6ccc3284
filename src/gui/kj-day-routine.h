/* kj-day-routine.h — “Same as Yesterday” on the Today page's empty day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kj-store.h"

G_BEGIN_DECLS

#define KJ_TYPE_DAY_ROUTINE (kj_day_routine_get_type ())

G_DECLARE_FINAL_TYPE (KjDayRoutine, kj_day_routine, KJ, DAY_ROUTINE, GtkWidget)

void          kj_day_routine_update          (KjDayRoutine *self,
                                              KjStore      *store,
                                              const char   *date,
                                              gboolean      day_is_empty);
gboolean      kj_day_routine_get_active      (KjDayRoutine *self);
void          kj_day_routine_set_active      (KjDayRoutine *self,
                                              gboolean      active);
const char   *kj_day_routine_get_from        (KjDayRoutine *self);
GtkWidget    *kj_day_routine_get_button      (KjDayRoutine *self);

G_END_DECLS
