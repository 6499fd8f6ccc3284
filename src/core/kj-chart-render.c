/* kj-chart-render.c — the trend chart as a pure cairo renderer (screen, PDF and tests)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Layers, back to front: weekly running km as bars on the right axis, the
 * baseline and current levels as bands, treatment start and review lines,
 * worst-pain whiskers, the 7-day mean with gaps, daily pain as points, red
 * flag marks along the top; under the plot the date axis and a strip with
 * one row per treatment kind. Text is set with Pango and never overlaps:
 * date labels that would collide are left out.
 */
#define G_LOG_DOMAIN "knee-journal-chart-render"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "kj-chart-render.h"

#define MARGIN_TOP     26.0   /* one row of labels for the treatment start and review lines */
#define LABEL_ROW_Y    2.0
#define AXIS_HEIGHT    22.0
#define MAX_STRIP_ROWS 8
#define MAX_LEGEND     8
#define LEGEND_ROW     15.0
#define FONT_SIZE      9.0
#define STRIP_FONT     8.0

typedef enum
{
  LEGEND_POINT,
  LEGEND_WHISKER,
  LEGEND_LINE,
  LEGEND_BAND,
  LEGEND_BAR,
  LEGEND_FLAG,
  LEGEND_STRIP,
} LegendKind;

typedef struct
{
  LegendKind kind;
  char       text[160];
  double     x, y;
} LegendItem;

typedef struct
{
  double x, y, w, h;          /* the plot */
  double strip_y;
  double strip_row;
  double label_width;
  double margin_right;
  double km_scale;            /* top of the distance axis, in the data's units; 0 without runs */
  guint  n_rows;
  guint  rows[MAX_STRIP_ROWS]; /* treatment kind of each strip row */
  guint  n_legend;
  LegendItem legend[MAX_LEGEND];
  double legend_y;
  double legend_h;
  KjChartPlacement *placement;
} Layout;

static int
day_index (const char *from,
           const char *date)
{
  return kj_date_diff (from, date);
}

KjChartData *
kj_chart_data_new (GPtrArray          *days,
                   GPtrArray          *treatments,
                   GPtrArray          *runs,
                   const KjAssessment *assessment,
                   const char         *from,
                   const char         *to)
{
  KjChartData *data = g_new0 (KjChartData, 1);
  g_autoptr(GArray) rolling = NULL;
  g_autoptr(GArray) weeks = NULL;
  guint n_kinds;
  const KjCode *kinds = kj_code_list (KJ_CODE_TREATMENT_KIND, &n_kinds);
  GDate d;

  g_return_val_if_fail (kj_date_is_valid (from) && kj_date_is_valid (to), NULL);

  g_strlcpy (data->from, from, sizeof data->from);
  g_strlcpy (data->to, to, sizeof data->to);
  data->n_days = MAX (1, day_index (from, to) + 1);
  data->pain = g_new (double, data->n_days);
  data->worst = g_new (double, data->n_days);
  data->kinds = g_new0 (guint32, data->n_days);
  data->red_flag = g_new0 (gboolean, data->n_days);
  data->run_km = g_new0 (double, data->n_days);
  data->t0 = data->review = G_MININT;
  data->baseline = data->current = NAN;
  data->review_weeks = 3;
  data->as_of = data->n_days - 1;
  data->units = KJ_UNITS_KM;

  for (guint i = 0; i < data->n_days; i++)
    data->pain[i] = data->worst[i] = NAN;

  for (guint i = 0; i < days->len; i++)
    {
      const KjDay *day = g_ptr_array_index (days, i);
      int k = day_index (from, day->date);

      if (k < 0 || k >= (int) data->n_days)
        continue;
      data->pain[k] = day->pain;
      if (day->pain_worst != KJ_UNSET)
        data->worst[k] = day->pain_worst;
    }

  for (guint i = 0; i < treatments->len; i++)
    {
      const KjTreatment *t = g_ptr_array_index (treatments, i);
      int k = day_index (from, t->date);

      if (k < 0 || k >= (int) data->n_days)
        continue;
      for (guint c = 0; c < n_kinds; c++)
        if (g_str_equal (kinds[c].code, t->kind))
          data->kinds[k] |= 1u << c;
    }

  for (guint i = 0; i < runs->len; i++)
    {
      const KjRun *r = g_ptr_array_index (runs, i);
      int k = day_index (from, r->date);

      if (k >= 0 && k < (int) data->n_days)
        data->run_km[k] += r->distance_km;
    }

  rolling = kj_series_rolling_mean (days, from, to);
  data->rolling = (double *) g_array_steal (rolling, NULL);

  weeks = kj_series_weekly_km (runs, from, to);
  data->n_weeks = weeks->len;
  data->week_km = (double *) g_array_steal (weeks, NULL);
  kj_date_to_gdate (from, &d);
  data->monday_offset = -((int) g_date_get_weekday (&d) - 1);

  if (assessment != NULL)
    {
      for (guint i = 0; i < assessment->red_flags->len; i++)
        {
          int k = day_index (from, g_array_index (assessment->red_flags, KjRedFlag, i).date);

          if (k >= 0 && k < (int) data->n_days)
            data->red_flag[k] = TRUE;
        }

      data->review_weeks = assessment->review_weeks;
      if (assessment->t0[0] != '\0')
        {
          data->t0 = day_index (from, assessment->t0);
          data->review = data->t0 + 7 * assessment->review_weeks;
          data->baseline = assessment->baseline_entries >= 3 ? assessment->baseline : NAN;
        }
      data->current = assessment->current_entries >= 3 ? assessment->current : NAN;
      data->as_of = day_index (from, assessment->as_of);
    }

  return data;
}

void
kj_chart_data_free (KjChartData *data)
{
  if (data == NULL)
    return;

  g_free (data->pain);
  g_free (data->worst);
  g_free (data->rolling);
  g_free (data->kinds);
  g_free (data->red_flag);
  g_free (data->run_km);
  g_free (data->week_km);
  g_free (data);
}

static void
set_color (cairo_t      *cr,
           const KjRgba *color,
           double        alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static PangoLayout *
make_layout (cairo_t *cr,
             double   size)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  return layout;
}

static void
text_size (PangoLayout *layout,
           const char  *text,
           int         *tw,
           int         *th)
{
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, tw, th);
}

gboolean
kj_chart_rect_intersects (const KjChartRect *a,
                          const KjChartRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static void
add_mark (const Layout *l,
          double        x,
          double        y,
          double        width,
          double        height)
{
  KjChartRect r = { x, y, width, height };

  if (l->placement != NULL)
    g_array_append_val (l->placement->marks, r);
}

/* Would a label at @r touch one placed before? */
static gboolean
label_is_free (const Layout      *l,
               const KjChartRect *r)
{
  if (l->placement == NULL)
    return TRUE;

  for (guint i = 0; i < l->placement->labels->len; i++)
    if (kj_chart_rect_intersects (r, &g_array_index (l->placement->labels, KjChartRect, i)))
      return FALSE;

  return TRUE;
}

static void
draw_text (cairo_t      *cr,
           const Layout *l,
           PangoLayout  *layout,
           const char   *text,
           double        x,
           double        y,
           double        align)   /* 0 left, 0.5 centre, 1 right */
{
  int tw, th;

  text_size (layout, text, &tw, &th);
  cairo_move_to (cr, x - align * tw, y);
  pango_cairo_show_layout (cr, layout);

  if (l->placement != NULL)
    {
      KjChartRect r = { x - align * tw, y, tw, th };

      g_array_append_val (l->placement->labels, r);
      g_ptr_array_add (l->placement->texts, g_strdup (text));
    }
}

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
add_legend (Layout     *l,
            LegendKind  kind,
            const char *text)
{
  if (l->n_legend >= MAX_LEGEND)
    return;

  l->legend[l->n_legend].kind = kind;
  g_strlcpy (l->legend[l->n_legend].text, text, sizeof l->legend[0].text);
  l->n_legend++;
}

/* Everything is placed here, from measured text, for drawing and for the hit test alike. */
static void
compute_layout (cairo_t           *cr,
                const KjChartData *data,
                double             width,
                double             height,
                Layout            *l)
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
  layout = make_layout (cr, FONT_SIZE);
  strip_layout = make_layout (cr, STRIP_FONT);

  for (guint i = 0; i < data->n_days; i++)
    {
      present |= data->kinds[i];
      worst |= !isnan (data->worst[i]) && !isnan (data->pain[i]) && data->worst[i] > data->pain[i];
      flags |= data->red_flag[i];
    }

  /* the strip: one row per treatment kind, as high as its label */
  text_size (strip_layout, "Ag", &tw, &th);
  l->strip_row = MAX (9, th + 1);
  l->label_width = 28;
  for (guint c = 0; c < n_kinds && l->n_rows < MAX_STRIP_ROWS; c++)
    {
      if (!(present & (1u << c)))
        continue;

      l->rows[l->n_rows++] = c;
      text_size (strip_layout, _(kinds[c].label), &tw, &th);
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

      text_size (layout, top, &tw, &th);
      l->margin_right = MAX (l->margin_right, tw + 6);
      text_size (layout, kj_distance_unit (data->units), &tw, &th);
      l->margin_right = MAX (l->margin_right, tw + 6);
      /* Translators: under the unit of the chart's right axis: “km” / “a week” */
      text_size (layout, _("a week"), &tw, &th);
      l->margin_right = MAX (l->margin_right, tw + 6);
    }
  l->margin_right = MIN (l->margin_right, width * 0.15);

  /* the legend: what each kind of mark means */
  add_legend (l, LEGEND_POINT, _("Daily pain"));
  if (worst)
    add_legend (l, LEGEND_WHISKER, _("Worst pain of the day"));
  add_legend (l, LEGEND_LINE, _("7-day average"));
  /* the bands' values, when the band is on the chart */
  if (!isnan (data->baseline) && data->t0 != G_MININT && data->t0 + 6 >= 0 && data->t0 < (int) data->n_days)
    {
      g_autofree char *text = g_strdup_printf (_("First week of treatment: %.1f"), data->baseline);

      add_legend (l, LEGEND_BAND, text);
    }
  if (!isnan (data->current))
    {
      g_autofree char *text = g_strdup_printf (_("Last 7 days: %.1f"), data->current);

      add_legend (l, LEGEND_BAND, text);
    }
  if (l->km_scale > 0)
    {
      /* Translators: the legend of the chart's bars, “Distance run a week (km)” */
      g_autofree char *text = g_strdup_printf (_("Distance run a week (%s)"), kj_distance_unit (data->units));

      add_legend (l, LEGEND_BAR, text);
    }
  if (flags)
    add_legend (l, LEGEND_FLAG, _("Warning sign"));
  if (l->n_rows > 0)
    add_legend (l, LEGEND_STRIP, _("Treatment on that day"));

  /* flowed into rows, left to right */
  x = 0, y = 0;
  for (guint i = 0; i < l->n_legend; i++)
    {
      double item;

      text_size (layout, l->legend[i].text, &tw, &th);
      item = 18 + tw;
      if (x > 0 && x + item > width)
        x = 0, y += LEGEND_ROW;
      l->legend[i].x = x;
      l->legend[i].y = y;
      x += item + 14;
    }

  l->legend_h = y + LEGEND_ROW;
  l->x = l->label_width;
  l->y = MARGIN_TOP;
  l->w = MAX (10, width - l->x - l->margin_right);
  l->h = MAX (10, height - MARGIN_TOP - AXIS_HEIGHT - l->n_rows * l->strip_row - 6 - (y + LEGEND_ROW));
  l->strip_y = l->y + l->h + AXIS_HEIGHT;
  l->legend_y = l->strip_y + l->n_rows * l->strip_row + 6;

  if (scratch_cr != NULL)
    {
      cairo_destroy (scratch_cr);
      cairo_surface_destroy (scratch);
    }
}

static double
x_of (const Layout      *l,
      const KjChartData *data,
      double             day)
{
  return l->x + (day + 0.5) * l->w / data->n_days;
}

static double
y_of (const Layout *l,
      double        pain)
{
  return l->y + l->h - pain / 10.0 * l->h;
}

/* How high the chart must be for a plot of @plot_height, with its axis, strip and legend. */
double
kj_chart_height_for (const KjChartData *data,
                     double             width,
                     double             plot_height)
{
  Layout l;

  g_return_val_if_fail (data != NULL, plot_height);

  compute_layout (NULL, data, width, 1000, &l);

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
  Layout l;
  int k;

  compute_layout (NULL, data, width, height, &l);
  if (x < l.x || x >= l.x + l.w)
    return -1;

  k = (int) floor ((x - l.x) / l.w * data->n_days);

  return CLAMP (k, 0, (int) data->n_days - 1);
}

static void
draw_km_bars (cairo_t           *cr,
              const KjChartData *data,
              const Layout      *l,
              const KjChartStyle *style,
              PangoLayout       *layout)
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
  text_size (layout, top, &tw, &th);
  draw_text (cr, l, layout, top, right, l->y - th / 2.0, 0);
  draw_text (cr, l, layout, kj_distance_unit (data->units), right, l->y + th / 2.0 + 1, 0);
  draw_text (cr, l, layout, _("a week"), right, l->y + 1.5 * th + 1, 0);
  draw_text (cr, l, layout, "0", right, l->y + l->h - th / 2.0, 0);
}

static void
draw_grid (cairo_t           *cr,
           const Layout      *l,
           const KjChartStyle *style,
           PangoLayout       *layout)
{
  int tw, th;

  text_size (layout, "10", &tw, &th);
  cairo_set_line_width (cr, 1);
  for (int p = 0; p <= 10; p += 2)
    {
      double y = round (y_of (l, p)) + 0.5;
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
draw_band (cairo_t            *cr,
           const KjChartData  *data,
           const Layout       *l,
           const KjChartStyle *style,
           int                 first,
           int                 last,
           double              level)
{
  double x0, x1;

  if (isnan (level) || last < 0 || first >= (int) data->n_days)
    return;

  first = MAX (first, 0);
  last = MIN (last, (int) data->n_days - 1);
  x0 = l->x + first * l->w / data->n_days;
  x1 = l->x + (last + 1) * l->w / data->n_days;
  band_style (cr, style, x0, x1, y_of (l, level), l->h * 0.03);
}

static double
marker_x (const KjChartData *data,
          const Layout      *l,
          int                day)
{
  return round (l->x + day * l->w / data->n_days) + 0.5;
}

static void
draw_marker_line (cairo_t            *cr,
                  const KjChartData  *data,
                  const Layout       *l,
                  const KjChartStyle *style,
                  int                 day,
                  gboolean            dashed)
{
  double x;
  const double dash[] = { 4, 3 };

  if (day < 0 || day >= (int) data->n_days)
    return;

  x = marker_x (data, l, day);
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
label_marker (cairo_t           *cr,
              const KjChartData *data,
              const Layout      *l,
              const KjChartStyle *style,
              PangoLayout       *layout,
              int                day,
              const char        *text)
{
  double x, left;
  int tw, th;
  KjChartRect r;

  if (day < 0 || day >= (int) data->n_days)
    return FALSE;

  x = marker_x (data, l, day);
  text_size (layout, text, &tw, &th);
  left = x + tw <= l->x + l->w ? x : x - tw;
  left = CLAMP (left, 0, l->x + l->w - tw);
  r = (KjChartRect) { left, LABEL_ROW_Y, tw, th };
  if (left < 0 || !label_is_free (l, &r))
    return FALSE;

  set_color (cr, &style->foreground, 0.8);
  draw_text (cr, l, layout, text, left, LABEL_ROW_Y, 0);
  return TRUE;
}

static void
draw_pain (cairo_t            *cr,
           const KjChartData  *data,
           const Layout       *l,
           const KjChartStyle *style)
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
        int x = i < data->n_days ? (int) x_of (l, data, i) : G_MAXINT;

        if ((per_day >= 1 || x != column) && high > low)
          {
            double cx = per_day >= 1 ? x_of (l, data, i - 1) : column + 0.5;

            cairo_move_to (cr, cx, y_of (l, low));
            cairo_line_to (cr, cx, y_of (l, high));
            add_mark (l, cx - whisker / 2, y_of (l, high), whisker, y_of (l, low) - y_of (l, high));
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

        x = x_of (l, data, i);
        if (open && x - last_x < 1.0 && i + 1 < data->n_days && !isnan (data->rolling[i + 1]))
          continue;

        if (open)
          cairo_line_to (cr, x, y_of (l, data->rolling[i]));
        else
          cairo_move_to (cr, x, y_of (l, data->rolling[i]));
        add_mark (l, x - 1.25, y_of (l, data->rolling[i]) - 1.25, 2.5, 2.5);
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
      x = x_of (l, data, i);
      y = y_of (l, data->pain[i]);
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
draw_red_flags (cairo_t            *cr,
                const KjChartData  *data,
                const Layout       *l,
                const KjChartStyle *style)
{
  set_color (cr, &style->warning, 1.0);
  for (guint i = 0; i < data->n_days; i++)
    {
      double x;

      if (!data->red_flag[i])
        continue;
      x = x_of (l, data, i);
      flag_path (cr, x, l->y + 1);
      add_mark (l, x - 4, l->y + 1, 8, 7);
    }
  cairo_fill (cr);
}

/* Date ticks: days, Mondays, months, quarters or years, whichever fits. */
static void
draw_date_axis (cairo_t            *cr,
                const KjChartData  *data,
                const Layout       *l,
                const KjChartStyle *style,
                PangoLayout        *layout)
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
      text_size (layout, text, &tw, &th);
      /* left out when it would touch the previous label or leave the chart */
      if (x - tw / 2.0 < last_end + 6 || x + tw / 2.0 > l->x + l->w + l->margin_right - 2 || x - tw / 2.0 < 0)
        continue;
      draw_text (cr, l, layout, text, x, l->y + l->h + 8, 0.5);
      last_end = x + tw / 2.0;
    }
}

static void
draw_strip (cairo_t            *cr,
            const KjChartData  *data,
            const Layout       *l,
            const KjChartStyle *style,
            PangoLayout        *layout)
{
  guint n_kinds;
  const KjCode *kinds = kj_code_list (KJ_CODE_TREATMENT_KIND, &n_kinds);
  double per_day = l->w / data->n_days;
  int tw, th;

  /* labels that do not fit the column are shortened, never drawn off the edge */
  pango_layout_set_width (layout, (int) MAX (1, (l->label_width - 6) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  text_size (layout, "Ag", &tw, &th);

  for (guint r = 0; r < l->n_rows; r++)
    {
      double y = l->strip_y + r * l->strip_row;
      guint32 bit = 1u << l->rows[r];
      const char *label = _(kinds[l->rows[r]].label);

      set_color (cr, &style->foreground, 0.7);
      text_size (layout, label, &tw, &th);
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
draw_legend (cairo_t            *cr,
             const Layout       *l,
             const KjChartStyle *style,
             PangoLayout        *layout)
{
  int tw, th;

  text_size (layout, "Ag", &tw, &th);
  for (guint i = 0; i < l->n_legend; i++)
    {
      const LegendItem *item = &l->legend[i];
      double x = item->x, y = l->legend_y + item->y, cy = y + th / 2.0;

      switch (item->kind)
        {
        case LEGEND_POINT:
          set_color (cr, &style->foreground, 0.85);
          cairo_arc (cr, x + 7, cy, 3.5, 0, 2 * G_PI);
          cairo_fill (cr);
          break;
        case LEGEND_WHISKER:
          set_color (cr, &style->foreground, 0.3);
          cairo_set_line_width (cr, 2);
          cairo_move_to (cr, x + 7, cy - 5);
          cairo_line_to (cr, x + 7, cy + 5);
          cairo_stroke (cr);
          break;
        case LEGEND_LINE:
          set_color (cr, &style->accent, 1.0);
          cairo_set_line_width (cr, 2.5);
          cairo_move_to (cr, x, cy);
          cairo_line_to (cr, x + 14, cy);
          cairo_stroke (cr);
          break;
        case LEGEND_BAND:
          band_style (cr, style, x, x + 14, cy, 3);
          break;
        case LEGEND_BAR:
          set_color (cr, &style->accent, style->high_contrast ? 0.35 : 0.18);
          cairo_rectangle (cr, x + 2, cy - 5, 10, 10);
          cairo_fill (cr);
          break;
        case LEGEND_FLAG:
          set_color (cr, &style->warning, 1.0);
          flag_path (cr, x + 7, cy - 3.5);
          cairo_fill (cr);
          break;
        case LEGEND_STRIP:
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
  Layout l;
  int ts, rs, th;

  g_return_if_fail (cr != NULL && data != NULL && style != NULL);

  cairo_save (cr);
  layout = make_layout (cr, FONT_SIZE);
  strip_layout = make_layout (cr, STRIP_FONT);
  compute_layout (cr, data, width, height, &l);
  l.placement = placement;

  draw_km_bars (cr, data, &l, style, layout);
  draw_grid (cr, &l, style, layout);

  draw_band (cr, data, &l, style, data->t0, data->t0 + 6, data->baseline);
  draw_band (cr, data, &l, style, data->as_of - 6, data->as_of, data->current);

  draw_marker_line (cr, data, &l, style, data->t0, FALSE);
  draw_marker_line (cr, data, &l, style, data->review, TRUE);

  /* Translators: the label of the review line of the chart, “Review (3 weeks)” */
  review = g_strdup_printf (ngettext ("Review (%d week)", "Review (%d weeks)", data->review_weeks), data->review_weeks);
  both = g_strdup_printf ("%s · %s", start, review);
  text_size (layout, start, &ts, &th);
  text_size (layout, review, &rs, &th);
  if (data->t0 >= 0 && data->review < (int) data->n_days &&
      marker_x (data, &l, data->review) - marker_x (data, &l, data->t0) < ts + 12)
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
      cairo_line_to (cr, round (x) + 0.5, l.y + l.h + l.n_rows * l.strip_row + AXIS_HEIGHT);
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
