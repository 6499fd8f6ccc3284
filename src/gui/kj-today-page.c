/* kj-today-page.c — the Today page: one day's pain, places, symptoms, treatments, runs and notes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change is stored at once: edits of the day entry are saved after a
 * short pause (and before the page shows another day), treatments and runs
 * when their editor closes. Deleting anything offers Undo, which stores the
 * very same record again, id and all.
 */
#define G_LOG_DOMAIN "knee-journal-today"

#include "config.h"

#include <glib/gi18n.h>

#include "kj-format.h"
#include "kj-knee-diagram.h"
#include "kj-record-editor.h"
#include "kj-stats.h"
#include "kj-gtk-util.h"
#include "kj-today-page.h"

#define SAVE_DELAY_MS 400
#define RETRY_DELAY_MS 3000
#define RETRY_BUSY_TIMEOUT_MS 100
#define N_SYMPTOMS 10
#define N_AGGRAVATORS 9

struct _KjTodayPage
{
  GtkWidget        parent_instance;

  KjStore         *store;
  char             date[11];
  KjDay           *day;            /* NULL while the date has no entry */
  GPtrArray       *treatments;     /* of the date */
  GPtrArray       *runs;
  guint            save_source;
  gboolean         unsaved;        /* an edit not yet stored, or whose save failed */
  gboolean         save_failed;
  char            *save_error;    /* why the last save failed, while it did */
  gboolean         loading;
  KjUnits          units;          /* the journal's, for every distance and descent shown */

  GtkToggleButton *symptom_buttons[N_SYMPTOMS];
  GtkToggleButton *aggravator_buttons[N_AGGRAVATORS];

  /* template widgets */
  GtkStack        *stack;
  AdwStatusPage   *empty_page;
  GtkBox          *records_box;
  GtkBox          *entry_records_slot;
  GtkBox          *empty_records_slot;
  GtkLabel        *date_label;
  GtkCalendar     *calendar;
  GtkPopover      *calendar_popover;
  GtkBox          *quick_pain_box;
  GtkScale        *pain_scale;
  GtkAdjustment   *pain_adjustment;
  GtkAdjustment   *worst_adjustment;
  GtkLabel        *pain_value_label;
  AdwExpanderRow  *worst_row;
  GtkToggleButton *left_button;
  GtkToggleButton *right_button;
  GtkToggleButton *front_button;
  GtkToggleButton *back_button;
  KjKneeDiagram   *diagram;
  GtkFlowBox      *places_box;
  GtkWidget       *no_places_label;
  GtkFlowBox      *symptoms_box;
  GtkFlowBox      *aggravators_box;
  GtkRevealer     *red_flag_revealer;
  GtkWidget       *red_flag_box;
  GtkLabel        *red_flag_title;
  GtkLabel        *red_flag_text;
  GtkRevealer     *save_error_revealer;
  GtkLabel        *save_error_label;
  GtkFlowBox      *quick_box;
  GtkListBox      *treatments_list;
  GtkListBox      *runs_list;
  GtkLabel        *medication_label;
  GtkTextView     *notes_view;
};

G_DEFINE_FINAL_TYPE (KjTodayPage, kj_today_page, GTK_TYPE_WIDGET)

enum {
  TOAST,
  DAY_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void load_date (KjTodayPage *self);

static void
show_toast (KjTodayPage *self,
            AdwToast    *toast)
{
  g_signal_emit (self, signals[TOAST], 0, toast);
}

static void
show_message (KjTodayPage *self,
              const char  *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 6);
  show_toast (self, toast);
}

static GtkWindow *
get_window (KjTodayPage *self)
{
  return GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
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
      show_message (self, _("Your change is saved now"));
    }

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

/* The day's flag by kj_stats_day_red_flags(), given the six days before it
 * as stored and this day as it is on screen; this only shows it. */
static void
update_red_flag (KjTodayPage *self)
{
  g_autoptr(GPtrArray) before = NULL;
  KjRedFlagLevel level = KJ_RED_FLAG_NONE;
  gboolean urgent, soon;

  if (self->day != NULL)
    {
      char from[11], to[11];

      kj_date_add_days (self->date, -6, from);
      kj_date_add_days (self->date, -1, to);
      before = kj_store_list_days (self->store, from, to, NULL);
      level = kj_stats_day_red_flags (self->day,
                                      before != NULL ? (KjDay *const *) before->pdata : NULL,
                                      before != NULL ? before->len : 0,
                                      NULL);
    }

  urgent = level == KJ_RED_FLAG_URGENT;
  soon = level == KJ_RED_FLAG_SOON;

  if (urgent)
    {
      gtk_label_set_text (self->red_flag_title, _("See a doctor now"));
      gtk_label_set_text (self->red_flag_text,
                          _("A knee that locks, fever, or not being able to put weight on the leg can mean more than "
                            "an overuse injury. Please get it checked today rather than waiting to see whether "
                            "it settles."));
      gtk_widget_add_css_class (self->red_flag_box, "kj-urgent");
    }
  else if (soon)
    {
      gtk_label_set_text (self->red_flag_title, _("See a doctor or physiotherapist soon"));
      gtk_label_set_text (self->red_flag_text,
                          _("A knee that gives way, pain that started with a fall, twist or blow, or swelling on several "
                            "days should be examined. Book an appointment in the next few days."));
      gtk_widget_remove_css_class (self->red_flag_box, "kj-urgent");
    }

  gtk_revealer_set_reveal_child (self->red_flag_revealer, urgent || soon);
}

/* The form, from and to self->day */

static void
remove_place_clicked (GtkButton   *button,
                      KjTodayPage *self)
{
  const char *side = g_object_get_data (G_OBJECT (button), "side");
  const char *region = g_object_get_data (G_OBJECT (button), "region");
  KjSide s = g_str_equal (side, "left") ? KJ_SIDE_LEFT : KJ_SIDE_RIGHT;
  int r = kj_region_from_code (region);

  kj_knee_diagram_set_selected (self->diagram, s, kj_knee_diagram_get_selected (self->diagram, s) & ~(1u << r));

  for (guint i = 0; i < self->day->locations->len; i++)
    {
      KjLocation *loc = &g_array_index (self->day->locations, KjLocation, i);

      if (g_str_equal (loc->side, side) && g_str_equal (loc->region, region))
        {
          g_array_remove_index (self->day->locations, i);
          break;
        }
    }

  /* the button is gone after this: move focus to the drawing */
  gtk_widget_grab_focus (kj_knee_diagram_get_hotspot (self->diagram, r));
  schedule_save (self);
  kj_today_page_refresh_places (self);
}

void
kj_today_page_refresh_places (KjTodayPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->places_box))) != NULL)
    gtk_flow_box_remove (self->places_box, child);

  for (guint i = 0; self->day != NULL && i < self->day->locations->len; i++)
    {
      const KjLocation *loc = &g_array_index (self->day->locations, KjLocation, i);
      GtkWidget *button = gtk_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      g_autofree char *text = NULL;
      g_autofree char *remove = NULL;

      /* Translators: a marked place, “Right · Kneecap” */
      text = g_strdup_printf (_("%s · %s"), kj_code_label (KJ_CODE_SIDE, loc->side),
                              kj_code_label (KJ_CODE_REGION, loc->region));
      /* Translators: “Remove Right · Kneecap” */
      remove = g_strdup_printf (_("Remove %s"), text);

      gtk_box_append (GTK_BOX (box), gtk_label_new (text));
      gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("window-close-symbolic"));
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_add_css_class (button, "pill");
      gtk_widget_add_css_class (button, "kj-chip");
      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_widget_set_tooltip_text (button, remove);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, remove, -1);
      g_object_set_data (G_OBJECT (button), "side", (gpointer) loc->side);
      g_object_set_data (G_OBJECT (button), "region", (gpointer) loc->region);
      g_signal_connect (button, "clicked", G_CALLBACK (remove_place_clicked), self);
      gtk_flow_box_append (self->places_box, button);
    }

  gtk_widget_set_visible (self->no_places_label, self->day == NULL || self->day->locations->len == 0);
}

static void
diagram_region_toggled (KjKneeDiagram *diagram,
                        const char    *side,
                        const char    *region,
                        gboolean       active,
                        KjTodayPage   *self)
{
  if (self->loading || self->day == NULL)
    return;

  if (active && !kj_day_has_location (self->day, side, region))
    kj_day_add_location (self->day, side, region);
  else if (!active)
    {
      for (guint i = 0; i < self->day->locations->len; i++)
        {
          KjLocation *loc = &g_array_index (self->day->locations, KjLocation, i);

          if (g_str_equal (loc->side, side) && g_str_equal (loc->region, region))
            {
              g_array_remove_index (self->day->locations, i);
              break;
            }
        }
    }

  kj_today_page_refresh_places (self);
  schedule_save (self);
}

static void
code_toggled (GtkToggleButton *button,
              KjTodayPage     *self)
{
  GPtrArray *codes;
  const char *code = g_object_get_data (G_OBJECT (button), "code");

  if (self->loading || self->day == NULL)
    return;

  codes = g_object_get_data (G_OBJECT (button), "symptom") ? self->day->symptoms : self->day->aggravators;

  if (gtk_toggle_button_get_active (button) && !kj_day_has_code (codes, code))
    g_ptr_array_add (codes, (gpointer) code);
  else if (!gtk_toggle_button_get_active (button))
    g_ptr_array_remove (codes, (gpointer) code);

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
      show_message (self, message);
    }

  schedule_save (self);
}

static void
view_toggled (KjTodayPage *self)
{
  kj_knee_diagram_set_view (self->diagram, gtk_toggle_button_get_active (self->back_button) ? KJ_VIEW_BACK
                                                                                            : KJ_VIEW_FRONT);
  kj_knee_diagram_set_side (self->diagram, gtk_toggle_button_get_active (self->left_button) ? KJ_SIDE_LEFT
                                                                                            : KJ_SIDE_RIGHT);
}

/* Treatments and runs */

static void
add_record_row (GtkListBox *list,
                const char *title,
                const char *subtitle,
                const char *icon_name,
                const char *edit_action,
                const char *delete_action,
                const char *id)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *remove_label = g_strdup_printf (_("Delete %s"), title);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && subtitle[0] != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_icon_name (ADW_ACTION_ROW (row), icon_name);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), edit_action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", id);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), delete_action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "s", id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  gtk_list_box_append (list, row);
}

static const char *
treatment_icon (const KjTreatment *t)
{
  if (g_str_equal (t->kind, "medication"))
    return "kj-medication-symbolic";
  if (g_str_equal (t->kind, "ice") || g_str_equal (t->kind, "heat"))
    return "kj-thermal-symbolic";
  if (g_str_equal (t->kind, "exercise") || g_str_equal (t->kind, "stretching"))
    return "kj-exercise-symbolic";
  return "kj-treatment-symbolic";
}

/* The day's medicines against their maximum, by kj_stats_medication_day(),
 * the rule the treatment dialog, Trends, the report and --summary share */
static void
update_medication_summary (KjTodayPage *self)
{
  g_autoptr(KjMedicationDay) day = kj_stats_medication_day (self->treatments, self->date, NULL);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < day->drugs->len; i++)
    {
      const KjDrugTotal *total = &g_array_index (day->drugs, KjDrugTotal, i);
      const char *label = kj_code_label (KJ_CODE_DRUG, total->drug);

      if (total->total_mg > 0 && text->len > 0)
        g_string_append (text, "\n");
      if (total->over_limit)
        g_string_append_printf (text, _("%s: %d mg today, more than the over-the-counter maximum of %d mg a day."),
                                label, total->total_mg, total->max_mg);
      else if (total->total_mg > 0)
        g_string_append_printf (text, _("%s: %d mg today."), label, total->total_mg);
    }

  if (day->two_nsaids)
    g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "",
                            _("Two different anti-inflammatory painkillers (NSAIDs) on one day: the labels advise against "
                              "combining them."));

  gtk_label_set_text (self->medication_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->medication_label), text->len > 0);
  if (day->over_limit || day->two_nsaids)
    gtk_widget_add_css_class (GTK_WIDGET (self->medication_label), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->medication_label), "warning");
}

static void
add_quick_button (KjTodayPage       *self,
                  const KjTreatment *template,
                  guint              index)
{
  g_autofree char *label = kj_format_treatment (template);
  g_autofree char *tooltip = g_strdup_printf (_("Log %s for this day"), label);
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("list-add-symbolic"));
  gtk_box_append (GTK_BOX (box), gtk_label_new (label));
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "today.quick-treatment");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", index);
  g_object_set_data_full (G_OBJECT (button), "template", kj_treatment_copy (template), (GDestroyNotify) kj_treatment_free);
  gtk_flow_box_append (self->quick_box, button);
}

static void
refresh_quick_buttons (KjTodayPage *self)
{
  g_autoptr(KjTreatment) ice = kj_treatment_new (self->date, "ice");
  g_autoptr(KjTreatment) medication = NULL;
  g_autoptr(KjTreatment) exercise = NULL;
  GtkWidget *child;
  guint index = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->quick_box))) != NULL)
    gtk_flow_box_remove (self->quick_box, child);

  ice->minutes = 15;
  add_quick_button (self, ice, index++);

  if (self->store == NULL)
    return;

  medication = kj_store_get_last_treatment (self->store, "medication", NULL, self->date, NULL);
  if (medication != NULL)
    add_quick_button (self, medication, index++);

  exercise = kj_store_get_last_treatment (self->store, "exercise", "stretching", self->date, NULL);
  if (exercise != NULL)
    add_quick_button (self, exercise, index++);
}

static void
update_empty_page (KjTodayPage *self)
{
  if (self->treatments->len + self->runs->len > 0)
    adw_status_page_set_description (self->empty_page,
                                     _("No pain rating for this day yet. Choose the pain you had most of the day, "
                                       "from 0 (no pain) to 10 (worst imaginable); the treatments and runs below "
                                       "stay as they are."));
  else
    adw_status_page_set_description (self->empty_page,
                                     _("Choose the pain you had most of the day, from 0 (no pain) to 10 (worst "
                                       "imaginable). You can add where it hurts, treatments and runs next."));
}

static void
refresh_records (KjTodayPage *self)
{
  kj_list_box_clear (self->treatments_list);
  kj_list_box_clear (self->runs_list);

  for (guint i = 0; i < self->treatments->len; i++)
    {
      KjTreatment *t = g_ptr_array_index (self->treatments, i);
      g_autofree char *title = kj_format_treatment (t);

      add_record_row (self->treatments_list, title, t->notes, treatment_icon (t),
                      "today.edit-treatment", "today.delete-treatment", t->id);
    }

  for (guint i = 0; i < self->runs->len; i++)
    {
      KjRun *r = g_ptr_array_index (self->runs, i);
      g_autofree char *title = kj_format_run (r, self->units);
      g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *subtitle = NULL;

      if (r->pain_during != KJ_UNSET)
        g_ptr_array_add (parts, g_strdup_printf (_("pain during %d"), r->pain_during));
      if (r->pain_after != KJ_UNSET)
        g_ptr_array_add (parts, g_strdup_printf (_("pain after %d"), r->pain_after));
      if (r->stopped_early)
        g_ptr_array_add (parts, g_strdup (_("stopped early")));
      if (r->notes != NULL && r->notes[0] != '\0')
        g_ptr_array_add (parts, g_strdup (r->notes));
      g_ptr_array_add (parts, NULL);
      subtitle = g_strjoinv (" · ", (char **) parts->pdata);

      add_record_row (self->runs_list, title, subtitle, "kj-run-symbolic",
                      "today.edit-run", "today.delete-run", r->id);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->treatments_list), self->treatments->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->runs_list), self->runs->len > 0);
  update_empty_page (self);
  update_medication_summary (self);
  refresh_quick_buttons (self);
}

static void
reload_records (KjTodayPage *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->treatments, g_ptr_array_unref);
  g_clear_pointer (&self->runs, g_ptr_array_unref);

  if (self->store != NULL)
    {
      self->treatments = kj_store_list_treatments (self->store, self->date, self->date, &error);
      if (self->treatments != NULL)
        self->runs = kj_store_list_runs (self->store, self->date, self->date, &error);
    }

  if (error != NULL)
    show_message (self, error->message);

  if (self->treatments == NULL)
    self->treatments = g_ptr_array_new_with_free_func ((GDestroyNotify) kj_treatment_free);
  if (self->runs == NULL)
    self->runs = g_ptr_array_new_with_free_func ((GDestroyNotify) kj_run_free);

  refresh_records (self);
}

static void
store_treatment (KjTodayPage *self,
                 KjTreatment *treatment)
{
  g_autoptr(GError) error = NULL;

  if (!kj_store_save_treatment (self->store, treatment, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The treatment could not be saved: %s"), error->message);
      show_message (self, message);
      return;
    }

  reload_records (self);
  g_signal_emit (self, signals[DAY_CHANGED], 0, self->date);
}

static void
treatment_saved (KjRecordEditor *editor,
                 KjTodayPage    *self)
{
  g_autoptr(KjTreatment) treatment = kj_treatment_copy (kj_record_editor_get_treatment (editor));

  store_treatment (self, treatment);
}

static void
run_saved (KjRecordEditor *editor,
           KjTodayPage    *self)
{
  g_autoptr(KjRun) run = kj_run_copy (kj_record_editor_get_run (editor));
  g_autoptr(GError) error = NULL;

  if (!kj_store_save_run (self->store, run, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The run could not be saved: %s"), error->message);
      show_message (self, message);
      return;
    }

  reload_records (self);
  g_signal_emit (self, signals[DAY_CHANGED], 0, self->date);
}

static gpointer
find_record (GPtrArray  *records,
             const char *id)
{
  for (guint i = 0; i < records->len; i++)
    {
      char **record_id = g_ptr_array_index (records, i);   /* every record starts with its id */

      if (g_strcmp0 (*record_id, id) == 0)
        return g_ptr_array_index (records, i);
    }

  return NULL;
}

static void
open_treatment_editor (KjTodayPage       *self,
                       const KjTreatment *treatment,
                       gboolean           is_new)
{
  KjRecordEditor *editor;

  /* a dialog is a way out of the page too: the day's edit is stored first */
  kj_today_page_flush (self);
  editor = kj_record_editor_new_treatment (get_window (self), treatment, is_new, self->treatments);
  g_signal_connect_object (editor, "saved", G_CALLBACK (treatment_saved), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
open_run_editor (KjTodayPage *self,
                 const KjRun *run,
                 gboolean     is_new)
{
  KjRecordEditor *editor;

  kj_today_page_flush (self);
  editor = kj_record_editor_new_run (get_window (self), run, is_new, self->units);
  g_signal_connect_object (editor, "saved", G_CALLBACK (run_saved), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

/* Undo */

typedef struct
{
  KjTodayPage *page;
  KjDay       *day;
  KjTreatment *treatment;
  KjRun       *run;
} Undo;

static void
undo_free (Undo *undo)
{
  g_clear_object (&undo->page);
  g_clear_pointer (&undo->day, kj_day_free);
  g_clear_pointer (&undo->treatment, kj_treatment_free);
  g_clear_pointer (&undo->run, kj_run_free);
  g_free (undo);
}

static void
undo_clicked (AdwToast *toast,
              Undo     *undo)
{
  KjTodayPage *self = undo->page;
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  if (undo->day != NULL)
    ok = kj_store_save_day (self->store, undo->day, &error);
  else if (undo->treatment != NULL)
    ok = kj_store_save_treatment (self->store, undo->treatment, &error);
  else if (undo->run != NULL)
    ok = kj_store_save_run (self->store, undo->run, &error);

  if (!ok)
    {
      g_autofree char *message = g_strdup_printf (_("Could not undo: %s"), error->message);
      show_message (self, message);
    }

  load_date (self);
  g_signal_emit (self, signals[DAY_CHANGED], 0, self->date);
}

static void
offer_undo (KjTodayPage *self,
            const char  *message,
            Undo        *undo)
{
  AdwToast *toast = adw_toast_new (message);

  undo->page = g_object_ref (self);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_clicked), undo,
                         (GClosureNotify) undo_free, 0);
  show_toast (self, toast);
}

/* Actions */

static void
go_to_offset (KjTodayPage *self,
              int          days)
{
  char date[11];

  kj_date_add_days (self->date, days, date);
  kj_today_page_set_date (self, date);
}

static void
action_previous (GtkWidget  *widget,
                 const char *name,
                 GVariant   *parameter)
{
  go_to_offset (KJ_TODAY_PAGE (widget), -1);
}

static void
action_next (GtkWidget  *widget,
             const char *name,
             GVariant   *parameter)
{
  go_to_offset (KJ_TODAY_PAGE (widget), 1);
}

static void
action_today (GtkWidget  *widget,
              const char *name,
              GVariant   *parameter)
{
  g_autofree char *today = kj_date_today ();

  kj_today_page_set_date (KJ_TODAY_PAGE (widget), today);
}

static void
action_log_pain (GtkWidget  *widget,
                 const char *name,
                 GVariant   *parameter)
{
  KjTodayPage *self = KJ_TODAY_PAGE (widget);

  kj_today_page_log_pain (self, (int) g_variant_get_uint32 (parameter));
}

static void
action_delete_entry (GtkWidget  *widget,
                     const char *name,
                     GVariant   *parameter)
{
  KjTodayPage *self = KJ_TODAY_PAGE (widget);
  g_autoptr(GError) error = NULL;
  Undo *undo;

  if (self->day == NULL)
    return;

  kj_today_page_flush (self);

  if (!kj_store_delete_day (self->store, self->day->id, &error))
    {
      show_message (self, error->message);
      return;
    }

  undo = g_new0 (Undo, 1);
  undo->day = g_steal_pointer (&self->day);
  load_date (self);
  g_signal_emit (self, signals[DAY_CHANGED], 0, self->date);
  offer_undo (self, _("The day’s entry was deleted"), undo);
}

static void
action_add_treatment (GtkWidget  *widget,
                      const char *name,
                      GVariant   *parameter)
{
  KjTodayPage *self = KJ_TODAY_PAGE (widget);
  g_autoptr(KjTreatment) treatment = kj_treatment_new (self->date, "ice");

  treatment->minutes = 15;
  open_treatment_editor (self, treatment, TRUE);
}

static void
action_quick_treatment (GtkWidget  *widget,
                        const char *name,
                        GVariant   *parameter)
{
  KjTodayPage *self = KJ_TODAY_PAGE (widget);
  guint index = g_variant_get_uint32 (parameter);
  GtkFlowBoxChild *child = gtk_flow_box_get_child_at_index (self->quick_box, index);
  const KjTreatment *template;
  g_autoptr(KjTreatment) treatment = NULL;
  g_autofree char *label = NULL;
  g_autofree char *message = NULL;

  if (child == NULL)
    return;

  template = g_object_get_data (G_OBJECT (gtk_flow_box_child_get_child (child)), "template");
  treatment = kj_treatment_copy (template);
  g_clear_pointer (&treatment->id, g_free);
  g_strlcpy (treatment->date, self->date, sizeof treatment->date);
  g_free (treatment->notes);
  treatment->notes = g_strdup ("");

  label = kj_format_treatment (treatment);
  store_treatment (self, treatment);

  /* Translators: “Logged Ice · 15 min” */
  message = g_strdup_printf (_("Logged %s"), label);
  show_message (self, message);
}

static void
action_edit_treatment (GtkWidget  *widget,
                       const char *name,
                       GVariant   *parameter)
{
  KjTodayPage *self = KJ_TODAY_PAGE (widget);
  KjTreatment *treatment = find_record (self->treatments, g_variant_get_string (parameter, NULL));

  if (treatment != NULL)
    open_treatment_editor (self, treatment, FALSE);
}

static void
action_delete_treatment (GtkWidget  *widget,
                         const char *name,
                         GVariant   *parameter)
{
  KjTodayPage *self = KJ_TODAY_PAGE (widget);
  KjTreatment *treatment = find_record (self->treatments, g_variant_get_string (parameter, NULL));
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *message = NULL;
  Undo *undo;

  if (treatment == NULL)
    return;

  if (!kj_store_delete_treatment (self->store, treatment->id, &error))
    {
      show_message (self, error->message);
      return;
    }

  undo = g_new0 (Undo, 1);
  undo->treatment = kj_treatment_copy (treatment);
  label = kj_format_treatment (treatment);
  /* Translators: “Deleted Ice · 15 min” */
  message = g_strdup_printf (_("Deleted %s"), label);
  reload_records (self);
  g_signal_emit (self, signals[DAY_CHANGED], 0, self->date);
  offer_undo (self, message, undo);
}

static void
action_add_run (GtkWidget  *widget,
                const char *name,
                GVariant   *parameter)
{
  KjTodayPage *self = KJ_TODAY_PAGE (widget);
  g_autoptr(KjRun) run = kj_run_new (self->date, 0);

  open_run_editor (self, run, TRUE);
}

static void
action_edit_run (GtkWidget  *widget,
                 const char *name,
                 GVariant   *parameter)
{
  KjTodayPage *self = KJ_TODAY_PAGE (widget);
  KjRun *run = find_record (self->runs, g_variant_get_string (parameter, NULL));

  if (run != NULL)
    open_run_editor (self, run, FALSE);
}

static void
action_delete_run (GtkWidget  *widget,
                   const char *name,
                   GVariant   *parameter)
{
  KjTodayPage *self = KJ_TODAY_PAGE (widget);
  KjRun *run = find_record (self->runs, g_variant_get_string (parameter, NULL));
  g_autoptr(GError) error = NULL;
  Undo *undo;

  if (run == NULL)
    return;

  if (!kj_store_delete_run (self->store, run->id, &error))
    {
      show_message (self, error->message);
      return;
    }

  undo = g_new0 (Undo, 1);
  undo->run = kj_run_copy (run);
  reload_records (self);
  g_signal_emit (self, signals[DAY_CHANGED], 0, self->date);
  offer_undo (self, _("The run was deleted"), undo);
}

/* Loading a date */

static void
fill_form (KjTodayPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  guint32 selected[2] = { 0, 0 };

  gtk_adjustment_set_value (self->pain_adjustment, self->day->pain);
  pain_changed (self);
  adw_expander_row_set_enable_expansion (self->worst_row, self->day->pain_worst != KJ_UNSET);
  gtk_adjustment_set_value (self->worst_adjustment,
                            self->day->pain_worst != KJ_UNSET ? self->day->pain_worst : self->day->pain);

  for (guint i = 0; i < self->day->locations->len; i++)
    {
      const KjLocation *loc = &g_array_index (self->day->locations, KjLocation, i);

      selected[g_str_equal (loc->side, "left") ? KJ_SIDE_LEFT : KJ_SIDE_RIGHT] |= 1u << kj_region_from_code (loc->region);
    }
  kj_knee_diagram_set_selected (self->diagram, KJ_SIDE_LEFT, selected[KJ_SIDE_LEFT]);
  kj_knee_diagram_set_selected (self->diagram, KJ_SIDE_RIGHT, selected[KJ_SIDE_RIGHT]);

  for (guint i = 0; i < N_SYMPTOMS; i++)
    gtk_toggle_button_set_active (self->symptom_buttons[i],
                                  kj_day_has_code (self->day->symptoms,
                                                   g_object_get_data (G_OBJECT (self->symptom_buttons[i]), "code")));
  for (guint i = 0; i < N_AGGRAVATORS; i++)
    gtk_toggle_button_set_active (self->aggravator_buttons[i],
                                  kj_day_has_code (self->day->aggravators,
                                                   g_object_get_data (G_OBJECT (self->aggravator_buttons[i]), "code")));

  gtk_text_buffer_set_text (buffer, self->day->notes ? self->day->notes : "", -1);
}

/* Treatments and runs are shown on a day without a pain entry too: their
 * section moves between the entry's form and the page asking for the pain. */
static void
place_records (KjTodayPage *self,
               GtkBox      *slot)
{
  GtkWidget *records = GTK_WIDGET (self->records_box);
  GtkWidget *parent = gtk_widget_get_parent (records);

  if (parent == GTK_WIDGET (slot))
    return;

  g_object_ref (records);
  gtk_box_remove (GTK_BOX (parent), records);
  gtk_box_append (slot, records);
  g_object_unref (records);
}

static void
load_date (KjTodayPage *self)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = kj_date_today ();
  g_autofree char *label = NULL;
  GDate date;

  self->loading = TRUE;
  g_clear_pointer (&self->day, kj_day_free);
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->unsaved = FALSE;
  self->save_failed = FALSE;
  g_clear_pointer (&self->save_error, g_free);
  gtk_revealer_set_reveal_child (self->save_error_revealer, FALSE);

  kj_date_to_gdate (self->date, &date);
  dt = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), 12, 0, 0);
  /* Translators: the date at the top of the Today page, see strftime(3) */
  label = g_date_time_format (dt, _("%A, %-d %B %Y"));
  gtk_label_set_text (self->date_label, g_strstrip (label));
  gtk_calendar_select_day (self->calendar, dt);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "today.next", strcmp (self->date, today) < 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "today.today", strcmp (self->date, today) != 0);

  if (self->store != NULL)
    self->day = kj_store_get_day (self->store, self->date, &error);
  if (error != NULL)
    show_message (self, error->message);

  /* the records of the day shown, with or without a pain entry */
  reload_records (self);

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
  kj_today_page_refresh_places (self);
  update_red_flag (self);

  self->loading = FALSE;
}

static void
calendar_day_selected (GtkCalendar *calendar,
                       KjTodayPage *self)
{
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (calendar);
  g_autofree char *date = g_date_time_format (dt, "%Y-%m-%d");

  if (self->loading || g_str_equal (date, self->date))
    return;

  gtk_popover_popdown (self->calendar_popover);
  kj_today_page_set_date (self, date);
}

/* GObject */

static void
kj_today_page_dispose (GObject *object)
{
  KjTodayPage *self = KJ_TODAY_PAGE (object);

  GtkWidget *child;

  kj_today_page_flush (self);
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
  g_clear_pointer (&self->treatments, g_ptr_array_unref);
  g_clear_pointer (&self->runs, g_ptr_array_unref);
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

  g_type_ensure (KJ_TYPE_KNEE_DIAGRAM);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/kj-today-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KjTodayPage, stack);
  gtk_widget_class_bind_template_child (widget_class, KjTodayPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, KjTodayPage, records_box);
  gtk_widget_class_bind_template_child (widget_class, KjTodayPage, entry_records_slot);
  gtk_widget_class_bind_template_child (widget_class, KjTodayPage, empty_records_slot);
  gtk_widget_class_bind_template_child (widget_class, KjTodayPage, date_label);
  gtk_widget_class_bind_template_child (widget_class, KjTodayPage, calendar);
  gtk_widget_class_bind_template_child (widget_class, KjTodayPage, calendar_popover);
  gtk_widget_class_bind_template_child (widget_class, KjTodayPage, quick_pain_box);
  gtk_widget_class_bind_template_child (widget_class, KjTodayPage, pain_scale);
  gtk_widget_class_bind_template_child (widget_class, KjTodayPage, pain_adjustment);
  gtk_widget_class_bind_template_child (widget_class, KjTodayPage, worst_adjustment);
  gtk_widget_class_bind_template_child (widget_class, KjTodayPage, pain_value_label);
  gtk_widget_class_bind_template_child (widget_class, KjTodayPage, worst_row);
  gtk_widget_class_bind_template_child (widget_class, KjTodayPage, left_button);
  gtk_widget_class_bind_template_child (widget_class, KjTodayPage, right_button);
  gtk_widget_class_bind_template_child (widget_class, KjTodayPage, front_button);
  gtk_widget_class_bind_template_child (widget_class, KjTodayPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, KjTodayPage, diagram);
  gtk_widget_class_bind_template_child (widget_class, KjTodayPage, places_box);
  gtk_widget_class_bind_template_child (widget_class, KjTodayPage, no_places_label);
  gtk_widget_class_bind_template_child (widget_class, KjTodayPage, symptoms_box);
  gtk_widget_class_bind_template_child (widget_class, KjTodayPage, aggravators_box);
  gtk_widget_class_bind_template_child (widget_class, KjTodayPage, red_flag_revealer);
  gtk_widget_class_bind_template_child (widget_class, KjTodayPage, red_flag_box);
  gtk_widget_class_bind_template_child (widget_class, KjTodayPage, red_flag_title);
  gtk_widget_class_bind_template_child (widget_class, KjTodayPage, red_flag_text);
  gtk_widget_class_bind_template_child (widget_class, KjTodayPage, save_error_revealer);
  gtk_widget_class_bind_template_child (widget_class, KjTodayPage, save_error_label);
  gtk_widget_class_bind_template_child (widget_class, KjTodayPage, quick_box);
  gtk_widget_class_bind_template_child (widget_class, KjTodayPage, treatments_list);
  gtk_widget_class_bind_template_child (widget_class, KjTodayPage, runs_list);
  gtk_widget_class_bind_template_child (widget_class, KjTodayPage, medication_label);
  gtk_widget_class_bind_template_child (widget_class, KjTodayPage, notes_view);
  gtk_widget_class_bind_template_callback (widget_class, calendar_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, diagram_region_toggled);

  gtk_widget_class_install_action (widget_class, "today.previous", NULL, action_previous);
  gtk_widget_class_install_action (widget_class, "today.next", NULL, action_next);
  gtk_widget_class_install_action (widget_class, "today.today", NULL, action_today);
  gtk_widget_class_install_action (widget_class, "today.log-pain", "u", action_log_pain);
  gtk_widget_class_install_action (widget_class, "today.delete-entry", NULL, action_delete_entry);
  gtk_widget_class_install_action (widget_class, "today.add-treatment", NULL, action_add_treatment);
  gtk_widget_class_install_action (widget_class, "today.quick-treatment", "u", action_quick_treatment);
  gtk_widget_class_install_action (widget_class, "today.edit-treatment", "s", action_edit_treatment);
  gtk_widget_class_install_action (widget_class, "today.delete-treatment", "s", action_delete_treatment);
  gtk_widget_class_install_action (widget_class, "today.add-run", NULL, action_add_run);
  gtk_widget_class_install_action (widget_class, "today.edit-run", "s", action_edit_run);
  gtk_widget_class_install_action (widget_class, "today.delete-run", "s", action_delete_run);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_ALT_MASK, "today.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_ALT_MASK, "today.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, GDK_ALT_MASK, "today.today", NULL);
}

static GtkToggleButton *
add_chip (GtkFlowBox *box,
          const char *label,
          const char *code)
{
  GtkWidget *button = gtk_toggle_button_new_with_label (label);

  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "kj-chip");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  g_object_set_data (G_OBJECT (button), "code", (gpointer) code);
  gtk_flow_box_append (box, button);

  return GTK_TOGGLE_BUTTON (button);
}

static void
kj_today_page_init (KjTodayPage *self)
{
  g_autofree char *today = kj_date_today ();
  const KjCode *codes;
  guint n_codes;

  gtk_widget_init_template (GTK_WIDGET (self));

  codes = kj_code_list (KJ_CODE_SYMPTOM, &n_codes);
  g_assert (n_codes == N_SYMPTOMS);
  for (guint i = 0; i < n_codes; i++)
    {
      self->symptom_buttons[i] = add_chip (self->symptoms_box, _(codes[i].label), codes[i].code);
      g_object_set_data (G_OBJECT (self->symptom_buttons[i]), "symptom", GINT_TO_POINTER (TRUE));
      g_signal_connect (self->symptom_buttons[i], "toggled", G_CALLBACK (code_toggled), self);
    }

  codes = kj_code_list (KJ_CODE_AGGRAVATOR, &n_codes);
  g_assert (n_codes == N_AGGRAVATORS);
  for (guint i = 0; i < n_codes; i++)
    {
      self->aggravator_buttons[i] = add_chip (self->aggravators_box, _(codes[i].label), codes[i].code);
      g_signal_connect (self->aggravator_buttons[i], "toggled", G_CALLBACK (code_toggled), self);
    }

  for (guint pain = 0; pain <= 10; pain++)
    {
      g_autofree char *text = g_strdup_printf ("%u", pain);
      /* Translators: the accessible name of a quick pain button */
      g_autofree char *name = g_strdup_printf (_("Pain %u of 10"), pain);
      GtkWidget *button = gtk_button_new_with_label (text);

      gtk_widget_set_tooltip_text (button, name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "today.log-pain");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", pain);
      gtk_widget_add_css_class (button, "kj-pain-button");
      gtk_box_append (self->quick_pain_box, button);
    }

  for (int i = 0; i <= 10; i++)
    {
      g_autofree char *mark = g_strdup_printf ("%d", i);

      gtk_scale_add_mark (self->pain_scale, i, GTK_POS_BOTTOM, mark);
    }

  g_signal_connect_swapped (self->pain_adjustment, "value-changed", G_CALLBACK (pain_changed), self);
  g_signal_connect_swapped (self->worst_adjustment, "value-changed", G_CALLBACK (worst_changed), self);
  g_signal_connect_swapped (self->worst_row, "notify::enable-expansion", G_CALLBACK (worst_changed), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->notes_view), "changed", G_CALLBACK (notes_changed), self);
  g_signal_connect_swapped (self->back_button, "toggled", G_CALLBACK (view_toggled), self);
  g_signal_connect_swapped (self->left_button, "toggled", G_CALLBACK (view_toggled), self);
  gtk_toggle_button_set_active (self->right_button, TRUE);

  g_strlcpy (self->date, today, sizeof self->date);
  self->treatments = g_ptr_array_new_with_free_func ((GDestroyNotify) kj_treatment_free);
  self->runs = g_ptr_array_new_with_free_func ((GDestroyNotify) kj_run_free);
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
    {
      self->units = kj_units_from_profile (profile);
      gtk_toggle_button_set_active (g_strcmp0 (profile->affected_side, "left") == 0 ? self->left_button
                                                                                    : self->right_button, TRUE);
    }

  load_date (self);
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
      show_message (self, _("This day’s change is not saved yet, so the day stays shown"));
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

/* Starts the shown day's entry with @pain, as the quick buttons do. */
void
kj_today_page_log_pain (KjTodayPage *self,
                        int          pain)
{
  g_autoptr(KjDay) day = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = kj_date_today ();

  g_return_if_fail (KJ_IS_TODAY_PAGE (self));
  g_return_if_fail (pain >= 0 && pain <= 10);

  if (self->store == NULL || self->day != NULL || strcmp (self->date, today) > 0)
    return;

  day = kj_day_new (self->date);
  day->pain = pain;
  if (!kj_store_save_day (self->store, day, &error))
    {
      show_message (self, error->message);
      return;
    }

  load_date (self);
  g_signal_emit (self, signals[DAY_CHANGED], 0, self->date);
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

  return self->diagram;
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

  for (guint i = 0; i < N_SYMPTOMS; i++)
    if (g_strcmp0 (g_object_get_data (G_OBJECT (self->symptom_buttons[i]), "code"), code) == 0)
      return self->symptom_buttons[i];

  return NULL;
}

gboolean
kj_today_page_get_red_flag (KjTodayPage *self,
                            const char **title)
{
  g_return_val_if_fail (KJ_IS_TODAY_PAGE (self), FALSE);

  if (title != NULL)
    *title = gtk_label_get_text (self->red_flag_title);

  return gtk_revealer_get_reveal_child (self->red_flag_revealer);
}

GtkTextView *
kj_today_page_get_notes_view (KjTodayPage *self)
{
  g_return_val_if_fail (KJ_IS_TODAY_PAGE (self), NULL);

  return self->notes_view;
}
