/* test-today.c — the Today page and the knee diagram in a real window under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>

#include "kj-application.h"
#include "kj-knee-diagram.h"
#include "kj-knee-render.h"
#include "kj-record-editor.h"
#include "kj-test-gtk.h"
#include "kj-test-util.h"
#include "kj-today-page.h"
#include "kj-window.h"

static KjTestGui gui;
static KjApplication *app;
static KjWindow *window;
static KjTodayPage *page;
static AdwToast *last_toast;
static const char *db_path;
static char yesterday[11];

static void
page_toast (KjTodayPage *p,
            AdwToast    *toast,
            gpointer     data)
{
  g_set_object (&last_toast, toast);
}

/* The day as stored on disk, read through a second connection. */
static KjDay *
stored_day (const char *date)
{
  g_autoptr(KjStore) store = NULL;
  g_autoptr(GError) error = NULL;
  KjDay *day;

  store = kj_store_open (db_path, &error);
  g_assert_no_error (error);
  day = kj_store_get_day (store, date, &error);
  g_assert_no_error (error);

  return day;
}

static GPtrArray *
stored_treatments (const char *date)
{
  g_autoptr(KjStore) store = kj_store_open (db_path, NULL);

  return kj_store_list_treatments (store, date, date, NULL);
}

static GPtrArray *
stored_runs (const char *date)
{
  g_autoptr(KjStore) store = kj_store_open (db_path, NULL);

  return kj_store_list_runs (store, date, date, NULL);
}

/* Waits until the autosave of the page has run. */
static void
wait_for_autosave (void)
{
  g_usleep (500 * 1000);
  kj_test_settle ();
}

static void
test_today_log_day (void)
{
  g_autoptr(KjDay) day = NULL;

  kj_window_show_day (window, yesterday);
  kj_test_settle ();
  g_assert_null (kj_today_page_get_day (page));

  /* a quick pain button starts the entry */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.log-pain", "u", 6));
  kj_test_settle ();
  g_assert_nonnull (kj_today_page_get_day (page));
  day = stored_day (yesterday);
  g_assert_nonnull (day);
  g_assert_cmpint (day->pain, ==, 6);
  g_assert_true (g_uuid_string_is_valid (day->id));
  g_clear_pointer (&day, kj_day_free);

  /* the scale changes it, saved without a Save button */
  gtk_adjustment_set_value (kj_today_page_get_pain_adjustment (page), 4);
  wait_for_autosave ();
  day = stored_day (yesterday);
  g_assert_cmpint (day->pain, ==, 4);
  g_assert_cmpint (day->pain_worst, ==, KJ_UNSET);
}

static int
region (const char *code)
{
  return kj_region_from_code (code);
}

static void
test_today_diagram_pointer (void)
{
  KjKneeDiagram *diagram = kj_today_page_get_diagram (page);
  g_autoptr(KjDay) day = NULL;
  double x, y, nx, ny;

  g_assert_true (kj_test_wait_until (kj_test_widget_is_drawn, diagram));
  g_assert_cmpint (kj_knee_diagram_get_side (diagram), ==, KJ_SIDE_RIGHT);

  /* the centre of every region, in pixels, hits that region */
  for (int r = 0; r < KJ_N_REGIONS; r++)
    {
      if (!kj_knee_diagram_region_at_point (diagram, r, &x, &y))
        continue;
      g_assert_true (kj_knee_to_normalized (gtk_widget_get_width (GTK_WIDGET (diagram)),
                                            gtk_widget_get_height (GTK_WIDGET (diagram)), x, y, &nx, &ny));
      g_assert_cmpint (kj_region_at (KJ_VIEW_FRONT, KJ_SIDE_RIGHT, nx, ny), ==, r);
    }

  /* what a click does */
  kj_knee_diagram_toggle (diagram, region ("pes-anserine"));
  kj_knee_diagram_toggle (diagram, region ("medial-joint-line"));
  kj_test_settle ();
  g_assert_cmphex (kj_knee_diagram_get_selected (diagram, KJ_SIDE_RIGHT), ==,
                   (1u << region ("pes-anserine")) | (1u << region ("medial-joint-line")));

  /* the back of the left knee too */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.previous", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.next", NULL));
  kj_knee_diagram_set_side (diagram, KJ_SIDE_LEFT);
  kj_knee_diagram_set_view (diagram, KJ_VIEW_BACK);
  kj_knee_diagram_toggle (diagram, region ("popliteal"));
  kj_test_settle ();

  wait_for_autosave ();
  day = stored_day (yesterday);
  g_assert_cmpuint (day->locations->len, ==, 3);
  g_assert_true (kj_day_has_location (day, "right", "pes-anserine"));
  g_assert_true (kj_day_has_location (day, "right", "medial-joint-line"));
  g_assert_true (kj_day_has_location (day, "left", "popliteal"));

  kj_knee_diagram_set_view (diagram, KJ_VIEW_FRONT);
  kj_knee_diagram_set_side (diagram, KJ_SIDE_RIGHT);
}

static gboolean
toggle_is_active (gpointer button)
{
  return gtk_toggle_button_get_active (button);
}

static gboolean
toggle_is_inactive (gpointer button)
{
  return !gtk_toggle_button_get_active (button);
}

static gboolean
key (KjKneeDiagram *diagram,
     guint          keyval)
{
  gboolean handled = FALSE;

  {
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (diagram));

    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
          g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
      }
  }

  return handled;
}

static void
test_today_diagram_keyboard (void)
{
  KjKneeDiagram *diagram = kj_today_page_get_diagram (page);
  gboolean seen[KJ_N_REGIONS] = { FALSE };
  const guint keys[] = { GDK_KEY_Right, GDK_KEY_Down, GDK_KEY_Left, GDK_KEY_Up };
  GtkWidget *hotspot;
  g_autoptr(KjDay) day = NULL;
  int n_front = 0, n_seen = 0;

  /* focus the kneecap, then walk with the arrow keys */
  hotspot = kj_knee_diagram_get_hotspot (diagram, region ("patella"));
  g_assert_true (gtk_widget_get_focusable (hotspot) || gtk_widget_get_can_focus (hotspot));
  g_assert_true (gtk_widget_grab_focus (hotspot));
  kj_test_settle ();
  g_assert_cmpint (kj_knee_diagram_get_focus_region (diagram), ==, region ("patella"));

  g_assert_true (key (diagram, GDK_KEY_Right));
  kj_test_settle ();
  g_assert_cmpint (kj_knee_diagram_get_focus_region (diagram), ==, region ("medial-patella"));
  g_assert_true (key (diagram, GDK_KEY_Left));
  kj_test_settle ();
  g_assert_cmpint (kj_knee_diagram_get_focus_region (diagram), ==, region ("patella"));

  /* a walk of arrow keys reaches every region of the front view */
  for (guint step = 0; step < 300; step++)
    {
      int focus = kj_knee_diagram_get_focus_region (diagram);

      g_assert_cmpint (focus, !=, KJ_REGION_NONE);
      seen[focus] = TRUE;
      key (diagram, keys[g_random_int_range (0, 4)]);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
  for (int r = 0; r < KJ_N_REGIONS; r++)
    {
      if (kj_region_get (r)->view != KJ_VIEW_FRONT)
        continue;
      n_front++;
      n_seen += seen[r];
    }
  g_assert_cmpint (n_seen, ==, n_front);

  /* Space (the hotspot's activation) toggles: mark the kneecap */
  hotspot = kj_knee_diagram_get_hotspot (diagram, region ("patella"));
  gtk_widget_grab_focus (hotspot);
  g_assert_true (gtk_widget_activate (hotspot));
  g_assert_true (kj_test_wait_until (toggle_is_active, hotspot));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (hotspot), "Right knee, front: Kneecap"));

  wait_for_autosave ();
  day = stored_day (yesterday);
  g_assert_true (kj_day_has_location (day, "right", "patella"));

  /* every hotspot has a name in words */
  for (int r = 0; r < KJ_N_REGIONS; r++)
    g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (kj_knee_diagram_get_hotspot (diagram, r)), "knee, "));

  /* the names follow the knee shown, and marking a place leaves them as they are */
  kj_knee_diagram_set_side (diagram, KJ_SIDE_LEFT);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (hotspot), ==, "Left knee, front: Kneecap");
  kj_knee_diagram_set_side (diagram, KJ_SIDE_RIGHT);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (hotspot), ==, "Right knee, front: Kneecap");
  g_assert_true (gtk_widget_activate (hotspot));
  g_assert_true (kj_test_wait_until (toggle_is_inactive, hotspot));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (hotspot), ==, "Right knee, front: Kneecap");
  g_assert_true (gtk_widget_activate (hotspot));
  g_assert_true (kj_test_wait_until (toggle_is_active, hotspot));
}

static void
test_today_symptoms_and_notes (void)
{
  const char *title = NULL;
  g_autoptr(KjDay) day = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (kj_today_page_get_notes_view (page));

  g_assert_false (kj_today_page_get_red_flag (page, NULL));
  gtk_toggle_button_set_active (kj_today_page_get_symptom_button (page, "giving-way"), TRUE);
  g_assert_true (kj_today_page_get_red_flag (page, &title));
  g_assert_cmpstr (title, ==, "See a doctor or physiotherapist soon");
  gtk_toggle_button_set_active (kj_today_page_get_symptom_button (page, "locking"), TRUE);
  g_assert_true (kj_today_page_get_red_flag (page, &title));
  g_assert_cmpstr (title, ==, "See a doctor now");
  gtk_toggle_button_set_active (kj_today_page_get_symptom_button (page, "locking"), FALSE);
  gtk_toggle_button_set_active (kj_today_page_get_symptom_button (page, "giving-way"), FALSE);
  gtk_toggle_button_set_active (kj_today_page_get_symptom_button (page, "stiffness"), TRUE);
  g_assert_false (kj_today_page_get_red_flag (page, NULL));

  gtk_text_buffer_set_text (buffer, "Stairs down hurt; “hills” — Knie 膝", -1);
  wait_for_autosave ();

  day = stored_day (yesterday);
  g_assert_cmpuint (day->symptoms->len, ==, 1);
  g_assert_cmpstr (day->symptoms->pdata[0], ==, "stiffness");
  g_assert_cmpstr (day->notes, ==, "Stairs down hurt; “hills” — Knie 膝");
}

static void
test_today_treatments (void)
{
  g_autoptr(GPtrArray) treatments = NULL;
  g_autofree char *id = NULL;
  KjRecordEditor *editor;

  /* the quick button: ice for 15 minutes */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.quick-treatment", "u", 0));
  kj_test_settle ();
  treatments = stored_treatments (yesterday);
  g_assert_cmpuint (treatments->len, ==, 1);
  g_assert_cmpstr (((KjTreatment *) treatments->pdata[0])->kind, ==, "ice");
  g_assert_cmpint (((KjTreatment *) treatments->pdata[0])->minutes, ==, 15);
  id = g_strdup (((KjTreatment *) treatments->pdata[0])->id);
  g_clear_pointer (&treatments, g_ptr_array_unref);

  /* delete, then undo: the same record comes back */
  g_clear_object (&last_toast);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.delete-treatment", "s", id));
  kj_test_settle ();
  treatments = stored_treatments (yesterday);
  g_assert_cmpuint (treatments->len, ==, 0);
  g_clear_pointer (&treatments, g_ptr_array_unref);
  g_assert_nonnull (last_toast);
  g_assert_cmpstr (adw_toast_get_button_label (last_toast), ==, "_Undo");
  g_signal_emit_by_name (last_toast, "button-clicked");
  kj_test_settle ();
  treatments = stored_treatments (yesterday);
  g_assert_cmpuint (treatments->len, ==, 1);
  g_assert_cmpstr (((KjTreatment *) treatments->pdata[0])->id, ==, id);
  g_clear_pointer (&treatments, g_ptr_array_unref);

  /* the editor: medication, 800 mg ibuprofen after 400 mg is over the daily maximum */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.add-treatment", NULL));
  g_assert_true (kj_test_wait_until (kj_test_toplevel_shown, GSIZE_TO_POINTER (KJ_TYPE_RECORD_EDITOR)));
  editor = KJ_RECORD_EDITOR (kj_test_find_toplevel (KJ_TYPE_RECORD_EDITOR));
  adw_combo_row_set_selected (ADW_COMBO_ROW (kj_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW, "Treatment")), 2);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (kj_test_find_widget (kj_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW, "Dose (mg)"),
                                                                    GTK_TYPE_SPIN_BUTTON, NULL)), 400);
  kj_test_settle ();
  kj_test_save_screenshot (GTK_WIDGET (editor), "treatment-editor");
  g_assert_cmpstr (kj_record_editor_get_treatment (editor)->kind, ==, "medication");
  g_assert_cmpstr (kj_record_editor_get_treatment (editor)->drug, ==, "ibuprofen");
  kj_record_editor_save (editor);
  kj_test_settle ();

  treatments = stored_treatments (yesterday);
  g_assert_cmpuint (treatments->len, ==, 2);
  g_assert_cmpint (((KjTreatment *) treatments->pdata[1])->dose_mg, ==, 400);
  g_assert_cmpint (((KjTreatment *) treatments->pdata[1])->minutes, ==, KJ_UNSET);

  /* the last medication is now a quick button */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.quick-treatment", "u", 1));
  kj_test_settle ();
  g_clear_pointer (&treatments, g_ptr_array_unref);
  treatments = stored_treatments (yesterday);
  g_assert_cmpuint (treatments->len, ==, 3);
  g_assert_cmpstr (((KjTreatment *) treatments->pdata[2])->drug, ==, "ibuprofen");

  /* before Add: the dialog counts the 800 mg already logged, and the new dose (#12) */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.add-treatment", NULL));
  g_assert_true (kj_test_wait_until (kj_test_toplevel_shown, GSIZE_TO_POINTER (KJ_TYPE_RECORD_EDITOR)));
  editor = KJ_RECORD_EDITOR (kj_test_find_toplevel (KJ_TYPE_RECORD_EDITOR));
  adw_combo_row_set_selected (ADW_COMBO_ROW (kj_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW, "Treatment")), 2);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (kj_test_find_widget (kj_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW, "Dose (mg)"),
                                                                    GTK_TYPE_SPIN_BUTTON, NULL)), 300);
  kj_test_settle ();
  g_test_message ("%s", kj_record_editor_get_dose_hint (editor));
  g_assert_nonnull (strstr (kj_record_editor_get_dose_hint (editor), "1100 mg of Ibuprofen today, of at most 1200 mg"));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (kj_test_find_widget (kj_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW, "Dose (mg)"),
                                                                    GTK_TYPE_SPIN_BUTTON, NULL)), 600);
  kj_test_settle ();
  g_assert_nonnull (strstr (kj_record_editor_get_dose_hint (editor), "1400 mg of Ibuprofen today — more than the 1200 mg"));

  /* naproxen on a day with ibuprofen: the two-NSAID warning */
  adw_combo_row_set_selected (ADW_COMBO_ROW (kj_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW, "Medicine")), 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (kj_test_find_widget (kj_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW, "Dose (mg)"),
                                                                    GTK_TYPE_SPIN_BUTTON, NULL)), 220);
  kj_test_settle ();
  g_test_message ("%s", kj_record_editor_get_dose_hint (editor));
  g_assert_cmpstr (kj_record_editor_get_treatment (editor)->drug, ==, "naproxen");
  g_assert_nonnull (strstr (kj_record_editor_get_dose_hint (editor), "220 mg of Naproxen today"));
  g_assert_nonnull (strstr (kj_record_editor_get_dose_hint (editor), "Two different anti-inflammatory painkillers"));
  gtk_window_destroy (GTK_WINDOW (editor));
  kj_test_settle ();
}

static void
test_today_runs (void)
{
  g_autoptr(GPtrArray) runs = NULL;
  KjRecordEditor *editor;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.add-run", NULL));
  g_assert_true (kj_test_wait_until (kj_test_toplevel_shown, GSIZE_TO_POINTER (KJ_TYPE_RECORD_EDITOR)));
  editor = KJ_RECORD_EDITOR (kj_test_find_toplevel (KJ_TYPE_RECORD_EDITOR));

  /* empty, before any typing: no error, nothing red; Add does nothing yet (#12) */
  kj_test_settle ();
  g_assert_cmpstr (kj_record_editor_get_error (editor), ==, "");
  g_assert_false (gtk_widget_has_css_class (kj_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Distance (km)"), "error"));
  kj_record_editor_save (editor);
  kj_test_settle ();
  g_assert_nonnull (kj_test_find_toplevel (KJ_TYPE_RECORD_EDITOR));
  /* pressing Add says what is missing, in words and the journal's unit */
  g_assert_cmpstr (kj_record_editor_get_error (editor), ==, "Enter the distance, at least 0.01 km.");
  g_assert_true (gtk_widget_has_css_class (kj_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Distance (km)"), "error"));

  gtk_editable_set_text (GTK_EDITABLE (kj_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Distance (km)")), "8,2");
  gtk_editable_set_text (GTK_EDITABLE (kj_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Time (h:mm:ss, or minutes)")), "46:00");
  gtk_editable_set_text (GTK_EDITABLE (kj_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Downhill (m)")), "140");
  gtk_editable_set_text (GTK_EDITABLE (kj_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Pain during the run (0–10)")), "11");
  kj_test_settle ();
  kj_test_save_screenshot (GTK_WIDGET (editor), "run-editor-error");

  /* pain 11 is refused: Add does nothing */
  kj_record_editor_save (editor);
  kj_test_settle ();
  g_assert_nonnull (kj_test_find_toplevel (KJ_TYPE_RECORD_EDITOR));
  g_assert_cmpstr (kj_record_editor_get_error (editor), ==, "Enter the pain during the run as a whole number from 0 to 10.");

  gtk_editable_set_text (GTK_EDITABLE (kj_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Pain during the run (0–10)")), "3");
  kj_test_settle ();
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (kj_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW, "Pace"))),
                   ==, "5:37 /km");
  kj_record_editor_save (editor);
  kj_test_settle ();
  g_assert_null (kj_test_find_toplevel (KJ_TYPE_RECORD_EDITOR));

  runs = stored_runs (yesterday);
  g_assert_cmpuint (runs->len, ==, 1);
  g_assert_cmpfloat (((KjRun *) runs->pdata[0])->distance_km, ==, 8.2);
  g_assert_cmpint (((KjRun *) runs->pdata[0])->duration_s, ==, 2760);
  g_assert_cmpfloat (((KjRun *) runs->pdata[0])->descent_m, ==, 140);
  g_assert_cmpint (((KjRun *) runs->pdata[0])->pain_during, ==, 3);
  g_assert_cmpint (((KjRun *) runs->pdata[0])->pain_after, ==, KJ_UNSET);
}

/* The scrolled window of the entry: the mapped one that has something to scroll. */
static GtkWidget *
find_scroller (GtkWidget *root)
{
  if (GTK_IS_SCROLLED_WINDOW (root) && gtk_widget_get_mapped (root))
    {
      GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (root));

      if (gtk_adjustment_get_upper (v) > gtk_adjustment_get_page_size (v) + 1)
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_scroller (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A journal in miles: the run dialog asks for miles and feet, says its
 * messages in them, and the day's list shows them (#12) */
static void
test_today_miles (void)
{
  KjStore *store = kj_application_get_store (app);
  g_autoptr(KjProfile) profile = kj_store_get_profile (store, NULL);
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  KjRecordEditor *editor;
  char date[11];

  profile->units = "mi";
  g_assert_true (kj_store_set_profile (store, profile, &error));
  g_assert_no_error (error);
  kj_today_page_set_store (page, store);
  kj_date_add_days (yesterday, -3, date);
  kj_window_show_day (window, date);
  kj_test_settle ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.add-run", NULL));
  g_assert_true (kj_test_wait_until (kj_test_toplevel_shown, GSIZE_TO_POINTER (KJ_TYPE_RECORD_EDITOR)));
  editor = KJ_RECORD_EDITOR (kj_test_find_toplevel (KJ_TYPE_RECORD_EDITOR));
  g_assert_null (kj_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Distance (km)"));
  kj_record_editor_save (editor);
  kj_test_settle ();
  g_assert_cmpstr (kj_record_editor_get_error (editor), ==, "Enter the distance, at least 0.01 mi.");

  gtk_editable_set_text (GTK_EDITABLE (kj_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Distance (mi)")), "5");
  gtk_editable_set_text (GTK_EDITABLE (kj_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Downhill (ft)")), "328");
  kj_test_settle ();
  g_assert_cmpstr (kj_record_editor_get_error (editor), ==, "");
  kj_record_editor_save (editor);
  kj_test_settle ();
  g_assert_null (kj_test_find_toplevel (KJ_TYPE_RECORD_EDITOR));

  runs = stored_runs (date);
  g_assert_cmpuint (runs->len, ==, 1);
  g_assert_cmpfloat_with_epsilon (((KjRun *) runs->pdata[0])->distance_km, 8.047, 1e-9);
  g_assert_cmpfloat (((KjRun *) runs->pdata[0])->descent_m, ==, 100);

  /* the day's list: miles and feet */
  title = kj_format_run (runs->pdata[0], KJ_UNITS_MI);
  g_assert_cmpstr (title, ==, "5.0 mi · 328 ft down");
  g_assert_nonnull (kj_test_find_widget (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, title));

  profile->units = "km";
  g_assert_true (kj_store_set_profile (store, profile, &error));
  kj_today_page_set_store (page, store);
  kj_window_show_day (window, yesterday);
  kj_test_settle ();
}

static void
test_today_screenshots (void)
{
  GtkWidget *scroller = find_scroller (GTK_WIDGET (page));
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

  gtk_toggle_button_set_active (kj_today_page_get_symptom_button (page, "giving-way"), TRUE);
  kj_test_settle ();
  kj_test_save_screenshot (GTK_WIDGET (window), "today-top");
  gtk_adjustment_set_value (vadjustment, 600);
  kj_test_settle ();
  kj_test_save_screenshot (GTK_WIDGET (window), "today-middle");
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_upper (vadjustment));
  kj_test_settle ();
  kj_test_save_screenshot (GTK_WIDGET (window), "today-bottom");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  gtk_adjustment_set_value (vadjustment, 300);
  kj_test_settle ();
  kj_test_save_screenshot (GTK_WIDGET (window), "today-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  gtk_toggle_button_set_active (kj_today_page_get_symptom_button (page, "giving-way"), FALSE);
  gtk_adjustment_set_value (vadjustment, 0);
  wait_for_autosave ();
}

/* Reopen the journal from disk: everything set through the widgets is there. */
static void
test_today_round_trip (void)
{
  g_autoptr(KjDay) day = stored_day (yesterday);
  g_autoptr(KjDay) undone = NULL;
  g_autofree char *id = g_strdup (day->id);

  g_assert_cmpint (day->pain, ==, 4);
  g_assert_true (kj_day_has_location (day, "right", "pes-anserine"));
  g_assert_true (kj_day_has_location (day, "left", "popliteal"));
  g_assert_true (kj_day_has_code (day->symptoms, "stiffness"));
  g_assert_false (kj_day_has_code (day->symptoms, "giving-way"));

  /* delete the entry; Undo brings back the very same record */
  g_clear_object (&last_toast);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.delete-entry", NULL));
  kj_test_settle ();
  g_assert_null (stored_day (yesterday));
  g_assert_null (kj_today_page_get_day (page));
  g_assert_nonnull (last_toast);
  g_signal_emit_by_name (last_toast, "button-clicked");
  kj_test_settle ();

  undone = stored_day (yesterday);
  g_assert_nonnull (undone);
  g_assert_true (kj_day_equal (day, undone));
  g_assert_cmpstr (undone->id, ==, id);
  g_assert_nonnull (kj_today_page_get_day (page));
}

static void
test_today_future (void)
{
  g_autofree char *today = kj_date_today ();
  char tomorrow[11];

  kj_window_show_day (window, today);
  kj_test_settle ();
  kj_date_add_days (today, 1, tomorrow);

  /* the next day is not offered, and a future day cannot be logged */
  kj_today_page_set_date (page, tomorrow);
  kj_test_settle ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.log-pain", "u", 3));
  kj_test_settle ();
  g_assert_null (kj_today_page_get_day (page));
  g_assert_null (stored_day (tomorrow));
  g_assert_true (kj_test_find_widget (GTK_WIDGET (page), ADW_TYPE_STATUS_PAGE, "This Day Is Still to Come") != NULL);
}

static int
pain_through (sqlite3    *db,
              const char *date)
{
  sqlite3_stmt *stmt = NULL;
  int pain = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT pain FROM days WHERE date = ?", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, date, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    pain = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  return pain;
}

static gboolean
save_error_hidden (gpointer data)
{
  return !gtk_revealer_get_reveal_child (data);
}

/* The journal locked by another program: the edit stays on screen with a
 * message, survives a reload, and is stored once the lock is gone */
static void
test_today_locked_journal (void)
{
  g_autoptr(KjDay) day = NULL;
  GtkRevealer *revealer;
  GtkWidget *label;
  sqlite3 *other = NULL;
  int before;

  kj_window_show_day (window, yesterday);
  kj_test_settle ();
  if (kj_today_page_get_day (page) == NULL)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.log-pain", "u", 3));
  kj_test_settle ();

  g_assert_cmpint (sqlite3_open (db_path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);
  before = pain_through (other, yesterday);
  g_assert_cmpint (before, >=, 0);
  g_assert_cmpint (before, !=, 9);

  gtk_adjustment_set_value (kj_today_page_get_pain_adjustment (page), 9);
  g_assert_false (kj_today_page_flush (page));
  kj_test_settle ();

  revealer = GTK_REVEALER (kj_test_find_widget (GTK_WIDGET (page), GTK_TYPE_REVEALER, NULL));
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  label = kj_test_find_widget (GTK_WIDGET (revealer), GTK_TYPE_LABEL, NULL);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (label)), "Your change could not be saved: "));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "another program"));
  g_assert_cmpint (pain_through (other, yesterday), ==, before);
  kj_test_save_screenshot (GTK_WIDGET (window), "today-save-failed");

  /* a retry while the lock is held fails again, the edit still on screen */
  g_assert_false (kj_today_page_flush (page));
  g_assert_true (gtk_revealer_get_reveal_child (revealer));

  /* reading the journal again does not drop the edit */
  kj_window_reload (window);
  kj_test_settle ();
  g_assert_cmpfloat (gtk_adjustment_get_value (kj_today_page_get_pain_adjustment (page)), ==, 9);

  /* the lock goes; the retry stores the edit */
  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  g_assert_true (kj_test_wait_until (save_error_hidden, revealer));
  day = stored_day (yesterday);
  g_assert_cmpint (day->pain, ==, 9);
  g_assert_true (kj_today_page_flush (page));
}

/* A full disk (the ENOSPC shim preloaded by meson): the same, with the
 * disk's words */
static void
test_today_full_disk (void)
{
  g_autofree char *folder = g_path_get_dirname (db_path);
  g_autoptr(KjDay) day = NULL;
  GtkRevealer *revealer;
  GtkWidget *label;
  sqlite3 *reader = NULL;
  int before;

  if (g_getenv ("LD_PRELOAD") == NULL || strstr (g_getenv ("LD_PRELOAD"), "enospc-shim") == NULL)
    {
      g_test_skip ("needs the ENOSPC shim in LD_PRELOAD (meson test sets it)");
      return;
    }

  kj_window_show_day (window, yesterday);
  kj_test_settle ();
  if (kj_today_page_get_day (page) == NULL)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.log-pain", "u", 3));
  kj_test_settle ();
  g_assert_true (kj_today_page_flush (page));

  g_assert_cmpint (sqlite3_open_v2 (db_path, &reader, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  before = pain_through (reader, yesterday);
  g_assert_cmpint (before, !=, 1);

  g_setenv ("KJ_ENOSPC_MATCH", folder, TRUE);
  gtk_adjustment_set_value (kj_today_page_get_pain_adjustment (page), 1);
  g_assert_false (kj_today_page_flush (page));
  kj_test_settle ();

  revealer = GTK_REVEALER (kj_test_find_widget (GTK_WIDGET (page), GTK_TYPE_REVEALER, NULL));
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  label = kj_test_find_widget (GTK_WIDGET (revealer), GTK_TYPE_LABEL, NULL);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "The disk is full"));
  g_assert_cmpint (pain_through (reader, yesterday), ==, before);
  g_assert_cmpfloat (gtk_adjustment_get_value (kj_today_page_get_pain_adjustment (page)), ==, 1);
  kj_test_save_screenshot (GTK_WIDGET (window), "today-disk-full");

  /* space again: the edit is stored */
  g_unsetenv ("KJ_ENOSPC_MATCH");
  g_assert_true (kj_today_page_flush (page));
  kj_test_settle ();
  g_assert_false (gtk_revealer_get_reveal_child (revealer));
  g_assert_cmpint (pain_through (reader, yesterday), ==, 1);
  sqlite3_close (reader);

  day = stored_day (yesterday);
  g_assert_cmpint (day->pain, ==, 1);
}

/* A mapped button under @root that activates @action. */
static GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A run or treatment on a day without a pain entry (#11): Today shows them,
 * offers to add more, and none of that invents a pain entry */
static void
test_today_records_without_pain (void)
{
  g_autofree char *today = kj_date_today ();
  g_autoptr(KjStore) store = kj_store_open (db_path, NULL);
  g_autoptr(KjRun) run = NULL;
  g_autoptr(GPtrArray) treatments = NULL;
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(KjDay) day = NULL;
  g_autoptr(GError) error = NULL;
  KjRecordEditor *editor;
  GtkWidget *row_label;
  char run_day[11], empty_day[11];

  kj_date_add_days (today, -20, run_day);
  kj_date_add_days (today, -21, empty_day);
  g_assert_null (stored_day (run_day));
  g_assert_null (stored_day (empty_day));

  /* a run imported for a day that has no rating yet */
  run = kj_run_new (run_day, 6.4);
  run->duration_s = 2100;
  g_assert_true (kj_store_save_run (store, run, &error));
  g_assert_no_error (error);

  kj_window_show_day (window, run_day);
  kj_test_settle ();
  g_assert_null (kj_today_page_get_day (page));

  /* the run is listed, the pain can still be rated, more can be added */
  row_label = GTK_WIDGET (kj_test_find_label (GTK_WIDGET (page), "6.4 km"));
  g_assert_nonnull (row_label);
  g_assert_nonnull (gtk_widget_get_ancestor (row_label, ADW_TYPE_ACTION_ROW));
  g_assert_nonnull (find_action_button (GTK_WIDGET (page), "today.add-run"));
  g_assert_nonnull (find_action_button (GTK_WIDGET (page), "today.add-treatment"));
  g_assert_nonnull (find_action_button (GTK_WIDGET (page), "today.log-pain"));
  g_assert_nonnull (kj_test_find_label (GTK_WIDGET (page), "No pain rating"));
  kj_test_save_screenshot (GTK_WIDGET (window), "today-run-only-day");

  /* an empty past day takes a treatment before its rating */
  kj_window_show_day (window, empty_day);
  kj_test_settle ();
  g_assert_null (kj_test_find_label (GTK_WIDGET (page), "6.4 km"));
  g_assert_nonnull (find_action_button (GTK_WIDGET (page), "today.add-treatment"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.quick-treatment", "u", 0));
  kj_test_settle ();
  treatments = stored_treatments (empty_day);
  g_assert_cmpuint (treatments->len, ==, 1);
  g_assert_cmpstr (((KjTreatment *) treatments->pdata[0])->kind, ==, "ice");
  g_assert_cmpstr (((KjTreatment *) treatments->pdata[0])->date, ==, empty_day);
  g_assert_null (stored_day (empty_day));
  g_assert_null (kj_today_page_get_day (page));
  g_assert_nonnull (kj_test_find_label (GTK_WIDGET (page), "Ice"));
  g_clear_pointer (&treatments, g_ptr_array_unref);

  /* and one through the editor */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.add-treatment", NULL));
  g_assert_true (kj_test_wait_until (kj_test_toplevel_shown, GSIZE_TO_POINTER (KJ_TYPE_RECORD_EDITOR)));
  editor = KJ_RECORD_EDITOR (kj_test_find_toplevel (KJ_TYPE_RECORD_EDITOR));
  kj_record_editor_save (editor);
  kj_test_settle ();
  treatments = stored_treatments (empty_day);
  g_assert_cmpuint (treatments->len, ==, 2);
  g_assert_null (stored_day (empty_day));

  /* and a run */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.add-run", NULL));
  g_assert_true (kj_test_wait_until (kj_test_toplevel_shown, GSIZE_TO_POINTER (KJ_TYPE_RECORD_EDITOR)));
  editor = KJ_RECORD_EDITOR (kj_test_find_toplevel (KJ_TYPE_RECORD_EDITOR));
  gtk_editable_set_text (GTK_EDITABLE (kj_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Distance (km)")), "3,5");
  kj_test_settle ();
  kj_record_editor_save (editor);
  kj_test_settle ();
  runs = stored_runs (empty_day);
  g_assert_cmpuint (runs->len, ==, 1);
  g_assert_cmpfloat (((KjRun *) runs->pdata[0])->distance_km, ==, 3.5);
  g_assert_null (stored_day (empty_day));
  g_assert_nonnull (kj_test_find_label (GTK_WIDGET (page), "3.5 km"));

  /* rating the run day later keeps its run */
  kj_window_show_day (window, run_day);
  kj_test_settle ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.log-pain", "u", 3));
  kj_test_settle ();
  day = stored_day (run_day);
  g_assert_nonnull (day);
  g_assert_cmpint (day->pain, ==, 3);
  g_clear_pointer (&runs, g_ptr_array_unref);
  runs = stored_runs (run_day);
  g_assert_cmpuint (runs->len, ==, 1);
  g_assert_nonnull (kj_test_find_label (GTK_WIDGET (page), "6.4 km"));
  g_assert_null (kj_test_find_label (GTK_WIDGET (page), "No pain rating"));
}

/* The pain of @date as the SQLite file holds it, read with SQLite itself; -1 when there is no row */
static int
pain_in_file (const char *date)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int pain = -1;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT pain FROM days WHERE date = ?1", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, date, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    pain = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return pain;
}

static void
save_dose (KjStore    *store,
           const char *date,
           const char *drug,
           int         mg,
           const char *time)
{
  g_autoptr(KjTreatment) t = kj_treatment_new (date, "medication");
  g_autoptr(GError) error = NULL;

  t->drug = kj_code_lookup (KJ_CODE_DRUG, drug);
  t->dose_mg = mg;
  g_strlcpy (t->time, time ? time : "", sizeof t->time);
  g_assert_true (kj_store_save_treatment (store, t, &error));
  g_assert_no_error (error);
}

/* Ten-second logging (#15): one click on a pain stores an empty day; “Same
 * as Yesterday” and a pain store it with yesterday's places and routine
 * treatments, new records with new ids, and Undo takes them back; the last
 * three medicines are quick buttons; doses have a time of day */
static void
test_today_quick_logging (void)
{
  g_autofree char *today = kj_date_today ();
  g_autoptr(KjStore) store = kj_store_open (db_path, NULL);
  g_autoptr(KjDay) before = NULL;
  g_autoptr(KjDay) day = NULL;
  g_autoptr(KjTreatment) ice = NULL;
  g_autoptr(KjTreatment) squat = NULL;
  g_autoptr(KjTreatment) physio = NULL;
  g_autoptr(GPtrArray) treatments = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *routine, *button;
  KjRecordEditor *editor;
  char first[11], second[11], third[11], older[11];

  kj_date_add_days (today, -45, older);
  kj_date_add_days (today, -42, first);
  kj_date_add_days (today, -41, second);
  kj_date_add_days (today, -40, third);

  /* one click on a pain value of an empty day stores the day */
  kj_window_show_day (window, first);
  kj_test_settle ();
  g_assert_cmpint (pain_in_file (first), ==, -1);
  button = kj_test_find_pain_button (GTK_WIDGET (page), 5);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  kj_test_settle ();
  g_assert_cmpint (pain_in_file (first), ==, 5);

  /* the day before the empty one: places, routine treatments, a dose, physio */
  before = kj_day_new (second);
  before->pain = 4;
  kj_day_add_location (before, "right", "pes-anserine");
  kj_day_add_location (before, "right", "medial-joint-line");
  g_ptr_array_add (before->symptoms, (gpointer) kj_code_lookup (KJ_CODE_SYMPTOM, "swelling"));
  g_assert_true (kj_store_save_day (store, before, &error));
  ice = kj_treatment_new (second, "ice");
  ice->minutes = 15;
  g_assert_true (kj_store_save_treatment (store, ice, &error));
  squat = kj_treatment_new (second, "exercise");
  squat->exercise = kj_code_lookup (KJ_CODE_EXERCISE, "split-squat");
  squat->sets = 3;
  squat->reps = 12;
  g_assert_true (kj_store_save_treatment (store, squat, &error));
  physio = kj_treatment_new (second, "physio");
  g_assert_true (kj_store_save_treatment (store, physio, &error));
  save_dose (store, older, "paracetamol", 1000, NULL);
  save_dose (store, older, "naproxen", 220, NULL);
  save_dose (store, second, "ibuprofen", 400, "08:00");
  g_assert_no_error (error);

  /* the empty day offers Same as Yesterday and the three medicines */
  kj_window_show_day (window, third);
  kj_test_settle ();
  routine = kj_test_find_widget (GTK_WIDGET (page), GTK_TYPE_TOGGLE_BUTTON, "Same as _Yesterday");
  g_assert_nonnull (routine);
  g_assert_true (gtk_widget_get_mapped (routine));
  g_assert_true (gtk_widget_get_focusable (routine));
  g_assert_nonnull (kj_test_find_label (GTK_WIDGET (page), "From yesterday: 2 places, Ice · 15 min, Split squat 3 × 12"));
  g_assert_nonnull (kj_test_find_label (GTK_WIDGET (page), "Ibuprofen 400 mg"));
  g_assert_nonnull (kj_test_find_label (GTK_WIDGET (page), "Naproxen 220 mg"));
  g_assert_nonnull (kj_test_find_label (GTK_WIDGET (page), "Paracetamol 1000 mg"));
  kj_test_save_screenshot (GTK_WIDGET (window), "today-same-as-yesterday");

  /* two clicks: Same as Yesterday, then the pain */
  g_signal_emit_by_name (routine, "clicked");
  kj_test_settle ();
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (routine)));
  g_assert_cmpint (pain_in_file (third), ==, -1);
  g_clear_object (&last_toast);
  g_signal_emit_by_name (kj_test_find_pain_button (GTK_WIDGET (page), 3), "clicked");
  kj_test_settle ();
  g_assert_cmpint (pain_in_file (third), ==, 3);

  day = stored_day (third);

  g_assert_cmpint (day->pain, ==, 3);
  g_assert_cmpstr (day->id, !=, before->id);
  g_assert_cmpuint (day->locations->len, ==, 2);
  g_assert_true (kj_day_has_location (day, "right", "medial-joint-line"));
  g_assert_cmpuint (day->symptoms->len, ==, 0);
  treatments = stored_treatments (third);
  g_assert_cmpuint (treatments->len, ==, 2);
  g_assert_cmpstr (((KjTreatment *) treatments->pdata[0])->kind, ==, "ice");
  g_assert_cmpint (((KjTreatment *) treatments->pdata[0])->minutes, ==, 15);
  g_assert_cmpstr (((KjTreatment *) treatments->pdata[0])->id, !=, ice->id);
  g_assert_cmpstr (((KjTreatment *) treatments->pdata[1])->exercise, ==, "split-squat");
  g_assert_cmpstr (((KjTreatment *) treatments->pdata[1])->id, !=, squat->id);
  g_clear_pointer (&treatments, g_ptr_array_unref);
  g_assert_nonnull (kj_today_page_get_day (page));
  g_assert_nonnull (kj_test_find_label (GTK_WIDGET (page), "Split squat 3 × 12"));

  /* Undo: the day is empty again, the day before untouched */
  g_assert_nonnull (last_toast);
  g_assert_cmpstr (adw_toast_get_title (last_toast), ==, "Logged pain 3 with yesterday’s places and treatments");
  g_signal_emit_by_name (last_toast, "button-clicked");
  kj_test_settle ();
  g_assert_cmpint (pain_in_file (third), ==, -1);
  treatments = stored_treatments (third);
  g_assert_cmpuint (treatments->len, ==, 0);
  g_clear_pointer (&treatments, g_ptr_array_unref);
  treatments = stored_treatments (second);
  g_assert_cmpuint (treatments->len, ==, 4);
  g_clear_pointer (&treatments, g_ptr_array_unref);
  g_assert_null (kj_today_page_get_day (page));
  g_assert_true (gtk_widget_get_mapped (routine));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (routine)));

  /* a pain without Same as Yesterday copies nothing */
  g_signal_emit_by_name (kj_test_find_pain_button (GTK_WIDGET (page), 2), "clicked");
  kj_test_settle ();
  g_assert_cmpint (pain_in_file (third), ==, 2);
  treatments = stored_treatments (third);
  g_assert_cmpuint (treatments->len, ==, 0);
  g_clear_pointer (&treatments, g_ptr_array_unref);

  /* the time of day in the editor: “8:30” is 08:30, “25:00” is refused */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.add-treatment", NULL));
  g_assert_true (kj_test_wait_until (kj_test_toplevel_shown, GSIZE_TO_POINTER (KJ_TYPE_RECORD_EDITOR)));
  editor = KJ_RECORD_EDITOR (kj_test_find_toplevel (KJ_TYPE_RECORD_EDITOR));
  adw_combo_row_set_selected (ADW_COMBO_ROW (kj_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW, "Treatment")), 2);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (kj_test_find_widget (kj_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW, "Dose (mg)"),
                                                                    GTK_TYPE_SPIN_BUTTON, NULL)), 400);
  gtk_editable_set_text (GTK_EDITABLE (kj_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Time Taken")), "25:00");
  kj_test_settle ();
  g_assert_nonnull (kj_test_find_label (GTK_WIDGET (editor), "Enter the time of day as hours and minutes"));
  {
    /* what people type for a time: each is read as hours and minutes */
    const struct { const char *typed, *time; } times[] = {
      { "8", "08:00" }, { "20", "20:00" }, { "830", "08:30" }, { "2030", "20:30" }, { "8.30", "08:30" },
      { "24", NULL }, { "2460", NULL }, { "12345", NULL }, { "8:3", NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (times); i++)
      {
        gtk_editable_set_text (GTK_EDITABLE (kj_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Time Taken")),
                               times[i].typed);
        kj_test_settle ();
        if (times[i].time != NULL)
          g_assert_cmpstr (kj_record_editor_get_treatment (editor)->time, ==, times[i].time);
        else
          g_assert_nonnull (kj_test_find_label (GTK_WIDGET (editor), "Enter the time of day as hours and minutes"));
      }
  }
  gtk_editable_set_text (GTK_EDITABLE (kj_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Time Taken")), "8:30");
  kj_test_settle ();
  g_assert_cmpstr (kj_record_editor_get_treatment (editor)->time, ==, "08:30");
  kj_record_editor_save (editor);
  kj_test_settle ();
  save_dose (store, third, "ibuprofen", 400, "14:00");
  kj_window_show_day (window, second);
  kj_test_settle ();
  kj_window_show_day (window, third);
  kj_test_settle ();
  treatments = stored_treatments (third);
  g_assert_cmpuint (treatments->len, ==, 2);
  g_assert_cmpstr (((KjTreatment *) treatments->pdata[0])->time, ==, "08:30");
  g_assert_cmpstr (((KjTreatment *) treatments->pdata[1])->time, ==, "14:00");
  g_assert_nonnull (kj_test_find_label (GTK_WIDGET (page), "Ibuprofen 400 mg at 08:30"));
  g_assert_nonnull (kj_test_find_label (GTK_WIDGET (page), "Ibuprofen 400 mg at 14:00"));
  {
    GtkWidget *scroller = find_scroller (GTK_WIDGET (page));
    GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
    GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
    double x, y;

    g_assert_true (gtk_widget_translate_coordinates (GTK_WIDGET (kj_test_find_label (GTK_WIDGET (page),
                                                                                     "Ibuprofen 400 mg at 08:30")),
                                                     content, 0, 0, &x, &y));
    gtk_adjustment_set_value (vadjustment, y - 250);
    kj_test_settle ();
    kj_test_save_screenshot (GTK_WIDGET (window), "today-timed-doses");
    gtk_adjustment_set_value (vadjustment, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *today = NULL;
  int status;

  if (!kj_test_gui_init (&gui, &argc, &argv))
    return kj_test_gui_finish (&gui, g_test_run ());

  today = kj_date_today ();
  kj_date_add_days (today, -1, yesterday);
  db_path = gui.db_path;

  window = kj_test_gui_open (&gui, NULL, 900, 900);
  app = gui.app;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.log-today", NULL));
  page = kj_window_get_today_page (window);
  g_signal_connect (page, "toast", G_CALLBACK (page_toast), NULL);

  g_test_add_func ("/today/log-day", test_today_log_day);
  g_test_add_func ("/today/diagram-pointer", test_today_diagram_pointer);
  g_test_add_func ("/today/diagram-keyboard", test_today_diagram_keyboard);
  g_test_add_func ("/today/symptoms-and-notes", test_today_symptoms_and_notes);
  g_test_add_func ("/today/treatments", test_today_treatments);
  g_test_add_func ("/today/runs", test_today_runs);
  g_test_add_func ("/today/miles", test_today_miles);
  g_test_add_func ("/today/screenshots", test_today_screenshots);
  g_test_add_func ("/today/round-trip", test_today_round_trip);
  g_test_add_func ("/today/future", test_today_future);
  g_test_add_func ("/today/records-without-pain", test_today_records_without_pain);
  g_test_add_func ("/today/quick-logging", test_today_quick_logging);
  g_test_add_func ("/today/locked-journal", test_today_locked_journal);
  g_test_add_func ("/today/full-disk", test_today_full_disk);

  status = g_test_run ();
  g_clear_object (&last_toast);

  return kj_test_gui_finish (&gui, status);
}
