/* test-crash.c — SIGKILL at random moments of an import: the journal stays whole
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each round makes a journal of 20 days, starts `knee-journal --import-json`
 * of 1,500 more days (or `--import-gpx` of a folder of 8 tracks) and kills it
 * with SIGKILL after a random delay. Then the journal must pass
 * `PRAGMA integrity_check`, open, and hold all of the JSON import or none of
 * it (for GPX, whole runs only); running the import again must complete it.
 *
 * Rounds go on until the suite has killed 10 times, the benchmark
 * (`--kills 100`) 100 times; a round whose import finished before the kill
 * is checked too but does not count.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>

#include "kj-gen.h"
#include "kj-json.h"
#include "kj-store.h"
#include "kj-test-util.h"

#define BASE_DAYS  20
#define BIG_DAYS   1500
#define GPX_FILES  8

static guint n_kills = 10;
static guint32 seed = 2026;

typedef struct
{
  guint rounds;
  guint killed;
  guint finished;
} Tally;

static char *tmp_dir;
static char *big_json;
static char *gpx_folder;
static KjJournal *base;
static guint big_treatments;
static guint big_runs;

static char *
fresh_journal (const char *name)
{
  char *path = g_build_filename (tmp_dir, name, NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(KjStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  store = kj_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (kj_store_import (store, base, NULL, &error));
  g_assert_no_error (error);

  return path;
}

/* Runs the command to its end; returns how long it took, in µs. */
static gint64
run_to_end (const char * const *argv)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (process, NULL, &error));
  g_assert_no_error (error);

  return g_get_monotonic_time () - start;
}

/* Starts the command and kills it after @delay µs; TRUE if the kill landed. */
static gboolean
run_and_kill (const char * const *argv,
              gint64              delay)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
  g_assert_no_error (error);
  g_usleep (delay);
  g_subprocess_send_signal (process, SIGKILL);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);

  if (g_subprocess_get_if_signaled (process))
    {
      g_assert_cmpint (g_subprocess_get_term_sig (process), ==, SIGKILL);
      return TRUE;
    }

  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  return FALSE;
}

static void
count_records (const char *path,
               guint      *days,
               guint      *treatments,
               guint      *runs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KjStore) store = kj_store_open (path, &error);
  g_autoptr(GPtrArray) d = NULL;
  g_autoptr(GPtrArray) t = NULL;
  g_autoptr(GPtrArray) r = NULL;

  g_assert_no_error (error);
  d = kj_store_list_days (store, NULL, NULL, &error);
  g_assert_no_error (error);
  t = kj_store_list_treatments (store, NULL, NULL, &error);
  g_assert_no_error (error);
  r = kj_store_list_runs (store, NULL, NULL, &error);
  g_assert_no_error (error);

  *days = d->len;
  *treatments = t->len;
  *runs = r->len;
}

static void
report (const char  *what,
        const Tally *tally)
{
  g_autofree char *line = g_strdup_printf ("%s: %u rounds, %u killed mid-way, %u finished first; every journal intact",
                                           what, tally->rounds, tally->killed, tally->finished);

  g_test_message ("%s", line);
  if (g_test_perf ())
    g_print ("%s\n", line);
}

static void
test_crash_import_json (void)
{
  g_autofree char *probe = fresh_journal ("probe-json.db");
  const char *probe_argv[] = { g_getenv ("KJ_BINARY"), "--db", probe, "--import-json", big_json, NULL };
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  guint base_treatments = base->treatments->len, base_runs = base->runs->len;
  Tally tally = { 0 };
  gint64 duration;

  duration = run_to_end (probe_argv);
  g_test_message ("a whole import takes %.0f ms", duration / 1000.0);

  while (tally.killed < (n_kills + 1) / 2 && tally.rounds < 3 * n_kills)
    {
      g_autofree char *path = fresh_journal ("crash-json.db");
      const char *argv[] = { g_getenv ("KJ_BINARY"), "--db", path, "--import-json", big_json, NULL };
      gint64 delay = g_rand_int_range (rand, 0, (gint32) (duration * 1.1));
      guint days, treatments, runs;

      tally.rounds++;
      if (run_and_kill (argv, delay))
        tally.killed++;
      else
        tally.finished++;

      kj_test_assert_integrity (path);
      count_records (path, &days, &treatments, &runs);
      g_test_message ("killed after %.1f ms: %u days", delay / 1000.0, days);

      /* all of the import or none of it */
      if (days == BASE_DAYS)
        {
          g_assert_cmpuint (treatments, ==, base_treatments);
          g_assert_cmpuint (runs, ==, base_runs);
        }
      else
        {
          g_assert_cmpuint (days, ==, BASE_DAYS + BIG_DAYS);
          g_assert_cmpuint (treatments, ==, base_treatments + big_treatments);
          g_assert_cmpuint (runs, ==, base_runs + big_runs);
        }

      /* and the journal goes on: the import again completes it */
      run_to_end (argv);
      count_records (path, &days, &treatments, &runs);
      g_assert_cmpuint (days, ==, BASE_DAYS + BIG_DAYS);
      g_assert_cmpuint (treatments, ==, base_treatments + big_treatments);
    }

  g_assert_cmpuint (tally.killed, ==, (n_kills + 1) / 2);
  report ("--import-json of 1,500 days", &tally);
}

static void
test_crash_import_gpx (void)
{
  g_autofree char *probe = fresh_journal ("probe-gpx.db");
  const char *probe_argv[] = { g_getenv ("KJ_BINARY"), "--db", probe, "--import-gpx", gpx_folder, NULL };
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed + 1);
  guint base_runs = base->runs->len;
  Tally tally = { 0 };
  gint64 duration;

  duration = run_to_end (probe_argv);
  g_test_message ("a whole GPX import takes %.0f ms", duration / 1000.0);

  while (tally.killed < n_kills / 2 && tally.rounds < 3 * n_kills)
    {
      g_autofree char *path = fresh_journal ("crash-gpx.db");
      const char *argv[] = { g_getenv ("KJ_BINARY"), "--db", path, "--import-gpx", gpx_folder, NULL };
      gint64 delay = g_rand_int_range (rand, 0, (gint32) (duration * 1.1));
      guint days, treatments, runs;

      tally.rounds++;
      if (run_and_kill (argv, delay))
        tally.killed++;
      else
        tally.finished++;

      kj_test_assert_integrity (path);
      count_records (path, &days, &treatments, &runs);
      g_test_message ("killed after %.1f ms: %u runs", delay / 1000.0, runs);
      g_assert_cmpuint (days, ==, BASE_DAYS);
      g_assert_cmpuint (runs, >=, base_runs);
      g_assert_cmpuint (runs, <=, base_runs + GPX_FILES);

      /* the rest of the batch goes in once, without doubles */
      run_to_end (argv);
      count_records (path, &days, &treatments, &runs);
      g_assert_cmpuint (runs, ==, base_runs + GPX_FILES);
    }

  g_assert_cmpuint (tally.killed, ==, n_kills / 2);
  report ("--import-gpx of 8 tracks", &tally);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KjJournal) big = NULL;
  g_autofree char *text = NULL;
  int status;

  /* --kills N, before the test framework sees the arguments */
  for (int i = 1; i + 1 < argc; i++)
    if (g_str_equal (argv[i], "--kills"))
      {
        n_kills = MAX (2, (guint) g_ascii_strtoull (argv[i + 1], NULL, 10));
        argv[i] = argv[i + 1] = (char *) "";
      }

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  tmp_dir = g_dir_make_tmp ("kj-crash-XXXXXX", &error);
  g_assert_no_error (error);

  base = kj_gen_journal (7, BASE_DAYS, "improving", "2019-12-31", &error);
  g_assert_no_error (error);
  big = kj_gen_journal (8, BIG_DAYS, "mixed", "2026-11-01", &error);
  g_assert_no_error (error);
  big_treatments = big->treatments->len;
  big_runs = big->runs->len;
  text = kj_json_generate (big, NULL);
  big_json = g_build_filename (tmp_dir, "big.json", NULL);
  kj_test_write_file (big_json, text, -1);

  gpx_folder = g_build_filename (tmp_dir, "tracks", NULL);
  g_mkdir (gpx_folder, 0700);
  for (guint i = 0; i < GPX_FILES; i++)
    {
      g_autofree char *name = g_strdup_printf ("run-%u.gpx", i);
      g_autofree char *path = g_build_filename (gpx_folder, name, NULL);

      kj_gen_write_gpx (path, i * 3, 1800);
    }

  g_test_add_func ("/crash/import-json", test_crash_import_json);
  g_test_add_func ("/crash/import-gpx", test_crash_import_gpx);

  status = g_test_run ();

  kj_test_remove_tree (tmp_dir);
  g_clear_pointer (&base, kj_journal_free);
  g_free (big_json);
  g_free (gpx_folder);
  g_free (tmp_dir);

  return status;
}
