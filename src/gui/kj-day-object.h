/* kj-day-object.h — one day of the journal as a list item: the entry and a summary of its records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "kj-types.h"

G_BEGIN_DECLS

#define KJ_TYPE_DAY_OBJECT (kj_day_object_get_type ())

G_DECLARE_FINAL_TYPE (KjDayObject, kj_day_object, KJ, DAY_OBJECT, GObject)

KjDayObject *kj_day_object_new              (KjDay       *day);
KjDayObject *kj_day_object_new_without_entry (const char *date);
const KjDay *kj_day_object_get_day          (KjDayObject *self);
gboolean     kj_day_object_has_entry        (KjDayObject *self);
void         kj_day_object_add_treatment    (KjDayObject       *self,
                                             const KjTreatment *treatment);
void         kj_day_object_add_run          (KjDayObject *self,
                                             const KjRun *run);
guint        kj_day_object_get_kinds        (KjDayObject *self);
double       kj_day_object_get_run_km       (KjDayObject *self);
gboolean     kj_day_object_get_red_flag     (KjDayObject *self);
void         kj_day_object_set_red_flag     (KjDayObject *self,
                                             gboolean     red_flag);
char        *kj_day_object_describe_places  (KjDayObject *self);
gboolean     kj_day_object_matches          (KjDayObject        *self,
                                             const char * const *words);

G_END_DECLS
