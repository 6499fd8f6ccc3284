/* bench-gui.c — the window on the 10-year journal: time to the first frame, “Same as Yesterday”, scrolling History
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run under Xvfb with `meson test -C build --benchmark --verbose`. Frame
 * times are measured from the change (a scroll step) to the end of the
 * frame that shows it, with GdkFrameClock::after-paint. Searching History
 * is timed as typed: each longer prefix of a query filters all 3,653 days.
 * “Same as Yesterday” is the ten-second logging of #15: from the first frame,
 * two clicks (the button, then a pain) until the day is in the SQLite file.
 */
#include "config.h"

#include <sqlite3.h>
#include <stdlib.h>

#include "kj-application.h"
#include "kj-day-object.h"
#include "kj-gen.h"
#include "kj-history-page.h"
#include "kj-search.h"
#include "kj-test-gtk.h"
#include "kj-test-util.h"
#include "kj-window.h"

static gint64 painted_at;
static gint64 paint_started_at;
static double last_frame_ms;
static guint n_paints;

static void
before_paint (GdkFrameClock *clock,
              gpointer       data)
{
  paint_started_at = g_get_monotonic_time ();
}

static void
after_paint (GdkFrameClock *clock,
             gpointer       data)
{
  painted_at = g_get_monotonic_time ();
  last_frame_ms = (painted_at - paint_started_at) / 1000.0;
  n_paints++;
}

static gboolean
painted_since (gpointer data)
{
  return n_paints > GPOINTER_TO_UINT (data);
}

static void
window_realized (GtkWidget *window,
                 gpointer   data)
{
  GdkFrameClock *clock = gdk_surface_get_frame_clock (gtk_native_get_surface (GTK_NATIVE (window)));

  g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint), NULL);
}

/* The day's pain and its number of treatments as the file holds them, read
 * with SQLite itself; the pain is -1 without a row */
static int
pain_in_file (const char *db,
              const char *date,
              int        *n_treatments)
{
  sqlite3 *conn = NULL;
  sqlite3_stmt *stmt = NULL;
  int pain = -1;

  sqlite3_open_v2 (db, &conn, SQLITE_OPEN_READONLY, NULL);
  sqlite3_prepare_v2 (conn, "SELECT (SELECT pain FROM days WHERE date = ?1),"
                            " (SELECT count(*) FROM treatments WHERE date = ?1)", -1, &stmt, NULL);
  sqlite3_bind_text (stmt, 1, date, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      pain = sqlite3_column_type (stmt, 0) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 0);
      *n_treatments = sqlite3_column_int (stmt, 1);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (conn);

  return pain;
}

/* Today is empty and yesterday logged, with places and routine treatments */
static void
prepare_same_as_yesterday (KjStore    *store,
                           const char *today)
{
  g_autoptr(KjDay) entry = kj_store_get_day (store, today, NULL);
  g_autoptr(KjDay) before = NULL;
  g_autoptr(KjTreatment) ice = NULL;
  g_autoptr(GPtrArray) treatments = kj_store_list_treatments (store, today, today, NULL);
  g_autoptr(GPtrArray) runs = kj_store_list_runs (store, today, today, NULL);
  char yesterday[11];

  if (entry != NULL)
    g_assert_true (kj_store_delete_day (store, entry->id, NULL));
  for (guint i = 0; i < treatments->len; i++)
    g_assert_true (kj_store_delete_treatment (store, ((KjTreatment *) treatments->pdata[i])->id, NULL));
  for (guint i = 0; i < runs->len; i++)
    g_assert_true (kj_store_delete_run (store, ((KjRun *) runs->pdata[i])->id, NULL));

  kj_date_add_days (today, -1, yesterday);
  if ((before = kj_store_get_day (store, yesterday, NULL)) == NULL)
    {
      before = kj_day_new (yesterday);
      before->pain = 4;
    }
  if (!kj_day_has_location (before, "right", "pes-anserine"))
    kj_day_add_location (before, "right", "pes-anserine");
  g_assert_true (kj_store_save_day (store, before, NULL));
  ice = kj_treatment_new (yesterday, "ice");
  ice->minutes = 15;
  g_assert_true (kj_store_save_treatment (store, ice, NULL));
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Types @query into History's search a character at a time; prints the
 * filtering of the first character (which builds each day's search text
 * once) and the slowest of the rest. */
static void
type_query (KjHistoryPage *history,
            const char    *query)
{
  GListModel *model = kj_history_page_get_model (history);
  g_autofree char *title = g_strdup_printf ("search History for “%s”", query);
  double first = 0, slowest = 0, total = 0;
  guint n = 0;

  for (const char *p = query; *p != '\0'; p = g_utf8_next_char (p))
    {
      g_autofree char *prefix = g_strndup (query, g_utf8_next_char (p) - query);
      gint64 start = g_get_monotonic_time ();
      double ms;

      kj_history_page_set_search (history, prefix, FALSE);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      if (n == 0)
        first = ms;
      else
        slowest = MAX (slowest, ms);
      total += ms;
      n++;
      kj_test_settle ();
    }

  g_print ("%-44s first key %.1f ms, then at most %.1f ms a key (%u keys, %.1f ms), %u days match\n", title,
           first, slowest, n, total, g_list_model_get_n_items (model));

  /* of which the days' own test, without the list's update */
  {
    GListModel *days = gtk_filter_list_model_get_model (GTK_FILTER_LIST_MODEL (model));
    g_auto(GStrv) words = kj_search_words (query);
    gint64 start = g_get_monotonic_time ();
    guint n_match = 0;

    for (guint i = 0; i < g_list_model_get_n_items (days); i++)
      {
        g_autoptr(KjDayObject) day = g_list_model_get_item (days, i);

        n_match += kj_day_object_matches (day, (const char * const *) words);
      }
    g_print ("%-44s %8.1f ms (%u days match)\n", "  of which testing every day", (g_get_monotonic_time () - start) / 1000.0,
             n_match);
  }
  kj_history_page_set_search (history, "", FALSE);
  kj_test_settle ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmp = kj_test_gtk_init ();
  g_autofree char *db = g_build_filename (tmp, "journal.db", NULL);
  g_autofree char *today = kj_date_today ();
  g_autoptr(GArray) frames = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(KjApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  KjWindow *window;
  KjHistoryPage *history;
  GtkWidget *scroller;
  GtkAdjustment *adjustment;
  gint64 start, loaded;
  guint over_16 = 0;
  double *ms;

  gtk_init ();
  if (!kj_test_has_display ())
    {
      g_print ("no display: run under xvfb-run\n");
      return 77;
    }

  {
    g_autoptr(KjJournal) journal = kj_gen_journal (1, KJ_GEN_LARGE_DAYS, "mixed", today, &error);
    g_autoptr(KjStore) store = kj_store_open (db, &error);

    g_assert_no_error (error);
    g_assert_true (kj_store_import (store, journal, NULL, &error));
    prepare_same_as_yesterday (store, today);
  }

  /* from nothing to the first frame of the Today page */
  start = g_get_monotonic_time ();
  app = kj_application_new (db);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_print ("%-44s %8.1f ms\n", "  of which opening the journal", (g_get_monotonic_time () - start) / 1000.0);
  window = KJ_WINDOW (kj_window_new (app));
  g_print ("%-44s %8.1f ms\n", "  of which building the window", (g_get_monotonic_time () - start) / 1000.0);
  g_signal_connect (window, "realize", G_CALLBACK (window_realized), NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (kj_test_wait_until (painted_since, GUINT_TO_POINTER (0)));
  g_print ("Renderer: %s\n", G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))));
  g_print ("%-44s %8.1f ms (the frame itself %.1f ms)\n", "start to the first frame of Today",
           (painted_at - start) / 1000.0, last_frame_ms);

  /* ten-second logging: Same as Yesterday, then a pain, from the first frame
   * until the day is in the file */
  {
    GtkWidget *routine = kj_test_find_widget (GTK_WIDGET (window), GTK_TYPE_TOGGLE_BUTTON, "Same as _Yesterday");
    gint64 first_frame = painted_at, clicked, stored;
    guint clicks = 0, before;
    int n_treatments = 0, pain;

    g_assert_nonnull (routine);
    g_assert_true (gtk_widget_get_mapped (routine));
    g_assert_cmpint (pain_in_file (db, today, &n_treatments), ==, -1);

    g_signal_emit_by_name (routine, "clicked");
    clicks++;
    clicked = g_get_monotonic_time ();
    before = n_paints;
    g_signal_emit_by_name (kj_test_find_pain_button (GTK_WIDGET (window), 3), "clicked");
    clicks++;
    pain = pain_in_file (db, today, &n_treatments);
    stored = g_get_monotonic_time ();
    g_assert_cmpint (pain, ==, 3);
    g_assert_cmpint (n_treatments, >=, 1);
    g_assert_true (kj_test_wait_until (painted_since, GUINT_TO_POINTER (before)));

    g_print ("%-44s %8.1f ms (%u clicks; the pain click to the row in the file %.1f ms, to its frame %.1f ms;"
             " %d treatments copied)\n",
             "same as yesterday: first frame to stored day", (stored - first_frame) / 1000.0, clicks,
             (stored - clicked) / 1000.0, (painted_at - clicked) / 1000.0, n_treatments);
  }

  /* the History page: reading ten years, then its first frame */
  history = kj_window_get_history_page (window);
  start = g_get_monotonic_time ();
  {
    guint before = n_paints;

    kj_window_show_page (window, "history");
    g_assert_true (kj_test_wait_until (painted_since, GUINT_TO_POINTER (before)));
  }
  loaded = painted_at;
  g_print ("%-44s %8.1f ms (%u days)\n", "open History to its first frame", (loaded - start) / 1000.0,
           g_list_model_get_n_items (kj_history_page_get_model (history)));

  /* scroll from top to bottom, half a page a frame */
  scroller = kj_test_find_widget (GTK_WIDGET (history), GTK_TYPE_SCROLLED_WINDOW, NULL);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  kj_test_settle ();

  while (gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment) <
         gtk_adjustment_get_upper (adjustment) - 1)
    {
      guint before = n_paints;
      double frame;

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment) / 2);
      g_assert_true (kj_test_wait_until (painted_since, GUINT_TO_POINTER (before)));
      /* the frame's own work: update, layout and paint */
      frame = last_frame_ms;
      g_array_append_val (frames, frame);
      over_16 += frame > 16.0;
    }

  ms = (double *) frames->data;
  qsort (ms, frames->len, sizeof (double), compare_doubles);
  g_print ("%-44s %u frames: median %.1f ms, 95th %.1f ms, max %.1f ms, %u over 16 ms\n",
           "scroll History top to bottom", frames->len, ms[frames->len / 2],
           ms[(guint) (frames->len * 0.95)], ms[frames->len - 1], over_16);

  /* searching: each day's search text is built at the first query, then kept */
  {
    GListModel *days = gtk_filter_list_model_get_model (GTK_FILTER_LIST_MODEL (kj_history_page_get_model (history)));
    const char *words[] = { "x", NULL };

    start = g_get_monotonic_time ();
    for (guint i = 0; i < g_list_model_get_n_items (days); i++)
      {
        g_autoptr(KjDayObject) day = g_list_model_get_item (days, i);

        kj_day_object_matches (day, words);
      }
    g_print ("%-44s %8.1f ms\n", "build the search text of every day", (g_get_monotonic_time () - start) / 1000.0);
  }
  type_query (history, "kneecap");
  type_query (history, "stiffness ice");
  type_query (history, "ibuprofen stairs");

  gtk_window_destroy (GTK_WINDOW (window));
  kj_test_remove_tree (tmp);

  return 0;
}
