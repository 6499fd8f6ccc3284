/* kj-chart-layout.c — where the trend chart puts things for a size: plot, axes, strip, legend; the hit test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything is placed from measured text, once for drawing
 * (kj-chart-render.c) and for the hit test alike, so that a click finds the
 * day that was drawn under it. Needs a cairo context only to measure text;
 * without one it measures on a scratch surface.
 */
#define G_LOG_DOMAIN "knee-journal-chart-layout"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "kj-chart-private.h"

static double
nice_ceiling (double value)
{
  const double steps[] = { 5, 10, 20, 25, 40, 50, 75, 100, 150, 200, 300, 500 };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (value <= steps[i])
      return steps[i];

  return ceil (value / 100) * 100;
}

static void
add_legend (KjChartLayout     *l,
            KjChartLegendKind  kind,
            const char        *text)
{
  if (l->n_legend >= KJ_CHART_MAX_LEGEND)
    return;

  l->legend[l->n_legend].kind = kind;
  g_strlcpy (l->legend[l->n_legend].text, text, sizeof l->legend[0].text);
  l->n_legend++;
}

PangoLayout *
kj_chart_pango_layout (cairo_t *cr,
                       double   size)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  return layout;
}

void
kj_chart_text_size (PangoLayout *layout,
                    const char  *text,
                    int         *tw,
                    int         *th)
{
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, tw, th);
}

/* Everything is placed here, from measured text, for drawing and for the hit test alike. */
void
kj_chart_layout_compute (cairo_t           *cr,
                         const KjChartData *data,
                         double             width,
                         double             height,
                         KjChartLayout     *l)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(PangoLayout) strip_layout = NULL;
  guint n_kinds;
  const KjCode *kinds = kj_code_list (KJ_CODE_TREATMENT_KIND, &n_kinds);
  guint32 present = 0;
  gboolean worst = FALSE, flags = FALSE;
  double max_km = 0, x, y;
  int tw, th;
  cairo_surface_t *scratch = NULL;
  cairo_t *scratch_cr = NULL;

  memset (l, 0, sizeof *l);

  /* the hit test has no cairo context: measure on a scratch surface */
  if (cr == NULL)
    {
      scratch = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
      cr = scratch_cr = cairo_create (scratch);
    }
  layout = kj_chart_pango_layout (cr, KJ_CHART_FONT_SIZE);
  strip_layout = kj_chart_pango_layout (cr, KJ_CHART_STRIP_FONT);

  for (guint i = 0; i < data->n_days; i++)
    {
      present |= data->kinds[i];
      worst |= !isnan (data->worst[i]) && !isnan (data->pain[i]) && data->worst[i] > data->pain[i];
      flags |= data->red_flag[i];
    }

  /* the strip: one row per treatment kind, as high as its label */
  kj_chart_text_size (strip_layout, "Ag", &tw, &th);
  l->strip_row = MAX (9, th + 1);
  l->label_width = 28;
  for (guint c = 0; c < n_kinds && l->n_rows < KJ_CHART_MAX_STRIP_ROWS; c++)
    {
      if (!(present & (1u << c)))
        continue;

      l->rows[l->n_rows++] = c;
      kj_chart_text_size (strip_layout, _(kinds[c].label), &tw, &th);
      l->label_width = MAX (l->label_width, tw + 8);
    }
  l->label_width = MIN (l->label_width, width * 0.25);

  /* the distance axis on the right: its top value, the unit and "a week" */
  for (guint w = 0; w < data->n_weeks; w++)
    max_km = MAX (max_km, kj_distance_in_units (data->week_km[w], data->units));
  l->km_scale = max_km > 0 ? nice_ceiling (max_km) : 0;
  l->margin_right = 8;
  if (l->km_scale > 0)
    {
      g_autofree char *top = g_strdup_printf ("%.0f", l->km_scale);

      kj_chart_text_size (layout, top, &tw, &th);
      l->margin_right = MAX (l->margin_right, tw + 6);
      kj_chart_text_size (layout, kj_distance_unit (data->units), &tw, &th);
      l->margin_right = MAX (l->margin_right, tw + 6);
      /* Translators: under the unit of the chart's right axis: “km” / “a week” */
      kj_chart_text_size (layout, _("a week"), &tw, &th);
      l->margin_right = MAX (l->margin_right, tw + 6);
    }
  /* a fifth of a phone-wide chart still holds “a week” */
  l->margin_right = MIN (l->margin_right, width * 0.2);

  /* the legend: what each kind of mark means */
  add_legend (l, KJ_CHART_LEGEND_POINT, _("Daily pain"));
  if (worst)
    add_legend (l, KJ_CHART_LEGEND_WHISKER, _("Worst pain of the day"));
  add_legend (l, KJ_CHART_LEGEND_LINE, _("7-day average"));
  /* the bands' values, when the band is on the chart */
  if (!isnan (data->baseline) && data->t0 != G_MININT && data->t0 + 6 >= 0 && data->t0 < (int) data->n_days)
    {
      g_autofree char *text = g_strdup_printf (_("First week of treatment: %.1f"), data->baseline);

      add_legend (l, KJ_CHART_LEGEND_BAND, text);
    }
  if (!isnan (data->current))
    {
      g_autofree char *text = g_strdup_printf (_("Last 7 days: %.1f"), data->current);

      add_legend (l, KJ_CHART_LEGEND_BAND, text);
    }
  if (l->km_scale > 0)
    {
      /* Translators: the legend of the chart's bars, “Distance run a week (km)” */
      g_autofree char *text = g_strdup_printf (_("Distance run a week (%s)"), kj_distance_unit (data->units));

      add_legend (l, KJ_CHART_LEGEND_BAR, text);
    }
  if (flags)
    add_legend (l, KJ_CHART_LEGEND_FLAG, _("Warning sign"));
  if (l->n_rows > 0)
    add_legend (l, KJ_CHART_LEGEND_STRIP, _("Treatment on that day"));

  /* flowed into rows, left to right */
  x = 0, y = 0;
  for (guint i = 0; i < l->n_legend; i++)
    {
      double item;

      kj_chart_text_size (layout, l->legend[i].text, &tw, &th);
      item = 18 + tw;
      if (x > 0 && x + item > width)
        x = 0, y += KJ_CHART_LEGEND_ROW;
      l->legend[i].x = x;
      l->legend[i].y = y;
      x += item + 14;
    }

  l->legend_h = y + KJ_CHART_LEGEND_ROW;
  l->x = l->label_width;
  l->y = KJ_CHART_MARGIN_TOP;
  l->w = MAX (10, width - l->x - l->margin_right);
  l->h = MAX (10, height - KJ_CHART_MARGIN_TOP - KJ_CHART_AXIS_HEIGHT - l->n_rows * l->strip_row - 6 -
                  (y + KJ_CHART_LEGEND_ROW));
  l->strip_y = l->y + l->h + KJ_CHART_AXIS_HEIGHT;
  l->legend_y = l->strip_y + l->n_rows * l->strip_row + 6;

  if (scratch_cr != NULL)
    {
      cairo_destroy (scratch_cr);
      cairo_surface_destroy (scratch);
    }
}

double
kj_chart_x_of (const KjChartLayout *l,
               const KjChartData   *data,
               double               day)
{
  return l->x + (day + 0.5) * l->w / data->n_days;
}

double
kj_chart_y_of (const KjChartLayout *l,
               double               pain)
{
  return l->y + l->h - pain / 10.0 * l->h;
}

double
kj_chart_marker_x (const KjChartData   *data,
                   const KjChartLayout *l,
                   int                  day)
{
  return round (l->x + day * l->w / data->n_days) + 0.5;
}

/* How high the chart must be for a plot of @plot_height, with its axis, strip and legend. */
double
kj_chart_height_for (const KjChartData *data,
                     double             width,
                     double             plot_height)
{
  KjChartLayout l;

  g_return_val_if_fail (data != NULL, plot_height);

  kj_chart_layout_compute (NULL, data, width, 1000, &l);

  return plot_height + (1000 - l.h);
}

/* Which day is under x, or -1. */
int
kj_chart_day_at (const KjChartData *data,
                 double             width,
                 double             height,
                 double             x,
                 double             y)
{
  KjChartLayout l;
  int k;

  kj_chart_layout_compute (NULL, data, width, height, &l);
  if (x < l.x || x >= l.x + l.w)
    return -1;

  k = (int) floor ((x - l.x) / l.w * data->n_days);

  return CLAMP (k, 0, (int) data->n_days - 1);
}
