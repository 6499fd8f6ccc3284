/* kj-day-symptoms.h — the Today page's symptoms, what made it worse, and the warning sign they raise
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kj-warnings.h"

G_BEGIN_DECLS

#define KJ_TYPE_DAY_SYMPTOMS (kj_day_symptoms_get_type ())

G_DECLARE_FINAL_TYPE (KjDaySymptoms, kj_day_symptoms, KJ, DAY_SYMPTOMS, GtkWidget)

void             kj_day_symptoms_set_codes          (KjDaySymptoms   *self,
                                                     const GPtrArray *symptoms,
                                                     const GPtrArray *aggravators);
const GPtrArray *kj_day_symptoms_get_symptoms       (KjDaySymptoms   *self);
const GPtrArray *kj_day_symptoms_get_aggravators    (KjDaySymptoms   *self);
void             kj_day_symptoms_set_red_flag       (KjDaySymptoms   *self,
                                                     KjRedFlagLevel   level);
gboolean         kj_day_symptoms_get_red_flag       (KjDaySymptoms   *self,
                                                     const char     **title);
GtkToggleButton *kj_day_symptoms_get_symptom_button (KjDaySymptoms   *self,
                                                     const char      *code);

G_END_DECLS
