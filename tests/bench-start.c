/* bench-start.c — starting: headless commands against /bin/true, the window's first frame against a hello world
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run under Xvfb with `meson test -C build --benchmark --verbose start`.
 * Every figure is a spawned process, timed by kj_bench_spawn() side by side
 * with its floor (kj_bench_interleave(), medians):
 * - `knee-journal --version` against `/bin/true` (goal: 3×);
 * - `knee-journal --summary-json` of the 10-year journal, less the same work
 *   (open, read, assess, JSON, free) timed inside a new process of its own,
 *   against `/bin/true` (goal: 3×);
 * - `knee-journal --db` of the 10-year journal to its window's first frame
 *   against a libadwaita hello world (bench-hello.c) to its first frame,
 *   with the GL and the cairo renderer (goal: 1.2×), and the peak memory of
 *   both (goal: the hello world's and 15 MiB). Both end at their first frame
 *   (KJ_EXIT_AT_FIRST_FRAME).
 */
#include "config.h"

#include <locale.h>

#include <stdlib.h>

#include "kj-assessment.h"
#include "kj-associations.h"
#include "kj-bench.h"
#include "kj-episode.h"
#include "kj-gen.h"
#include "kj-store.h"
#include "kj-test-util.h"

#define RUNS_HEADLESS 31
#define RUNS_WINDOW   25 /* a window start under Xvfb varies by ±30 %: more runs for a steady median */

typedef struct
{
  const char * const *ours;
  const char * const *floor;
  GArray             *ours_rss;   /* KiB, of every counted run */
  GArray             *floor_rss;
  guint               failures;
} Spawns;

static double
spawn_one (const char * const *argv,
           GArray             *rss,
           guint              *failures)
{
  g_autoptr(GError) error = NULL;
  double ms = -1;
  long max_rss = 0;

  if (!kj_bench_spawn (argv, NULL, NULL, &ms, &max_rss, &error))
    {
      g_printerr ("%s\n", error->message);
      (*failures)++;
      return -1;
    }
  if (rss != NULL)
    g_array_append_val (rss, max_rss);

  return ms;
}

static double
ours_step (gpointer data)
{
  Spawns *spawns = data;

  return spawn_one (spawns->ours, spawns->ours_rss, &spawns->failures);
}

static double
floor_step (gpointer data)
{
  Spawns *spawns = data;

  return spawn_one (spawns->floor, spawns->floor_rss, &spawns->failures);
}

static int
compare_longs (gconstpointer a,
               gconstpointer b)
{
  long x = *(const long *) a, y = *(const long *) b;

  return (x > y) - (x < y);
}

static double
median_mib (GArray *rss)
{
  if (rss->len == 0)
    return 0;
  g_array_sort (rss, compare_longs);
  return g_array_index (rss, long, rss->len / 2) / 1024.0;
}

/* What `--summary-json` does once the program runs (as src/kj-cli.c's
 * run_summary() does it): open, read, assess, write JSON, and free it all
 * again, as the command does before it exits (the cleanups run inside the
 * timed block) */
static double
summary_work_ms (const char *db,
                 const char *as_of)
{
  double start = kj_bench_now_ms ();

  {
    g_autoptr(KjStore) store = kj_store_open_full (db, KJ_STORE_OPEN_READ_ONLY, NULL);
    g_autoptr(KjJournal) journal = kj_store_read_journal (store, NULL);
    const KjEpisode *episode = kj_episodes_get_current (journal->episodes, as_of);
    g_autoptr(KjAssessment) assessment = NULL;
    g_autoptr(GArray) associations = NULL;
    g_autoptr(GPtrArray) questionnaires = NULL;
    g_autofree char *text = NULL;
    char from[11] = "", to[11];

    g_assert_nonnull (episode);
    assessment = kj_assess_episode (journal->profile, journal->episodes, episode, journal->days,
                                    journal->treatments, journal->runs, as_of);
    kj_episode_get_range (journal->episodes, episode, from, to);
    associations = kj_associations_compute (journal->days, journal->treatments, journal->runs, from,
                                            assessment->as_of);
    questionnaires = kj_records_in_range (journal->questionnaires, from, assessment->as_of);
    text = kj_summary_to_json (assessment, associations, questionnaires);
    g_assert_nonnull (text);
  }

  return kj_bench_now_ms () - start;
}

/* The work, timed in a new process of its own (this program again, with
 * `--work DB DATE`): as cold as the command's, with its heap still to
 * fault in and SQLite, GLib's types and the translations still to set up;
 * only starting (exec, linking, constructors) is left out. Timed in this
 * process after many runs, it was warm, and the start seemed longer by the
 * difference. */
static double
summary_work_spawned_ms (const char *self,
                         const char *db,
                         const char *as_of)
{
  const char *argv[] = { self, "--work", db, as_of, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("%s", error->message);

  return g_ascii_strtod (out, NULL);
}

/* The command and its work alone, each run a pair */
typedef struct
{
  Spawns     *spawns;
  const char *self;
  const char *db;
  const char *as_of;
  GArray     *command;   /* ms of each run (the first is kj_bench_interleave()'s warm-up) */
  GArray     *work;
  GArray     *warm;      /* the work again, in this process */
} WorkPairs;

static double
less_work_step (gpointer data)
{
  WorkPairs *pairs = data;
  double command, work;

  if (pairs->command->len % 2 == 0)
    {
      command = ours_step (pairs->spawns);
      work = summary_work_spawned_ms (pairs->self, pairs->db, pairs->as_of);
    }
  else
    {
      work = summary_work_spawned_ms (pairs->self, pairs->db, pairs->as_of);
      command = ours_step (pairs->spawns);
    }
  g_array_append_val (pairs->command, command);
  g_array_append_val (pairs->work, work);

  return command < 0 ? -1 : command - work;
}

static double
less_work_floor_step (gpointer data)
{
  return floor_step (((WorkPairs *) data)->spawns);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Sorts @values (double) and returns their median */
static double
median_ms (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return values->len > 0 ? g_array_index (values, double, values->len / 2) : 0;
}

int
main (int   argc,
      char *argv[])
{
  const char *binary = g_getenv ("KJ_BINARY");
  const char *hello = g_getenv ("KJ_BENCH_HELLO");
  g_autofree char *tmp = g_dir_make_tmp ("kj-bench-start-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (tmp, "journal.db", NULL);
  g_autofree char *data_home = g_build_filename (tmp, "data", NULL);
  g_autofree char *config_home = g_build_filename (tmp, "config", NULL);
  g_autofree char *today = kj_date_today ();
  g_autoptr(GError) error = NULL;
  KjBenchPair pair;

  /* the ratio lines' × and ≤ in the environment's UTF-8, not as “?” */
  setlocale (LC_ALL, "");
  if (argc == 4 && g_str_equal (argv[1], "--work"))
    {
      char ms[G_ASCII_DTOSTR_BUF_SIZE];

      g_print ("%s\n", g_ascii_dtostr (ms, sizeof ms, summary_work_ms (argv[2], argv[3])));
      return 0;
    }
  g_assert_nonnull (binary);
  g_assert_nonnull (hello);
  g_setenv ("HOME", tmp, TRUE);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);
  g_setenv ("XDG_CACHE_HOME", tmp, TRUE);
  g_unsetenv ("KNEE_JOURNAL_DB");

  {
    g_autoptr(KjJournal) journal = kj_gen_journal (1, KJ_GEN_LARGE_DAYS, "mixed", today, &error);
    g_autoptr(KjStore) store = kj_store_open (db, &error);

    g_assert_no_error (error);
    g_assert_true (kj_store_import (store, journal, NULL, &error));
    g_assert_no_error (error);
  }

  /* --version: nothing but starting */
  {
    const char *ours[] = { binary, "--version", NULL };
    const char *floor[] = { "/bin/true", NULL };
    Spawns spawns = { ours, floor, NULL, NULL, 0 };

    kj_bench_interleave (RUNS_HEADLESS, ours_step, floor_step, &spawns, &pair);
    g_print ("%-44s median %8.1f ms   min %8.1f ms\n", "knee-journal --version", pair.ours_ms, pair.ours_min_ms);
    g_print ("%-44s median %8.1f ms   min %8.1f ms\n", "/bin/true", pair.floor_ms, pair.floor_min_ms);
    kj_bench_ratio ("--version", pair.ours_ms, "/bin/true", pair.floor_ms, "ms", 3.0);
  }

  /* --summary-json of ten years: starting, besides the work. Each run of
   * the command is paired with a run of its work alone in a new process,
   * back to back (which goes first alternates), and what is compared with
   * /bin/true is the median of the pairs' differences: a change in the
   * machine's load between the two would otherwise land on the start */
  {
    const char *ours[] = { binary, "--db", db, "--summary-json", "--as-of", today, NULL };
    const char *floor[] = { "/bin/true", NULL };
    Spawns spawns = { ours, floor, NULL, NULL, 0 };
    WorkPairs pairs = { &spawns, argv[0], db, today, g_array_new (FALSE, FALSE, sizeof (double)),
                        g_array_new (FALSE, FALSE, sizeof (double)), g_array_new (FALSE, FALSE, sizeof (double)) };
    g_autofree char *job = NULL;
    double command_ms, work_ms;

    kj_bench_interleave (RUNS_HEADLESS, less_work_step, less_work_floor_step, &pairs, &pair);
    g_array_remove_index (pairs.command, 0);   /* the warm-up */
    g_array_remove_index (pairs.work, 0);
    for (guint i = 0; i < RUNS_HEADLESS; i++)
      {
        double ms = summary_work_ms (db, today);

        g_array_append_val (pairs.warm, ms);
      }
    command_ms = median_ms (pairs.command);
    work_ms = median_ms (pairs.work);
    g_print ("%-44s median %8.1f ms   min %8.1f ms\n", "knee-journal --summary-json, 10 years", command_ms,
             g_array_index (pairs.command, double, 0));
    g_print ("%-44s median %8.1f ms   min %8.1f ms\n", "  the same work in a new process", work_ms,
             g_array_index (pairs.work, double, 0));
    g_print ("%-44s median %8.1f ms\n", "  (the same work again in this process)", median_ms (pairs.warm));
    g_print ("%-44s median %8.1f ms\n", "  the runs' differences", pair.ours_ms);
    job = g_strdup_printf ("--summary-json 10 y less its work in-process (%.1f ms of %.1f ms)", work_ms, command_ms);
    kj_bench_ratio (job, pair.ours_ms, "/bin/true", pair.floor_ms, "ms", 3.0);
    g_array_unref (pairs.command);
    g_array_unref (pairs.work);
    g_array_unref (pairs.warm);
  }

  /* the window's first frame, with each renderer */
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("no display: the window's start is not measured (run under xvfb-run)\n");
      kj_test_remove_tree (tmp);
      return 0;
    }

  g_setenv ("KJ_EXIT_AT_FIRST_FRAME", "1", TRUE);
  for (guint r = 0; r < 2; r++)
    {
      const char *renderer = r == 0 ? "gl" : "cairo";
      const char *ours[] = { binary, "--db", db, NULL };
      const char *floor[] = { hello, NULL };
      g_autoptr(GArray) ours_rss = g_array_new (FALSE, FALSE, sizeof (long));
      g_autoptr(GArray) floor_rss = g_array_new (FALSE, FALSE, sizeof (long));
      Spawns spawns = { ours, floor, ours_rss, floor_rss, 0 };
      g_autofree char *job = g_strdup_printf ("first frame, 10 y, %s", renderer);
      g_autofree char *rss_job = g_strdup_printf ("peak RSS at the first frame, 10 y, %s", renderer);
      double ours_mib, floor_mib;

      g_setenv ("GSK_RENDERER", renderer, TRUE);
      kj_bench_interleave (RUNS_WINDOW, ours_step, floor_step, &spawns, &pair);
      ours_mib = median_mib (ours_rss);
      floor_mib = median_mib (floor_rss);
      g_print ("%-44s median %8.1f ms   min %8.1f ms   %.1f MiB\n", job, pair.ours_ms, pair.ours_min_ms, ours_mib);
      g_print ("%-44s median %8.1f ms   min %8.1f ms   %.1f MiB\n", "  libadwaita hello world", pair.floor_ms,
               pair.floor_min_ms, floor_mib);
      if (spawns.failures > 0)
        g_print ("  %u runs failed\n", spawns.failures);
      kj_bench_ratio (job, pair.ours_ms, "hello world", pair.floor_ms, "ms", 1.2);
      kj_bench_ratio (rss_job, ours_mib, "hello world + 15 MiB", floor_mib + 15, "MiB", 1.0);
    }

  kj_test_remove_tree (tmp);

  return 0;
}
