/* test-fit-attack.c — an adversarial tester's failing tests for FIT files, run-file reading and Strava's export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test states what should hold and fails on main as merged (branch
 * attack18); see the report of that branch for the reproductions. The FIT
 * files are written with tests/kj-fit-encoder.c.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kj-fit-encoder.h"
#include "kj-fit.h"
#include "kj-gpx.h"
#include "kj-store.h"
#include "kj-test-util.h"

#define T0 1141000000u   /* FIT seconds: 2026-02-25 */

static gboolean
parse_bytes (GBytes   *bytes,
             KjTrack  *track,
             GError  **error)
{
  gsize length;
  const guint8 *data = g_bytes_get_data (bytes, &length);

  return kj_fit_parse (data, length, track, error);
}

/* file_id, 600 records one a second (3 m each, due north), then one session a
 * (sport, distance in cm, timer ms) of @sessions */
static GBytes *
activity (const guint64 (*sessions)[3],
          guint           n_sessions)
{
  g_autoptr(KjFitEncoder) e = kj_fit_encoder_new ();
  const guint8 file_id[] = { 0, 1, 0x00 };
  const guint8 record[] = { 253, 4, 0x86, 0, 4, 0x85, 1, 4, 0x85, 5, 4, 0x86 };
  const guint8 session[] = { 2, 4, 0x86, 5, 1, 0x00, 8, 4, 0x86, 9, 4, 0x86 };

  kj_fit_encoder_define (e, 0, FALSE, 0, file_id, 1, NULL, 0);
  kj_fit_encoder_data (e, 0, (const guint64[]) { 4 });
  kj_fit_encoder_define (e, 1, FALSE, 20, record, 4, NULL, 0);
  for (guint i = 0; i < 600; i++)
    kj_fit_encoder_data (e, 1, (const guint64[]) { T0 + i, (guint64) (guint32) (625000000 + i * 322),
                                                    160000000, (guint64) i * 300 });
  kj_fit_encoder_define (e, 2, FALSE, 18, session, 4, NULL, 0);
  for (guint i = 0; i < n_sessions; i++)
    kj_fit_encoder_data (e, 2, (const guint64[]) { T0, sessions[i][0], sessions[i][2], sessions[i][1] });

  return kj_fit_encoder_finish (e, 14);
}

/* A multisport file (a run, then a 30 km ride): the ride's kilometres are no
 * running load. doc/journal-format.md: “Only running (sport 1 …) is a run.” */
static void
test_multisport_run_then_ride (void)
{
  const guint64 sessions[][3] = { { 1, 179700, 599000 }, { 2, 3000000, 3600000 } };
  g_autoptr(GBytes) bytes = activity (sessions, 2);
  g_autoptr(GError) error = NULL;
  KjTrack track;

  g_assert_true (parse_bytes (bytes, &track, &error));
  g_assert_no_error (error);
  /* main: 31.797 km, the ride's 30 km added to the run's 1.797 */
  g_assert_cmpfloat_with_epsilon (track.distance_km, 1.797, 1e-9);
  /* main: 4199 s, the ride's hour added */
  g_assert_cmpint (track.duration_s, ==, 599);
}

/* A duathlon that starts on the bike still holds a run */
static void
test_multisport_ride_then_run (void)
{
  const guint64 sessions[][3] = { { 2, 3000000, 3600000 }, { 1, 179700, 599000 } };
  g_autoptr(GBytes) bytes = activity (sessions, 2);
  g_autoptr(GError) error = NULL;
  KjTrack track;

  /* main: “a cycling activity, not a run”, the run is lost */
  g_assert_true (parse_bytes (bytes, &track, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (track.distance_km, 1.797, 1e-9);
}

/* A session whose timer time is 0 (or under half a second): the duration is
 * unknown, the run itself is fine. main refuses the file with
 * “x.fit: duration_s: 0 is out of range 1–172800”. */
static void
test_timer_zero_is_unknown (void)
{
  g_autoptr(KjStore) store = kj_test_open_new_store ("fit-attack-timer.db");
  g_autofree char *path = kj_test_tmp_path ("timer0.fit");
  const guint64 sessions[][3] = { { 1, 179700, 0 } };
  g_autoptr(GBytes) bytes = activity (sessions, 1);
  const char *paths[] = { path, NULL };
  g_autoptr(GArray) results = NULL;
  const KjTrackResult *r;

  kj_test_write_file (path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes));
  results = kj_gpx_import (store, paths);
  g_assert_cmpuint (results->len, ==, 1);
  r = &g_array_index (results, KjTrackResult, 0);
  g_test_message ("%s", r->message ? r->message : "(added)");
  /* never an internal field name in a message */
  g_assert_true (r->message == NULL || strstr (r->message, "duration_s") == NULL);
  g_assert_cmpint (r->status, ==, KJ_TRACK_ADDED);
  g_unlink (path);
}

static char *
write_export (const char *name,
              const char *csv)
{
  char *dir = kj_test_tmp_path (name);
  g_autofree char *activities = g_build_filename (dir, "activities", NULL);
  g_autofree char *csv_path = g_build_filename (dir, "activities.csv", NULL);
  g_autofree char *fit_path = g_build_filename (activities, "1.fit", NULL);
  const guint64 sessions[][3] = { { 1, 179700, 599000 } };
  g_autoptr(GBytes) bytes = activity (sessions, 1);

  kj_test_remove_tree (dir);
  g_mkdir_with_parents (activities, 0700);
  kj_test_write_file (csv_path, csv, -1);
  kj_test_write_file (fit_path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes));

  return dir;
}

/* Strava writes activities.csv in the account's language (German: “Dateiname”,
 * “Aktivitätsart”, “Name der Aktivität”); see
 * github.com/martin-ueding/geo-activity-playground/issues/191 and
 * github.com/flopp/StravaExportToGPX/issues/7. main refuses the whole export:
 * “it has no column “Filename”, so it is not Strava’s list of activities”. */
static void
test_strava_german_export (void)
{
  g_autoptr(KjStore) store = kj_test_open_new_store ("fit-attack-strava-de.db");
  g_autofree char *dir = write_export ("strava-de",
                                       "Aktivitäts-ID,Aktivitätsdatum,Name der Aktivität,Aktivitätsart,"
                                       "Aktivitätsbeschreibung,Verstrichene Zeit,Distanz,Aktivitätsausrüstung,Dateiname\n"
                                       "1,\"25.02.2026, 07:00:00\",Morgenlauf,Lauf,,599,1.8,,activities/1.fit\n");
  const char *paths[] = { dir, NULL };
  g_autoptr(GArray) results = kj_gpx_import (store, paths);
  const KjTrackResult *r;

  g_assert_cmpuint (results->len, ==, 1);
  r = &g_array_index (results, KjTrackResult, 0);
  g_test_message ("%s", r->message ? r->message : "(added)");
  g_assert_cmpint (r->status, ==, KJ_TRACK_ADDED);
  kj_test_remove_tree (dir);
}

/* An activity's name longer than a run's notes may be: the run is still a
 * run (its notes shortened). main: “1.fit: notes: 1222 characters is longer
 * than the limit of 1000”. */
static void
test_strava_long_name (void)
{
  g_autoptr(KjStore) store = kj_test_open_new_store ("fit-attack-strava-long.db");
  g_autofree char *name = g_strnfill (1200, 'L');
  g_autofree char *csv = g_strdup_printf ("Activity ID,Activity Name,Activity Type,Filename\n1,%s,Run,activities/1.fit\n",
                                          name);
  g_autofree char *dir = write_export ("strava-long", csv);
  const char *paths[] = { dir, NULL };
  g_autoptr(GArray) results = kj_gpx_import (store, paths);
  const KjTrackResult *r;

  g_assert_cmpuint (results->len, ==, 1);
  r = &g_array_index (results, KjTrackResult, 0);
  g_test_message ("%s", r->message ? r->message : "(added)");
  g_assert_cmpint (r->status, ==, KJ_TRACK_ADDED);
  kj_test_remove_tree (dir);
}

/* Strava's bulk export writes its TCX files (and some GPX) with ten spaces
 * before “<?xml”: github.com/GPSBabel/gpsbabel/issues/371,
 * github.com/GoldenCheetah/GoldenCheetah/issues/3149,
 * github.com/GoldenCheetah/sweatpy/issues/99, github.com/tumic0/GPXSee/issues/322.
 * main refuses each: “it is not well-formed XML, perhaps cut short (line 1:
 * XML declaration allowed only at the start of the document)”. */
static void
test_strava_tcx_leading_spaces (void)
{
  g_autoptr(KjStore) store = kj_test_open_new_store ("fit-attack-strava-tcx.db");
  g_autofree char *dir = write_export ("strava-tcx",
                                       "Activity ID,Activity Name,Activity Type,Filename\n"
                                       "103,Track Session,Run,activities/103.tcx.gz\n");
  g_autofree char *source = g_build_filename (g_getenv ("KJ_SOURCE_ROOT"), "tests", "data", "tracks", "polar.tcx", NULL);
  g_autofree char *target = g_build_filename (dir, "activities", "103.tcx.gz", NULL);
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, -1);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) stream = g_converter_output_stream_new (memory, G_CONVERTER (compressor));
  g_autoptr(GBytes) packed = NULL;
  g_autoptr(GError) error = NULL;
  const char *paths[] = { dir, NULL };
  g_autoptr(GArray) results = NULL;
  g_autofree char *text = NULL;
  g_autofree char *spaced = NULL;
  const KjTrackResult *r;
  gsize length;

  text = kj_test_read_file (source, &length);
  spaced = g_strconcat ("          ", text, NULL);
  g_output_stream_write_all (stream, spaced, strlen (spaced), NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (stream, NULL, &error);
  g_assert_no_error (error);
  packed = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
  kj_test_write_file (target, g_bytes_get_data (packed, NULL), (gssize) g_bytes_get_size (packed));

  results = kj_gpx_import (store, paths);
  g_assert_cmpuint (results->len, ==, 1);
  r = &g_array_index (results, KjTrackResult, 0);
  g_test_message ("%s", r->message ? r->message : "(added)");
  g_assert_cmpint (r->status, ==, KJ_TRACK_ADDED);
  g_assert_cmpfloat_with_epsilon (r->distance_km, 7.3, 0.05);
  kj_test_remove_tree (dir);
}

/* A TCX file says its sport (<Activity Sport="Biking">); a ride is no run, as
 * for FIT (doc/journal-format.md: “Only running … is a run. Another sport is
 * reported … and skipped”). main stores the ride as a run of 7.30 km. (GPX:
 * Strava writes <type>cycling</type>, also ignored.) */
static void
test_tcx_ride_is_skipped (void)
{
  g_autofree char *source = g_build_filename (g_getenv ("KJ_SOURCE_ROOT"), "tests", "data", "tracks", "polar.tcx", NULL);
  g_autoptr(GString) text = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  KjTrack track;
  gsize length;

  contents = kj_test_read_file (source, &length);
  text = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (text, "Sport=\"Running\"", "Sport=\"Biking\"", 0), >, 0);
  g_assert_false (kj_gpx_parse (text->str, text->len, &track, &error));
  g_assert_error (error, KJ_GPX_ERROR, KJ_GPX_ERROR_OTHER_SPORT);
}

/* activities.csv that is the journal (a symlink, say): kj-run-files.c reads it
 * with g_file_get_contents() without kj_store_owns_file(), so the process
 * opens and closes a descriptor of its own on the journal while its store
 * holds SQLite's POSIX locks — which close() drops (kj-store-file.c, the
 * comment at its top; strace shows the open/close of the journal between
 * SQLite's F_RDLCK and its next F_WRLCK). A link to the journal's -shm drops
 * the “dead man switch” lock too. It must be refused like a run file that
 * is the journal: “this is the journal itself or one of its files”. */
static void
test_strava_csv_is_journal (void)
{
  g_autoptr(KjStore) store = kj_test_open_new_store ("fit-attack-csv-journal.db");
  g_autofree char *dir = kj_test_tmp_path ("strava-csv-journal");
  g_autofree char *csv = g_build_filename (dir, "activities.csv", NULL);
  const char *paths[] = { dir, NULL };
  g_autoptr(GArray) results = NULL;
  const KjTrackResult *r;

  kj_test_remove_tree (dir);
  g_mkdir_with_parents (dir, 0700);
  g_assert_cmpint (symlink (kj_store_get_path (store), csv), ==, 0);

  results = kj_gpx_import (store, paths);
  g_assert_cmpuint (results->len, ==, 1);
  r = &g_array_index (results, KjTrackResult, 0);
  g_test_message ("%s", r->message);
  g_assert_cmpint (r->status, ==, KJ_TRACK_FAILED);
  /* main: “activities.csv: it has no column “Filename”, so it is not Strava’s list of activities” */
  g_assert_nonnull (strstr (r->message, "journal itself"));
  kj_test_remove_tree (dir);
}

typedef struct
{
  const char *path;
  gboolean    done;
  gboolean    ok;
  GError     *error;
} ParseJob;

static gpointer
parse_in_thread (gpointer data)
{
  ParseJob *job = data;
  KjTrack track;

  job->ok = kj_gpx_parse_file (job->path, &track, &job->error);
  g_atomic_int_set (&job->done, TRUE);

  return NULL;
}

/* “A file is at most 64 MB, before and after unpacking” (doc/journal-format.md,
 * “Run files”) is checked with stat(), which tells nothing of a pipe or a
 * character device (/dev/zero, /dev/urandom, maybe behind a symlink in an
 * unpacked export): main reads such a file without a limit (GBs for
 * /dev/zero) and blocks for ever on a pipe without a writer — the window's
 * import never ends. A run file must be a regular file. */
static void
test_pipe_is_refused (void)
{
  g_autofree char *fifo = kj_test_tmp_path ("fifo.gpx");
  ParseJob job = { fifo, FALSE, FALSE, NULL };
  gboolean done_in_time = FALSE;
  GThread *reader;
  int fd;

  g_unlink (fifo);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  reader = g_thread_new ("reader", parse_in_thread, &job);
  for (guint i = 0; i < 50 && !done_in_time; i++)
    {
      g_usleep (100000);
      done_in_time = g_atomic_int_get (&job.done);
    }

  /* let a blocked reader go: a writer that writes nothing */
  if (!done_in_time && (fd = open (fifo, O_WRONLY | O_NONBLOCK)) >= 0)
    close (fd);
  g_thread_join (reader);
  g_unlink (fifo);

  g_assert_true (done_in_time);
  g_assert_false (job.ok);
  g_test_message ("%s", job.error->message);
  g_clear_error (&job.error);
}

/* Record times given as sint64 just under the largest value: main adds
 * FIT's epoch with a signed overflow (UBSan: kj-fit.c:351 “signed integer
 * overflow”), the times wrap to before 1970, and the run is stored with the
 * session's date. A record time that is not a date must be refused. */
static void
test_record_time_overflow (void)
{
  g_autoptr(KjFitEncoder) e = kj_fit_encoder_new ();
  const guint8 file_id[] = { 0, 1, 0x00 };
  const guint8 record[] = { 253, 8, 0x8E, 0, 4, 0x85, 1, 4, 0x85, 5, 4, 0x86 };
  const guint8 session[] = { 2, 4, 0x86, 5, 1, 0x00, 8, 4, 0x86, 9, 4, 0x86 };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  KjTrack track;

  kj_fit_encoder_define (e, 0, FALSE, 0, file_id, 1, NULL, 0);
  kj_fit_encoder_data (e, 0, (const guint64[]) { 4 });
  kj_fit_encoder_define (e, 1, FALSE, 20, record, 4, NULL, 0);
  for (guint i = 0; i < 10; i++)
    kj_fit_encoder_data (e, 1, (const guint64[]) { G_MAXINT64 - 4095, (guint64) (guint32) (625000000 + i * 322),
                                                    160000000, (guint64) i * 300 });
  kj_fit_encoder_define (e, 2, FALSE, 18, session, 4, NULL, 0);
  kj_fit_encoder_data (e, 2, (const guint64[]) { T0, 1, 599000, 179700 });
  bytes = kj_fit_encoder_finish (e, 14);

  g_assert_false (parse_bytes (bytes, &track, &error));
  g_assert_error (error, KJ_GPX_ERROR, KJ_GPX_ERROR_BAD_TIME);
}

/* “1 runs added” is not English; the window says “Added 1 run” (ngettext) */
static void
test_cli_plural (void)
{
  g_autofree char *db = kj_test_tmp_path ("fit-attack-cli.db");
  g_autofree char *path = kj_test_tmp_path ("plural.fit");
  const guint64 sessions[][3] = { { 1, 179700, 599000 } };
  g_autoptr(GBytes) bytes = activity (sessions, 1);
  g_auto(KjTestRun) run = { 0 };

  kj_test_write_file (path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes));
  g_unlink (db);
  kj_test_run_cli (&run, NULL, "--db", db, "--import-runs", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_test_message ("%s", run.out);
  g_assert_null (strstr (run.out, "1 runs added"));
  g_unlink (path);
}

/* doc/command-line.md, “Exit codes”: an empty path is a usage error (2).
 * main: exit 1, “knee-journal: error: .: Failed to open file “”: No such file
 * or directory”. */
static void
test_cli_empty_path (void)
{
  g_autofree char *db = kj_test_tmp_path ("fit-attack-empty.db");
  g_auto(KjTestRun) run = { 0 };

  g_unlink (db);
  kj_test_run_cli (&run, NULL, "--db", db, "--import-runs", "", NULL);
  g_test_message ("%s", run.err);
  g_assert_cmpint (run.status, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fit-attack/multisport-run-then-ride", test_multisport_run_then_ride);
  g_test_add_func ("/fit-attack/multisport-ride-then-run", test_multisport_ride_then_run);
  g_test_add_func ("/fit-attack/timer-zero-is-unknown", test_timer_zero_is_unknown);
  g_test_add_func ("/fit-attack/strava-german-export", test_strava_german_export);
  g_test_add_func ("/fit-attack/strava-long-name", test_strava_long_name);
  g_test_add_func ("/fit-attack/strava-tcx-leading-spaces", test_strava_tcx_leading_spaces);
  g_test_add_func ("/fit-attack/tcx-ride-is-skipped", test_tcx_ride_is_skipped);
  g_test_add_func ("/fit-attack/strava-csv-is-journal", test_strava_csv_is_journal);
  g_test_add_func ("/fit-attack/pipe-is-refused", test_pipe_is_refused);
  g_test_add_func ("/fit-attack/record-time-overflow", test_record_time_overflow);
  g_test_add_func ("/fit-attack/cli-plural", test_cli_plural);
  g_test_add_func ("/fit-attack/cli-empty-path", test_cli_empty_path);

  return g_test_run ();
}
