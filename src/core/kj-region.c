/* kj-region.c — the knee regions of doc/data-model.md, “Knee regions”: one table of shapes and a pure hit test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shapes are ellipses in a canonical frame where u = 0 is the lateral edge
 * and u = 1 the medial edge. On screen, medial always faces the body's
 * midline as an observer sees it: looking at the front of the right knee,
 * or at the back of the left knee, medial is on the right.
 */
#define G_LOG_DOMAIN "knee-journal-region"

#include "config.h"

#include <math.h>

#include "kj-region.h"

static const KjRegionInfo regions[KJ_N_REGIONS] = {
  { "quadriceps-tendon",  KJ_VIEW_FRONT, 0.500, 0.250, 0.110, 0.055 },
  { "patella",            KJ_VIEW_FRONT, 0.500, 0.385, 0.095, 0.080 },
  { "medial-patella",     KJ_VIEW_FRONT, 0.645, 0.385, 0.040, 0.075 },
  { "lateral-patella",    KJ_VIEW_FRONT, 0.355, 0.385, 0.040, 0.075 },
  { "patellar-tendon",    KJ_VIEW_FRONT, 0.500, 0.525, 0.050, 0.050 },
  { "tibial-tuberosity",  KJ_VIEW_FRONT, 0.500, 0.630, 0.055, 0.040 },
  { "medial-joint-line",  KJ_VIEW_FRONT, 0.680, 0.510, 0.070, 0.030 },
  { "pes-anserine",       KJ_VIEW_FRONT, 0.660, 0.635, 0.060, 0.045 },
  { "mcl",                KJ_VIEW_FRONT, 0.790, 0.420, 0.035, 0.075 },
  { "lateral-joint-line", KJ_VIEW_FRONT, 0.320, 0.510, 0.070, 0.030 },
  { "it-band",            KJ_VIEW_FRONT, 0.240, 0.340, 0.035, 0.090 },
  { "fibular-head",       KJ_VIEW_FRONT, 0.280, 0.600, 0.040, 0.035 },
  { "popliteal",          KJ_VIEW_BACK,  0.500, 0.440, 0.120, 0.080 },
  { "medial-hamstring",   KJ_VIEW_BACK,  0.680, 0.300, 0.050, 0.120 },
  { "lateral-hamstring",  KJ_VIEW_BACK,  0.320, 0.300, 0.050, 0.120 },
  { "calf",               KJ_VIEW_BACK,  0.500, 0.680, 0.170, 0.120 },
};

const KjRegionInfo *
kj_region_get (int region)
{
  g_return_val_if_fail (region >= 0 && region < KJ_N_REGIONS, NULL);

  return &regions[region];
}

int
kj_region_from_code (const char *code)
{
  for (int i = 0; code != NULL && i < KJ_N_REGIONS; i++)
    {
      if (g_str_equal (regions[i].code, code))
        return i;
    }

  return KJ_REGION_NONE;
}

const char *
kj_region_side_code (KjSide side)
{
  return side == KJ_SIDE_LEFT ? "left" : "right";
}

static gboolean
medial_on_the_right (KjView view,
                     KjSide side)
{
  return (view == KJ_VIEW_FRONT) == (side == KJ_SIDE_RIGHT);
}

/* Where canonical @u lands on screen (0–1, left to right). */
double
kj_region_to_screen_x (KjView view,
                       KjSide side,
                       double u)
{
  return medial_on_the_right (view, side) ? u : 1.0 - u;
}

/**
 * kj_region_at:
 * @x: (in): 0–1 across the drawing, left to right
 * @y: (in): 0–1 down the drawing
 *
 * Returns: the region under the point in @view of the @side knee, or
 *   %KJ_REGION_NONE
 */
int
kj_region_at (KjView view,
              KjSide side,
              double x,
              double y)
{
  double u = kj_region_to_screen_x (view, side, x);   /* the mapping is its own inverse */
  double best = 1.0;
  int found = KJ_REGION_NONE;

  for (int i = 0; i < KJ_N_REGIONS; i++)
    {
      const KjRegionInfo *r = &regions[i];
      double du, dv, d;

      if (r->view != view)
        continue;

      du = (u - r->u) / r->ru;
      dv = (y - r->v) / r->rv;
      d = du * du + dv * dv;

      if (d <= best)
        {
          best = d;
          found = i;
        }
    }

  return found;
}

/* The centre of @region on screen, 0–1 in both directions. */
void
kj_region_center (int     region,
                  KjSide  side,
                  double *x,
                  double *y)
{
  const KjRegionInfo *r = kj_region_get (region);

  g_return_if_fail (r != NULL);

  *x = kj_region_to_screen_x (r->view, side, r->u);
  *y = r->v;
}

/**
 * kj_region_neighbour:
 * @dx: -1, 0 or 1: left or right on screen
 * @dy: -1, 0 or 1: up or down
 *
 * The nearest region of the same view in that direction, for keyboard
 * navigation; @region itself when there is none.
 */
int
kj_region_neighbour (int    region,
                     KjSide side,
                     int    dx,
                     int    dy)
{
  double x0, y0, best = INFINITY;
  int found = region;

  g_return_val_if_fail (region >= 0 && region < KJ_N_REGIONS, region);

  kj_region_center (region, side, &x0, &y0);

  for (int i = 0; i < KJ_N_REGIONS; i++)
    {
      double x, y, along, across, score;

      if (i == region || regions[i].view != regions[region].view)
        continue;

      kj_region_center (i, side, &x, &y);
      along = dx * (x - x0) + dy * (y - y0);
      across = fabs (dx != 0 ? y - y0 : x - x0);

      if (along <= 0.005)
        continue;

      /* prefer what lies straight ahead */
      score = along + 2.0 * across;
      if (score < best)
        {
          best = score;
          found = i;
        }
    }

  return found;
}
