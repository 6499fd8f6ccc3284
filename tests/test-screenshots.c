/* test-screenshots.c — the software centres' pictures: Today, Trends and History of the demo journal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window at its default size (the window-size key of the settings schema), in the default style, saved to
 * build/screenshots/store-*.png. build-aux/update-screenshots copies them to data/screenshots/, which the
 * metainfo names.
 */
#include "config.h"

#include "kj-application.h"
#include "kj-demo.h"
#include "kj-test-gtk.h"
#include "kj-test-util.h"
#include "kj-window.h"

static GApplication *app;
static KjWindow *window;
static char last_day[11];

static void
shoot (const char *page,
       const char *name)
{
  if (g_strcmp0 (page, "today") == 0)
    kj_window_show_day (window, last_day);
  else
    kj_window_show_page (window, page);
  kj_test_settle ();
  kj_test_settle ();
  kj_test_save_screenshot (GTK_WIDGET (window), name);
}

static void
test_screenshots_pages (void)
{
  shoot ("today", "store-today");
  shoot ("trends", "store-trends");
  shoot ("history", "store-history");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmp = kj_test_gtk_init ();
  g_autofree char *db = NULL;
  g_autofree char *today = kj_date_today ();
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  int width, height, status;

  g_test_init (&argc, &argv, NULL);
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_skip ("no display: run under xvfb-run (build-aux/test does)");
      return g_test_run ();
    }

  /* the demo journal up to yesterday, so that Today shows a logged day */
  kj_date_add_days (today, -1, last_day);
  {
    g_autoptr(KjJournal) journal = kj_demo_journal (last_day);
    g_autoptr(KjStore) store = kj_test_open_new_store ("screenshots.db");

    g_assert_true (kj_store_import (store, journal, NULL, &error));
    g_assert_no_error (error);
  }

  settings = g_settings_new (APP_ID);
  /* the size the window opens at without a stored one (this test's settings are in memory) */
  g_settings_get (settings, "window-size", "(ii)", &width, &height);
  db = kj_test_tmp_path ("screenshots.db");
  window = KJ_WINDOW (kj_test_open_window (db, width, height, &app));

  g_test_add_func ("/screenshots/pages", test_screenshots_pages);

  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&app);
  kj_test_remove_tree (tmp);

  return status;
}
