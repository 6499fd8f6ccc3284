/* test-gpx.c — runs from GPX and TCX files: distances, descents, dates, duplicates, hostile files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kj-gpx.h"
#include "kj-store.h"
#include "kj-test-util.h"

#define R_EARTH 6371008.8

static char *
data_path (const char *folder,
           const char *name)
{
  return g_build_filename (g_getenv ("KJ_SOURCE_ROOT"), "tests", "data", folder, name, NULL);
}

/* The expected length, computed from the file's text without the importer:
 * the tracks run due north, so it is the meridian arc R·Δφ from the first to
 * the last latitude; a TCX file's own lap distance wins. */
static double
expected_km (const char *path)
{
  g_autofree char *text = kj_test_read_file (path, NULL);
  g_autoptr(GRegex) lap = g_regex_new ("<Lap [^>]*>.*?<DistanceMeters>([0-9.]+)</DistanceMeters>",
                                       G_REGEX_DOTALL, 0, NULL);
  g_autoptr(GRegex) lat = g_regex_new ("(?:lat=\"|<LatitudeDegrees>)([0-9.]+)", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  double first = NAN, last = NAN;

  if (g_regex_match (lap, text, 0, &match))
    {
      g_autofree char *meters = g_match_info_fetch (match, 1);
      return g_ascii_strtod (meters, NULL) / 1000;
    }
  g_clear_pointer (&match, g_match_info_free);

  g_regex_match (lat, text, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *value = g_match_info_fetch (match, 1);

      last = g_ascii_strtod (value, NULL);
      if (isnan (first))
        first = last;
      g_match_info_next (match, NULL);
    }

  return R_EARTH * (last - first) * G_PI / 180 / 1000;
}

static void
test_gpx_haversine (void)
{
  /* one degree along a meridian is R·π/180 */
  g_assert_cmpfloat_with_epsilon (kj_gpx_haversine (10, 20, 11, 20), R_EARTH * G_PI / 180, 1e-6);
  /* a quarter of the equator */
  g_assert_cmpfloat_with_epsilon (kj_gpx_haversine (0, 0, 0, 90), R_EARTH * G_PI / 2, 1e-6);
  g_assert_cmpfloat (kj_gpx_haversine (52.5, 13.4, 52.5, 13.4), ==, 0);
}

static void
test_gpx_samples (void)
{
  const struct {
    const char *file;
    const char *date;
    int         moving_s;
  } samples[] = {
    { "garmin.gpx", "2026-03-02", 2700 },
    { "strava.gpx", "2026-03-04", 2000 },
    { "coros.gpx", "2026-03-06", 1500 },
    { "opentracks.gpx", "2026-03-08", 1795 },   /* 359 steps of 5 s: the step across the 4-minute pause is not moving */
    { "polar.tcx", "2026-03-10", 2400 },
    { "garmin.tcx", "2026-03-12", 2100 },
    { "gpx10.gpx", "2026-03-14", 1000 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *path = data_path ("tracks", samples[i].file);
      g_autoptr(GError) error = NULL;
      KjTrack track;
      double expected = expected_km (path);

      g_assert_true (kj_gpx_parse_file (path, &track, &error));
      g_assert_no_error (error);
      g_test_message ("%s: %.4f km (expected %.4f), %d s, −%.1f m +%.1f m, %u points", samples[i].file,
                      track.distance_km, expected, track.duration_s, track.descent_m, track.ascent_m, track.n_points);

      g_assert_cmpstr (track.date, ==, samples[i].date);
      g_assert_cmpfloat_with_epsilon (track.distance_km, expected, 0.002);
      g_assert_cmpint (track.duration_s, ==, samples[i].moving_s);
      /* the profile drops 80 m and climbs 60 m; ±0.8 m of noise must not add up */
      g_assert_cmpfloat_with_epsilon (track.descent_m, 80, 5);
      g_assert_cmpfloat_with_epsilon (track.ascent_m, 60, 5);
      g_assert_cmpuint (strlen (track.hash), ==, 64);
    }
}

static void
test_gpx_import_twice (void)
{
  g_autoptr(KjStore) store = kj_test_open_new_store ("gpx.db");
  g_autofree char *path = data_path ("tracks", "garmin.gpx");
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KjRun) first = NULL;
  g_autoptr(KjRun) second = NULL;
  KjTrack track;

  g_assert_true (kj_gpx_parse_file (path, &track, &error));
  first = kj_gpx_track_to_run (&track, "garmin.gpx");
  g_assert_true (kj_store_add_track_run (store, first, track.hash, NULL, &error));
  g_assert_no_error (error);

  second = kj_gpx_track_to_run (&track, "garmin-copy.gpx");
  g_assert_false (kj_store_add_track_run (store, second, track.hash, NULL, &error));
  g_assert_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "2026-03-02"));

  runs = kj_store_list_runs (store, NULL, NULL, NULL);
  g_assert_cmpuint (runs->len, ==, 1);
  /* an imported run is an ordinary run: the pain fields wait for the user */
  g_assert_cmpstr (((KjRun *) runs->pdata[0])->notes, ==, "Imported from garmin.gpx");
  g_assert_cmpint (((KjRun *) runs->pdata[0])->pain_during, ==, KJ_UNSET);
  g_assert_cmpint (((KjRun *) runs->pdata[0])->pain_after, ==, KJ_UNSET);
  g_assert_cmpfloat_with_epsilon (((KjRun *) runs->pdata[0])->descent_m, round (track.descent_m), 1e-9);
}

static void
test_gpx_hostile (void)
{
  const struct { const char *file; int code; const char *expected; } cases[] = {
    { "truncated.gpx", KJ_GPX_ERROR_XML, "not well-formed XML" },
    { "no-points.gpx", KJ_GPX_ERROR_NO_POINTS, "no track points" },
    { "bad-time.gpx", KJ_GPX_ERROR_BAD_TIME, "“yesterday morning” is not a time" },
    { "backwards.gpx", KJ_GPX_ERROR_BAD_TIME, "goes back" },
    { "bad-position.gpx", KJ_GPX_ERROR_BAD_POINT, "no position on Earth" },
    { "not-gpx.gpx", KJ_GPX_ERROR_NOT_A_TRACK, "neither GPX nor TCX" },
    { "xml-bomb.gpx", KJ_GPX_ERROR_XML, "entit" },
  };
  g_autoptr(KjStore) store = kj_test_open_new_store ("hostile-gpx.db");
  g_autoptr(GPtrArray) runs = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = data_path ("hostile", cases[i].file);
      g_autoptr(GError) error = NULL;
      KjTrack track;
      gint64 start = g_get_monotonic_time ();

      g_assert_false (kj_gpx_parse_file (path, &track, &error));
      g_test_message ("%s → %s (%.1f ms)", cases[i].file, error->message, (g_get_monotonic_time () - start) / 1000.0);
      g_assert_error (error, KJ_GPX_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].expected));
      g_assert_true (g_str_has_prefix (error->message, cases[i].file));
    }

  runs = kj_store_list_runs (store, NULL, NULL, NULL);
  g_assert_cmpuint (runs->len, ==, 0);
}

/* A 200 MB file is refused from its size, before a byte is read. */
static void
test_gpx_huge (void)
{
  g_autofree char *path = kj_test_tmp_path ("huge.gpx");
  g_autoptr(GError) error = NULL;
  KjTrack track;
  int fd;

  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 200 * 1024 * 1024), ==, 0);
  close (fd);

  g_assert_false (kj_gpx_parse_file (path, &track, &error));
  g_assert_error (error, KJ_GPX_ERROR, KJ_GPX_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "200 MB"));
  g_unlink (path);
}

static void
test_gpx_not_a_run (void)
{
  const char one_point[] =
    "<?xml version=\"1.0\"?><gpx version=\"1.1\" xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><trkseg>"
    "<trkpt lat=\"1\" lon=\"1\"><time>2026-03-02T07:30:00Z</time></trkpt></trkseg></trk></gpx>";
  const char no_time[] =
    "<?xml version=\"1.0\"?><gpx version=\"1.1\" xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><trkseg>"
    "<trkpt lat=\"1\" lon=\"1\"/><trkpt lat=\"1.1\" lon=\"1\"/></trkseg></trk></gpx>";
  g_autoptr(GError) error = NULL;
  KjTrack track;

  g_assert_false (kj_gpx_parse (one_point, strlen (one_point), &track, &error));
  g_assert_error (error, KJ_GPX_ERROR, KJ_GPX_ERROR_NOT_A_RUN);
  g_clear_error (&error);

  g_assert_false (kj_gpx_parse (no_time, strlen (no_time), &track, &error));
  g_assert_error (error, KJ_GPX_ERROR, KJ_GPX_ERROR_BAD_TIME);
  g_clear_error (&error);

  g_assert_false (kj_gpx_parse ("", 0, &track, &error));
  g_assert_error (error, KJ_GPX_ERROR, KJ_GPX_ERROR_NOT_A_TRACK);
}

/* Strava writes ten spaces before “<?xml” in its TCX and GPX files; a byte
 * order mark may come first. Both are skipped: the same track as without. */
static void
test_gpx_leading_whitespace (void)
{
  g_autofree char *path = data_path ("tracks", "strava.gpx");
  g_autofree char *text = kj_test_read_file (path, NULL);
  const char *prefixes[] = { "          ", "\n\t \r\n", "\xef\xbb\xbf", "\xef\xbb\xbf   " };
  KjTrack plain;
  g_autoptr(GError) error = NULL;

  g_assert_true (kj_gpx_parse (text, strlen (text), &plain, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      g_autofree char *spaced = g_strconcat (prefixes[i], text, NULL);
      KjTrack track;

      g_assert_true (kj_gpx_parse (spaced, strlen (spaced), &track, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat (track.distance_km, ==, plain.distance_km);
      g_assert_cmpstr (track.hash, ==, plain.hash);
    }

  /* only whitespace is no track, and no XML cut short either */
  g_assert_false (kj_gpx_parse ("   \n  ", 6, &plain, &error));
  g_assert_error (error, KJ_GPX_ERROR, KJ_GPX_ERROR_NOT_A_TRACK);
  g_assert_null (strstr (error->message, "cut short"));
}

/* A ride is no run: TCX's <Activity Sport="Biking">, a GPX track's <type>
 * “cycling” (Strava, Garmin) or “1” (Strava's older exports); TCX's “Other”,
 * a GPX “running” and a waypoint's <type> are runs as before */
static void
test_gpx_ride_is_skipped (void)
{
#define GPX_RIDE_TEMPLATE \
    "<?xml version=\"1.0\"?><gpx version=\"1.1\" xmlns=\"http://www.topografix.com/GPX/1/1\">" \
    "<wpt lat=\"1\" lon=\"1\"><type>cycling</type></wpt><trk><name>Morning</name>%s<trkseg>" \
    "<trkpt lat=\"1\" lon=\"1\"><time>2026-03-02T07:30:00Z</time></trkpt>" \
    "<trkpt lat=\"1.01\" lon=\"1\"><time>2026-03-02T07:36:00Z</time></trkpt></trkseg></trk></gpx>"
  const struct { const char *type; gboolean ride; } gpx[] = {
    { "<type>cycling</type>", TRUE }, { "<type> 1 </type>", TRUE }, { "<type>Ride</type>", TRUE },
    { "<type>road_biking</type>", TRUE }, { "<type>running</type>", FALSE }, { "<type>9</type>", FALSE },
    { "<type>Stride</type>", FALSE },
    { "", FALSE },
  };
  const struct { const char *sport; gboolean ride; } tcx[] = {
    { "Biking", TRUE }, { "Running", FALSE }, { "Other", FALSE },
  };
  g_autofree char *polar = data_path ("tracks", "polar.tcx");
  g_autofree char *polar_text = kj_test_read_file (polar, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (gpx); i++)
    {
      g_autofree char *text = g_strdup_printf (GPX_RIDE_TEMPLATE, gpx[i].type);
      g_autoptr(GError) error = NULL;
      KjTrack track;

      g_assert_cmpint (kj_gpx_parse (text, strlen (text), &track, &error), ==, !gpx[i].ride);
      if (gpx[i].ride)
        {
          g_assert_error (error, KJ_GPX_ERROR, KJ_GPX_ERROR_OTHER_SPORT);
          g_assert_cmpstr (error->message, ==, "a cycling activity, not a run");
        }
      else
        g_assert_cmpfloat_with_epsilon (track.distance_km, 1.112, 0.001);
    }

  for (guint i = 0; i < G_N_ELEMENTS (tcx); i++)
    {
      g_autoptr(GString) text = g_string_new (polar_text);
      g_autofree char *sport = g_strdup_printf ("Sport=\"%s\"", tcx[i].sport);
      g_autoptr(GError) error = NULL;
      KjTrack track;

      g_assert_cmpuint (g_string_replace (text, "Sport=\"Running\"", sport, 0), >, 0);
      g_assert_cmpint (kj_gpx_parse (text->str, text->len, &track, &error), ==, !tcx[i].ride);
      if (tcx[i].ride)
        g_assert_error (error, KJ_GPX_ERROR, KJ_GPX_ERROR_OTHER_SPORT);
      else
        g_assert_cmpfloat_with_epsilon (track.distance_km, 7.3, 0.05);
    }
}

/* A pipe or a device is no run file: refused before it is read (a pipe
 * without a writer would block for ever, /dev/zero never ends), also behind a
 * symlink; through the import, a failure named by the file */
/* The SAX2 reader matches GPX's elements by their local names whatever
 * their namespace: a <time> or <ele> of another program's extension (here
 * in Garmin's TrackPointExtension namespace, inside <extensions>) is read
 * as the point's own. garmin.gpx with <gpxtpx:time>2020-01-01T00:00:00Z
 * </gpxtpx:time> in its first points was imported as a run on 2020-01-01,
 * and with <gpxtpx:ele>5000</gpxtpx:ele> in its first point with a
 * different descent. Elements of other namespaces (and anything inside
 * <extensions>) must not change the track. */
static void
test_gpx_extension_elements (void)
{
  g_autofree char *path = data_path ("tracks", "garmin.gpx");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  const char *hr = "<gpxtpx:hr>141</gpxtpx:hr>";
  const char *replacements[] = {
    "<gpxtpx:time>2020-01-01T00:00:00Z</gpxtpx:time>",
    "<gpxtpx:ele>5000</gpxtpx:ele>",
  };
  KjTrack plain;
  gsize length;

  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  g_assert_true (kj_gpx_parse (text, length, &plain, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (plain.date, ==, "2026-03-02");

  for (guint i = 0; i < G_N_ELEMENTS (replacements); i++)
    {
      g_autoptr(GString) changed = g_string_new (text);
      KjTrack track;

      g_assert_cmpuint (g_string_replace (changed, hr, replacements[i], 5), ==, 5);
      g_assert_true (kj_gpx_parse (changed->str, changed->len, &track, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (track.date, ==, plain.date);
      g_assert_cmpint (track.duration_s, ==, plain.duration_s);
      g_assert_cmpfloat_with_epsilon (track.distance_km, plain.distance_km, 1e-9);
      g_assert_cmpfloat_with_epsilon (track.descent_m, plain.descent_m, 1e-9);
      g_assert_cmpstr (track.hash, ==, plain.hash);
    }
}

static void
test_gpx_not_regular (void)
{
  g_autoptr(KjStore) store = kj_test_open_new_store ("gpx-not-regular.db");
  g_autofree char *fifo = kj_test_tmp_path ("pipe.gpx");
  g_autofree char *zero = kj_test_tmp_path ("zero.fit");
  const char *paths[] = { fifo, zero, "/dev/null", NULL };
  g_autoptr(GArray) results = NULL;
  g_autoptr(GError) error = NULL;
  KjTrack track;

  g_unlink (fifo);
  g_unlink (zero);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (symlink ("/dev/zero", zero), ==, 0);

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autofree char *name = g_path_get_basename (paths[i]);

      g_assert_false (kj_gpx_parse_file (paths[i], &track, &error));
      g_assert_nonnull (error);
      g_assert_true (g_str_has_prefix (error->message, name));
      g_assert_nonnull (strstr (error->message, "is not a regular file"));
      g_clear_error (&error);
    }

  results = kj_gpx_import (store, paths);
  g_assert_cmpuint (results->len, ==, 3);
  for (guint i = 0; i < results->len; i++)
    g_assert_cmpint (g_array_index (results, KjTrackResult, i).status, ==, KJ_TRACK_FAILED);

  g_unlink (fifo);
  g_unlink (zero);
}

int
main (int   argc,
      char *argv[])
{
  /* the date of a run is the local date of its start: pin the zone */
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/gpx/haversine", test_gpx_haversine);
  g_test_add_func ("/gpx/samples", test_gpx_samples);
  g_test_add_func ("/gpx/import-twice", test_gpx_import_twice);
  g_test_add_func ("/gpx/hostile", test_gpx_hostile);
  g_test_add_func ("/gpx/huge", test_gpx_huge);
  g_test_add_func ("/gpx/not-a-run", test_gpx_not_a_run);
  g_test_add_func ("/gpx/leading-whitespace", test_gpx_leading_whitespace);
  g_test_add_func ("/gpx/ride-is-skipped", test_gpx_ride_is_skipped);
  g_test_add_func ("/gpx/extension-elements", test_gpx_extension_elements);
  g_test_add_func ("/gpx/not-regular", test_gpx_not_regular);

  return g_test_run ();
}
