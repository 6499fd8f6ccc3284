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
#include "kj-day-routine.h"
#include "kj-day-symptoms.h"
#include "kj-backup.h"
#include "kj-gen.h"
#include "kj-history-page.h"
#include "kj-json.h"
#include "kj-knee-diagram.h"
#include "kj-region.h"
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

/* Another program's connection to the journal: @date's notes and symptoms
 * set there, as the window's poll of PRAGMA data_version would find them */
static void
store_elsewhere (const char *date,
                 const char *notes,
                 const char *symptom)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KjStore) other = kj_store_open (gui.db_path, &error);
  g_autoptr(KjDay) day = NULL;

  g_assert_no_error (error);
  day = kj_store_get_day (other, date, &error);
  g_assert_no_error (error);
  g_assert_nonnull (day);
  g_free (day->notes);
  day->notes = g_strdup (notes);
  g_ptr_array_set_size (day->symptoms, 0);
  if (symptom != NULL)
    g_ptr_array_add (day->symptoms, (gpointer) symptom);
  g_assert_true (kj_store_save_day (other, day, &error));
  g_assert_no_error (error);
}

static KjDay *
stored_day (const char *date)
{
  g_autoptr(GError) error = NULL;
  KjDay *day = kj_store_get_day (kj_application_get_store (gui.app), date, &error);

  g_assert_no_error (error);
  g_assert_nonnull (day);

  return day;
}

static gboolean
has_symptom (const KjDay *day,
             const char  *code)
{
  for (guint i = 0; i < day->symptoms->len; i++)
    if (g_strcmp0 (g_ptr_array_index (day->symptoms, i), code) == 0)
      return TRUE;

  return FALSE;
}

/* Whether the Today page @page has made its symptoms (without asking it to) */
static gboolean
rest_is_made (KjTodayPage *page)
{
  return kj_test_find_widget (GTK_WIDGET (page), KJ_TYPE_DAY_SYMPTOMS, NULL) != NULL;
}

/* The notes the Today page @page shows (it makes them if they are not) */
static char *
shown_notes (KjTodayPage *page)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (kj_today_page_get_notes_view (page));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}
/* The pain changed before the Today page's lower sections are made, on a day
 * whose notes and symptoms are stored: they are stored still (the day is
 * saved whole), and shown when the sections are made, with the day's
 * warning sign. The same after another program's change, read by reload. */
static void
test_start_races_pain_before_rest (void)
{
  g_autofree char *today = kj_date_today ();
  KjWindow *window;
  KjTodayPage *page;
  g_autoptr(KjDay) day = NULL;
  const char *title = NULL;
  g_autofree char *text = NULL;

  store_elsewhere (today, "Stored before the window", "locking");
  window = activate ("today");
  page = kj_window_get_today_page (window);
  g_assert_false (rest_is_made (page));
  g_assert_cmpstr (kj_today_page_get_day (page)->notes, ==, "Stored before the window");
  gtk_adjustment_set_value (kj_today_page_get_pain_adjustment (page),
                            kj_today_page_get_day (page)->pain == 7 ? 6 : 7);
  g_assert_true (kj_today_page_flush (page));
  g_assert_false (rest_is_made (page));
  day = stored_day (today);
  g_assert_cmpstr (day->notes, ==, "Stored before the window");
  g_assert_true (has_symptom (day, "locking"));
  g_clear_pointer (&day, kj_day_free);

  /* another program's change, read before the sections are made */
  store_elsewhere (today, "Changed elsewhere", NULL);
  kj_window_reload (window);
  g_assert_false (rest_is_made (page));
  g_assert_true (kj_test_wait_until (kj_test_today_rest_is_shown, page));
  text = shown_notes (page);
  g_assert_cmpstr (text, ==, "Changed elsewhere");
  g_assert_false (gtk_toggle_button_get_active (kj_today_page_get_symptom_button (page, "locking")));
  g_assert_false (kj_today_page_get_red_flag (page, NULL));

  /* and after they are made */
  store_elsewhere (today, "Locked again", "locking");
  kj_window_reload (window);
  kj_test_settle ();
  g_clear_pointer (&text, g_free);
  text = shown_notes (page);
  g_assert_cmpstr (text, ==, "Locked again");
  g_assert_true (gtk_toggle_button_get_active (kj_today_page_get_symptom_button (page, "locking")));
  g_assert_true (kj_today_page_get_red_flag (page, &title));
  g_assert_cmpstr (title, ==, "See a doctor now");

  gtk_window_destroy (GTK_WINDOW (window));
  kj_test_settle ();
  store_elsewhere (today, "", NULL);
}

/* The red flag of a day with locking, the Today page's sections made after
 * its first frame: the card is shown */
static void
test_start_races_red_flag_after_rest (void)
{
  g_autofree char *today = kj_date_today ();
  KjWindow *window;
  KjTodayPage *page;
  const char *title = NULL;

  store_elsewhere (today, "", "locking");
  window = activate ("today");
  page = kj_window_get_today_page (window);
  g_assert_true (kj_test_wait_until (kj_test_widget_is_drawn, window));
  while (!rest_is_made (page))
    g_main_context_iteration (NULL, TRUE);
  kj_test_settle ();
  g_assert_true (kj_today_page_get_red_flag (page, &title));
  g_assert_cmpstr (title, ==, "See a doctor now");

  gtk_window_destroy (GTK_WINDOW (window));
  kj_test_settle ();
  store_elsewhere (today, "", NULL);
}

/* The pain changed and the window closed before the idle that makes the
 * lower sections: the change is stored, the day's notes with it */
static void
test_start_races_closed_before_rest (void)
{
  g_autofree char *today = kj_date_today ();
  g_autofree char *yesterday = NULL;
  KjWindow *window;
  KjTodayPage *page;
  g_autoptr(KjDay) day = NULL;
  int pain;
  char date[11];

  kj_date_add_days (today, -1, date);
  yesterday = g_strdup (date);
  store_elsewhere (today, "Kept at close", "swelling");
  window = activate ("today");
  page = kj_window_get_today_page (window);
  pain = kj_today_page_get_day (page)->pain == 2 ? 3 : 2;
  gtk_adjustment_set_value (kj_today_page_get_pain_adjustment (page), pain);
  gtk_window_destroy (GTK_WINDOW (window));
  kj_test_settle ();
  day = stored_day (today);
  g_assert_cmpint (day->pain, ==, pain);
  g_assert_cmpstr (day->notes, ==, "Kept at close");
  g_assert_true (has_symptom (day, "swelling"));
  g_clear_pointer (&day, kj_day_free);

  /* another day shown, then edited, before the sections are made */
  window = activate ("today");
  page = kj_window_get_today_page (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.previous", NULL));
  g_assert_cmpstr (kj_today_page_get_date (page), ==, yesterday);
  gtk_adjustment_set_value (kj_today_page_get_pain_adjustment (page), 9);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.next", NULL));
  g_assert_true (kj_test_wait_until (kj_test_today_rest_is_shown, page));
  {
    g_autofree char *text = shown_notes (page);

    g_assert_cmpstr (text, ==, "Kept at close");
    g_assert_true (gtk_toggle_button_get_active (kj_today_page_get_symptom_button (page, "swelling")));
  }
  day = stored_day (yesterday);
  g_assert_cmpint (day->pain, ==, 9);

  gtk_window_destroy (GTK_WINDOW (window));
  kj_test_settle ();
  store_elsewhere (today, "", NULL);
}

/* A window that starts narrow: the bottom bar is revealed with its pages,
 * as it is for a window made narrow later */
static gboolean
bar_has_pages (gpointer bar)
{
  GtkWidget *button = kj_test_find_widget (bar, GTK_TYPE_TOGGLE_BUTTON, NULL);

  return button != NULL && gtk_widget_get_mapped (button);
}

static void
test_start_races_narrow_at_start (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  KjWindow *window;
  GtkWidget *bar;
  GtkWidget *title;

  g_settings_set (settings, "window-size", "(ii)", 360, 640);
  window = activate ("today");
  g_assert_true (kj_test_wait_until (kj_test_widget_is_drawn, window));
  kj_test_settle ();
  bar = kj_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_BAR, NULL);
  title = kj_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_TITLE, NULL);
  g_test_message ("title visible %d, reveal %d, stack %p", adw_view_switcher_title_get_title_visible (ADW_VIEW_SWITCHER_TITLE (title)),
                  adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (bar)),
                  (void *) adw_view_switcher_bar_get_stack (ADW_VIEW_SWITCHER_BAR (bar)));
  kj_test_save_screenshot (GTK_WIDGET (window), "start-races-narrow-at-start");
  g_assert_true (adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (bar)));
  g_assert_nonnull (adw_view_switcher_bar_get_stack (ADW_VIEW_SWITCHER_BAR (bar)));
  g_assert_true (kj_test_wait_until (bar_has_pages, bar));

  gtk_window_destroy (GTK_WINDOW (window));
  kj_test_settle ();
  g_settings_reset (settings, "window-size");
}

/* The window started on History: the Today page's sections, made when it is
 * first shown, show the day's warning sign and notes */
static void
test_start_races_rest_after_history (void)
{
  g_autofree char *today = kj_date_today ();
  KjWindow *window;
  KjTodayPage *page;
  const char *title = NULL;
  g_autofree char *text = NULL;
  gint64 deadline;

  store_elsewhere (today, "Gave way twice", "giving-way");
  window = activate ("history");
  page = kj_window_get_today_page (window);
  g_assert_true (kj_test_wait_until (kj_test_widget_is_drawn, window));
  kj_test_settle ();
  g_assert_false (rest_is_made (page));
  kj_window_show_page (window, "today");
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!rest_is_made (page) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (rest_is_made (page));
  kj_test_settle ();
  g_assert_true (kj_today_page_get_red_flag (page, &title));
  g_assert_cmpstr (title, ==, "See a doctor or physiotherapist soon");
  text = shown_notes (page);
  g_assert_cmpstr (text, ==, "Gave way twice");

  gtk_window_destroy (GTK_WINDOW (window));
  kj_test_settle ();
  store_elsewhere (today, "", NULL);
}

/* A narrow window on an empty journal (the welcome page, its switcher
 * disabled), given its first day by another program: the bottom bar is
 * shown with its pages */
static void
test_start_races_narrow_welcome (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *path = g_build_filename (gui.home, "empty.db", NULL);
  g_autofree char *today = kj_date_today ();
  g_autoptr(KjApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;
  GtkWidget *bar;

  {
    g_autoptr(KjStore) store = kj_store_open (path, &error);

    g_assert_no_error (error);
  }
  g_settings_set (settings, "window-size", "(ii)", 360, 640);
  g_settings_set_string (settings, "last-page", "today");
  app = kj_application_new (path);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (kj_test_wait_until (kj_test_widget_is_drawn, window));
  kj_test_settle ();
  bar = kj_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_BAR, NULL);
  g_assert_false (gtk_widget_get_visible (bar));

  {
    g_autoptr(KjStore) other = kj_store_open (path, &error);
    g_autoptr(KjDay) day = kj_day_new (today);

    g_assert_no_error (error);
    day->pain = 4;
    g_assert_true (kj_store_save_day (other, day, &error));
    g_assert_no_error (error);
  }
  kj_window_reload (KJ_WINDOW (window));
  kj_test_settle ();
  kj_test_save_screenshot (GTK_WIDGET (window), "start-races-narrow-welcome");
  g_assert_true (gtk_widget_get_visible (bar));
  g_assert_true (adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (bar)));
  g_assert_true (kj_test_wait_until (bar_has_pages, bar));

  gtk_window_destroy (window);
  kj_test_settle ();
  g_settings_reset (settings, "window-size");
}

/* The knee shown changed while one of its places holds the focus, on screen
 * and with the Today page hidden behind History: the place keeps the focus
 * and its name follows the knee; the places of the view shown stay shown */
static void
test_start_races_side_with_focus (void)
{
  KjWindow *window = activate ("today");
  KjTodayPage *page = kj_window_get_today_page (window);
  KjKneeDiagram *diagram = kj_today_page_get_diagram (page);
  KjSide side;
  GtkWidget *hotspot;
  int region = -1;

  g_assert_true (kj_test_wait_until (kj_test_today_rest_is_shown, page));
  kj_test_settle ();
  for (int r = 0; r < KJ_N_REGIONS && region < 0; r++)
    if (gtk_widget_get_visible (kj_knee_diagram_get_hotspot (diagram, r)))
      region = r;
  g_assert_cmpint (region, >=, 0);
  hotspot = kj_knee_diagram_get_hotspot (diagram, region);
  g_assert_true (gtk_widget_grab_focus (hotspot));
  g_assert_cmpint (kj_knee_diagram_get_focus_region (diagram), ==, region);
  side = kj_knee_diagram_get_side (diagram);

  kj_knee_diagram_set_side (diagram, side == KJ_SIDE_LEFT ? KJ_SIDE_RIGHT : KJ_SIDE_LEFT);
  g_assert_true (gtk_widget_has_focus (hotspot));
  g_assert_cmpint (kj_knee_diagram_get_focus_region (diagram), ==, region);
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (hotspot), side == KJ_SIDE_LEFT ? "Right knee" : "Left knee"));

  kj_window_show_page (window, "history");
  kj_test_settle ();
  g_assert_false (gtk_widget_get_mapped (hotspot));
  kj_knee_diagram_set_side (diagram, side);
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (hotspot), side == KJ_SIDE_LEFT ? "Left knee" : "Right knee"));
  for (int r = 0; r < KJ_N_REGIONS; r++)
    g_assert_true (gtk_widget_get_visible (kj_knee_diagram_get_hotspot (diagram, r))
                   == gtk_widget_get_visible (kj_knee_diagram_get_hotspot (diagram, region))
                   || kj_region_get (r)->view != kj_region_get (region)->view);
  kj_window_show_page (window, "today");
  kj_test_settle ();
  g_test_message ("focus after the way back: %s, region %d",
                  gtk_root_get_focus (GTK_ROOT (window)) ? G_OBJECT_TYPE_NAME (gtk_root_get_focus (GTK_ROOT (window))) : "none",
                  kj_knee_diagram_get_focus_region (diagram));
  g_assert_true (gtk_widget_get_mapped (hotspot));
  g_assert_true (gtk_widget_get_visible (hotspot));

  gtk_window_destroy (GTK_WINDOW (window));
  kj_test_settle ();
}

/* Notes typed, their save pending (it waits 0.4 s), then at once another
 * day shown, and the window closed: each day keeps its own notes */
static void
test_start_races_notes_pending (void)
{
  g_autofree char *today = kj_date_today ();
  char yesterday[11];
  KjWindow *window = activate ("today");
  KjTodayPage *page = kj_window_get_today_page (window);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (kj_today_page_get_notes_view (page));
  g_autoptr(KjDay) day = NULL;

  kj_date_add_days (today, -1, yesterday);
  store_elsewhere (yesterday, "Yesterday's own", NULL);
  kj_window_reload (window);
  gtk_text_buffer_set_text (buffer, "Typed today", -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.previous", NULL));
  gtk_text_buffer_set_text (buffer, "Typed yesterday", -1);
  gtk_window_destroy (GTK_WINDOW (window));
  kj_test_settle ();

  day = stored_day (today);
  g_assert_cmpstr (day->notes, ==, "Typed today");
  g_clear_pointer (&day, kj_day_free);
  day = stored_day (yesterday);
  g_assert_cmpstr (day->notes, ==, "Typed yesterday");
  store_elsewhere (today, "", NULL);
  store_elsewhere (yesterday, "", NULL);
}

/* Today not logged yet; before the lower sections are made, “Same as
 * Yesterday” and a digit: the day is stored with yesterday's places and no
 * symptoms or notes of its own, and the sections, made then, show it so */
static void
test_start_races_same_as_yesterday_before_rest (void)
{
  g_autofree char *today = kj_date_today ();
  char yesterday[11];
  g_autoptr(GError) error = NULL;
  g_autoptr(KjDay) before = NULL;
  g_autoptr(KjDay) day = NULL;
  KjWindow *window;
  KjTodayPage *page;
  KjDayRoutine *routine;

  kj_date_add_days (today, -1, yesterday);
  store_elsewhere (yesterday, "Yesterday's notes", "locking");
  before = stored_day (today);
  {
    g_autoptr(KjStore) other = kj_store_open (gui.db_path, &error);

    g_assert_no_error (error);
    g_autoptr(GPtrArray) treatments = NULL;
    g_autoptr(GPtrArray) runs = NULL;

    g_assert_no_error (error);
    g_assert_true (kj_store_delete_day (other, before->id, &error));
    g_assert_no_error (error);
    /* nothing of its own, so that yesterday's routine is offered */
    treatments = kj_store_list_treatments (other, today, today, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < treatments->len; i++)
      g_assert_true (kj_store_delete_treatment (other, ((KjTreatment *) g_ptr_array_index (treatments, i))->id, NULL));
    runs = kj_store_list_runs (other, today, today, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < runs->len; i++)
      g_assert_true (kj_store_delete_run (other, ((KjRun *) g_ptr_array_index (runs, i))->id, NULL));
  }
  window = activate ("today");
  page = kj_window_get_today_page (window);
  g_assert_null (kj_today_page_get_day (page));
  g_assert_true (kj_test_wait_until (kj_test_widget_is_drawn, window));
  routine = KJ_DAY_ROUTINE (kj_test_find_widget (GTK_WIDGET (page), KJ_TYPE_DAY_ROUTINE, NULL));
  g_assert_nonnull (routine);
  kj_day_routine_set_active (routine, TRUE);
  g_assert_true (kj_day_routine_get_active (routine));
  g_assert_cmpstr (kj_day_routine_get_from (routine), ==, yesterday);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.log-pain", "u", 5));
  g_assert_nonnull (kj_today_page_get_day (page));
  day = stored_day (today);
  g_assert_cmpint (day->pain, ==, 5);
  {
    g_autoptr(KjDay) from = stored_day (yesterday);

    g_assert_cmpuint (day->locations->len, ==, from->locations->len);
  }
  g_assert_cmpuint (day->symptoms->len, ==, 0);
  g_assert_cmpstr (day->notes != NULL ? day->notes : "", ==, "");
  g_assert_true (kj_test_wait_until (kj_test_today_rest_is_shown, page));
  g_assert_false (gtk_toggle_button_get_active (kj_today_page_get_symptom_button (page, "locking")));
  g_assert_false (kj_today_page_get_red_flag (page, NULL));

  gtk_window_destroy (GTK_WINDOW (window));
  kj_test_settle ();
  /* today as it was */
  {
    g_autoptr(KjStore) other = kj_store_open (gui.db_path, &error);
    g_autoptr(KjDay) now = kj_store_get_day (other, today, NULL);

    g_assert_no_error (error);
    if (now != NULL)
      g_assert_true (kj_store_delete_day (other, now->id, NULL));
    g_assert_true (kj_store_save_day (other, before, &error));
    g_assert_no_error (error);
  }
  store_elsewhere (yesterday, "", NULL);
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
  g_test_add_func ("/start-races/pain-before-rest", test_start_races_pain_before_rest);
  g_test_add_func ("/start-races/red-flag-after-rest", test_start_races_red_flag_after_rest);
  g_test_add_func ("/start-races/closed-before-rest", test_start_races_closed_before_rest);
  g_test_add_func ("/start-races/narrow-at-start", test_start_races_narrow_at_start);
  g_test_add_func ("/start-races/rest-after-history", test_start_races_rest_after_history);
  g_test_add_func ("/start-races/narrow-welcome", test_start_races_narrow_welcome);
  g_test_add_func ("/start-races/side-with-focus", test_start_races_side_with_focus);
  g_test_add_func ("/start-races/notes-pending", test_start_races_notes_pending);
  g_test_add_func ("/start-races/same-as-yesterday-before-rest", test_start_races_same_as_yesterday_before_rest);

  return kj_test_gui_finish (&gui, g_test_run ());
}
