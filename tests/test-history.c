/* test-history.c — the History page in a real window under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "kj-application.h"
#include "kj-day-object.h"
#include "kj-gen.h"
#include "kj-history-page.h"
#include "kj-test-gtk.h"
#include "kj-test-util.h"
#include "kj-window.h"

static KjApplication *app;
static KjWindow *window;
static KjHistoryPage *page;
static KjJournal *journal;

static const char *
date_at (GListModel *model,
         guint       position)
{
  g_autoptr(KjDayObject) object = g_list_model_get_item (model, position);

  return kj_day_object_get_day (object)->date;
}

static void
test_history_list (void)
{
  GListModel *model;
  guint n;

  kj_window_show_page (window, "history");
  g_assert_true (kj_test_wait_until (kj_test_widget_is_drawn, page));
  kj_test_settle ();

  model = kj_history_page_get_model (page);
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, ==, journal->days->len);

  /* newest first */
  g_assert_cmpstr (date_at (model, 0), ==, ((KjDay *) journal->days->pdata[journal->days->len - 1])->date);
  g_assert_cmpstr (date_at (model, n - 1), ==, ((KjDay *) journal->days->pdata[0])->date);
  for (guint i = 1; i < n; i++)
    g_assert_cmpstr (date_at (model, i - 1), >, date_at (model, i));

  kj_test_save_screenshot (GTK_WIDGET (window), "history");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  kj_test_settle ();
  kj_test_save_screenshot (GTK_WIDGET (window), "history-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_history_filters (void)
{
  GListModel *model = kj_history_page_get_model (page);
  guint expected = 0, red_flags = 0;

  /* notes: "Day 12: knee …" is the only note of day 12 */
  for (guint i = 0; i < journal->days->len; i++)
    {
      KjDay *day = journal->days->pdata[i];

      expected += strstr (day->notes, "Knöchel") != NULL;
      red_flags += kj_day_has_code (day->symptoms, "locking");
    }
  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (red_flags, ==, 1);

  /* case-insensitive, and umlauts fold too */
  kj_history_page_set_search (page, "KNÖCHEL", FALSE);
  kj_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, expected);

  kj_history_page_set_search (page, "", TRUE);
  kj_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, red_flags);
  g_assert_cmpstr (date_at (model, 0), ==, ((KjDay *) journal->days->pdata[journal->days->len - 5])->date);
  kj_test_save_screenshot (GTK_WIDGET (window), "history-red-flags");

  kj_history_page_set_search (page, "no such words anywhere", FALSE);
  kj_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_nonnull (kj_test_find_widget (GTK_WIDGET (page), ADW_TYPE_STATUS_PAGE, "No Matching Days"));

  kj_history_page_set_search (page, "", FALSE);
  kj_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, journal->days->len);
}

/* Activating a row opens that day in Today. */
static void
test_history_activate (void)
{
  GtkListView *list = kj_history_page_get_list_view (page);
  GListModel *model = kj_history_page_get_model (page);
  g_autofree char *date = g_strdup (date_at (model, 3));

  g_signal_emit_by_name (list, "activate", 3);
  kj_test_settle ();
  g_assert_cmpstr (kj_today_page_get_date (kj_window_get_today_page (window)), ==, date);
  g_assert_nonnull (kj_today_page_get_day (kj_window_get_today_page (window)));
  g_assert_cmpstr (kj_today_page_get_day (kj_window_get_today_page (window))->date, ==, date);
}

/* A change on Today shows in History. */
static void
test_history_follows_today (void)
{
  KjTodayPage *today = kj_window_get_today_page (window);
  GListModel *model = kj_history_page_get_model (page);
  char date[11];

  kj_date_add_days (((KjDay *) journal->days->pdata[0])->date, -1, date);
  kj_window_show_day (window, date);
  kj_test_settle ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (today), "today.log-pain", "u", 9));
  kj_test_settle ();

  kj_window_show_page (window, "history");
  kj_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, journal->days->len + 1);
  g_assert_cmpstr (date_at (model, journal->days->len), ==, date);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmp = NULL;
  g_autofree char *db = NULL;
  g_autofree char *today = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  tmp = kj_test_gtk_init ();
  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_skip ("no display: run under xvfb-run (build-aux/test does)");
      return g_test_run ();
    }

  /* a journal of 60 days up to yesterday, with one red flag */
  today = kj_date_today ();
  {
    char yesterday[11];
    g_autoptr(KjStore) store = NULL;

    kj_date_add_days (today, -1, yesterday);
    journal = kj_gen_journal (21, 60, "red-flag", yesterday, &error);
    g_assert_no_error (error);
    db = g_build_filename (tmp, "journal.db", NULL);
    store = kj_store_open (db, &error);
    g_assert_no_error (error);
    g_assert_true (kj_store_import (store, journal, NULL, &error));
  }

  window = KJ_WINDOW (kj_test_open_window (db, 900, 700, (GApplication **) &app));
  page = kj_window_get_history_page (window);
  g_assert_true (kj_test_wait_until (kj_test_widget_is_drawn, window));

  g_test_add_func ("/history/list", test_history_list);
  g_test_add_func ("/history/filters", test_history_filters);
  g_test_add_func ("/history/activate", test_history_activate);
  g_test_add_func ("/history/follows-today", test_history_follows_today);

  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&app);
  kj_journal_free (journal);
  kj_test_remove_tree (tmp);

  return status;
}
