/* test-window.c — the real main window under Xvfb: pages, menu, import and export, About, shortcuts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "kj-application.h"
#include "kj-backup.h"
#include "kj-day-object.h"
#include "kj-fit-encoder.h"
#include "kj-gen.h"
#include "kj-json.h"
#include "kj-record-editor.h"
#include "kj-test-gtk.h"
#include "kj-test-util.h"
#include "kj-window.h"

static KjTestGui gui;
static KjApplication *app;
static KjWindow *window;

static gboolean
window_is_idle (gpointer data)
{
  return !kj_window_is_busy (data);
}

/* Is a mapped status page with @title, whose description holds @text, in @root? */
static gboolean
find_status_page (GtkWidget  *root,
                  const char *title,
                  const char *text)
{
  if (ADW_IS_STATUS_PAGE (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (root)), title) == 0)
    return strstr (adw_status_page_get_description (ADW_STATUS_PAGE (root)), text) != NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    if (find_status_page (child, title, text))
      return TRUE;

  return FALSE;
}

/* Every record of the journal, as JSON */
static char *
journal_json (KjStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KjJournal) journal = kj_store_read_journal (store, &error);

  g_assert_no_error (error);
  return kj_json_generate (journal, NULL);
}

static char *
write_generated (const char *name,
                 guint       n_days)
{
  g_autoptr(KjJournal) journal = kj_gen_journal (9, n_days, "improving", "2026-11-01", NULL);
  g_autofree char *text = kj_json_generate (journal, NULL);
  char *path = kj_test_tmp_path (name);

  kj_test_write_file (path, text, -1);
  return path;
}

static void
test_window_welcome (void)
{
  g_assert_true (kj_test_wait_until (kj_test_widget_is_drawn, window));
  kj_test_settle ();

  /* an empty journal greets the user */
  g_assert_true (find_status_page (GTK_WIDGET (window), "Welcome to Knee Journal", "whether treatment is working"));
  kj_test_save_screenshot (GTK_WIDGET (window), "window-welcome");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.log-today", NULL));
  kj_test_settle ();
  g_assert_false (find_status_page (GTK_WIDGET (window), "Welcome to Knee Journal", ""));
  g_assert_true (find_status_page (GTK_WIDGET (window), "How Is Your Knee?", "0 (no pain)"));
}

static void
test_window_pages (void)
{
  GtkWidget *stack = NULL;
  const char *names[] = { "today", "history", "trends" };
  const char *titles[] = { "Today", "History", "Trends" };

  g_assert_true (ADW_IS_APPLICATION_WINDOW (window));
  g_assert_true (kj_test_wait_until (kj_test_widget_is_drawn, window));

  /* find the view stack through the widget tree, as a user would see it */
  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (window)); w != NULL; )
    {
      if (ADW_IS_VIEW_STACK (w))
        {
          stack = w;
          break;
        }
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = w != NULL ? gtk_widget_get_next_sibling (w) : NULL;
        }
    }
  g_assert_nonnull (stack);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GtkWidget *child = adw_view_stack_get_child_by_name (ADW_VIEW_STACK (stack), names[i]);
      AdwViewStackPage *page;

      g_assert_nonnull (child);
      page = adw_view_stack_get_page (ADW_VIEW_STACK (stack), child);
      g_assert_cmpstr (adw_view_stack_page_get_title (page), ==, titles[i]);
      g_assert_nonnull (adw_view_stack_page_get_icon_name (page));

      adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), names[i]);
      kj_test_settle ();
      g_assert_true (gtk_widget_get_mapped (child));
    }

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "today");
  kj_test_settle ();
  kj_test_save_screenshot (GTK_WIDGET (window), "window-today-empty");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "trends");
  kj_test_settle ();
  kj_test_save_screenshot (GTK_WIDGET (window), "window-trends-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "today");
  kj_test_settle ();
}

#define ONE_DAY_JSON "{ \"format\": \"knee-journal\", \"version\": 1," \
  " \"days\": [ { \"id\": \"p-d\", \"date\": \"2026-03-04\", \"pain\": %d } ]," \
  " \"treatments\": [ { \"id\": \"p-t\", \"date\": \"2026-03-04\", \"kind\": \"ice\", \"minutes\": 10 } ]," \
  " \"runs\": [ { \"id\": \"p-r\", \"date\": \"2026-03-04\", \"distance_km\": 5.0 } ] }"

/* A number meets a noun in the singular too (#12 item 8) */
static void
test_window_plurals (void)
{
  g_autofree char *one = kj_test_tmp_path ("window-one.json");
  g_autofree char *out = kj_test_tmp_path ("window-one-out.json");
  g_autoptr(GFile) one_file = g_file_new_for_path (one);
  g_autoptr(GFile) out_file = g_file_new_for_path (out);
  KjStore *store = kj_application_get_store (app);
  g_autofree char *first = g_strdup_printf (ONE_DAY_JSON, 3);
  g_autofree char *second = g_strdup_printf (ONE_DAY_JSON, 4);

  g_assert_true (kj_store_is_empty (store));

  kj_test_write_file (one, first, -1);
  kj_window_import_file (window, one_file);
  g_assert_true (kj_test_wait_until (window_is_idle, window));
  g_assert_cmpstr (kj_window_get_last_message (window), ==, "Imported 1 day, 1 treatment and 1 run");

  kj_window_export_file (window, out_file, KJ_EXPORT_JSON);
  g_assert_true (kj_test_wait_until (window_is_idle, window));
  g_assert_cmpstr (kj_window_get_last_message (window), ==, "Exported 1 day to “window-one-out.json”");

  kj_test_write_file (one, second, -1);
  kj_window_import_file (window, one_file);
  g_assert_true (kj_test_wait_until (window_is_idle, window));
  g_assert_cmpstr (kj_window_get_last_message (window), ==, "Imported 0 days, 0 treatments and 0 runs; 1 record updated");

  /* empty again for the tests that follow */
  g_assert_true (kj_store_delete_day (store, "p-d", NULL));
  g_assert_true (kj_store_delete_treatment (store, "p-t", NULL));
  g_assert_true (kj_store_delete_run (store, "p-r", NULL));
  g_assert_true (kj_store_is_empty (store));
  kj_window_reload (window);
  kj_test_settle ();
}

static void
test_window_import_export (void)
{
  g_autofree char *json = write_generated ("window-import.json", 30);
  g_autofree char *bad = kj_test_tmp_path ("window-bad.json");
  g_autofree char *out_json = kj_test_tmp_path ("window-export.json");
  g_autofree char *out_csv = kj_test_tmp_path ("window-export.csv");
  g_autoptr(GFile) json_file = g_file_new_for_path (json);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr(GFile) out_json_file = g_file_new_for_path (out_json);
  g_autoptr(GFile) out_csv_file = g_file_new_for_path (out_csv);
  g_autoptr(KjJournal) exported = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *original = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  KjStore *store = kj_application_get_store (app);
  AdwMessageDialog *dialog;

  g_assert_nonnull (store);
  g_assert_true (kj_store_is_empty (store));

  kj_window_import_file (window, json_file);
  g_assert_true (kj_window_is_busy (window));
  g_assert_true (kj_test_wait_until (window_is_idle, window));
  g_assert_cmpstr (kj_window_get_last_message (window), ==, "Imported 30 days, 60 treatments and 3 runs");
  g_assert_false (kj_store_is_empty (store));

  /* again: nothing new */
  kj_window_import_file (window, json_file);
  g_assert_true (kj_test_wait_until (window_is_idle, window));
  g_assert_true (g_str_has_prefix (kj_window_get_last_message (window), "Nothing new to import"));

  kj_window_export_file (window, out_json_file, KJ_EXPORT_JSON);
  g_assert_true (kj_test_wait_until (window_is_idle, window));
  g_assert_cmpstr (kj_window_get_last_message (window), ==, "Exported 30 days to “window-export.json”");
  original = kj_test_read_file (json, NULL);
  contents = kj_test_read_file (out_json, NULL);
  g_assert_cmpstr (original, ==, contents);
  exported = kj_json_parse (contents, strlen (contents), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (exported->days->len, ==, 30);

  kj_window_export_file (window, out_csv_file, KJ_EXPORT_CSV);
  g_assert_true (kj_test_wait_until (window_is_idle, window));
  g_clear_pointer (&contents, g_free);
  contents = kj_test_read_file (out_csv, NULL);
  g_assert_true (g_str_has_prefix (contents, "date,pain,pain_worst,locations,symptoms,aggravators,treatments,run_km,notes,shoe\r\n"));

  /* a bad file: a dialog says what is wrong, the journal is unchanged (compared
   * by its records: reading the file's bytes here, in the process that holds
   * it open, would drop that connection's locks) */
  before = journal_json (store);
  kj_test_write_file (bad, "{ \"format\": \"knee-journal\", \"version\": 1, \"days\": ["
                           " { \"id\": \"x\", \"date\": \"2026-03-04\", \"pain\": 4 },"
                           " { \"id\": \"y\", \"date\": \"2026-03-05\", \"pain\": 11 } ] }", -1);
  kj_window_import_file (window, bad_file);
  g_assert_true (kj_test_wait_until (window_is_idle, window));
  g_assert_nonnull (strstr (kj_window_get_last_message (window), "days[1].pain: 11 is out of range 0–10"));
  g_assert_nonnull (strstr (kj_window_get_last_message (window), "Nothing in your journal was changed"));
  g_assert_true (kj_test_wait_until (kj_test_toplevel_shown, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG)));
  dialog = ADW_MESSAGE_DIALOG (kj_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Import Failed");
  kj_test_settle ();
  kj_test_save_screenshot (GTK_WIDGET (dialog), "import-error-dialog");
  adw_message_dialog_response (dialog, "close");
  gtk_window_destroy (GTK_WINDOW (dialog));
  after = journal_json (store);
  g_assert_cmpstr (before, ==, after);
}

static void
test_window_import_runs (void)
{
  g_autofree char *tracks = g_build_filename (g_getenv ("KJ_SOURCE_ROOT"), "tests", "data", "tracks", NULL);
  g_autofree char *bad = g_build_filename (g_getenv ("KJ_SOURCE_ROOT"), "tests", "data", "hostile", "truncated.gpx", NULL);
  const char *paths[] = { tracks, bad, NULL };
  const char *again[] = { tracks, NULL };
  g_autoptr(GPtrArray) runs = NULL;
  AdwMessageDialog *dialog;
  guint before;

  runs = kj_store_list_runs (kj_application_get_store (app), NULL, NULL, NULL);
  before = runs->len;
  g_clear_pointer (&runs, g_ptr_array_unref);

  kj_window_import_runs (window, paths);
  g_assert_true (kj_test_wait_until (window_is_idle, window));
  g_assert_true (g_str_has_prefix (kj_window_get_last_message (window), "Added 7 runs.\n"));
  g_assert_nonnull (strstr (kj_window_get_last_message (window), "truncated.gpx: it is not well-formed XML"));
  g_assert_true (kj_test_wait_until (kj_test_toplevel_shown, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG)));
  dialog = ADW_MESSAGE_DIALOG (kj_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Some Files Could Not Be Imported");
  kj_test_settle ();
  kj_test_save_screenshot (GTK_WIDGET (dialog), "import-runs-dialog");
  adw_message_dialog_response (dialog, "close");
  gtk_window_destroy (GTK_WINDOW (dialog));

  runs = kj_store_list_runs (kj_application_get_store (app), NULL, NULL, NULL);
  g_assert_cmpuint (runs->len, ==, before + 7);
  g_clear_pointer (&runs, g_ptr_array_unref);

  /* the same files again: recognised, nothing added */
  kj_window_import_runs (window, again);
  g_assert_true (kj_test_wait_until (window_is_idle, window));
  g_assert_cmpstr (kj_window_get_last_message (window), ==, "Added 0 runs; 7 files skipped (already in the journal, or not runs)");
  runs = kj_store_list_runs (kj_application_get_store (app), NULL, NULL, NULL);
  g_assert_cmpuint (runs->len, ==, before + 7);
  g_clear_pointer (&runs, g_ptr_array_unref);

  /* a FIT run and a FIT ride: the ride is skipped, not an error */
  {
    g_autofree char *run_path = kj_test_tmp_path ("window-run.fit");
    g_autofree char *ride_path = kj_test_tmp_path ("window-ride.fit");
    const char *fit_paths[] = { run_path, ride_path, NULL };
    g_autoptr(GBytes) run = NULL;
    g_autoptr(GBytes) ride = NULL;
    KjGenFit spec;

    kj_gen_fit_defaults (&spec);
    spec.start += 86400 * 3;
    run = kj_gen_fit_activity (&spec);
    spec.sport = 2;
    ride = kj_gen_fit_activity (&spec);
    kj_test_write_file (run_path, g_bytes_get_data (run, NULL), (gssize) g_bytes_get_size (run));
    kj_test_write_file (ride_path, g_bytes_get_data (ride, NULL), (gssize) g_bytes_get_size (ride));

    kj_window_import_runs (window, fit_paths);
    g_assert_true (kj_test_wait_until (window_is_idle, window));
    g_assert_cmpstr (kj_window_get_last_message (window), ==,
                     "Added 1 run; 1 file skipped (already in the journal, or not a run)");
    runs = kj_store_list_runs (kj_application_get_store (app), NULL, NULL, NULL);
    g_assert_cmpuint (runs->len, ==, before + 8);
  }
}

/* Hundreds of files that fail (another app's FIT files, damaged downloads):
 * the dialog names the first 8 and counts the rest, and fits the screen */
static void
test_window_import_runs_many_failures (void)
{
  g_autofree char *dir = kj_test_tmp_path ("many-bad-runs");
  const char *paths[] = { dir, NULL };
  AdwMessageDialog *dialog;
  GdkMonitor *monitor;
  GdkRectangle area;

  kj_test_remove_tree (dir);
  g_mkdir_with_parents (dir, 0700);
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *name = g_strdup_printf ("2026-03-%02u-morning-run-%03u.fit", i % 28 + 1, i);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      kj_test_write_file (path, "not a FIT file at all", -1);
    }

  kj_window_import_runs (window, paths);
  g_assert_true (kj_test_wait_until (window_is_idle, window));
  g_assert_true (kj_test_wait_until (kj_test_toplevel_shown, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG)));
  dialog = ADW_MESSAGE_DIALOG (kj_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  kj_test_settle ();
  kj_test_save_screenshot (GTK_WIDGET (dialog), "import-runs-many-failures");

  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "…and 192 more files could not be imported."));
  g_assert_null (strstr (adw_message_dialog_get_body (dialog), "morning-run-008"));
  monitor = g_list_model_get_item (gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (dialog))), 0);
  gdk_monitor_get_geometry (monitor, &area);
  g_object_unref (monitor);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (dialog)), <=, area.height);

  gtk_window_destroy (GTK_WINDOW (dialog));
  kj_test_settle ();
  kj_test_remove_tree (dir);
}

static void
test_window_menu_actions (void)
{
  GtkWindow *chooser;

  /* Import… opens a file chooser for JSON files */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import", NULL));
  g_assert_true (kj_test_wait_until (kj_test_toplevel_shown, GSIZE_TO_POINTER (GTK_TYPE_FILE_CHOOSER_DIALOG)));
  chooser = kj_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_cmpstr (gtk_window_get_title (chooser), ==, "Import Journal");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  kj_test_settle ();

  /* Export ▸ CSV suggests a dated file name */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-csv", NULL));
  g_assert_true (kj_test_wait_until (kj_test_toplevel_shown, GSIZE_TO_POINTER (GTK_TYPE_FILE_CHOOSER_DIALOG)));
  chooser = kj_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_cmpstr (gtk_window_get_title (chooser), ==, "Export as CSV");
  {
    g_autofree char *name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
    g_assert_true (g_str_has_prefix (name, "knee-journal-"));
    g_assert_true (g_str_has_suffix (name, ".csv"));
  }
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  kj_test_settle ();

  /* Keyboard Shortcuts */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  g_assert_true (kj_test_wait_until (kj_test_toplevel_shown, GSIZE_TO_POINTER (GTK_TYPE_SHORTCUTS_WINDOW)));
  kj_test_settle ();
  kj_test_save_screenshot (GTK_WIDGET (kj_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW)), "shortcuts");
  gtk_window_close (kj_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW));
  kj_test_settle ();

  /* About */
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  g_assert_true (kj_test_wait_until (kj_test_toplevel_shown, GSIZE_TO_POINTER (ADW_TYPE_ABOUT_WINDOW)));
  {
    AdwAboutWindow *about = ADW_ABOUT_WINDOW (kj_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW));

    g_assert_cmpstr (adw_about_window_get_application_name (about), ==, "Knee Journal");
    g_assert_cmpstr (adw_about_window_get_version (about), ==, PACKAGE_VERSION);
    g_assert_nonnull (strstr (adw_about_window_get_comments (about), "never uses the network"));
    kj_test_settle ();
    kj_test_save_screenshot (GTK_WIDGET (about), "about");
    gtk_window_destroy (GTK_WINDOW (about));
  }
}

static void
test_window_preferences (void)
{
  g_autoptr(KjProfile) profile = NULL;
  g_autofree char *before = NULL;
  GtkWindow *preferences;
  GtkWidget *start;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL));
  g_assert_true (kj_test_wait_until (kj_test_toplevel_shown, GSIZE_TO_POINTER (ADW_TYPE_PREFERENCES_WINDOW)));
  preferences = kj_test_find_toplevel (ADW_TYPE_PREFERENCES_WINDOW);

  /* an impossible date is refused, and nothing is stored */
  start = kj_test_find_widget (GTK_WIDGET (preferences), ADW_TYPE_ENTRY_ROW, "Treatment Started (YYYY-MM-DD)");
  profile = kj_store_get_profile (kj_application_get_store (app), NULL);
  before = g_strdup (profile->treatment_start);
  g_clear_pointer (&profile, kj_profile_free);
  gtk_editable_set_text (GTK_EDITABLE (start), "2026-02-30");
  g_usleep (400 * 1000);
  kj_test_settle ();
  g_assert_true (gtk_widget_has_css_class (start, "error"));
  kj_test_save_screenshot (GTK_WIDGET (preferences), "preferences-error");
  profile = kj_store_get_profile (kj_application_get_store (app), NULL);
  g_assert_cmpstr (profile->treatment_start, ==, before);
  g_clear_pointer (&profile, kj_profile_free);

  /* (the imported journal's pain started on 2026-10-01: it moves before the treatment) */
  gtk_editable_set_text (GTK_EDITABLE (kj_test_find_widget (GTK_WIDGET (preferences), ADW_TYPE_ENTRY_ROW,
                                                            "Pain Started (YYYY-MM-DD)")), "2026-03-02");
  gtk_editable_set_text (GTK_EDITABLE (start), "2026-03-04");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (kj_test_find_widget (GTK_WIDGET (preferences), GTK_TYPE_SPIN_BUTTON, NULL)), 6);
  adw_combo_row_set_selected (ADW_COMBO_ROW (kj_test_find_widget (GTK_WIDGET (preferences), ADW_TYPE_COMBO_ROW, "Painful Knee")), 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (kj_test_find_widget (GTK_WIDGET (preferences), ADW_TYPE_COMBO_ROW, "Distances In")), 1);
  g_usleep (400 * 1000);
  kj_test_settle ();
  g_assert_false (gtk_widget_has_css_class (start, "error"));
  kj_test_save_screenshot (GTK_WIDGET (preferences), "preferences");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  kj_test_settle ();
  kj_test_save_screenshot (GTK_WIDGET (preferences), "preferences-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  profile = kj_store_get_profile (kj_application_get_store (app), NULL);
  g_assert_cmpstr (profile->treatment_start, ==, "2026-03-04");
  g_assert_cmpstr (profile->injury_date, ==, "2026-03-02");
  g_assert_cmpint (profile->review_weeks, ==, 6);
  g_assert_cmpstr (profile->affected_side, ==, "left");
  g_assert_cmpstr (profile->units, ==, "mi");

  gtk_window_destroy (preferences);
}

/* The visible error label of the preferences, or NULL */
static const char *
preferences_error (GtkWidget *root)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_visible (root) && gtk_widget_has_css_class (root, "error"))
    return gtk_label_get_text (GTK_LABEL (root));

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      const char *text = preferences_error (child);

      if (text != NULL)
        return text;
    }

  return NULL;
}

static void
set_date_and_wait (GtkWidget  *row,
                   const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_usleep (400 * 1000);
  kj_test_settle ();
}

/* Dates in Preferences (#12 item 11): a date that does not exist says so, a
 * pain start in the future or after the treatment's is refused, and a
 * calendar beside each date fills it in */
static void
test_window_preferences_dates (void)
{
  KjStore *store = kj_application_get_store (app);
  g_autoptr(KjProfile) profile = NULL;
  g_autofree char *today = kj_date_today ();
  char tomorrow[11];
  GtkWindow *preferences;
  GtkWidget *injury, *start, *button, *calendar;
  GtkPopover *popover;
  g_autoptr(GDateTime) picked = NULL;

  kj_date_add_days (today, 1, tomorrow);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL));
  g_assert_true (kj_test_wait_until (kj_test_toplevel_shown, GSIZE_TO_POINTER (ADW_TYPE_PREFERENCES_WINDOW)));
  preferences = kj_test_find_toplevel (ADW_TYPE_PREFERENCES_WINDOW);
  injury = kj_test_find_widget (GTK_WIDGET (preferences), ADW_TYPE_ENTRY_ROW, "Pain Started (YYYY-MM-DD)");
  start = kj_test_find_widget (GTK_WIDGET (preferences), ADW_TYPE_ENTRY_ROW, "Treatment Started (YYYY-MM-DD)");
  g_assert_nonnull (injury);
  g_assert_nonnull (start);
  set_date_and_wait (injury, "");
  set_date_and_wait (start, "2026-03-04");
  g_assert_null (preferences_error (GTK_WIDGET (preferences)));

  /* a day that does not exist */
  set_date_and_wait (start, "2026-02-30");
  g_assert_cmpstr (preferences_error (GTK_WIDGET (preferences)), ==,
                   "“2026-02-30” does not exist: February 2026 has 28 days.");
  g_assert_true (gtk_widget_has_css_class (start, "error"));
  kj_test_save_screenshot (GTK_WIDGET (preferences), "preferences-date-does-not-exist");
  set_date_and_wait (start, "2026-13-01");
  g_assert_cmpstr (preferences_error (GTK_WIDGET (preferences)), ==, "“2026-13-01” does not exist: a year has 12 months.");
  set_date_and_wait (start, "4.3.2026");
  g_assert_cmpstr (preferences_error (GTK_WIDGET (preferences)), ==, "Write dates as year-month-day, for example 2026-03-04.");
  set_date_and_wait (start, "2026-03-04");
  g_assert_null (preferences_error (GTK_WIDGET (preferences)));

  /* the pain cannot start in the future */
  set_date_and_wait (injury, tomorrow);
  g_assert_cmpstr (preferences_error (GTK_WIDGET (preferences)), ==, "The pain cannot have started in the future.");
  g_assert_true (gtk_widget_has_css_class (injury, "error"));
  profile = kj_store_get_profile (store, NULL);
  g_assert_null (profile->injury_date);
  g_clear_pointer (&profile, kj_profile_free);

  /* nor after the treatment started */
  set_date_and_wait (injury, "2026-03-10");
  g_assert_cmpstr (preferences_error (GTK_WIDGET (preferences)), ==,
                   "The pain cannot have started after the treatment, which started on 2026-03-04.");
  g_assert_true (gtk_widget_has_css_class (injury, "error"));
  g_assert_true (gtk_widget_has_css_class (start, "error"));
  kj_test_save_screenshot (GTK_WIDGET (preferences), "preferences-pain-after-treatment");
  profile = kj_store_get_profile (store, NULL);
  g_assert_null (profile->injury_date);
  g_clear_pointer (&profile, kj_profile_free);

  set_date_and_wait (injury, "2026-03-01");
  g_assert_null (preferences_error (GTK_WIDGET (preferences)));
  g_assert_false (gtk_widget_has_css_class (injury, "error"));
  g_assert_false (gtk_widget_has_css_class (start, "error"));
  profile = kj_store_get_profile (store, NULL);
  g_assert_cmpstr (profile->injury_date, ==, "2026-03-01");
  g_clear_pointer (&profile, kj_profile_free);

  /* the calendar beside the date opens on it and writes the day picked */
  button = kj_test_find_widget (injury, GTK_TYPE_MENU_BUTTON, NULL);
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Choose the Day the Pain Started");
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  kj_test_settle ();
  calendar = gtk_popover_get_child (popover);
  g_assert_true (GTK_IS_CALENDAR (calendar));
  picked = gtk_calendar_get_date (GTK_CALENDAR (calendar));
  g_assert_cmpint (g_date_time_get_year (picked), ==, 2026);
  g_assert_cmpint (g_date_time_get_month (picked), ==, 3);
  g_assert_cmpint (g_date_time_get_day_of_month (picked), ==, 1);
  kj_test_save_screenshot (GTK_WIDGET (preferences), "preferences-calendar");
  g_clear_pointer (&picked, g_date_time_unref);
  picked = g_date_time_new_local (2026, 2, 27, 12, 0, 0);
  gtk_calendar_select_day (GTK_CALENDAR (calendar), picked);
  g_usleep (400 * 1000);
  kj_test_settle ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (injury)), ==, "2026-02-27");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  profile = kj_store_get_profile (store, NULL);
  g_assert_cmpstr (profile->injury_date, ==, "2026-02-27");
  g_assert_cmpstr (profile->treatment_start, ==, "2026-03-04");

  gtk_window_destroy (preferences);
}

/* Restoring a backup from Preferences replaces the journal everywhere and
 * lists the journal as it was, so that the restore can be undone */
static void
test_window_backups (void)
{
  KjStore *store = kj_application_get_store (app);
  g_autoptr(KjDay) added = kj_day_new ("2020-01-01");
  g_autoptr(KjDay) gone = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *folder = kj_backup_folder (kj_store_get_path (store));
  GtkWindow *preferences;
  GtkWindow *dialog;
  GtkWidget *row;
  GtkWidget *button;
  guint n_backups;

  /* a backup dated in the past, then a day that is not in it */
  g_assert_true (kj_backup_run (store, "2026-01-05", NULL, &error));
  g_assert_no_error (error);
  before = kj_store_list_days (store, NULL, NULL, &error);
  g_assert_no_error (error);
  added->pain = 9;
  g_assert_true (kj_store_save_day (store, added, &error));
  kj_window_reload (window);
  n_backups = kj_backup_list (kj_store_get_path (store))->len;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL));
  g_assert_true (kj_test_wait_until (kj_test_toplevel_shown, GSIZE_TO_POINTER (ADW_TYPE_PREFERENCES_WINDOW)));
  preferences = kj_test_find_toplevel (ADW_TYPE_PREFERENCES_WINDOW);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "backups");
  kj_test_settle ();

  row = kj_test_find_widget (GTK_WIDGET (preferences), ADW_TYPE_ACTION_ROW, "2026-01-05");
  g_assert_nonnull (row);
  {
    g_autofree char *copy = g_build_filename (folder, "daily-2026-01-05.db", NULL);
    g_autofree char *size = NULL;
    g_autofree char *subtitle = NULL;
    GStatBuf st;

    g_assert_cmpint (g_stat (copy, &st), ==, 0);
    size = g_format_size (st.st_size);
    subtitle = g_strdup_printf ("Daily · %s", size);
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, subtitle);
  }
  button = kj_test_find_widget (row, GTK_TYPE_BUTTON, "_Restore…");
  g_assert_nonnull (button);
  kj_test_save_screenshot (GTK_WIDGET (preferences), "preferences-backups");

  g_signal_emit_by_name (button, "clicked");
  g_assert_true (kj_test_wait_until (kj_test_toplevel_shown, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG)));
  dialog = kj_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Restore the Backup of 2026-01-05?");
  g_assert_true (kj_test_wait_until (kj_test_widget_is_drawn, dialog));
  kj_test_save_screenshot (GTK_WIDGET (dialog), "restore-dialog");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  kj_test_settle ();

  /* the day added after the backup is gone, the others are as they were */
  gone = kj_store_get_day (store, "2020-01-01", &error);
  g_assert_no_error (error);
  g_assert_null (gone);
  after = kj_store_list_days (store, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, before->len);

  /* the journal as it was is listed and can be restored in turn */
  g_assert_cmpuint (kj_backup_list (kj_store_get_path (store))->len, ==, n_backups + 1);
  g_assert_nonnull (kj_test_find_widget (GTK_WIDGET (preferences), ADW_TYPE_ACTION_ROW, NULL));
  kj_test_save_screenshot (GTK_WIDGET (preferences), "preferences-restored");

  gtk_window_destroy (preferences);
  kj_test_remove_tree (folder);
}

static gboolean
today_shows_pain_3 (gpointer data)
{
  const KjDay *day = kj_today_page_get_day (kj_window_get_today_page (data));

  return day != NULL && day->pain == 3;
}

/* An import by the command line while the window is open appears in it,
 * and the window's own unsaved edit of another day is not lost */
static void
test_window_live_reload (void)
{
  KjStore *store = kj_application_get_store (app);
  g_autofree char *json = kj_test_tmp_path ("live.json");
  g_autoptr(GSubprocess) cli = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KjDay) edited = NULL;

  kj_test_write_file (json, "{ \"format\": \"knee-journal\", \"version\": 1, \"days\": ["
                            " { \"id\": \"live-1\", \"date\": \"2019-06-01\", \"pain\": 3 } ] }", -1);

  kj_window_show_day (window, "2019-06-01");
  kj_test_settle ();
  g_assert_null (kj_today_page_get_day (kj_window_get_today_page (window)));

  cli = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error, g_getenv ("KJ_BINARY"),
                          "--db", kj_store_get_path (store), "--import-json", json, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (cli, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (kj_test_wait_until (today_shows_pain_3, window));

  /* an edit in the window now changes the imported day, not a stale copy */
  gtk_adjustment_set_value (kj_today_page_get_pain_adjustment (kj_window_get_today_page (window)), 6);
  kj_today_page_flush (kj_window_get_today_page (window));
  edited = kj_store_get_day (store, "2019-06-01", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (edited->id, ==, "live-1");
  g_assert_cmpint (edited->pain, ==, 6);
  g_assert_cmpint (kj_today_page_get_day (kj_window_get_today_page (window))->pain, ==, 6);
}

/* Nothing lost (#11): every way out stores what was typed a moment ago */

#define EDIT_DATE "2019-07-01"

/* The notes of @date as stored in the journal (read with a query, not from
 * the page). */
static char *
stored_notes (const char *date)
{
  g_autoptr(KjDay) day = NULL;
  g_autoptr(GError) error = NULL;

  day = kj_store_get_day (kj_application_get_store (app), date, &error);
  g_assert_no_error (error);

  return day != NULL ? g_strdup (day->notes) : NULL;
}

/* Shows EDIT_DATE with an entry, then types @text into its notes and
 * returns at once, well within the autosave's pause. */
static void
type_notes (const char *text)
{
  KjTodayPage *today = kj_window_get_today_page (window);
  g_autofree char *before = NULL;

  kj_window_show_page (window, "today");
  kj_window_show_day (window, EDIT_DATE);
  kj_test_settle ();
  if (kj_today_page_get_day (today) == NULL)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (today), "today.log-pain", "u", 2));
  kj_test_settle ();
  g_assert_true (kj_today_page_flush (today));
  g_assert_nonnull (kj_today_page_get_day (today));

  before = stored_notes (EDIT_DATE);
  g_assert_cmpstr (before, !=, text);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (kj_today_page_get_notes_view (today)), text, -1);
}

static void
assert_window_size_stored (int width,
                           int height)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  int w, h;

  g_settings_get (settings, "window-size", "(ii)", &w, &h);
  g_assert_cmpint (w, ==, width);
  g_assert_cmpint (h, ==, height);
}

/* Ctrl+Q (app.quit): the note typed just before is stored, and the size */
static void
test_window_quit_saves (void)
{
  g_autofree char *notes = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  type_notes ("Typed just before Ctrl+Q");

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);

  notes = stored_notes (EDIT_DATE);
  g_assert_cmpstr (notes, ==, "Typed just before Ctrl+Q");
  assert_window_size_stored (1000, 700);
}

/* The session ends (GtkApplication::query-end): the same */
static void
test_window_session_end_saves (void)
{
  g_autofree char *notes = NULL;
  gboolean registered = FALSE;

  g_object_get (app, "register-session", &registered, NULL);
  g_assert_true (registered);

  gtk_window_set_default_size (GTK_WINDOW (window), 990, 710);
  type_notes ("Typed as the session ends");

  g_signal_emit_by_name (app, "query-end");

  notes = stored_notes (EDIT_DATE);
  g_assert_cmpstr (notes, ==, "Typed as the session ends");
  assert_window_size_stored (990, 710);
}

static KjDayObject *
history_item (const char *date)
{
  GListModel *model = kj_history_page_get_model (kj_window_get_history_page (window));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(KjDayObject) object = g_list_model_get_item (model, i);

      if (g_str_equal (kj_day_object_get_day (object)->date, date))
        return g_steal_pointer (&object);
    }

  return NULL;
}

/* An edit that cannot be stored (another program holds the journal): Ctrl+Q
 * and the close button ask before it is lost, and the session is asked to
 * wait; once the journal is free, the edit is stored. */
static gboolean
unsaved_dialog_shown (gpointer data)
{
  GtkWindow *dialog = kj_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  return dialog != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog)) &&
         g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), "Your Change Is Not Saved") == 0;
}

static void
answer_unsaved_dialog (const char *response,
                       const char *screenshot)
{
  AdwMessageDialog *dialog;

  g_assert_true (kj_test_wait_until (unsaved_dialog_shown, NULL));
  dialog = ADW_MESSAGE_DIALOG (kj_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), EDIT_DATE));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "in use by another program"));
  if (screenshot != NULL)
    {
      g_assert_true (kj_test_wait_until (kj_test_widget_is_drawn, dialog));
      kj_test_save_screenshot (GTK_WIDGET (dialog), screenshot);
    }
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  kj_test_settle ();
}

static gboolean
not_inhibiting (gpointer data)
{
  return !kj_application_is_inhibiting_logout (app);
}

static void
test_window_unsaved_asks (void)
{
  const char *db = kj_store_get_path (kj_application_get_store (app));
  g_autofree char *notes = NULL;
  sqlite3 *other = NULL;

  type_notes ("Typed while another program holds the journal");
  g_assert_cmpint (sqlite3_open (db, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);

  /* Ctrl+Q: asked, and kept open */
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  answer_unsaved_dialog ("keep", "unsaved-quit-dialog");
  g_assert_nonnull (window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  /* the close button: the same */
  gtk_window_close (GTK_WINDOW (window));
  answer_unsaved_dialog ("keep", NULL);
  g_assert_nonnull (window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  /* the session ends: it is asked to wait */
  g_signal_emit_by_name (app, "query-end");
  g_assert_true (kj_application_is_inhibiting_logout (app));
  notes = stored_notes (EDIT_DATE);
  g_assert_cmpstr (notes, !=, "Typed while another program holds the journal");
  g_clear_pointer (&notes, g_free);

  /* the other program lets go: the edit is stored, the session may end */
  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
  g_assert_true (kj_test_wait_until (not_inhibiting, NULL));
  notes = stored_notes (EDIT_DATE);
  g_assert_cmpstr (notes, ==, "Typed while another program holds the journal");
}

/* Another page (Today → History): stored before History reads the journal */
static void
test_window_page_switch_saves (void)
{
  g_autoptr(KjDayObject) item = NULL;
  g_autofree char *notes = NULL;

  /* the journal, not the welcome page, when this test runs alone */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.log-today", NULL));
  type_notes ("Typed before opening History");

  kj_window_show_page (window, "history");

  notes = stored_notes (EDIT_DATE);
  g_assert_cmpstr (notes, ==, "Typed before opening History");
  kj_test_settle ();
  item = history_item (EDIT_DATE);
  g_assert_nonnull (item);
  g_assert_cmpstr (kj_day_object_get_day (item)->notes, ==, "Typed before opening History");

  g_clear_pointer (&notes, g_free);
  type_notes ("Typed before opening Trends");
  kj_window_show_page (window, "trends");
  notes = stored_notes (EDIT_DATE);
  g_assert_cmpstr (notes, ==, "Typed before opening Trends");
  kj_window_show_page (window, "today");
}

/* Another day (Alt+Page Up) */
static void
test_window_day_switch_saves (void)
{
  g_autofree char *notes = NULL;

  type_notes ("Typed before the previous day");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (kj_window_get_today_page (window)), "today.previous", NULL));

  notes = stored_notes (EDIT_DATE);
  g_assert_cmpstr (notes, ==, "Typed before the previous day");
  g_assert_cmpstr (kj_today_page_get_date (kj_window_get_today_page (window)), !=, EDIT_DATE);
}

static void
close_toplevel (GType type)
{
  g_assert_true (kj_test_wait_until (kj_test_toplevel_shown, GSIZE_TO_POINTER (type)));
  gtk_window_destroy (kj_test_find_toplevel (type));
  kj_test_settle ();
}

/* Opening a dialog: Preferences, the record editor, export, About */
static void
test_window_dialog_saves (void)
{
  KjTodayPage *today = kj_window_get_today_page (window);
  g_autofree char *notes = NULL;

  type_notes ("Typed before Preferences");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL));
  notes = stored_notes (EDIT_DATE);
  g_assert_cmpstr (notes, ==, "Typed before Preferences");
  close_toplevel (ADW_TYPE_PREFERENCES_WINDOW);
  g_clear_pointer (&notes, g_free);

  type_notes ("Typed before adding a run");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (today), "today.add-run", NULL));
  notes = stored_notes (EDIT_DATE);
  g_assert_cmpstr (notes, ==, "Typed before adding a run");
  close_toplevel (KJ_TYPE_RECORD_EDITOR);
  g_clear_pointer (&notes, g_free);

  type_notes ("Typed before exporting");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-csv", NULL));
  notes = stored_notes (EDIT_DATE);
  g_assert_cmpstr (notes, ==, "Typed before exporting");
  g_assert_true (kj_test_wait_until (kj_test_toplevel_shown, GSIZE_TO_POINTER (GTK_TYPE_FILE_CHOOSER_DIALOG)));
  gtk_dialog_response (GTK_DIALOG (kj_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG)), GTK_RESPONSE_CANCEL);
  kj_test_settle ();
  g_clear_pointer (&notes, g_free);

  type_notes ("Typed before About");
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  notes = stored_notes (EDIT_DATE);
  g_assert_cmpstr (notes, ==, "Typed before About");
  close_toplevel (ADW_TYPE_ABOUT_WINDOW);
}

/* The close button, last: the window is gone afterwards */
static void
test_window_close_saves (void)
{
  g_autofree char *notes = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 980, 690);
  type_notes ("Typed before closing the window");

  gtk_window_close (GTK_WINDOW (window));

  notes = stored_notes (EDIT_DATE);
  g_assert_cmpstr (notes, ==, "Typed before closing the window");
  assert_window_size_stored (980, 690);
}

static void
count_activate (GApplication *application,
                guint        *count)
{
  (*count)++;
}

static void
process_exited (GObject      *object,
                GAsyncResult *result,
                gpointer      data)
{
  *(gboolean *) data = g_subprocess_wait_finish (G_SUBPROCESS (object), result, NULL);
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

/* One instance per journal: a second knee-journal on the same journal hands
 * over to this one and exits; another journal gets an id of its own */
static void
test_window_single_instance (void)
{
  const char *db = kj_application_get_db_path (app);
  const char *id = g_application_get_application_id (G_APPLICATION (app));
  g_autofree char *other_db = g_strconcat (db, ".other", NULL);
  g_autoptr(KjApplication) same = kj_application_new (db);
  g_autoptr(KjApplication) other = kj_application_new (other_db);
  g_autoptr(GSubprocess) second = NULL;
  g_autoptr(GError) error = NULL;
  gboolean exited = FALSE;
  guint activated = 0;
  gulong handler;

  g_assert_true (g_application_id_is_valid (id));
  g_assert_true (g_str_has_prefix (id, APP_ID ".Journal"));
  g_assert_cmpstr (g_application_get_application_id (G_APPLICATION (same)), ==, id);
  g_assert_cmpstr (g_application_get_application_id (G_APPLICATION (other)), !=, id);

  handler = g_signal_connect (app, "activate", G_CALLBACK (count_activate), &activated);
  second = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                             g_getenv ("KJ_BINARY"), "--db", db, NULL);
  g_assert_no_error (error);
  g_subprocess_wait_async (second, NULL, process_exited, &exited);

  /* it exits at once, having asked this instance to show its window */
  g_assert_true (kj_test_wait_until (is_true, &exited));
  g_assert_true (g_subprocess_get_if_exited (second));
  g_assert_cmpint (g_subprocess_get_exit_status (second), ==, 0);
  g_assert_true (kj_test_wait_until (is_true, &activated));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
  g_signal_handler_disconnect (app, handler);
}

static void
test_window_open_error (void)
{
  g_autofree char *text_db = kj_test_tmp_path ("window-not-a-db.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(KjApplication) broken = NULL;
  g_autoptr(GError) error = NULL;
  KjWindow *broken_window;

  kj_test_write_file (text_db, "plain text, not a journal\n", -1);
  before = kj_test_sha256_file (text_db);

  /* a second application in this process needs its own id on the bus */
  broken = g_object_new (KJ_TYPE_APPLICATION,
                         "application-id", APP_ID ".OpenErrorTest",
                         "flags", G_APPLICATION_NON_UNIQUE,
                         "resource-base-path", RESOURCE_PREFIX,
                         "db-path", text_db,
                         NULL);
  g_assert_true (g_application_register (G_APPLICATION (broken), NULL, &error));
  g_assert_no_error (error);
  g_assert_null (kj_application_get_store (broken));
  g_assert_nonnull (kj_application_get_open_error (broken));

  g_application_activate (G_APPLICATION (broken));
  broken_window = KJ_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (broken)));
  g_assert_nonnull (broken_window);
  g_assert_true (kj_test_wait_until (kj_test_widget_is_drawn, broken_window));
  kj_test_settle ();
  kj_test_save_screenshot (GTK_WIDGET (broken_window), "window-open-error");
  g_assert_true (find_status_page (GTK_WIDGET (broken_window), "The Journal Could Not Be Opened",
                                   "not an SQLite file"));

  /* nothing can be imported into or exported from a journal that is not open */
  gtk_widget_activate_action (GTK_WIDGET (broken_window), "win.import", NULL);
  kj_test_settle ();
  g_assert_null (kj_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));

  gtk_window_destroy (GTK_WINDOW (broken_window));
  after = kj_test_sha256_file (text_db);
  g_assert_cmpstr (before, ==, after);
}

static gboolean
gone_page_shown (gpointer data)
{
  return find_status_page (GTK_WIDGET (data), "The Journal Is Gone", "deleted or replaced");
}

/* The journal renamed away while the window is open: the window stops using
 * it and says so, instead of writing to a file that is no longer there */
static void
test_window_journal_gone (void)
{
  const char *db = kj_application_get_db_path (app);
  g_autofree char *moved = g_strconcat (db, ".moved", NULL);

  g_assert_cmpint (g_rename (db, moved), ==, 0);
  g_assert_true (kj_test_wait_until (gone_page_shown, window));
  kj_test_settle ();
  kj_test_save_screenshot (GTK_WIDGET (window), "journal-gone");
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));

  g_assert_cmpint (g_rename (moved, db), ==, 0);
}

/* Nothing lost (#11, 1): with the window open (and its backup done), another
 * process reads the journal and exits; the window's next edit is seen by the
 * next process, and the log the window writes to is still there. */
static gboolean
cli_sees (const char *db,
          const char *text)
{
  g_autofree char *out = NULL;
  int status = -1;
  const char *argv[] = { g_getenv ("KJ_BINARY"), "--db", db, "--export-csv", "-", NULL };

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                               &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return strstr (out, text) != NULL;
}

static void
test_window_other_process (void)
{
  KjStore *store = kj_application_get_store (app);
  const char *db = kj_store_get_path (store);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  KjTodayPage *today = kj_window_get_today_page (window);

  /* what the window does once a day: the backup thread's own connection */
  {
    g_autoptr(KjStore) second = kj_store_open (db, &error);

    g_assert_no_error (error);
    kj_backup_run (second, "2019-08-01", NULL, &error);
    g_assert_no_error (error);
  }

  kj_window_show_page (window, "today");
  kj_window_show_day (window, "2019-08-02");
  kj_test_settle ();
  if (kj_today_page_get_day (today) == NULL)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (today), "today.log-pain", "u", 2));
  g_assert_true (kj_today_page_flush (today));
  g_assert_true (cli_sees (db, "2019-08-02,2"));
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  gtk_adjustment_set_value (kj_today_page_get_pain_adjustment (today), 8);
  g_assert_true (kj_today_page_flush (today));
  g_assert_true (cli_sees (db, "2019-08-02,8"));
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
}

/* An edit stored while an import runs in the background: the import has a
 * connection of its own, so both are in the journal afterwards */
static void
test_window_edit_during_import (void)
{
  KjStore *store = kj_application_get_store (app);
  KjTodayPage *today = kj_window_get_today_page (window);
  g_autoptr(KjJournal) big = kj_gen_journal (77, 3 * 365, "mixed", "2018-12-31", NULL);
  g_autofree char *text = kj_json_generate (big, NULL);
  g_autofree char *json = kj_test_tmp_path ("during-import.json");
  g_autoptr(GFile) file = NULL;
  g_autofree char *notes = NULL;
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GError) error = NULL;
  guint saves = 0, failed = 0;

  kj_test_write_file (json, text, -1);
  file = g_file_new_for_path (json);

  kj_window_show_page (window, "today");
  kj_window_show_day (window, "2019-09-01");
  kj_test_settle ();
  if (kj_today_page_get_day (today) == NULL)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (today), "today.log-pain", "u", 3));
  g_assert_true (kj_today_page_flush (today));

  kj_window_import_file (window, file);
  g_assert_true (kj_window_is_busy (window));
  while (kj_window_is_busy (window))
    {
      g_autofree char *typed = g_strdup_printf ("Typed during the import, %u", ++saves);

      gtk_text_buffer_set_text (gtk_text_view_get_buffer (kj_today_page_get_notes_view (today)), typed, -1);
      /* stored at once: the import's transaction is on another connection, so this one waits its turn */
      failed += !kj_today_page_flush (today);
      g_main_context_iteration (NULL, FALSE);
      /* a fast typist, not a loop that holds the write lock back to back:
       * on a loaded machine that starved the import past its busy timeout */
      g_usleep (2000);
    }
  g_assert_true (kj_test_wait_until (window_is_idle, window));
  g_assert_true (kj_today_page_flush (today));
  g_test_message ("%u edits during the import, %u failed", saves, failed);
  g_assert_cmpuint (failed, ==, 0);

  notes = stored_notes ("2019-09-01");
  g_assert_true (g_str_has_prefix (notes, "Typed during the import, "));
  g_assert_cmpint (atoi (notes + strlen ("Typed during the import, ")), ==, saves);
  days = kj_store_list_days (store, "2016-01-01", "2018-12-31", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, big->days->len);
}

/* Nothing lost (#11, 7): a value another program stored out of range */
/* the warning bar of damaged records (the demo has an info bar too) */
static GtkWidget *
find_damage_bar (GtkWidget *root)
{
  if (GTK_IS_INFO_BAR (root) && gtk_info_bar_get_message_type (GTK_INFO_BAR (root)) == GTK_MESSAGE_WARNING)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_damage_bar (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
damage_bar_shown (gpointer data)
{
  GtkWidget *bar = find_damage_bar (GTK_WIDGET (window));

  return bar != NULL && gtk_widget_get_visible (bar) == GPOINTER_TO_INT (data);
}

static void
test_window_damaged_records (void)
{
  KjStore *store = kj_application_get_store (app);
  const char *db = kj_store_get_path (store);
  KjTodayPage *today = kj_window_get_today_page (window);
  g_autoptr(GError) error = NULL;
  g_autoptr(KjDay) day = NULL;

  kj_window_show_page (window, "today");
  kj_window_show_day (window, "2019-08-03");
  kj_test_settle ();
  if (kj_today_page_get_day (today) == NULL)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (today), "today.log-pain", "u", 4));
  g_assert_true (kj_today_page_flush (today));
  kj_window_show_page (window, "history");

  /* another program, checks off */
  g_assert_true (kj_test_exec_sql (db, "PRAGMA ignore_check_constraints = ON;"
                                       " UPDATE days SET pain = 99 WHERE date = '2019-08-03'"));
  g_assert_true (kj_test_wait_until (damage_bar_shown, GINT_TO_POINTER (TRUE)));
  kj_test_settle ();
  g_assert_true (kj_test_find_label (GTK_WIDGET (window), "1 record in the journal is damaged") != NULL);
  kj_test_save_screenshot (GTK_WIDGET (window), "damaged-records");

  /* Details names the record and what is wrong with it */
  {
    GtkWidget *bar = find_damage_bar (GTK_WIDGET (window));
    GtkWidget *details = kj_test_find_widget (bar, GTK_TYPE_BUTTON, "_Details");
    AdwMessageDialog *dialog;

    g_assert_nonnull (details);
    g_signal_emit_by_name (details, "clicked");
    g_assert_true (kj_test_wait_until (kj_test_toplevel_shown, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG)));
    dialog = ADW_MESSAGE_DIALOG (kj_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Damaged Records");
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "day 2019-08-03: pain: 99 is out of range 0–10"));
    g_assert_true (kj_test_wait_until (kj_test_widget_is_drawn, dialog));
    kj_test_save_screenshot (GTK_WIDGET (dialog), "damaged-records-details");
    adw_message_dialog_response (dialog, "close");
    gtk_window_destroy (GTK_WINDOW (dialog));
  }

  /* left out of the pages: Today shows no entry for that date */
  kj_window_show_page (window, "today");
  kj_window_show_day (window, "2019-08-02");
  kj_window_show_day (window, "2019-08-03");
  kj_test_settle ();
  g_assert_null (kj_today_page_get_day (today));

  /* logging the day again replaces the damaged entry, and the bar goes */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (today), "today.log-pain", "u", 5));
  g_assert_true (kj_today_page_flush (today));
  day = kj_store_get_day (store, "2019-08-03", &error);
  g_assert_no_error (error);
  g_assert_nonnull (day);
  g_assert_cmpint (day->pain, ==, 5);
  kj_window_reload (window);
  g_assert_true (kj_test_wait_until (damage_bar_shown, GINT_TO_POINTER (FALSE)));
}

/* The help: URIs launched, recorded by a stand-in for the Help app (see
 * install_help_recorder()) */
static char *help_record;

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* A handler for help: URIs in the test's HOME: a desktop file that is the
 * default for x-scheme-handler/help (mimeapps.list), whose Exec writes the
 * URI it is given into a file. Before the first window: GIO reads the
 * desktop files once. */
static void
install_help_recorder (const char *home)
{
  g_autofree char *apps = g_build_filename (g_get_user_data_dir (), "applications", NULL);
  g_autofree char *script = g_build_filename (home, "record-help-uri", NULL);
  g_autofree char *desktop = g_build_filename (apps, "kj-test-help.desktop", NULL);
  g_autofree char *mimeapps = g_build_filename (g_get_user_config_dir (), "mimeapps.list", NULL);
  g_autofree char *script_text = NULL;
  g_autofree char *desktop_text = NULL;

  help_record = g_build_filename (home, "help-uri.txt", NULL);
  script_text = g_strdup_printf ("#!/bin/sh\nprintf '%%s\\n' \"$1\" > '%s.tmp' && mv '%s.tmp' '%s'\n",
                                 help_record, help_record, help_record);
  desktop_text = g_strdup_printf ("[Desktop Entry]\nType=Application\nName=Help recorder\nExec=%s %%u\n"
                                  "MimeType=x-scheme-handler/help;\nNoDisplay=true\n", script);

  g_assert_cmpint (g_mkdir_with_parents (apps, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_config_dir (), 0700), ==, 0);
  kj_test_write_file (script, script_text, -1);
  g_assert_cmpint (g_chmod (script, 0700), ==, 0);
  kj_test_write_file (desktop, desktop_text, -1);
  kj_test_write_file (mimeapps, "[Default Applications]\nx-scheme-handler/help=kj-test-help.desktop\n", -1);
}

/* Help in the primary menu and F1 open the manual: help:io.github.kneejournal.KneeJournal */
static void
test_window_help (void)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.help");
  g_autofree char *launched = NULL;
  GMenuModel *menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (kj_test_find_widget (GTK_WIDGET (window),
                                                                                              GTK_TYPE_MENU_BUTTON,
                                                                                              NULL)));
  gboolean in_menu = FALSE;

  g_assert_cmpstr (accels[0], ==, "F1");

  /* the primary menu's last section: Preferences, Keyboard Shortcuts, Help, About */
  {
    GMenuModel *section = g_menu_model_get_item_link (menu, g_menu_model_get_n_items (menu) - 1, G_MENU_LINK_SECTION);
    const char *order[] = { "win.preferences", "win.show-help-overlay", "app.help", "app.about" };

    g_assert_cmpint (g_menu_model_get_n_items (section), ==, G_N_ELEMENTS (order));
    for (guint i = 0; i < G_N_ELEMENTS (order); i++)
      {
        g_autofree char *action = NULL;
        g_autofree char *label = NULL;

        g_assert_true (g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_ACTION, "s", &action));
        g_assert_cmpstr (action, ==, order[i]);
        if (g_str_equal (action, "app.help"))
          {
            g_assert_true (g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_LABEL, "s", &label));
            g_assert_cmpstr (label, ==, "_Help");
            in_menu = TRUE;
          }
      }
    g_object_unref (section);
  }
  g_assert_true (in_menu);

  /* activating it launches the manual's URI in the Help app */
  g_remove (help_record);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.help", NULL));
  g_assert_true (kj_test_wait_until (file_exists, help_record));
  g_assert_true (g_file_get_contents (help_record, &launched, NULL, NULL));
  g_assert_cmpstr (launched, ==, "help:io.github.kneejournal.KneeJournal\n");
}

int
main (int   argc,
      char *argv[])
{
  if (!kj_test_gui_init (&gui, &argc, &argv))
    return kj_test_gui_finish (&gui, g_test_run ());

  install_help_recorder (gui.home);
  window = kj_test_gui_open (&gui, NULL, 960, 720);
  app = gui.app;
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);

  g_test_add_func ("/window/welcome", test_window_welcome);
  g_test_add_func ("/window/pages", test_window_pages);
  g_test_add_func ("/window/plurals", test_window_plurals);
  g_test_add_func ("/window/import-export", test_window_import_export);
  g_test_add_func ("/window/import-runs", test_window_import_runs);
  g_test_add_func ("/window/import-runs-many-failures", test_window_import_runs_many_failures);
  g_test_add_func ("/window/menu-actions", test_window_menu_actions);
  g_test_add_func ("/window/help", test_window_help);
  g_test_add_func ("/window/preferences", test_window_preferences);
  g_test_add_func ("/window/preferences-dates", test_window_preferences_dates);
  g_test_add_func ("/window/backups", test_window_backups);
  g_test_add_func ("/window/live-reload", test_window_live_reload);
  g_test_add_func ("/window/quit-saves", test_window_quit_saves);
  g_test_add_func ("/window/session-end-saves", test_window_session_end_saves);
  g_test_add_func ("/window/unsaved-asks", test_window_unsaved_asks);
  g_test_add_func ("/window/page-switch-saves", test_window_page_switch_saves);
  g_test_add_func ("/window/day-switch-saves", test_window_day_switch_saves);
  g_test_add_func ("/window/dialog-saves", test_window_dialog_saves);
  g_test_add_func ("/window/single-instance", test_window_single_instance);
  g_test_add_func ("/window/open-error", test_window_open_error);
  g_test_add_func ("/window/other-process", test_window_other_process);
  g_test_add_func ("/window/edit-during-import", test_window_edit_during_import);
  g_test_add_func ("/window/damaged-records", test_window_damaged_records);
  g_test_add_func ("/window/journal-gone", test_window_journal_gone);
  g_test_add_func ("/window/close-saves", test_window_close_saves);

  /* the close test destroys the window, unless it was skipped */
  return kj_test_gui_finish (&gui, g_test_run ());
}
