/* kj-day-records.c — the Today page's treatments and runs of one day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A section of the Today page, shown with the day's entry and, before the
 * day's pain is rated, on the page asking for it. It lists the treatments and
 * runs of #KjDayRecords:date, offers quick buttons for ice, the last three
 * medicines (a dose logged for today gets the time of day) and the last exercise, opens the record editor to add or change one, and
 * stores it when the editor closes. Deleting offers Undo, which stores the
 * very same record again, id and all.
 *
 * Its actions are a #GActionGroup that the page inserts under its own prefix
 * (`today.add-treatment`, `today.delete-run` …) rather than class actions:
 * the section moves between the entry and the page asking for the pain, and
 * GTK 4.8 leaves the buttons of a moved widget that has class actions
 * insensitive.
 */
#define G_LOG_DOMAIN "knee-journal-day-records"

#include "config.h"

#include <glib/gi18n.h>

#include "kj-day-records.h"
#include "kj-format.h"
#include "kj-gtk-util.h"
#include "kj-record-editor.h"
#include "kj-warnings.h"
#include "kj-wrap-box.h"

struct _KjDayRecords
{
  GtkWidget   parent_instance;

  KjStore    *store;
  char        date[11];
  KjUnits     units;         /* the journal's, for every distance and descent shown */
  GPtrArray  *treatments;    /* of the date */
  GPtrArray  *runs;
  gboolean    has_records;
  gboolean    stale;       /* the date or journal changed while the section was not shown */

  /* template widgets */
  GSimpleActionGroup *actions;  /* today.add-treatment …, inserted on the page */

  KjWrapBox  *quick_box;
  GtkListBox *treatments_list;
  GtkListBox *runs_list;
  GtkLabel   *medication_label;
};

G_DEFINE_FINAL_TYPE (KjDayRecords, kj_day_records, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_DATE,
  PROP_HAS_RECORDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  TOAST,
  CHANGED,
  DIALOG_OPENING,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_message (KjDayRecords *self,
              const char   *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 6);
  g_signal_emit (self, signals[TOAST], 0, toast);
}

/* The lists */

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
  kj_gtk_set_tooltip_text (remove, remove_label);
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

/* The day's medicines against their maximum, by kj_medication_day_new(),
 * the rule the treatment dialog, Trends, the report and --summary share */
static void
update_medication_summary (KjDayRecords *self)
{
  g_autoptr(KjMedicationDay) day = kj_medication_day_new (self->treatments, self->date, NULL);
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
add_quick_button (KjDayRecords      *self,
                  KjTreatment       *template,
                  guint              index)
{
  g_autofree char *label = NULL;

  /* a quick dose gets the time it is logged, not the time of the one it copies */
  template->time[0] = '\0';
  label = kj_format_treatment (template);
  g_autofree char *tooltip = g_strdup_printf (_("Log %s for this day"), label);
  GtkWidget *button = kj_chip_new (GTK_TYPE_BUTTON, "list-add-symbolic", label, NULL);

  kj_gtk_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "today.quick-treatment");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", index);
  g_object_set_data_full (G_OBJECT (button), "template", kj_treatment_copy (template), (GDestroyNotify) kj_treatment_free);
  kj_wrap_box_append (self->quick_box, button);
}

static void
refresh_quick_buttons (KjDayRecords *self)
{
  g_autoptr(KjTreatment) ice = kj_treatment_new (self->date, "ice");
  g_autoptr(GPtrArray) medicines = NULL;
  g_autoptr(KjTreatment) exercise = NULL;
  guint index = 0;

  kj_wrap_box_remove_all (self->quick_box);

  ice->minutes = 15;
  add_quick_button (self, ice, index++);

  if (self->store == NULL)
    return;

  /* the last three medicines, each with its latest dose (doc/data-model.md, “Routine treatments”) */
  medicines = kj_store_list_last_medicines (self->store, self->date, 3, NULL);
  for (guint i = 0; medicines != NULL && i < medicines->len; i++)
    add_quick_button (self, g_ptr_array_index (medicines, i), index++);

  exercise = kj_store_get_last_treatment (self->store, "exercise", "stretching", self->date, NULL);
  if (exercise != NULL)
    add_quick_button (self, exercise, index++);
}

static void
refresh_records (KjDayRecords *self)
{
  gboolean has_records = self->treatments->len + self->runs->len > 0;

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
  update_medication_summary (self);
  refresh_quick_buttons (self);

  if (has_records != self->has_records)
    {
      self->has_records = has_records;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_RECORDS]);
    }
}

/* Reads the treatments and runs of the date. */
static void
read_records (KjDayRecords *self)
{
  g_autoptr(GError) error = NULL;

  self->stale = FALSE;

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

/* The records are read when the section is shown: on a day with an entry it
 * starts below the Today page's first screen (kj_today_page_map()), and the
 * window's first frame does not wait for it. Whatever asks for them before
 * reads them first (ensure_records()). */
static void
load_records (KjDayRecords *self)
{
  self->stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    read_records (self);
}

static void
ensure_records (KjDayRecords *self)
{
  if (self->stale)
    read_records (self);
}

/* Stored or deleted: the lists are read again, and the page hears of it. */
static void
records_changed (KjDayRecords *self)
{
  load_records (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* The editor */

static void
store_treatment (KjDayRecords *self,
                 KjTreatment  *treatment)
{
  g_autoptr(GError) error = NULL;

  if (!kj_store_save_treatment (self->store, treatment, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The treatment could not be saved: %s"), error->message);
      show_message (self, message);
      return;
    }

  records_changed (self);
}

static void
treatment_saved (KjRecordEditor *editor,
                 KjDayRecords   *self)
{
  g_autoptr(KjTreatment) treatment = kj_treatment_copy (kj_record_editor_get_treatment (editor));

  store_treatment (self, treatment);
}

static void
run_saved (KjRecordEditor *editor,
           KjDayRecords   *self)
{
  g_autoptr(KjRun) run = kj_run_copy (kj_record_editor_get_run (editor));
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) km_before = kj_store_get_shoe_km (self->store, NULL);
  g_autoptr(GPtrArray) alerts = NULL;

  if (!kj_store_save_run (self->store, run, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The run could not be saved: %s"), error->message);
      show_message (self, message);
      return;
    }

  records_changed (self);

  /* a pair this run took past its alert distance: said once */
  alerts = kj_store_shoe_alerts (self->store, km_before, self->units);
  for (guint i = 0; i < alerts->len; i++)
    show_message (self, g_ptr_array_index (alerts, i));
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

static GtkWindow *
get_window (KjDayRecords *self)
{
  return GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
}

static void
editor_destroyed (GtkWidget    *editor,
                  KjDayRecords *self)
{
  GtkWidget *opener = g_object_get_data (G_OBJECT (editor), "kj-opener");

  if (gtk_widget_get_root (opener) != NULL && gtk_widget_get_mapped (opener))
    gtk_widget_grab_focus (opener);
  else    /* a row made anew by the save: the section's first control */
    gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
}

/* When @editor closes, the keyboard focus goes back to what opened it */
static void
return_focus_on_close (KjDayRecords *self,
                       GtkWindow    *editor)
{
  GtkWidget *opener = gtk_root_get_focus (GTK_ROOT (get_window (self)));

  if (opener == NULL)
    return;

  g_object_set_data_full (G_OBJECT (editor), "kj-opener", g_object_ref (opener), g_object_unref);
  g_signal_connect_object (editor, "destroy", G_CALLBACK (editor_destroyed), self, 0);
}

static void
open_treatment_editor (KjDayRecords      *self,
                       const KjTreatment *treatment,
                       gboolean           is_new)
{
  KjRecordEditor *editor;

  /* a dialog is a way out of the page too: the page stores its edit first */
  g_signal_emit (self, signals[DIALOG_OPENING], 0);
  editor = kj_record_editor_new_treatment (get_window (self), treatment, is_new, self->treatments);
  g_signal_connect_object (editor, "saved", G_CALLBACK (treatment_saved), self, 0);
  return_focus_on_close (self, GTK_WINDOW (editor));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
open_run_editor (KjDayRecords *self,
                 const KjRun  *run,
                 gboolean      is_new)
{
  KjRecordEditor *editor;
  g_autoptr(GPtrArray) shoes = kj_store_list_shoes (self->store, NULL);

  g_signal_emit (self, signals[DIALOG_OPENING], 0);
  editor = kj_record_editor_new_run (get_window (self), run, is_new, self->units, shoes);
  g_signal_connect_object (editor, "saved", G_CALLBACK (run_saved), self, 0);
  return_focus_on_close (self, GTK_WINDOW (editor));
  gtk_window_present (GTK_WINDOW (editor));
}

/* Undo: the deleted record goes with the toast, and is stored again, id and all */

static void
undo_clicked (AdwToast     *toast,
              KjDayRecords *self)
{
  KjTreatment *treatment = g_object_get_data (G_OBJECT (toast), "treatment");
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (treatment != NULL)
    ok = kj_store_save_treatment (self->store, treatment, &error);
  else
    ok = kj_store_save_run (self->store, g_object_get_data (G_OBJECT (toast), "run"), &error);

  if (!ok)
    {
      g_autofree char *message = g_strdup_printf (_("Could not undo: %s"), error->message);
      show_message (self, message);
    }

  records_changed (self);
}

/* Offers to store @treatment or @run again (a copy, owned by the toast from now on). */
static void
offer_undo (KjDayRecords *self,
            const char   *message,
            KjTreatment  *treatment,
            KjRun        *run)
{
  AdwToast *toast = adw_toast_new (message);

  if (treatment != NULL)
    g_object_set_data_full (G_OBJECT (toast), "treatment", treatment, (GDestroyNotify) kj_treatment_free);
  else
    g_object_set_data_full (G_OBJECT (toast), "run", run, (GDestroyNotify) kj_run_free);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_clicked), self, 0);
  g_signal_emit (self, signals[TOAST], 0, toast);
}

/* Actions */

static void
action_add_treatment (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  KjDayRecords *self = user_data;
  g_autoptr(KjTreatment) treatment = kj_treatment_new (self->date, "ice");

  ensure_records (self);
  treatment->minutes = 15;
  open_treatment_editor (self, treatment, TRUE);
}

/* A quick dose logged for today is taken now: it gets the time of day;
 * on another day the time is not known */
static void
stamp_time (KjDayRecords *self,
            KjTreatment  *treatment)
{
  g_autofree char *today = kj_date_today ();
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *time = NULL;

  treatment->time[0] = '\0';
  if (g_strcmp0 (treatment->kind, "medication") != 0 || strcmp (self->date, today) != 0)
    return;

  now = g_date_time_new_now_local ();
  time = g_date_time_format (now, "%H:%M");
  g_strlcpy (treatment->time, time, sizeof treatment->time);
}

static void
action_quick_treatment (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  KjDayRecords *self = user_data;
  guint index = g_variant_get_uint32 (parameter);
  GtkWidget *button;
  const KjTreatment *template;
  g_autoptr(KjTreatment) treatment = NULL;
  g_autofree char *label = NULL;
  g_autofree char *message = NULL;
  gboolean had_focus;

  /* the quick buttons are made as the records are read */
  ensure_records (self);
  if ((button = kj_wrap_box_get_child_at_index (self->quick_box, index)) == NULL)
    return;

  template = g_object_get_data (G_OBJECT (button), "template");
  treatment = kj_treatment_copy (template);
  g_clear_pointer (&treatment->id, g_free);
  g_strlcpy (treatment->date, self->date, sizeof treatment->date);
  g_free (treatment->notes);
  treatment->notes = g_strdup ("");
  stamp_time (self, treatment);

  label = kj_format_treatment (treatment);
  had_focus = gtk_widget_has_focus (button);
  store_treatment (self, treatment);

  /* the buttons are made anew: the keyboard stays on this one */
  if (had_focus && (button = kj_wrap_box_get_child_at_index (self->quick_box, index)) != NULL)
    gtk_widget_grab_focus (button);

  /* Translators: “Logged Ice · 15 min” */
  message = g_strdup_printf (_("Logged %s"), label);
  show_message (self, message);
}

static void
action_edit_treatment (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  KjDayRecords *self = user_data;
  KjTreatment *treatment;

  ensure_records (self);
  if ((treatment = find_record (self->treatments, g_variant_get_string (parameter, NULL))) != NULL)
    open_treatment_editor (self, treatment, FALSE);
}

static void
action_delete_treatment (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  KjDayRecords *self = user_data;
  KjTreatment *treatment;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *message = NULL;
  KjTreatment *deleted;

  ensure_records (self);
  if ((treatment = find_record (self->treatments, g_variant_get_string (parameter, NULL))) == NULL)
    return;

  if (!kj_store_delete_treatment (self->store, treatment->id, &error))
    {
      show_message (self, error->message);
      return;
    }

  deleted = kj_treatment_copy (treatment);
  label = kj_format_treatment (treatment);
  /* Translators: “Deleted Ice · 15 min” */
  message = g_strdup_printf (_("Deleted %s"), label);
  records_changed (self);
  offer_undo (self, message, deleted, NULL);
}

static void
action_add_run (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  KjDayRecords *self = user_data;
  g_autoptr(KjRun) run = kj_run_new (self->date, 0);

  ensure_records (self);
  open_run_editor (self, run, TRUE);
}

static void
action_edit_run (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  KjDayRecords *self = user_data;
  KjRun *run;

  ensure_records (self);
  if ((run = find_record (self->runs, g_variant_get_string (parameter, NULL))) != NULL)
    open_run_editor (self, run, FALSE);
}

static void
action_delete_run (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  KjDayRecords *self = user_data;
  KjRun *run;
  g_autoptr(GError) error = NULL;
  KjRun *deleted;

  ensure_records (self);
  if ((run = find_record (self->runs, g_variant_get_string (parameter, NULL))) == NULL)
    return;

  if (!kj_store_delete_run (self->store, run->id, &error))
    {
      show_message (self, error->message);
      return;
    }

  deleted = kj_run_copy (run);
  records_changed (self);
  offer_undo (self, _("The run was deleted"), NULL, deleted);
}

static void
kj_day_records_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (kj_day_records_parent_class)->map (widget);

  ensure_records (KJ_DAY_RECORDS (widget));
}

/* GObject */

static void
kj_day_records_dispose (GObject *object)
{
  KjDayRecords *self = KJ_DAY_RECORDS (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), KJ_TYPE_DAY_RECORDS);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (kj_day_records_parent_class)->dispose (object);
}

static void
kj_day_records_finalize (GObject *object)
{
  KjDayRecords *self = KJ_DAY_RECORDS (object);

  g_clear_pointer (&self->treatments, g_ptr_array_unref);
  g_clear_pointer (&self->runs, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->actions);

  G_OBJECT_CLASS (kj_day_records_parent_class)->finalize (object);
}

static void
kj_day_records_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KjDayRecords *self = KJ_DAY_RECORDS (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case PROP_HAS_RECORDS:
      g_value_set_boolean (value, kj_day_records_get_has_records (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kj_day_records_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  KjDayRecords *self = KJ_DAY_RECORDS (object);

  switch (prop_id)
    {
    case PROP_STORE:
      kj_day_records_set_store (self, g_value_get_object (value));
      break;

    case PROP_DATE:
      kj_day_records_set_date (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kj_day_records_class_init (KjDayRecordsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kj_day_records_dispose;
  widget_class->map = kj_day_records_map;
  object_class->finalize = kj_day_records_finalize;
  object_class->get_property = kj_day_records_get_property;
  object_class->set_property = kj_day_records_set_property;

  /**
   * KjDayRecords:store:
   *
   * The journal the records are read from and stored in.
   */
  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, KJ_TYPE_STORE,
                                                G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                G_PARAM_STATIC_STRINGS);

  /**
   * KjDayRecords:date:
   *
   * The day (YYYY-MM-DD) whose treatments and runs are shown.
   */
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL,
                                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                               G_PARAM_STATIC_STRINGS);

  /**
   * KjDayRecords:has-records:
   *
   * Whether the day has a treatment or a run.
   */
  properties[PROP_HAS_RECORDS] = g_param_spec_boolean ("has-records", NULL, NULL, FALSE,
                                                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KjDayRecords::toast:
   * @toast: an #AdwToast to show
   */
  signals[TOAST] = g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  /**
   * KjDayRecords::changed:
   *
   * A treatment or run of the date was stored or deleted.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);

  /**
   * KjDayRecords::dialog-opening:
   *
   * The editor of a treatment or run is about to open: what waits to be
   * stored elsewhere on the page is stored now.
   */
  signals[DIALOG_OPENING] = g_signal_new ("dialog-opening", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                          NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (KJ_TYPE_WRAP_BOX);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/kj-day-records.ui");
  gtk_widget_class_bind_template_child (widget_class, KjDayRecords, quick_box);
  gtk_widget_class_bind_template_child (widget_class, KjDayRecords, treatments_list);
  gtk_widget_class_bind_template_child (widget_class, KjDayRecords, runs_list);
  gtk_widget_class_bind_template_child (widget_class, KjDayRecords, medication_label);

}

static const GActionEntry actions[] = {
  { "add-treatment", action_add_treatment },
  { "quick-treatment", action_quick_treatment, "u" },
  { "edit-treatment", action_edit_treatment, "s" },
  { "delete-treatment", action_delete_treatment, "s" },
  { "add-run", action_add_run },
  { "edit-run", action_edit_run, "s" },
  { "delete-run", action_delete_run, "s" },
};

static void
kj_day_records_init (KjDayRecords *self)
{
  g_autofree char *today = kj_date_today ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), actions, G_N_ELEMENTS (actions), self);

  g_strlcpy (self->date, today, sizeof self->date);
  load_records (self);
}

/* Public API */

KjStore *
kj_day_records_get_store (KjDayRecords *self)
{
  g_return_val_if_fail (KJ_IS_DAY_RECORDS (self), NULL);

  return self->store;
}

/**
 * kj_day_records_set_store:
 *
 * Shows the date's records in @store, read anew even when @store is the one
 * shown already: the journal may have changed elsewhere (an import, the
 * profile's units).
 */
void
kj_day_records_set_store (KjDayRecords *self,
                          KjStore      *store)
{
  g_autoptr(KjProfile) profile = NULL;

  g_return_if_fail (KJ_IS_DAY_RECORDS (self));
  g_return_if_fail (store == NULL || KJ_IS_STORE (store));

  if (g_set_object (&self->store, store))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);

  if (store != NULL && (profile = kj_store_get_profile (store, NULL)) != NULL)
    self->units = kj_units_from_profile (profile);

  load_records (self);
}

const char *
kj_day_records_get_date (KjDayRecords *self)
{
  g_return_val_if_fail (KJ_IS_DAY_RECORDS (self), NULL);

  return self->date;
}

/* Shows the records of @date (YYYY-MM-DD). */
void
kj_day_records_set_date (KjDayRecords *self,
                         const char   *date)
{
  g_return_if_fail (KJ_IS_DAY_RECORDS (self));
  g_return_if_fail (kj_date_is_valid (date));

  if (g_str_equal (self->date, date))
    return;

  g_strlcpy (self->date, date, sizeof self->date);
  load_records (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

gboolean
kj_day_records_get_has_records (KjDayRecords *self)
{
  g_return_val_if_fail (KJ_IS_DAY_RECORDS (self), FALSE);

  ensure_records (self);

  return self->has_records;
}

/**
 * kj_day_records_get_actions:
 *
 * The section's actions, for the page to insert under its prefix: `add-treatment`,
 * `quick-treatment` (u, the quick button's index), `edit-treatment` and
 * `delete-treatment` (s, the id), `add-run`, `edit-run`, `delete-run`.
 *
 * Returns: (transfer none): the actions
 */
GActionGroup *
kj_day_records_get_actions (KjDayRecords *self)
{
  g_return_val_if_fail (KJ_IS_DAY_RECORDS (self), NULL);

  return G_ACTION_GROUP (self->actions);
}
