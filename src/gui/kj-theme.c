/* kj-theme.c — colours for the cairo renderers, taken from the widget's style
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The text colour of the widget and libadwaita's named colours, so that
 * drawings follow light, dark and high-contrast styles. GTK 4.8 has no
 * gtk_widget_get_color() yet: the style context is the way there.
 */
#define G_LOG_DOMAIN "knee-journal-theme"

#include "config.h"

#include <adwaita.h>

#include "kj-theme.h"

static KjRgba
named_color (GtkStyleContext *context,
             const char      *name,
             GdkRGBA          fallback)
{
  GdkRGBA color;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (context, name, &color))
    color = fallback;
  G_GNUC_END_IGNORE_DEPRECATIONS

  return (KjRgba) { color.red, color.green, color.blue, 1 };
}

static KjRgba
text_color (GtkStyleContext *context)
{
  GdkRGBA color;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (context, &color);
  G_GNUC_END_IGNORE_DEPRECATIONS

  return (KjRgba) { color.red, color.green, color.blue, color.alpha };
}

void
kj_theme_knee_style (GtkWidget   *widget,
                     KjKneeStyle *style)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  style->foreground = text_color (context);
  style->accent = named_color (context, "accent_bg_color", (GdkRGBA) { 0.21, 0.52, 0.89, 1 });
  style->background = named_color (context, "view_bg_color", (GdkRGBA) { 1, 1, 1, 1 });
  style->high_contrast = adw_style_manager_get_high_contrast (adw_style_manager_get_default ());
}

void
kj_theme_chart_style (GtkWidget    *widget,
                      KjChartStyle *style)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  style->foreground = text_color (context);
  style->accent = named_color (context, "accent_bg_color", (GdkRGBA) { 0.21, 0.52, 0.89, 1 });
  style->background = named_color (context, "view_bg_color", (GdkRGBA) { 1, 1, 1, 1 });
  style->warning = named_color (context, "error_color", (GdkRGBA) { 0.88, 0.11, 0.14, 1 });
  style->high_contrast = adw_style_manager_get_high_contrast (adw_style_manager_get_default ());
}

/**
 * kj_theme_pain_class:
 * @pain: a pain rating, 0–10
 *
 * The style class that colours a pain rating (ui/style.css): History's badges and its month map.
 *
 * Returns: (transfer none): "kj-pain-low" (0–2), "kj-pain-moderate" (3–5), "kj-pain-high" (6–7) or "kj-pain-severe"
 */
const char *
kj_theme_pain_class (int pain)
{
  if (pain <= 2)
    return "kj-pain-low";
  if (pain <= 5)
    return "kj-pain-moderate";
  if (pain <= 7)
    return "kj-pain-high";
  return "kj-pain-severe";
}
