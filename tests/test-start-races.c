/* test-start-races.c — what meets the window before its first frame, or before the idle after it, in real windows under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's start leaves History, Trends, the shortcuts window, the Today
 * page's sections below its first screen and its records for later, and the
 * daily backup for two seconds later (doc/architecture.md, “The window's
 * start”). Each test here does what a user or another program can do in
 * that time — close the window, switch pages, change the journal, open a
 * second window, quit — and checks what a bug there would break.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "kj-application.h"
#include "kj-backup.h"
#include "kj-gen.h"
#include "kj-history-page.h"
#include "kj-json.h"
#include "kj-test-gtk.h"
#include "kj-test-util.h"
#include "kj-today-page.h"
#include "kj-trends-page.h"
#include "kj-window.h"

static KjTestGui gui;

static KjWindow *
activate (const char *page)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_set_string (settings, "last-page", page);
  g_application_activate (G_APPLICATION (gui.app));

  return KJ_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (gui.app)));
}

/* A journal of 30 days to today, each with a pain entry */
static void
write_journal (void)
{
  g_autofree char *today = kj_date_today ();
  g_autoptr(KjJournal) journal = kj_gen_journal (5, 30, "improving", today, NULL);

  kj_test_store_journal (gui.db_path, journal);
}

/* Windows destroyed at each point of the start, their idle sources pending:
 * nothing runs on a freed window (the sanitizer build finds it), and the
 * next window still starts fully. */
static void
test_start_races_destroyed_early (void)
{
  KjWindow *window;

  /* before the main loop ran at all */
  window = activate ("today");
  gtk_window_destroy (GTK_WINDOW (window));
  kj_test_settle ();

  /* drawn, with finish_start() and show_rest() pending */
  window = activate ("today");
  g_assert_true (kj_test_wait_until (kj_test_widget_is_drawn, window));
  gtk_window_destroy (GTK_WINDOW (window));
  kj_test_settle ();

  /* switched to History before the first frame, then closed */
  window = activate ("today");
  kj_window_show_page (window, "history");
  gtk_window_destroy (GTK_WINDOW (window));
  kj_test_settle ();

  /* reloaded (another program's change) before the first frame, then closed */
  window = activate ("history");
  kj_window_reload (window);
  gtk_window_destroy (GTK_WINDOW (window));
  kj_test_settle ();

  window = activate ("today");
  g_assert_true (kj_test_wait_until (kj_test_today_rest_is_shown, kj_window_get_today_page (window)));
  g_assert_true (kj_test_wait_until (kj_test_history_is_made, window));
  g_assert_true (kj_test_wait_until (kj_test_shortcuts_are_made, window));
  gtk_window_destroy (GTK_WINDOW (window));
  kj_test_settle ();
}

/* Two windows on one application: each gets its own pages and its own
 * shortcuts window, and Ctrl+? opens the one of the window it is pressed in. */
static void
test_start_races_two_windows (void)
{
  KjWindow *first = activate ("today");
  KjWindow *second;

  g_assert_true (kj_test_wait_until (kj_test_shortcuts_are_made, first));
  second = KJ_WINDOW (g_object_new (KJ_TYPE_WINDOW, "application", gui.app, NULL));
  gtk_window_present (GTK_WINDOW (second));
  g_assert_true (kj_test_wait_until (kj_test_shortcuts_are_made, second));
  g_assert_true (kj_test_wait_until (kj_test_history_is_made, second));
  g_assert_true (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (first))
                 != gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (second)));
  g_assert_true (kj_window_get_history_page (first) != kj_window_get_history_page (second));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (second), "win.show-help-overlay", NULL));
  kj_test_settle ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_application_window_get_help_overlay (
    GTK_APPLICATION_WINDOW (second)))));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_application_window_get_help_overlay (
    GTK_APPLICATION_WINDOW (first)))));

  /* the first closed while the second's shortcuts window is open */
  gtk_window_destroy (GTK_WINDOW (first));
  kj_test_settle ();
  gtk_window_destroy (GTK_WINDOW (second));
  kj_test_settle ();
}

/* Ctrl+? pressed as soon as the window is there, before the idle after its
 * first frame built the shortcuts window: the shortcuts still open. */
static void
test_start_races_shortcuts_at_once (void)
{
  KjWindow *window = activate ("today");
  GtkShortcutsWindow *shortcuts;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  kj_test_settle ();
  shortcuts = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (shortcuts);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));

  gtk_window_destroy (GTK_WINDOW (window));
  kj_test_settle ();
}

/* A symptom ticked and notes typed before the Today page's lower sections
 * are shown (a keyboard is quick, a test quicker): both are stored. */
static void
test_start_races_edit_before_rest (void)
{
  g_autofree char *today = kj_date_today ();
  KjWindow *window = activate ("today");
  KjTodayPage *page = kj_window_get_today_page (window);
  GtkToggleButton *locking = kj_today_page_get_symptom_button (page, "locking");
  gboolean was = gtk_toggle_button_get_active (locking);
  g_autoptr(GError) error = NULL;
  g_autoptr(KjDay) day = NULL;

  gtk_toggle_button_set_active (locking, !was);
  g_assert_true (kj_today_page_flush (page));
  day = kj_store_get_day (kj_application_get_store (gui.app), today, &error);
  g_assert_no_error (error);
  g_assert_nonnull (day);
  {
    gboolean stored = FALSE;

    for (guint i = 0; day->symptoms != NULL && i < day->symptoms->len; i++)
      stored = stored || g_strcmp0 (g_ptr_array_index (day->symptoms, i), "locking") == 0;
    g_assert_true (stored == !was);
  }
  g_assert_true (kj_test_wait_until (kj_test_today_rest_is_shown, page));
  g_assert_true (gtk_toggle_button_get_active (locking) == !was);
  gtk_toggle_button_set_active (locking, was);
  kj_today_page_flush (page);

  gtk_window_destroy (GTK_WINDOW (window));
  kj_test_settle ();
}

/* A journal file of @n_days days ending 400 days ago, as JSON */
static GFile *
write_import (const char *name,
              guint       n_days)
{
  g_autofree char *path = g_build_filename (gui.home, name, NULL);
  g_autoptr(KjJournal) journal = kj_gen_journal (11, n_days, "improving", "2020-06-30", NULL);
  g_autofree char *text = kj_json_generate (journal, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

static guint
n_days (void)
{
  g_autoptr(GPtrArray) days = kj_store_list_days (kj_application_get_store (gui.app), NULL, NULL, NULL);

  return days != NULL ? days->len : 0;
}

/* An import started before the first frame: History, made after it, shows
 * the imported days; and a window closed while its import runs leaves
 * nothing to run on it afterwards. */
static void
test_start_races_import_early (void)
{
  g_autoptr(GFile) file = write_import ("early.json", 20);
  g_autoptr(GFile) other = write_import ("closed.json", 5);
  KjWindow *window = activate ("today");
  KjHistoryPage *history;
  guint before;
  gint64 deadline;

  kj_window_import_file (window, file);
  g_assert_true (kj_test_wait_until (kj_test_history_is_made, window));
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline
         && n_days () < 50)
    kj_test_settle ();
  kj_test_settle ();
  history = kj_window_get_history_page (window);
  kj_window_show_page (window, "history");
  kj_test_settle ();
  before = g_list_model_get_n_items (kj_history_page_get_model (history));
  g_assert_cmpuint (before, ==, 50);
  kj_window_show_page (window, "today");
  gtk_window_destroy (GTK_WINDOW (window));
  kj_test_settle ();

  /* closed before its import is done */
  window = activate ("today");
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  kj_window_import_file (window, other);
  gtk_window_destroy (GTK_WINDOW (window));
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline)
    kj_test_settle ();
  g_assert_null (window);
}

/* Preferences → Backups opened as soon as the window is there, on a journal
 * never backed up: today's backup is in its list, as it was when the backup
 * was made while the window started (the list is filled when it opens). */
static void
test_start_races_backups_listed_early (void)
{
  g_autofree char *path = g_build_filename (gui.home, "listed.db", NULL);
  g_autofree char *today = kj_date_today ();
  g_autoptr(KjApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;
  GtkWindow *preferences;
  gint64 deadline;

  {
    g_autoptr(KjJournal) journal = kj_gen_journal (9, 10, "improving", today, NULL);

    kj_test_store_journal (path, journal);
  }

  app = kj_application_new (path);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (kj_test_wait_until (kj_test_widget_is_drawn, window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL));
  g_assert_true (kj_test_wait_until (kj_test_toplevel_shown, GSIZE_TO_POINTER (ADW_TYPE_PREFERENCES_WINDOW)));
  preferences = kj_test_find_toplevel (ADW_TYPE_PREFERENCES_WINDOW);

  /* well past the backup's delay */
  deadline = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline)
    kj_test_settle ();
  {
    g_autoptr(GPtrArray) backups = kj_backup_list (path);

    g_assert_cmpuint (backups->len, >, 0);
  }
  g_assert_null (kj_test_find_widget (GTK_WIDGET (preferences), ADW_TYPE_ACTION_ROW, "No backups yet"));
  g_assert_nonnull (kj_test_find_widget (GTK_WIDGET (preferences), ADW_TYPE_ACTION_ROW, today));

  gtk_window_destroy (preferences);
  gtk_window_destroy (window);
  kj_test_settle ();
}

/* The window closed within two seconds of opening: the day's backup is made
 * all the same (README, “Backups”: once a day, when the window opens on a
 * journal that is not empty). Runs the application as main() would: quit
 * while the backup's delay is pending, then look for the copy. */
static gboolean
quit_soon (gpointer app)
{
  GtkWindow *window = gtk_application_get_active_window (app);

  if (window == NULL || !kj_test_widget_is_drawn (window))
    return G_SOURCE_CONTINUE;
  g_application_quit (app);

  return G_SOURCE_REMOVE;
}

static void
test_start_races_closed_within_backup_delay (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(KjApplication) app = NULL;
  g_autofree char *path = g_build_filename (gui.home, "quick.db", NULL);
  g_autoptr(GPtrArray) backups = NULL;
  int status;

  {
    g_autofree char *today = kj_date_today ();
    g_autoptr(KjJournal) journal = kj_gen_journal (7, 10, "improving", today, NULL);

    kj_test_store_journal (path, journal);
  }
  g_settings_set_string (settings, "last-page", "today");

  app = kj_application_new (path);
  g_timeout_add (20, quit_soon, app);
  status = g_application_run (G_APPLICATION (app), 0, NULL);
  g_assert_cmpint (status, ==, 0);

  backups = kj_backup_list (path);
  g_assert_nonnull (backups);
  g_assert_cmpuint (backups->len, >, 0);
}

/* The window closed while the daily backup copies the journal: the
 * application ends after the copy, not in its middle (a process that exits
 * then leaves a half-written “.part” file and no backup for the day). */
static gboolean
quit_when_copying (gpointer app)
{
  g_autofree char *folder = kj_backup_folder (kj_application_get_db_path (app));

  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    return G_SOURCE_CONTINUE;
  g_application_quit (app);

  return G_SOURCE_REMOVE;
}

static void
test_start_races_closed_during_backup (void)
{
  g_autofree char *path = g_build_filename (gui.home, "copying.db", NULL);
  g_autofree char *today = kj_date_today ();
  g_autoptr(KjApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  const char *name;
  int status;

  {
    g_autoptr(KjJournal) journal = kj_gen_journal (13, 3653, "improving", today, NULL);

    kj_test_store_journal (path, journal);
  }

  app = kj_application_new (path);
  g_timeout_add (1, quit_when_copying, app);
  status = g_application_run (G_APPLICATION (app), 0, NULL);
  g_assert_cmpint (status, ==, 0);

  /* at once, as main() would return and the process end */
  folder = kj_backup_folder (path);
  dir = g_dir_open (folder, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_test_message ("%s", name);
      g_assert_null (strstr (name, ".part"));
    }
  backups = kj_backup_list (path);
  g_assert_cmpuint (backups->len, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;

  if (!kj_test_gui_init (&gui, &argc, &argv))
    return kj_test_gui_finish (&gui, g_test_run ());

  write_journal ();
  gui.app = kj_application_new (gui.db_path);
  g_assert_true (g_application_register (G_APPLICATION (gui.app), NULL, &error));
  g_assert_no_error (error);

  g_test_add_func ("/start-races/destroyed-early", test_start_races_destroyed_early);
  g_test_add_func ("/start-races/two-windows", test_start_races_two_windows);
  g_test_add_func ("/start-races/shortcuts-at-once", test_start_races_shortcuts_at_once);
  g_test_add_func ("/start-races/edit-before-rest", test_start_races_edit_before_rest);
  g_test_add_func ("/start-races/import-early", test_start_races_import_early);
  g_test_add_func ("/start-races/backups-listed-early", test_start_races_backups_listed_early);
  g_test_add_func ("/start-races/closed-within-backup-delay", test_start_races_closed_within_backup_delay);
  g_test_add_func ("/start-races/closed-during-backup", test_start_races_closed_during_backup);

  return kj_test_gui_finish (&gui, g_test_run ());
}
