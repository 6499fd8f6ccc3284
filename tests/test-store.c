/* test-store.c — the SQLite journal: round trips, constraints, migrations, refusals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>
#include <unistd.h>

#include "kj-demo.h"
#include "kj-exchange.h"
#include "kj-gen.h"
#include "kj-json.h"
#include "kj-store.h"
#include "kj-store-schema.h"
#include "kj-test-util.h"

static KjDay *
full_day (const char *date)
{
  KjDay *day = kj_day_new (date);

  day->pain = 6;
  day->pain_worst = 8;
  g_assert_true (kj_day_add_location (day, "right", "pes-anserine"));
  g_assert_true (kj_day_add_location (day, "left", "popliteal"));
  g_ptr_array_add (day->symptoms, (gpointer) kj_code_lookup (KJ_CODE_SYMPTOM, "swelling"));
  g_ptr_array_add (day->symptoms, (gpointer) kj_code_lookup (KJ_CODE_SYMPTOM, "night-pain"));
  g_ptr_array_add (day->aggravators, (gpointer) kj_code_lookup (KJ_CODE_AGGRAVATOR, "stairs-down"));
  g_free (day->notes);
  day->notes = g_strdup ("Knie tut weh, “quotes”, commas, and\nnew lines — Ωμέγα 膝");

  return day;
}

static void
test_store_new_file (void)
{
  g_autofree char *path = kj_test_tmp_path ("new.db");
  g_autoptr(KjStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KjProfile) profile = NULL;
  GStatBuf st;

  g_unlink (path);
  store = kj_store_open (path, &error);
  g_assert_no_error (error);

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (kj_store_get_schema_version (store), ==, KJ_STORE_SCHEMA_VERSION);
  g_assert_true (kj_store_is_empty (store));

  profile = kj_store_get_profile (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (profile->affected_side, ==, "right");
  g_assert_cmpstr (profile->units, ==, "km");
  g_assert_cmpint (profile->review_weeks, ==, 3);
  g_assert_null (profile->treatment_start);
  g_clear_object (&store);

  /* the header says it is ours */
  {
    g_autofree char *contents = kj_test_read_file (path, NULL);
    const guchar *h = (const guchar *) contents;
    guint32 app_id = (h[68] << 24) | (h[69] << 16) | (h[70] << 8) | h[71];
    guint32 version = (h[60] << 24) | (h[61] << 16) | (h[62] << 8) | h[63];

    g_assert_cmphex (app_id, ==, KJ_STORE_APPLICATION_ID);
    g_assert_cmpuint (version, ==, KJ_STORE_SCHEMA_VERSION);
  }
}

static void
test_store_profile_round_trip (void)
{
  g_autoptr(KjStore) store = kj_test_open_new_store ("profile.db");
  g_autoptr(KjProfile) profile = kj_profile_new ();
  g_autoptr(KjProfile) read = NULL;
  g_autoptr(GError) error = NULL;

  g_free (profile->name);
  profile->name = g_strdup ("Jürgen Ωmega");
  profile->affected_side = kj_code_lookup (KJ_CODE_AFFECTED_SIDE, "both");
  profile->injury_date = g_strdup ("2026-03-02");
  profile->treatment_start = g_strdup ("2026-03-04");
  profile->units = kj_code_lookup (KJ_CODE_UNITS, "mi");
  profile->review_weeks = 6;

  g_assert_true (kj_store_set_profile (store, profile, &error));
  g_assert_no_error (error);

  read = kj_store_get_profile (store, &error);
  g_assert_no_error (error);
  g_assert_true (kj_profile_equal (profile, read));

  /* out of range is refused and changes nothing */
  profile->review_weeks = 13;
  g_assert_false (kj_store_set_profile (store, profile, &error));
  g_assert_error (error, KJ_RECORD_ERROR, KJ_RECORD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "review_weeks: 13 is out of range 2–12"));
  g_clear_pointer (&read, kj_profile_free);
  read = kj_store_get_profile (store, NULL);
  g_assert_cmpint (read->review_weeks, ==, 6);
}

static void
test_store_day_round_trip (void)
{
  g_autofree char *path = kj_test_tmp_path ("days.db");
  g_autoptr(KjStore) store = NULL;
  g_autoptr(KjDay) day = full_day ("2026-03-04");
  g_autoptr(KjDay) minimal = kj_day_new ("2026-03-05");
  g_autoptr(KjDay) read = NULL;
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GError) error = NULL;

  g_unlink (path);
  store = kj_store_open (path, &error);
  g_assert_no_error (error);

  g_assert_true (kj_store_save_day (store, day, &error));
  g_assert_no_error (error);
  g_assert_true (g_uuid_string_is_valid (day->id));
  g_assert_true (kj_store_save_day (store, minimal, &error));
  g_assert_no_error (error);

  /* reopen from disk */
  g_clear_object (&store);
  store = kj_store_open (path, &error);
  g_assert_no_error (error);

  read = kj_store_get_day (store, "2026-03-04", &error);
  g_assert_no_error (error);
  g_assert_nonnull (read);
  g_assert_true (kj_day_equal (day, read));
  g_assert_cmpuint (read->locations->len, ==, 2);
  g_assert_cmpstr (g_array_index (read->locations, KjLocation, 1).region, ==, "popliteal");
  g_clear_pointer (&read, kj_day_free);

  read = kj_store_get_day (store, "2026-03-05", &error);
  g_assert_true (kj_day_equal (minimal, read));
  g_assert_cmpint (read->pain_worst, ==, KJ_UNSET);
  g_assert_cmpstr (read->notes, ==, "");
  g_clear_pointer (&read, kj_day_free);

  g_assert_null (kj_store_get_day (store, "2026-03-06", &error));
  g_assert_no_error (error);

  /* update in place keeps the id */
  day->pain = 2;
  day->pain_worst = KJ_UNSET;
  g_ptr_array_set_size (day->symptoms, 0);
  g_array_set_size (day->locations, 1);
  g_assert_true (kj_store_save_day (store, day, &error));
  read = kj_store_get_day (store, "2026-03-04", &error);
  g_assert_true (kj_day_equal (day, read));
  g_assert_cmpuint (read->symptoms->len, ==, 0);

  /* range queries */
  days = kj_store_list_days (store, "2026-03-05", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 1);
  g_clear_pointer (&days, g_ptr_array_unref);
  days = kj_store_list_days (store, NULL, "2026-03-31", &error);
  g_assert_cmpuint (days->len, ==, 2);
  g_assert_cmpstr (((KjDay *) days->pdata[0])->date, ==, "2026-03-04");

  /* delete */
  g_assert_true (kj_store_delete_day (store, minimal->id, &error));
  g_assert_no_error (error);
  g_assert_false (kj_store_delete_day (store, minimal->id, &error));
  g_assert_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_NOT_FOUND);
}

static void
test_store_one_entry_per_date (void)
{
  g_autoptr(KjStore) store = kj_test_open_new_store ("unique.db");
  g_autoptr(KjDay) first = full_day ("2026-03-04");
  g_autoptr(KjDay) second = kj_day_new ("2026-03-04");
  g_autoptr(KjDay) read = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (kj_store_save_day (store, first, &error));
  second->pain = 1;
  g_assert_false (kj_store_save_day (store, second, &error));
  g_assert_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "2026-03-04"));

  read = kj_store_get_day (store, "2026-03-04", NULL);
  g_assert_true (kj_day_equal (first, read));
}

static void
test_store_treatments_and_runs (void)
{
  g_autofree char *path = kj_test_tmp_path ("records.db");
  g_autoptr(KjStore) store = NULL;
  g_autoptr(GPtrArray) treatments = NULL;
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  KjTreatment *t[3];
  KjRun *r[2];

  g_unlink (path);
  store = kj_store_open (path, &error);

  t[0] = kj_treatment_new ("2026-03-04", "ice");
  t[0]->minutes = 25;
  t[1] = kj_treatment_new ("2026-03-04", "medication");
  t[1]->drug = kj_code_lookup (KJ_CODE_DRUG, "ibuprofen");
  t[1]->dose_mg = 400;
  t[1]->notes = (g_free (t[1]->notes), g_strdup ("with food"));
  g_strlcpy (t[1]->time, "08:00", sizeof t[1]->time);
  t[2] = kj_treatment_new ("2026-03-03", "exercise");
  t[2]->exercise = kj_code_lookup (KJ_CODE_EXERCISE, "split-squat");
  t[2]->sets = 3;
  t[2]->reps = 12;
  t[2]->minutes = 10;

  r[0] = kj_run_new ("2026-03-03", 8.2);
  r[0]->duration_s = 2760;
  r[0]->descent_m = 140.5;
  r[0]->pain_during = 5;
  r[0]->pain_after = 7;
  r[0]->stopped_early = TRUE;
  r[1] = kj_run_new ("2026-03-05", 0.01);

  for (guint i = 0; i < 3; i++)
    {
      g_assert_true (kj_store_save_treatment (store, t[i], &error));
      g_assert_no_error (error);
      g_assert_true (g_uuid_string_is_valid (t[i]->id));
      g_ptr_array_add (ids, g_strdup (t[i]->id));
    }
  for (guint i = 0; i < 2; i++)
    {
      g_assert_true (kj_store_save_run (store, r[i], &error));
      g_assert_no_error (error);
      g_ptr_array_add (ids, g_strdup (r[i]->id));
    }

  g_clear_object (&store);
  store = kj_store_open (path, &error);

  treatments = kj_store_list_treatments (store, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (treatments->len, ==, 3);
  /* by date, then in the order they were added */
  g_assert_true (kj_treatment_equal (treatments->pdata[0], t[2]));
  g_assert_true (kj_treatment_equal (treatments->pdata[1], t[0]));
  g_assert_true (kj_treatment_equal (treatments->pdata[2], t[1]));
  g_assert_cmpstr (((KjTreatment *) treatments->pdata[2])->time, ==, "08:00");
  g_assert_cmpstr (((KjTreatment *) treatments->pdata[1])->time, ==, "");

  runs = kj_store_list_runs (store, "2026-03-01", "2026-03-04", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (runs->len, ==, 1);
  g_assert_true (kj_run_equal (runs->pdata[0], r[0]));
  g_clear_pointer (&runs, g_ptr_array_unref);
  runs = kj_store_list_runs (store, NULL, NULL, &error);
  g_assert_true (isnan (((KjRun *) runs->pdata[1])->descent_m));
  g_assert_cmpint (((KjRun *) runs->pdata[1])->duration_s, ==, KJ_UNSET);

  /* every id differs */
  for (guint i = 0; i < ids->len; i++)
    for (guint j = i + 1; j < ids->len; j++)
      g_assert_cmpstr (ids->pdata[i], !=, ids->pdata[j]);

  g_assert_true (kj_store_delete_treatment (store, t[0]->id, &error));
  g_assert_true (kj_store_delete_run (store, r[1]->id, &error));
  g_clear_pointer (&treatments, g_ptr_array_unref);
  treatments = kj_store_list_treatments (store, NULL, NULL, NULL);
  g_assert_cmpuint (treatments->len, ==, 2);

  for (guint i = 0; i < 3; i++)
    kj_treatment_free (t[i]);
  for (guint i = 0; i < 2; i++)
    kj_run_free (r[i]);
}

typedef struct
{
  const char *what;
  const char *expected;   /* part of the message */
} Refusal;

static void
test_store_validation_refusals (void)
{
  g_autoptr(KjStore) store = kj_test_open_new_store ("invalid.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(KjTreatment) t = NULL;
  g_autoptr(KjRun) run = NULL;
  g_autoptr(KjDay) day = NULL;

  day = kj_day_new ("2026-03-04");
  day->pain = 11;
  g_assert_false (kj_store_save_day (store, day, &error));
  g_assert_nonnull (strstr (error->message, "pain: 11 is out of range 0–10"));
  g_clear_error (&error);

  day->pain = 5;
  day->pain_worst = 4;
  g_assert_false (kj_store_save_day (store, day, &error));
  g_assert_nonnull (strstr (error->message, "pain_worst"));
  g_clear_error (&error);
  day->pain_worst = KJ_UNSET;

  g_strlcpy (day->date, "2026-02-30", sizeof day->date);
  g_assert_false (kj_store_save_day (store, day, &error));
  g_assert_nonnull (strstr (error->message, "2026-02-30"));
  g_clear_error (&error);
  g_strlcpy (day->date, "2026-03-04", sizeof day->date);

  kj_day_add_location (day, "right", "patella");
  kj_day_add_location (day, "right", "patella");
  g_assert_false (kj_store_save_day (store, day, &error));
  g_assert_nonnull (strstr (error->message, "twice"));
  g_clear_error (&error);
  g_array_set_size (day->locations, 0);

  g_free (day->notes);
  day->notes = g_strnfill (4001, 'x');
  g_assert_false (kj_store_save_day (store, day, &error));
  g_assert_nonnull (strstr (error->message, "4000"));
  g_clear_error (&error);

  t = kj_treatment_new ("2026-03-04", "ice");
  t->drug = kj_code_lookup (KJ_CODE_DRUG, "ibuprofen");
  g_assert_false (kj_store_save_treatment (store, t, &error));
  g_assert_nonnull (strstr (error->message, "drug"));
  g_clear_error (&error);
  t->drug = NULL;
  t->minutes = 241;
  g_assert_false (kj_store_save_treatment (store, t, &error));
  g_assert_nonnull (strstr (error->message, "minutes: 241"));
  g_clear_error (&error);

  run = kj_run_new ("2026-03-04", 500.5);
  g_assert_false (kj_store_save_run (store, run, &error));
  g_assert_nonnull (strstr (error->message, "distance_km"));
  g_clear_error (&error);
  run->distance_km = 5;
  run->descent_m = -3;
  g_assert_false (kj_store_save_run (store, run, &error));
  g_assert_nonnull (strstr (error->message, "descent_m"));
  g_clear_error (&error);

  g_assert_true (kj_store_is_empty (store));
}

/* Even a caller that skips validation cannot store an impossible value. */
static void
test_store_check_constraints (void)
{
  g_autofree char *path = kj_test_tmp_path ("checks.db");
  g_autoptr(KjStore) store = NULL;
  const char *bad[] = {
    "INSERT INTO days (id, date, pain) VALUES ('a', '2026-03-04', 11)",
    "INSERT INTO days (id, date, pain) VALUES ('a', '2026-03-04', -1)",
    "INSERT INTO days (id, date, pain, pain_worst) VALUES ('a', '2026-03-04', 5, 4)",
    "INSERT INTO days (id, date, pain) VALUES ('a', '2026-02-30', 5)",
    "INSERT INTO days (id, date, pain) VALUES ('a', '2026-3-4', 5)",
    "INSERT INTO days (id, date, pain) VALUES ('a', '2026-03-04', 'five')",
    "INSERT INTO days (id, date, pain, notes) VALUES ('a', '2026-03-04', 5, printf('%.4001c', 'x'))",
    "INSERT INTO treatments (id, date, kind) VALUES ('t', '2026-03-04', 'magic')",
    "INSERT INTO treatments (id, date, kind, drug) VALUES ('t', '2026-03-04', 'ice', 'ibuprofen')",
    "INSERT INTO treatments (id, date, kind, drug, dose_mg) VALUES ('t', '2026-03-04', 'medication', 'ibuprofen', 2001)",
    "INSERT INTO treatments (id, date, kind, minutes) VALUES ('t', '2026-03-04', 'ice', 0)",
    "INSERT INTO treatments (id, date, kind, exercise, sets) VALUES ('t', '2026-03-04', 'exercise', 'split-squat', 21)",
    "INSERT INTO treatments (id, date, kind, time) VALUES ('t', '2026-03-04', 'medication', '25:00')",
    "INSERT INTO treatments (id, date, kind, time) VALUES ('t', '2026-03-04', 'medication', '8:00')",
    "INSERT INTO treatments (id, date, kind, time) VALUES ('t', '2026-03-04', 'medication', '08:60')",
    "INSERT INTO treatments (id, date, kind, time) VALUES ('t', '2026-03-04', 'medication', '08:00:00')",
    "INSERT INTO treatments (id, date, kind, time) VALUES ('t', '2026-03-04', 'medication', 'ab:cd')",
    "INSERT INTO runs (id, date, distance_km) VALUES ('r', '2026-03-04', 0.001)",
    "INSERT INTO runs (id, date, distance_km, duration_s) VALUES ('r', '2026-03-04', 5, 172801)",
    "INSERT INTO runs (id, date, distance_km, stopped_early) VALUES ('r', '2026-03-04', 5, 2)",
    "INSERT INTO profile (id) VALUES (2)",
    "UPDATE profile SET review_weeks = 1",
    "UPDATE profile SET affected_side = 'middle'",
  };

  g_unlink (path);
  store = kj_store_open (path, NULL);
  g_assert_nonnull (store);

  g_assert_true (kj_test_exec_sql (path, "INSERT INTO days (id, date, pain) VALUES ('ok', '2026-03-05', 5)"));
  g_assert_false (kj_test_exec_sql (path, "INSERT INTO days (id, date, pain) VALUES ('dup', '2026-03-05', 5)"));
  g_assert_false (kj_test_exec_sql (path, "INSERT INTO day_locations (day_id, side, region) VALUES ('ok', 'right', 'elbow')"));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("%s", bad[i]);
      g_assert_false (kj_test_exec_sql (path, bad[i]));
    }
}

static void
make_v1_journal (const char *path)
{
  g_autofree char *sql = g_strdup_printf ("%s PRAGMA application_id = %d; PRAGMA user_version = 1;"
                                          "INSERT INTO days (id, date, pain, notes) VALUES ('d1', '2026-03-04', 6, 'old');"
                                          "INSERT INTO runs (id, date, distance_km) VALUES ('r1', '2026-03-04', 5.5);",
                                          kj_store_migrations[0], (int) KJ_STORE_APPLICATION_ID);

  g_unlink (path);
  g_assert_true (kj_test_exec_sql (path, sql));
}

static void
test_store_migrations (void)
{
  g_autofree char *empty = kj_test_tmp_path ("empty.db");
  g_autofree char *v1 = kj_test_tmp_path ("v1.db");
  g_autofree char *backup = NULL;
  g_autofree char *before = NULL;
  g_autoptr(KjStore) store = NULL;
  g_autoptr(KjDay) day = NULL;
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(GError) error = NULL;

  /* an empty file becomes a journal */
  kj_test_write_file (empty, "", 0);
  store = kj_store_open (empty, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kj_store_get_schema_version (store), ==, KJ_STORE_SCHEMA_VERSION);
  g_clear_object (&store);

  /* version 1 is migrated, after a backup */
  make_v1_journal (v1);
  before = kj_test_sha256_file (v1);
  backup = g_strconcat (v1, ".bak-v1", NULL);
  g_unlink (backup);

  store = kj_store_open (v1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kj_store_get_schema_version (store), ==, KJ_STORE_SCHEMA_VERSION);
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));

  day = kj_store_get_day (store, "2026-03-04", &error);
  g_assert_cmpstr (day->id, ==, "d1");
  g_assert_cmpstr (day->notes, ==, "old");
  runs = kj_store_list_runs (store, NULL, NULL, &error);
  g_assert_cmpuint (runs->len, ==, 1);
  g_assert_cmpfloat (((KjRun *) runs->pdata[0])->distance_km, ==, 5.5);
  g_clear_object (&store);

  /* the backup is a version-1 journal holding the same data */
  {
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;
    GStatBuf st;

    g_assert_cmpint (g_stat (backup, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
    g_assert_cmpint (sqlite3_open_v2 (backup, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT (SELECT user_version FROM pragma_user_version), notes FROM days",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, "old");
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }

  /* opening again migrates nothing more */
  g_unlink (backup);
  store = kj_store_open (v1, &error);
  g_assert_no_error (error);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (before, !=, "missing");
}

/* A journal of version 2 (before the time of day of treatments) with
 * records of every kind */
static void
make_v2_journal (const char *path)
{
  g_autofree char *sql = g_strdup_printf ("%s %s PRAGMA application_id = %d; PRAGMA user_version = 2;"
                                          "INSERT INTO days (id, date, pain, pain_worst, notes)"
                                          " VALUES ('d1', '2026-03-04', 6, 7, 'old');"
                                          "INSERT INTO day_locations VALUES ('d1', 'right', 'pes-anserine');"
                                          "INSERT INTO day_symptoms VALUES ('d1', 'swelling');"
                                          "INSERT INTO day_aggravators VALUES ('d1', 'stairs-down');"
                                          "INSERT INTO treatments (id, date, kind, drug, dose_mg, notes)"
                                          " VALUES ('t1', '2026-03-04', 'medication', 'ibuprofen', 400, 'food');"
                                          "INSERT INTO treatments (id, date, kind, exercise, sets, reps, minutes)"
                                          " VALUES ('t2', '2026-03-04', 'exercise', 'split-squat', 3, 12, 10);"
                                          "INSERT INTO runs (id, date, distance_km, source_hash) VALUES ('r1', '2026-03-04', 5.5,"
                                          " '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef');",
                                          kj_store_migrations[0], kj_store_migrations[1], (int) KJ_STORE_APPLICATION_ID);

  g_unlink (path);
  g_assert_true (kj_test_exec_sql (path, sql));
}

/* Version 2 → 3 adds the time of day of treatments: nothing is lost, every
 * time is unset, a copy of version 2 stays beside it, and a time is stored */
static void
test_store_migration_v2 (void)
{
  g_autofree char *v2 = kj_test_tmp_path ("v2.db");
  g_autofree char *backup = NULL;
  g_autoptr(KjStore) store = NULL;
  g_autoptr(KjJournal) after = NULL;
  g_autoptr(GPtrArray) treatments = NULL;
  g_autoptr(GError) error = NULL;
  KjTreatment *dose;

  make_v2_journal (v2);
  backup = g_strconcat (v2, ".bak-v2", NULL);
  g_unlink (backup);

  store = kj_store_open (v2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kj_store_get_schema_version (store), ==, KJ_STORE_SCHEMA_VERSION);
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (kj_store_get_damage (store)->len, ==, 0);

  after = kj_store_read_journal (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->days->len, ==, 1);
  g_assert_cmpuint (after->treatments->len, ==, 2);
  g_assert_cmpuint (after->runs->len, ==, 1);
  {
    KjDay *day = after->days->pdata[0];
    KjTreatment *ex = after->treatments->pdata[1];

    g_assert_cmpstr (day->notes, ==, "old");
    g_assert_cmpint (day->pain_worst, ==, 7);
    g_assert_true (kj_day_has_location (day, "right", "pes-anserine"));
    g_assert_true (kj_day_has_code (day->symptoms, "swelling"));
    g_assert_true (kj_day_has_code (day->aggravators, "stairs-down"));
    dose = after->treatments->pdata[0];
    g_assert_cmpstr (dose->id, ==, "t1");
    g_assert_cmpint (dose->dose_mg, ==, 400);
    g_assert_cmpstr (dose->notes, ==, "food");
    g_assert_cmpstr (dose->time, ==, "");
    g_assert_cmpint (ex->sets, ==, 3);
    g_assert_cmpint (ex->reps, ==, 12);
    g_assert_cmpint (ex->minutes, ==, 10);
    g_assert_cmpfloat (((KjRun *) after->runs->pdata[0])->distance_km, ==, 5.5);
  }

  /* the migrated journal takes a time */
  g_strlcpy (dose->time, "14:30", sizeof dose->time);
  g_assert_true (kj_store_save_treatment (store, dose, &error));
  g_assert_no_error (error);
  treatments = kj_store_list_treatments (store, "2026-03-04", "2026-03-04", &error);
  g_assert_cmpstr (((KjTreatment *) treatments->pdata[0])->time, ==, "14:30");
  g_clear_object (&store);

  /* the backup is version 2, holding the same treatments */
  {
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_open_v2 (backup, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT (SELECT user_version FROM pragma_user_version), count(*),"
                                         " sum(dose_mg) FROM treatments", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 2);
    g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 2);
    g_assert_cmpint (sqlite3_column_int (stmt, 2), ==, 400);
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }
}

static void
test_store_treatment_time (void)
{
  g_autoptr(KjTreatment) t = kj_treatment_new ("2026-03-04", "medication");
  g_autoptr(GError) error = NULL;
  const char *good[] = { "00:00", "08:05", "19:59", "23:59" };
  const char *bad[] = { "24:00", "25:00", "8:00", "08:60", "0800", "ab:cd", "08-00", " 8:00" };

  t->id = g_strdup ("t");
  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_strlcpy (t->time, good[i], sizeof t->time);
      g_assert_true (kj_time_is_valid (good[i]));
      g_assert_true (kj_treatment_validate (t, &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("%s", bad[i]);
      g_assert_false (kj_time_is_valid (bad[i]));
      g_strlcpy (t->time, bad[i], sizeof t->time);
      g_assert_false (kj_treatment_validate (t, &error));
      g_assert_error (error, KJ_RECORD_ERROR, KJ_RECORD_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, "time: "));
      g_clear_error (&error);
    }
  g_assert_false (kj_time_is_valid (NULL));
  g_assert_false (kj_time_is_valid ("08:00:00"));
}

static KjTreatment *
new_treatment (KjStore    *store,
               const char *date,
               const char *kind,
               int         minutes)
{
  KjTreatment *t = kj_treatment_new (date, kind);
  g_autoptr(GError) error = NULL;

  t->minutes = minutes;
  g_assert_true (kj_store_save_treatment (store, t, &error));
  g_assert_no_error (error);

  return t;
}

static void
test_store_copy_day_routine (void)
{
  g_autofree char *path = kj_test_tmp_path ("routine.db");
  g_autoptr(KjStore) store = NULL;
  g_autoptr(KjDay) yesterday = full_day ("2026-03-04");
  g_autoptr(KjDay) today = kj_day_new ("2026-03-05");
  g_autoptr(KjDay) stored = NULL;
  g_autoptr(GPtrArray) copied = NULL;
  g_autoptr(GPtrArray) made = g_ptr_array_new_with_free_func ((GDestroyNotify) kj_treatment_free);
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  KjTreatment *dose;

  g_unlink (path);
  store = kj_store_open (path, &error);
  g_assert_true (kj_store_save_day (store, yesterday, &error));

  /* the routine of the day before, and what is not routine */
  g_ptr_array_add (made, new_treatment (store, "2026-03-04", "ice", 15));
  dose = kj_treatment_new ("2026-03-04", "medication");
  dose->drug = kj_code_lookup (KJ_CODE_DRUG, "ibuprofen");
  dose->dose_mg = 400;
  g_strlcpy (dose->time, "08:00", sizeof dose->time);
  g_assert_true (kj_store_save_treatment (store, dose, &error));
  g_ptr_array_add (made, dose);
  {
    KjTreatment *ex = kj_treatment_new ("2026-03-04", "exercise");

    ex->exercise = kj_code_lookup (KJ_CODE_EXERCISE, "split-squat");
    ex->sets = 3;
    ex->reps = 12;
    ex->notes = (g_free (ex->notes), g_strdup ("slow"));
    g_assert_true (kj_store_save_treatment (store, ex, &error));
    g_ptr_array_add (made, ex);
  }
  g_ptr_array_add (made, new_treatment (store, "2026-03-04", "physio", 45));
  g_ptr_array_add (made, new_treatment (store, "2026-03-04", "injection", KJ_UNSET));
  g_ptr_array_add (made, new_treatment (store, "2026-03-03", "heat", 10));   /* another day */
  g_ptr_array_add (made, new_treatment (store, "2026-03-04", "brace", KJ_UNSET));

  today->pain = 3;
  g_assert_true (kj_store_copy_day_routine (store, "2026-03-04", today, &copied, &error));
  g_assert_no_error (error);

  /* the new entry: its own pain, the places of the day before, nothing else */
  stored = kj_store_get_day (store, "2026-03-05", &error);
  g_assert_nonnull (stored);
  g_assert_cmpstr (stored->id, ==, today->id);
  g_assert_cmpstr (stored->id, !=, yesterday->id);
  g_assert_true (g_uuid_string_is_valid (stored->id));
  g_assert_cmpint (stored->pain, ==, 3);
  g_assert_cmpint (stored->pain_worst, ==, KJ_UNSET);
  g_assert_cmpuint (stored->locations->len, ==, 2);
  g_assert_true (kj_day_has_location (stored, "right", "pes-anserine"));
  g_assert_true (kj_day_has_location (stored, "left", "popliteal"));
  g_assert_cmpuint (stored->symptoms->len, ==, 0);
  g_assert_cmpuint (stored->aggravators->len, ==, 0);
  g_assert_cmpstr (stored->notes, ==, "");

  /* ice, the exercise and the brace, in their order, with new ids and the same fields */
  g_assert_cmpuint (copied->len, ==, 3);
  listed = kj_store_list_treatments (store, "2026-03-05", "2026-03-05", &error);
  g_assert_cmpuint (listed->len, ==, 3);
  {
    const guint sources[] = { 0, 2, 6 };

    for (guint i = 0; i < 3; i++)
      {
        KjTreatment *source = made->pdata[sources[i]];
        KjTreatment *copy = listed->pdata[i];
        g_autoptr(KjTreatment) same = kj_treatment_copy (copy);

        g_assert_true (kj_treatment_equal (copy, copied->pdata[i]));
        g_assert_true (g_uuid_string_is_valid (copy->id));
        g_assert_cmpstr (copy->id, !=, source->id);
        g_assert_cmpstr (copy->date, ==, "2026-03-05");
        g_free (same->id);
        same->id = g_strdup (source->id);
        g_strlcpy (same->date, source->date, sizeof same->date);
        g_assert_true (kj_treatment_equal (same, source));
      }
  }

  /* the day before is as it was */
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = kj_store_list_treatments (store, "2026-03-04", "2026-03-04", &error);
  g_assert_cmpuint (listed->len, ==, 6);
  g_clear_pointer (&stored, kj_day_free);
  stored = kj_store_get_day (store, "2026-03-04", &error);
  g_assert_true (kj_day_equal (stored, yesterday));

  /* a second copy onto a day with an entry is refused, and writes nothing */
  {
    g_autoptr(KjDay) again = kj_day_new ("2026-03-05");
    g_autoptr(GPtrArray) none = NULL;

    again->pain = 4;
    g_assert_false (kj_store_copy_day_routine (store, "2026-03-04", again, &none, &error));
    g_assert_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_CONFLICT);
    g_assert_null (none);
    g_clear_error (&error);
  }
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = kj_store_list_treatments (store, "2026-03-05", "2026-03-05", &error);
  g_assert_cmpuint (listed->len, ==, 3);

  /* undo: the day is as it was before, the day before untouched */
  g_assert_true (kj_store_undo_copy_day_routine (store, today->id, copied, &error));
  g_assert_no_error (error);
  g_clear_pointer (&stored, kj_day_free);
  g_assert_null (kj_store_get_day (store, "2026-03-05", &error));
  g_assert_no_error (error);
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = kj_store_list_treatments (store, "2026-03-04", "2026-03-05", &error);
  g_assert_cmpuint (listed->len, ==, 6);

  /* all or nothing: a write that fails after the copies are written (here
   * the entry, against a row of that date another program left damaged)
   * leaves no copy behind */
  g_clear_pointer (&copied, g_ptr_array_unref);
  g_assert_true (kj_test_exec_sql (path, "PRAGMA ignore_check_constraints = ON;"
                                         "INSERT INTO days (id, date, pain) VALUES ('damaged', '2026-03-05', 99);"));
  {
    g_autoptr(KjDay) failing = kj_day_new ("2026-03-05");

    failing->pain = 5;
    g_assert_false (kj_store_copy_day_routine (store, "2026-03-04", failing, &copied, &error));
    g_assert_nonnull (error);
    g_test_message ("halfway: %s", error->message);
    g_assert_null (copied);
    g_clear_error (&error);
  }
  g_assert_null (kj_store_get_day (store, "2026-03-05", &error));
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = kj_store_list_treatments (store, "2026-03-05", "2026-03-05", &error);
  g_assert_cmpuint (listed->len, ==, 0);
  g_assert_false (kj_test_exec_sql (path, "INSERT INTO days (id, date, pain) VALUES ('x', '2026-03-05', 1)"));
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = kj_store_list_treatments (store, "2026-03-04", "2026-03-04", &error);
  g_assert_cmpuint (listed->len, ==, 6);
}

/* The quick buttons' medicines: the last three drugs, each its latest dose */
static void
test_store_last_medicines (void)
{
  g_autofree char *path = kj_test_tmp_path ("medicines.db");
  g_autoptr(KjStore) store = NULL;
  g_autoptr(GPtrArray) last = NULL;
  g_autoptr(GError) error = NULL;
  const struct { const char *date; const char *drug; int mg; } doses[] = {
    { "2026-03-01", "aspirin", 500 },
    { "2026-03-02", "ibuprofen", 200 },
    { "2026-03-03", "naproxen", 220 },
    { "2026-03-04", "paracetamol", 1000 },
    { "2026-03-05", "ibuprofen", 400 },
    { "2026-03-05", "ibuprofen", 600 },
    { "2026-03-09", "diclofenac", 50 },
  };

  g_unlink (path);
  store = kj_store_open (path, &error);

  last = kj_store_list_last_medicines (store, "2026-03-08", 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (last->len, ==, 0);
  g_clear_pointer (&last, g_ptr_array_unref);

  for (guint i = 0; i < G_N_ELEMENTS (doses); i++)
    {
      g_autoptr(KjTreatment) t = kj_treatment_new (doses[i].date, "medication");

      t->drug = kj_code_lookup (KJ_CODE_DRUG, doses[i].drug);
      t->dose_mg = doses[i].mg;
      g_assert_true (kj_store_save_treatment (store, t, &error));
    }
  kj_treatment_free (new_treatment (store, "2026-03-06", "ice", 15));

  /* on the 8th: ibuprofen (its last dose, 600 mg), paracetamol, naproxen; not
   * diclofenac (later), not aspirin (fourth) */
  last = kj_store_list_last_medicines (store, "2026-03-08", 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (last->len, ==, 3);
  g_assert_cmpstr (((KjTreatment *) last->pdata[0])->drug, ==, "ibuprofen");
  g_assert_cmpint (((KjTreatment *) last->pdata[0])->dose_mg, ==, 600);
  g_assert_cmpstr (((KjTreatment *) last->pdata[1])->drug, ==, "paracetamol");
  g_assert_cmpint (((KjTreatment *) last->pdata[1])->dose_mg, ==, 1000);
  g_assert_cmpstr (((KjTreatment *) last->pdata[2])->drug, ==, "naproxen");
  g_clear_pointer (&last, g_ptr_array_unref);

  /* fewer drugs than asked for: all of them, each once, the latest first */
  last = kj_store_list_last_medicines (store, "2026-03-02", 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (last->len, ==, 2);
  g_assert_cmpstr (((KjTreatment *) last->pdata[0])->drug, ==, "ibuprofen");
  g_assert_cmpint (((KjTreatment *) last->pdata[0])->dose_mg, ==, 200);
  g_assert_cmpstr (((KjTreatment *) last->pdata[1])->drug, ==, "aspirin");
  g_clear_pointer (&last, g_ptr_array_unref);

  /* a medicine without a drug named is one of the drugs */
  {
    g_autoptr(KjTreatment) t = kj_treatment_new ("2026-03-07", "medication");

    g_assert_true (kj_store_save_treatment (store, t, &error));
  }
  last = kj_store_list_last_medicines (store, "2026-03-08", 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (last->len, ==, 3);
  g_assert_null (((KjTreatment *) last->pdata[0])->drug);
  g_assert_cmpstr (((KjTreatment *) last->pdata[1])->drug, ==, "ibuprofen");
  g_assert_cmpstr (((KjTreatment *) last->pdata[2])->drug, ==, "paracetamol");
}

static const guchar png_bytes[] = {
  0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
  0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89,
};

static void
assert_refused (const char *path,
                int         code,
                const char *expected)
{
  g_autofree char *before = kj_test_sha256_file (path);
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KjStore) store = NULL;

  store = kj_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, KJ_STORE_ERROR, code);
  g_test_message ("%s → %s", path, error->message);
  g_assert_nonnull (strstr (error->message, expected));

  after = kj_test_sha256_file (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS) && !g_str_has_suffix (path, "newer.db"));
}

static void
test_store_refusals (void)
{
  g_autofree char *text = kj_test_tmp_path ("notes.db");
  g_autofree char *png = kj_test_tmp_path ("picture.db");
  g_autofree char *short_file = kj_test_tmp_path ("short.db");
  g_autofree char *foreign = kj_test_tmp_path ("foreign.db");
  g_autofree char *other_id = kj_test_tmp_path ("other-id.db");
  g_autofree char *newer = kj_test_tmp_path ("newer.db");
  g_autofree char *missing = kj_test_tmp_path ("no-such-folder/journal.db");
  g_autofree char *big = NULL;
  g_autofree char *newer_sql = NULL;

  kj_test_write_file (text, "These are my notes, not a database.\n", -1);
  assert_refused (text, KJ_STORE_ERROR_NOT_A_DATABASE, "not an SQLite file");

  big = g_strnfill (4096, 'A');
  memcpy (big, png_bytes, sizeof png_bytes);
  kj_test_write_file (png, big, 4096);
  assert_refused (png, KJ_STORE_ERROR_NOT_A_DATABASE, "not an SQLite file");

  kj_test_write_file (short_file, "SQLite format 3", 16);
  assert_refused (short_file, KJ_STORE_ERROR_NOT_A_DATABASE, "not an SQLite file");

  g_unlink (foreign);
  g_assert_true (kj_test_exec_sql (foreign, "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT);"
                                            "INSERT INTO moz_places (url) VALUES ('https://example.org');"));
  assert_refused (foreign, KJ_STORE_ERROR_NOT_A_JOURNAL, "another application");

  g_unlink (other_id);
  g_assert_true (kj_test_exec_sql (other_id, "PRAGMA application_id = 1234; CREATE TABLE t (x);"));
  assert_refused (other_id, KJ_STORE_ERROR_NOT_A_JOURNAL, "another application");

  g_unlink (newer);
  newer_sql = g_strdup_printf ("%s PRAGMA application_id = %d; PRAGMA user_version = 99;",
                               kj_store_migrations[0], (int) KJ_STORE_APPLICATION_ID);
  g_assert_true (kj_test_exec_sql (newer, newer_sql));
  assert_refused (newer, KJ_STORE_ERROR_TOO_NEW, "newer version");

  assert_refused (missing, KJ_STORE_ERROR_NO_FOLDER, "does not exist");
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

static gboolean
run_command (const char *command)
{
  int status = -1;

  return g_spawn_command_line_sync (command, NULL, NULL, &status, NULL) && status == 0;
}

/* As a normal user, chmod makes things read-only; root ignores permissions,
 * so there a small tmpfs is mounted and then remounted read-only. */
static gboolean
make_read_only (const char *dir)
{
  g_autofree char *command = NULL;

  if (geteuid () != 0)
    return g_chmod (dir, 0500) == 0;

  command = g_strdup_printf ("mount -o remount,ro '%s'", dir);
  return run_command (command);
}

static void
test_store_read_only (void)
{
  g_autofree char *dir = kj_test_tmp_path ("ro-folder");
  g_autofree char *path = g_build_filename (dir, "journal.db", NULL);
  g_autofree char *new_path = g_build_filename (dir, "new.db", NULL);
  g_autoptr(KjStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gboolean mounted = FALSE;

  g_mkdir_with_parents (dir, 0700);

  if (geteuid () == 0)
    {
      g_autofree char *command = g_strdup_printf ("mount -t tmpfs -o size=4m,mode=0700 tmpfs '%s'", dir);

      if (!run_command (command))
        {
          g_test_skip ("running as root without permission to mount a tmpfs: cannot make a folder read-only");
          return;
        }
      mounted = TRUE;
    }

  store = kj_store_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  before = kj_test_sha256_file (path);

  if (geteuid () != 0)
    g_assert_cmpint (g_chmod (path, 0400), ==, 0);
  g_assert_true (make_read_only (dir));

  /* a read-only journal */
  store = kj_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "read-only"));
  after = kj_test_sha256_file (path);
  g_assert_cmpstr (before, ==, after);
  g_clear_error (&error);

  /* a new journal in a read-only folder */
  store = kj_store_open (new_path, &error);
  g_assert_null (store);
  g_assert_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "read-only"));
  g_assert_false (g_file_test (new_path, G_FILE_TEST_EXISTS));

  if (mounted)
    {
      g_autofree char *command = g_strdup_printf ("umount '%s'", dir);
      g_assert_true (run_command (command));
    }
  else
    g_chmod (dir, 0700);
}

/* A full disk: the import fails with a clear message and the journal keeps
 * everything it had. Needs root to mount a small tmpfs; skipped elsewhere. */
static void
test_store_full_disk (void)
{
  g_autofree char *dir = kj_test_tmp_path ("full-disk");
  g_autofree char *path = g_build_filename (dir, "journal.db", NULL);
  g_autofree char *mount = g_strdup_printf ("mount -t tmpfs -o size=256k,mode=0700 tmpfs '%s'", dir);
  g_autofree char *umount = g_strdup_printf ("umount '%s'", dir);
  g_autoptr(KjJournal) small = kj_gen_journal (1, 20, "improving", "2026-11-01", NULL);
  g_autoptr(KjJournal) big = kj_gen_journal (2, 2000, "mixed", "2026-11-01", NULL);
  g_autoptr(KjJournal) before = NULL;
  g_autoptr(KjJournal) after = NULL;
  g_autoptr(KjStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json_before = NULL;
  g_autofree char *json_after = NULL;

  g_mkdir_with_parents (dir, 0700);
  if (geteuid () != 0 || !run_command (mount))
    {
      g_test_skip ("needs root to mount a small tmpfs as a full disk");
      return;
    }

  store = kj_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (kj_store_import (store, small, NULL, &error));
  g_assert_no_error (error);
  before = kj_store_read_journal (store, &error);

  g_assert_false (kj_store_import (store, big, NULL, &error));
  g_assert_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_FULL);
  g_assert_nonnull (strstr (error->message, "disk is full"));
  g_clear_error (&error);

  /* still usable, still holding exactly what it held */
  after = kj_store_read_journal (store, &error);
  g_assert_no_error (error);
  json_before = kj_json_generate (before, NULL);
  json_after = kj_json_generate (after, NULL);
  g_assert_cmpstr (json_before, ==, json_after);
  g_clear_object (&store);

  /* and so after reopening it */
  store = kj_store_open (path, &error);
  g_assert_no_error (error);
  g_clear_pointer (&after, kj_journal_free);
  g_clear_pointer (&json_after, g_free);
  after = kj_store_read_journal (store, &error);
  json_after = kj_json_generate (after, NULL);
  g_assert_cmpstr (json_before, ==, json_after);
  g_clear_object (&store);

  g_assert_true (run_command (umount));
}

static KjJournal *
small_journal (void)
{
  KjJournal *journal = kj_journal_new ();
  KjDay *day;
  KjTreatment *t;
  KjRun *r;

  journal->profile = kj_profile_new ();
  journal->profile->treatment_start = g_strdup ("2026-03-04");

  day = full_day ("2026-03-04");
  day->id = g_strdup ("day-1");
  g_ptr_array_add (journal->days, day);
  day = kj_day_new ("2026-03-05");
  day->id = g_strdup ("day-2");
  day->pain = 4;
  g_ptr_array_add (journal->days, day);

  t = kj_treatment_new ("2026-03-04", "ice");
  t->id = g_strdup ("t-1");
  t->minutes = 15;
  g_ptr_array_add (journal->treatments, t);

  r = kj_run_new ("2026-03-05", 5);
  r->id = g_strdup ("r-1");
  g_ptr_array_add (journal->runs, r);

  return journal;
}

static void
test_store_import_merge (void)
{
  g_autoptr(KjStore) store = kj_test_open_new_store ("merge.db");
  g_autoptr(KjJournal) journal = small_journal ();
  g_autoptr(KjJournal) read = NULL;
  g_autoptr(KjDay) local = kj_day_new ("2026-03-06");
  g_autoptr(KjDay) other = kj_day_new ("2026-03-05");
  g_autoptr(GError) error = NULL;
  KjImportStats stats;

  /* a record of the journal's own, not in the file, survives the merge */
  g_assert_true (kj_store_save_day (store, local, &error));
  /* another id on a date that the file holds is replaced by the file's entry */
  g_assert_true (kj_store_save_day (store, (other->pain = 9, other), &error));

  g_assert_true (kj_store_import (store, journal, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.days.added, ==, 2);
  g_assert_cmpuint (stats.days.replaced, ==, 1);
  g_assert_cmpuint (stats.treatments.added, ==, 1);
  g_assert_cmpuint (stats.runs.added, ==, 1);
  g_assert_true (stats.profile_changed);

  read = kj_store_read_journal (store, &error);
  g_assert_cmpuint (read->days->len, ==, 3);
  g_assert_cmpstr (((KjDay *) read->days->pdata[1])->id, ==, "day-2");
  g_assert_cmpint (((KjDay *) read->days->pdata[1])->pain, ==, 4);
  g_assert_cmpstr (((KjDay *) read->days->pdata[2])->id, ==, local->id);
  g_clear_pointer (&read, kj_journal_free);

  /* the same again changes nothing */
  g_assert_true (kj_store_import (store, journal, &stats, &error));
  g_assert_cmpuint (stats.days.added + stats.days.updated + stats.days.replaced, ==, 0);
  g_assert_cmpuint (stats.days.unchanged, ==, 2);
  g_assert_cmpuint (stats.treatments.unchanged, ==, 1);
  g_assert_cmpuint (stats.runs.unchanged, ==, 1);
  g_assert_false (stats.profile_changed);

  /* a changed record is updated by id, and a day may move to another date */
  ((KjTreatment *) journal->treatments->pdata[0])->minutes = 20;
  g_strlcpy (((KjDay *) journal->days->pdata[1])->date, "2026-03-07", 11);
  g_assert_true (kj_store_import (store, journal, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.treatments.updated, ==, 1);
  g_assert_cmpuint (stats.days.updated, ==, 1);
  read = kj_store_read_journal (store, &error);
  g_assert_cmpuint (read->days->len, ==, 3);
  g_assert_cmpstr (((KjDay *) read->days->pdata[2])->date, ==, "2026-03-07");
  g_assert_cmpint (((KjTreatment *) read->treatments->pdata[0])->minutes, ==, 20);
}

static void
test_store_demo_journal (void)
{
  g_autoptr(KjJournal) demo = kj_demo_journal ("2026-11-23");
  g_autoptr(KjStore) store = kj_test_open_new_store ("demo.db");
  g_autoptr(GError) error = NULL;
  double first_week = 0, last_week = 0;
  guint n_first = 0, n_last = 0;
  gboolean nsaid_after_week_1 = FALSE;
  char week_2[11], week_4[11], first_run[11] = "9999-99-99";

  g_assert_true (kj_store_import (store, demo, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (demo->days->len, >=, 48);
  g_assert_cmpuint (demo->days->len, <=, KJ_DEMO_DAYS);
  g_assert_cmpstr (((KjDay *) demo->days->pdata[demo->days->len - 1])->date, ==, "2026-11-23");
  g_assert_cmpstr (demo->profile->treatment_start, ==, "2026-09-29");

  for (guint i = 0; i < demo->days->len; i++)
    {
      KjDay *day = demo->days->pdata[i];
      int offset = kj_date_diff ("2026-09-29", day->date);

      g_assert_true (kj_day_has_location (day, "right", "pes-anserine"));
      if (offset < 7)
        first_week += day->pain, n_first++;
      if (offset >= KJ_DEMO_DAYS - 7)
        last_week += day->pain, n_last++;
    }

  /* pain falls by well over the meaningful 2 points */
  g_assert_cmpfloat (first_week / n_first - last_week / n_last, >=, 3.0);

  kj_date_add_days ("2026-09-29", 7, week_2);
  kj_date_add_days ("2026-09-29", 21, week_4);
  for (guint i = 0; i < demo->treatments->len; i++)
    {
      KjTreatment *t = demo->treatments->pdata[i];

      if (kj_drug_is_nsaid (t->drug) && strcmp (t->date, week_2) >= 0)
        nsaid_after_week_1 = TRUE;
    }
  g_assert_false (nsaid_after_week_1);

  for (guint i = 0; i < demo->runs->len; i++)
    if (strcmp (((KjRun *) demo->runs->pdata[i])->date, first_run) < 0)
      g_strlcpy (first_run, ((KjRun *) demo->runs->pdata[i])->date, sizeof first_run);
  g_assert_cmpstr (first_run, >=, week_4);
  g_assert_cmpuint (demo->runs->len, >=, 8);
}

/* The JSON export is written as the journal is read (kj_store_visit_journal()):
 * the same text as the journal read whole and generated, the same damage
 * left out and reported; days read with their child rows in one query a
 * table keep each day's places, symptoms and aggravators in their order, in
 * any range. */
/* A whole journal reads each child table by a join from the days, or, when
 * the table has few rows (fewer than a quarter of the days), from the table
 * itself, sorted (kj-store-days.c); a range always by the join. Both give a
 * day's places, symptoms and aggravators in the order they were written,
 * whatever the order of the days' rows or of the child tables' index. */
static void
test_store_day_children_order (void)
{
  g_autoptr(KjStore) store = kj_test_open_new_store ("children.db");
  g_autoptr(GPtrArray) whole = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const regions[] = { "popliteal", "calf", "patella", "mcl", "it-band" };
  static const char * const symptoms[] = { "swelling", "clicking", "stiffness" };
  static const char * const aggravators[] = { "stairs-down", "running", "kneeling", "cycling" };
  guint n_days = 40;

  /* the days written out of date order, the first five twice (new rowids for
   * their child rows); places on every day, aggravators on most, symptoms on
   * one in sixteen (few: read from their table) */
  for (guint pass = 0; pass < 2; pass++)
    for (guint k = 0; k < n_days; k++)
      {
        guint i = (k * 7) % n_days;
        g_autoptr(KjDay) day = NULL;
        char date[11];

        if (pass == 1 && i >= 5)
          continue;
        g_snprintf (date, sizeof date, "2026-03-%02u", 1 + i % 28);
        if (i >= 28)
          g_snprintf (date, sizeof date, "2026-04-%02u", 1 + i - 28);
        day = kj_store_get_day (store, date, &error);
        g_assert_no_error (error);
        if (day == NULL)
          day = kj_day_new (date);
        g_array_set_size (day->locations, 0);
        g_ptr_array_set_size (day->symptoms, 0);
        g_ptr_array_set_size (day->aggravators, 0);
        day->pain = i % 10;
        for (guint j = 0; j < 1 + (i + pass) % G_N_ELEMENTS (regions); j++)
          kj_day_add_location (day, j % 2 ? "left" : "right", regions[(i + pass + j) % G_N_ELEMENTS (regions)]);
        if (i % 16 == 3)
          for (guint j = 0; j < G_N_ELEMENTS (symptoms); j++)
            {
              const char *code = symptoms[(i + pass + j) % G_N_ELEMENTS (symptoms)];

              g_ptr_array_add (day->symptoms, (gpointer) kj_code_lookup (KJ_CODE_SYMPTOM, code));
            }
        for (guint j = 0; j < (i + pass) % G_N_ELEMENTS (aggravators); j++)
          g_ptr_array_add (day->aggravators,
                           (gpointer) kj_code_lookup (KJ_CODE_AGGRAVATOR,
                                                      aggravators[(i + pass + 3 * j) % G_N_ELEMENTS (aggravators)]));
        g_assert_true (kj_store_save_day (store, day, &error));
        g_assert_no_error (error);
      }

  whole = kj_store_list_days (store, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (whole->len, ==, n_days);
  for (guint i = 0; i < whole->len; i++)
    {
      KjDay *day = g_ptr_array_index (whole, i);
      g_autoptr(KjDay) alone = kj_store_get_day (store, day->date, &error);
      guint n = i % 16 == 3 ? G_N_ELEMENTS (symptoms) : 0;
      guint pass = i < 5;

      g_assert_no_error (error);
      if (i > 0)
        g_assert_cmpstr (((KjDay *) g_ptr_array_index (whole, i - 1))->date, <, day->date);
      /* as written, in both ways of reading */
      g_assert_cmpuint (day->locations->len, ==, 1 + (i + pass) % G_N_ELEMENTS (regions));
      for (guint j = 0; j < day->locations->len; j++)
        g_assert_cmpstr (g_array_index (day->locations, KjLocation, j).region, ==,
                         regions[(i + pass + j) % G_N_ELEMENTS (regions)]);
      g_assert_cmpuint (day->symptoms->len, ==, n);
      for (guint j = 0; j < n; j++)
        g_assert_cmpstr (day->symptoms->pdata[j], ==, symptoms[(i + pass + j) % G_N_ELEMENTS (symptoms)]);
      g_assert_cmpuint (day->aggravators->len, ==, (i + pass) % G_N_ELEMENTS (aggravators));
      for (guint j = 0; j < day->aggravators->len; j++)
        g_assert_cmpstr (day->aggravators->pdata[j], ==,
                         aggravators[(i + pass + 3 * j) % G_N_ELEMENTS (aggravators)]);
      g_assert_true (kj_day_equal (day, alone));
    }
}

static void
test_store_streamed_export (void)
{
  g_autoptr(KjStore) store = kj_test_open_new_store ("streamed.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(KjJournal) generated = kj_gen_journal (3, 200, "mixed", "2026-11-01", &error);
  g_autofree char *out = kj_test_tmp_path ("streamed.json");
  g_autofree char *path = g_strdup (kj_store_get_path (store));
  KjImportStats stats;

  g_assert_no_error (error);
  g_assert_true (kj_store_import (store, generated, &stats, &error));
  g_assert_no_error (error);

  /* a day of several places and symptoms, stored out of their code order */
  {
    g_autoptr(KjDay) day = kj_day_new ("2026-11-02");

    day->pain = 3;
    kj_day_add_location (day, "right", "pes-anserine");
    kj_day_add_location (day, "left", "patella");
    kj_day_add_location (day, "right", "calf");
    g_ptr_array_add (day->symptoms, (gpointer) kj_code_lookup (KJ_CODE_SYMPTOM, "stiffness"));
    g_ptr_array_add (day->symptoms, (gpointer) kj_code_lookup (KJ_CODE_SYMPTOM, "clicking"));
    g_ptr_array_add (day->aggravators, (gpointer) kj_code_lookup (KJ_CODE_AGGRAVATOR, "stairs-down"));
    g_assert_true (kj_store_save_day (store, day, &error));
    g_assert_no_error (error);
  }

  for (guint damaged = 0; damaged < 2; damaged++)
    {
      g_autoptr(KjJournal) whole = NULL;
      g_autoptr(GPtrArray) damage_whole = NULL;
      g_autoptr(GPtrArray) damage_streamed = NULL;
      g_autofree char *expected = NULL;
      g_autofree char *written = NULL;
      KjExportCounts counts;

      whole = kj_store_read_journal (store, &error);
      g_assert_no_error (error);
      damage_whole = kj_store_get_damage (store);
      expected = kj_json_generate (whole, NULL);

      g_assert_true (kj_exchange_export (store, out, KJ_EXCHANGE_JSON, &counts, &error));
      g_assert_no_error (error);
      damage_streamed = kj_store_get_damage (store);
      written = kj_test_read_file (out, NULL);
      g_assert_cmpstr (written, ==, expected);
      g_assert_true (counts.read);
      g_assert_cmpuint (counts.days, ==, whole->days->len);
      g_assert_cmpuint (counts.treatments, ==, whole->treatments->len);
      g_assert_cmpuint (counts.runs, ==, whole->runs->len);
      g_assert_cmpuint (damage_streamed->len, ==, damage_whole->len);
      for (guint i = 0; i < damage_whole->len; i++)
        g_assert_cmpstr (damage_streamed->pdata[i], ==, damage_whole->pdata[i]);

      /* the day of several places, whole and in a range of its own */
      {
        g_autoptr(GPtrArray) range = kj_store_list_days (store, "2026-10-31", "2026-11-02", &error);
        KjDay *last = g_ptr_array_index (whole->days, whole->days->len - 1);
        KjDay *in_range = g_ptr_array_index (range, range->len - 1);

        g_assert_no_error (error);
        g_assert_cmpuint (range->len, ==, 3);
        for (guint i = 0; i < 2; i++)
          {
            KjDay *day = g_ptr_array_index (range, i);
            KjDay *same = g_ptr_array_index (whole->days, whole->days->len - 3 + i);

            g_assert_cmpstr (day->id, ==, same->id);
            g_assert_cmpuint (day->locations->len, ==, same->locations->len);
            g_assert_cmpuint (day->symptoms->len, ==, same->symptoms->len);
            g_assert_cmpuint (day->aggravators->len, ==, same->aggravators->len);
          }
        g_assert_cmpstr (last->date, ==, "2026-11-02");
        g_assert_cmpstr (in_range->id, ==, last->id);
        g_assert_cmpuint (in_range->locations->len, ==, 3);
        g_assert_cmpstr (g_array_index (in_range->locations, KjLocation, 0).region, ==, "pes-anserine");
        g_assert_cmpstr (g_array_index (in_range->locations, KjLocation, 1).region, ==, "patella");
        g_assert_cmpstr (g_array_index (in_range->locations, KjLocation, 2).region, ==, "calf");
        g_assert_cmpstr (in_range->symptoms->pdata[0], ==, "stiffness");
        g_assert_cmpstr (in_range->symptoms->pdata[1], ==, "clicking");
        g_assert_cmpstr (in_range->aggravators->pdata[0], ==, "stairs-down");
      }

      if (damaged == 0)
        {
          /* the second time: a child row and a treatment stored behind the journal's back */
          g_clear_object (&store);
          g_assert_true (kj_test_exec_sql (path, "PRAGMA ignore_check_constraints = ON;"
                                                 " INSERT INTO day_symptoms (day_id, symptom)"
                                                 "  SELECT id, 'sneezing' FROM days WHERE date = '2026-10-20';"
                                                 " UPDATE treatments SET minutes = 999 WHERE rowid = 5;"));
          store = kj_store_open (path, &error);
          g_assert_no_error (error);
        }
      else
        {
          g_assert_cmpuint (damage_whole->len, ==, 2);
          g_assert_null (strstr (written, "sneezing"));
        }
    }

  /* a target that cannot be written: the journal is still read, and its damage reported */
  {
    g_autofree char *folder = kj_test_tmp_path ("streamed-folder");
    g_autoptr(GPtrArray) damage = NULL;
    KjExportCounts counts;

    g_mkdir_with_parents (folder, 0700);
    g_assert_false (kj_exchange_export (store, folder, KJ_EXCHANGE_JSON, &counts, &error));
    g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR);
    g_clear_error (&error);
    g_assert_true (counts.read);
    g_assert_cmpuint (counts.days, ==, 200);
    damage = kj_store_get_damage (store);
    g_assert_cmpuint (damage->len, ==, 2);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/new-file", test_store_new_file);
  g_test_add_func ("/store/profile-round-trip", test_store_profile_round_trip);
  g_test_add_func ("/store/day-round-trip", test_store_day_round_trip);
  g_test_add_func ("/store/one-entry-per-date", test_store_one_entry_per_date);
  g_test_add_func ("/store/treatments-and-runs", test_store_treatments_and_runs);
  g_test_add_func ("/store/validation-refusals", test_store_validation_refusals);
  g_test_add_func ("/store/check-constraints", test_store_check_constraints);
  g_test_add_func ("/store/migrations", test_store_migrations);
  g_test_add_func ("/store/migration-v2", test_store_migration_v2);
  g_test_add_func ("/store/treatment-time", test_store_treatment_time);
  g_test_add_func ("/store/copy-day-routine", test_store_copy_day_routine);
  g_test_add_func ("/store/last-medicines", test_store_last_medicines);
  g_test_add_func ("/store/refusals", test_store_refusals);
  g_test_add_func ("/store/read-only", test_store_read_only);
  g_test_add_func ("/store/full-disk", test_store_full_disk);
  g_test_add_func ("/store/import-merge", test_store_import_merge);
  g_test_add_func ("/store/demo-journal", test_store_demo_journal);
  g_test_add_func ("/store/streamed-export", test_store_streamed_export);
  g_test_add_func ("/store/day-children-order", test_store_day_children_order);

  return g_test_run ();
}
