/* kj-adherence-chart.h — the exercise adherence chart widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KJ_TYPE_ADHERENCE_CHART (kj_adherence_chart_get_type ())
G_DECLARE_FINAL_TYPE (KjAdherenceChart, kj_adherence_chart, KJ, ADHERENCE_CHART, GtkWidget)

GtkWidget *kj_adherence_chart_new       (void);
void       kj_adherence_chart_set_weeks (KjAdherenceChart *self,
                                         GArray           *weeks);
guint      kj_adherence_chart_get_n_weeks (KjAdherenceChart *self);

G_END_DECLS
