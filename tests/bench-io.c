/* bench-io.c — import, export and reading on the 10-year journal (doc/testing.md, “Test and benchmark data”)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run with `meson test -C build --benchmark --verbose`. Every figure is the
 * median of several runs on a fresh copy; the "floor" is what SQLite itself
 * needs to insert the same rows with prepared statements in one transaction.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kj-assessment.h"
#include "kj-bench.h"
#include "kj-associations.h"
#include "kj-backup.h"
#include "kj-chart-render.h"
#include "kj-csv.h"
#include "kj-file.h"
#include "kj-gen.h"
#include "kj-json.h"
#include "kj-report.h"
#include "kj-store.h"
#include "kj-store-schema.h"
#include "kj-test-util.h"

#define RUNS 5
#define DAYS_30_YEARS 10958   /* kj-gen --days 10958: the 30-year journal */

static char *tmp_dir;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
report (const char *what,
        double     *ms,
        guint       n)
{
  qsort (ms, n, sizeof *ms, compare_doubles);
  g_print ("%-44s median %8.1f ms   min %8.1f ms   max %8.1f ms\n", what, ms[n / 2], ms[0], ms[n - 1]);
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static char *
fresh_path (const char *name)
{
  char *path = g_build_filename (tmp_dir, name, NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  return path;
}

/* The floor: the same rows straight into SQLite, no validation, no objects. */
static double
floor_insert (const KjJournal *journal)
{
  g_autofree char *path = fresh_path ("floor.db");
  sqlite3 *db = NULL;
  sqlite3_stmt *day, *loc, *sym, *agg, *treat, *run;
  double start;

  sqlite3_open (path, &db);
  sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;", NULL, NULL, NULL);
  sqlite3_exec (db, kj_store_migrations[0], NULL, NULL, NULL);
  sqlite3_exec (db, kj_store_migrations[1], NULL, NULL, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO days (id, date, pain, pain_worst, notes) VALUES (?, ?, ?, ?, ?)", -1, &day, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO day_locations (day_id, side, region) VALUES (?, ?, ?)", -1, &loc, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO day_symptoms (day_id, symptom) VALUES (?, ?)", -1, &sym, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO day_aggravators (day_id, aggravator) VALUES (?, ?)", -1, &agg, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO treatments (id, date, kind, minutes, drug, dose_mg, exercise, sets, reps, notes)"
                          " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", -1, &treat, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO runs (id, date, distance_km, duration_s, descent_m, pain_during, pain_after,"
                          " stopped_early, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", -1, &run, NULL);

  start = now_ms ();
  sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
  for (guint i = 0; i < journal->days->len; i++)
    {
      KjDay *d = journal->days->pdata[i];

      sqlite3_bind_text (day, 1, d->id, -1, SQLITE_STATIC);
      sqlite3_bind_text (day, 2, d->date, -1, SQLITE_STATIC);
      sqlite3_bind_int (day, 3, d->pain);
      if (d->pain_worst == KJ_UNSET)
        sqlite3_bind_null (day, 4);
      else
        sqlite3_bind_int (day, 4, d->pain_worst);
      sqlite3_bind_text (day, 5, d->notes, -1, SQLITE_STATIC);
      sqlite3_step (day);
      sqlite3_reset (day);

      for (guint j = 0; j < d->locations->len; j++)
        {
          KjLocation *l = &g_array_index (d->locations, KjLocation, j);

          sqlite3_bind_text (loc, 1, d->id, -1, SQLITE_STATIC);
          sqlite3_bind_text (loc, 2, l->side, -1, SQLITE_STATIC);
          sqlite3_bind_text (loc, 3, l->region, -1, SQLITE_STATIC);
          sqlite3_step (loc);
          sqlite3_reset (loc);
        }
      for (guint j = 0; j < d->symptoms->len; j++)
        {
          sqlite3_bind_text (sym, 1, d->id, -1, SQLITE_STATIC);
          sqlite3_bind_text (sym, 2, d->symptoms->pdata[j], -1, SQLITE_STATIC);
          sqlite3_step (sym);
          sqlite3_reset (sym);
        }
      for (guint j = 0; j < d->aggravators->len; j++)
        {
          sqlite3_bind_text (agg, 1, d->id, -1, SQLITE_STATIC);
          sqlite3_bind_text (agg, 2, d->aggravators->pdata[j], -1, SQLITE_STATIC);
          sqlite3_step (agg);
          sqlite3_reset (agg);
        }
    }
  for (guint i = 0; i < journal->treatments->len; i++)
    {
      KjTreatment *t = journal->treatments->pdata[i];

      sqlite3_bind_text (treat, 1, t->id, -1, SQLITE_STATIC);
      sqlite3_bind_text (treat, 2, t->date, -1, SQLITE_STATIC);
      sqlite3_bind_text (treat, 3, t->kind, -1, SQLITE_STATIC);
      for (int c = 4; c <= 9; c++)
        sqlite3_bind_null (treat, c);
      if (t->minutes != KJ_UNSET) sqlite3_bind_int (treat, 4, t->minutes);
      if (t->drug) sqlite3_bind_text (treat, 5, t->drug, -1, SQLITE_STATIC);
      if (t->dose_mg != KJ_UNSET) sqlite3_bind_int (treat, 6, t->dose_mg);
      if (t->exercise) sqlite3_bind_text (treat, 7, t->exercise, -1, SQLITE_STATIC);
      if (t->sets != KJ_UNSET) sqlite3_bind_int (treat, 8, t->sets);
      if (t->reps != KJ_UNSET) sqlite3_bind_int (treat, 9, t->reps);
      sqlite3_bind_text (treat, 10, t->notes, -1, SQLITE_STATIC);
      sqlite3_step (treat);
      sqlite3_reset (treat);
    }
  for (guint i = 0; i < journal->runs->len; i++)
    {
      KjRun *r = journal->runs->pdata[i];

      sqlite3_bind_text (run, 1, r->id, -1, SQLITE_STATIC);
      sqlite3_bind_text (run, 2, r->date, -1, SQLITE_STATIC);
      sqlite3_bind_double (run, 3, r->distance_km);
      sqlite3_bind_null (run, 4);
      sqlite3_bind_null (run, 5);
      sqlite3_bind_null (run, 6);
      sqlite3_bind_null (run, 7);
      sqlite3_bind_int (run, 8, r->stopped_early);
      sqlite3_bind_text (run, 9, r->notes, -1, SQLITE_STATIC);
      sqlite3_step (run);
      sqlite3_reset (run);
    }
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);

  {
    double elapsed = now_ms () - start;

    sqlite3_finalize (day);
    sqlite3_finalize (loc);
    sqlite3_finalize (sym);
    sqlite3_finalize (agg);
    sqlite3_finalize (treat);
    sqlite3_finalize (run);
    sqlite3_close (db);

    return elapsed;
  }
}

/* Reading the journal (issue 20, part A): --export-json and --summary-json
 * spawned as the user runs them, each against its floor, side by side. */

typedef struct
{
  const char * const *ours;     /* argv */
  const char * const *floor;    /* argv */
  const char         *out_path; /* both write their standard output here */
  long                ours_rss; /* the largest peak RSS of ours, KiB */
} SpawnPair;

static double
spawn_step (const char * const *argv,
            const char         *out_path,
            long               *max_rss)
{
  g_autoptr(GError) error = NULL;
  double ms;
  long rss = 0;

  if (!kj_bench_spawn (argv, NULL, out_path, &ms, &rss, &error))
    g_error ("%s", error->message);
  if (max_rss != NULL)
    *max_rss = MAX (*max_rss, rss);
  return ms;
}

static double
spawn_ours (gpointer data)
{
  SpawnPair *pair = data;

  return spawn_step (pair->ours, pair->out_path, &pair->ours_rss);
}

static double
spawn_floor (gpointer data)
{
  SpawnPair *pair = data;

  return spawn_step (pair->floor, pair->out_path, NULL);
}

/* A journal file of @n_days generated days */
static char *
make_journal_db (const char *name,
                 guint       n_days)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KjJournal) journal = kj_gen_journal (1, n_days, "mixed", "2026-11-01", &error);
  g_autoptr(KjStore) store = NULL;
  char *path = fresh_path (name);
  KjImportStats stats;

  g_assert_no_error (error);
  store = kj_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (kj_store_import (store, journal, &stats, &error));
  g_assert_no_error (error);
  return path;
}

/* --export-json - against sqlite3's own JSON dump of every table; its time at
 * 10 and 30 years, and its peak memory at 30 years against 10 (flat: it streams) */
static void
bench_export_json (const char *db10,
                   const char *db30)
{
  const char *binary = g_getenv ("KJ_BINARY");
  const char *dbs[] = { db10, db30 };
  const char *labels[] = { "10 y", "30 y" };
  g_autofree char *out_path = g_build_filename (tmp_dir, "read-bench.out", NULL);
  long rss[2] = { 0, 0 };

  for (guint i = 0; i < G_N_ELEMENTS (dbs); i++)
    {
      const char *ours[] = { binary, "--db", dbs[i], "--export-json", "-", NULL };
      const char *floor_argv[] = {
        "sqlite3", "-json", "-readonly", dbs[i],
        "SELECT * FROM profile", "SELECT * FROM episodes", "SELECT * FROM days", "SELECT * FROM day_locations",
        "SELECT * FROM day_symptoms", "SELECT * FROM day_aggravators", "SELECT * FROM treatments",
        "SELECT * FROM runs", "SELECT * FROM shoes", "SELECT * FROM questionnaires",
        "SELECT * FROM questionnaire_answers", NULL
      };
      SpawnPair data = { ours, floor_argv, out_path, 0 };
      KjBenchPair pair;
      g_autofree char *job = g_strdup_printf ("knee-journal --export-json -, %s", labels[i]);
      g_autofree char *floor_name = g_strdup_printf ("sqlite3 -json of every table, %s", labels[i]);

      kj_bench_interleave (RUNS, spawn_ours, spawn_floor, &data, &pair);
      kj_bench_ratio (job, pair.ours_ms, floor_name, pair.floor_ms, "ms", 2.0);
      rss[i] = data.ours_rss;
    }

  kj_bench_ratio ("knee-journal --export-json - peak RSS, 30 y", rss[1] / 1024.0,
                  "the same at 10 y", rss[0] / 1024.0, "MiB", 1.1);
}

/* --summary-json of 30 years against --version of the same build: reading
 * the journal is a fixed number of queries (the goal). A second floor
 * shows how near reading is to SQLite's own cost: the sqlite3 shell doing what
 * the summary asks of SQLite, the open's PRAGMA integrity_check and the
 * queries of kj_store_read_journal() (src/core/kj-store*.c, the range
 * parameters NULL), every row written out as JSON. Last, the summary at 30
 * years against the same at 10: about 3 when it grows with the data, less
 * the fixed cost of starting. */
static void
bench_summary_json (const char *db10,
                    const char *db30)
{
  const char *binary = g_getenv ("KJ_BINARY");
  const char *ours[] = { binary, "--db", db30, "--summary-json", "--as-of", "2026-11-01", NULL };
  const char *ours10[] = { binary, "--db", db10, "--summary-json", "--as-of", "2026-11-01", NULL };
  const char *floor_argv[] = { binary, "--version", NULL };
  const char *sqlite_argv[] = {
    "sqlite3", "-json", "-readonly", db30,
    "PRAGMA integrity_check",
    "SELECT name, units FROM profile WHERE id = 1",
    "SELECT id, name, side, injury_date, treatment_start, review_weeks, end_date, notes FROM episodes"
    " ORDER BY coalesce(injury_date, treatment_start, ''), rowid",
    "SELECT id, name, model, start_date, retired_date, start_km, alert_km, is_default FROM shoes"
    " ORDER BY retired_date IS NOT NULL, coalesce(start_date, ''), name, rowid",
    "SELECT q.id, q.date, q.instrument, a.item, a.answer FROM questionnaires q"
    " LEFT JOIN questionnaire_answers a ON a.questionnaire_id = q.id ORDER BY q.date, q.instrument, q.rowid, a.item, a.rowid",
    "SELECT id, date, pain, pain_worst, notes, rowid FROM days ORDER BY date, rowid",
    "SELECT d.rowid, c.side, c.region FROM days d JOIN day_locations c ON c.day_id = d.id ORDER BY d.date, d.rowid, c.rowid",
    "SELECT d.rowid, c.symptom FROM days d JOIN day_symptoms c ON c.day_id = d.id ORDER BY d.date, d.rowid, c.rowid",
    "SELECT d.rowid, c.aggravator FROM days d JOIN day_aggravators c ON c.day_id = d.id ORDER BY d.date, d.rowid, c.rowid",
    "SELECT id, date, kind, minutes, drug, dose_mg, exercise, sets, reps, notes, time FROM treatments ORDER BY date, rowid",
    "SELECT r.id, r.date, r.distance_km, r.duration_s, r.descent_m, r.pain_during, r.pain_after, r.stopped_early,"
    " r.notes, s.id FROM runs r LEFT JOIN shoes s ON s.id = r.shoe_id ORDER BY r.date, r.rowid",
    NULL
  };
  g_autofree char *out_path = g_build_filename (tmp_dir, "summary-bench.out", NULL);
  SpawnPair data = { ours, floor_argv, out_path, 0 };
  SpawnPair sqlite_data = { ours, sqlite_argv, out_path, 0 };
  SpawnPair growth = { ours, ours10, out_path, 0 };
  KjBenchPair pair;

  kj_bench_interleave (RUNS, spawn_ours, spawn_floor, &data, &pair);
  kj_bench_ratio ("knee-journal --summary-json, 30 y", pair.ours_ms, "knee-journal --version", pair.floor_ms,
                  "ms", 3.0);
  kj_bench_interleave (RUNS, spawn_ours, spawn_floor, &sqlite_data, &pair);
  kj_bench_ratio ("knee-journal --summary-json, 30 y", pair.ours_ms,
                  "sqlite3 -json of integrity_check and the summary's queries", pair.floor_ms, "ms", 2.0);
  kj_bench_interleave (RUNS, spawn_ours, spawn_floor, &growth, &pair);
  kj_bench_ratio ("knee-journal --summary-json, 30 y", pair.ours_ms, "the same of 10 y", pair.floor_ms, "ms", 3.0);
}

static void
bench_reading (void)
{
  g_autofree char *db10 = NULL;
  g_autofree char *db30 = NULL;

  if (g_getenv ("KJ_BINARY") == NULL)
    {
      g_print ("KJ_BINARY is not set: the reading rows are left out\n");
      return;
    }

  db10 = make_journal_db ("read-10y.db", KJ_GEN_LARGE_DAYS);
  db30 = make_journal_db ("read-30y.db", DAYS_30_YEARS);
  bench_export_json (db10, db30);
  bench_summary_json (db10, db30);
}

/* The import as the user runs it, against its floor (doc/testing.md,
 * “Benchmarks”): `knee-journal --db NEW --import-json FILE` spawned, a fresh
 * journal each run, and tests/floor-import.py (Python's json and sqlite3)
 * writing the same rows into a copy of an empty journal made by the store.
 * Time and peak memory, medians of interleaved runs. */
typedef struct
{
  const char *json;
  const char *empty;      /* an empty journal, copied for the floor */
  const char *db;
  double      rss_ours[8];
  double      rss_floor[8];
  guint       n_ours;
  guint       n_floor;
} ImportBench;

static void
remove_journal (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

static double
import_ours (gpointer data)
{
  ImportBench *bench = data;
  const char *argv[] = { g_getenv ("KJ_BINARY"), "--db", bench->db, "--import-json", bench->json, NULL };
  g_autoptr(GError) error = NULL;
  double ms;
  long rss;

  remove_journal (bench->db);
  g_assert_true (kj_bench_spawn (argv, NULL, NULL, &ms, &rss, &error));
  g_assert_no_error (error);
  bench->rss_ours[bench->n_ours++ % G_N_ELEMENTS (bench->rss_ours)] = rss / 1024.0;
  return ms;
}

static double
import_floor (gpointer data)
{
  ImportBench *bench = data;
  g_autofree char *script = g_build_filename (g_getenv ("KJ_SOURCE_ROOT"), "tests", "floor-import.py", NULL);
  const char *argv[] = { "python3", script, bench->json, bench->db, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *empty = NULL;
  gsize length;
  double ms;
  long rss;

  remove_journal (bench->db);
  g_assert_true (g_file_get_contents (bench->empty, &empty, &length, &error));
  g_assert_true (g_file_set_contents (bench->db, empty, length, &error));
  g_assert_true (kj_bench_spawn (argv, NULL, NULL, &ms, &rss, &error));
  g_assert_no_error (error);
  bench->rss_floor[bench->n_floor++ % G_N_ELEMENTS (bench->rss_floor)] = rss / 1024.0;
  return ms;
}

static double
median_of (double *values,
           guint   n)
{
  n = MIN (n, 8);
  qsort (values, n, sizeof *values, compare_doubles);
  return values[n / 2];
}

static void
bench_import (guint       days,
              const char *years,
              guint       runs)
{
  g_autofree char *json = g_strdup_printf ("%s/import-%s.json", tmp_dir, years);
  g_autofree char *empty = g_build_filename (tmp_dir, "import-empty.db", NULL);
  g_autofree char *db = g_build_filename (tmp_dir, "import.db", NULL);
  g_autofree char *job = NULL;
  g_autofree char *days_arg = g_strdup_printf ("--days=%u", days);
  const char *gen[] = { g_getenv ("KJ_GEN"), days_arg, "-o", json, NULL };
  g_autoptr(GError) error = NULL;
  GStatBuf st;
  ImportBench bench = { json, empty, db, { 0 }, { 0 }, 0, 0 };
  KjBenchPair pair;

  if (g_getenv ("KJ_BINARY") == NULL || g_getenv ("KJ_GEN") == NULL)
    return;

  /* the file is made by kj-gen, not here: a child's peak memory from wait4()
   * is at least this process's own peak (Linux keeps the larger at exec), so
   * this process stays small until the import's figures are taken */
  g_assert_true (kj_bench_spawn (gen, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (json, &st), ==, 0);
  remove_journal (empty);
  {
    g_autoptr(KjStore) store = kj_store_open (empty, &error);

    g_assert_no_error (error);
  }

  kj_bench_interleave (runs, import_ours, import_floor, &bench, &pair);

  job = g_strdup_printf ("--import-json %s (%u days, %.1f MB)", years, days, st.st_size / 1e6);
  kj_bench_ratio (job, pair.ours_ms, "tests/floor-import.py", pair.floor_ms, "ms", 0.7);
  g_free (job);
  job = g_strdup_printf ("--import-json %s peak memory", years);
  kj_bench_ratio (job, median_of (bench.rss_ours, bench.n_ours), "tests/floor-import.py",
                  median_of (bench.rss_floor, bench.n_floor), "MiB", 1.0);
  remove_journal (db);
  remove_journal (empty);
  g_unlink (json);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(KjJournal) journal = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json_path = NULL;
  g_autofree char *changed_path = NULL;
  g_autofree char *text = NULL;
  double floor_ms[RUNS], parse_ms[RUNS], import_ms[RUNS], reimport_ms[RUNS], update_ms[RUNS];
  double export_json_ms[RUNS], export_csv_ms[RUNS], backup_ms[RUNS], restore_ms[RUNS], open_wal_ms[RUNS], read_ms[RUNS], assess_ms[RUNS], summary_ms[RUNS];
  gsize length;

  /* the ratio lines' × and ≤ in the environment's UTF-8, not as “?” */
  setlocale (LC_ALL, "");
  tmp_dir = g_dir_make_tmp ("kj-bench-XXXXXX", &error);
  g_assert_no_error (error);

  /* `bench-io read` (meson test --benchmark io --test-args read): the reading rows alone */
  if (argc > 1 && g_str_equal (argv[1], "read"))
    {
      bench_reading ();
      kj_test_remove_tree (tmp_dir);
      return 0;
    }

  /* the import rows first, while this process is small (see bench_import()) */
  bench_import (KJ_GEN_LARGE_DAYS, "10 y", RUNS);
  bench_import (DAYS_30_YEARS, "30 y", 3);
  /* `bench-io import`: the import rows alone */
  if (argc > 1 && g_str_equal (argv[1], "import"))
    {
      kj_test_remove_tree (tmp_dir);
      return 0;
    }

  journal = kj_gen_journal (1, KJ_GEN_LARGE_DAYS, "mixed", "2026-11-01", &error);
  g_assert_no_error (error);
  text = kj_json_generate (journal, &length);
  json_path = g_build_filename (tmp_dir, "large.json", NULL);
  g_file_set_contents (json_path, text, length, &error);
  g_assert_no_error (error);

  /* the same journal with every record changed, for an import of all updates */
  for (guint i = 0; i < journal->days->len; i++)
    {
      KjDay *day = journal->days->pdata[i];
      g_free (day->notes);
      day->notes = g_strdup ("changed");
    }
  for (guint i = 0; i < journal->treatments->len; i++)
    {
      KjTreatment *t = journal->treatments->pdata[i];
      g_free (t->notes);
      t->notes = g_strdup ("changed");
    }
  for (guint i = 0; i < journal->runs->len; i++)
    ((KjRun *) journal->runs->pdata[i])->stopped_early ^= 1;
  {
    g_autofree char *changed = kj_json_generate (journal, NULL);

    changed_path = g_build_filename (tmp_dir, "changed.json", NULL);
    g_file_set_contents (changed_path, changed, -1, &error);
    g_assert_no_error (error);
  }

  g_print ("Large journal: %u days, %u treatments, %u runs, %.1f MB of JSON\n",
           journal->days->len, journal->treatments->len, journal->runs->len, length / 1e6);

  for (guint r = 0; r < RUNS; r++)
    {
      g_autofree char *db = fresh_path ("journal.db");
      g_autofree char *out_json = g_build_filename (tmp_dir, "export.json", NULL);
      g_autofree char *out_csv = g_build_filename (tmp_dir, "export.csv", NULL);
      g_autoptr(KjStore) store = NULL;
      g_autoptr(KjJournal) parsed = NULL;
      g_autoptr(KjJournal) changed = NULL;
      g_autoptr(KjJournal) read = NULL;
      g_autoptr(GPtrArray) days = NULL;
      g_autofree char *out = NULL;
      KjImportStats stats;
      double start;

      floor_ms[r] = floor_insert (journal);

      store = kj_store_open (db, &error);
      g_assert_no_error (error);

      /* import into an empty journal: read, parse, validate, write */
      start = now_ms ();
      parsed = kj_json_parse_file (json_path, &error);
      parse_ms[r] = now_ms () - start;
      g_assert_true (kj_store_import (store, parsed, &stats, &error));
      import_ms[r] = now_ms () - start;
      g_assert_no_error (error);
      g_assert_cmpuint (stats.days.added, ==, KJ_GEN_LARGE_DAYS);

      /* the same file again: every record compared, nothing written */
      g_clear_pointer (&parsed, kj_journal_free);
      start = now_ms ();
      parsed = kj_json_parse_file (json_path, &error);
      g_assert_true (kj_store_import (store, parsed, &stats, &error));
      reimport_ms[r] = now_ms () - start;
      g_assert_cmpuint (stats.days.unchanged, ==, KJ_GEN_LARGE_DAYS);

      /* every record changed: all updates */
      start = now_ms ();
      changed = kj_json_parse_file (changed_path, &error);
      g_assert_true (kj_store_import (store, changed, &stats, &error));
      update_ms[r] = now_ms () - start;
      g_assert_cmpuint (stats.days.updated, ==, KJ_GEN_LARGE_DAYS);

      /* exports, as the command line does them */
      start = now_ms ();
      read = kj_store_read_journal (store, &error);
      out = kj_json_generate (read, &length);
      g_assert_true (kj_file_write_atomic (out_json, NULL, out, length, &error));
      export_json_ms[r] = now_ms () - start;
      g_clear_pointer (&read, kj_journal_free);
      g_clear_pointer (&out, g_free);

      start = now_ms ();
      read = kj_store_read_journal (store, &error);
      out = kj_csv_generate (read, &length);
      g_assert_true (kj_file_write_atomic (out_csv, NULL, out, length, &error));
      export_csv_ms[r] = now_ms () - start;

      /* the daily backup: the daily and the weekly copy, then rotation */
      {
        g_autofree char *folder = kj_backup_folder (db);
        g_autoptr(GPtrArray) copies = NULL;

        kj_test_remove_tree (folder);
        start = now_ms ();
        g_assert_true (kj_backup_run (store, "2026-11-01", NULL, &error));
        backup_ms[r] = now_ms () - start;
        g_assert_no_error (error);
        copies = kj_backup_list (db);
        g_assert_cmpuint (copies->len, ==, 2);

        /* a restore: the backup validated whole, a trial copy migrated, the safety copy, the copy back */
        {
          g_autofree char *daily = g_build_filename (folder, "daily-2026-11-01.db", NULL);
          g_autofree char *safety = NULL;

          start = now_ms ();
          g_assert_true (kj_backup_restore (store, daily, &safety, &error));
          restore_ms[r] = now_ms () - start;
          g_assert_no_error (error);
        }

        /* a second connection while the first has written: the log is checked whole */
        {
          g_autoptr(KjStore) second = NULL;
          g_autoptr(KjDay) day = kj_store_get_day (store, "2026-11-01", &error);

          g_assert_nonnull (day);
          day->pain = (day->pain + 1) % 11;
          day->pain_worst = KJ_UNSET;
          g_assert_true (kj_store_save_day (store, day, &error));
          start = now_ms ();
          second = kj_store_open (db, &error);
          open_wal_ms[r] = now_ms () - start;
          g_assert_nonnull (second);
        }
      }

      /* open the journal and read all days */
      g_clear_object (&store);
      start = now_ms ();
      store = kj_store_open (db, &error);
      days = kj_store_list_days (store, NULL, NULL, &error);
      read_ms[r] = now_ms () - start;
      g_assert_cmpuint (days->len, ==, KJ_GEN_LARGE_DAYS);

      /* the assessment, in the process and as the command line runs it */
      {
        g_autoptr(KjJournal) all = NULL;
        g_autoptr(KjAssessment) assessment = NULL;
        g_autofree char *json = NULL;
        g_autofree char *printed = NULL;
        int status = -1;
        const char *command[] = { g_getenv ("KJ_BINARY"), "--db", db, "--summary-json", "--as-of", "2026-11-01", NULL };

        start = now_ms ();
        all = kj_store_read_journal (store, &error);
        assessment = kj_assess (all->profile, all->days, all->treatments, all->runs, "2026-11-01");
        json = kj_assessment_to_json (assessment);
        assess_ms[r] = now_ms () - start;

        g_clear_object (&store);
        if (command[0] != NULL)
          {
            start = now_ms ();
            g_spawn_sync (NULL, (char **) command, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &printed, NULL, &status, &error);
            summary_ms[r] = now_ms () - start;
            g_assert_no_error (error);
            g_assert_cmpint (status, ==, 0);
            g_assert_nonnull (strstr (printed, "\"verdict\""));
            g_assert_nonnull (strstr (printed, "\"associations\""));
          }
        else
          summary_ms[r] = NAN;
      }
    }

  report ("floor: raw SQLite inserts, one transaction", floor_ms, RUNS);
  report ("import into an empty journal (total)", import_ms, RUNS);
  report ("  of which reading and parsing JSON", parse_ms, RUNS);
  report ("re-import of the same file (no change)", reimport_ms, RUNS);
  report ("re-import with every record changed", update_ms, RUNS);
  report ("export JSON", export_json_ms, RUNS);
  report ("export CSV", export_csv_ms, RUNS);
  report ("daily backup (a daily and a weekly copy)", backup_ms, RUNS);
  report ("restore the 10-year backup (validated, trial copy)", restore_ms, RUNS);
  report ("open while another connection has a log", open_wal_ms, RUNS);
  report ("open the journal and read all days", read_ms, RUNS);
  report ("read all and assess (in the process)", assess_ms, RUNS);
  report ("knee-journal --summary-json (a new process)", summary_ms, RUNS);
  bench_reading ();

  /* the chart of all ten years into 1200 × 400, as a frame would draw it */
  {
    g_autoptr(KjJournal) large = kj_gen_journal (1, KJ_GEN_LARGE_DAYS, "mixed", "2026-11-01", NULL);
    g_autoptr(KjAssessment) assessment = kj_assess (large->profile, large->days, large->treatments, large->runs,
                                                    "2026-11-01");
    g_autoptr(KjChartData) data = NULL;
    const KjChartStyle style = { { 0.1, 0.1, 0.1, 1 }, { 1, 1, 1, 1 }, { 0.2, 0.5, 0.9, 1 }, { 0.9, 0.1, 0.1, 1 }, FALSE };
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1200, 400);
    double data_ms[RUNS], render_ms[20];
    double start;

    for (guint r = 0; r < RUNS; r++)
      {
        g_clear_pointer (&data, kj_chart_data_free);
        start = now_ms ();
        data = kj_chart_data_new (large->days, large->treatments, large->runs, assessment,
                                  ((KjDay *) large->days->pdata[0])->date, "2026-11-01");
        data_ms[r] = now_ms () - start;
      }

    for (guint r = 0; r < G_N_ELEMENTS (render_ms); r++)
      {
        cairo_t *cr = cairo_create (surface);

        start = now_ms ();
        kj_chart_render (cr, data, -1, 1200, 400, &style);
        cairo_destroy (cr);
        cairo_surface_flush (surface);
        render_ms[r] = now_ms () - start;
      }
    cairo_surface_destroy (surface);

    /* the doctor's report: the last year, and all ten years */
    {
      double year_ms[RUNS], all_ms[RUNS];
      guint year_pages = 0, all_pages = 0;
      KjReportOptions year = { .from = "2025-11-02", .to = "2026-11-01", .as_of = "2026-11-01",
                               .paper = KJ_PAPER_A4, .include_notes = TRUE };
      KjReportOptions all = { .as_of = "2026-11-01", .paper = KJ_PAPER_A4, .include_notes = TRUE };

      for (guint r = 0; r < RUNS; r++)
        {
          g_autoptr(GBytes) pdf = NULL;

          start = now_ms ();
          pdf = kj_report_render (large, &year, &year_pages, NULL);
          year_ms[r] = now_ms () - start;
          g_assert_nonnull (pdf);
        }
      for (guint r = 0; r < 2; r++)
        {
          g_autoptr(GBytes) pdf = NULL;

          start = now_ms ();
          pdf = kj_report_render (large, &all, &all_pages, NULL);
          all_ms[r] = now_ms () - start;
          g_assert_nonnull (pdf);
        }
      g_autofree char *year_label = g_strdup_printf ("report PDF, 1 year (%u pages)", year_pages);
      g_autofree char *all_label = g_strdup_printf ("report PDF, 10 years (%u pages)", all_pages);

      report (year_label, year_ms, RUNS);
      report (all_label, all_ms, 2);
    }

    report ("chart data for 10 years (once per range)", data_ms, RUNS);
    report ("chart frame, 10 years into 1200×400", render_ms, G_N_ELEMENTS (render_ms));

    /* what seems to help (doc/associations.md): what --summary-json adds to the assessment */
    {
      double assoc_ms[RUNS], adherence_ms[RUNS];
      guint shown = 0;

      for (guint r = 0; r < RUNS; r++)
        {
          g_autoptr(GArray) associations = NULL;
          g_autoptr(GArray) weeks = NULL;

          start = now_ms ();
          associations = kj_associations_compute (large->days, large->treatments, large->runs, "", "2026-11-01");
          assoc_ms[r] = now_ms () - start;
          shown = associations->len;

          start = now_ms ();
          weeks = kj_adherence_weeks (large->days, large->treatments, "", "2026-11-01");
          adherence_ms[r] = now_ms () - start;
          g_assert_cmpuint (weeks->len, >, 500);
        }
      g_autofree char *label = g_strdup_printf ("associations, 10 years (%u factors shown)", shown);

      report (label, assoc_ms, RUNS);
      report ("exercise adherence weeks, 10 years", adherence_ms, RUNS);
    }
  }

  {
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", tmp_dir);
    g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
  }

  return 0;
}
