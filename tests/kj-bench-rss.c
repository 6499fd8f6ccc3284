/* kj-bench-rss.c — runs a program and writes its peak resident memory, for the benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * kj-bench-rss OUT PROGRAM [ARG…]: runs PROGRAM and writes its peak RSS in
 * KiB (wait4's ru_maxrss) to the file OUT; exits with PROGRAM's status.
 *
 * Why a program of its own: Linux keeps the larger of a process's peak and
 * that of the memory it had before exec, so a child that a large benchmark
 * process starts reports at least the benchmark's own peak. Started from this
 * small program instead, a child's figure is its own.
 */
#include <spawn.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>

extern char **environ;

int
main (int   argc,
      char *argv[])
{
  struct rusage usage = { 0 };
  FILE *out;
  pid_t pid;
  int status = 0;

  if (argc < 3)
    {
      fprintf (stderr, "usage: kj-bench-rss OUT PROGRAM [ARG…]\n");
      return 2;
    }
  if (posix_spawnp (&pid, argv[2], NULL, NULL, argv + 2, environ) != 0)
    {
      perror (argv[2]);
      return 127;
    }
  if (wait4 (pid, &status, 0, &usage) < 0)
    {
      perror ("wait4");
      return 127;
    }

  out = fopen (argv[1], "w");
  if (out == NULL || fprintf (out, "%ld\n", usage.ru_maxrss) < 0 || fclose (out) != 0)
    {
      perror (argv[1]);
      return 127;
    }

  return WIFEXITED (status) ? WEXITSTATUS (status) : 128 + WTERMSIG (status);
}
