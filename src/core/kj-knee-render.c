/* kj-knee-render.c — the knee diagram as a pure cairo renderer (screen, PDF and tests)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The leg is drawn in the canonical frame of kj-region.c (lateral at u = 0,
 * medial at u = 1) and mirrored as a whole where medial faces left on
 * screen, so the drawing and the hit test can never disagree.
 */
#define G_LOG_DOMAIN "knee-journal-knee-render"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "kj-knee-render.h"

#define MARGIN 6.0

void
kj_knee_model_init (KjKneeModel *model,
                    KjView       view,
                    KjSide       side)
{
  memset (model, 0, sizeof *model);
  model->view = view;
  model->side = side;
  model->hover = KJ_REGION_NONE;
  model->focus = KJ_REGION_NONE;
  model->show_labels = TRUE;
}

/* The rectangle, of aspect KJ_KNEE_ASPECT, that the drawing fills inside width × height. */
void
kj_knee_canvas (double  width,
                double  height,
                double *x,
                double *y,
                double *w,
                double *h)
{
  double aw = MAX (1.0, width - 2 * MARGIN);
  double ah = MAX (1.0, height - 2 * MARGIN);

  if (aw / ah > KJ_KNEE_ASPECT)
    {
      *h = ah;
      *w = ah * KJ_KNEE_ASPECT;
    }
  else
    {
      *w = aw;
      *h = aw / KJ_KNEE_ASPECT;
    }

  *x = (width - *w) / 2.0;
  *y = (height - *h) / 2.0;
}

/* Turns a point in pixels into the 0–1 coordinates of kj_region_at(). */
gboolean
kj_knee_to_normalized (double  width,
                       double  height,
                       double  px,
                       double  py,
                       double *x,
                       double *y)
{
  double cx, cy, cw, ch;

  kj_knee_canvas (width, height, &cx, &cy, &cw, &ch);
  *x = (px - cx) / cw;
  *y = (py - cy) / ch;

  return *x >= 0 && *x <= 1 && *y >= 0 && *y <= 1;
}

static void
set_color (cairo_t      *cr,
           const KjRgba *color,
           double        alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static void
mix (const KjRgba *a,
     const KjRgba *b,
     double        t,
     KjRgba       *out)
{
  out->red = a->red + (b->red - a->red) * t;
  out->green = a->green + (b->green - a->green) * t;
  out->blue = a->blue + (b->blue - a->blue) * t;
  out->alpha = 1.0;
}

/* Strokes with a pen of @width device units, round whatever the drawing's scale. */
static void
stroke (cairo_t      *cr,
        double        width,
        const double *dash,
        gboolean      preserve)
{
  cairo_save (cr);
  cairo_identity_matrix (cr);
  cairo_set_line_width (cr, width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  if (dash != NULL)
    cairo_set_dash (cr, dash, 2, 0);
  if (preserve)
    cairo_stroke_preserve (cr);
  else
    cairo_stroke (cr);
  cairo_restore (cr);
}

static void
leg_path (cairo_t *cr,
          KjView   view)
{
  /* lateral edge, top to bottom */
  cairo_move_to (cr, 0.22, 0.0);
  cairo_curve_to (cr, 0.21, 0.12, 0.20, 0.24, 0.205, 0.32);
  cairo_curve_to (cr, 0.19, 0.40, 0.18, 0.48, 0.22, 0.54);
  cairo_curve_to (cr, 0.26, 0.60, view == KJ_VIEW_BACK ? 0.22 : 0.27, 0.72, 0.31, 1.0);
  /* medial edge, bottom to top */
  cairo_line_to (cr, 0.70, 1.0);
  cairo_curve_to (cr, view == KJ_VIEW_BACK ? 0.80 : 0.74, 0.72, 0.76, 0.62, 0.80, 0.55);
  cairo_curve_to (cr, 0.85, 0.48, 0.84, 0.38, 0.81, 0.30);
  cairo_curve_to (cr, 0.80, 0.22, 0.79, 0.10, 0.78, 0.0);
  cairo_close_path (cr);
}

static void
ellipse_path (cairo_t *cr,
              double   u,
              double   v,
              double   ru,
              double   rv)
{
  cairo_save (cr);
  cairo_translate (cr, u, v);
  cairo_scale (cr, ru, rv);
  cairo_new_sub_path (cr);
  cairo_arc (cr, 0, 0, 1, 0, 2 * G_PI);
  cairo_restore (cr);
}

static void
draw_anatomy (cairo_t           *cr,
              const KjKneeModel *model,
              double             line)
{
  if (model->view == KJ_VIEW_FRONT)
    {
      /* quadriceps tendon converging on the kneecap */
      cairo_move_to (cr, 0.40, 0.08);
      cairo_curve_to (cr, 0.43, 0.18, 0.45, 0.26, 0.45, 0.31);
      cairo_move_to (cr, 0.60, 0.08);
      cairo_curve_to (cr, 0.57, 0.18, 0.55, 0.26, 0.55, 0.31);
      /* the inner thigh muscle above the knee */
      cairo_move_to (cr, 0.79, 0.16);
      cairo_curve_to (cr, 0.70, 0.22, 0.66, 0.28, 0.62, 0.32);
      stroke (cr, line, NULL, FALSE);

      /* kneecap */
      ellipse_path (cr, 0.50, 0.385, 0.095, 0.08);
      stroke (cr, line, NULL, FALSE);

      /* patellar tendon down to the bump below the knee */
      cairo_move_to (cr, 0.465, 0.462);
      cairo_line_to (cr, 0.475, 0.600);
      cairo_move_to (cr, 0.535, 0.462);
      cairo_line_to (cr, 0.525, 0.600);
      cairo_move_to (cr, 0.455, 0.615);
      cairo_curve_to (cr, 0.47, 0.665, 0.53, 0.665, 0.545, 0.615);
      stroke (cr, line, NULL, FALSE);

      /* fibular head */
      ellipse_path (cr, 0.275, 0.600, 0.022, 0.020);
      stroke (cr, line, NULL, FALSE);

      /* the shin bone's front edge */
      cairo_move_to (cr, 0.50, 0.68);
      cairo_curve_to (cr, 0.50, 0.80, 0.49, 0.90, 0.49, 1.0);
      stroke (cr, line, NULL, FALSE);

      /* joint line, dashed */
      {
        double dash[] = { 3 * line, 3 * line };

        cairo_move_to (cr, 0.205, 0.51);
        cairo_line_to (cr, 0.44, 0.51);
        cairo_move_to (cr, 0.56, 0.51);
        cairo_line_to (cr, 0.835, 0.51);
        stroke (cr, line, dash, FALSE);
      }
    }
  else
    {
      /* hamstring tendons on either side of the hollow */
      cairo_move_to (cr, 0.34, 0.06);
      cairo_curve_to (cr, 0.31, 0.20, 0.29, 0.34, 0.28, 0.46);
      cairo_curve_to (cr, 0.275, 0.52, 0.28, 0.56, 0.285, 0.60);
      cairo_move_to (cr, 0.64, 0.06);
      cairo_curve_to (cr, 0.68, 0.20, 0.70, 0.34, 0.70, 0.44);
      cairo_curve_to (cr, 0.70, 0.50, 0.68, 0.56, 0.64, 0.60);
      stroke (cr, line, NULL, FALSE);

      /* the crease behind the knee */
      cairo_move_to (cr, 0.33, 0.45);
      cairo_curve_to (cr, 0.42, 0.475, 0.58, 0.475, 0.67, 0.45);
      stroke (cr, line, NULL, FALSE);

      /* the two heads of the calf muscle */
      cairo_move_to (cr, 0.49, 0.52);
      cairo_curve_to (cr, 0.36, 0.56, 0.30, 0.70, 0.40, 0.86);
      cairo_move_to (cr, 0.51, 0.52);
      cairo_curve_to (cr, 0.66, 0.56, 0.72, 0.70, 0.60, 0.88);
      cairo_move_to (cr, 0.50, 0.56);
      cairo_line_to (cr, 0.50, 0.84);
      stroke (cr, line, NULL, FALSE);
    }
}

static void
draw_regions (cairo_t           *cr,
              const KjKneeModel *model,
              const KjKneeStyle *style,
              double             line)
{
  double faint = style->high_contrast ? 0.8 : 0.35;

  for (int i = 0; i < KJ_N_REGIONS; i++)
    {
      const KjRegionInfo *r = kj_region_get (i);
      gboolean selected = (model->selected & (1u << i)) != 0;
      double weight = model->use_weights ? CLAMP (model->weights[i], 0.0, 1.0) : (selected ? 1.0 : 0.0);

      if (r->view != model->view)
        continue;

      ellipse_path (cr, r->u, r->v, r->ru, r->rv);

      if (weight > 0)
        {
          set_color (cr, &style->accent, 0.25 + 0.55 * weight);
          cairo_fill_preserve (cr);
          set_color (cr, &style->accent, 1.0);
          stroke (cr, line * 1.5, NULL, FALSE);
        }
      else if (i == model->hover)
        {
          set_color (cr, &style->accent, 0.22);
          cairo_fill_preserve (cr);
          set_color (cr, &style->accent, 0.9);
          stroke (cr, line * 1.5, NULL, FALSE);
        }
      else
        {
          double dash[] = { 2 * line, 2 * line };

          set_color (cr, &style->foreground, faint);
          stroke (cr, line, dash, FALSE);
        }

      if (i == model->focus)
        {
          ellipse_path (cr, r->u, r->v, r->ru + 0.012, r->rv + 0.012 * KJ_KNEE_ASPECT);
          set_color (cr, &style->foreground, 1.0);
          stroke (cr, line * 2.2, NULL, FALSE);
        }
    }
}

static void
draw_side_labels (cairo_t           *cr,
                  const KjKneeModel *model,
                  const KjKneeStyle *style,
                  double             cx,
                  double             cy,
                  double             cw,
                  double             ch)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");
  double medial_x = kj_region_to_screen_x (model->view, model->side, 1.0);
  const char *labels[2] = { _("Outer side"), _("Inner side") };

  pango_font_description_set_absolute_size (font, MAX (8.0, ch * 0.030) * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  for (guint i = 0; i < 2; i++)
    {
      gboolean on_right = (i == 1) == (medial_x > 0.5);
      int tw, th;

      pango_layout_set_text (layout, labels[i], -1);
      pango_layout_get_pixel_size (layout, &tw, &th);
      set_color (cr, &style->foreground, style->high_contrast ? 1.0 : 0.7);
      cairo_move_to (cr, on_right ? cx + cw - tw : cx, cy + ch * 0.80);
      pango_cairo_show_layout (cr, layout);
    }
}

/**
 * kj_knee_render:
 * @width: (in): the area to draw into, in the cairo context's units
 *
 * Draws one knee in one view, its regions marked as @model says.
 */
void
kj_knee_render (cairo_t           *cr,
                const KjKneeModel *model,
                double             width,
                double             height,
                const KjKneeStyle *style)
{
  double cx, cy, cw, ch, line;
  KjRgba skin;

  g_return_if_fail (cr != NULL && model != NULL && style != NULL);

  kj_knee_canvas (width, height, &cx, &cy, &cw, &ch);
  line = MAX (1.0, ch / 260.0);

  cairo_save (cr);
  cairo_translate (cr, cx, cy);
  if (kj_region_to_screen_x (model->view, model->side, 1.0) < 0.5)
    {
      cairo_translate (cr, cw, 0);
      cairo_scale (cr, -1, 1);
    }
  cairo_scale (cr, cw, ch);

  /* the leg, in a tone between the background and the text colour */
  mix (&style->background, &style->foreground, style->high_contrast ? 0.10 : 0.13, &skin);
  leg_path (cr, model->view);
  set_color (cr, &skin, 1.0);
  cairo_fill_preserve (cr);
  set_color (cr, &style->foreground, style->high_contrast ? 1.0 : 0.75);
  stroke (cr, line * 1.6, NULL, FALSE);

  set_color (cr, &style->foreground, style->high_contrast ? 1.0 : 0.55);
  draw_anatomy (cr, model, line);
  draw_regions (cr, model, style, line);

  cairo_restore (cr);

  if (model->show_labels)
    draw_side_labels (cr, model, style, cx, cy, cw, ch);
}
