/* test-track-hashes.c — run files recognised again: schema 7, the hash of a file's bytes (known files are not
 * read), the fingerprint of a track's numbers, and runs imported by versions before schema 7
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "kj-fit-encoder.h"
#include "kj-gpx.h"
#include "kj-store.h"
#include "kj-store-schema.h"
#include "kj-test-util.h"
#include "kj-track-private.h"

/* The fingerprints that knee-journal before schema 7 stored for these files (SHA-256 of “lat,lon,time;” a
 * point, six decimals), taken from a journal it wrote, and computed again by a Python script from the files */
#define GARMIN_GPX_V6_HASH "ce40c9dd5ac8ee6cb71d039e13abc0fe43a8daa75356ad516e7aafdabeae74ec"
#define POLAR_TCX_V6_HASH  "f0dd138fcfa050107d67a3960f0ea1b126a8839c339fe469a7e0f29e98f50f7f"

static char *
data_path (const char *folder,
           const char *name)
{
  return g_build_filename (g_getenv ("KJ_SOURCE_ROOT"), "tests", "data", folder, name, NULL);
}

/* The first column of the first row of @sql on the journal @path, as text ("" for NULL, "none" without a row) */
static char *
query_text (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup (sqlite3_column_text (stmt, 0) ? (const char *) sqlite3_column_text (stmt, 0) : "");
  else
    value = g_strdup ("none");
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

/* A journal of schema 6, with the runs of garmin.gpx and polar.tcx as that version imported them */
static void
make_v6_journal (const char *path)
{
  g_autoptr(GString) sql = g_string_new (NULL);

  for (int v = 0; v < 6; v++)
    g_string_append (sql, kj_store_migrations[v]);
  g_string_append_printf (sql, "PRAGMA application_id = %d; PRAGMA user_version = 6;"
                          "INSERT INTO runs (id, date, distance_km, notes, source_hash)"
                          " VALUES ('old-gpx', '2026-03-02', 7.992, 'Imported from garmin.gpx', '" GARMIN_GPX_V6_HASH "');"
                          "INSERT INTO runs (id, date, distance_km, notes, source_hash)"
                          " VALUES ('old-tcx', '2026-03-10', 7.296, 'Imported from polar.tcx', '" POLAR_TCX_V6_HASH "');",
                          (int) KJ_STORE_APPLICATION_ID);
  g_unlink (path);
  g_assert_true (kj_test_exec_sql (path, sql->str));
}

static void
assert_one_result (GArray        *results,
                   KjTrackStatus  status,
                   const char    *message_part)
{
  const KjTrackResult *r;

  g_assert_cmpuint (results->len, ==, 1);
  r = &g_array_index (results, KjTrackResult, 0);
  g_test_message ("%s: %d %s", r->name, r->status, r->message ? r->message : "");
  g_assert_cmpint (r->status, ==, status);
  if (message_part != NULL)
    g_assert_nonnull (strstr (r->message, message_part));
}

static GArray *
import_one (KjStore    *store,
            const char *path)
{
  const char *paths[] = { path, NULL };

  return kj_gpx_import (store, paths);
}

/* Schema 7 adds runs.track_hash and the table run_files, keeps the fingerprints of before, and copies the
 * journal of version 6 aside first */
static void
test_schema_7 (void)
{
  g_autofree char *path = kj_test_tmp_path ("v6.db");
  g_autofree char *backup = g_strconcat (path, ".bak-v6", NULL);
  g_autofree char *kept = NULL;
  g_autofree char *tracked = NULL;
  g_autofree char *backup_version = NULL;
  g_autoptr(KjStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean legacy = FALSE;

  g_assert_cmpint (KJ_STORE_SCHEMA_VERSION, ==, 7);
  make_v6_journal (path);
  g_unlink (backup);

  store = kj_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kj_store_get_schema_version (store), ==, 7);
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  backup_version = query_text (backup, "PRAGMA user_version");
  g_assert_cmpstr (backup_version, ==, "6");

  kept = query_text (path, "SELECT source_hash FROM runs WHERE id = 'old-gpx'");
  g_assert_cmpstr (kept, ==, GARMIN_GPX_V6_HASH);
  tracked = query_text (path, "SELECT count(*) FROM runs WHERE track_hash IS NOT NULL");
  g_assert_cmpstr (tracked, ==, "0");
  g_assert_true (kj_store_has_legacy_runs (store, &legacy, &error));
  g_assert_true (legacy);
  g_clear_object (&store);

  /* the CHECKs: a hash is 64 characters; one file hash once */
  g_assert_false (kj_test_exec_sql (path, "INSERT INTO run_files VALUES ('abc', 'old-gpx')"));
  g_assert_false (kj_test_exec_sql (path, "UPDATE runs SET track_hash = 'abc' WHERE id = 'old-gpx'"));
  g_assert_true (kj_test_exec_sql (path, "INSERT INTO run_files VALUES ('" GARMIN_GPX_V6_HASH "', 'old-gpx')"));
  g_assert_false (kj_test_exec_sql (path, "INSERT INTO run_files VALUES ('" GARMIN_GPX_V6_HASH "', 'old-tcx')"));

  /* deleting a run forgets its files */
  store = kj_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (kj_store_delete_run (store, "old-gpx", &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  g_free (kept);
  kept = query_text (path, "SELECT count(*) FROM run_files");
  g_assert_cmpstr (kept, ==, "0");
}

/* The fingerprint of before schema 7 is still computed when asked, to the same hex */
static void
test_legacy_hash (void)
{
  const struct { const char *file; const char *hash; } cases[] = {
    { "garmin.gpx", GARMIN_GPX_V6_HASH },
    { "polar.tcx", POLAR_TCX_V6_HASH },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = data_path ("tracks", cases[i].file);
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;
      KjTrack track, plain;
      gsize length;

      g_assert_true (g_file_get_contents (path, &text, &length, NULL));
      g_assert_true (_kj_gpx_parse_full (text, length, KJ_TRACK_LEGACY_HASH, &track, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (track.legacy_hash, ==, cases[i].hash);

      /* not asked, not computed; the fingerprint is the same either way, and another */
      g_assert_true (kj_gpx_parse (text, length, &plain, &error));
      g_assert_cmpstr (plain.legacy_hash, ==, "");
      g_assert_cmpstr (plain.hash, ==, track.hash);
      g_assert_cmpstr (plain.hash, !=, cases[i].hash);
      g_assert_cmpuint (strlen (plain.hash), ==, 64);
    }
}

/* After the upgrade, the files of runs imported before are found again: no run twice. The run gets the
 * fingerprint of schema 7 and the file's hash, so that the next import does not read the file. */
static void
test_upgrade_no_duplicate (void)
{
  g_autofree char *path = kj_test_tmp_path ("v6-upgrade.db");
  g_autofree char *gpx = data_path ("tracks", "garmin.gpx");
  g_autofree char *tcx = data_path ("tracks", "polar.tcx");
  g_autofree char *gpx_hash = kj_test_sha256_file (gpx);
  g_autofree char *sql = NULL;
  g_autofree char *value = NULL;
  g_autoptr(KjStore) store = NULL;
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(GArray) results = NULL;
  g_autoptr(GError) error = NULL;
  gboolean legacy = TRUE;
  KjTrack track;

  make_v6_journal (path);
  store = kj_store_open (path, &error);
  g_assert_no_error (error);

  results = import_one (store, gpx);
  assert_one_result (results, KJ_TRACK_SKIPPED, "garmin.gpx: this run is already in the journal (on 2026-03-02)");
  runs = kj_store_list_runs (store, NULL, NULL, &error);
  g_assert_cmpuint (runs->len, ==, 2);

  g_assert_true (kj_gpx_parse_file (gpx, &track, &error));
  sql = g_strdup_printf ("SELECT id FROM runs WHERE track_hash = '%s'", track.hash);
  value = query_text (path, sql);
  g_assert_cmpstr (value, ==, "old-gpx");
  g_clear_pointer (&sql, g_free);
  g_clear_pointer (&value, g_free);
  sql = g_strdup_printf ("SELECT run_id FROM run_files WHERE hash = '%s'", gpx_hash);
  value = query_text (path, sql);
  g_assert_cmpstr (value, ==, "old-gpx");

  /* one run of before is left, then none */
  g_assert_true (kj_store_has_legacy_runs (store, &legacy, &error));
  g_assert_true (legacy);
  g_clear_pointer (&results, g_array_unref);
  results = import_one (store, tcx);
  assert_one_result (results, KJ_TRACK_SKIPPED, "already in the journal (on 2026-03-10)");
  g_assert_true (kj_store_has_legacy_runs (store, &legacy, &error));
  g_assert_false (legacy);

  /* known now by the file's bytes */
  g_clear_pointer (&results, g_array_unref);
  results = import_one (store, gpx);
  assert_one_result (results, KJ_TRACK_SKIPPED, "garmin.gpx: this run is already in the journal (on 2026-03-02)");
  g_clear_pointer (&runs, g_ptr_array_unref);
  runs = kj_store_list_runs (store, NULL, NULL, &error);
  g_assert_cmpuint (runs->len, ==, 2);
}

/* A file whose bytes the journal knows is skipped before it is parsed; the same track in other bytes is
 * skipped by its fingerprint, and its file remembered too; deleting the run forgets both */
static void
test_known_file_unread (void)
{
  g_autoptr(KjStore) store = kj_test_open_new_store ("known-files.db");
  g_autofree char *path = g_strdup (kj_store_get_path (store));
  g_autofree char *gpx = data_path ("tracks", "garmin.gpx");
  g_autofree char *broken = data_path ("hostile", "truncated.gpx");
  g_autofree char *broken_hash = kj_test_sha256_file (broken);
  g_autofree char *copy = kj_test_tmp_path ("garmin-copy.gpx");
  g_autofree char *text = NULL;
  g_autofree char *copy_text = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *files = NULL;
  g_autofree char *run_id = NULL;
  g_autoptr(GArray) results = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  results = import_one (store, gpx);
  assert_one_result (results, KJ_TRACK_ADDED, NULL);
  run_id = query_text (path, "SELECT id FROM runs");

  /* the same track, other bytes (a comment more) */
  g_assert_true (g_file_get_contents (gpx, &text, &length, NULL));
  copy_text = g_strconcat (text, "<!-- a copy -->\n", NULL);
  kj_test_write_file (copy, copy_text, -1);
  g_clear_pointer (&results, g_array_unref);
  results = import_one (store, copy);
  assert_one_result (results, KJ_TRACK_SKIPPED, "garmin-copy.gpx: this run is already in the journal (on 2026-03-02)");
  files = query_text (path, "SELECT count(*) FROM run_files");
  g_assert_cmpstr (files, ==, "2");

  /* a file the journal knows is not parsed: a damaged one, said to be known, is skipped, not failed */
  sql = g_strdup_printf ("INSERT INTO run_files VALUES ('%s', '%s')", broken_hash, run_id);
  g_assert_true (kj_test_exec_sql (path, sql));
  g_clear_pointer (&results, g_array_unref);
  results = import_one (store, broken);
  assert_one_result (results, KJ_TRACK_SKIPPED, "truncated.gpx: this run is already in the journal (on 2026-03-02)");

  /* the run deleted, its files are new again */
  g_assert_true (kj_store_delete_run (store, run_id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&files, g_free);
  files = query_text (path, "SELECT count(*) FROM run_files");
  g_assert_cmpstr (files, ==, "0");
  g_clear_pointer (&results, g_array_unref);
  results = import_one (store, gpx);
  assert_one_result (results, KJ_TRACK_ADDED, NULL);
}

/* FIT files the same: known by their bytes; packed, by their fingerprint */
static void
test_known_fit (void)
{
  g_autoptr(KjStore) store = kj_test_open_new_store ("known-fit.db");
  g_autofree char *path = g_strdup (kj_store_get_path (store));
  g_autofree char *fit = kj_test_tmp_path ("run.fit");
  g_autofree char *fit_gz = kj_test_tmp_path ("run.fit.gz");
  g_autofree char *fit_hash = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *value = NULL;
  g_autofree char *command = NULL;
  g_autoptr(GArray) results = NULL;

  kj_gen_write_fit (fit, 3, 900);
  fit_hash = kj_test_sha256_file (fit);
  command = g_strdup_printf ("sh -c 'gzip -c \"%s\" > \"%s\"'", fit, fit_gz);
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));

  results = import_one (store, fit);
  assert_one_result (results, KJ_TRACK_ADDED, NULL);
  sql = g_strdup_printf ("SELECT count(*) FROM run_files f JOIN runs r ON r.id = f.run_id WHERE f.hash = '%s'"
                         " AND r.track_hash IS NOT NULL", fit_hash);
  value = query_text (path, sql);
  g_assert_cmpstr (value, ==, "1");

  g_clear_pointer (&results, g_array_unref);
  results = import_one (store, fit);
  assert_one_result (results, KJ_TRACK_SKIPPED, "run.fit: this run is already in the journal");
  g_clear_pointer (&results, g_array_unref);
  results = import_one (store, fit_gz);
  assert_one_result (results, KJ_TRACK_SKIPPED, "run.fit.gz: this run is already in the journal");
  g_clear_pointer (&value, g_free);
  value = query_text (path, "SELECT count(*) FROM run_files");
  g_assert_cmpstr (value, ==, "2");
}

/* The fingerprint is SHA-256 of numbers (doc/data-model.md, “Runs from files”): the same points however
 * their text is written give the same fingerprint, and it is the one the documentation describes */
static void
test_fingerprint_of_numbers (void)
{
  static const char plain[] =
    "<?xml version=\"1.0\"?><gpx version=\"1.1\" creator=\"t\"><trk><trkseg>"
    "<trkpt lat=\"48.1\" lon=\"0.000001\"><time>2026-03-02T07:00:00Z</time></trkpt>"
    "<trkpt lat=\"48.11\" lon=\"0\"><time>2026-03-02T07:10:00Z</time></trkpt>"
    "<trkpt lat=\"48.12\" lon=\"-0.000001\"><time>2026-03-02T07:20:00Z</time></trkpt>"
    "</trkseg></trk></gpx>";
  static const char other[] =
    "<?xml version=\"1.0\"?><gpx version=\"1.1\" creator=\"t\"><trk><trkseg>"
    "<trkpt lat=\" 4.81e1 \" lon=\"+1e-6\"><time> 2026-03-02T08:00:00+01:00 </time></trkpt>"
    "<trkpt lat=\"48.1100000000000000001\" lon=\"-0.0\"><time>2026-03-02T07:10:00.999999Z</time></trkpt>"
    "<trkpt lat=\"48.12\" lon=\"-0000.000001\"><time>2026-03-02T07:20:00.5Z</time></trkpt>"
    "</trkseg></trk></gpx>";
  static const gint64 numbers[][3] = {
    { 48100000, 1, 1772434800 },
    { 48110000, 0, 1772434800 + 600 },
    { 48120000, -1, 1772434800 + 1200 },
  };
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GError) error = NULL;
  KjTrack a, b;

  g_assert_true (kj_gpx_parse (plain, strlen (plain), &a, &error));
  g_assert_no_error (error);
  g_assert_true (kj_gpx_parse (other, strlen (other), &b, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (a.hash, ==, b.hash);
  g_assert_cmpfloat (a.distance_km, ==, b.distance_km);
  g_assert_cmpint (a.duration_s, ==, b.duration_s);

  g_checksum_update (checksum, (const guchar *) "knee-journal track 2\n", -1);
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    for (guint k = 0; k < 3; k++)
      {
        guint64 le = GUINT64_TO_LE ((guint64) numbers[i][k]);

        g_checksum_update (checksum, (const guchar *) &le, sizeof le);
      }
  g_assert_cmpstr (a.hash, ==, g_checksum_get_string (checksum));
}

int
main (int   argc,
      char *argv[])
{
  /* the date of a run is the local date of its start: pin the zone */
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/track-hashes/schema-7", test_schema_7);
  g_test_add_func ("/track-hashes/legacy-hash", test_legacy_hash);
  g_test_add_func ("/track-hashes/upgrade-no-duplicate", test_upgrade_no_duplicate);
  g_test_add_func ("/track-hashes/known-file-unread", test_known_file_unread);
  g_test_add_func ("/track-hashes/known-fit", test_known_fit);
  g_test_add_func ("/track-hashes/fingerprint-of-numbers", test_fingerprint_of_numbers);

  return g_test_run ();
}
