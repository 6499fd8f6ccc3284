/* test-chart.c — the trend chart renderer: its data, its hit test, and pictures of 4 weeks to 10 years
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>

#include "kj-chart-render.h"
#include "kj-gen.h"

static const KjChartStyle light = {
  .foreground = { 0.14, 0.14, 0.14, 1 },
  .background = { 1, 1, 1, 1 },
  .accent = { 0.21, 0.52, 0.89, 1 },
  .warning = { 0.88, 0.11, 0.14, 1 },
};

static const KjChartStyle dark = {
  .foreground = { 1, 1, 1, 1 },
  .background = { 0.14, 0.14, 0.14, 1 },
  .accent = { 0.47, 0.68, 0.93, 1 },
  .warning = { 1, 0.48, 0.39, 1 },
};

static cairo_surface_t *
render (const KjChartData  *data,
        const KjChartStyle *style,
        int                 width,
        int                 height,
        const char         *name)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  const char *build = g_getenv ("KJ_BUILD_ROOT");

  cairo_set_source_rgb (cr, style->background.red, style->background.green, style->background.blue);
  cairo_paint (cr);
  kj_chart_render (cr, data, -1, width, height, style);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  if (build != NULL)
    {
      g_autofree char *dir = g_build_filename (build, "screenshots", NULL);
      g_autofree char *file = g_strconcat (dir, "/", name, ".png", NULL);

      g_mkdir_with_parents (dir, 0755);
      g_assert_cmpint (cairo_surface_write_to_png (surface, file), ==, CAIRO_STATUS_SUCCESS);
    }

  return surface;
}

/* How many pixels of the image are close to @color. */
static guint
count_color (cairo_surface_t *surface,
             const KjRgba    *color)
{
  int w = cairo_image_surface_get_width (surface), h = cairo_image_surface_get_height (surface);
  guchar *pixels = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint n = 0;

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 p = *(guint32 *) (pixels + y * stride + 4 * x);
        double r = ((p >> 16) & 0xff) / 255.0, g = ((p >> 8) & 0xff) / 255.0, b = (p & 0xff) / 255.0;

        n += fabs (r - color->red) < 0.06 && fabs (g - color->green) < 0.06 && fabs (b - color->blue) < 0.06;
      }

  return n;
}

static void
test_chart_data (void)
{
  g_autoptr(KjJournal) journal = kj_gen_journal (3, 56, "red-flag", "2026-04-01", NULL);
  g_autoptr(KjAssessment) assessment = kj_assess (journal->profile, journal->days, journal->treatments,
                                                  journal->runs, "2026-04-01");
  g_autoptr(KjChartData) data = kj_chart_data_new (journal->days, journal->treatments, journal->runs, assessment,
                                                   "2026-03-05", "2026-04-01");
  guint n_flags = 0;

  g_assert_cmpuint (data->n_days, ==, 28);
  g_assert_cmpint (data->as_of, ==, 27);
  /* the generated journal's treatment start is before the range */
  g_assert_cmpint (data->t0, <, 0);
  g_assert_cmpint (data->review, ==, data->t0 + 21);
  for (guint i = 0; i < data->n_days; i++)
    {
      const KjDay *day = g_ptr_array_index (journal->days, 28 + i);

      g_assert_cmpfloat (data->pain[i], ==, day->pain);
      n_flags += data->red_flag[i];
    }
  g_assert_cmpuint (n_flags, ==, 1);
  g_assert_true (data->red_flag[27 - 4]);
  g_assert_cmpfloat_with_epsilon (data->current, assessment->current, 1e-12);
}

static void
test_chart_day_at (void)
{
  g_autoptr(KjJournal) journal = kj_gen_journal (3, 100, "improving", "2026-04-01", NULL);
  g_autoptr(KjChartData) data = kj_chart_data_new (journal->days, journal->treatments, journal->runs, NULL,
                                                   "2026-03-05", "2026-04-01");

  g_assert_cmpint (kj_chart_day_at (data, 800, 300, 2, 100), ==, -1);
  g_assert_cmpint (kj_chart_day_at (data, 800, 300, 799, 100), ==, -1);

  /* walking across the plot goes through every day in order */
  {
    int last = -1, seen = 0;

    for (double x = 0; x < 800; x += 0.5)
      {
        int day = kj_chart_day_at (data, 800, 300, x, 100);

        if (day < 0)
          continue;
        g_assert_cmpint (day, >=, last);
        if (day != last)
          seen++;
        last = day;
      }
    g_assert_cmpint (seen, ==, 28);
  }
}

static void
test_chart_pictures (void)
{
  const struct { const char *name; guint days; const char *from; int width; } cases[] = {
    { "chart-4-weeks", 70, "2026-03-05", 800 },
    { "chart-1-year", 400, "2025-04-02", 1000 },
    { "chart-10-years", KJ_GEN_LARGE_DAYS, "2016-04-02", 1200 },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    for (guint s = 0; s < 2; s++)
      {
        g_autoptr(KjJournal) journal = kj_gen_journal (8, cases[c].days, c == 0 ? "improving" : "mixed", "2026-04-01", NULL);
        g_autoptr(KjAssessment) assessment = kj_assess (journal->profile, journal->days, journal->treatments,
                                                        journal->runs, "2026-04-01");
        g_autoptr(KjChartData) data = kj_chart_data_new (journal->days, journal->treatments, journal->runs,
                                                         assessment, cases[c].from, "2026-04-01");
        g_autofree char *name = g_strconcat (cases[c].name, s ? "-dark" : "", NULL);
        const KjChartStyle *style = s ? &dark : &light;
        cairo_surface_t *surface = render (data, style, cases[c].width, 400, name);

        /* the 7-day mean is drawn in the accent colour */
        g_assert_cmpuint (count_color (surface, &style->accent), >, 200);
        cairo_surface_destroy (surface);
      }
}

/* Every label inside the chart, none touching another or a mark of data. */
static void
assert_placement (const KjChartData  *data,
                  int                 width,
                  int                 height,
                  const char         *name,
                  KjChartPlacement  **out)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(KjChartPlacement) placement = kj_chart_placement_new ();
  const char *build = g_getenv ("KJ_BUILD_ROOT");

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  kj_chart_render_placed (cr, data, -1, width, height, &light, placement);
  cairo_destroy (cr);
  if (build != NULL)
    {
      g_autofree char *file = g_strconcat (build, "/screenshots/", name, ".png", NULL);

      cairo_surface_write_to_png (surface, file);
    }
  cairo_surface_destroy (surface);

  g_assert_cmpuint (placement->labels->len, >, 5);
  g_assert_cmpuint (placement->marks->len, >, 5);
  for (guint i = 0; i < placement->labels->len; i++)
    {
      const KjChartRect *a = &g_array_index (placement->labels, KjChartRect, i);
      const char *text = placement->texts->pdata[i];

      if (a->x < 0 || a->y < 0 || a->x + a->width > width || a->y + a->height > height)
        g_error ("%s: label “%s” at %.1f,%.1f %.1f×%.1f leaves the %d×%d chart", name, text,
                 a->x, a->y, a->width, a->height, width, height);
      for (guint j = i + 1; j < placement->labels->len; j++)
        if (kj_chart_rect_intersects (a, &g_array_index (placement->labels, KjChartRect, j)))
          g_error ("%s: label “%s” overlaps label “%s”", name, text, (char *) placement->texts->pdata[j]);
      for (guint j = 0; j < placement->marks->len; j++)
        {
          const KjChartRect *m = &g_array_index (placement->marks, KjChartRect, j);

          if (kj_chart_rect_intersects (a, m))
            g_error ("%s: label “%s” overlaps the data at %.1f,%.1f", name, text, m->x, m->y);
        }
    }

  if (out != NULL)
    *out = g_steal_pointer (&placement);
}

static gboolean
has_label (const KjChartPlacement *placement,
           const char             *text)
{
  for (guint i = 0; i < placement->texts->len; i++)
    if (strstr (placement->texts->pdata[i], text) != NULL)
      return TRUE;

  return FALSE;
}

/* Since treatment start, a fortnight after it: the start and now bands, the
 * lines and a legend, at several sizes, and in miles. */
static void
test_chart_labels (void)
{
  g_autoptr(KjJournal) journal = kj_gen_journal (5, 70, "improving", "2026-04-01", NULL);
  g_autoptr(KjAssessment) assessment = NULL;
  const int sizes[][2] = { { 800, 360 }, { 560, 300 }, { 360, 260 }, { 1200, 400 } };

  /* the worst case of the issue: start 4.3 and now 4.3 side by side */
  for (guint i = 0; i < journal->days->len; i++)
    {
      KjDay *day = journal->days->pdata[i];

      if (day->pain > 6)
        day->pain = 9;
      if (i % 5 == 0)
        day->pain = 10;
    }
  assessment = kj_assess (journal->profile, journal->days, journal->treatments, journal->runs, "2026-04-01");

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint u = 0; u < 2; u++)
      {
        char from[11];
        g_autoptr(KjChartData) data = NULL;
        g_autoptr(KjChartPlacement) placement = NULL;
        g_autofree char *name = g_strdup_printf ("chart-labels-%dx%d%s", sizes[s][0], sizes[s][1], u ? "-mi" : "");

        kj_date_add_days (assessment->t0, -3, from);
        data = kj_chart_data_new (journal->days, journal->treatments, journal->runs, assessment, from, "2026-04-01");
        data->units = u ? KJ_UNITS_MI : KJ_UNITS_KM;
        assert_placement (data, sizes[s][0], sizes[s][1], name, &placement);

        /* what each mark means */
        g_assert_true (has_label (placement, "Daily pain"));
        g_assert_true (has_label (placement, "7-day average"));
        g_assert_true (has_label (placement, "Worst pain of the day"));
        g_assert_true (has_label (placement, "Treatment on that day"));
        g_assert_true (has_label (placement, "Last 7 days: "));
        g_assert_true (has_label (placement, "First week of treatment: "));
        g_assert_true (has_label (placement, "Treatment start"));
        g_assert_true (has_label (placement, u ? "Distance run a week (mi)" : "Distance run a week (km)"));
        g_assert_true (has_label (placement, u ? "mi" : "km"));
        if (u)
          for (guint i = 0; i < placement->texts->len; i++)
            g_assert_null (strstr (placement->texts->pdata[i], "km"));
      }

  /* a year and ten years of marks */
  {
    g_autoptr(KjJournal) large = kj_gen_journal (8, KJ_GEN_LARGE_DAYS, "mixed", "2026-04-01", NULL);
    g_autoptr(KjAssessment) a = kj_assess (large->profile, large->days, large->treatments, large->runs, "2026-04-01");
    g_autoptr(KjChartData) year = kj_chart_data_new (large->days, large->treatments, large->runs, a,
                                                     "2025-04-02", "2026-04-01");
    g_autoptr(KjChartData) all = kj_chart_data_new (large->days, large->treatments, large->runs, a,
                                                    "2016-04-02", "2026-04-01");

    assert_placement (year, 1000, 400, "chart-labels-year", NULL);
    assert_placement (all, 1200, 400, "chart-labels-10-years", NULL);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/data", test_chart_data);
  g_test_add_func ("/chart/day-at", test_chart_day_at);
  g_test_add_func ("/chart/pictures", test_chart_pictures);
  g_test_add_func ("/chart/labels", test_chart_labels);

  return g_test_run ();
}
