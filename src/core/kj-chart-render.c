/* kj-chart-render.c — the trend chart as a pure cairo renderer (screen, PDF and tests)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Layers, back to front: weekly running km as bars on the right axis, the
 * baseline and current levels as bands, treatment start and review lines,
 * worst-pain whiskers, the 7-day mean with gaps, daily pain as points, red
 * flag marks along the top; under the plot the date axis and a strip with
 * one row per treatment kind. Text is set with Pango and never overlaps:
 * date labels that would collide are left out. What is drawn comes from
 * kj-chart-data.c (once per range), where it goes from kj-chart-layout.c
 * (once per size); this file only draws.
 */
#define G_LOG_DOMAIN "knee-journal-chart-render"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "kj-chart-private.h"

static void
set_color (cairo_t      *cr,
           const KjRgba *color,
           double        alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

gboolean
kj_chart_rect_intersects (const KjChartRect *a,
                          const KjChartRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static void
add_mark (const KjChartLayout *l,
          double               x,
          double               y,
          double               width,
          double               height)
{
  KjChartRect r = { x, y, width, height };

  if (l->placement != NULL)
    g_array_append_val (l->placement->marks, r);
}

static gboolean
label_is_free (const KjChartLayout *l,
               const KjChartRect   *r)
{
  if (l->placement == NULL)
    return TRUE;

  for (guint i = 0; i < l->placement->labels->len; i++)
    if (kj_chart_rect_intersects (r, &g_array_index (l->placement->labels, KjChartRect, i)))
      return FALSE;

  return TRUE;
}

static void
draw_text (cairo_t             *cr,
           const KjChartLayout *l,
           PangoLayout         *layout,
           const char          *text,
           double               x,
           double               y,
           double               align)   /* 0 left, 0.5 centre, 1 right */
{
  int tw, th;

  kj_chart_text_size (layout, text, &tw, &th);
  cairo_move_to (cr, x - align * tw, y);
  pango_cairo_show_layout (cr, layout);

  if (l->placement != NULL)
    {
      KjChartRect r = { x - align * tw, y, tw, th };

      g_array_append_val (l->placement->labels, r);
      g_ptr_array_add (l->placement->texts, g_strdup (text));
    }
}

static void
draw_km_bars (cairo_t             *cr,
              const KjChartData   *data,
              const KjChartLayout *l,
              const KjChartStyle  *style,
              PangoLayout         *layout)
{
  g_autofree char *top = NULL;
  double right = l->x + l->w + 4;
  int tw, th;

  if (l->km_scale <= 0)
    return;

  set_color (cr, &style->accent, style->high_contrast ? 0.35 : 0.18);

  for (guint w = 0; w < data->n_weeks; w++)
    {
      double start = data->monday_offset + 7.0 * w;
      double x0 = MAX (l->x, l->x + start * l->w / data->n_days);
      double x1 = MIN (l->x + l->w, l->x + (start + 7) * l->w / data->n_days);
      double bar = kj_distance_in_units (data->week_km[w], data->units) / l->km_scale * l->h;

      if (data->week_km[w] <= 0 || x1 <= x0)
        continue;
      cairo_rectangle (cr, x0 + 0.5, l->y + l->h - bar, MAX (1, x1 - x0 - 1), bar);
    }
  cairo_fill (cr);

  /* the right axis: its top value, the unit and "a week" under it, and 0 */
  set_color (cr, &style->foreground, 0.7);
  top = g_strdup_printf ("%.0f", l->km_scale);
  kj_chart_text_size (layout, top, &tw, &th);
  draw_text (cr, l, layout, top, right, l->y - th / 2.0, 0);
  draw_text (cr, l, layout, kj_distance_unit (data->units), right, l->y + th / 2.0 + 1, 0);
  draw_text (cr, l, layout, _("a week"), right, l->y + 1.5 * th + 1, 0);
  draw_text (cr, l, layout, "0", right, l->y + l->h - th / 2.0, 0);
}

/* The episodes as bands behind everything, each labelled at its top left
 * when the label fits in it; the knees' episodes may overlap, so each band
 * has a row of its own in the top fifth of the plot. */
static void
draw_episodes (cairo_t             *cr,
               const KjChartData   *data,
               const KjChartLayout *l,
               const KjChartStyle  *style,
               PangoLayout         *layout)
{
  guint n;
  double row;

  if (data->episode_days == NULL || data->episode_labels->len == 0)
    return;

  n = data->episode_labels->len;
  row = MIN (l->h * 0.2 / n, 16);
  for (guint i = 0; i < n; i++)
    {
      int first = g_array_index (data->episode_days, int, 2 * i);
      int last = g_array_index (data->episode_days, int, 2 * i + 1);
      const char *label = g_ptr_array_index (data->episode_labels, i);
      double x0 = l->x + first * l->w / data->n_days;
      double x1 = l->x + (last + 1) * l->w / data->n_days;
      int tw, th;

      set_color (cr, i % 2 ? &style->accent : &style->foreground, style->high_contrast ? 0.16 : 0.06);
      cairo_rectangle (cr, x0, l->y, MAX (1, x1 - x0), l->h);
      cairo_fill (cr);
      set_color (cr, &style->accent, style->high_contrast ? 0.9 : 0.6);
      cairo_rectangle (cr, x0, l->y + i * row, MAX (1, x1 - x0), MAX (2, row * 0.25));
      cairo_fill (cr);

      kj_chart_text_size (layout, label, &tw, &th);
      if (tw + 6 <= x1 - x0)
        {
          set_color (cr, &style->foreground, 0.85);
          draw_text (cr, l, layout, label, x0 + 3, l->y + i * row + MAX (2, row * 0.25) + 1, 0);
        }
    }
}

static void
draw_grid (cairo_t             *cr,
           const KjChartLayout *l,
           const KjChartStyle  *style,
           PangoLayout         *layout)
{
  int tw, th;

  kj_chart_text_size (layout, "10", &tw, &th);
  cairo_set_line_width (cr, 1);
  for (int p = 0; p <= 10; p += 2)
    {
      double y = round (kj_chart_y_of (l, p)) + 0.5;
      g_autofree char *label = g_strdup_printf ("%d", p);

      set_color (cr, &style->foreground, p == 0 ? 0.5 : 0.12);
      cairo_move_to (cr, l->x, y);
      cairo_line_to (cr, l->x + l->w, y);
      cairo_stroke (cr);

      set_color (cr, &style->foreground, 0.7);
      draw_text (cr, l, layout, label, l->x - 4, y - th / 2.0, 1);
    }
}

static void
band_style (cairo_t            *cr,
            const KjChartStyle *style,
            double              x0,
            double              x1,
            double              y,
            double              half)
{
  set_color (cr, &style->foreground, style->high_contrast ? 0.3 : 0.14);
  cairo_rectangle (cr, x0, y - half, MAX (2, x1 - x0), 2 * half);
  cairo_fill (cr);
  set_color (cr, &style->foreground, 0.8);
  cairo_set_line_width (cr, 1.5);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, MAX (x0 + 2, x1), y);
  cairo_stroke (cr);
}

/* The mean pain of a window: a band, named in the legend. */
static void
draw_band (cairo_t             *cr,
           const KjChartData   *data,
           const KjChartLayout *l,
           const KjChartStyle  *style,
           int                  first,
           int                  last,
           double               level)
{
  double x0, x1;

  if (isnan (level) || last < 0 || first >= (int) data->n_days)
    return;

  first = MAX (first, 0);
  last = MIN (last, (int) data->n_days - 1);
  x0 = l->x + first * l->w / data->n_days;
  x1 = l->x + (last + 1) * l->w / data->n_days;
  band_style (cr, style, x0, x1, kj_chart_y_of (l, level), l->h * 0.03);
}

static void
draw_marker_line (cairo_t             *cr,
                  const KjChartData   *data,
                  const KjChartLayout *l,
                  const KjChartStyle  *style,
                  int                  day,
                  gboolean             dashed)
{
  double x;
  const double dash[] = { 4, 3 };

  if (day < 0 || day >= (int) data->n_days)
    return;

  x = kj_chart_marker_x (data, l, day);
  set_color (cr, &style->foreground, 0.75);
  cairo_set_line_width (cr, 1.2);
  cairo_set_dash (cr, dashed ? dash : NULL, dashed ? 2 : 0, 0);
  cairo_move_to (cr, x, l->y);
  cairo_line_to (cr, x, l->y + l->h);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

/* The label of a marker line, in the row above the plot: starting at the
 * line, or ending at it near the right edge; left out only when it would
 * touch another label. Returns whether it was drawn. */
static gboolean
label_marker (cairo_t             *cr,
              const KjChartData   *data,
              const KjChartLayout *l,
              const KjChartStyle  *style,
              PangoLayout         *layout,
              int                  day,
              const char          *text)
{
  double x, left;
  int tw, th;
  KjChartRect r;

  if (day < 0 || day >= (int) data->n_days)
    return FALSE;

  x = kj_chart_marker_x (data, l, day);
  kj_chart_text_size (layout, text, &tw, &th);
  left = x + tw <= l->x + l->w ? x : x - tw;
  left = CLAMP (left, 0, l->x + l->w - tw);
  r = (KjChartRect) { left, KJ_CHART_LABEL_ROW_Y, tw, th };
  if (left < 0 || !label_is_free (l, &r))
    return FALSE;

  set_color (cr, &style->foreground, 0.8);
  draw_text (cr, l, layout, text, left, KJ_CHART_LABEL_ROW_Y, 0);
  return TRUE;
}

static void
draw_pain (cairo_t             *cr,
           const KjChartData   *data,
           const KjChartLayout *l,
           const KjChartStyle  *style)
{
  double per_day = l->w / data->n_days;
  double radius = CLAMP (per_day * 0.35, 1.0, 3.5);
  double whisker = MAX (1, MIN (2, per_day * 0.3));
  gboolean open = FALSE;

  /* worst pain: a faint whisker above the day's point; where days are
   * narrower than a pixel, one whisker a pixel, from the lowest pain to the
   * highest worst pain of its days */
  set_color (cr, &style->foreground, 0.3);
  cairo_set_line_width (cr, whisker);
  {
    double low = G_MAXDOUBLE, high = -G_MAXDOUBLE;
    int column = G_MININT;

    for (guint i = 0; i <= data->n_days; i++)
      {
        int x = i < data->n_days ? (int) kj_chart_x_of (l, data, i) : G_MAXINT;

        if ((per_day >= 1 || x != column) && high > low)
          {
            double cx = per_day >= 1 ? kj_chart_x_of (l, data, i - 1) : column + 0.5;

            cairo_move_to (cr, cx, kj_chart_y_of (l, low));
            cairo_line_to (cr, cx, kj_chart_y_of (l, high));
            add_mark (l, cx - whisker / 2, kj_chart_y_of (l, high), whisker,
                      kj_chart_y_of (l, low) - kj_chart_y_of (l, high));
          }
        if (per_day >= 1 || x != column)
          {
            low = G_MAXDOUBLE, high = -G_MAXDOUBLE;
            column = x;
          }
        if (i == data->n_days || isnan (data->worst[i]) || isnan (data->pain[i]) || data->worst[i] <= data->pain[i])
          continue;
        low = MIN (low, data->pain[i]);
        high = MAX (high, data->worst[i]);
      }
  }
  cairo_stroke (cr);

  /* the 7-day mean, broken where it is unknown; where days are narrower than
   * a pixel, one point a pixel is all the eye can see */
  set_color (cr, &style->accent, 1.0);
  cairo_set_line_width (cr, 2.5);
  cairo_set_line_join (cr, per_day < 1 ? CAIRO_LINE_JOIN_BEVEL : CAIRO_LINE_JOIN_ROUND);
  {
    double last_x = -G_MAXDOUBLE;

    for (guint i = 0; i < data->n_days; i++)
      {
        double x;

        if (isnan (data->rolling[i]))
          {
            open = FALSE;
            continue;
          }

        x = kj_chart_x_of (l, data, i);
        if (open && x - last_x < 1.0 && i + 1 < data->n_days && !isnan (data->rolling[i + 1]))
          continue;

        if (open)
          cairo_line_to (cr, x, kj_chart_y_of (l, data->rolling[i]));
        else
          cairo_move_to (cr, x, kj_chart_y_of (l, data->rolling[i]));
        add_mark (l, x - 1.25, kj_chart_y_of (l, data->rolling[i]) - 1.25, 2.5, 2.5);
        open = TRUE;
        last_x = x;
      }
  }
  cairo_stroke (cr);

  /* daily pain */
  set_color (cr, &style->foreground, 0.85);
  for (guint i = 0; i < data->n_days; i++)
    {
      double x, y;

      if (isnan (data->pain[i]))
        continue;
      x = kj_chart_x_of (l, data, i);
      y = kj_chart_y_of (l, data->pain[i]);
      if (radius <= 1.5)
        cairo_rectangle (cr, x - radius, y - radius, 2 * radius, 2 * radius);
      else
        {
          cairo_new_sub_path (cr);
          cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
        }
      add_mark (l, x - radius, y - radius, 2 * radius, 2 * radius);
    }
  cairo_fill (cr);
}

static void
flag_path (cairo_t *cr,
           double   x,
           double   top)
{
  /* a small triangle pointing down at the day */
  cairo_move_to (cr, x - 4, top);
  cairo_line_to (cr, x + 4, top);
  cairo_line_to (cr, x, top + 7);
  cairo_close_path (cr);
}

static void
draw_red_flags (cairo_t             *cr,
                const KjChartData   *data,
                const KjChartLayout *l,
                const KjChartStyle  *style)
{
  set_color (cr, &style->warning, 1.0);
  for (guint i = 0; i < data->n_days; i++)
    {
      double x;

      if (!data->red_flag[i])
        continue;
      x = kj_chart_x_of (l, data, i);
      flag_path (cr, x, l->y + 1);
      add_mark (l, x - 4, l->y + 1, 8, 7);
    }
  cairo_fill (cr);
}

/* Date ticks: days, Mondays, months, quarters or years, whichever fits. */
static void
draw_date_axis (cairo_t             *cr,
                const KjChartData   *data,
                const KjChartLayout *l,
                const KjChartStyle  *style,
                PangoLayout         *layout)
{
  double per_day = l->w / data->n_days;
  double last_end = -G_MAXDOUBLE;
  GDate date;

  kj_date_to_gdate (data->from, &date);
  set_color (cr, &style->foreground, 0.7);
  cairo_set_line_width (cr, 1);

  for (guint i = 0; i < data->n_days; i++, g_date_add_days (&date, 1))
    {
      GDateDay dom = g_date_get_day (&date);
      GDateMonth month = g_date_get_month (&date);
      gboolean tick;
      const char *format;
      char text[64];
      double x;
      int tw, th;

      if (per_day >= 28)
        tick = TRUE, format = "%-d %b";
      else if (per_day >= 5)
        tick = g_date_get_weekday (&date) == G_DATE_MONDAY, format = "%-d %b";
      else if (per_day >= 0.9)
        tick = dom == 1, format = "%b %Y";
      else if (per_day >= 0.25)
        tick = dom == 1 && (month - 1) % 3 == 0, format = "%b %Y";
      else
        tick = dom == 1 && month == G_DATE_JANUARY, format = "%Y";

      if (!tick)
        continue;

      x = round (l->x + i * per_day) + 0.5;
      cairo_move_to (cr, x, l->y + l->h);
      cairo_line_to (cr, x, l->y + l->h + 4);
      cairo_stroke (cr);

      if (g_date_strftime (text, sizeof text, format, &date) == 0)
        continue;
      kj_chart_text_size (layout, text, &tw, &th);
      /* left out when it would touch the previous label or leave the chart */
      if (x - tw / 2.0 < last_end + 6 || x + tw / 2.0 > l->x + l->w + l->margin_right - 2 || x - tw / 2.0 < 0)
        continue;
      draw_text (cr, l, layout, text, x, l->y + l->h + 8, 0.5);
      last_end = x + tw / 2.0;
    }
}

static void
draw_strip (cairo_t             *cr,
            const KjChartData   *data,
            const KjChartLayout *l,
            const KjChartStyle  *style,
            PangoLayout         *layout)
{
  guint n_kinds;
  const KjCode *kinds = kj_code_list (KJ_CODE_TREATMENT_KIND, &n_kinds);
  double per_day = l->w / data->n_days;
  int tw, th;

  /* labels that do not fit the column are shortened, never drawn off the edge */
  pango_layout_set_width (layout, (int) MAX (1, (l->label_width - 6) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  kj_chart_text_size (layout, "Ag", &tw, &th);

  for (guint r = 0; r < l->n_rows; r++)
    {
      double y = l->strip_y + r * l->strip_row;
      guint32 bit = 1u << l->rows[r];
      const char *label = _(kinds[l->rows[r]].label);

      set_color (cr, &style->foreground, 0.7);
      kj_chart_text_size (layout, label, &tw, &th);
      draw_text (cr, l, layout, label, l->x - 4, y + (l->strip_row - 1 - th) / 2.0, 1);

      set_color (cr, &style->foreground, r % 2 ? 0.04 : 0.08);
      cairo_rectangle (cr, l->x, y, l->w, l->strip_row - 1);
      cairo_fill (cr);

      set_color (cr, &style->foreground, style->high_contrast ? 1.0 : 0.6);
      for (guint i = 0; i < data->n_days; i++)
        {
          guint end = i;

          if (!(data->kinds[i] & bit))
            continue;

          /* where days are narrower than the gap between marks, a run of days is one mark */
          if (per_day <= 3)
            while (end + 1 < data->n_days && (data->kinds[end + 1] & bit))
              end++;

          cairo_rectangle (cr, l->x + i * per_day, y + 1,
                           MAX (1, (end - i + 1) * per_day - (per_day > 3 ? 1 : 0)), l->strip_row - 3);
          i = end;
        }
      cairo_fill (cr);
    }

  pango_layout_set_width (layout, -1);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
}

static void
draw_legend (cairo_t             *cr,
             const KjChartLayout *l,
             const KjChartStyle  *style,
             PangoLayout         *layout)
{
  int tw, th;

  kj_chart_text_size (layout, "Ag", &tw, &th);
  for (guint i = 0; i < l->n_legend; i++)
    {
      const KjChartLegendItem *item = &l->legend[i];
      double x = item->x, y = l->legend_y + item->y, cy = y + th / 2.0;

      switch (item->kind)
        {
        case KJ_CHART_LEGEND_POINT:
          set_color (cr, &style->foreground, 0.85);
          /* not from the point the last label left */
          cairo_new_sub_path (cr);
          cairo_arc (cr, x + 7, cy, 3.5, 0, 2 * G_PI);
          cairo_fill (cr);
          break;
        case KJ_CHART_LEGEND_WHISKER:
          set_color (cr, &style->foreground, 0.3);
          cairo_set_line_width (cr, 2);
          cairo_move_to (cr, x + 7, cy - 5);
          cairo_line_to (cr, x + 7, cy + 5);
          cairo_stroke (cr);
          break;
        case KJ_CHART_LEGEND_LINE:
          set_color (cr, &style->accent, 1.0);
          cairo_set_line_width (cr, 2.5);
          cairo_move_to (cr, x, cy);
          cairo_line_to (cr, x + 14, cy);
          cairo_stroke (cr);
          break;
        case KJ_CHART_LEGEND_BAND:
          band_style (cr, style, x, x + 14, cy, 3);
          break;
        case KJ_CHART_LEGEND_BAR:
          set_color (cr, &style->accent, style->high_contrast ? 0.35 : 0.18);
          cairo_rectangle (cr, x + 2, cy - 5, 10, 10);
          cairo_fill (cr);
          break;
        case KJ_CHART_LEGEND_FLAG:
          set_color (cr, &style->warning, 1.0);
          flag_path (cr, x + 7, cy - 3.5);
          cairo_fill (cr);
          break;
        case KJ_CHART_LEGEND_STRIP:
        default:
          set_color (cr, &style->foreground, style->high_contrast ? 1.0 : 0.6);
          cairo_rectangle (cr, x + 1, cy - 3, 12, 6);
          cairo_fill (cr);
          break;
        }

      set_color (cr, &style->foreground, 0.8);
      draw_text (cr, l, layout, item->text, x + 18, y, 0);
    }
}

KjChartPlacement *
kj_chart_placement_new (void)
{
  KjChartPlacement *placement = g_new0 (KjChartPlacement, 1);

  placement->labels = g_array_new (FALSE, FALSE, sizeof (KjChartRect));
  placement->texts = g_ptr_array_new_with_free_func (g_free);
  placement->marks = g_array_new (FALSE, FALSE, sizeof (KjChartRect));

  return placement;
}

void
kj_chart_placement_free (KjChartPlacement *placement)
{
  if (placement == NULL)
    return;

  g_array_unref (placement->labels);
  g_ptr_array_unref (placement->texts);
  g_array_unref (placement->marks);
  g_free (placement);
}

/**
 * kj_chart_render_placed:
 * @hover: the day to highlight, or -1
 * @placement: (nullable): where to note the rectangles of labels and marks
 *
 * Labels never overlap data or each other: the values and the meaning of
 * each mark are in the legend under the chart, the line labels in a row
 * of their own above the plot.
 */
void
kj_chart_render_placed (cairo_t            *cr,
                        const KjChartData  *data,
                        int                 hover,
                        double              width,
                        double              height,
                        const KjChartStyle *style,
                        KjChartPlacement   *placement)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(PangoLayout) strip_layout = NULL;
  g_autofree char *review = NULL;
  g_autofree char *both = NULL;
  const char *start = _("Treatment start");
  KjChartLayout l;
  int ts, rs, th;

  g_return_if_fail (cr != NULL && data != NULL && style != NULL);

  cairo_save (cr);
  layout = kj_chart_pango_layout (cr, KJ_CHART_FONT_SIZE);
  strip_layout = kj_chart_pango_layout (cr, KJ_CHART_STRIP_FONT);
  kj_chart_layout_compute (cr, data, width, height, &l);
  l.placement = placement;

  draw_episodes (cr, data, &l, style, layout);
  draw_km_bars (cr, data, &l, style, layout);
  draw_grid (cr, &l, style, layout);

  draw_band (cr, data, &l, style, data->t0, data->t0 + 6, data->baseline);
  draw_band (cr, data, &l, style, data->as_of - 6, data->as_of, data->current);

  draw_marker_line (cr, data, &l, style, data->t0, FALSE);
  draw_marker_line (cr, data, &l, style, data->review, TRUE);

  /* Translators: the label of the review line of the chart, “Review (3 weeks)” */
  review = g_strdup_printf (ngettext ("Review (%d week)", "Review (%d weeks)", data->review_weeks), data->review_weeks);
  both = g_strdup_printf ("%s · %s", start, review);
  kj_chart_text_size (layout, start, &ts, &th);
  kj_chart_text_size (layout, review, &rs, &th);
  if (data->t0 >= 0 && data->review < (int) data->n_days &&
      kj_chart_marker_x (data, &l, data->review) - kj_chart_marker_x (data, &l, data->t0) < ts + 12)
    {
      /* too close for two labels: one label for both lines */
      if (!label_marker (cr, data, &l, style, layout, data->t0, both))
        label_marker (cr, data, &l, style, layout, data->t0, start);
    }
  else
    {
      label_marker (cr, data, &l, style, layout, data->t0, start);
      label_marker (cr, data, &l, style, layout, data->review, review);
    }

  if (hover >= 0 && hover < (int) data->n_days)
    {
      double x = l.x + (hover + 0.5) * l.w / data->n_days;

      set_color (cr, &style->foreground, 0.45);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, round (x) + 0.5, l.y);
      cairo_line_to (cr, round (x) + 0.5, l.y + l.h + l.n_rows * l.strip_row + KJ_CHART_AXIS_HEIGHT);
      cairo_stroke (cr);
    }

  draw_pain (cr, data, &l, style);
  draw_red_flags (cr, data, &l, style);
  draw_date_axis (cr, data, &l, style, layout);
  draw_strip (cr, data, &l, style, strip_layout);
  draw_legend (cr, &l, style, layout);

  cairo_restore (cr);
}

void
kj_chart_render (cairo_t            *cr,
                 const KjChartData  *data,
                 int                 hover,
                 double              width,
                 double              height,
                 const KjChartStyle *style)
{
  kj_chart_render_placed (cr, data, hover, width, height, style, NULL);
}
