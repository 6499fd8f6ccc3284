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

static KjTestGui gui;
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
  g_autofree char *today = kj_date_today ();
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(KjJournal) journal = NULL;
  int width, height;

  if (!kj_test_gui_init (&gui, &argc, &argv))
    return kj_test_gui_finish (&gui, g_test_run ());

  /* the demo journal up to yesterday, so that Today shows a logged day */
  kj_date_add_days (today, -1, last_day);
  journal = kj_demo_journal (last_day);

  settings = g_settings_new (APP_ID);
  /* the size the window opens at without a stored one (this test's settings are in memory) */
  g_settings_get (settings, "window-size", "(ii)", &width, &height);
  window = kj_test_gui_open (&gui, journal, width, height);

  g_test_add_func ("/screenshots/pages", test_screenshots_pages);

  return kj_test_gui_finish (&gui, g_test_run ());
}
