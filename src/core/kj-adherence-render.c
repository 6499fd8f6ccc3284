/* kj-adherence-render.c — the exercise adherence chart as a pure cairo renderer (screen and PDF)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * doc/associations.md, “Exercise adherence”: for each ISO week, the days with
 * exercises as a bar against 0–7 (left axis) and the week's mean pain as a
 * line with a dot a week against 0–10 (right axis); a week without entries
 * breaks the line. Light bars with a dark outline and a solid dark line: it
 * reads in black and white. The legend under the plot names both.
 */
#define G_LOG_DOMAIN "knee-journal-adherence"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "kj-adherence-render.h"

#define FONT_PX  11.0
#define GAP      6.0

static PangoLayout *
make_layout (cairo_t *cr)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (font, FONT_PX * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  return layout;
}

static void
text_size (PangoLayout *layout,
           const char  *text,
           int         *width,
           int         *height)
{
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, width, height);
}

static void
show_text (cairo_t     *cr,
           PangoLayout *layout,
           const char  *text,
           double       x,
           double       y,
           double       align)   /* 0 left, 0.5 centre, 1 right */
{
  int tw, th;

  text_size (layout, text, &tw, &th);
  cairo_move_to (cr, x - align * tw, y);
  pango_cairo_show_layout (cr, layout);
}

static void
set_rgba (cairo_t      *cr,
          const KjRgba *c,
          double        alpha)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha * alpha);
}

/* "3 Mar 2026" or "Mar 2026", as the span needs */
static char *
week_label (const char *monday,
            gboolean    long_span)
{
  GDate date;
  char text[64];

  if (!kj_date_to_gdate (monday, &date))
    return g_strdup (monday);
  /* Translators: strftime formats for the adherence chart's weeks: over a long span a month, else a day */
  if (g_date_strftime (text, sizeof text, long_span ? /* xgettext:no-c-format */ _("%b %Y")
                                                    : /* xgettext:no-c-format */ _("%e %b"), &date) == 0)
    return g_strdup (monday);

  return g_strdup (g_strstrip (text));
}

/**
 * kj_adherence_render:
 * @weeks: (element-type KjAdherenceWeek): kj_adherence_weeks()'s
 *
 * Draws the chart into (0, 0, @width, @height) of @cr.
 */
void
kj_adherence_render (cairo_t            *cr,
                     GArray             *weeks,
                     double              width,
                     double              height,
                     const KjChartStyle *style)
{
  PangoLayout *layout;
  const char *bars_text = _("Days with exercises (of 7)");
  const char *line_text = _("Weekly mean pain (of 10)");
  int tw, th, left_w, right_w, bars_w, line_w, legend_rows;
  double plot_x, plot_y, plot_w, plot_h, week_w, legend_y;
  gboolean long_span;
  guint n;

  g_return_if_fail (cr != NULL && weeks != NULL && style != NULL);

  n = weeks->len;
  cairo_save (cr);
  layout = make_layout (cr);

  text_size (layout, bars_text, &bars_w, &th);
  text_size (layout, line_text, &line_w, &th);
  text_size (layout, "7", &left_w, &th);
  text_size (layout, "10", &right_w, &th);
  plot_x = left_w + GAP;
  plot_y = th / 2.0;
  plot_w = MAX (10.0, width - plot_x - right_w - GAP);
  /* the legend's two items side by side, or one under the other when they do not fit */
  legend_rows = plot_x + 18 + bars_w + 3 * GAP + 18 + line_w > width ? 2 : 1;
  /* under the plot: a row of week labels, then the legend */
  plot_h = MAX (20.0, height - plot_y - (th + GAP) - legend_rows * (th + GAP / 2) - GAP);
  legend_y = plot_y + plot_h + th + 2 * GAP;
  week_w = n > 0 ? plot_w / n : plot_w;
  long_span = n > 26;

  /* grid: pain 0, 5, 10 (0, 3.5 and 7 days) */
  cairo_set_line_width (cr, 1);
  for (int i = 0; i <= 2; i++)
    {
      double y = round (plot_y + plot_h - i * plot_h / 2.0) + 0.5;

      set_rgba (cr, &style->foreground, i == 0 ? 0.6 : 0.15);
      cairo_move_to (cr, plot_x, y);
      cairo_line_to (cr, plot_x + plot_w, y);
      cairo_stroke (cr);
    }

  /* axes' labels: days on the left, pain on the right */
  set_rgba (cr, &style->foreground, 1);
  show_text (cr, layout, "7", plot_x - GAP, plot_y - th / 2.0, 1);
  show_text (cr, layout, "0", plot_x - GAP, plot_y + plot_h - th / 2.0, 1);
  show_text (cr, layout, "10", plot_x + plot_w + GAP, plot_y - th / 2.0, 0);
  show_text (cr, layout, "0", plot_x + plot_w + GAP, plot_y + plot_h - th / 2.0, 0);

  /* the bars */
  for (guint i = 0; i < n; i++)
    {
      const KjAdherenceWeek *w = &g_array_index (weeks, KjAdherenceWeek, i);
      double bar_w = MAX (1.0, week_w * 0.7);
      double x = plot_x + i * week_w + (week_w - bar_w) / 2.0;
      double h = plot_h * w->exercise_days / 7.0;

      if (w->exercise_days == 0)
        continue;
      cairo_rectangle (cr, x, plot_y + plot_h - h, bar_w, h);
      set_rgba (cr, &style->accent, 0.35);
      cairo_fill_preserve (cr);
      set_rgba (cr, &style->foreground, bar_w >= 4 ? 0.8 : 0.0);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
    }

  /* the line of weekly mean pain, broken where a week has no entries */
  set_rgba (cr, &style->foreground, 1);
  cairo_set_line_width (cr, 2);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  {
    gboolean drawing = FALSE;

    for (guint i = 0; i < n; i++)
      {
        const KjAdherenceWeek *w = &g_array_index (weeks, KjAdherenceWeek, i);
        double x = plot_x + (i + 0.5) * week_w;

        if (isnan (w->mean_pain))
          {
            drawing = FALSE;
            continue;
          }
        if (drawing)
          cairo_line_to (cr, x, plot_y + plot_h * (1 - w->mean_pain / 10.0));
        else
          {
            cairo_stroke (cr);
            cairo_move_to (cr, x, plot_y + plot_h * (1 - w->mean_pain / 10.0));
          }
        drawing = TRUE;
      }
    cairo_stroke (cr);
  }
  for (guint i = 0; week_w >= 6 && i < n; i++)
    {
      const KjAdherenceWeek *w = &g_array_index (weeks, KjAdherenceWeek, i);

      if (isnan (w->mean_pain))
        continue;
      cairo_arc (cr, plot_x + (i + 0.5) * week_w, plot_y + plot_h * (1 - w->mean_pain / 10.0), 3, 0, 2 * G_PI);
      cairo_fill (cr);
    }

  /* week labels: as many as fit, evenly, the first always */
  if (n > 0)
    {
      g_autofree char *sample = week_label (g_array_index (weeks, KjAdherenceWeek, 0).monday, long_span);
      guint step;

      text_size (layout, sample, &tw, &th);
      step = (guint) ceil ((tw + 3 * GAP) / week_w);
      step = MAX (step, 1);
      for (guint i = 0; i < n; i += step)
        {
          g_autofree char *label = week_label (g_array_index (weeks, KjAdherenceWeek, i).monday, long_span);
          double x = plot_x + i * week_w;

          text_size (layout, label, &tw, &th);
          if (x + tw > plot_x + plot_w + right_w + GAP)
            break;
          set_rgba (cr, &style->foreground, 1);
          show_text (cr, layout, label, x, plot_y + plot_h + GAP / 2, 0);
        }
    }

  /* the legend: a bar and a line with a dot */
  {
    double x = plot_x, y = legend_y;

    cairo_rectangle (cr, x + 0.5, y + 2.5, 12, th - 4);
    set_rgba (cr, &style->accent, 0.35);
    cairo_fill_preserve (cr);
    set_rgba (cr, &style->foreground, 0.8);
    cairo_set_line_width (cr, 1);
    cairo_stroke (cr);
    set_rgba (cr, &style->foreground, 1);
    show_text (cr, layout, bars_text, x + 18, y, 0);

    x += 18 + bars_w + 3 * GAP;
    if (legend_rows == 2)
      {
        x = plot_x;
        y += th + GAP / 2;
      }
    cairo_set_line_width (cr, 2);
    cairo_move_to (cr, x, y + th / 2.0);
    cairo_line_to (cr, x + 14, y + th / 2.0);
    cairo_stroke (cr);
    cairo_arc (cr, x + 7, y + th / 2.0, 3, 0, 2 * G_PI);
    cairo_fill (cr);
    show_text (cr, layout, line_text, x + 18, y, 0);
  }

  g_object_unref (layout);
  cairo_restore (cr);
}

/**
 * kj_adherence_describe:
 *
 * Returns: (transfer full): the chart in words, for a screen reader: how many weeks, the mean days with
 *   exercises a week, and the last week's figures
 */
char *
kj_adherence_describe (GArray *weeks)
{
  const KjAdherenceWeek *last;
  guint days = 0;
  g_autofree char *overall = NULL;

  if (weeks->len == 0)
    return g_strdup (_("No weeks with entries or exercises yet."));

  for (guint i = 0; i < weeks->len; i++)
    days += g_array_index (weeks, KjAdherenceWeek, i).exercise_days;
  last = &g_array_index (weeks, KjAdherenceWeek, weeks->len - 1);

  overall = g_strdup_printf (ngettext ("%u week, on average %.1f days with exercises a week.",
                                       "%u weeks, on average %.1f days with exercises a week.", weeks->len),
                             weeks->len, (double) days / weeks->len);
  if (isnan (last->mean_pain))
    /* Translators: the last week of the adherence chart, “week of 2026-03-02” */
    return g_strdup_printf (_("%s The week of %s: %u days with exercises, no pain logged."), overall, last->monday,
                            last->exercise_days);

  return g_strdup_printf (_("%s The week of %s: %u days with exercises, mean pain %.1f."), overall, last->monday,
                          last->exercise_days, last->mean_pain);
}
