/* kj-today-page.c — the Today page: one day's pain, places, symptoms and notes, and its records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page is made of sections, as GNOME Calendar's event editor is: the
 * date, the pain, the notes and the saving are its own; “Where It Hurts” is
 * #KjDayPlaces, the symptoms #KjDaySymptoms, the treatments and runs
 * #KjDayRecords. The sections tell the page by ::changed; it copies what
 * they hold into the day's entry and stores it.
 *
 * Every change is stored at once: edits of the day entry are saved after a
 * short pause (and before the page shows another day), treatments and runs
 * when their editor closes. Deleting anything offers Undo, which stores the
 * very same record again, id and all. The page's actions, and “Same as
 * Yesterday”, are in kj-today-page-actions.c.
 */
#define G_LOG_DOMAIN "knee-journal-today"

#include "config.h"

#include <glib/gi18n.h>

#include "kj-a11y.h"
#include "kj-gtk-util.h"
#include "kj-questionnaire-dialog.h"
#include "kj-today-page-private.h"
#include "kj-warnings.h"

#define SAVE_DELAY_MS 400
#define RETRY_DELAY_MS 3000
#define RETRY_BUSY_TIMEOUT_MS 100


G_DEFINE_FINAL_TYPE (KjTodayPage, kj_today_page, GTK_TYPE_WIDGET)

enum {
  TOAST,
  DAY_CHANGED,
  QUESTIONNAIRE_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void load_date (KjTodayPage *self);

void
_kj_today_page_show_toast (KjTodayPage *self,
            AdwToast    *toast)
{
  g_signal_emit (self, signals[TOAST], 0, toast);
}

void
_kj_today_page_show_message (KjTodayPage *self,
              const char  *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 6);
  _kj_today_page_show_toast (self, toast);
}

/* After a change was stored: the date read again, and the window told */
void
_kj_today_page_stored (KjTodayPage *self)
{
  load_date (self);
  g_signal_emit (self, signals[DAY_CHANGED], 0, self->date);
}

/* Saving */

static gboolean save_timeout (gpointer data);

/* A failed save (the disk full, the journal locked or read-only) keeps the
 * edit on screen and is tried again every 3 seconds, waiting at most 0.1 s
 * for a lock, and by the next change, until it is stored. */
static gboolean
save_now (KjTodayPage *self)
{
  g_autoptr(GError) error = NULL;
  gboolean saved;

  g_clear_handle_id (&self->save_source, g_source_remove);

  if (self->day == NULL || self->store == NULL)
    {
      self->unsaved = FALSE;
      return G_SOURCE_REMOVE;
    }

  /* a retry waits only briefly for a lock, so that the window stays responsive */
  if (self->save_failed)
    kj_store_set_busy_timeout (self->store, RETRY_BUSY_TIMEOUT_MS);
  saved = kj_store_save_day (self->store, self->day, &error);
  kj_store_set_busy_timeout (self->store, -1);

  if (!saved)
    {
      g_autofree char *message = g_strdup_printf (_("Your change could not be saved: %s It stays here and is "
                                                    "saved as soon as possible."), error->message);

      gtk_label_set_text (self->save_error_label, message);
      gtk_revealer_set_reveal_child (self->save_error_revealer, TRUE);
      self->save_failed = TRUE;
      g_free (self->save_error);
      self->save_error = g_strdup (error->message);
      self->save_source = g_timeout_add (RETRY_DELAY_MS, save_timeout, self);
      return G_SOURCE_REMOVE;
    }

  self->unsaved = FALSE;
  if (self->save_failed)
    {
      self->save_failed = FALSE;
      g_clear_pointer (&self->save_error, g_free);
      gtk_revealer_set_reveal_child (self->save_error_revealer, FALSE);
      _kj_today_page_show_message (self, _("Your change is saved now"));
    }

  kj_missed_day_refresh (self->missed_day, self->store);
  g_signal_emit (self, signals[DAY_CHANGED], 0, self->date);

  return G_SOURCE_REMOVE;
}

static gboolean
save_timeout (gpointer data)
{
  KjTodayPage *self = data;

  self->save_source = 0;
  save_now (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_save (KjTodayPage *self)
{
  if (self->loading || self->day == NULL)
    return;

  self->unsaved = TRUE;
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout, self);
}

/**
 * kj_today_page_flush:
 *
 * Stores a pending change at once (before another day is shown, the window
 * closes, or the journal is read elsewhere).
 *
 * Returns: %FALSE if a change could not be stored and is still on screen
 */
gboolean
kj_today_page_flush (KjTodayPage *self)
{
  g_return_val_if_fail (KJ_IS_TODAY_PAGE (self), TRUE);

  if (self->unsaved)
    save_now (self);

  return !self->unsaved;
}

/**
 * kj_today_page_get_save_error:
 *
 * Returns: (nullable): why the change on screen could not be stored, while
 *   it could not
 */
const char *
kj_today_page_get_save_error (KjTodayPage *self)
{
  g_return_val_if_fail (KJ_IS_TODAY_PAGE (self), NULL);

  return self->unsaved ? self->save_error : NULL;
}

/* Red flags */

/* The day's flag by kj_warnings_day_red_flags(), given the six days before it
 * as stored and this day as it is on screen; this only shows it. */
static void
update_red_flag (KjTodayPage *self)
{
  g_autoptr(GPtrArray) before = NULL;
  KjRedFlagLevel level = KJ_RED_FLAG_NONE;

  /* shown in the symptoms' section: none before it is made (ensure_rest()) */
  if (self->symptoms == NULL)
    return;

  if (self->day != NULL)
    {
      char from[11], to[11];

      kj_date_add_days (self->date, -6, from);
      kj_date_add_days (self->date, -1, to);
      before = kj_store_list_days (self->store, from, to, NULL);
      level = kj_warnings_day_red_flags (self->day,
                                      before != NULL ? (KjDay *const *) before->pdata : NULL,
                                      before != NULL ? before->len : 0,
                                      NULL);
    }

  kj_day_symptoms_set_red_flag (self->symptoms, level);
}

/* The form, from and to self->day */

static void
places_changed (KjTodayPage *self)
{
  const GArray *locations = kj_day_places_get_locations (self->places);

  if (self->loading || self->day == NULL)
    return;

  g_array_set_size (self->day->locations, 0);
  g_array_append_vals (self->day->locations, locations->data, locations->len);
  schedule_save (self);
}

static void
symptoms_changed (KjTodayPage *self)
{
  if (self->loading || self->day == NULL)
    return;

  g_ptr_array_set_size (self->day->symptoms, 0);
  g_ptr_array_set_size (self->day->aggravators, 0);
  g_ptr_array_extend (self->day->symptoms, (GPtrArray *) kj_day_symptoms_get_symptoms (self->symptoms), NULL, NULL);
  g_ptr_array_extend (self->day->aggravators, (GPtrArray *) kj_day_symptoms_get_aggravators (self->symptoms),
                      NULL, NULL);

  update_red_flag (self);
  schedule_save (self);
}

static void
pain_changed (KjTodayPage *self)
{
  int pain = (int) gtk_adjustment_get_value (self->pain_adjustment);
  g_autofree char *text = g_strdup_printf ("%d", pain);

  gtk_label_set_text (self->pain_value_label, text);

  /* the worst pain is never below the day's pain */
  gtk_adjustment_set_lower (self->worst_adjustment, pain);
  if (gtk_adjustment_get_value (self->worst_adjustment) < pain)
    gtk_adjustment_set_value (self->worst_adjustment, pain);

  if (self->loading || self->day == NULL)
    return;

  self->day->pain = pain;
  if (self->day->pain_worst != KJ_UNSET)
    self->day->pain_worst = MAX (self->day->pain_worst, pain);
  schedule_save (self);
}

/* A digit typed on the quick pain buttons logs that pain; on a pain scale it
 * sets the scale: “3” is one key press, not three arrows and Space. “1”
 * then “0” within a second and a half is 10, not 0. */
static gboolean
digit_pressed (GtkEventControllerKey *controller,
               guint                  keyval,
               guint                  keycode,
               GdkModifierType        state,
               KjTodayPage           *self)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  gint64 now;
  guint digit;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;
  if (keyval >= GDK_KEY_0 && keyval <= GDK_KEY_9)
    digit = keyval - GDK_KEY_0;
  else if (keyval >= GDK_KEY_KP_0 && keyval <= GDK_KEY_KP_9)
    digit = keyval - GDK_KEY_KP_0;
  else
    return FALSE;

  now = g_get_monotonic_time ();
  if (digit == 0 && self->last_digit == 1 && now - self->last_digit_time < 1500 * G_TIME_SPAN_MILLISECOND)
    digit = 10;
  self->last_digit = digit;
  self->last_digit_time = now;

  if (GTK_IS_RANGE (widget))
    gtk_range_set_value (GTK_RANGE (widget), digit);
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "today.log-pain", "u", digit);

  return TRUE;
}

static void
add_digit_keys (KjTodayPage *self,
                GtkWidget   *widget)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  g_signal_connect (keys, "key-pressed", G_CALLBACK (digit_pressed), self);
  gtk_widget_add_controller (widget, keys);
}

/* A screen reader says “4 of 10”, not “4” */
static void
update_value_text (GtkAdjustment *adjustment,
                   GtkScale      *scale)
{
  /* Translators: the value of a pain scale, as a screen reader says it */
  g_autofree char *text = g_strdup_printf (_("%d of 10"), (int) gtk_adjustment_get_value (adjustment));

  gtk_accessible_update_property (GTK_ACCESSIBLE (scale), GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text, -1);
}

static void
worst_changed (KjTodayPage *self)
{
  if (self->loading || self->day == NULL)
    return;

  if (adw_expander_row_get_enable_expansion (self->worst_row))
    self->day->pain_worst = MAX ((int) gtk_adjustment_get_value (self->worst_adjustment), self->day->pain);
  else
    self->day->pain_worst = KJ_UNSET;

  schedule_save (self);
}

static void
notes_changed (KjTodayPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;

  if (self->loading || self->day == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  g_free (self->day->notes);
  self->day->notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  if (g_utf8_strlen (self->day->notes, -1) > KJ_DAY_NOTES_MAX)
    {
      g_autofree char *message = g_strdup_printf (ngettext ("Notes can hold up to %d character; the rest is not saved.",
                                                            "Notes can hold up to %d characters; the rest is not saved.",
                                                            KJ_DAY_NOTES_MAX),
                                                  KJ_DAY_NOTES_MAX);
      char *cut = g_utf8_offset_to_pointer (self->day->notes, KJ_DAY_NOTES_MAX);

      *cut = '\0';
      _kj_today_page_show_message (self, message);
    }

  schedule_save (self);
}

/* The page asking for the pain, on a day with treatments or runs but no entry */

static void
update_empty_page (KjTodayPage *self)
{
  /* asked only for a day without an entry, the page they show on: on a day with
   * one they are read when their section is first shown */
  gboolean has_records = self->day == NULL && kj_day_records_get_has_records (self->records);

  kj_day_routine_update (self->routine, self->store, self->date, self->day == NULL && !has_records);

  if (has_records)
    adw_status_page_set_description (self->empty_page,
                                     _("No pain rating for this day yet. Choose the pain you had most of the day, "
                                       "from 0 (no pain) to 10 (worst imaginable); the treatments and runs below "
                                       "stay as they are."));
  else
    adw_status_page_set_description (self->empty_page,
                                     _("Choose the pain you had most of the day, from 0 (no pain) to 10 (worst "
                                       "imaginable). You can add where it hurts, treatments and runs next."));
}

/* The records section */

static void
records_changed (KjTodayPage *self)
{
  g_signal_emit (self, signals[DAY_CHANGED], 0, self->date);
}

static void
records_dialog_opening (KjTodayPage *self)
{
  kj_today_page_flush (self);
}

/* “Log Yesterday” on the offer of a missed day: the day, ready for its pain */
static void
missed_day_log (KjTodayPage *self,
                const char  *date)
{
  kj_today_page_set_date (self, date);
  kj_today_page_focus_pain (self);
}

/* The weekly questionnaire: its card's Start, and the card again once it is saved */
static void
questionnaire_saved (KjTodayPage *self)
{
  kj_questionnaire_card_update (self->questionnaire_card, self->store, self->date);
  _kj_today_page_show_toast (self, adw_toast_new (_("Questionnaire saved")));
  g_signal_emit (self, signals[QUESTIONNAIRE_SAVED], 0);
}

static void
questionnaire_start (KjTodayPage *self,
                     const char  *date)
{
  KjQuestionnaireDialog *dialog;

  if (self->store == NULL)
    return;

  dialog = kj_questionnaire_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->store, date,
                                        NULL);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (questionnaire_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Loading a date */

/* The symptoms and the notes, once they are made (ensure_rest()) */
static void
fill_rest (KjTodayPage *self)
{
  if (self->symptoms == NULL)
    return;

  kj_day_symptoms_set_codes (self->symptoms, self->day->symptoms, self->day->aggravators);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), self->day->notes ? self->day->notes : "", -1);
}

static void
fill_form (KjTodayPage *self)
{
  gtk_adjustment_set_value (self->pain_adjustment, self->day->pain);
  pain_changed (self);
  adw_expander_row_set_enable_expansion (self->worst_row, self->day->pain_worst != KJ_UNSET);
  gtk_adjustment_set_value (self->worst_adjustment,
                            self->day->pain_worst != KJ_UNSET ? self->day->pain_worst : self->day->pain);
  fill_rest (self);
}

/* Treatments and runs are shown on a day without a pain entry too: their
 * section moves between the entry's form and the page asking for the pain. */
static void
place_records (KjTodayPage *self,
               GtkBox      *slot)
{
  GtkWidget *records = GTK_WIDGET (self->records);
  GtkWidget *parent = gtk_widget_get_parent (records);

  if (parent == GTK_WIDGET (slot))
    return;

  g_object_ref (records);
  gtk_box_remove (GTK_BOX (parent), records);
  gtk_box_append (slot, records);
  g_object_unref (records);
}

/* Which episode(s) the day belongs to, said when the journal has more than
 * one; the knee drawing starts on the side of the day's current episode */
static void
update_episode (KjTodayPage *self)
{
  g_autoptr(GPtrArray) episodes = self->store ? kj_store_list_episodes (self->store, NULL) : NULL;
  g_autoptr(GPtrArray) on = NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  const KjEpisode *current;

  if (episodes == NULL)
    return;

  if ((current = kj_episodes_get_current (episodes, self->date)) != NULL)
    kj_day_places_set_side (self->places, g_strcmp0 (current->side, "left") == 0 ? KJ_SIDE_LEFT : KJ_SIDE_RIGHT);

  gtk_widget_set_visible (GTK_WIDGET (self->episode_label), episodes->len > 1);
  if (episodes->len < 2)
    return;

  on = kj_episodes_on_date (episodes, self->date);
  for (guint i = 0; i < on->len; i++)
    {
      g_autofree char *title = kj_episode_dup_title (g_ptr_array_index (on, i));

      if (i > 0)
        /* Translators: between the names of two episodes of one day */
        g_string_append (names, _(" · "));
      g_string_append (names, title);
    }

  if (on->len == 0)
    gtk_label_set_text (self->episode_label, _("This day belongs to no episode."));
  else
    {
      /* Translators: “Episode: Left knee — ITB”, or several joined by “ · ” */
      g_autofree char *text = g_strdup_printf (ngettext ("Episode: %s", "Episodes: %s", on->len), names->str);

      gtk_label_set_text (self->episode_label, text);
    }
}

/* The pain buttons of a day without an entry, made when they are first
 * mapped: a window that opens on a logged day does not wait for them. */
static void
ensure_quick_pain_buttons (KjTodayPage *self)
{
  if (gtk_widget_get_first_child (GTK_WIDGET (self->quick_pain_box)) != NULL)
    return;

  for (guint pain = 0; pain <= 10; pain++)
    {
      g_autofree char *text = g_strdup_printf ("%u", pain);
      /* Translators: the accessible name of a quick pain button */
      g_autofree char *name = g_strdup_printf (_("Pain %u of 10"), pain);
      GtkWidget *button = gtk_button_new_with_label (text);

      kj_gtk_set_tooltip_text (button, name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "today.log-pain");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", pain);
      gtk_widget_add_css_class (button, "kj-pain-button");
      gtk_box_append (self->quick_pain_box, button);
    }
}

static void
load_date (KjTodayPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *today = kj_date_today ();

  self->loading = TRUE;
  g_clear_pointer (&self->day, kj_day_free);
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->unsaved = FALSE;
  self->save_failed = FALSE;
  g_clear_pointer (&self->save_error, g_free);
  gtk_revealer_set_reveal_child (self->save_error_revealer, FALSE);

  kj_date_bar_set_date (self->date_bar, self->date);
  update_episode (self);

  {
    char previous[11];

    /* the first day a journal can hold (kj_date_is_valid()) has none before it */
    kj_date_add_days (self->date, -1, previous);
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "today.previous", kj_date_is_valid (previous));
  }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "today.next", strcmp (self->date, today) < 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "today.today", strcmp (self->date, today) != 0);

  if (self->store != NULL)
    self->day = kj_store_get_day (self->store, self->date, &error);
  if (error != NULL)
    _kj_today_page_show_message (self, error->message);
  kj_missed_day_refresh (self->missed_day, self->store);
  kj_questionnaire_card_update (self->questionnaire_card, self->store, self->date);

  /* the records of the day shown, with or without a pain entry */
  kj_day_records_set_date (self->records, self->date);
  update_empty_page (self);

  if (self->day != NULL)
    {
      fill_form (self);
      place_records (self, self->entry_records_slot);
      gtk_stack_set_visible_child_name (self->stack, "entry");
    }
  else if (strcmp (self->date, today) > 0)
    gtk_stack_set_visible_child_name (self->stack, "future");
  else
    {
      place_records (self, self->empty_records_slot);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "today.delete-entry", self->day != NULL);
  kj_day_places_set_locations (self->places, self->day != NULL ? self->day->locations : NULL);
  update_red_flag (self);

  self->loading = FALSE;
}

/* A day picked in the date bar's calendar */
static void
date_chosen (KjTodayPage *self,
             const char  *date)
{
  if (!self->loading)
    kj_today_page_set_date (self, date);
}

/* The page's first frame has what the first screen shows. The sections
 * below it (symptoms, treatments and runs, notes) follow when the main loop
 * is idle after that frame: a window on a journal of years appears sooner
 * (tests/bench-start.c), and the sections are there before a hand reaches
 * the scroll bar. The symptoms, the notes and the delete button are only
 * made then, from kj-today-page-rest.ui; anything that asks for them sooner
 * makes them at once. */
static void
ensure_rest (KjTodayPage *self)
{
  g_autoptr(GtkBuilderScope) scope = NULL;
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GError) error = NULL;
  gboolean loading = self->loading;
  GtkWidget *delete_button;

  /* made, or the page is disposed */
  if (self->symptoms != NULL || self->rest_box == NULL)
    return;

  scope = gtk_builder_cscope_new ();
  gtk_builder_cscope_add_callback_symbol (GTK_BUILDER_CSCOPE (scope), "symptoms_changed",
                                          G_CALLBACK (symptoms_changed));
  builder = gtk_builder_new ();
  gtk_builder_set_scope (builder, scope);
  gtk_builder_set_current_object (builder, G_OBJECT (self));
  /* as gtk_builder_new_from_resource(): the file is built in */
  if (!gtk_builder_add_from_resource (builder, RESOURCE_PREFIX "/kj-today-page-rest.ui", &error))
    g_error ("%s", error->message);

  self->symptoms = KJ_DAY_SYMPTOMS (gtk_builder_get_object (builder, "symptoms"));
  self->notes_view = GTK_TEXT_VIEW (gtk_builder_get_object (builder, "notes_view"));
  delete_button = GTK_WIDGET (gtk_builder_get_object (builder, "delete_button"));
  gtk_box_prepend (self->rest_box, GTK_WIDGET (self->symptoms));
  gtk_box_append (self->rest_box, GTK_WIDGET (gtk_builder_get_object (builder, "notes_box")));
  gtk_box_append (self->rest_box, delete_button);
  kj_a11y_name_buttons (delete_button);

  self->loading = TRUE;
  if (self->day != NULL)
    fill_rest (self);
  update_red_flag (self);
  self->loading = loading;
  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed", G_CALLBACK (notes_changed), self,
                           G_CONNECT_SWAPPED);
}

static gboolean
show_rest (gpointer data)
{
  KjTodayPage *self = data;

  self->rest_source = 0;
  ensure_rest (self);
  gtk_widget_set_visible (GTK_WIDGET (self->rest_box), TRUE);

  return G_SOURCE_REMOVE;
}

static gboolean
first_tick (GtkWidget     *widget,
            GdkFrameClock *clock,
            gpointer       data)
{
  KjTodayPage *self = KJ_TODAY_PAGE (widget);

  self->rest_tick = 0;
  if (self->rest_source == 0)
    self->rest_source = g_idle_add (show_rest, self);

  return G_SOURCE_REMOVE;
}

static void
kj_today_page_map (GtkWidget *widget)
{
  KjTodayPage *self = KJ_TODAY_PAGE (widget);

  GTK_WIDGET_CLASS (kj_today_page_parent_class)->map (widget);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->rest_box)) && self->rest_tick == 0 && self->rest_source == 0)
    self->rest_tick = gtk_widget_add_tick_callback (widget, first_tick, NULL, NULL);
}

static void
kj_today_page_unrealize (GtkWidget *widget)
{
  KjTodayPage *self = KJ_TODAY_PAGE (widget);

  /* the tick goes with the frame clock; the next map asks again */
  self->rest_tick = 0;

  GTK_WIDGET_CLASS (kj_today_page_parent_class)->unrealize (widget);
}

/* GObject */

static void
kj_today_page_dispose (GObject *object)
{
  KjTodayPage *self = KJ_TODAY_PAGE (object);

  GtkWidget *child;

  g_clear_handle_id (&self->rest_source, g_source_remove);

  kj_today_page_flush (self);
  /* children of rest_box, which goes with the template */
  self->symptoms = NULL;
  self->notes_view = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), KJ_TYPE_TODAY_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (kj_today_page_parent_class)->dispose (object);
}

static void
kj_today_page_finalize (GObject *object)
{
  KjTodayPage *self = KJ_TODAY_PAGE (object);

  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_pointer (&self->day, kj_day_free);
  g_clear_pointer (&self->save_error, g_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kj_today_page_parent_class)->finalize (object);
}

static void
kj_today_page_class_init (KjTodayPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kj_today_page_dispose;
  object_class->finalize = kj_today_page_finalize;
  widget_class->map = kj_today_page_map;
  widget_class->unrealize = kj_today_page_unrealize;

  /**
   * KjTodayPage::toast:
   * @toast: an #AdwToast to show
   */
  signals[TOAST] = g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  /**
   * KjTodayPage::day-changed:
   * @date: the date whose records were stored or deleted
   */
  signals[DAY_CHANGED] = g_signal_new ("day-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                       NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * KjTodayPage::questionnaire-saved:
   *
   * A weekly questionnaire was stored from the page's card.
   */
  signals[QUESTIONNAIRE_SAVED] = g_signal_new ("questionnaire-saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                               0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (KJ_TYPE_QUESTIONNAIRE_CARD);
  g_type_ensure (KJ_TYPE_DATE_BAR);
  g_type_ensure (KJ_TYPE_DAY_PLACES);
  g_type_ensure (KJ_TYPE_DAY_RECORDS);
  g_type_ensure (KJ_TYPE_DAY_ROUTINE);
  g_type_ensure (KJ_TYPE_DAY_SYMPTOMS);
  g_type_ensure (KJ_TYPE_MISSED_DAY);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/kj-today-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KjTodayPage, stack);
  gtk_widget_class_bind_template_child (widget_class, KjTodayPage, date_bar);
  gtk_widget_class_bind_template_child (widget_class, KjTodayPage, episode_label);
  gtk_widget_class_bind_template_child (widget_class, KjTodayPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, KjTodayPage, records);
  gtk_widget_class_bind_template_child (widget_class, KjTodayPage, routine);
  gtk_widget_class_bind_template_child (widget_class, KjTodayPage, entry_records_slot);
  gtk_widget_class_bind_template_child (widget_class, KjTodayPage, rest_box);
  gtk_widget_class_bind_template_child (widget_class, KjTodayPage, empty_records_slot);
  gtk_widget_class_bind_template_child (widget_class, KjTodayPage, quick_pain_box);
  gtk_widget_class_bind_template_child (widget_class, KjTodayPage, pain_scale);
  gtk_widget_class_bind_template_child (widget_class, KjTodayPage, worst_scale);
  gtk_widget_class_bind_template_child (widget_class, KjTodayPage, pain_adjustment);
  gtk_widget_class_bind_template_child (widget_class, KjTodayPage, worst_adjustment);
  gtk_widget_class_bind_template_child (widget_class, KjTodayPage, pain_value_label);
  gtk_widget_class_bind_template_child (widget_class, KjTodayPage, worst_row);
  gtk_widget_class_bind_template_child (widget_class, KjTodayPage, places);
  gtk_widget_class_bind_template_child (widget_class, KjTodayPage, save_error_revealer);
  gtk_widget_class_bind_template_child (widget_class, KjTodayPage, save_error_label);
  gtk_widget_class_bind_template_child (widget_class, KjTodayPage, missed_day);
  gtk_widget_class_bind_template_child (widget_class, KjTodayPage, questionnaire_card);
  gtk_widget_class_bind_template_callback (widget_class, date_chosen);
  gtk_widget_class_bind_template_callback (widget_class, missed_day_log);
  gtk_widget_class_bind_template_callback (widget_class, questionnaire_start);

  _kj_today_page_class_actions_init (widget_class);

  /* the section's actions (kj-day-records.c), from anywhere on the page */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "today.add-treatment", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "today.add-run", NULL);
}

static void
kj_today_page_init (KjTodayPage *self)
{
  g_autofree char *today = kj_date_today ();

  gtk_widget_init_template (GTK_WIDGET (self));

  for (int i = 0; i <= 10; i++)
    {
      g_autofree char *mark = g_strdup_printf ("%d", i);

      gtk_scale_add_mark (self->pain_scale, i, GTK_POS_BOTTOM, mark);
    }

  add_digit_keys (self, GTK_WIDGET (self->quick_pain_box));
  g_signal_connect_swapped (self->quick_pain_box, "map", G_CALLBACK (ensure_quick_pain_buttons), self);
  add_digit_keys (self, GTK_WIDGET (self->pain_scale));
  add_digit_keys (self, GTK_WIDGET (self->worst_scale));
  g_signal_connect (self->pain_adjustment, "value-changed", G_CALLBACK (update_value_text), self->pain_scale);
  g_signal_connect (self->worst_adjustment, "value-changed", G_CALLBACK (update_value_text), self->worst_scale);
  update_value_text (self->pain_adjustment, self->pain_scale);
  update_value_text (self->worst_adjustment, self->worst_scale);
  g_signal_connect_swapped (self->pain_adjustment, "value-changed", G_CALLBACK (pain_changed), self);
  g_signal_connect_swapped (self->worst_adjustment, "value-changed", G_CALLBACK (worst_changed), self);
  g_signal_connect_swapped (self->worst_row, "notify::enable-expansion", G_CALLBACK (worst_changed), self);
  g_signal_connect_swapped (self->places, "changed", G_CALLBACK (places_changed), self);

  /* the section's actions are the page's: today.add-treatment … (see kj-day-records.c) */
  gtk_widget_insert_action_group (GTK_WIDGET (self), "today", kj_day_records_get_actions (self->records));
  g_signal_connect_swapped (self->records, "toast", G_CALLBACK (_kj_today_page_show_toast), self);
  g_signal_connect_swapped (self->records, "changed", G_CALLBACK (records_changed), self);
  /* the calendar's marks follow what is stored */
  g_signal_connect_swapped (self, "day-changed", G_CALLBACK (kj_date_bar_update_marks), self->date_bar);
  g_signal_connect_swapped (self->records, "dialog-opening", G_CALLBACK (records_dialog_opening), self);
  g_signal_connect_swapped (self->records, "notify::has-records", G_CALLBACK (update_empty_page), self);

  /* names for screen readers: “Today”, not “_Today Today”; the switch of
   * Worst Pain is called so, not “GtkSwitch” */
  kj_a11y_name_buttons (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (kj_gtk_find_descendant (GTK_WIDGET (self->worst_row),
                                                                          GTK_TYPE_SWITCH)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Worst Pain"),
                                  -1);
  /* its switch is the Tab stop: the header row beside it does nothing
   * until the switch is on */
  gtk_widget_set_focusable (kj_gtk_find_descendant (GTK_WIDGET (self->worst_row), ADW_TYPE_ACTION_ROW), FALSE);

  g_strlcpy (self->date, today, sizeof self->date);
  load_date (self);
}

/* Public API */

void
kj_today_page_set_store (KjTodayPage *self,
                         KjStore     *store)
{
  g_autoptr(KjProfile) profile = NULL;

  g_return_if_fail (KJ_IS_TODAY_PAGE (self));

  kj_today_page_flush (self);
  g_set_object (&self->store, store);

  if (store != NULL && (profile = kj_store_get_profile (store, NULL)) != NULL)
    kj_day_places_set_side (self->places, g_strcmp0 (profile->affected_side, "left") == 0 ? KJ_SIDE_LEFT
                                                                                          : KJ_SIDE_RIGHT);

  /* the section reads its records again, as the page reads the day */
  kj_day_records_set_store (self->records, store);
  kj_date_bar_set_store (self->date_bar, store);
  load_date (self);

  /* the first window of the day offers a missed yesterday */
  {
    g_autofree char *today = kj_date_today ();

    kj_missed_day_check (self->missed_day, store, today);
  }
}

const char *
kj_today_page_get_date (KjTodayPage *self)
{
  g_return_val_if_fail (KJ_IS_TODAY_PAGE (self), NULL);

  return self->date;
}

/* Shows @date (YYYY-MM-DD), storing a pending change of the day shown before. */
void
kj_today_page_set_date (KjTodayPage *self,
                        const char  *date)
{
  g_return_if_fail (KJ_IS_TODAY_PAGE (self));
  g_return_if_fail (kj_date_is_valid (date));

  /* an edit that cannot be stored is not dropped by showing another day */
  if (!kj_today_page_flush (self))
    {
      _kj_today_page_show_message (self, _("This day’s change is not saved yet, so the day stays shown"));
      return;
    }

  g_strlcpy (self->date, date, sizeof self->date);
  load_date (self);
}

/* Reads the shown day again, after the journal changed elsewhere (an import). */
void
kj_today_page_reload (KjTodayPage *self)
{
  g_return_if_fail (KJ_IS_TODAY_PAGE (self));

  /* an edit that could not be stored stays on screen; reading the day
   * again would drop it */
  if (!kj_today_page_flush (self))
    return;

  kj_today_page_set_store (self, self->store);
}

const KjDay *
kj_today_page_get_day (KjTodayPage *self)
{
  g_return_val_if_fail (KJ_IS_TODAY_PAGE (self), NULL);

  return self->day;
}

KjKneeDiagram *
kj_today_page_get_diagram (KjTodayPage *self)
{
  g_return_val_if_fail (KJ_IS_TODAY_PAGE (self), NULL);

  return kj_day_places_get_diagram (self->places);
}

GtkAdjustment *
kj_today_page_get_pain_adjustment (KjTodayPage *self)
{
  g_return_val_if_fail (KJ_IS_TODAY_PAGE (self), NULL);

  return self->pain_adjustment;
}

GtkToggleButton *
kj_today_page_get_symptom_button (KjTodayPage *self,
                                  const char  *code)
{
  g_return_val_if_fail (KJ_IS_TODAY_PAGE (self), NULL);

  ensure_rest (self);
  if (self->symptoms == NULL)
    return NULL;

  return kj_day_symptoms_get_symptom_button (self->symptoms, code);
}

gboolean
kj_today_page_get_red_flag (KjTodayPage *self,
                            const char **title)
{
  g_return_val_if_fail (KJ_IS_TODAY_PAGE (self), FALSE);

  ensure_rest (self);
  if (self->symptoms == NULL)
    return FALSE;

  return kj_day_symptoms_get_red_flag (self->symptoms, title);
}

GtkTextView *
kj_today_page_get_notes_view (KjTodayPage *self)
{
  g_return_val_if_fail (KJ_IS_TODAY_PAGE (self), NULL);

  ensure_rest (self);

  return self->notes_view;
}

/* Moves the keyboard focus to the day's pain: the scale of an entry, or the
 * first quick pain button of a day without one. */
void
kj_today_page_focus_pain (KjTodayPage *self)
{
  g_return_if_fail (KJ_IS_TODAY_PAGE (self));

  if (self->day != NULL)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->pain_scale));
      return;
    }

  ensure_quick_pain_buttons (self);
  gtk_widget_grab_focus (gtk_widget_get_first_child (GTK_WIDGET (self->quick_pain_box)));
}
