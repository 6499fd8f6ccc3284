/* kj-knee-render.h — the knee diagram as a pure cairo renderer (screen, PDF and tests)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "kj-region.h"

G_BEGIN_DECLS

typedef struct
{
  double red, green, blue, alpha;
} KjRgba;

typedef struct
{
  KjRgba   foreground;     /* outlines and text */
  KjRgba   background;     /* what the drawing sits on */
  KjRgba   accent;         /* selection */
  gboolean high_contrast;
} KjKneeStyle;

typedef struct
{
  KjView   view;
  KjSide   side;
  guint32  selected;                 /* bit n: region n is marked */
  gboolean use_weights;              /* shade by weights[] instead (the heat map) */
  double   weights[KJ_N_REGIONS];    /* 0–1 */
  int      hover;                    /* KJ_REGION_NONE or a region */
  int      focus;                    /* KJ_REGION_NONE or a region */
  gboolean show_labels;              /* "Inner side" / "Outer side" */
} KjKneeModel;

void kj_knee_model_init   (KjKneeModel       *model,
                           KjView             view,
                           KjSide             side);
void kj_knee_canvas       (double             width,
                           double             height,
                           double            *x,
                           double            *y,
                           double            *w,
                           double            *h);
gboolean kj_knee_to_normalized (double        width,
                           double             height,
                           double             px,
                           double             py,
                           double            *x,
                           double            *y);
void kj_knee_render       (cairo_t           *cr,
                           const KjKneeModel *model,
                           double             width,
                           double             height,
                           const KjKneeStyle *style);

G_END_DECLS
