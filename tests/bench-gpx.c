/* bench-gpx.c — importing 500 GPX files of one hour each (one point a second)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>

#include "kj-gpx.h"
#include "kj-store.h"

#define N_FILES  500
#define N_POINTS 3600

static void
write_track (const char *path,
             guint       index)
{
  g_autoptr(GString) gpx = g_string_sized_new (N_POINTS * 110);
  g_autoptr(GDateTime) start = g_date_time_new_utc (2020, 1, 1, 7, 0, 0);
  g_autoptr(GDateTime) day = g_date_time_add_days (start, index);
  g_autoptr(GError) error = NULL;
  gint64 t0 = g_date_time_to_unix (day);

  g_string_append (gpx, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        "<gpx version=\"1.1\" creator=\"bench\" xmlns=\"http://www.topografix.com/GPX/1/1\">\n"
                        "<trk><name>Run</name><trkseg>\n");
  for (guint i = 0; i < N_POINTS; i++)
    {
      g_autoptr(GDateTime) t = g_date_time_new_from_unix_utc (t0 + i);
      g_autofree char *iso = g_date_time_format_iso8601 (t);
      char lat[G_ASCII_DTOSTR_BUF_SIZE], lon[G_ASCII_DTOSTR_BUF_SIZE], ele[G_ASCII_DTOSTR_BUF_SIZE];

      /* 2.8 m a second around a 1 km loop, with a gentle hill */
      g_ascii_formatd (lat, sizeof lat, "%.7f", 52.5 + 0.0014 * sin (i * 2.8 / 160.0));
      g_ascii_formatd (lon, sizeof lon, "%.7f", 13.4 + 0.0023 * cos (i * 2.8 / 160.0));
      g_ascii_formatd (ele, sizeof ele, "%.1f", 40 + 12 * sin (i / 300.0));
      g_string_append_printf (gpx, "<trkpt lat=\"%s\" lon=\"%s\"><ele>%s</ele><time>%s</time></trkpt>\n",
                              lat, lon, ele, iso);
    }
  g_string_append (gpx, "</trkseg></trk></gpx>\n");

  g_file_set_contents (path, gpx->str, gpx->len, &error);
  g_assert_no_error (error);
}

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

      write_track (path, i);
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

  {
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", tmp);
    g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
  }

  return 0;
}
