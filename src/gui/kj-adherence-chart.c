/* kj-adherence-chart.c — the exercise adherence chart widget: draws with kj_adherence_render()
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Colours come from the style (kj_theme_chart_style()), so dark mode and high
 * contrast work. A screen reader gets the chart in words
 * (kj_adherence_describe()) as its description; it takes no focus.
 */
#define G_LOG_DOMAIN "knee-journal-adherence-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "kj-adherence-chart.h"
#include "kj-adherence-render.h"
#include "kj-theme.h"

struct _KjAdherenceChart
{
  GtkWidget  parent_instance;
  GArray    *weeks;   /* KjAdherenceWeek */
};

G_DEFINE_FINAL_TYPE (KjAdherenceChart, kj_adherence_chart, GTK_TYPE_WIDGET)

static void
kj_adherence_chart_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  KjAdherenceChart *self = KJ_ADHERENCE_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  KjChartStyle style;
  cairo_t *cr;

  if (self->weeks == NULL || width <= 0 || height <= 0)
    return;

  kj_theme_chart_style (widget, &style);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  kj_adherence_render (cr, self->weeks, width, height, &style);
  cairo_destroy (cr);
}

static void
kj_adherence_chart_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 200 : 180;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 600 : 220;
}

static void
kj_adherence_chart_finalize (GObject *object)
{
  KjAdherenceChart *self = KJ_ADHERENCE_CHART (object);

  g_clear_pointer (&self->weeks, g_array_unref);

  G_OBJECT_CLASS (kj_adherence_chart_parent_class)->finalize (object);
}

static void
kj_adherence_chart_class_init (KjAdherenceChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = kj_adherence_chart_finalize;
  widget_class->snapshot = kj_adherence_chart_snapshot;
  widget_class->measure = kj_adherence_chart_measure;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "kj-adherence-chart");
}

static void
kj_adherence_chart_init (KjAdherenceChart *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Exercise days and pain, week by week"), -1);
}

GtkWidget *
kj_adherence_chart_new (void)
{
  return g_object_new (KJ_TYPE_ADHERENCE_CHART, NULL);
}

/* @weeks: (element-type KjAdherenceWeek) (transfer none): kj_adherence_weeks()'s */
void
kj_adherence_chart_set_weeks (KjAdherenceChart *self,
                              GArray           *weeks)
{
  g_autofree char *description = NULL;

  g_return_if_fail (KJ_IS_ADHERENCE_CHART (self));

  g_clear_pointer (&self->weeks, g_array_unref);
  if (weeks != NULL)
    self->weeks = g_array_ref (weeks);

  if (weeks != NULL)
    {
      description = kj_adherence_describe (weeks);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
kj_adherence_chart_get_n_weeks (KjAdherenceChart *self)
{
  g_return_val_if_fail (KJ_IS_ADHERENCE_CHART (self), 0);

  return self->weeks != NULL ? self->weeks->len : 0;
}
