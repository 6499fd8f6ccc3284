/* bench-gpx.c — importing 500 GPX files of one hour each (one point a second), and the same runs as FIT files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "kj-fit-encoder.h"
#include "kj-gen.h"
#include "kj-gpx.h"
#include "kj-store.h"

#define N_FILES  500
#define N_POINTS 3600

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("kj-bench-gpx-XXXXXX", &error);
  g_autofree char *folder = g_build_filename (tmp, "tracks", NULL);
  g_autofree char *db = g_build_filename (tmp, "journal.db", NULL);
  g_autoptr(KjStore) store = NULL;
  g_autoptr(GArray) results = NULL;
  const char *paths[] = { folder, NULL };
  guint added = 0;
  gint64 start;
  double seconds, megabytes = 0;

  g_assert_no_error (error);
  g_mkdir_with_parents (folder, 0700);
  for (guint i = 0; i < N_FILES; i++)
    {
      g_autofree char *name = g_strdup_printf ("run-%03u.gpx", i);
      g_autofree char *path = g_build_filename (folder, name, NULL);
      GStatBuf st;

      kj_gen_write_gpx (path, i, N_POINTS);
      g_stat (path, &st);
      megabytes += st.st_size / 1e6;
    }

  store = kj_store_open (db, &error);
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  results = kj_gpx_import (store, paths);
  seconds = (g_get_monotonic_time () - start) / 1e6;

  for (guint i = 0; i < results->len; i++)
    added += g_array_index (results, KjTrackResult, i).status == KJ_TRACK_ADDED;
  g_assert_cmpuint (added, ==, N_FILES);

  g_print ("import of %u GPX files of one hour (%u points, %.0f MB in all): %.2f s, %.1f ms a file\n",
           N_FILES, N_POINTS, megabytes, seconds, 1000 * seconds / N_FILES);

  /* again: every track recognised */
  start = g_get_monotonic_time ();
  g_clear_pointer (&results, g_array_unref);
  results = kj_gpx_import (store, paths);
  g_print ("the same files again (all skipped as already imported): %.2f s\n",
           (g_get_monotonic_time () - start) / 1e6);

  /* the same runs as FIT files, into a journal of their own */
  {
    g_autofree char *fit_folder = g_build_filename (tmp, "fit", NULL);
    g_autofree char *fit_db = g_build_filename (tmp, "fit.db", NULL);
    g_autoptr(KjStore) fit_store = NULL;
    g_autoptr(GArray) fit_results = NULL;
    const char *fit_paths[] = { fit_folder, NULL };
    double fit_megabytes = 0;

    g_mkdir_with_parents (fit_folder, 0700);
    for (guint i = 0; i < N_FILES; i++)
      {
        g_autofree char *name = g_strdup_printf ("run-%03u.fit", i);
        g_autofree char *path = g_build_filename (fit_folder, name, NULL);
        GStatBuf st;

        kj_gen_write_fit (path, i, N_POINTS);
        g_stat (path, &st);
        fit_megabytes += st.st_size / 1e6;
      }

    fit_store = kj_store_open (fit_db, &error);
    g_assert_no_error (error);

    start = g_get_monotonic_time ();
    fit_results = kj_gpx_import (fit_store, fit_paths);
    seconds = (g_get_monotonic_time () - start) / 1e6;

    added = 0;
    for (guint i = 0; i < fit_results->len; i++)
      added += g_array_index (fit_results, KjTrackResult, i).status == KJ_TRACK_ADDED;
    g_assert_cmpuint (added, ==, N_FILES);

    g_print ("import of the same runs as %u FIT files (%.0f MB in all): %.2f s, %.1f ms a file\n",
             N_FILES, fit_megabytes, seconds, 1000 * seconds / N_FILES);
  }

  {
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", tmp);
    g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
  }

  return 0;
}
