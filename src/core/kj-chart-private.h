/* kj-chart-private.h — the trend chart's layout, shared by kj-chart-layout.c and kj-chart-render.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "kj-chart-render.h"

G_BEGIN_DECLS

#define KJ_CHART_MARGIN_TOP     26.0   /* one row of labels for the treatment start and review lines */
#define KJ_CHART_LABEL_ROW_Y    2.0
#define KJ_CHART_AXIS_HEIGHT    22.0
#define KJ_CHART_MAX_STRIP_ROWS 8
#define KJ_CHART_MAX_LEGEND     8
#define KJ_CHART_LEGEND_ROW     15.0
#define KJ_CHART_FONT_SIZE      9.0
#define KJ_CHART_STRIP_FONT     8.0

typedef enum
{
  KJ_CHART_LEGEND_POINT,
  KJ_CHART_LEGEND_WHISKER,
  KJ_CHART_LEGEND_LINE,
  KJ_CHART_LEGEND_BAND,
  KJ_CHART_LEGEND_BAR,
  KJ_CHART_LEGEND_FLAG,
  KJ_CHART_LEGEND_STRIP,
} KjChartLegendKind;

typedef struct
{
  KjChartLegendKind kind;
  char              text[160];
  double            x, y;
} KjChartLegendItem;

/* Where everything goes, for one size of the chart */
typedef struct
{
  double             x, y, w, h;   /* the plot */
  double             strip_y;
  double             strip_row;
  double             label_width;
  double             margin_right;
  double             km_scale;     /* top of the distance axis, in the data's units; 0 without runs */
  guint              n_rows;
  guint              rows[KJ_CHART_MAX_STRIP_ROWS]; /* treatment kind of each strip row */
  guint              n_legend;
  KjChartLegendItem  legend[KJ_CHART_MAX_LEGEND];
  double             legend_y;
  double             legend_h;
  KjChartPlacement  *placement;    /* where the renderer notes what it drew, or NULL */
} KjChartLayout;

void         kj_chart_layout_compute (cairo_t             *cr,
                                      const KjChartData   *data,
                                      double               width,
                                      double               height,
                                      KjChartLayout       *l);
double       kj_chart_x_of           (const KjChartLayout *l,
                                      const KjChartData   *data,
                                      double               day);
double       kj_chart_y_of           (const KjChartLayout *l,
                                      double               pain);
double       kj_chart_marker_x       (const KjChartData   *data,
                                      const KjChartLayout *l,
                                      int                  day);
PangoLayout *kj_chart_pango_layout   (cairo_t             *cr,
                                      double               size);
void         kj_chart_text_size      (PangoLayout         *layout,
                                      const char          *text,
                                      int                 *tw,
                                      int                 *th);

G_END_DECLS
