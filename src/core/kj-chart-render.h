/* kj-chart-render.h — the trend chart as a pure cairo renderer (screen, PDF and tests)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "kj-chart-data.h"
#include "kj-knee-render.h"

G_BEGIN_DECLS

typedef struct
{
  KjRgba   foreground;
  KjRgba   background;
  KjRgba   accent;
  KjRgba   warning;
  gboolean high_contrast;
} KjChartStyle;

typedef struct
{
  double x, y, width, height;
} KjChartRect;

/* Where the renderer put things, for tests: every text label it drew, and
 * every mark of data (daily points, mean points, whiskers, warning marks). */
typedef struct
{
  GArray    *labels;       /* KjChartRect */
  GPtrArray *texts;        /* the text of each label */
  GArray    *marks;        /* KjChartRect */
} KjChartPlacement;

void         kj_chart_render     (cairo_t            *cr,
                                  const KjChartData  *data,
                                  int                 hover,
                                  double              width,
                                  double              height,
                                  const KjChartStyle *style);
void         kj_chart_render_placed (cairo_t          *cr,
                                  const KjChartData  *data,
                                  int                 hover,
                                  double              width,
                                  double              height,
                                  const KjChartStyle *style,
                                  KjChartPlacement   *placement);
KjChartPlacement *kj_chart_placement_new  (void);
void         kj_chart_placement_free (KjChartPlacement *placement);
gboolean     kj_chart_rect_intersects (const KjChartRect *a,
                                  const KjChartRect  *b);
double       kj_chart_height_for (const KjChartData  *data,
                                  double              width,
                                  double              plot_height);
int          kj_chart_day_at     (const KjChartData  *data,
                                  double              width,
                                  double              height,
                                  double              x,
                                  double              y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KjChartPlacement, kj_chart_placement_free)

G_END_DECLS
