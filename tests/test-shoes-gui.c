/* test-shoes-gui.c — Preferences → Shoes, the run editor's Shoes row, the alert toast and the Trends card
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Screenshots: build/screenshots/shoes-page.png and shoes-page-dark.png (the Shoes page),
 * shoes-trends.png and shoes-trends-dark.png (the Trends page scrolled to the card), shoes-trends-card.png.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "kj-format.h"
#include "kj-gen.h"
#include "kj-preferences-window.h"
#include "kj-record-editor.h"
#include "kj-series.h"
#include "kj-test-gtk.h"
#include "kj-test-util.h"
#include "kj-today-page.h"
#include "kj-window.h"

static KjTestGui gui;
static KjWindow *window;
static AdwToast *last_toast;
static char yesterday[11];

static void
page_toast (KjTodayPage *page,
            AdwToast    *toast,
            gpointer     data)
{
  g_set_object (&last_toast, toast);
}

static KjStore *
open_store (void)
{
  g_autoptr(GError) error = NULL;
  KjStore *store = kj_store_open (gui.db_path, &error);

  g_assert_no_error (error);
  return store;
}

static double
stored_km (const char *id)
{
  g_autoptr(KjStore) store = open_store ();
  g_autoptr(GHashTable) km = kj_store_get_shoe_km (store, NULL);
  const double *value = g_hash_table_lookup (km, id);

  g_assert_nonnull (value);
  return *value;
}

static GtkWidget *
find_group (GtkWidget  *root,
            const char *title)
{
  if (ADW_IS_PREFERENCES_GROUP (root) && g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (root)), title) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_group (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
shoot_light_and_dark (GtkWidget  *widget,
                      const char *name)
{
  g_autofree char *dark = g_strconcat (name, "-dark", NULL);

  kj_test_save_screenshot (widget, name);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  kj_test_settle ();
  kj_test_save_screenshot (widget, dark);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  kj_test_settle ();
}

/* the button under @root whose tooltip is @tooltip */
static GtkWidget *
find_button_with_tooltip (GtkWidget  *root,
                          const char *tooltip)
{
  if (root == NULL)
    return NULL;
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_widget_get_tooltip_text (root), tooltip) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_with_tooltip (child, tooltip);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The pairs with their distance in the journal's unit, the retired ones apart; a pair added */
static void
test_shoes_gui_preferences (void)
{
  GtkWindow *preferences;
  GtkWidget *row;
  GtkWindow *editor;
  GtkLabel *error_label;
  g_autofree char *distance = kj_format_distance (stored_km ("pegasus-40"), KJ_UNITS_KM);
  g_autoptr(KjStore) store = NULL;
  g_autoptr(GPtrArray) shoes = NULL;
  gboolean found = FALSE;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL));
  g_assert_true (kj_test_wait_until (kj_test_toplevel_shown, GSIZE_TO_POINTER (KJ_TYPE_PREFERENCES_WINDOW)));
  preferences = kj_test_find_toplevel (KJ_TYPE_PREFERENCES_WINDOW);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "shoes");
  kj_test_settle ();

  row = kj_test_find_widget (GTK_WIDGET (preferences), ADW_TYPE_ACTION_ROW, "Pegasus 40");
  g_assert_nonnull (row);
  g_test_message ("%s", adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), distance));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Nike Pegasus 40"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "default"));
  g_assert_true (gtk_widget_is_ancestor (row, find_group (GTK_WIDGET (preferences), "Your Shoes")));
  row = kj_test_find_widget (GTK_WIDGET (preferences), ADW_TYPE_ACTION_ROW, "Pegasus 38");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_is_ancestor (row, find_group (GTK_WIDGET (preferences), "Retired")));
  g_assert_true (gtk_widget_get_visible (find_group (GTK_WIDGET (preferences), "Retired")));
  shoot_light_and_dark (GTK_WIDGET (preferences), "shoes-page");

  /* Add Shoes…: a name is needed; the pair is stored with the alert typed */
  gtk_widget_activate (kj_test_find_widget (GTK_WIDGET (preferences), GTK_TYPE_BUTTON, "_Add Shoes…"));
  g_assert_true (kj_test_wait_until (kj_test_window_titled_shown, (gpointer) "Add Shoes"));
  editor = kj_test_find_window_titled ("Add Shoes");
  kj_test_settle ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (kj_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW,
                                                                             "Alert After (km)"))), ==, "700");
  gtk_widget_activate (kj_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_BUTTON, "_Add"));
  kj_test_settle ();
  g_assert_nonnull (kj_test_find_window_titled ("Add Shoes"));
  g_assert_nonnull (kj_test_find_label (GTK_WIDGET (editor), "Give the pair a name, like “Pegasus 40”."));
  gtk_editable_set_text (GTK_EDITABLE (kj_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Name")), "Nimbus 25");
  gtk_editable_set_text (GTK_EDITABLE (kj_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Brand and Model")),
                         "Asics Gel-Nimbus 25");
  gtk_editable_set_text (GTK_EDITABLE (kj_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Alert After (km)")),
                         "800,5");
  kj_test_settle ();
  /* typing hides the message */
  error_label = kj_test_find_label (GTK_WIDGET (editor), "Give the pair a name, like “Pegasus 40”.");
  g_assert_true (error_label == NULL || !gtk_widget_get_visible (GTK_WIDGET (error_label)));
  kj_test_save_screenshot (GTK_WIDGET (editor), "shoes-editor");
  gtk_widget_activate (kj_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_BUTTON, "_Add"));
  kj_test_settle ();
  g_assert_null (kj_test_find_window_titled ("Add Shoes"));
  g_assert_nonnull (kj_test_find_widget (GTK_WIDGET (preferences), ADW_TYPE_ACTION_ROW, "Nimbus 25"));

  store = open_store ();
  shoes = kj_store_list_shoes (store, NULL);
  for (guint i = 0; i < shoes->len; i++)
    {
      KjShoe *shoe = shoes->pdata[i];

      if (g_str_equal (shoe->name, "Nimbus 25"))
        {
          found = TRUE;
          g_assert_cmpfloat (shoe->alert_km, ==, 800.5);
          g_assert_cmpstr (shoe->model, ==, "Asics Gel-Nimbus 25");
          g_assert_false (shoe->is_default);
        }
    }
  g_assert_true (found);

  /* a retired pair's day of retiring is edited: a day before its first run is refused, another stored */
  {
    g_autoptr(KjShoe) retired = NULL;
    GtkWidget *edit = find_button_with_tooltip (kj_test_find_widget (GTK_WIDGET (preferences), ADW_TYPE_ACTION_ROW,
                                                                     "Pegasus 38"), "Edit Pegasus 38");
    GtkWidget *retired_row;
    char first_run[11], later[11];

    g_clear_object (&store);
    store = open_store ();
    retired = kj_store_get_shoe (store, "pegasus-38", NULL);
    g_strlcpy (first_run, retired->start_date, sizeof first_run);
    kj_date_add_days (first_run, 20, later);
    g_assert_nonnull (edit);
    gtk_widget_activate (edit);
    g_assert_true (kj_test_wait_until (kj_test_window_titled_shown, (gpointer) "Edit Shoes"));
    editor = kj_test_find_window_titled ("Edit Shoes");
    retired_row = kj_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Retired On (YYYY-MM-DD)");
    g_assert_nonnull (retired_row);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (retired_row)), ==, retired->retired_date);
    kj_date_add_days (first_run, -1, first_run);
    gtk_editable_set_text (GTK_EDITABLE (retired_row), first_run);
    gtk_widget_activate (kj_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_BUTTON, "_Done"));
    kj_test_settle ();
    g_assert_nonnull (kj_test_find_window_titled ("Edit Shoes"));
    g_assert_true (gtk_widget_has_css_class (retired_row, "error"));
    gtk_editable_set_text (GTK_EDITABLE (retired_row), later);
    gtk_widget_activate (kj_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_BUTTON, "_Done"));
    kj_test_settle ();
    g_assert_null (kj_test_find_window_titled ("Edit Shoes"));
    g_clear_pointer (&retired, kj_shoe_free);
    retired = kj_store_get_shoe (store, "pegasus-38", NULL);
    g_assert_cmpstr (retired->retired_date, ==, later);
  }

  gtk_window_destroy (preferences);
  kj_test_settle ();
}

/* A new run gets the default pair; the run that takes it past its alert
 * distance says so once */
static void
test_shoes_gui_run_alert (void)
{
  KjTodayPage *page = kj_window_get_today_page (window);
  double before = stored_km ("pegasus-40");
  KjRecordEditor *editor;
  AdwComboRow *shoe_row;
  GListModel *model;
  gboolean retired_listed = FALSE;

  g_assert_cmpfloat (before, <, 700);
  g_assert_cmpfloat (before, >, 700 - 8.2);

  g_clear_object (&last_toast);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.add-run", NULL));
  g_assert_true (kj_test_wait_until (kj_test_toplevel_shown, GSIZE_TO_POINTER (KJ_TYPE_RECORD_EDITOR)));
  editor = KJ_RECORD_EDITOR (kj_test_find_toplevel (KJ_TYPE_RECORD_EDITOR));
  kj_test_settle ();

  shoe_row = ADW_COMBO_ROW (kj_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW, "Shoes"));
  g_assert_nonnull (shoe_row);
  model = adw_combo_row_get_model (shoe_row);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), 0), ==, "None");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), adw_combo_row_get_selected (shoe_row)), ==,
                   "Pegasus 40");
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (strstr (gtk_string_list_get_string (GTK_STRING_LIST (model), i), "Pegasus 38"))
      retired_listed = TRUE;
  g_assert_false (retired_listed);

  gtk_editable_set_text (GTK_EDITABLE (kj_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Distance (km)")), "8.2");
  kj_test_settle ();
  kj_test_save_screenshot (GTK_WIDGET (editor), "shoes-run-editor");
  kj_record_editor_save (editor);
  kj_test_settle ();
  g_assert_null (kj_test_find_toplevel (KJ_TYPE_RECORD_EDITOR));

  g_assert_cmpfloat_with_epsilon (stored_km ("pegasus-40"), before + 8.2, 1e-6);
  g_assert_nonnull (last_toast);
  g_assert_cmpstr (adw_toast_get_title (last_toast), ==,
                   "Your Pegasus 40 have passed 700 km — time to think about new shoes.");

  /* the next run in the same pair: no second alert */
  g_clear_object (&last_toast);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.add-run", NULL));
  g_assert_true (kj_test_wait_until (kj_test_toplevel_shown, GSIZE_TO_POINTER (KJ_TYPE_RECORD_EDITOR)));
  editor = KJ_RECORD_EDITOR (kj_test_find_toplevel (KJ_TYPE_RECORD_EDITOR));
  gtk_editable_set_text (GTK_EDITABLE (kj_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Distance (km)")), "5");
  kj_test_settle ();
  kj_record_editor_save (editor);
  kj_test_settle ();
  g_assert_cmpfloat_with_epsilon (stored_km ("pegasus-40"), before + 13.2, 1e-6);
  g_assert_null (last_toast);
}

/* The run editor: a retired pair is offered only to its own runs */
static void
test_shoes_gui_editor_retired (void)
{
  g_autoptr(KjStore) store = open_store ();
  g_autoptr(GPtrArray) shoes = kj_store_list_shoes (store, NULL);
  g_autoptr(KjRun) run = kj_run_new (yesterday, 5);
  KjRecordEditor *editor;
  AdwComboRow *shoe_row;
  GListModel *model;

  run->id = g_strdup ("old-run");
  run->shoe_id = g_strdup ("pegasus-38");
  editor = kj_record_editor_new_run (GTK_WINDOW (window), run, FALSE, KJ_UNITS_KM, shoes);
  gtk_window_present (GTK_WINDOW (editor));
  kj_test_settle ();
  shoe_row = ADW_COMBO_ROW (kj_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW, "Shoes"));
  model = adw_combo_row_get_model (shoe_row);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), adw_combo_row_get_selected (shoe_row)), ==,
                   "Pegasus 38 (retired)");
  g_assert_cmpstr (kj_record_editor_get_run (editor)->shoe_id, ==, "pegasus-38");

  /* choosing None takes the pair away */
  adw_combo_row_set_selected (shoe_row, 0);
  kj_test_settle ();
  g_assert_null (kj_record_editor_get_run (editor)->shoe_id);
  gtk_window_destroy (GTK_WINDOW (editor));
  kj_test_settle ();
}

/* In miles: the distances, and a new pair's alert of 450 mi */
static void
test_shoes_gui_miles (void)
{
  g_autoptr(KjStore) store = open_store ();
  g_autoptr(KjProfile) profile = kj_store_get_profile (store, NULL);
  g_autofree char *distance = NULL;
  GtkWindow *preferences;
  GtkWindow *editor;
  GtkWidget *row;

  profile->units = kj_code_lookup (KJ_CODE_UNITS, "mi");
  g_assert_true (kj_store_set_profile (store, profile, NULL));
  distance = kj_format_distance (stored_km ("clifton-9"), KJ_UNITS_MI);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL));
  g_assert_true (kj_test_wait_until (kj_test_toplevel_shown, GSIZE_TO_POINTER (KJ_TYPE_PREFERENCES_WINDOW)));
  preferences = kj_test_find_toplevel (KJ_TYPE_PREFERENCES_WINDOW);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "shoes");
  kj_test_settle ();
  row = kj_test_find_widget (GTK_WIDGET (preferences), ADW_TYPE_ACTION_ROW, "Clifton 9");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, distance);
  g_assert_true (g_str_has_suffix (distance, " mi"));

  gtk_widget_activate (kj_test_find_widget (GTK_WIDGET (preferences), GTK_TYPE_BUTTON, "_Add Shoes…"));
  g_assert_true (kj_test_wait_until (kj_test_window_titled_shown, (gpointer) "Add Shoes"));
  editor = kj_test_find_window_titled ("Add Shoes");
  kj_test_settle ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (kj_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW,
                                                                             "Alert After (mi)"))), ==, "450");
  gtk_window_destroy (editor);
  gtk_window_destroy (preferences);
  kj_test_settle ();

  profile->units = kj_code_lookup (KJ_CODE_UNITS, "km");
  g_assert_true (kj_store_set_profile (store, profile, NULL));
}

/* Trends: pain after runs by shoe, computed as kj_series_shoe_pain() does */
static void
test_shoes_gui_trends (void)
{
  GtkWidget *group;
  GtkWidget *row;

  kj_window_show_page (window, "trends");
  kj_test_settle ();
  kj_test_settle ();

  group = find_group (GTK_WIDGET (window), "Pain After Runs by Shoe");
  g_assert_nonnull (group);
  g_assert_true (gtk_widget_get_visible (group));
  row = kj_test_find_widget (group, ADW_TYPE_ACTION_ROW, NULL);
  g_assert_nonnull (row);
  g_test_message ("%s — %s", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                  adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
  /* the name isolated (U+2068 … U+2069): a right-to-left name keeps the sentence's order */
  g_assert_true (g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "\u2068Pegasus 40\u2069: pain ") ||
                 g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "\u2068Clifton 9\u2069: pain "));
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Run days: "));
  kj_test_save_screenshot (group, "shoes-trends-card");
  gtk_widget_grab_focus (row);
  kj_test_settle ();
  kj_test_settle ();
  shoot_light_and_dark (GTK_WIDGET (window), "shoes-trends");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *today = NULL;
  g_autoptr(KjJournal) journal = NULL;
  double pegasus_runs = 0;
  struct { const char *id, *name, *model; gboolean is_default, retired; } pairs[] = {
    { "pegasus-40", "Pegasus 40", "Nike Pegasus 40", TRUE, FALSE },
    { "clifton-9", "Clifton 9", NULL, FALSE, FALSE },
    { "pegasus-38", "Pegasus 38", "Nike Pegasus 38", FALSE, TRUE },
  };

  if (!kj_test_gui_init (&gui, &argc, &argv))
    return kj_test_gui_finish (&gui, g_test_run ());

  today = kj_date_today ();
  kj_date_add_days (today, -1, yesterday);

  /* 120 days, the runs shared between two pairs; Pegasus 40 3 km short of its alert */
  journal = kj_gen_journal (7, 120, "plateau", yesterday, NULL);
  g_assert_nonnull (journal);
  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      KjShoe *shoe = kj_shoe_new (pairs[i].name);

      shoe->id = g_strdup (pairs[i].id);
      shoe->model = g_strdup (pairs[i].model);
      shoe->is_default = pairs[i].is_default;
      g_strlcpy (shoe->start_date, ((KjDay *) journal->days->pdata[0])->date, sizeof shoe->start_date);
      if (pairs[i].retired)
        kj_date_add_days (shoe->start_date, 10, shoe->retired_date);
      g_ptr_array_add (journal->shoes, shoe);
    }
  for (guint i = 0; i < journal->runs->len; i++)
    {
      KjRun *run = journal->runs->pdata[i];

      run->shoe_id = g_strdup (pairs[i % 2].id);
      if (i % 2 == 0)
        pegasus_runs += run->distance_km;
    }
  g_assert_cmpfloat (pegasus_runs, <, 697);
  ((KjShoe *) journal->shoes->pdata[0])->start_km = round ((697 - pegasus_runs) * 1000) / 1000;

  window = kj_test_gui_open (&gui, journal, 1000, 900);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.log-today", NULL));
  g_signal_connect (kj_window_get_today_page (window), "toast", G_CALLBACK (page_toast), NULL);

  g_test_add_func ("/shoes-gui/preferences", test_shoes_gui_preferences);
  g_test_add_func ("/shoes-gui/run-alert", test_shoes_gui_run_alert);
  g_test_add_func ("/shoes-gui/editor-retired", test_shoes_gui_editor_retired);
  g_test_add_func ("/shoes-gui/trends", test_shoes_gui_trends);
  g_test_add_func ("/shoes-gui/miles", test_shoes_gui_miles);

  return kj_test_gui_finish (&gui, g_test_run ());
}
