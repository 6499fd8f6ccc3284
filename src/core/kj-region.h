/* kj-region.h — the knee regions of doc/data-model.md, “Knee regions”: codes, views and shapes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  KJ_VIEW_FRONT,
  KJ_VIEW_BACK,
} KjView;

typedef enum
{
  KJ_SIDE_LEFT,
  KJ_SIDE_RIGHT,
} KjSide;

#define KJ_N_REGIONS 16
#define KJ_REGION_NONE (-1)

/* An ellipse in the canonical frame: u runs from the lateral edge (0) to
 * the medial edge (1) of the drawing, v from top (0) to bottom (1). */
typedef struct
{
  const char *code;       /* its label: kj_code_label (KJ_CODE_REGION, code) */
  KjView      view;
  double      u, v;       /* centre */
  double      ru, rv;     /* radii */
} KjRegionInfo;

/* The drawing's aspect ratio, width / height, in which the coordinates are normalized. */
#define KJ_KNEE_ASPECT 0.75

const KjRegionInfo *kj_region_get           (int          region);
int                 kj_region_from_code     (const char  *code);
const char         *kj_region_side_code     (KjSide       side);
int                 kj_region_at            (KjView       view,
                                             KjSide       side,
                                             double       x,
                                             double       y);
void                kj_region_center        (int          region,
                                             KjSide       side,
                                             double      *x,
                                             double      *y);
double              kj_region_to_screen_x   (KjView       view,
                                             KjSide       side,
                                             double       u);
int                 kj_region_neighbour     (int          region,
                                             KjSide       side,
                                             int          dx,
                                             int          dy);

G_END_DECLS
