/* kj-date-bar.c — the Today page's date: the days before and after, the date as long as there is room for, the calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The buttons ask the page by its actions (today.previous, today.next,
 * today.today), so they are enabled and disabled where the page decides; a
 * day picked in the calendar is told by ::date-chosen. The date is written
 * in three lengths and an AdwSqueezer shows the longest that fits; a screen
 * reader hears the whole date.
 */
#define G_LOG_DOMAIN "knee-journal-today"

#include "config.h"

#include <glib/gi18n.h>

#include "kj-a11y.h"
#include "kj-date-bar.h"
#include "kj-types.h"

struct _KjDateBar
{
  GtkWidget      parent_instance;

  char           date[11];
  gboolean       setting;

  /* template widgets */
  GtkMenuButton *date_button;
  GtkLabel      *date_label;
  GtkLabel      *date_short_label;
  GtkLabel      *date_shortest_label;
  GtkCalendar   *calendar;
  GtkPopover    *calendar_popover;
};

G_DEFINE_FINAL_TYPE (KjDateBar, kj_date_bar, GTK_TYPE_WIDGET)

enum {
  DATE_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
calendar_day_selected (GtkCalendar *calendar,
                       KjDateBar   *self)
{
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (calendar);
  g_autofree char *date = g_date_time_format (dt, "%Y-%m-%d");

  if (self->setting || g_str_equal (date, self->date))
    return;

  gtk_popover_popdown (self->calendar_popover);
  g_signal_emit (self, signals[DATE_CHOSEN], 0, date);
}

static void
kj_date_bar_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), KJ_TYPE_DATE_BAR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (kj_date_bar_parent_class)->dispose (object);
}

static void
kj_date_bar_class_init (KjDateBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kj_date_bar_dispose;

  /**
   * KjDateBar::date-chosen:
   * @date: the day picked in the calendar, YYYY-MM-DD
   */
  signals[DATE_CHOSEN] = g_signal_new ("date-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                       NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/kj-date-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, KjDateBar, date_button);
  gtk_widget_class_bind_template_child (widget_class, KjDateBar, date_label);
  gtk_widget_class_bind_template_child (widget_class, KjDateBar, date_short_label);
  gtk_widget_class_bind_template_child (widget_class, KjDateBar, date_shortest_label);
  gtk_widget_class_bind_template_child (widget_class, KjDateBar, calendar);
  gtk_widget_class_bind_template_child (widget_class, KjDateBar, calendar_popover);
  gtk_widget_class_bind_template_callback (widget_class, calendar_day_selected);
}

static void
kj_date_bar_init (KjDateBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  kj_a11y_name_buttons (GTK_WIDGET (self));
}

/* Shows @date (YYYY-MM-DD) */
void
kj_date_bar_set_date (KjDateBar  *self,
                      const char *date)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *label = NULL;
  g_autofree char *short_label = NULL;
  g_autofree char *shortest_label = NULL;
  GDate d;

  g_return_if_fail (KJ_IS_DATE_BAR (self));
  g_return_if_fail (kj_date_to_gdate (date, &d));

  g_strlcpy (self->date, date, sizeof self->date);
  dt = g_date_time_new_local (g_date_get_year (&d), g_date_get_month (&d), g_date_get_day (&d), 12, 0, 0);
  /* Translators: the date at the top of the Today page, see strftime(3) */
  label = g_date_time_format (dt, _("%A, %-d %B %Y"));
  gtk_label_set_text (self->date_label, g_strstrip (label));
  /* Translators: the date at the top of the Today page on a narrow window, see strftime(3) */
  short_label = g_date_time_format (dt, _("%a, %-d %b %Y"));
  gtk_label_set_text (self->date_short_label, g_strstrip (short_label));
  /* Translators: the date at the top of the Today page on a phone, see strftime(3) */
  shortest_label = g_date_time_format (dt, _("%-d %b"));
  gtk_label_set_text (self->date_shortest_label, g_strstrip (shortest_label));
  /* a screen reader hears the whole date, whichever is shown */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->date_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Choose a Day"),
                                  -1);

  self->setting = TRUE;
  gtk_calendar_select_day (self->calendar, dt);
  self->setting = FALSE;
}
