/* kj-record-editor.c — the dialog that adds or edits one treatment or one run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fields follow the kind of record: minutes for ice and heat (with the
 * skin-damage hint past 20 minutes), drug and dose for medication (with
 * the day's total against the over-the-counter maximum), exercise and
 * sets × reps for exercise and stretching, and for any kind an optional
 * time of day (HH:MM); for a run, the pair of shoes. "Add"/"Done" emits ::saved with
 * a validated record; nothing is stored here.
 */
#define G_LOG_DOMAIN "knee-journal-record-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>

#include "kj-code-row.h"
#include "kj-a11y.h"
#include "kj-format.h"
#include "kj-gtk-util.h"
#include "kj-record-editor.h"
#include "kj-warnings.h"


struct _KjRecordEditor
{
  AdwWindow      parent_instance;

  KjTreatment   *treatment;
  KjRun         *run;
  gboolean       miles;
  gboolean       touched;          /* the user has changed a field, or pressed Add */
  GPtrArray     *day_treatments;   /* the day's stored treatments, for the dose totals */

  GtkWidget     *save_button;
  GtkWidget     *error_label;

  /* treatment fields */
  AdwComboRow   *kind_row;
  GtkWidget     *minutes_row;
  GtkSpinButton *minutes_spin;
  GtkWidget     *skin_hint;
  AdwComboRow   *drug_row;
  GtkWidget     *dose_row;
  GtkSpinButton *dose_spin;
  GtkWidget     *dose_total;
  AdwComboRow   *exercise_row;
  GtkWidget     *sets_row;
  GtkSpinButton *sets_spin;
  GtkSpinButton *reps_spin;
  AdwEntryRow   *time_row;

  /* run fields */
  AdwEntryRow   *distance_row;
  AdwEntryRow   *duration_row;
  AdwEntryRow   *descent_row;
  AdwEntryRow   *pain_during_row;
  AdwEntryRow   *pain_after_row;
  AdwActionRow  *pace_row;
  GtkSwitch     *stopped_switch;
  AdwComboRow   *shoe_row;
  GPtrArray     *shoe_ids;         /* the shoe row's choices: NULL for none, then ids */

  AdwEntryRow   *notes_row;
};

G_DEFINE_FINAL_TYPE (KjRecordEditor, kj_record_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Formatting, shared with the Today page */

/* "Ice · 15 min", "Ibuprofen 400 mg at 08:00", "Split squat 3 × 12" */
char *
kj_format_treatment (const KjTreatment *t)
{
  g_autoptr(GString) str = g_string_new (NULL);

  if (t->drug != NULL)
    g_string_append (str, kj_code_label (KJ_CODE_DRUG, t->drug));
  else if (t->exercise != NULL)
    g_string_append (str, kj_code_label (KJ_CODE_EXERCISE, t->exercise));
  else
    g_string_append (str, kj_code_label (KJ_CODE_TREATMENT_KIND, t->kind));

  if (t->dose_mg != KJ_UNSET)
    {
      g_string_append_c (str, ' ');
      /* Translators: a dose, “400 mg” */
      g_string_append_printf (str, _("%d mg"), t->dose_mg);
    }
  if (t->sets != KJ_UNSET && t->reps != KJ_UNSET)
    /* Translators: sets × repetitions, “3 × 12” */
    g_string_append_printf (str, _(" %d × %d"), t->sets, t->reps);
  else if (t->sets != KJ_UNSET)
    g_string_append_printf (str, ngettext (" %d set", " %d sets", t->sets), t->sets);
  if (t->minutes != KJ_UNSET)
    g_string_append_printf (str, _(" · %d min"), t->minutes);
  if (t->time[0] != '\0')
    /* Translators: the time of day a treatment was taken, “Ibuprofen 400 mg at 08:00” */
    g_string_append_printf (str, _(" at %s"), t->time);

  return g_string_free (g_steal_pointer (&str), FALSE);
}

/* "8.2 km · 46:00 · 5:37 /km · 140 m down" */
char *
kj_format_run (const KjRun *run,
               KjUnits      units)
{
  g_autoptr(GString) str = g_string_new (NULL);
  g_autofree char *distance = kj_format_distance (run->distance_km, units);
  g_autofree char *pace = kj_format_pace (run->duration_s, run->distance_km, units);

  g_string_append (str, distance);
  if (run->duration_s != KJ_UNSET)
    {
      g_autofree char *duration = kj_format_duration (run->duration_s);
      g_string_append_printf (str, " · %s", duration);
    }
  if (pace != NULL)
    g_string_append_printf (str, " · %s", pace);
  if (!isnan (run->descent_m))
    {
      g_autofree char *descent = kj_format_descent (run->descent_m, units);

      /* Translators: “140 m down”, after a run's distance and time */
      g_string_append_printf (str, _(" · %s down"), descent);
    }

  return g_string_free (g_steal_pointer (&str), FALSE);
}

/* Helpers */

/* Enter in @spin presses the dialog's default button, as in an entry: GTK
 * 4.14 has GtkSpinButton:activates-default, 4.8 only its text's */
static void
spin_activates_default (GtkSpinButton *spin)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (spin)); child;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TEXT (child))
      gtk_text_set_activates_default (GTK_TEXT (child), TRUE);
}

static GtkSpinButton *
add_spin_row (AdwPreferencesGroup *group,
              const char          *title,
              double               upper,
              GtkWidget          **row_out)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (0, upper, 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  spin_activates_default (GTK_SPIN_BUTTON (spin));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  adw_preferences_group_add (group, row);

  if (row_out != NULL)
    *row_out = row;

  return GTK_SPIN_BUTTON (spin);
}

static AdwComboRow *
add_combo_row (AdwPreferencesGroup *group,
               const char          *title,
               KjCodeList           list)
{
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
  g_autoptr(GtkListItemFactory) factory = kj_a11y_string_factory_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_factory (row, factory);
  kj_code_row_setup (row, list, NULL);
  adw_preferences_group_add (group, GTK_WIDGET (row));

  return row;
}

static int
spin_value_or_unset (GtkSpinButton *spin)
{
  int value = gtk_spin_button_get_value_as_int (spin);

  return value > 0 ? value : KJ_UNSET;
}

static void
set_spin (GtkSpinButton *spin,
          int            value)
{
  gtk_spin_button_set_value (spin, value == KJ_UNSET ? 0 : value);
}

/* Reads a number written with a point or a comma; empty is "unknown". */
static gboolean
parse_number (const char *text,
              double     *out)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *end = NULL;

  *out = NAN;
  if (copy[0] == '\0')
    return TRUE;

  g_strdelimit (copy, ",", '.');
  *out = g_ascii_strtod (copy, &end);

  return end != copy && *end == '\0' && isfinite (*out);
}

/* "46", "46:10", "1:02:03" → seconds; empty is "unknown". */
static gboolean
parse_duration (const char *text,
                int        *out)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  g_auto(GStrv) parts = NULL;
  int total = 0;
  guint n;

  *out = KJ_UNSET;
  if (copy[0] == '\0')
    return TRUE;

  parts = g_strsplit (copy, ":", -1);
  n = g_strv_length (parts);
  if (n > 3)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      char *end = NULL;
      long v = strtol (parts[i], &end, 10);

      if (end == parts[i] || *end != '\0' || v < 0 || (i > 0 && v > 59) || v > 100000)
        return FALSE;
      total = total * 60 + (int) v;
    }

  /* a single number is minutes */
  if (n == 1)
    total *= 60;

  *out = total;
  return total > 0;
}

/* "8:00", "08:00", "8.30", "8" (08:00), "830", "2030" → "HH:MM"; empty is "no time" */
static gboolean
parse_time_of_day (const char *text,
                   char        out[6])
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  g_autofree char *padded = NULL;
  size_t length = strlen (copy);
  gboolean digits = length > 0 && strspn (copy, "0123456789") == length;

  out[0] = '\0';
  if (copy[0] == '\0')
    return TRUE;

  g_strdelimit (copy, ".", ':');
  if (digits && length <= 2)
    padded = g_strdup_printf ("%s%s:00", length == 1 ? "0" : "", copy);
  else if (digits && length <= 4)
    padded = g_strdup_printf ("%s%.*s:%s", length == 3 ? "0" : "", (int) length - 2, copy, copy + length - 2);
  else
    padded = strlen (copy) == 4 ? g_strconcat ("0", copy, NULL) : g_strdup (copy);
  if (!kj_time_is_valid (padded))
    return FALSE;

  g_strlcpy (out, padded, 6);
  return TRUE;
}

/* Validation and the shown fields */

/* A record with a @message cannot be added; the message is shown once the
 * user has typed, not on the empty dialog. */
static void
set_error (KjRecordEditor *self,
           const char     *message)
{
  gboolean show = message != NULL && self->touched;

  gtk_label_set_text (GTK_LABEL (self->error_label), show ? message : "");
  gtk_widget_set_visible (self->error_label, show);
  gtk_widget_set_sensitive (self->save_button, message == NULL);
}

/* The day's total of the chosen drug with this dose, and the warnings, by
 * the one rule of kj_medication_day_new() that the Today page, Trends,
 * the report and --summary use too */
static void
update_dose_hint (KjRecordEditor *self)
{
  const KjTreatment *t = self->treatment;
  g_autoptr(KjMedicationDay) day = kj_medication_day_new (self->day_treatments, t->date, t);
  const KjDrugTotal *total = kj_medication_day_get_drug (day, t->drug);
  g_autoptr(GString) text = g_string_new (NULL);
  const char *label = kj_code_label (KJ_CODE_DRUG, t->drug);

  if (total != NULL && total->max_mg > 0)
    {
      if (total->over_limit)
        g_string_append_printf (text, _("%d mg of %s today — more than the %d mg a day that the over-the-counter label allows. "
                                        "Ask a doctor or pharmacist before taking more."),
                                total->total_mg, label, total->max_mg);
      else
        g_string_append_printf (text, _("%d mg of %s today, of at most %d mg a day without a prescription."),
                                total->total_mg, label, total->max_mg);
    }

  if (day->two_nsaids && g_ptr_array_find_with_equal_func (day->oral_nsaids, t->drug, g_str_equal, NULL))
    g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "",
                            _("Two different anti-inflammatory painkillers (NSAIDs) on one day: the labels advise against "
                              "combining them."));

  gtk_label_set_text (GTK_LABEL (self->dose_total), text->str);
  gtk_widget_set_visible (self->dose_total, text->len > 0);
  if ((total != NULL && total->over_limit) || day->two_nsaids)
    gtk_widget_add_css_class (self->dose_total, "warning");
  else
    gtk_widget_remove_css_class (self->dose_total, "warning");
}

static void mark_row (KjRecordEditor *self,
                      AdwEntryRow    *row,
                      gboolean        valid);

static void
update_treatment (KjRecordEditor *self)
{
  g_autoptr(GError) error = NULL;
  KjTreatment *t = self->treatment;
  gboolean is_medication, is_exercise, is_thermal, time_valid;

  t->kind = kj_code_row_get_code (self->kind_row, KJ_CODE_TREATMENT_KIND);
  is_medication = g_strcmp0 (t->kind, "medication") == 0;
  is_exercise = g_strcmp0 (t->kind, "exercise") == 0 || g_strcmp0 (t->kind, "stretching") == 0;
  is_thermal = g_strcmp0 (t->kind, "ice") == 0 || g_strcmp0 (t->kind, "heat") == 0;

  gtk_widget_set_visible (GTK_WIDGET (self->drug_row), is_medication);
  gtk_widget_set_visible (self->dose_row, is_medication);
  gtk_widget_set_visible (GTK_WIDGET (self->exercise_row), is_exercise);
  gtk_widget_set_visible (self->sets_row, is_exercise);
  gtk_widget_set_visible (self->minutes_row, !is_medication);

  t->minutes = is_medication ? KJ_UNSET : spin_value_or_unset (self->minutes_spin);
  t->drug = is_medication ? kj_code_row_get_code (self->drug_row, KJ_CODE_DRUG) : NULL;
  t->dose_mg = is_medication ? spin_value_or_unset (self->dose_spin) : KJ_UNSET;
  t->exercise = is_exercise ? kj_code_row_get_code (self->exercise_row, KJ_CODE_EXERCISE) : NULL;
  t->sets = is_exercise ? spin_value_or_unset (self->sets_spin) : KJ_UNSET;
  t->reps = is_exercise ? spin_value_or_unset (self->reps_spin) : KJ_UNSET;
  g_free (t->notes);
  t->notes = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->notes_row)));
  time_valid = parse_time_of_day (gtk_editable_get_text (GTK_EDITABLE (self->time_row)), t->time);
  mark_row (self, self->time_row, time_valid);

  /* ice or heat for more than 20 minutes can hurt the skin */
  gtk_widget_set_visible (self->skin_hint, is_thermal && t->minutes != KJ_UNSET && t->minutes > 20);

  if (is_medication && t->drug != NULL)
    update_dose_hint (self);
  else
    gtk_widget_set_visible (self->dose_total, FALSE);

  if (!time_valid)
    set_error (self, _("Enter the time of day as hours and minutes from 00:00 to 23:59, like 08:00, or leave it "
                       "empty."));
  else
    set_error (self, kj_treatment_validate (t, &error) ? NULL : error->message);
}

static void
mark_row (KjRecordEditor *self,
          AdwEntryRow    *row,
          gboolean        valid)
{
  if (valid || !self->touched)
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
}

/* A whole number from 0 to 10, or empty */
static gboolean
read_pain (const char *text,
           int        *out)
{
  double value;
  gboolean ok = parse_number (text, &value) &&
                (isnan (value) || (value == floor (value) && value >= 0 && value <= 10));

  *out = ok && !isnan (value) ? (int) value : KJ_UNSET;
  return ok;
}

static void
add_problem (GString    *problems,
             const char *sentence)
{
  if (problems->len > 0)
    g_string_append_c (problems, '\n');
  g_string_append (problems, sentence);
}

/* Reads the fields; what is wrong is said in words, in the journal's unit */
static void
update_run (KjRecordEditor *self)
{
  KjUnits units = self->miles ? KJ_UNITS_MI : KJ_UNITS_KM;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autofree char *pace = NULL;
  KjRun *r = self->run;
  const char *distance_text = gtk_editable_get_text (GTK_EDITABLE (self->distance_row));
  double distance, descent;
  gboolean valid;

  /* distance */
  valid = parse_number (distance_text, &distance) && !isnan (distance);
  r->distance_km = valid ? round (kj_distance_to_km (distance, units) * 1000) / 1000 : 0;
  valid = valid && r->distance_km >= 0.01 && r->distance_km <= 500;
  mark_row (self, self->distance_row, valid);
  if (!valid)
    {
      g_autofree char *least = kj_format_distance_precise (0.01, units);
      g_autofree char *most = kj_format_distance (500, units);
      g_autofree char *copy = g_strstrip (g_strdup (distance_text));
      g_autofree char *sentence = NULL;

      if (copy[0] == '\0')
        /* Translators: “Enter the distance, at least 0.01 km.” */
        sentence = g_strdup_printf (_("Enter the distance, at least %s."), least);
      else
        /* Translators: “Enter the distance as a number from 0.01 km to 500.0 km.” */
        sentence = g_strdup_printf (_("Enter the distance as a number from %s to %s."), least, most);
      add_problem (problems, sentence);
    }

  /* time */
  valid = parse_duration (gtk_editable_get_text (GTK_EDITABLE (self->duration_row)), &r->duration_s);
  if (!valid)
    add_problem (problems, _("Enter the time as hours:minutes:seconds or as minutes, like 46:10 or 46."));
  else if (r->duration_s != KJ_UNSET && r->duration_s > 172800)
    {
      valid = FALSE;
      add_problem (problems, _("Enter a time of at most 48 hours."));
    }
  mark_row (self, self->duration_row, valid);

  /* downhill, in metres or feet */
  valid = parse_number (gtk_editable_get_text (GTK_EDITABLE (self->descent_row)), &descent);
  r->descent_m = valid && !isnan (descent) ? round (descent * (self->miles ? KJ_METRES_PER_FOOT : 1.0)) : NAN;
  valid = valid && (isnan (r->descent_m) || (r->descent_m >= 0 && r->descent_m <= 20000));
  mark_row (self, self->descent_row, valid);
  if (!valid)
    {
      g_autofree char *most = kj_format_descent (20000, units);

      /* Translators: “Enter the downhill as a number from 0 to 20000 m, or leave it empty.” */
      g_autofree char *sentence = g_strdup_printf (_("Enter the downhill as a number from 0 to %s, or leave it empty."),
                                                   most);
      add_problem (problems, sentence);
    }

  /* pain */
  valid = read_pain (gtk_editable_get_text (GTK_EDITABLE (self->pain_during_row)), &r->pain_during);
  mark_row (self, self->pain_during_row, valid);
  if (!valid)
    add_problem (problems, _("Enter the pain during the run as a whole number from 0 to 10."));
  valid = read_pain (gtk_editable_get_text (GTK_EDITABLE (self->pain_after_row)), &r->pain_after);
  mark_row (self, self->pain_after_row, valid);
  if (!valid)
    add_problem (problems, _("Enter the pain after the run as a whole number from 0 to 10."));

  r->stopped_early = gtk_switch_get_active (self->stopped_switch);
  if (self->shoe_row != NULL)
    {
      guint selected = adw_combo_row_get_selected (self->shoe_row);

      g_free (r->shoe_id);
      r->shoe_id = selected < self->shoe_ids->len ? g_strdup (g_ptr_array_index (self->shoe_ids, selected)) : NULL;
    }
  g_free (r->notes);
  r->notes = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->notes_row)));
  if (g_utf8_strlen (r->notes, -1) > 1000)
    {
      /* Translators: the limit of a run's notes */
      g_autofree char *sentence = g_strdup_printf (ngettext ("Shorten the notes to at most %d character.",
                                                             "Shorten the notes to at most %d characters.", 1000),
                                                   1000);
      add_problem (problems, sentence);
    }

  pace = kj_format_pace (r->duration_s, r->distance_km, units);
  adw_action_row_set_subtitle (self->pace_row, pace ? pace : _("Enter distance and time to see the pace"));

  /* anything else the journal would refuse */
  if (problems->len == 0 && !kj_run_validate (r, &error))
    add_problem (problems, error->message);

  set_error (self, problems->len > 0 ? problems->str : NULL);
}

static void
field_changed (KjRecordEditor *self)
{
  self->touched = TRUE;
  if (self->treatment != NULL)
    update_treatment (self);
  else
    update_run (self);
}

void
kj_record_editor_save (KjRecordEditor *self)
{
  g_return_if_fail (KJ_IS_RECORD_EDITOR (self));

  /* pressing Add shows what is missing */
  field_changed (self);
  if (!gtk_widget_get_sensitive (self->save_button))
    return;

  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Building */

static AdwPreferencesGroup *
build_frame (KjRecordEditor *self,
             const char     *title,
             gboolean        is_new)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *title_widget = adw_window_title_new (title, NULL);

  self->save_button = gtk_button_new_with_mnemonic (is_new ? _("_Add") : _("_Done"));
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (kj_record_editor_save), self);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), self);

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title_widget);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->save_button);

  self->error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->error_label), 0);
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_widget_set_margin_top (self->error_label, 6);
  gtk_widget_set_margin_start (self->error_label, 6);
  gtk_widget_set_margin_end (self->error_label, 6);
  gtk_widget_set_visible (self->error_label, FALSE);

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), page);
  gtk_widget_set_vexpand (page, TRUE);
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);

  return ADW_PREFERENCES_GROUP (group);
}

/* The dialog is built: buttons named for a screen reader, focus on @first
 * rather than on Cancel, and back to the opener when it closes */
static void
ready (KjRecordEditor *self,
       GtkWidget      *first)
{
  kj_a11y_name_buttons (GTK_WIDGET (self));
  gtk_window_set_focus (GTK_WINDOW (self), first);
  kj_a11y_return_focus_on_close (GTK_WINDOW (self));
}

static GtkWidget *
hint_label (AdwPreferencesGroup *group,
            const char          *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_widget_set_visible (label, FALSE);
  adw_preferences_group_add (group, label);

  return label;
}

static void
add_notes_row (KjRecordEditor      *self,
               AdwPreferencesGroup *group,
               const char          *notes)
{
  self->notes_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->notes_row), _("Notes"));
  gtk_editable_set_text (GTK_EDITABLE (self->notes_row), notes ? notes : "");
  adw_entry_row_set_activates_default (self->notes_row, TRUE);
  adw_preferences_group_add (group, GTK_WIDGET (self->notes_row));
  g_signal_connect_swapped (self->notes_row, "changed", G_CALLBACK (field_changed), self);
}

static AdwEntryRow *
add_entry_row (KjRecordEditor      *self,
               AdwPreferencesGroup *group,
               const char          *title,
               const char          *text)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  adw_entry_row_set_activates_default (row, TRUE);
  adw_preferences_group_add (group, GTK_WIDGET (row));
  g_signal_connect_swapped (row, "changed", G_CALLBACK (field_changed), self);

  return row;
}

KjRecordEditor *
kj_record_editor_new_treatment (GtkWindow         *parent,
                                const KjTreatment *treatment,
                                gboolean           is_new,
                                GPtrArray         *day_treatments)
{
  KjRecordEditor *self = g_object_new (KJ_TYPE_RECORD_EDITOR, "transient-for", parent, NULL);
  AdwPreferencesGroup *group;
  GtkWidget *reps_label;

  self->treatment = kj_treatment_copy (treatment);
  if (self->treatment->id == NULL)
    self->treatment->id = g_uuid_string_random ();
  self->day_treatments = day_treatments != NULL ? g_ptr_array_ref (day_treatments)
                                                : g_ptr_array_new ();
  self->touched = !is_new;
  group = build_frame (self, is_new ? _("Add Treatment") : _("Edit Treatment"), is_new);

  self->kind_row = add_combo_row (group, _("Treatment"), KJ_CODE_TREATMENT_KIND);
  self->minutes_spin = add_spin_row (group, _("Minutes"), 240, &self->minutes_row);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->minutes_row), _("0 if you did not time it"));
  self->skin_hint = hint_label (group, _("More than 20 minutes of ice or heat can damage the skin. "
                                         "Keep a cloth between the pack and your skin and check it often."));
  gtk_widget_add_css_class (self->skin_hint, "warning");
  self->drug_row = add_combo_row (group, _("Medicine"), KJ_CODE_DRUG);
  self->dose_spin = add_spin_row (group, _("Dose (mg)"), 2000, &self->dose_row);
  gtk_spin_button_set_increments (self->dose_spin, 100, 200);
  self->dose_total = hint_label (group, NULL);
  self->exercise_row = add_combo_row (group, _("Exercise"), KJ_CODE_EXERCISE);
  self->sets_spin = add_spin_row (group, _("Sets × repetitions"), 20, &self->sets_row);
  self->reps_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 500, 1));
  gtk_widget_set_valign (GTK_WIDGET (self->reps_spin), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->reps_spin), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Repetitions"), -1);
  spin_activates_default (self->reps_spin);
  reps_label = gtk_label_new ("×");
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->sets_row), reps_label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->sets_row), GTK_WIDGET (self->reps_spin));
  /* Translators: the time of day a medicine was taken or a treatment done */
  self->time_row = add_entry_row (self, group, _("Time Taken"), treatment->time);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->time_row), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Time Taken"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Optional, as hours and minutes, like 08:00"),
                                  -1);
  kj_gtk_set_tooltip_text (GTK_WIDGET (self->time_row), _("Optional, as hours and minutes, like 08:00"));
  add_notes_row (self, group, treatment->notes);
  adw_preferences_group_add (group, self->error_label);

  kj_code_row_select (self->kind_row, KJ_CODE_TREATMENT_KIND, treatment->kind);
  kj_code_row_select (self->drug_row, KJ_CODE_DRUG, treatment->drug);
  kj_code_row_select (self->exercise_row, KJ_CODE_EXERCISE, treatment->exercise);
  set_spin (self->minutes_spin, treatment->minutes);
  set_spin (self->dose_spin, treatment->dose_mg);
  set_spin (self->sets_spin, treatment->sets);
  set_spin (self->reps_spin, treatment->reps);

  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (field_changed), self);
  g_signal_connect_swapped (self->drug_row, "notify::selected", G_CALLBACK (field_changed), self);
  g_signal_connect_swapped (self->exercise_row, "notify::selected", G_CALLBACK (field_changed), self);
  g_signal_connect_swapped (self->minutes_spin, "value-changed", G_CALLBACK (field_changed), self);
  g_signal_connect_swapped (self->dose_spin, "value-changed", G_CALLBACK (field_changed), self);
  g_signal_connect_swapped (self->sets_spin, "value-changed", G_CALLBACK (field_changed), self);
  g_signal_connect_swapped (self->reps_spin, "value-changed", G_CALLBACK (field_changed), self);

  update_treatment (self);
  ready (self, GTK_WIDGET (self->kind_row));

  return self;
}

static char *
format_int_or_empty (int value)
{
  return value == KJ_UNSET ? g_strdup ("") : g_strdup_printf ("%d", value);
}

/* The pair the run was run in: none, the pairs in use, and a retired pair
 * only when it is this run's. A new run starts with the default pair. */
static void
add_shoe_row (KjRecordEditor      *self,
              AdwPreferencesGroup *group,
              GPtrArray           *shoes,
              gboolean             is_new)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) factory = kj_a11y_string_factory_new ();
  const char *want = self->run->shoe_id;
  guint selected = 0;

  if (shoes == NULL || shoes->len == 0)
    return;

  self->shoe_ids = g_ptr_array_new_with_free_func (g_free);
  /* Translators: a run run in no pair of shoes the journal knows */
  gtk_string_list_append (names, C_("shoe", "None"));
  g_ptr_array_add (self->shoe_ids, NULL);

  for (guint i = 0; i < shoes->len; i++)
    {
      const KjShoe *shoe = g_ptr_array_index (shoes, i);
      gboolean mine = g_strcmp0 (shoe->id, want) == 0;

      if (kj_shoe_is_retired (shoe) && !mine)
        continue;

      if (mine || (is_new && want == NULL && shoe->is_default))
        selected = self->shoe_ids->len;
      if (kj_shoe_is_retired (shoe))
        {
          /* Translators: a pair of shoes no longer in use, “Pegasus 38 (retired)” */
          g_autofree char *label = g_strdup_printf (_("%s (retired)"), shoe->name);

          gtk_string_list_append (names, label);
        }
      else
        gtk_string_list_append (names, shoe->name);
      g_ptr_array_add (self->shoe_ids, g_strdup (shoe->id));
    }

  self->shoe_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->shoe_row), _("Shoes"));
  adw_combo_row_set_factory (self->shoe_row, factory);
  adw_combo_row_set_model (self->shoe_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->shoe_row, selected);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->shoe_row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Shoes"), -1);
  adw_preferences_group_add (group, GTK_WIDGET (self->shoe_row));
  g_signal_connect_swapped (self->shoe_row, "notify::selected", G_CALLBACK (field_changed), self);
}

/**
 * kj_record_editor_new_run:
 * @shoes: (element-type KjShoe) (nullable): the journal's pairs, for the
 *   Shoes row (none: no row)
 */
KjRecordEditor *
kj_record_editor_new_run (GtkWindow   *parent,
                          const KjRun *run,
                          gboolean     is_new,
                          KjUnits      units,
                          GPtrArray   *shoes)
{
  KjRecordEditor *self = g_object_new (KJ_TYPE_RECORD_EDITOR, "transient-for", parent, NULL);
  AdwPreferencesGroup *group;
  g_autofree char *distance = NULL;
  g_autofree char *duration = run->duration_s != KJ_UNSET ? kj_format_duration (run->duration_s) : g_strdup ("");
  g_autofree char *descent = isnan (run->descent_m)
                             ? g_strdup ("") : g_strdup_printf ("%.0f", kj_descent_in_units (run->descent_m, units));
  g_autofree char *during = format_int_or_empty (run->pain_during);
  g_autofree char *after = format_int_or_empty (run->pain_after);
  GtkWidget *stopped_row;
  gboolean miles = units == KJ_UNITS_MI;

  self->run = kj_run_copy (run);
  if (self->run->id == NULL)
    self->run->id = g_uuid_string_random ();
  self->miles = miles;
  self->touched = !is_new;
  group = build_frame (self, is_new ? _("Add Run") : _("Edit Run"), is_new);

  distance = run->distance_km > 0 ? g_strdup_printf ("%.2f", kj_distance_in_units (run->distance_km, units))
                                  : g_strdup ("");
  self->distance_row = add_entry_row (self, group, miles ? _("Distance (mi)") : _("Distance (km)"), distance);
  self->duration_row = add_entry_row (self, group, _("Time (h:mm:ss, or minutes)"), duration);
  self->pace_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->pace_row), _("Pace"));
  adw_preferences_group_add (group, GTK_WIDGET (self->pace_row));
  self->descent_row = add_entry_row (self, group, miles ? _("Downhill (ft)") : _("Downhill (m)"), descent);
  self->pain_during_row = add_entry_row (self, group, _("Pain during the run (0–10)"), during);
  self->pain_after_row = add_entry_row (self, group, _("Pain after the run (0–10)"), after);

  stopped_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (stopped_row), _("Stopped early because of pain"));
  self->stopped_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_switch_set_active (self->stopped_switch, run->stopped_early);
  gtk_widget_set_valign (GTK_WIDGET (self->stopped_switch), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (stopped_row), GTK_WIDGET (self->stopped_switch));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (stopped_row), GTK_WIDGET (self->stopped_switch));
  adw_preferences_group_add (group, stopped_row);
  g_signal_connect_swapped (self->stopped_switch, "notify::active", G_CALLBACK (field_changed), self);

  add_shoe_row (self, group, shoes, is_new);
  add_notes_row (self, group, run->notes);
  adw_preferences_group_add (group, self->error_label);

  update_run (self);
  ready (self, GTK_WIDGET (self->distance_row));

  return self;
}

const KjTreatment *
kj_record_editor_get_treatment (KjRecordEditor *self)
{
  g_return_val_if_fail (KJ_IS_RECORD_EDITOR (self), NULL);

  return self->treatment;
}

const KjRun *
kj_record_editor_get_run (KjRecordEditor *self)
{
  g_return_val_if_fail (KJ_IS_RECORD_EDITOR (self), NULL);

  return self->run;
}

/* The dose hint as shown, "" while hidden */
const char *
kj_record_editor_get_dose_hint (KjRecordEditor *self)
{
  g_return_val_if_fail (KJ_IS_RECORD_EDITOR (self), NULL);

  return gtk_widget_get_visible (self->dose_total) ? gtk_label_get_text (GTK_LABEL (self->dose_total)) : "";
}

/* The message under the fields as shown, "" while hidden */
const char *
kj_record_editor_get_error (KjRecordEditor *self)
{
  g_return_val_if_fail (KJ_IS_RECORD_EDITOR (self), NULL);

  return gtk_widget_get_visible (self->error_label) ? gtk_label_get_text (GTK_LABEL (self->error_label)) : "";
}

static void
kj_record_editor_finalize (GObject *object)
{
  KjRecordEditor *self = (KjRecordEditor *) object;

  g_clear_pointer (&self->treatment, kj_treatment_free);
  g_clear_pointer (&self->run, kj_run_free);
  g_clear_pointer (&self->day_treatments, g_ptr_array_unref);
  g_clear_pointer (&self->shoe_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (kj_record_editor_parent_class)->finalize (object);
}

static void
kj_record_editor_class_init (KjRecordEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = kj_record_editor_finalize;

  /**
   * KjRecordEditor::saved:
   *
   * The user pressed Add or Done on a valid record; get it with
   * kj_record_editor_get_treatment() or kj_record_editor_get_run().
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kj_record_editor_init (KjRecordEditor *self)
{
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 460, 560);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
}
