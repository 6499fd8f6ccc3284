/* test-shoes.c — pairs of shoes: schema 4 and its migration, kilometres, the default pair, the alert,
 * hostile rows, JSON version 2, the CSV column, and pain after runs by shoe
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "kj-csv.h"
#include "kj-json.h"
#include "kj-series.h"
#include "kj-store.h"
#include "kj-store-schema.h"
#include "kj-test-util.h"

static KjShoe *
save_shoe (KjStore    *store,
           const char *name,
           double      start_km,
           double      alert_km)
{
  KjShoe *shoe = kj_shoe_new (name);
  g_autoptr(GError) error = NULL;

  shoe->start_km = start_km;
  shoe->alert_km = alert_km;
  g_assert_true (kj_store_save_shoe (store, shoe, &error));
  g_assert_no_error (error);

  return shoe;
}

static KjRun *
save_run (KjStore    *store,
          const char *date,
          double      km,
          const char *shoe_id)
{
  KjRun *run = kj_run_new (date, km);
  g_autoptr(GError) error = NULL;

  run->shoe_id = g_strdup (shoe_id);
  g_assert_true (kj_store_save_run (store, run, &error));
  g_assert_no_error (error);

  return run;
}

static double
km_of (GHashTable *km,
       const char *id)
{
  const double *value = g_hash_table_lookup (km, id);

  g_assert_nonnull (value);
  return *value;
}

/* A journal of version 3, made by the migrations of the current code, with
 * a day entry and two runs */
static void
make_v3_journal (const char *path)
{
  g_autofree char *sql = g_strdup_printf ("%s %s %s PRAGMA application_id = %d; PRAGMA user_version = 3;"
                                          "INSERT INTO days (id, date, pain, notes) VALUES ('d1', '2026-03-04', 6, 'old');"
                                          "INSERT INTO treatments (id, date, kind, time) VALUES ('t1', '2026-03-04', 'ice', '08:00');"
                                          "INSERT INTO runs (id, date, distance_km) VALUES ('r1', '2026-03-04', 5.5);"
                                          "INSERT INTO runs (id, date, distance_km) VALUES ('r2', '2026-03-05', 7.25);",
                                          kj_store_migrations[0], kj_store_migrations[1], kj_store_migrations[2],
                                          (int) KJ_STORE_APPLICATION_ID);

  g_unlink (path);
  g_assert_true (kj_test_exec_sql (path, sql));
}

/* 3 → 4: nothing lost, no run has a shoe, a copy of version 3 stays beside
 * it; the migrated journal takes shoes */
static void
test_shoes_migration (void)
{
  g_autofree char *v3 = kj_test_tmp_path ("v3.db");
  g_autofree char *backup = NULL;
  g_autoptr(KjStore) store = NULL;
  g_autoptr(KjJournal) after = NULL;
  g_autoptr(KjShoe) shoe = NULL;
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(GError) error = NULL;

  make_v3_journal (v3);
  backup = g_strconcat (v3, ".bak-v3", NULL);
  g_unlink (backup);

  store = kj_store_open (v3, &error);
  g_assert_no_error (error);
  g_assert_cmpint (KJ_STORE_SCHEMA_VERSION, >=, 4);
  g_assert_cmpint (kj_store_get_schema_version (store), ==, KJ_STORE_SCHEMA_VERSION);
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (kj_store_get_damage (store)->len, ==, 0);

  after = kj_store_read_journal (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->days->len, ==, 1);
  g_assert_cmpuint (after->treatments->len, ==, 1);
  g_assert_cmpstr (((KjTreatment *) after->treatments->pdata[0])->time, ==, "08:00");
  g_assert_cmpuint (after->runs->len, ==, 2);
  g_assert_null (((KjRun *) after->runs->pdata[0])->shoe_id);
  g_assert_cmpfloat (((KjRun *) after->runs->pdata[1])->distance_km, ==, 7.25);
  g_assert_cmpuint (after->shoes->len, ==, 0);

  /* the migrated journal takes a pair, and an old run can be put in it */
  shoe = save_shoe (store, "Pegasus 40", 0, 700);
  {
    KjRun *old = after->runs->pdata[0];

    old->shoe_id = g_strdup (shoe->id);
    g_assert_true (kj_store_save_run (store, old, &error));
    g_assert_no_error (error);
  }
  runs = kj_store_list_runs (store, "2026-03-04", "2026-03-04", &error);
  g_assert_cmpstr (((KjRun *) runs->pdata[0])->shoe_id, ==, shoe->id);
  g_clear_object (&store);

  /* the backup is version 3, without shoes */
  {
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_open_v2 (backup, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT (SELECT user_version FROM pragma_user_version), count(*),"
                                         " (SELECT count(*) FROM sqlite_schema WHERE name = 'shoes') FROM runs",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 3);
    g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 2);
    g_assert_cmpint (sqlite3_column_int (stmt, 2), ==, 0);
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }

  /* a journal of version 3 that claims version 4 is refused, unchanged */
  {
    g_autofree char *fake = kj_test_tmp_path ("v3-says-4.db");
    g_autofree char *sum = NULL;

    make_v3_journal (fake);
    g_assert_true (kj_test_exec_sql (fake, "PRAGMA user_version = 4"));
    sum = kj_test_sha256_file (fake);
    store = kj_store_open (fake, &error);
    g_assert_null (store);
    g_assert_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_NOT_A_JOURNAL);
    g_assert_nonnull (strstr (error->message, "format 3"));
    g_clear_error (&error);
    g_assert_cmpstr (kj_test_sha256_file (fake), ==, sum);
  }

  /* a journal newer than this build is refused, unchanged */
  {
    g_autofree char *newer = kj_test_tmp_path ("v5.db");
    g_autofree char *sum = NULL;
    g_autofree char *pragma = g_strdup_printf ("PRAGMA user_version = %d", KJ_STORE_SCHEMA_VERSION + 1);

    store = kj_test_open_new_store ("v5.db");
    g_clear_object (&store);
    g_assert_true (kj_test_exec_sql (newer, pragma));
    sum = kj_test_sha256_file (newer);
    store = kj_store_open (newer, &error);
    g_assert_null (store);
    g_assert_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_TOO_NEW);
    g_clear_error (&error);
    g_assert_cmpstr (kj_test_sha256_file (newer), ==, sum);
  }
}

/* The CHECK constraints hold even against a caller that skips validation */
static void
test_shoes_constraints (void)
{
  g_autoptr(KjStore) store = kj_test_open_new_store ("shoe-checks.db");
  g_autofree char *path = g_strdup (kj_store_get_path (store));
  const char *bad[] = {
    "INSERT INTO shoes (id, name) VALUES ('a', '')",
    "INSERT INTO shoes (id, name) VALUES ('a', '   ')",
    "INSERT INTO shoes (id, name, alert_km) VALUES ('a', 'x', 0)",
    "INSERT INTO shoes (id, name, start_km) VALUES ('a', 'x', -1)",
    "INSERT INTO shoes (id, name, start_date, retired_date) VALUES ('a', 'x', '2026-03-04', '2026-03-03')",
    "INSERT INTO shoes (id, name, start_date) VALUES ('a', 'x', '2026-02-30')",
    "INSERT INTO shoes (id, name, is_default) VALUES ('a', 'x', 2)",
    "INSERT INTO shoes (id, name, is_default, retired_date) VALUES ('a', 'x', 1, '2026-03-03')",
    "INSERT INTO shoes (id, name, is_default) VALUES ('a', 'x', 1), ('b', 'y', 1)",
    "PRAGMA foreign_keys = ON; INSERT INTO runs (id, date, distance_km, shoe_id) VALUES ('r', '2026-03-04', 5, 'nope')",
  };
  g_autoptr(KjShoe) shoe = kj_shoe_new ("x");
  g_autoptr(GError) error = NULL;

  g_clear_object (&store);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("%s", bad[i]);
      g_assert_false (kj_test_exec_sql (path, bad[i]));
    }
  g_assert_true (kj_test_exec_sql (path, "INSERT INTO shoes (id, name) VALUES ('ok', 'x')"));

  /* validation names the field */
  shoe->id = g_strdup ("s1");
  shoe->alert_km = -5;
  g_assert_false (kj_shoe_validate (shoe, &error));
  g_assert_true (g_str_has_prefix (error->message, "alert_km: "));
  g_clear_error (&error);
  shoe->alert_km = 700;
  g_strlcpy (shoe->start_date, "2026-03-04", sizeof shoe->start_date);
  g_strlcpy (shoe->retired_date, "2026-03-01", sizeof shoe->retired_date);
  g_assert_false (kj_shoe_validate (shoe, &error));
  g_assert_true (g_str_has_prefix (error->message, "retired_date: "));
  g_clear_error (&error);
  shoe->retired_date[0] = '\0';
  g_free (shoe->name);
  shoe->name = g_strdup (" ");
  g_assert_false (kj_shoe_validate (shoe, &error));
  g_assert_true (g_str_has_prefix (error->message, "name: "));
}

/* Kilometres per pair: start_km and the runs, against a sum by hand */
static void
test_shoes_km (void)
{
  g_autoptr(KjStore) store = kj_test_open_new_store ("shoe-km.db");
  g_autoptr(KjShoe) a = save_shoe (store, "Pegasus 40", 120.5, 700);
  g_autoptr(KjShoe) b = save_shoe (store, "Clifton 9", 0, 700);
  g_autoptr(KjShoe) c = save_shoe (store, "Spare", 3.25, 700);
  g_autoptr(GHashTable) km = NULL;
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(GError) error = NULL;
  const struct { const char *date; double km; KjShoe *shoe; } data[] = {
    { "2026-03-01", 5.2, a }, { "2026-03-02", 10.0, a }, { "2026-03-02", 12.1, b },
    { "2026-03-03", 7.3, a }, { "2026-03-04", 3.0, NULL }, { "2026-03-05", 21.1, b },
  };

  for (guint i = 0; i < G_N_ELEMENTS (data); i++)
    kj_run_free (save_run (store, data[i].date, data[i].km, data[i].shoe ? data[i].shoe->id : NULL));

  km = kj_store_get_shoe_km (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (km), ==, 3);
  g_assert_cmpfloat_with_epsilon (km_of (km, a->id), 120.5 + 5.2 + 10.0 + 7.3, 1e-9);
  g_assert_cmpfloat_with_epsilon (km_of (km, b->id), 12.1 + 21.1, 1e-9);
  g_assert_cmpfloat_with_epsilon (km_of (km, c->id), 3.25, 1e-9);

  /* deleting a pair keeps its runs, without a shoe */
  g_assert_true (kj_store_delete_shoe (store, b->id, &error));
  g_assert_no_error (error);
  runs = kj_store_list_runs (store, "2026-03-05", "2026-03-05", &error);
  g_assert_cmpuint (runs->len, ==, 1);
  g_assert_null (((KjRun *) runs->pdata[0])->shoe_id);
  g_assert_false (kj_store_delete_shoe (store, b->id, &error));
  g_assert_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* a run cannot name a pair that is not there */
  {
    g_autoptr(KjRun) run = kj_run_new ("2026-03-06", 4);

    run->shoe_id = g_strdup (b->id);
    g_assert_false (kj_store_save_run (store, run, &error));
    g_assert_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "shoe_id"));
    g_clear_error (&error);
  }
  g_clear_pointer (&runs, g_ptr_array_unref);
  runs = kj_store_list_runs (store, NULL, NULL, &error);
  g_assert_cmpuint (runs->len, ==, 6);
}

/* New runs get the default pair; at most one default; a retired pair is not it */
static void
test_shoes_default (void)
{
  g_autoptr(KjStore) store = kj_test_open_new_store ("shoe-default.db");
  g_autoptr(KjShoe) a = save_shoe (store, "Pegasus 40", 0, 700);
  g_autoptr(KjShoe) b = save_shoe (store, "Clifton 9", 0, 700);
  g_autoptr(KjRun) none = NULL;
  g_autoptr(KjRun) first = NULL;
  g_autoptr(KjRun) second = NULL;
  g_autoptr(KjRun) track = kj_run_new ("2026-03-07", 9);
  g_autoptr(KjRun) edited = NULL;
  g_autoptr(KjRun) after_retire = NULL;
  g_autoptr(GPtrArray) shoes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *again = NULL;

  none = save_run (store, "2026-03-01", 5, NULL);
  g_assert_null (none->shoe_id);

  g_assert_true (kj_store_set_default_shoe (store, a->id, &error));
  first = save_run (store, "2026-03-02", 5, NULL);
  g_assert_cmpstr (first->shoe_id, ==, a->id);

  g_assert_true (kj_store_set_default_shoe (store, b->id, &error));
  g_assert_no_error (error);
  shoes = kj_store_list_shoes (store, &error);
  g_assert_cmpuint (shoes->len, ==, 2);
  for (guint i = 0; i < shoes->len; i++)
    {
      KjShoe *shoe = shoes->pdata[i];

      g_assert_cmpint (shoe->is_default, ==, g_str_equal (shoe->id, b->id));
    }
  second = save_run (store, "2026-03-03", 5, NULL);
  g_assert_cmpstr (second->shoe_id, ==, b->id);

  /* a GPS track's run too */
  g_assert_true (kj_store_add_track_run (store, track, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", NULL,
                                         &error));
  g_assert_no_error (error);
  g_assert_cmpstr (track->shoe_id, ==, b->id);

  /* an edited run keeps what it has, none included */
  edited = kj_run_copy (none);
  edited->distance_km = 6;
  g_assert_true (kj_store_save_run (store, edited, &error));
  g_assert_null (edited->shoe_id);

  /* a retired pair is not the default any more */
  g_assert_true (kj_store_retire_shoe (store, b->id, "2026-03-10", &error));
  g_assert_no_error (error);
  after_retire = save_run (store, "2026-03-11", 5, NULL);
  g_assert_null (after_retire->shoe_id);
  g_assert_false (kj_store_set_default_shoe (store, b->id, &error));
  g_assert_error (error, KJ_RECORD_ERROR, KJ_RECORD_ERROR_INVALID);
  g_clear_error (&error);

  /* a pair by its name: found, or made once */
  id = kj_store_ensure_shoe_named (store, "Pegasus 40", &error);
  g_assert_cmpstr (id, ==, a->id);
  g_clear_pointer (&id, g_free);
  id = kj_store_ensure_shoe_named (store, "Strava Gear 1", &error);
  g_assert_no_error (error);
  again = kj_store_ensure_shoe_named (store, "Strava Gear 1", &error);
  g_assert_cmpstr (id, ==, again);
  g_clear_pointer (&shoes, g_ptr_array_unref);
  shoes = kj_store_list_shoes (store, &error);
  g_assert_cmpuint (shoes->len, ==, 3);
  /* the retired pair comes last */
  g_assert_cmpstr (((KjShoe *) shoes->pdata[2])->id, ==, b->id);
}

/* The alert names a pair once: on the save that takes it past its distance */
static void
test_shoes_alert (void)
{
  g_autoptr(KjStore) store = kj_test_open_new_store ("shoe-alert.db");
  g_autoptr(KjShoe) a = save_shoe (store, "Pegasus 40", 40, 50);
  g_autoptr(KjShoe) b = save_shoe (store, "Clifton 9", 0, 700);
  const double runs[] = { 5, 5, 3, 4 };   /* 45, 50 (passes: at the distance), 53, 57 */
  guint alerts = 0, alerted_at = 0;

  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      g_autoptr(GHashTable) before = kj_store_get_shoe_km (store, NULL);
      g_autoptr(GHashTable) after = NULL;
      g_autoptr(GPtrArray) shoes = kj_store_list_shoes (store, NULL);
      g_autoptr(GPtrArray) passed = NULL;
      g_autoptr(KjRun) run = save_run (store, "2026-03-04", runs[i], a->id);
      g_autoptr(KjRun) other = save_run (store, "2026-03-04", 100, b->id);

      after = kj_store_get_shoe_km (store, NULL);
      passed = kj_shoes_passed_alert (shoes, before, after);
      if (passed->len > 0)
        {
          g_assert_cmpuint (passed->len, ==, 1);
          g_assert_cmpstr (((KjShoe *) passed->pdata[0])->id, ==, a->id);
          alerts++;
          alerted_at = i;
        }
    }

  g_assert_cmpuint (alerts, ==, 1);
  g_assert_cmpuint (alerted_at, ==, 1);
}

/* Damaged rows: a pair that fails validation is left out and reported; a run
 * naming no pair reads as a run without a shoe */
static void
test_shoes_hostile (void)
{
  g_autoptr(KjStore) store = kj_test_open_new_store ("shoe-hostile.db");
  g_autofree char *path = g_strdup (kj_store_get_path (store));
  g_autoptr(KjShoe) good = save_shoe (store, "Good", 0, 700);
  g_autoptr(KjJournal) journal = NULL;
  g_autoptr(GPtrArray) damage = NULL;
  g_autoptr(GHashTable) km = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autoptr(KjJournal) reread = NULL;
  g_autofree char *sql = NULL;
  gboolean found = FALSE;

  g_clear_object (&store);
  sql = g_strdup_printf ("PRAGMA ignore_check_constraints = ON;"
                         "INSERT INTO shoes (id, name, alert_km) VALUES ('bad-alert', 'Bad', -5);"
                         "INSERT INTO shoes (id, name, start_km) VALUES ('text-km', 'Text', -3);"
                         "INSERT INTO shoes (id, name, is_default) VALUES ('two-default', 'Two', 7);"
                         "INSERT INTO runs (id, date, distance_km, shoe_id) VALUES ('r-ghost', '2026-03-04', 5, 'ghost');"
                         "INSERT INTO runs (id, date, distance_km, shoe_id) VALUES ('r-bad', '2026-03-05', 6, 'bad-alert');"
                         "INSERT INTO runs (id, date, distance_km, shoe_id) VALUES ('r-good', '2026-03-06', 7, '%s');",
                         good->id);
  g_assert_true (kj_test_exec_sql (path, sql));

  store = kj_store_open (path, &error);
  g_assert_no_error (error);
  journal = kj_store_read_journal (store, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (journal->shoes->len, ==, 1);
  g_assert_cmpstr (((KjShoe *) journal->shoes->pdata[0])->id, ==, good->id);
  g_assert_cmpuint (journal->runs->len, ==, 3);
  g_assert_null (((KjRun *) journal->runs->pdata[0])->shoe_id);
  g_assert_null (((KjRun *) journal->runs->pdata[1])->shoe_id);   /* its pair is damaged */
  g_assert_cmpstr (((KjRun *) journal->runs->pdata[2])->shoe_id, ==, good->id);

  damage = kj_store_get_damage (store);
  g_assert_cmpuint (damage->len, ==, 3);
  for (guint i = 0; i < damage->len; i++)
    {
      g_test_message ("%s", (char *) damage->pdata[i]);
      if (g_str_equal (damage->pdata[i], "pair of shoes bad-alert: alert_km: -5 must be more than 0 and at most 100000"))
        found = TRUE;
    }
  g_assert_true (found);

  km = kj_store_get_shoe_km (store, &error);
  g_assert_cmpfloat (km_of (km, good->id), ==, 7);

  /* the export of a damaged journal imports */
  json = kj_json_generate (journal, NULL);
  reread = kj_json_parse (json, strlen (json), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reread->shoes->len, ==, 1);
}

static const char v2_json[] =
  "{ \"format\": \"knee-journal\", \"version\": 2,"
  "  \"days\": [ { \"id\": \"d1\", \"date\": \"2026-03-05\", \"pain\": 3 } ],"
  "  \"runs\": [ { \"id\": \"r1\", \"date\": \"2026-03-04\", \"distance_km\": 8.2, \"shoe_id\": \"s1\" },"
  "              { \"id\": \"r2\", \"date\": \"2026-03-04\", \"distance_km\": 2.5, \"shoe_id\": \"s2\" },"
  "              { \"id\": \"r3\", \"date\": \"2026-03-04\", \"distance_km\": 1, \"shoe_id\": \"s1\" },"
  "              { \"id\": \"r4\", \"date\": \"2026-03-05\", \"distance_km\": 4, \"shoe_id\": null } ],"
  "  \"shoes\": [ { \"id\": \"s1\", \"name\": \"Pegasus 40\", \"model\": \"Nike Pegasus 40\","
  "                \"start_date\": \"2026-01-10\", \"retired_date\": null, \"start_km\": 85.5, \"alert_km\": 700,"
  "                \"is_default\": true },"
  "              { \"id\": \"s2\", \"name\": \"Old; trail\", \"model\": null, \"start_date\": \"2025-01-01\","
  "                \"retired_date\": \"2026-02-01\", \"start_km\": 0, \"alert_km\": 450.5, \"is_default\": false } ] }";

/* JSON version 2: a round trip through the file and the store; version 1 still imports */
static void
test_shoes_json (void)
{
  g_autoptr(KjStore) store = kj_test_open_new_store ("shoe-json.db");
  g_autoptr(KjJournal) journal = NULL;
  g_autoptr(KjJournal) stored = NULL;
  g_autoptr(KjJournal) reread = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  KjImportStats stats;
  KjShoe *s1;

  journal = kj_json_parse (v2_json, strlen (v2_json), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (journal->shoes->len, ==, 2);
  s1 = journal->shoes->pdata[0];
  g_assert_cmpstr (s1->model, ==, "Nike Pegasus 40");
  g_assert_cmpstr (s1->start_date, ==, "2026-01-10");
  g_assert_cmpfloat (s1->start_km, ==, 85.5);
  g_assert_true (s1->is_default);
  g_assert_null (((KjShoe *) journal->shoes->pdata[1])->model);
  g_assert_cmpfloat (((KjShoe *) journal->shoes->pdata[1])->alert_km, ==, 450.5);
  g_assert_cmpstr (((KjRun *) journal->runs->pdata[1])->shoe_id, ==, "s2");

  g_assert_true (kj_store_import (store, journal, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.shoes.added, ==, 2);
  stored = kj_store_read_journal (store, &error);
  g_assert_cmpuint (stored->shoes->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    g_assert_true (kj_shoe_equal (stored->shoes->pdata[i], journal->shoes->pdata[i]));
  for (guint i = 0; i < 4; i++)
    g_assert_true (kj_run_equal (stored->runs->pdata[i], journal->runs->pdata[i]));

  /* written and read again: the same records, version 2, nulls for unset */
  text = kj_json_generate (stored, NULL);
  g_assert_nonnull (strstr (text, "\"version\" : 3"));
  g_assert_nonnull (strstr (text, "\"retired_date\" : null"));
  g_assert_nonnull (strstr (text, "\"shoe_id\" : null"));
  reread = kj_json_parse (text, strlen (text), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    g_assert_true (kj_shoe_equal (reread->shoes->pdata[i], journal->shoes->pdata[i]));
  for (guint i = 0; i < 4; i++)
    g_assert_true (kj_run_equal (reread->runs->pdata[i], journal->runs->pdata[i]));

  /* importing it again changes nothing */
  g_assert_true (kj_store_import (store, reread, &stats, &error));
  g_assert_cmpuint (stats.shoes.unchanged, ==, 2);
  g_assert_cmpuint (stats.runs.unchanged, ==, 4);

  /* a version-1 file still imports: no shoes, its runs keep no shoe */
  {
    const char *v1 = "{ \"format\": \"knee-journal\", \"version\": 1,"
                     "  \"runs\": [ { \"id\": \"old\", \"date\": \"2026-02-01\", \"distance_km\": 6 } ] }";
    g_autoptr(KjJournal) old = kj_json_parse (v1, strlen (v1), &error);
    g_autoptr(GPtrArray) runs = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (old->shoes->len, ==, 0);
    g_assert_true (kj_store_import (store, old, &stats, &error));
    g_assert_no_error (error);
    runs = kj_store_list_runs (store, "2026-02-01", "2026-02-01", &error);
    g_assert_cmpuint (runs->len, ==, 1);
    g_assert_null (((KjRun *) runs->pdata[0])->shoe_id);
  }

  /* --import-json says how many pairs it added, and only for a file with shoes */
  {
    g_autofree char *path = kj_test_tmp_path ("shoes-v2.json");
    g_autofree char *db = kj_test_tmp_path ("shoes-cli.db");
    g_auto(KjTestRun) first = { 0 };
    g_auto(KjTestRun) again = { 0 };

    g_unlink (db);
    kj_test_write_file (path, v2_json, -1);
    kj_test_run_cli (&first, NULL, "--db", db, "--import-json", path, NULL);
    g_assert_cmpint (first.status, ==, 0);
    g_assert_nonnull (strstr (first.out, "shoes:      2 added, 0 updated, 0 unchanged"));
    kj_test_run_cli (&again, NULL, "--db", db, "--import-json", path, NULL);
    g_assert_nonnull (strstr (again.out, "shoes:      0 added, 0 updated, 2 unchanged"));
  }
}

/* Bad shoes in a file: an error naming the record, and nothing stored */
static void
test_shoes_json_errors (void)
{
  const struct { const char *json; const char *message; } bad[] = {
    { "{ \"format\": \"knee-journal\", \"version\": 4 }", "version 4, newer than" },
    { "{ \"format\": \"knee-journal\", \"version\": 2, \"shoes\": [ { \"id\": \"a\", \"name\": \"A\" },"
      " { \"id\": \"b\", \"name\": \"B\", \"alert_km\": -5 } ] }", "shoes[1].alert_km: " },
    { "{ \"format\": \"knee-journal\", \"version\": 2, \"shoes\": [ { \"id\": \"a\", \"name\": \"\" } ] }",
      "shoes[0].name: " },
    { "{ \"format\": \"knee-journal\", \"version\": 2, \"shoes\": [ { \"id\": \"a\" } ] }", "shoes[0].name: " },
    { "{ \"format\": \"knee-journal\", \"version\": 2, \"shoes\": [ { \"id\": \"a\", \"name\": \"A\","
      " \"start_date\": \"2026-03-04\", \"retired_date\": \"2026-03-01\" } ] }", "shoes[0].retired_date: " },
    { "{ \"format\": \"knee-journal\", \"version\": 2, \"shoes\": [ { \"id\": \"a\", \"name\": \"A\", \"is_default\": true },"
      " { \"id\": \"b\", \"name\": \"B\", \"is_default\": true } ] }", "shoes[1].is_default: " },
    { "{ \"format\": \"knee-journal\", \"version\": 2, \"shoes\": [ { \"id\": \"a\", \"name\": \"A\" },"
      " { \"id\": \"a\", \"name\": \"B\" } ] }", "shoes[1].id: " },
    { "{ \"format\": \"knee-journal\", \"version\": 2, \"runs\": [ { \"date\": \"2026-03-04\", \"distance_km\": 5,"
      " \"shoe_id\": 7 } ] }", "runs[0].shoe_id: " },
  };
  g_autoptr(KjStore) store = kj_test_open_new_store ("shoe-json-errors.db");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(KjJournal) journal = kj_json_parse (bad[i].json, strlen (bad[i].json), &error);

      g_test_message ("%s → %s", bad[i].json, error ? error->message : "(no error)");
      g_assert_null (journal);
      g_assert_nonnull (strstr (error->message, bad[i].message));
      g_clear_error (&error);
    }

  /* a run naming a pair that is neither in the file nor in the journal:
   * the import fails naming the run, and nothing is stored */
  {
    const char *text = "{ \"format\": \"knee-journal\", \"version\": 2,"
                       "  \"days\": [ { \"id\": \"d1\", \"date\": \"2026-03-05\", \"pain\": 3 } ],"
                       "  \"shoes\": [ { \"id\": \"s1\", \"name\": \"A\" } ],"
                       "  \"runs\": [ { \"id\": \"r1\", \"date\": \"2026-03-04\", \"distance_km\": 5, \"shoe_id\": \"s1\" },"
                       "              { \"id\": \"r2\", \"date\": \"2026-03-04\", \"distance_km\": 5, \"shoe_id\": \"nope\" } ] }";
    g_autoptr(KjJournal) journal = kj_json_parse (text, strlen (text), &error);
    g_autoptr(KjJournal) after = NULL;

    g_assert_no_error (error);
    g_assert_false (kj_store_import (store, journal, NULL, &error));
    g_assert_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_INVALID);
    g_assert_true (g_str_has_prefix (error->message, "runs[1].shoe_id: "));
    g_clear_error (&error);
    after = kj_store_read_journal (store, &error);
    g_assert_cmpuint (after->days->len + after->runs->len + after->shoes->len, ==, 0);
  }

  /* ... but a pair already in the journal will do */
  {
    g_autoptr(KjShoe) shoe = save_shoe (store, "Known", 0, 700);
    g_autofree char *text = g_strdup_printf ("{ \"format\": \"knee-journal\", \"version\": 2,"
                                             "  \"runs\": [ { \"id\": \"r1\", \"date\": \"2026-03-04\", \"distance_km\": 5,"
                                             " \"shoe_id\": \"%s\" } ] }", shoe->id);
    g_autoptr(KjJournal) journal = kj_json_parse (text, strlen (text), &error);

    g_assert_true (kj_store_import (store, journal, NULL, &error));
    g_assert_no_error (error);
  }
}

/* The CSV's shoe column: the names of the day's pairs, each once */
static void
test_shoes_csv (void)
{
  g_autoptr(KjJournal) journal = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;

  journal = kj_json_parse (v2_json, strlen (v2_json), &error);
  g_assert_no_error (error);
  csv = kj_csv_generate (journal, NULL);
  lines = g_strsplit (csv, "\r\n", -1);
  g_assert_cmpstr (lines[0], ==, "date,pain,pain_worst,locations,symptoms,aggravators,treatments,run_km,notes,shoe");
  g_assert_cmpstr (lines[1], ==, "2026-03-04,,,,,,,11.7,,\"Pegasus 40;Old, trail\"");
  g_assert_cmpstr (lines[2], ==, "2026-03-05,3,,,,,,4,,");
}

/* Pain after runs by shoe: a pair is compared from 8 run days on each side */
static void
test_shoes_pain (void)
{
  g_autoptr(KjJournal) journal = kj_journal_new ();
  KjShoe *a = kj_shoe_new ("A"), *b = kj_shoe_new ("B"), *c = kj_shoe_new ("C");
  g_autoptr(GArray) pairs = NULL;
  char date[11], next[11];

  a->id = g_strdup ("a");
  b->id = g_strdup ("b");
  c->id = g_strdup ("c");
  g_ptr_array_add (journal->shoes, a);
  g_ptr_array_add (journal->shoes, b);
  g_ptr_array_add (journal->shoes, c);

  /* A: 8 run days, each followed by pain 5; B: 7 run days followed by pain 2;
   * C: runs with no entry after them (they do not count); a run without a shoe counts nowhere */
  for (int i = 0; i < 15; i++)
    {
      KjRun *run;
      KjDay *day;

      kj_date_add_days ("2026-03-01", 2 * i, date);
      kj_date_add_days (date, 1, next);
      run = kj_run_new (date, 5);
      run->id = g_strdup_printf ("r%d", i);
      run->shoe_id = g_strdup (i < 8 ? "a" : "b");
      g_ptr_array_add (journal->runs, run);
      day = kj_day_new (next);
      day->pain = i < 8 ? 5 : 2;
      g_ptr_array_add (journal->days, day);
    }
  {
    KjRun *lone = kj_run_new ("2026-05-01", 5), *bare = kj_run_new ("2026-05-03", 5);
    KjDay *day = kj_day_new ("2026-05-04");

    lone->id = g_strdup ("lone");
    lone->shoe_id = g_strdup ("c");
    bare->id = g_strdup ("bare");
    day->pain = 9;
    g_ptr_array_add (journal->runs, lone);
    g_ptr_array_add (journal->runs, bare);
    g_ptr_array_add (journal->days, day);
  }

  pairs = kj_series_shoe_pain (journal->days, journal->runs, journal->shoes, "2026-01-01", "2026-12-31");
  g_assert_cmpuint (pairs->len, ==, 3);
  {
    KjShoePain *pa = &g_array_index (pairs, KjShoePain, 0);
    KjShoePain *pb = &g_array_index (pairs, KjShoePain, 1);
    KjShoePain *pc = &g_array_index (pairs, KjShoePain, 2);

    g_assert_true (pa->shoe == a);
    g_assert_cmpuint (pa->days, ==, 8);
    g_assert_cmpfloat (pa->mean, ==, 5);
    g_assert_cmpuint (pa->other_days, ==, 7);   /* B's 7: not enough to compare A with */
    g_assert_cmpfloat (pa->other_mean, ==, 2);
    g_assert_false (pa->enough);
    g_assert_cmpuint (pb->days, ==, 7);
    g_assert_cmpuint (pb->other_days, ==, 8);
    g_assert_false (pb->enough);
    g_assert_cmpuint (pc->days, ==, 0);
    g_assert_true (isnan (pc->mean));
    g_assert_cmpuint (pc->other_days, ==, 15);
    g_assert_false (pc->enough);
  }
  g_assert_false (kj_series_shoe_pain_any_enough (pairs));
  g_clear_pointer (&pairs, g_array_unref);

  /* an eighth run day in B: both compared */
  {
    KjRun *run = kj_run_new ("2026-04-20", 6);
    KjDay *day = kj_day_new ("2026-04-21");

    run->id = g_strdup ("r-b8");
    run->shoe_id = g_strdup ("b");
    day->pain = 2;
    g_ptr_array_add (journal->runs, run);
    g_ptr_array_add (journal->days, day);
  }
  pairs = kj_series_shoe_pain (journal->days, journal->runs, journal->shoes, "2026-01-01", "2026-12-31");
  g_assert_true (kj_series_shoe_pain_any_enough (pairs));
  g_assert_true (g_array_index (pairs, KjShoePain, 0).enough);
  g_assert_true (g_array_index (pairs, KjShoePain, 1).enough);
  g_assert_cmpuint (g_array_index (pairs, KjShoePain, 1).days, ==, 8);
  g_assert_cmpfloat (g_array_index (pairs, KjShoePain, 1).mean, ==, 2);
  g_assert_cmpfloat (g_array_index (pairs, KjShoePain, 1).other_mean, ==, 5);
  g_assert_false (g_array_index (pairs, KjShoePain, 2).enough);
  g_clear_pointer (&pairs, g_array_unref);

  /* nothing after as_of counts */
  pairs = kj_series_shoe_pain (journal->days, journal->runs, journal->shoes, "2026-01-01", "2026-04-19");
  g_assert_false (kj_series_shoe_pain_any_enough (pairs));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/shoes/migration", test_shoes_migration);
  g_test_add_func ("/shoes/constraints", test_shoes_constraints);
  g_test_add_func ("/shoes/km", test_shoes_km);
  g_test_add_func ("/shoes/default", test_shoes_default);
  g_test_add_func ("/shoes/alert", test_shoes_alert);
  g_test_add_func ("/shoes/hostile", test_shoes_hostile);
  g_test_add_func ("/shoes/json", test_shoes_json);
  g_test_add_func ("/shoes/json-errors", test_shoes_json_errors);
  g_test_add_func ("/shoes/csv", test_shoes_csv);
  g_test_add_func ("/shoes/pain", test_shoes_pain);

  return g_test_run ();
}
