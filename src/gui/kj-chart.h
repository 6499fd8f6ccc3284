/* kj-chart.h — the trend chart widget: hover for a day's values, click to open it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kj-chart-render.h"

G_BEGIN_DECLS

#define KJ_TYPE_CHART (kj_chart_get_type ())

G_DECLARE_FINAL_TYPE (KjChart, kj_chart, KJ, CHART, GtkWidget)

GtkWidget         *kj_chart_new         (void);
void               kj_chart_set_data    (KjChart     *self,
                                         KjChartData *data);
const KjChartData *kj_chart_get_data    (KjChart     *self);
int                kj_chart_get_hover   (KjChart     *self);
const char        *kj_chart_get_tip     (KjChart     *self);
void               kj_chart_set_hover   (KjChart     *self,
                                         int          day);
char              *kj_chart_describe_day (KjChart    *self,
                                         int          day);

G_END_DECLS
