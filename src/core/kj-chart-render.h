/* kj-chart-render.h — the trend chart as a pure cairo renderer (screen, PDF and tests)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "kj-assessment.h"
#include "kj-format.h"
#include "kj-knee-render.h"

G_BEGIN_DECLS

/* Everything the chart shows, computed once for a range of days, so that
 * drawing a frame reads memory only. */
typedef struct
{
  char      from[11];
  char      to[11];
  guint     n_days;
  double   *pain;          /* per day, NAN without an entry */
  double   *worst;         /* per day, NAN when unknown */
  double   *rolling;       /* trailing 7-day mean, NAN where the window holds < 3 entries */
  guint32  *kinds;         /* per day, bit n: a treatment of kind n */
  gboolean *red_flag;      /* per day */
  double   *run_km;        /* per day */
  double   *week_km;       /* per ISO week from the week of @from */
  guint     n_weeks;
  int       monday_offset; /* day index of the first week's Monday (≤ 0) */
  int       t0;            /* day index of T0, or G_MININT */
  int       review;        /* day index of T0 + review weeks, or G_MININT */
  int       review_weeks;
  double    baseline;      /* NAN when unknown */
  double    current;
  int       as_of;         /* day index of the as-of date */
  KjUnits   units;         /* how distances are labelled; km unless the caller sets it */
} KjChartData;

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

KjChartData *kj_chart_data_new   (GPtrArray          *days,
                                  GPtrArray          *treatments,
                                  GPtrArray          *runs,
                                  const KjAssessment *assessment,
                                  const char         *from,
                                  const char         *to);
void         kj_chart_data_free  (KjChartData        *data);
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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KjChartData, kj_chart_data_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KjChartPlacement, kj_chart_placement_free)

G_END_DECLS
