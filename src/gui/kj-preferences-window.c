/* kj-preferences-window.c — the profile of doc/data-model.md, “Profile”: name, knee, dates, review weeks, units;
 * the daily reminder; the pairs of shoes (kj-shoes-page.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every valid change is stored in the journal at once; a date that is not
 * a real date, a pain start in the future or after the treatment's start
 * marks its row, says why, and is not stored until it is mended. Each date
 * has a calendar beside it.
 */
#define G_LOG_DOMAIN "knee-journal-preferences"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "kj-a11y.h"
#include "kj-backup.h"
#include "kj-code-row.h"
#include "kj-episodes-group.h"
#include "kj-gtk-util.h"
#include "kj-preferences-window.h"
#include "kj-shoes-page.h"

struct _KjPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  KjStore              *store;
  KjProfile            *profile;
  gboolean              loading;
  guint                 save_source;

  AdwEntryRow          *name_row;
  AdwComboRow          *side_row;
  GtkWidget            *treatment_group;
  KjEpisodesGroup      *episodes_group;
  guint                 n_episodes;
  AdwEntryRow          *injury_row;
  AdwEntryRow          *start_row;
  GtkSpinButton        *weeks_spin;
  AdwComboRow          *units_row;
  GtkLabel             *error_label;
  GtkPopover           *injury_popover;
  GtkCalendar          *injury_calendar;
  GtkPopover           *start_popover;
  GtkCalendar          *start_calendar;
  gboolean              syncing_calendar;
  GtkListBox           *backups_list;
  GtkWidget            *reminder_group;
  GtkSwitch            *reminder_switch;
  GtkWidget            *reminder_time_row;
  GtkSpinButton        *hour_spin;
  GtkSpinButton        *minute_spin;
  GSettings            *settings;          /* the reminder's; only the default journal's window */
  KjShoesPage          *shoes_page;
  gboolean              syncing_time;
};

G_DEFINE_FINAL_TYPE (KjPreferencesWindow, kj_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROFILE_CHANGED,
  JOURNAL_RESTORED,
  SHOES_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Why @text is not a date, in words: a date that does not exist says so
 * (“2026-02-30” does not exist: February 2026 has 28 days). */
static char *
describe_bad_date (const char *text)
{
  unsigned year, month, day;
  char rest;

  if (strlen (text) == 10 && text[4] == '-' && text[7] == '-' &&
      sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &rest) == 3 &&
      g_ascii_isdigit (text[5]) && g_ascii_isdigit (text[8]) && year >= 1)
    {
      if (month < 1 || month > 12)
        /* Translators: “2026-13-01” does not exist: a year has 12 months. */
        return g_strdup_printf (_("“%s” does not exist: a year has 12 months."), text);

      if (day < 1 || day > g_date_get_days_in_month (month, year))
        {
          guint n_days = g_date_get_days_in_month (month, year);
          g_autoptr(GDateTime) first = g_date_time_new_utc (year, month, 1, 0, 0, 0);
          /* Translators: a month and its year, “February 2026”, see strftime(3) */
          g_autofree char *month_name = first ? g_date_time_format (first, _("%B %Y")) : g_strdup ("");

          /* Translators: “2026-02-30” does not exist: February 2026 has 28 days. */
          return g_strdup_printf (ngettext ("“%s” does not exist: %s has %u day.",
                                            "“%s” does not exist: %s has %u days.", n_days),
                                  text, month_name, n_days);
        }
    }

  return g_strdup (_("Write dates as year-month-day, for example 2026-03-04."));
}

static void
mark_row (AdwEntryRow *row,
          gboolean     wrong)
{
  if (wrong)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

/* Empty is "not known"; anything else must be a real date. What is wrong
 * is added to @problems. */
static gboolean
read_date (AdwEntryRow  *row,
           char        **out,
           GPtrArray    *problems)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  g_clear_pointer (out, g_free);
  mark_row (row, FALSE);
  if (text[0] == '\0')
    return TRUE;

  if (!kj_date_is_valid (text))
    {
      mark_row (row, TRUE);
      g_ptr_array_add (problems, describe_bad_date (text));
      return FALSE;
    }

  *out = g_steal_pointer (&text);
  return TRUE;
}

/* The pain cannot start in the future, nor after the treatment of it. */
static gboolean
check_dates (KjPreferencesWindow *self,
             GPtrArray           *problems)
{
  g_autofree char *today = kj_date_today ();
  const char *injury = self->profile->injury_date;
  const char *start = self->profile->treatment_start;

  if (injury != NULL && strcmp (injury, today) > 0)
    {
      mark_row (self->injury_row, TRUE);
      g_ptr_array_add (problems, g_strdup (_("The pain cannot have started in the future.")));
      return FALSE;
    }

  if (injury != NULL && start != NULL && strcmp (injury, start) > 0)
    {
      mark_row (self->injury_row, TRUE);
      mark_row (self->start_row, TRUE);
      /* Translators: %s is the day the treatment started, 2026-03-04 */
      g_ptr_array_add (problems, g_strdup_printf (_("The pain cannot have started after the treatment, which started on %s."),
                                                  start));
      return FALSE;
    }

  return TRUE;
}

static void
show_problems (KjPreferencesWindow *self,
               GPtrArray           *problems)
{
  g_autofree char *text = NULL;

  g_ptr_array_add (problems, NULL);
  text = g_strjoinv ("\n", (char **) problems->pdata);
  gtk_label_set_text (self->error_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
apply (KjPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  gboolean dates_ok;

  g_clear_handle_id (&self->save_source, g_source_remove);

  g_free (self->profile->name);
  self->profile->name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  self->profile->affected_side = kj_code_row_get_code (self->side_row, KJ_CODE_AFFECTED_SIDE);
  /* with more than one episode the rows of the first are hidden: the list edits them */
  if (self->n_episodes > 1)
    self->profile->affected_side = NULL;
  self->profile->units = kj_code_row_get_code (self->units_row, KJ_CODE_UNITS);
  self->profile->review_weeks = gtk_spin_button_get_value_as_int (self->weeks_spin);
  dates_ok = read_date (self->injury_row, &self->profile->injury_date, problems);
  dates_ok &= read_date (self->start_row, &self->profile->treatment_start, problems);

  if (!dates_ok || !check_dates (self, problems))
    {
      show_problems (self, problems);
      return;
    }

  if (!kj_store_set_profile (self->store, self->profile, &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  if (self->shoes_page != NULL)
    kj_shoes_page_reload (self->shoes_page);   /* the unit may have changed */
  kj_episodes_group_reload (self->episodes_group);   /* the first episode may have changed */
  g_signal_emit (self, signals[PROFILE_CHANGED], 0);
}

/* The calendar beside a date: it opens on the date written (else today)
 * and writes the day chosen into the entry. */
static void
calendar_popover_show (GtkPopover          *popover,
                       KjPreferencesWindow *self)
{
  GtkCalendar *calendar = GTK_CALENDAR (gtk_popover_get_child (popover));
  AdwEntryRow *row = popover == self->injury_popover ? self->injury_row : self->start_row;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr(GDateTime) dt = NULL;
  GDate date;

  if (kj_date_is_valid (text) && kj_date_to_gdate (text, &date))
    dt = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), 12, 0, 0);
  else
    dt = g_date_time_new_now_local ();

  self->syncing_calendar = TRUE;
  gtk_calendar_select_day (calendar, dt);
  self->syncing_calendar = FALSE;
}

static void
calendar_day_selected (GtkCalendar         *calendar,
                       KjPreferencesWindow *self)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *text = NULL;
  gboolean injury = calendar == self->injury_calendar;

  if (self->syncing_calendar)
    return;

  dt = gtk_calendar_get_date (calendar);
  text = g_date_time_format (dt, "%Y-%m-%d");
  gtk_editable_set_text (GTK_EDITABLE (injury ? self->injury_row : self->start_row), text);
  gtk_popover_popdown (injury ? self->injury_popover : self->start_popover);
}

static gboolean
apply_timeout (gpointer data)
{
  KjPreferencesWindow *self = data;

  self->save_source = 0;
  apply (self);

  return G_SOURCE_REMOVE;
}

/* Stored after a short pause, so that a field half-way through an edit is not. */
static void
changed (KjPreferencesWindow *self)
{
  if (self->loading)
    return;

  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (300, apply_timeout, self);
}

static gboolean
kj_preferences_window_close_request (GtkWindow *window)
{
  KjPreferencesWindow *self = KJ_PREFERENCES_WINDOW (window);

  if (self->save_source != 0)
    apply (self);

  return GTK_WINDOW_CLASS (kj_preferences_window_parent_class)->close_request (window);
}

static void
load_profile (KjPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->profile, kj_profile_free);
  self->profile = kj_store_get_profile (self->store, &error);
  if (self->profile == NULL)
    {
      self->profile = kj_profile_new ();
      gtk_label_set_text (self->error_label, error->message);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), self->profile->name ? self->profile->name : "");
  kj_code_row_setup (self->side_row, KJ_CODE_AFFECTED_SIDE, self->profile->affected_side);
  kj_code_row_setup (self->units_row, KJ_CODE_UNITS, self->profile->units);
  gtk_editable_set_text (GTK_EDITABLE (self->injury_row), self->profile->injury_date ? self->profile->injury_date : "");
  gtk_editable_set_text (GTK_EDITABLE (self->start_row), self->profile->treatment_start ? self->profile->treatment_start : "");
  gtk_spin_button_set_value (self->weeks_spin, self->profile->review_weeks);
  self->loading = FALSE;

  /* one episode: the familiar rows edit it; more: the list does (doc/data-model.md, “Episodes”) */
  {
    g_autoptr(GPtrArray) episodes = kj_store_list_episodes (self->store, NULL);

    self->n_episodes = episodes != NULL ? episodes->len : 0;
    gtk_widget_set_visible (self->treatment_group, self->n_episodes <= 1);
    gtk_widget_set_visible (GTK_WIDGET (self->side_row), self->n_episodes <= 1);
  }
}

/* An episode was added, changed or deleted: the rows of the first one follow */
static void
episodes_changed (KjPreferencesWindow *self)
{
  if (self->save_source != 0)
    apply (self);
  load_profile (self);
  g_signal_emit (self, signals[PROFILE_CHANGED], 0);
}

static void fill_backups (KjPreferencesWindow *self);

static void
shoes_changed (KjPreferencesWindow *self)
{
  g_signal_emit (self, signals[SHOES_CHANGED], 0);
}

static void
restore_response (AdwMessageDialog    *dialog,
                  const char          *response,
                  KjPreferencesWindow *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "path");
  g_autoptr(GError) error = NULL;
  g_autofree char *safety = NULL;

  if (!g_str_equal (response, "restore"))
    return;

  /* an edit waiting to be stored goes into the journal as it was */
  if (self->save_source != 0)
    apply (self);

  if (!kj_backup_restore (self->store, path, &safety, &error))
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
      return;
    }

  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (_("Backup restored")));
  load_profile (self);
  kj_episodes_group_reload (self->episodes_group);
  fill_backups (self);
  kj_shoes_page_reload (self->shoes_page);
  g_signal_emit (self, signals[JOURNAL_RESTORED], 0);
}

static void
restore_clicked (GtkButton           *button,
                 KjPreferencesWindow *self)
{
  const char *path = g_object_get_data (G_OBJECT (button), "path");
  const char *label = g_object_get_data (G_OBJECT (button), "label");
  g_autofree char *heading = g_strdup_printf (_("Restore the Backup of %s?"), label);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("Your journal will be replaced by this copy. The journal as it is now is saved as "
                                     "a backup first, so this can be undone by restoring that."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "restore", _("_Restore"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "path", g_strdup (path), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (restore_response), self);
  kj_a11y_name_buttons (dialog);
  kj_a11y_return_focus_on_close (GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static const char *
kind_label (KjBackupKind kind)
{
  switch (kind)
    {
    case KJ_BACKUP_KIND_DAILY:
      return _("Daily");
    case KJ_BACKUP_KIND_WEEKLY:
      return _("Weekly");
    case KJ_BACKUP_KIND_BEFORE_RESTORE:
      return _("The journal before a restore");
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
fill_backups (KjPreferencesWindow *self)
{
  g_autoptr(GPtrArray) backups = kj_backup_list (kj_store_get_path (self->store));

  kj_list_box_clear (self->backups_list);

  for (guint i = 0; i < backups->len; i++)
    {
      const KjBackupInfo *info = g_ptr_array_index (backups, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore…"));
      g_autofree char *size = g_format_size (info->size);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", kind_label (info->kind), size);
      g_autofree char *name = g_strdup_printf (_("Restore the backup of %s"), info->date);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), info->date);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      g_object_set_data_full (G_OBJECT (button), "path", g_strdup (info->path), g_free);
      g_object_set_data_full (G_OBJECT (button), "label", g_strdup (info->date), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (restore_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->backups_list, row);
    }

  if (backups->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No backups yet"));
      gtk_list_box_append (self->backups_list, row);
    }
}

/* The reminder's time as two-digit hours and minutes */
static gboolean
two_digits_output (GtkSpinButton *spin)
{
  char text[8];

  g_snprintf (text, sizeof text, "%02d", (int) gtk_spin_button_get_value (spin));
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);

  return TRUE;
}

static void
reminder_time_from_settings (KjPreferencesWindow *self)
{
  int minutes = g_settings_get_int (self->settings, "reminder-time");

  self->syncing_time = TRUE;
  gtk_spin_button_set_value (self->hour_spin, minutes / 60);
  gtk_spin_button_set_value (self->minute_spin, minutes % 60);
  self->syncing_time = FALSE;
}

static void
reminder_time_changed (KjPreferencesWindow *self)
{
  int minutes = gtk_spin_button_get_value_as_int (self->hour_spin) * 60 +
                gtk_spin_button_get_value_as_int (self->minute_spin);

  if (!self->syncing_time && minutes != g_settings_get_int (self->settings, "reminder-time"))
    g_settings_set_int (self->settings, "reminder-time", minutes);
}

/* The daily reminder is the default journal's (doc/architecture.md, “The
 * daily reminder”): the group is shown in that instance's window only. */
static void
setup_reminder (KjPreferencesWindow *self,
                GtkWindow           *parent)
{
  GtkApplication *app = parent != NULL ? gtk_window_get_application (parent) : NULL;

  if (app == NULL || g_strcmp0 (g_application_get_application_id (G_APPLICATION (app)), APP_ID) != 0)
    return;

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "reminder-enabled", self->reminder_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_object_bind_property (self->reminder_switch, "active", self->reminder_time_row, "sensitive",
                          G_BINDING_SYNC_CREATE);
  reminder_time_from_settings (self);
  g_signal_connect_object (self->settings, "changed::reminder-time", G_CALLBACK (reminder_time_from_settings), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_swapped (self->hour_spin, "value-changed", G_CALLBACK (reminder_time_changed), self);
  g_signal_connect_swapped (self->minute_spin, "value-changed", G_CALLBACK (reminder_time_changed), self);
  gtk_widget_set_visible (self->reminder_group, TRUE);
}

static void
kj_preferences_window_finalize (GObject *object)
{
  KjPreferencesWindow *self = (KjPreferencesWindow *) object;

  g_clear_object (&self->settings);
  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_pointer (&self->profile, kj_profile_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kj_preferences_window_parent_class)->finalize (object);
}

static void
kj_preferences_window_class_init (KjPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = kj_preferences_window_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = kj_preferences_window_close_request;

  /**
   * KjPreferencesWindow::profile-changed:
   *
   * A change of the profile was stored in the journal.
   */
  signals[PROFILE_CHANGED] = g_signal_new ("profile-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                           NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * KjPreferencesWindow::journal-restored:
   *
   * The whole journal was replaced by a backup.
   */
  signals[JOURNAL_RESTORED] = g_signal_new ("journal-restored", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                            NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * KjPreferencesWindow::shoes-changed:
   *
   * A pair of shoes was added, changed, retired or deleted.
   */
  signals[SHOES_CHANGED] = g_signal_new ("shoes-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (KJ_TYPE_SHOES_PAGE);
  g_type_ensure (KJ_TYPE_EPISODES_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/kj-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KjPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, KjPreferencesWindow, shoes_page);
  gtk_widget_class_bind_template_child (widget_class, KjPreferencesWindow, side_row);
  gtk_widget_class_bind_template_child (widget_class, KjPreferencesWindow, treatment_group);
  gtk_widget_class_bind_template_child (widget_class, KjPreferencesWindow, episodes_group);
  gtk_widget_class_bind_template_child (widget_class, KjPreferencesWindow, injury_row);
  gtk_widget_class_bind_template_child (widget_class, KjPreferencesWindow, start_row);
  gtk_widget_class_bind_template_child (widget_class, KjPreferencesWindow, weeks_spin);
  gtk_widget_class_bind_template_child (widget_class, KjPreferencesWindow, units_row);
  gtk_widget_class_bind_template_child (widget_class, KjPreferencesWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, KjPreferencesWindow, backups_list);
  gtk_widget_class_bind_template_child (widget_class, KjPreferencesWindow, injury_popover);
  gtk_widget_class_bind_template_child (widget_class, KjPreferencesWindow, injury_calendar);
  gtk_widget_class_bind_template_child (widget_class, KjPreferencesWindow, start_popover);
  gtk_widget_class_bind_template_child (widget_class, KjPreferencesWindow, start_calendar);
  gtk_widget_class_bind_template_child (widget_class, KjPreferencesWindow, reminder_group);
  gtk_widget_class_bind_template_child (widget_class, KjPreferencesWindow, reminder_switch);
  gtk_widget_class_bind_template_child (widget_class, KjPreferencesWindow, reminder_time_row);
  gtk_widget_class_bind_template_child (widget_class, KjPreferencesWindow, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, KjPreferencesWindow, minute_spin);
  gtk_widget_class_bind_template_callback (widget_class, calendar_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, calendar_day_selected);
}

/* AdwPreferencesWindow's own search entry, there even with search off, is
 * named by its type only */
static void
name_search_entry (GtkWidget *widget)
{
  if (GTK_IS_SEARCH_ENTRY (widget))
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Search preferences"), -1);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    name_search_entry (child);
}

static void
kj_preferences_window_init (KjPreferencesWindow *self)
{
  g_autoptr(GtkListItemFactory) side_factory = kj_a11y_string_factory_new ();
  g_autoptr(GtkListItemFactory) units_factory = kj_a11y_string_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  adw_combo_row_set_factory (self->side_row, side_factory);
  adw_combo_row_set_factory (self->units_row, units_factory);
  g_signal_connect (self->hour_spin, "output", G_CALLBACK (two_digits_output), NULL);
  g_signal_connect (self->minute_spin, "output", G_CALLBACK (two_digits_output), NULL);
  name_search_entry (GTK_WIDGET (self));
  kj_a11y_name_buttons (GTK_WIDGET (self));
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->name_row));
}

KjPreferencesWindow *
kj_preferences_window_new (GtkWindow *parent,
                           KjStore   *store)
{
  KjPreferencesWindow *self;

  g_return_val_if_fail (KJ_IS_STORE (store), NULL);

  self = g_object_new (KJ_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  load_profile (self);

  g_signal_connect_swapped (self->name_row, "changed", G_CALLBACK (changed), self);
  g_signal_connect_swapped (self->injury_row, "changed", G_CALLBACK (changed), self);
  g_signal_connect_swapped (self->start_row, "changed", G_CALLBACK (changed), self);
  g_signal_connect_swapped (self->side_row, "notify::selected", G_CALLBACK (changed), self);
  g_signal_connect_swapped (self->units_row, "notify::selected", G_CALLBACK (changed), self);
  g_signal_connect_swapped (self->weeks_spin, "value-changed", G_CALLBACK (changed), self);

  kj_episodes_group_set_store (self->episodes_group, store);
  g_signal_connect_object (self->episodes_group, "changed", G_CALLBACK (episodes_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->episodes_group, "toast", G_CALLBACK (adw_preferences_window_add_toast), self,
                           G_CONNECT_SWAPPED);

  kj_shoes_page_set_store (self->shoes_page, store);
  g_signal_connect_object (self->shoes_page, "changed", G_CALLBACK (shoes_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->shoes_page, "toast", G_CALLBACK (adw_preferences_window_add_toast), self,
                           G_CONNECT_SWAPPED);

  fill_backups (self);
  setup_reminder (self, parent);
  kj_a11y_return_focus_on_close (GTK_WINDOW (self));

  return self;
}

/* Lists the backups again: one was made while the window is open */
void
kj_preferences_window_refresh_backups (KjPreferencesWindow *self)
{
  g_return_if_fail (KJ_IS_PREFERENCES_WINDOW (self));

  fill_backups (self);
}
