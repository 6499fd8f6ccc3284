/* kj-bench.c — side-by-side timing for the benchmarks: a job against its floor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A ratio is only worth printing when both sides ran on the same machine at
 * the same moment: kj_bench_interleave() alternates the job and its floor, run
 * by run, and takes the medians; kj_bench_spawn() times a child process and
 * has kj-bench-rss take its peak memory. Every benchmark prints its verdict with
 * kj_bench_ratio(), one line a goal, in the same words.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "kj-bench.h"

extern char **environ;

double
kj_bench_now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* Runs argv (looked up in PATH), stdin and stdout redirected to files when
 * given (else /dev/null), and returns the wall time and, when @max_rss_kib is
 * not NULL, the child's peak resident memory. Fails when the program cannot
 * start or exits non-zero.
 *
 * The peak memory is taken by kj-bench-rss (KJ_BENCH_RSS), which runs the
 * program for us: a child started from here would report at least this
 * process's own peak (Linux keeps the larger across exec). Its start adds
 * about a millisecond, so the times of runs that ask for memory and of runs
 * that don't are not to be compared. */
gboolean
kj_bench_spawn (const char *const *argv,
                const char        *stdin_path,
                const char        *stdout_path,
                double            *ms,
                long              *max_rss_kib,
                GError           **error)
{
  posix_spawn_file_actions_t actions;
  g_autofree char *rss_path = NULL;
  g_autofree char *rss_text = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  double start;
  pid_t pid;
  int status = 0;
  int res;

  posix_spawn_file_actions_init (&actions);
  posix_spawn_file_actions_addopen (&actions, 0, stdin_path ? stdin_path : "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen (&actions, 1, stdout_path ? stdout_path : "/dev/null",
                                    O_WRONLY | O_CREAT | O_TRUNC, 0600);

  if (max_rss_kib != NULL)
    {
      const char *helper = g_getenv ("KJ_BENCH_RSS");
      int fd;

      if (helper == NULL)
        {
          g_set_error (error, G_SPAWN_ERROR, G_SPAWN_ERROR_FAILED, "KJ_BENCH_RSS is not set");
          posix_spawn_file_actions_destroy (&actions);
          return FALSE;
        }
      fd = g_file_open_tmp ("kj-bench-rss-XXXXXX", &rss_path, error);
      if (fd < 0)
        {
          posix_spawn_file_actions_destroy (&actions);
          return FALSE;
        }
      close (fd);
      g_ptr_array_add (args, (gpointer) helper);
      g_ptr_array_add (args, rss_path);
    }
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) argv[i]);
  g_ptr_array_add (args, NULL);

  start = kj_bench_now_ms ();
  res = posix_spawnp (&pid, args->pdata[0], &actions, NULL, (char *const *) args->pdata, environ);
  posix_spawn_file_actions_destroy (&actions);
  if (res != 0)
    {
      g_set_error (error, G_SPAWN_ERROR, G_SPAWN_ERROR_FAILED,
                   "cannot run %s: %s", argv[0], g_strerror (res));
      return FALSE;
    }

  while (waitpid (pid, &status, 0) < 0)
    {
      if (errno != EINTR)
        {
          g_set_error (error, G_SPAWN_ERROR, G_SPAWN_ERROR_FAILED,
                       "waiting for %s: %s", argv[0], g_strerror (errno));
          return FALSE;
        }
    }
  if (ms != NULL)
    *ms = kj_bench_now_ms () - start;

  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_set_error (error, G_SPAWN_ERROR, G_SPAWN_ERROR_FAILED,
                   "%s exited with status %d", argv[0], status);
      if (rss_path != NULL)
        g_unlink (rss_path);
      return FALSE;
    }

  if (max_rss_kib != NULL)
    {
      gboolean ok = g_file_get_contents (rss_path, &rss_text, NULL, error);

      g_unlink (rss_path);
      if (!ok)
        return FALSE;
      *max_rss_kib = strtol (rss_text, NULL, 10);
    }
  return TRUE;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Runs ours and the floor in turn, runs times each, starting with a warm-up
 * of each that is not counted; medians and minima into pair. */
void
kj_bench_interleave (guint        runs,
                     KjBenchStep  ours,
                     KjBenchStep  floor_step,
                     gpointer     data,
                     KjBenchPair *pair)
{
  g_autofree double *a = g_new0 (double, runs);
  g_autofree double *b = g_new0 (double, runs);

  g_assert (runs > 0);
  ours (data);
  floor_step (data);
  for (guint i = 0; i < runs; i++)
    {
      /* alternate which side goes first, so neither always meets a warm cache */
      if (i % 2 == 0)
        {
          a[i] = ours (data);
          b[i] = floor_step (data);
        }
      else
        {
          b[i] = floor_step (data);
          a[i] = ours (data);
        }
    }
  qsort (a, runs, sizeof *a, compare_doubles);
  qsort (b, runs, sizeof *b, compare_doubles);
  pair->ours_ms = a[runs / 2];
  pair->floor_ms = b[runs / 2];
  pair->ours_min_ms = a[0];
  pair->floor_min_ms = b[0];
}

/* One line a goal:
 *   ratio  <job>: 123.4 ms against <floor> 61.7 ms = 2.00× (goal ≤ 2.00×: met)
 * Returns whether the goal is met; a benchmark reports, it does not fail. */
gboolean
kj_bench_ratio (const char *job,
                double      ours,
                const char *floor_name,
                double      floor_value,
                const char *unit,
                double      goal)
{
  double ratio = floor_value > 0 ? ours / floor_value : 0;
  gboolean met = floor_value > 0 && ratio <= goal;

  g_print ("ratio  %s: %.1f %s against %s %.1f %s = %.2f× (goal ≤ %.2f×: %s)\n",
           job, ours, unit, floor_name, floor_value, unit, ratio, goal, met ? "met" : "MISSED");
  return met;
}
