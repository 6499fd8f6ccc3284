/* kj-month-map.h — History's month map: a month's days coloured by pain, the gaps, the red flags, the streak
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kj-store.h"

G_BEGIN_DECLS

#define KJ_TYPE_MONTH_MAP (kj_month_map_get_type ())

G_DECLARE_FINAL_TYPE (KjMonthMap, kj_month_map, KJ, MONTH_MAP, GtkWidget)

void        kj_month_map_set_store      (KjMonthMap *self,
                                         KjStore    *store);
void        kj_month_map_reload         (KjMonthMap *self);
void        kj_month_map_show_month     (KjMonthMap *self,
                                         int         year,
                                         int         month);
void        kj_month_map_get_month      (KjMonthMap *self,
                                         int        *year,
                                         int        *month);
void        kj_month_map_set_streak     (KjMonthMap *self,
                                         guint       streak);
GtkWidget  *kj_month_map_get_day_cell   (KjMonthMap *self,
                                         const char *date);
const char *kj_month_map_get_summary    (KjMonthMap *self);
GtkLabel   *kj_month_map_get_streak_label (KjMonthMap *self);

G_END_DECLS
