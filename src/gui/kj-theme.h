/* kj-theme.h — colours for the cairo renderers, taken from the widget's style
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kj-chart-render.h"
#include "kj-knee-render.h"

G_BEGIN_DECLS

void kj_theme_knee_style  (GtkWidget    *widget,
                           KjKneeStyle  *style);
void kj_theme_chart_style (GtkWidget    *widget,
                           KjChartStyle *style);
const char *kj_theme_pain_class (int      pain);

G_END_DECLS
