/* bench-start.c — starting: headless commands against /bin/true, the window's first frame against a hello world
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run under Xvfb with `meson test -C build --benchmark --verbose start`.
 * Every figure is a spawned process, timed by kj_bench_spawn() side by side
 * with its floor (kj_bench_interleave(), medians):
 * - `knee-journal --version` against `/bin/true` (goal: 3×);
 * - `knee-journal --summary-json` of the 10-year journal, less the same work
 *   done in this process, against `/bin/true` (goal: 3×);
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
#define RUNS_WINDOW   11

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

/* What `--summary-json` does once the program runs, here in this process
 * (as src/kj-cli.c's run_summary() does it): open, read, assess, write JSON */
static double
summary_work_ms (const char *db,
                 const char *as_of)
{
  double start = kj_bench_now_ms ();
  g_autoptr(KjStore) store = kj_store_open_full (db, KJ_STORE_OPEN_READ_ONLY, NULL);
  g_autoptr(KjJournal) journal = kj_store_read_journal (store, NULL);
  const KjEpisode *episode = kj_episodes_get_current (journal->episodes, as_of);
  g_autoptr(KjAssessment) assessment = NULL;
  g_autoptr(GArray) associations = NULL;
  g_autoptr(GPtrArray) questionnaires = NULL;
  g_autofree char *text = NULL;
  char from[11] = "", to[11];

  g_assert_nonnull (episode);
  assessment = kj_assess_episode (journal->profile, journal->episodes, episode, journal->days, journal->treatments,
                                  journal->runs, as_of);
  kj_episode_get_range (journal->episodes, episode, from, to);
  associations = kj_associations_compute (journal->days, journal->treatments, journal->runs, from,
                                          assessment->as_of);
  questionnaires = kj_records_in_range (journal->questionnaires, from, assessment->as_of);
  text = kj_summary_to_json (assessment, associations, questionnaires);
  g_assert_nonnull (text);

  return kj_bench_now_ms () - start;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
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

  /* --summary-json of ten years: starting, besides the work */
  {
    const char *ours[] = { binary, "--db", db, "--summary-json", "--as-of", today, NULL };
    const char *floor[] = { "/bin/true", NULL };
    Spawns spawns = { ours, floor, NULL, NULL, 0 };
    double work[RUNS_HEADLESS];
    g_autofree char *job = NULL;

    kj_bench_interleave (RUNS_HEADLESS, ours_step, floor_step, &spawns, &pair);
    for (guint i = 0; i < RUNS_HEADLESS; i++)
      work[i] = summary_work_ms (db, today);
    qsort (work, RUNS_HEADLESS, sizeof *work, compare_doubles);
    g_print ("%-44s median %8.1f ms   min %8.1f ms\n", "knee-journal --summary-json, 10 years", pair.ours_ms,
             pair.ours_min_ms);
    g_print ("%-44s median %8.1f ms\n", "  the same work in this process", work[RUNS_HEADLESS / 2]);
    job = g_strdup_printf ("--summary-json 10 y less its work in-process (%.1f ms of %.1f ms)",
                           work[RUNS_HEADLESS / 2], pair.ours_ms);
    kj_bench_ratio (job, pair.ours_ms - work[RUNS_HEADLESS / 2], "/bin/true", pair.floor_ms, "ms", 3.0);
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
