/* kj-questionnaire-render.c — the questionnaire's scores over time as a pure cairo renderer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drawn the same on Trends (a drawing area) and in the report (the PDF): a
 * 0–100 axis, a band of ± the minimal important change around the first score
 * (a score inside it has not changed in a way that matters), and each score as
 * a point on a line by date, the first and last dates under the axis.
 */
#define G_LOG_DOMAIN "knee-journal-questionnaire"

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "kj-format.h"
#include "kj-questionnaire-render.h"
#include "kj-types.h"

#define FONT_SIZE 11.0
#define PAD       8.0

static void
set_rgba (cairo_t      *cr,
          const KjRgba *c,
          double        alpha)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha * alpha);
}

static PangoLayout *
make_layout (cairo_t    *cr,
             const char *text)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (font, FONT_SIZE * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

/* Draws @text with its anchor point (ax, ay) in 0–1 of its size at (x, y) */
static void
draw_text (cairo_t            *cr,
           const char         *text,
           double              x,
           double              y,
           double              ax,
           double              ay,
           const KjChartStyle *style)
{
  g_autoptr(PangoLayout) layout = make_layout (cr, text);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  set_rgba (cr, &style->foreground, 0.8);
  cairo_move_to (cr, round (x - ax * w), round (y - ay * h));
  pango_cairo_show_layout (cr, layout);
}

static double
text_width (cairo_t    *cr,
            const char *text)
{
  g_autoptr(PangoLayout) layout = make_layout (cr, text);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  return w;
}

/**
 * kj_questionnaire_render:
 * @summary: (nullable): the questionnaires of one instrument; %NULL or none draws the empty axis
 *
 * Returns: the number of scores drawn as points (for tests)
 */
guint
kj_questionnaire_render (cairo_t                      *cr,
                         const KjQuestionnaireSummary *summary,
                         double                        width,
                         double                        height,
                         const KjChartStyle           *style)
{
  guint n = summary != NULL ? summary->questionnaires->len : 0;
  int max = summary != NULL ? summary->instrument->max_score : 100;
  double left, right, top, bottom, span;
  guint drawn = 0;

  g_return_val_if_fail (cr != NULL && style != NULL, 0);

  cairo_save (cr);

  left = PAD + text_width (cr, "100") + 6;
  right = width - PAD - 12;
  top = PAD + FONT_SIZE / 2;
  bottom = height - PAD - FONT_SIZE * 1.6;
  if (right <= left + 10 || bottom <= top + 10)
    {
      cairo_restore (cr);
      return 0;
    }

#define Y_OF(score) (bottom - (bottom - top) * (score) / (double) max)

  /* the band of no important change around the first score */
  if (n > 0)
    {
      double lo = MAX (0, summary->first_score - summary->instrument->mic);
      double hi = MIN (max, summary->first_score + summary->instrument->mic);

      set_rgba (cr, &style->accent, style->high_contrast ? 0.25 : 0.12);
      cairo_rectangle (cr, left, Y_OF (hi), right - left, Y_OF (lo) - Y_OF (hi));
      cairo_fill (cr);
    }

  /* the axis: 0, 50, 100 */
  cairo_set_line_width (cr, 1);
  for (int v = 0; v <= max; v += max / 2)
    {
      g_autofree char *label = g_strdup_printf ("%d", v);

      set_rgba (cr, &style->foreground, v == 0 ? 0.5 : 0.15);
      cairo_move_to (cr, left, round (Y_OF (v)) + 0.5);
      cairo_line_to (cr, right, round (Y_OF (v)) + 0.5);
      cairo_stroke (cr);
      draw_text (cr, label, left - 6, Y_OF (v), 1, 0.5, style);
    }

  if (n == 0)
    {
      cairo_restore (cr);
      return 0;
    }

  {
    const KjQuestionnaire *first = g_ptr_array_index (summary->questionnaires, 0);
    const KjQuestionnaire *last = g_ptr_array_index (summary->questionnaires, n - 1);
    g_autofree char *first_label = kj_format_date (first->date);
    g_autofree char *last_label = kj_format_date (last->date);

    span = kj_date_diff (first->date, last->date);

    /* the line, then the points over it */
    set_rgba (cr, &style->accent, 1);
    cairo_set_line_width (cr, 2);
    for (guint i = 0; i < n; i++)
      {
        const KjQuestionnaire *q = g_ptr_array_index (summary->questionnaires, i);
        double x = span > 0 ? left + (right - left) * kj_date_diff (first->date, q->date) / span
                            : (left + right) / 2;
        double y = Y_OF (kj_questionnaire_score (q));

        if (i == 0)
          cairo_move_to (cr, x, y);
        else
          cairo_line_to (cr, x, y);
      }
    cairo_stroke (cr);

    for (guint i = 0; i < n; i++)
      {
        const KjQuestionnaire *q = g_ptr_array_index (summary->questionnaires, i);
        double x = span > 0 ? left + (right - left) * kj_date_diff (first->date, q->date) / span
                            : (left + right) / 2;
        double y = Y_OF (kj_questionnaire_score (q));

        set_rgba (cr, &style->background, 1);
        cairo_arc (cr, x, y, 5, 0, 2 * G_PI);
        cairo_fill_preserve (cr);
        set_rgba (cr, &style->accent, 1);
        cairo_set_line_width (cr, 2);
        cairo_stroke (cr);
        drawn++;
      }

    if (span > 0)
      {
        draw_text (cr, first_label, left, bottom + 4, 0, 0, style);
        if (text_width (cr, first_label) + text_width (cr, last_label) + 12 < right - left)
          draw_text (cr, last_label, right, bottom + 4, 1, 0, style);
      }
    else
      draw_text (cr, first_label, (left + right) / 2, bottom + 4, 0.5, 0, style);
  }

#undef Y_OF

  cairo_restore (cr);
  return drawn;
}
