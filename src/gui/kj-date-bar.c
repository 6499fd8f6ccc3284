/* kj-date-bar.c — the Today page's date: the days before and after, the date as long as there is room for, the calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The buttons ask the page by its actions (today.previous, today.next,
 * today.today), so they are enabled and disabled where the page decides; a
 * day picked in the calendar is told by ::date-chosen. The date is written
 * in three lengths and an AdwSqueezer shows the longest that fits; a screen
 * reader hears the whole date.
 *
 * The calendar marks the logged days of the month it shows (kj_calendar_read(),
 * one month at a time), read when it opens, when it turns to another month and
 * when the page stores or deletes a day while it is open. GtkCalendar has one
 * kind of mark, so a caption under it says how many days are logged and which
 * had a red flag, in words; the days' numbers are also styled, where GTK's
 * calendar has the children this expects (nothing happens where it does not).
 */
#define G_LOG_DOMAIN "knee-journal-today"

#include "config.h"

#include <glib/gi18n.h>

#include "kj-a11y.h"
#include "kj-calendar.h"
#include "kj-date-bar.h"
#include "kj-types.h"

struct _KjDateBar
{
  GtkWidget      parent_instance;

  char           date[11];
  gboolean       setting;
  KjStore       *store;

  /* a day picked in the calendar, told from the main loop unless a month or
   * year arrow turns out to have moved it (see calendar_day_selected()) */
  char           picked[11];
  guint          pick_source;
  gboolean       browsing;
  guint          browse_source;

  /* template widgets */
  GtkMenuButton *date_button;
  GtkLabel      *date_label;
  GtkLabel      *date_short_label;
  GtkLabel      *date_shortest_label;

  /* kj-date-bar-calendar.ui, made when the calendar first opens (ensure_calendar()) */
  GtkCalendar   *calendar;
  GtkPopover    *calendar_popover;
  GtkLabel      *calendar_caption;
};

G_DEFINE_FINAL_TYPE (KjDateBar, kj_date_bar, GTK_TYPE_WIDGET)

enum {
  DATE_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
tell_picked (gpointer data)
{
  KjDateBar *self = data;

  self->pick_source = 0;
  gtk_popover_popdown (self->calendar_popover);
  g_signal_emit (self, signals[DATE_CHOSEN], 0, self->picked);

  return G_SOURCE_REMOVE;
}

/* GtkCalendar moves its selected day with the month and year arrows, and
 * emits ::day-selected when the day's number changes on the way (31 December
 * to 30 November): that is browsing, not a pick. The arrows' own signals come
 * in the same call, before or after, so the pick is told from an idle that
 * they cancel. */
static void
calendar_day_selected (GtkCalendar *calendar,
                       KjDateBar   *self)
{
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (calendar);
  g_autofree char *date = g_date_time_format (dt, "%Y-%m-%d");

  if (self->setting || self->browsing || g_str_equal (date, self->date))
    return;

  g_strlcpy (self->picked, date, sizeof self->picked);
  if (self->pick_source == 0)
    self->pick_source = g_idle_add_full (G_PRIORITY_HIGH, tell_picked, self, NULL);
}

static gboolean
browsed (gpointer data)
{
  KjDateBar *self = data;

  self->browse_source = 0;
  self->browsing = FALSE;

  return G_SOURCE_REMOVE;
}

/* ::prev-month, ::next-month, ::prev-year, ::next-year */
static void
calendar_browsed (KjDateBar *self)
{
  g_clear_handle_id (&self->pick_source, g_source_remove);
  self->browsing = TRUE;
  if (self->browse_source == 0)
    self->browse_source = g_idle_add_full (G_PRIORITY_HIGH, browsed, self, NULL);
}

/* Marks */

/* GtkCalendar's day labels (GTK 4.8: labels of the class "day-number", those
 * of the months before and after also "other-month"): the logged days of the
 * month shown get the class "kj-logged-day", the red-flag days also
 * "kj-red-flag-day". GTK 4.8 shows no marks of its own: it sets :checked on
 * the labels by their number, whichever month they belong to, and keeps it
 * when the month changes, so style.css leaves :checked alone and these
 * classes make the marks visible. A calendar built another way has no such labels, and keeps its
 * marks and the caption. */
static void
style_days (GtkWidget      *widget,
            const gboolean *logged,
            const gboolean *red_flag)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_has_css_class (child, "day-number"))
        {
          guint64 day = g_ascii_strtoull (gtk_label_get_text (GTK_LABEL (child)), NULL, 10);
          gboolean this_month = !gtk_widget_has_css_class (child, "other-month") && day >= 1 && day <= 31;

          if (this_month && logged[day - 1])
            gtk_widget_add_css_class (child, "kj-logged-day");
          else
            gtk_widget_remove_css_class (child, "kj-logged-day");
          if (this_month && red_flag[day - 1])
            gtk_widget_add_css_class (child, "kj-red-flag-day");
          else
            gtk_widget_remove_css_class (child, "kj-red-flag-day");
        }
      else
        style_days (child, logged, red_flag);
    }
}

/* The caption: the logged days and the red-flag days of the month, in words */
static char *
marks_caption (GArray *calendar)
{
  GString *caption = g_string_new (NULL);
  g_autoptr(GPtrArray) red_flag_days = g_ptr_array_new_with_free_func (g_free);
  KjCalendarSummary summary;

  kj_calendar_summarize (calendar, &summary);
  g_string_printf (caption, ngettext ("%u day logged this month", "%u days logged this month", summary.n_logged),
                   summary.n_logged);

  for (guint i = 0; i < calendar->len; i++)
    {
      const KjCalendarDay *day = &g_array_index (calendar, KjCalendarDay, i);
      g_autoptr(GDateTime) dt = NULL;
      GDate d;

      if (day->red_flag == KJ_RED_FLAG_NONE || !kj_date_to_gdate (day->date, &d))
        continue;
      dt = g_date_time_new_local (g_date_get_year (&d), g_date_get_month (&d), g_date_get_day (&d), 12, 0, 0);
      /* the same short date as the Today page's on a phone */
      g_ptr_array_add (red_flag_days, g_strstrip (g_date_time_format (dt, _("%-d %b"))));
    }

  if (red_flag_days->len > 0)
    {
      g_autofree char *list = NULL;

      g_ptr_array_add (red_flag_days, NULL);
      list = g_strjoinv (", ", (char **) red_flag_days->pdata);
      g_string_append_c (caption, '\n');
      /* Translators: %s is a list of days, such as “3 Nov, 17 Nov” */
      g_string_append_printf (caption, ngettext ("Red flag on %s", "Red flags on %s", red_flag_days->len - 1), list);
    }

  return g_string_free (caption, FALSE);
}

static void
update_marks (KjDateBar *self)
{
  g_autoptr(GArray) calendar = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *caption = NULL;
  gboolean logged[31] = { FALSE };
  gboolean red_flag[31] = { FALSE };
  char from[11], to[11];
  int year, month;

  gtk_calendar_clear_marks (self->calendar);
  style_days (GTK_WIDGET (self->calendar), logged, red_flag);
  gtk_widget_set_visible (GTK_WIDGET (self->calendar_caption), FALSE);
  if (self->store == NULL)
    return;

  g_object_get (self->calendar, "year", &year, "month", &month, NULL);
  if (!g_date_valid_dmy (1, month + 1, year))
    return;
  kj_calendar_month_range (year, month + 1, from, to);
  if (!kj_date_is_valid (from) || !kj_date_is_valid (to))
    return;

  calendar = kj_calendar_read (self->store, from, to, &error);
  if (calendar == NULL)
    {
      g_warning ("Could not read the days of %s: %s", from, error->message);
      return;
    }

  for (guint i = 0; i < calendar->len; i++)
    {
      const KjCalendarDay *day = &g_array_index (calendar, KjCalendarDay, i);

      if (day->logged)
        gtk_calendar_mark_day (self->calendar, i + 1);
      logged[i] = day->logged;
      red_flag[i] = day->red_flag != KJ_RED_FLAG_NONE;
    }
  style_days (GTK_WIDGET (self->calendar), logged, red_flag);

  caption = marks_caption (calendar);
  gtk_label_set_text (self->calendar_caption, caption);
  gtk_widget_set_visible (GTK_WIDGET (self->calendar_caption), TRUE);
}

static void
calendar_month_changed (KjDateBar *self)
{
  if (self->calendar_popover != NULL && gtk_widget_get_visible (GTK_WIDGET (self->calendar_popover)))
    update_marks (self);
}

/* Shows self->date in the calendar, without telling it as a pick */
static void
select_date (KjDateBar *self)
{
  g_autoptr(GDateTime) dt = NULL;
  GDate d;

  if (self->calendar == NULL || !kj_date_to_gdate (self->date, &d))
    return;

  dt = g_date_time_new_local (g_date_get_year (&d), g_date_get_month (&d), g_date_get_day (&d), 12, 0, 0);
  self->setting = TRUE;
  gtk_calendar_select_day (self->calendar, dt);
  self->setting = FALSE;
}

/* The calendar and its popover (some sixty widgets) are made when the
 * calendar first opens, or is asked for: the window's first frame does not
 * wait for them. */
static void
ensure_calendar (KjDateBar *self)
{
  g_autoptr(GtkBuilderScope) scope = NULL;
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GError) error = NULL;

  if (self->calendar != NULL)
    return;

  scope = gtk_builder_cscope_new ();
  gtk_builder_cscope_add_callback_symbols (GTK_BUILDER_CSCOPE (scope),
                                           "calendar_day_selected", G_CALLBACK (calendar_day_selected),
                                           "calendar_month_changed", G_CALLBACK (calendar_month_changed),
                                           "calendar_browsed", G_CALLBACK (calendar_browsed),
                                           "update_marks", G_CALLBACK (update_marks),
                                           NULL);
  builder = gtk_builder_new ();
  gtk_builder_set_scope (builder, scope);
  gtk_builder_set_current_object (builder, G_OBJECT (self));
  /* as gtk_builder_new_from_resource(): the file is built in */
  if (!gtk_builder_add_from_resource (builder, RESOURCE_PREFIX "/kj-date-bar-calendar.ui", &error))
    g_error ("%s", error->message);

  self->calendar_popover = GTK_POPOVER (gtk_builder_get_object (builder, "calendar_popover"));
  self->calendar = GTK_CALENDAR (gtk_builder_get_object (builder, "calendar"));
  self->calendar_caption = GTK_LABEL (gtk_builder_get_object (builder, "calendar_caption"));
  gtk_menu_button_set_popover (self->date_button, GTK_WIDGET (self->calendar_popover));
  kj_a11y_name_buttons (GTK_WIDGET (self->calendar_popover));
  select_date (self);
}

static void
create_calendar (GtkMenuButton *button,
                 gpointer       data)
{
  ensure_calendar (data);
}

static void
kj_date_bar_dispose (GObject *object)
{
  KjDateBar *self = KJ_DATE_BAR (object);
  GtkWidget *child;

  /* the popover goes with its button */
  if (self->calendar != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->calendar, self);
      g_signal_handlers_disconnect_by_data (self->calendar_popover, self);
      self->calendar = NULL;
      self->calendar_popover = NULL;
      self->calendar_caption = NULL;
    }
  gtk_widget_dispose_template (GTK_WIDGET (object), KJ_TYPE_DATE_BAR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&KJ_DATE_BAR (object)->store);
  g_clear_handle_id (&KJ_DATE_BAR (object)->pick_source, g_source_remove);
  g_clear_handle_id (&KJ_DATE_BAR (object)->browse_source, g_source_remove);

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
}

static void
kj_date_bar_init (KjDateBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  kj_a11y_name_buttons (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->date_button, create_calendar, self, NULL);
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

  select_date (self);
}

/* The journal whose logged days the calendar marks */
void
kj_date_bar_set_store (KjDateBar *self,
                       KjStore   *store)
{
  g_return_if_fail (KJ_IS_DATE_BAR (self));
  g_return_if_fail (store == NULL || KJ_IS_STORE (store));

  g_set_object (&self->store, store);
  calendar_month_changed (self);
}

/* A day was stored or deleted: marks it (or not) at once if the calendar is open; else it reads the month when it
 * opens. */
void
kj_date_bar_update_marks (KjDateBar *self)
{
  g_return_if_fail (KJ_IS_DATE_BAR (self));

  calendar_month_changed (self);
}

GtkCalendar *
kj_date_bar_get_calendar (KjDateBar *self)
{
  g_return_val_if_fail (KJ_IS_DATE_BAR (self), NULL);

  ensure_calendar (self);

  return self->calendar;
}

GtkLabel *
kj_date_bar_get_calendar_caption (KjDateBar *self)
{
  g_return_val_if_fail (KJ_IS_DATE_BAR (self), NULL);

  ensure_calendar (self);

  return self->calendar_caption;
}
