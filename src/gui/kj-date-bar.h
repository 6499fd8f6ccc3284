/* kj-date-bar.h — the Today page's date: the days before and after, the date as long as there is room for, the calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kj-store.h"

G_BEGIN_DECLS

#define KJ_TYPE_DATE_BAR (kj_date_bar_get_type ())

G_DECLARE_FINAL_TYPE (KjDateBar, kj_date_bar, KJ, DATE_BAR, GtkWidget)

void         kj_date_bar_set_date             (KjDateBar  *self,
                                               const char *date);
void         kj_date_bar_set_store            (KjDateBar  *self,
                                               KjStore    *store);
void         kj_date_bar_update_marks         (KjDateBar  *self);
GtkCalendar *kj_date_bar_get_calendar         (KjDateBar  *self);
GtkLabel    *kj_date_bar_get_calendar_caption (KjDateBar  *self);

G_END_DECLS
