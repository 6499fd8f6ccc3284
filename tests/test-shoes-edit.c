/* test-shoes-edit.c — Edit Shoes, Done without a change, does not change the pair's distances (in miles, where
 * they are shown rounded); runs imported past a pair's alert distance say so (a reviewer's tests)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "kj-preferences-window.h"
#include "kj-test-gtk.h"
#include "kj-test-util.h"
#include "kj-window.h"

static KjTestGui gui;
static KjWindow *window;

static GtkWidget *
find_icon_button (GtkWidget  *root,
                  const char *icon)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (root)), icon) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_icon_button (child, icon);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Preferences → Shoes → Edit → Done, nothing typed: the stored pair is unchanged */
static void
test_shoes_edit_edit_unchanged (void)
{
  GtkWindow *preferences;
  GtkWindow *editor;
  GtkWidget *row;
  g_autoptr(GError) error = NULL;
  g_autoptr(KjStore) store = NULL;
  g_autoptr(KjShoe) after = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL));
  g_assert_true (kj_test_wait_until (kj_test_toplevel_shown, GSIZE_TO_POINTER (KJ_TYPE_PREFERENCES_WINDOW)));
  preferences = kj_test_find_toplevel (KJ_TYPE_PREFERENCES_WINDOW);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "shoes");
  kj_test_settle ();

  row = kj_test_find_widget (GTK_WIDGET (preferences), ADW_TYPE_ACTION_ROW, "Pegasus 40");
  g_assert_nonnull (row);
  gtk_widget_activate (find_icon_button (row, "document-edit-symbolic"));
  g_assert_true (kj_test_wait_until (kj_test_window_titled_shown, (gpointer) "Edit Shoes"));
  editor = kj_test_find_window_titled ("Edit Shoes");
  kj_test_settle ();
  g_test_message ("shown: %s mi already run, alert %s mi",
                  gtk_editable_get_text (GTK_EDITABLE (kj_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW,
                                                                            "Distance Already Run (mi)"))),
                  gtk_editable_get_text (GTK_EDITABLE (kj_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW,
                                                                            "Alert After (mi)"))));
  gtk_widget_activate (kj_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_BUTTON, "_Done"));
  kj_test_settle ();
  g_assert_null (kj_test_find_window_titled ("Edit Shoes"));

  store = kj_store_open (gui.db_path, &error);
  g_assert_no_error (error);
  after = kj_store_get_shoe (store, "pegasus-40", &error);
  g_assert_no_error (error);
  g_test_message ("stored after Done: start_km %.6f, alert_km %.6f", after->start_km, after->alert_km);
  g_assert_cmpfloat (after->start_km, ==, 85.55);
  g_assert_cmpfloat (after->alert_km, ==, 700);

  gtk_window_destroy (preferences);
  kj_test_settle ();
}

static gboolean
window_is_idle (gpointer data)
{
  return !kj_window_is_busy (data);
}

/* doc/data-model.md “Shoes”: a pair passes its alert distance on the save that takes its kilometres to
 * alert_km or more, and the app says so once. Runs imported from a watch's files are such saves: the
 * new run gets the default pair (700.5 km before, 7.99 km more) */
static void
test_shoes_edit_import_alert (void)
{
  g_autofree char *gpx = g_build_filename (g_getenv ("KJ_SOURCE_ROOT"), "tests", "data", "tracks", "garmin.gpx", NULL);
  const char *paths[] = { gpx, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(KjStore) store = kj_store_open (gui.db_path, &error);
  g_autoptr(GHashTable) km = NULL;
  g_autoptr(KjShoe) shoe = kj_store_get_shoe (store, "pegasus-40", &error);

  /* in km, 5 km short of its alert */
  shoe->alert_km = shoe->start_km + 5;
  g_assert_true (kj_store_save_shoe (store, shoe, &error));

  kj_window_import_runs (window, paths);
  g_assert_true (kj_test_wait_until (window_is_idle, window));
  kj_test_settle ();
  km = kj_store_get_shoe_km (store, &error);
  g_assert_cmpfloat (*(double *) g_hash_table_lookup (km, "pegasus-40"), >=, shoe->alert_km);
  g_test_message ("last message: %s", kj_window_get_last_message (window));
  g_assert_nonnull (strstr (kj_window_get_last_message (window), "time to think about new shoes"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(KjJournal) journal = kj_journal_new ();
  KjShoe *shoe = kj_shoe_new ("Pegasus 40");

  if (!kj_test_gui_init (&gui, &argc, &argv))
    return kj_test_gui_finish (&gui, g_test_run ());

  journal->profile = kj_profile_new ();
  journal->profile->units = kj_code_lookup (KJ_CODE_UNITS, "mi");
  shoe->id = g_strdup ("pegasus-40");
  shoe->start_km = 85.55;
  shoe->alert_km = 700;
  shoe->is_default = TRUE;
  g_ptr_array_add (journal->shoes, shoe);

  window = kj_test_gui_open (&gui, journal, 1000, 900);
  g_test_add_func ("/shoes-edit/edit-unchanged", test_shoes_edit_edit_unchanged);
  g_test_add_func ("/shoes-edit/import-alert", test_shoes_edit_import_alert);

  return kj_test_gui_finish (&gui, g_test_run ());
}
