/* bench-gpx.c — importing 500 GPX files of one hour each (one point a second), and the same runs as FIT files,
 * each against its floor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both sides are spawned, interleaved run by run (kj-bench.h): `knee-journal
 * --import-runs FOLDER` into a new journal against Python's ElementTree
 * parsing the same runs as GPX (parse only, nothing stored), and the same
 * import again into a journal that holds every run already against the
 * first import. KJ_BENCH_RUNS sets the number of timed runs (3).
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>

#include "kj-bench.h"
#include "kj-fit-encoder.h"
#include "kj-gen.h"

#define N_FILES  500
#define N_POINTS 3600

static const char floor_script[] =
  "import sys, xml.etree.ElementTree as ET\n"
  "for name in sys.argv[1:]:\n"
  "    ET.parse(name)\n";

typedef struct
{
  const char *binary;
  const char *tmp;
  const char *folder;        /* the files imported */
  const char *known_db;      /* a journal that holds them all */
  GPtrArray  *floor_argv;    /* python3 -c … and the GPX files */
  guint       serial;
} Bench;

static void
remove_journal (const char *db)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (db, suffixes[i], NULL);

      g_unlink (path);
    }
}

static double
import_into (Bench      *b,
             const char *db)
{
  const char *argv[] = { b->binary, "--db", db, "--import-runs", b->folder, NULL };
  g_autoptr(GError) error = NULL;
  double ms = -1;

  if (!kj_bench_spawn (argv, NULL, NULL, &ms, NULL, &error))
    g_error ("%s", error->message);
  return ms;
}

/* the first import, into a new journal each time */
static double
first_import (gpointer data)
{
  Bench *b = data;
  g_autofree char *name = g_strdup_printf ("first-%u.db", b->serial++);
  g_autofree char *db = g_build_filename (b->tmp, name, NULL);
  double ms = import_into (b, db);

  remove_journal (db);
  return ms;
}

/* every file again, all of them in the journal already */
static double
known_import (gpointer data)
{
  Bench *b = data;

  return import_into (b, b->known_db);
}

static double
python_parse (gpointer data)
{
  Bench *b = data;
  g_autoptr(GError) error = NULL;
  double ms = -1;

  if (!kj_bench_spawn ((const char * const *) b->floor_argv->pdata, NULL, NULL, &ms, NULL, &error))
    g_error ("%s", error->message);
  return ms;
}

static void
write_files (const char *folder,
             const char *extension,
             GPtrArray  *paths)
{
  double megabytes = 0;

  g_mkdir_with_parents (folder, 0700);
  for (guint i = 0; i < N_FILES; i++)
    {
      g_autofree char *name = g_strdup_printf ("run-%03u.%s", i, extension);
      g_autofree char *path = g_build_filename (folder, name, NULL);
      GStatBuf st;

      if (g_str_equal (extension, "gpx"))
        kj_gen_write_gpx (path, i, N_POINTS);
      else
        kj_gen_write_fit (path, i, N_POINTS);
      g_stat (path, &st);
      megabytes += st.st_size / 1e6;
      if (paths != NULL)
        g_ptr_array_add (paths, g_steal_pointer (&path));
    }
  g_print ("%u %s files of one hour (%u points each), %.0f MB in all\n", N_FILES, extension, N_POINTS, megabytes);
}

/* The first import against the floor, then the import of the same files again against the first */
static void
bench_format (Bench      *b,
              const char *format,
              guint       runs)
{
  g_autofree char *first_job = g_strdup_printf ("--import-runs %u %s files, new journal", N_FILES, format);
  g_autofree char *known_job = g_strdup_printf ("--import-runs %u %s files again, all known", N_FILES, format);
  g_autofree char *first_floor = g_strdup_printf ("first import of the %s files", format);
  KjBenchPair pair;

  /* the journal that knows every file */
  remove_journal (b->known_db);
  import_into (b, b->known_db);

  kj_bench_interleave (runs, first_import, python_parse, b, &pair);
  g_print ("  %s: %.1f ms a file\n", first_job, pair.ours_ms / N_FILES);
  kj_bench_ratio (first_job, pair.ours_ms, "ElementTree parse of the GPX files", pair.floor_ms, "ms", 0.6);

  kj_bench_interleave (runs, known_import, first_import, b, &pair);
  kj_bench_ratio (known_job, pair.ours_ms, first_floor, pair.floor_ms, "ms", 0.2);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("kj-bench-gpx-XXXXXX", &error);
  g_autofree char *gpx_folder = g_build_filename (tmp, "gpx", NULL);
  g_autofree char *fit_folder = g_build_filename (tmp, "fit", NULL);
  g_autofree char *known_db = g_build_filename (tmp, "known.db", NULL);
  g_autoptr(GPtrArray) floor_argv = g_ptr_array_new_with_free_func (g_free);
  const char *binary = g_getenv ("KJ_BINARY");
  const char *runs_text = g_getenv ("KJ_BENCH_RUNS");
  guint runs = runs_text != NULL && atoi (runs_text) > 0 ? (guint) atoi (runs_text) : 3;
  Bench b = { 0 };

  /* the × and ≤ of the ratio lines in the locale's characters */
  setlocale (LC_ALL, "");
  g_assert_no_error (error);
  g_assert_nonnull (binary);

  g_ptr_array_add (floor_argv, g_strdup ("python3"));
  g_ptr_array_add (floor_argv, g_strdup ("-c"));
  g_ptr_array_add (floor_argv, g_strdup (floor_script));
  write_files (gpx_folder, "gpx", floor_argv);
  g_ptr_array_add (floor_argv, NULL);
  write_files (fit_folder, "fit", NULL);

  b.binary = binary;
  b.tmp = tmp;
  b.known_db = known_db;
  b.floor_argv = floor_argv;

  b.folder = gpx_folder;
  bench_format (&b, "GPX", runs);
  /* FIT has no XML to parse: the floor stays ElementTree's parse of the same runs as GPX */
  b.folder = fit_folder;
  bench_format (&b, "FIT", runs);

  {
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", tmp);

    g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
  }

  return 0;
}
