/* kj-chart.c — the trend chart widget: hover for a day's values, click to open it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Draws with kj_chart_render() from data computed once per range. The
 * keyboard moves the highlighted day with the arrow keys; Enter opens it.
 * GTK 4 shows tooltips for the pointer only: for the keyboard the day's
 * values show in a popover that points at the day, the same text as the
 * tooltip, and are the chart's accessible description.
 */
#define G_LOG_DOMAIN "knee-journal-chart"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "kj-chart.h"
#include "kj-theme.h"

/* where the keyboard's tooltip points: the top of the plot, under the labels of its lines */
#define TIP_Y 26

struct _KjChart
{
  GtkWidget    parent_instance;

  KjChartData *data;
  int          hover;
  GtkWidget   *tip;         /* the keyboard's tooltip */
  GtkLabel    *tip_label;
};

G_DEFINE_FINAL_TYPE (KjChart, kj_chart, GTK_TYPE_WIDGET)

enum {
  DAY_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
kj_chart_snapshot (GtkWidget   *widget,
                   GtkSnapshot *snapshot)
{
  KjChart *self = KJ_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  KjChartStyle style;
  cairo_t *cr;

  if (self->data == NULL)
    return;

  kj_theme_chart_style (widget, &style);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  kj_chart_render (cr, self->data, self->hover, width, height, &style);
  cairo_destroy (cr);
}

static void
kj_chart_measure (GtkWidget      *widget,
                  GtkOrientation  orientation,
                  int             for_size,
                  int            *minimum,
                  int            *natural,
                  int            *minimum_baseline,
                  int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = 300, *natural = 800;
  else
    *minimum = 260, *natural = 400;
}

/* "Tuesday 3 March: pain 5, worst 7; Ice, Medication; 5.2 km run" */
char *
kj_chart_describe_day (KjChart *self,
                       int      day)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *date = NULL;
  guint n_kinds;
  const KjCode *kinds = kj_code_list (KJ_CODE_TREATMENT_KIND, &n_kinds);
  const KjChartData *d = self->data;
  char iso[11];
  GDate gdate;

  g_return_val_if_fail (KJ_IS_CHART (self), NULL);

  if (d == NULL || day < 0 || day >= (int) d->n_days)
    return NULL;

  kj_date_add_days (d->from, day, iso);
  kj_date_to_gdate (iso, &gdate);
  dt = g_date_time_new_local (g_date_get_year (&gdate), g_date_get_month (&gdate), g_date_get_day (&gdate), 12, 0, 0);
  /* Translators: a day in the chart's tooltip, see strftime(3) */
  date = g_date_time_format (dt, _("%A %-d %B %Y"));
  g_string_append (text, date);

  if (!isnan (d->pain[day]))
    {
      g_string_append_printf (text, "\n%s", "");
      g_string_append_printf (text, _("Pain %.0f"), d->pain[day]);
      if (!isnan (d->worst[day]))
        g_string_append_printf (text, _(", worst %.0f"), d->worst[day]);
    }
  else
    g_string_append_printf (text, "\n%s", _("Nothing logged"));

  if (!isnan (d->rolling[day]))
    g_string_append_printf (text, _(" · 7-day average %.1f"), d->rolling[day]);

  for (guint c = 0, first = TRUE; c < n_kinds; c++)
    {
      if (!(d->kinds[day] & (1u << c)))
        continue;
      g_string_append_printf (text, "%s%s", first ? "\n" : ", ", _(kinds[c].label));
      first = FALSE;
    }

  if (d->run_km[day] > 0)
    {
      g_autofree char *km = kj_format_distance (d->run_km[day], d->units);

      g_string_append_c (text, '\n');
      /* Translators: in the chart's tooltip, “Ran 5.2 km” */
      g_string_append_printf (text, _("Ran %s"), km);
    }

  if (d->red_flag[day])
    g_string_append_printf (text, "\n%s", _("Warning sign noted"));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
query_tooltip (GtkWidget  *widget,
               int         x,
               int         y,
               gboolean    keyboard,
               GtkTooltip *tooltip,
               gpointer    user_data)
{
  KjChart *self = KJ_CHART (widget);
  int day = keyboard ? self->hover : (self->data ? kj_chart_day_at (self->data, gtk_widget_get_width (widget),
                                                                    gtk_widget_get_height (widget), x, y) : -1);
  g_autofree char *text = day >= 0 ? kj_chart_describe_day (self, day) : NULL;

  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

void
kj_chart_set_hover (KjChart *self,
                    int      day)
{
  g_return_if_fail (KJ_IS_CHART (self));

  if (self->data != NULL)
    day = CLAMP (day, -1, (int) self->data->n_days - 1);

  if (day != self->hover)
    {
      g_autofree char *text = day >= 0 ? kj_chart_describe_day (self, day) : NULL;

      self->hover = day;
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      text ? text : "", -1);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

/* The middle of @day's column, found with kj_chart_day_at(): the first x of
 * the day and the first of the next */
static double
day_x (KjChart *self,
       int      day)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double edges[2];

  for (int e = 0; e < 2; e++)
    {
      int lo = 0, hi = width;

      while (lo < hi)
        {
          int mid = (lo + hi) / 2;
          int at = kj_chart_day_at (self->data, width, height, mid, height / 2.0);

          /* left of the plot: -1 and before; right of it: -1 and after */
          if (at >= day + e || (at < 0 && mid > width / 2))
            hi = mid;
          else
            lo = mid + 1;
        }
      edges[e] = lo;
    }

  return (edges[0] + edges[1]) / 2.0;
}

/* Shows @day's values beside it, as a tooltip does for the pointer */
static void
show_tip (KjChart *self)
{
  g_autofree char *text = self->hover >= 0 ? kj_chart_describe_day (self, self->hover) : NULL;

  if (text == NULL)
    {
      gtk_popover_popdown (GTK_POPOVER (self->tip));
      return;
    }

  gtk_label_set_text (self->tip_label, text);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->tip),
                               &(GdkRectangle) { (int) day_x (self, self->hover), TIP_Y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->tip));
}

static void
hide_tip (KjChart *self)
{
  gtk_popover_popdown (GTK_POPOVER (self->tip));
}

static void
motion (GtkEventControllerMotion *controller,
        double                    x,
        double                    y,
        KjChart                  *self)
{
  hide_tip (self);
  if (self->data != NULL)
    kj_chart_set_hover (self, kj_chart_day_at (self->data, gtk_widget_get_width (GTK_WIDGET (self)),
                                               gtk_widget_get_height (GTK_WIDGET (self)), x, y));
}

static void
leave (GtkEventControllerMotion *controller,
       KjChart                  *self)
{
  kj_chart_set_hover (self, -1);
}

static void
activate_day (KjChart *self,
              int      day)
{
  char date[11];

  if (self->data == NULL || day < 0)
    return;

  kj_date_add_days (self->data->from, day, date);
  g_signal_emit (self, signals[DAY_ACTIVATED], 0, date);
}

static void
released (GtkGestureClick *gesture,
          int              n_press,
          double           x,
          double           y,
          KjChart         *self)
{
  if (self->data != NULL)
    activate_day (self, kj_chart_day_at (self->data, gtk_widget_get_width (GTK_WIDGET (self)),
                                         gtk_widget_get_height (GTK_WIDGET (self)), x, y));
}

static gboolean
key_pressed (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             KjChart               *self)
{
  int step = (state & GDK_CONTROL_MASK) ? 7 : 1;

  if (self->data == NULL)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
      kj_chart_set_hover (self, MAX (0, (self->hover < 0 ? (int) self->data->n_days : self->hover) - step));
      show_tip (self);
      return TRUE;
    case GDK_KEY_Right:
      kj_chart_set_hover (self, MIN ((int) self->data->n_days - 1, self->hover + step));
      show_tip (self);
      return TRUE;
    case GDK_KEY_Home:
      kj_chart_set_hover (self, 0);
      show_tip (self);
      return TRUE;
    case GDK_KEY_End:
      kj_chart_set_hover (self, self->data->n_days - 1);
      show_tip (self);
      return TRUE;
    case GDK_KEY_Escape:
      if (!gtk_widget_get_visible (self->tip))
        return FALSE;
      hide_tip (self);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      activate_day (self, self->hover);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
kj_chart_size_allocate (GtkWidget *widget,
                        int        width,
                        int        height,
                        int        baseline)
{
  gtk_popover_present (GTK_POPOVER (KJ_CHART (widget)->tip));
}

static void
kj_chart_dispose (GObject *object)
{
  KjChart *self = KJ_CHART (object);

  g_clear_pointer (&self->tip, gtk_widget_unparent);

  G_OBJECT_CLASS (kj_chart_parent_class)->dispose (object);
}

static void
kj_chart_finalize (GObject *object)
{
  g_clear_pointer (&KJ_CHART (object)->data, kj_chart_data_free);

  G_OBJECT_CLASS (kj_chart_parent_class)->finalize (object);
}

static void
kj_chart_class_init (KjChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kj_chart_dispose;
  object_class->finalize = kj_chart_finalize;
  widget_class->snapshot = kj_chart_snapshot;
  widget_class->measure = kj_chart_measure;
  widget_class->size_allocate = kj_chart_size_allocate;

  /**
   * KjChart::day-activated:
   * @date: the day clicked or chosen with Enter
   */
  signals[DAY_ACTIVATED] = g_signal_new ("day-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
kj_chart_init (KjChart *self)
{
  GtkEventController *motion_controller = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->hover = -1;

  /* the keyboard's tooltip: shown, not focused, as a tooltip is */
  self->tip = gtk_popover_new ();
  self->tip_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->tip_label, TRUE);
  gtk_label_set_max_width_chars (self->tip_label, 40);
  gtk_popover_set_child (GTK_POPOVER (self->tip), GTK_WIDGET (self->tip_label));
  gtk_popover_set_autohide (GTK_POPOVER (self->tip), FALSE);
  gtk_popover_set_position (GTK_POPOVER (self->tip), GTK_POS_TOP);
  gtk_widget_set_can_focus (self->tip, FALSE);
  gtk_widget_add_css_class (self->tip, "kj-chart-tip");
  gtk_widget_set_parent (self->tip, GTK_WIDGET (self));
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (hide_tip), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  g_signal_connect (motion_controller, "motion", G_CALLBACK (motion), self);
  g_signal_connect (motion_controller, "leave", G_CALLBACK (leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion_controller);
  g_signal_connect (click, "released", G_CALLBACK (released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Pain chart: daily pain, its 7-day average, weekly distance run and treatments; "
                                    "arrow keys move between days, Enter opens one"), -1);
}

GtkWidget *
kj_chart_new (void)
{
  return g_object_new (KJ_TYPE_CHART, NULL);
}

/* Takes @data. */
void
kj_chart_set_data (KjChart     *self,
                   KjChartData *data)
{
  g_return_if_fail (KJ_IS_CHART (self));

  g_clear_pointer (&self->data, kj_chart_data_free);
  self->data = data;
  self->hover = -1;
  hide_tip (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const KjChartData *
kj_chart_get_data (KjChart *self)
{
  g_return_val_if_fail (KJ_IS_CHART (self), NULL);

  return self->data;
}

/* The values the keyboard's tooltip shows, or NULL when it is hidden */
const char *
kj_chart_get_tip (KjChart *self)
{
  g_return_val_if_fail (KJ_IS_CHART (self), NULL);

  return gtk_widget_get_visible (self->tip) ? gtk_label_get_text (self->tip_label) : NULL;
}

int
kj_chart_get_hover (KjChart *self)
{
  g_return_val_if_fail (KJ_IS_CHART (self), -1);

  return self->hover;
}
