/* test-region.c — the region table, its hit test, keyboard neighbours and the knee renderer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "kj-knee-render.h"
#include "kj-region.h"
#include "kj-types.h"

/* doc/data-model.md, “Knee regions”, in order */
static const struct {
  const char *code;
  KjView      view;
  const char *label;
} design[] = {
  { "quadriceps-tendon", KJ_VIEW_FRONT, "Above the kneecap" },
  { "patella", KJ_VIEW_FRONT, "Kneecap" },
  { "medial-patella", KJ_VIEW_FRONT, "Inner edge of the kneecap" },
  { "lateral-patella", KJ_VIEW_FRONT, "Outer edge of the kneecap" },
  { "patellar-tendon", KJ_VIEW_FRONT, "Below the kneecap" },
  { "tibial-tuberosity", KJ_VIEW_FRONT, "Bump below the knee" },
  { "medial-joint-line", KJ_VIEW_FRONT, "Inner joint line" },
  { "pes-anserine", KJ_VIEW_FRONT, "Inner shin below the joint" },
  { "mcl", KJ_VIEW_FRONT, "Inner side ligament" },
  { "lateral-joint-line", KJ_VIEW_FRONT, "Outer joint line" },
  { "it-band", KJ_VIEW_FRONT, "Outer side above the joint (IT band)" },
  { "fibular-head", KJ_VIEW_FRONT, "Outer side below the joint" },
  { "popliteal", KJ_VIEW_BACK, "Back of the knee" },
  { "medial-hamstring", KJ_VIEW_BACK, "Inner hamstring tendons" },
  { "lateral-hamstring", KJ_VIEW_BACK, "Outer hamstring tendon" },
  { "calf", KJ_VIEW_BACK, "Top of the calf" },
};

static void
test_region_table (void)
{
  guint n_codes;
  const KjCode *codes = kj_code_list (KJ_CODE_REGION, &n_codes);

  g_assert_cmpuint (G_N_ELEMENTS (design), ==, KJ_N_REGIONS);
  g_assert_cmpuint (n_codes, ==, KJ_N_REGIONS);

  for (guint i = 0; i < G_N_ELEMENTS (design); i++)
    {
      int found = 0;

      for (int r = 0; r < KJ_N_REGIONS; r++)
        {
          if (g_str_equal (kj_region_get (r)->code, design[i].code))
            {
              found++;
              g_assert_cmpint (kj_region_get (r)->view, ==, design[i].view);
            }
        }
      g_assert_cmpint (found, ==, 1);
      g_assert_cmpint (kj_region_from_code (design[i].code), >=, 0);
      g_assert_cmpstr (kj_code_label (KJ_CODE_REGION, design[i].code), ==, design[i].label);
      g_assert_cmpstr (codes[i].code, ==, design[i].code);
    }

  g_assert_cmpint (kj_region_from_code ("elbow"), ==, KJ_REGION_NONE);
}

static void
test_region_centroids_hit (void)
{
  for (int side = KJ_SIDE_LEFT; side <= KJ_SIDE_RIGHT; side++)
    for (int r = 0; r < KJ_N_REGIONS; r++)
      {
        const KjRegionInfo *info = kj_region_get (r);
        KjView other = info->view == KJ_VIEW_FRONT ? KJ_VIEW_BACK : KJ_VIEW_FRONT;
        double x, y;

        kj_region_center (r, side, &x, &y);
        g_assert_cmpint (kj_region_at (info->view, side, x, y), ==, r);

        /* the other view has something else there, or nothing */
        g_assert_cmpint (kj_region_at (other, side, x, y), !=, r);
      }
}

/* Medial faces the midline as an observer sees it. */
static void
test_region_mirroring (void)
{
  int pes = kj_region_from_code ("pes-anserine");
  int it_band = kj_region_from_code ("it-band");
  int medial_hamstring = kj_region_from_code ("medial-hamstring");
  double x, y, x_left, y_left;

  /* looking at the front of the right knee, the inside is on the right */
  kj_region_center (pes, KJ_SIDE_RIGHT, &x, &y);
  g_assert_cmpfloat (x, >, 0.5);
  kj_region_center (it_band, KJ_SIDE_RIGHT, &x, &y);
  g_assert_cmpfloat (x, <, 0.5);

  /* the left knee is the mirror image */
  kj_region_center (pes, KJ_SIDE_RIGHT, &x, &y);
  kj_region_center (pes, KJ_SIDE_LEFT, &x_left, &y_left);
  g_assert_cmpfloat_with_epsilon (x + x_left, 1.0, 1e-9);
  g_assert_cmpfloat (y, ==, y_left);
  g_assert_cmpint (kj_region_at (KJ_VIEW_FRONT, KJ_SIDE_RIGHT, x, y), ==, pes);
  g_assert_cmpint (kj_region_at (KJ_VIEW_FRONT, KJ_SIDE_LEFT, x, y), !=, pes);
  g_assert_cmpint (kj_region_at (KJ_VIEW_FRONT, KJ_SIDE_LEFT, 1 - x, y), ==, pes);

  /* from behind, the inside of the right knee is on the left */
  kj_region_center (medial_hamstring, KJ_SIDE_RIGHT, &x, &y);
  g_assert_cmpfloat (x, <, 0.5);
  kj_region_center (medial_hamstring, KJ_SIDE_LEFT, &x, &y);
  g_assert_cmpfloat (x, >, 0.5);
}

static void
test_region_outside (void)
{
  const double points[][2] = {
    { 0.02, 0.02 }, { 0.98, 0.02 }, { 0.02, 0.98 }, { 0.98, 0.98 }, { 0.5, 0.02 }, { 0.5, 0.98 },
    { -0.5, 0.5 }, { 1.5, 0.5 }, { 0.05, 0.5 }, { 0.95, 0.5 },
  };

  for (int view = KJ_VIEW_FRONT; view <= KJ_VIEW_BACK; view++)
    for (int side = KJ_SIDE_LEFT; side <= KJ_SIDE_RIGHT; side++)
      for (guint i = 0; i < G_N_ELEMENTS (points); i++)
        g_assert_cmpint (kj_region_at (view, side, points[i][0], points[i][1]), ==, KJ_REGION_NONE);
}

/* From any region, the arrow keys reach every region of its view. */
static void
test_region_neighbours (void)
{
  const int dirs[4][2] = { { 1, 0 }, { -1, 0 }, { 0, 1 }, { 0, -1 } };

  for (int side = KJ_SIDE_LEFT; side <= KJ_SIDE_RIGHT; side++)
    for (int start = 0; start < KJ_N_REGIONS; start++)
      {
        gboolean seen[KJ_N_REGIONS] = { FALSE };
        int queue[KJ_N_REGIONS], head = 0, tail = 0, n_view = 0, n_seen = 0;

        for (int r = 0; r < KJ_N_REGIONS; r++)
          n_view += kj_region_get (r)->view == kj_region_get (start)->view;

        queue[tail++] = start;
        seen[start] = TRUE;
        while (head < tail)
          {
            int r = queue[head++];

            n_seen++;
            for (guint d = 0; d < 4; d++)
              {
                int next = kj_region_neighbour (r, side, dirs[d][0], dirs[d][1]);

                g_assert_cmpint (kj_region_get (next)->view, ==, kj_region_get (start)->view);
                if (!seen[next])
                  {
                    seen[next] = TRUE;
                    queue[tail++] = next;
                  }
              }
          }

        g_assert_cmpint (n_seen, ==, n_view);
      }

  /* right of the kneecap, on the right knee's front, is its inner edge */
  g_assert_cmpint (kj_region_neighbour (kj_region_from_code ("patella"), KJ_SIDE_RIGHT, 1, 0), ==,
                   kj_region_from_code ("medial-patella"));
  g_assert_cmpint (kj_region_neighbour (kj_region_from_code ("patella"), KJ_SIDE_LEFT, 1, 0), ==,
                   kj_region_from_code ("lateral-patella"));
  g_assert_cmpint (kj_region_neighbour (kj_region_from_code ("patella"), KJ_SIDE_RIGHT, 0, -1), ==,
                   kj_region_from_code ("quadriceps-tendon"));
}

static const KjKneeStyle light = {
  .foreground = { 0.14, 0.14, 0.14, 1 },
  .background = { 1, 1, 1, 1 },
  .accent = { 0.21, 0.52, 0.89, 1 },
};

static const KjKneeStyle dark = {
  .foreground = { 1, 1, 1, 1 },
  .background = { 0.14, 0.14, 0.14, 1 },
  .accent = { 0.47, 0.68, 0.93, 1 },
};

static void
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y,
          double          *r,
          double          *g,
          double          *b)
{
  guint32 p = *(guint32 *) (cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface) + 4 * x);

  *r = ((p >> 16) & 0xff) / 255.0;
  *g = ((p >> 8) & 0xff) / 255.0;
  *b = (p & 0xff) / 255.0;
}

static cairo_surface_t *
render (const KjKneeModel *model,
        const KjKneeStyle *style,
        int                width,
        int                height,
        const char        *name)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  const char *build = g_getenv ("KJ_BUILD_ROOT");

  cairo_set_source_rgba (cr, style->background.red, style->background.green, style->background.blue, 1);
  cairo_paint (cr);
  kj_knee_render (cr, model, width, height, style);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  if (name != NULL && build != NULL)
    {
      g_autofree char *dir = g_build_filename (build, "screenshots", NULL);
      g_autofree char *file = g_strconcat (dir, "/", name, ".png", NULL);

      g_mkdir_with_parents (dir, 0755);
      g_assert_cmpint (cairo_surface_write_to_png (surface, file), ==, CAIRO_STATUS_SUCCESS);
    }

  return surface;
}

/* What is drawn at a region's centre is the selection colour exactly when it is selected. */
static void
test_region_render (void)
{
  const int width = 330, height = 440;
  const struct { KjView view; KjSide side; const char *name; const KjKneeStyle *style; } cases[] = {
    { KJ_VIEW_FRONT, KJ_SIDE_RIGHT, "knee-front-right", &light },
    { KJ_VIEW_FRONT, KJ_SIDE_LEFT, "knee-front-left", &light },
    { KJ_VIEW_BACK, KJ_SIDE_RIGHT, "knee-back-right", &light },
    { KJ_VIEW_BACK, KJ_SIDE_LEFT, "knee-back-left-dark", &dark },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      KjKneeModel model;
      cairo_surface_t *surface;
      double cx, cy, cw, ch;

      kj_knee_model_init (&model, cases[c].view, cases[c].side);
      model.selected = (1u << kj_region_from_code ("pes-anserine")) | (1u << kj_region_from_code ("popliteal")) |
                       (1u << kj_region_from_code ("patella"));
      model.hover = cases[c].view == KJ_VIEW_FRONT ? kj_region_from_code ("it-band") : KJ_REGION_NONE;
      model.focus = cases[c].view == KJ_VIEW_FRONT ? kj_region_from_code ("mcl") : kj_region_from_code ("calf");

      surface = render (&model, cases[c].style, width, height, cases[c].name);
      kj_knee_canvas (width, height, &cx, &cy, &cw, &ch);

      for (int r = 0; r < KJ_N_REGIONS; r++)
        {
          double x, y, red, green, blue;
          gboolean selected = (model.selected & (1u << r)) != 0;
          gboolean bluish;

          if (kj_region_get (r)->view != cases[c].view || r == model.hover)
            continue;

          kj_region_center (r, cases[c].side, &x, &y);
          pixel_at (surface, (int) (cx + x * cw), (int) (cy + y * ch), &red, &green, &blue);
          bluish = blue > red + 0.15;
          if (bluish != selected)
            g_error ("%s: region %s drawn %s at its centre (%.2f %.2f %.2f)", cases[c].name,
                     kj_region_get (r)->code, bluish ? "selected" : "unselected", red, green, blue);
        }

      cairo_surface_destroy (surface);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/region/table", test_region_table);
  g_test_add_func ("/region/centroids-hit", test_region_centroids_hit);
  g_test_add_func ("/region/mirroring", test_region_mirroring);
  g_test_add_func ("/region/outside", test_region_outside);
  g_test_add_func ("/region/neighbours", test_region_neighbours);
  g_test_add_func ("/region/render", test_region_render);

  return g_test_run ();
}
